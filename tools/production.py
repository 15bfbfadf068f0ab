"""The production profile on one machine (`make prod`): PostgreSQL, Redis, several Rasa servers
and action servers, our web server, nginx in front.

Everything is Rasa's own way of scaling out: conversations in the SQL tracker store
(PostgreSQL), Rasa's Redis lock store so that two servers never process the same conversation
at once, Rasa's SQL event broker (a database of its own), stateless Rasa and action servers
behind a reverse proxy. The programs come from Debian packages (scripts/prod-setup.sh); this
module starts its own instances as child processes, with their data under `var/prod/` — never
the system's services or their data. Ctrl-C stops them all.

Only nginx's two public doors listen on PUBLIC_INTERFACE; every other server (PostgreSQL, Redis,
Rasa, action servers, web server, nginx's internal listeners) on INTERNAL_INTERFACE, both
loopback by default. No secret is ever on a command line (bot/serve.py, redis.conf, PGPASSWORD).

The load-and-fault test and the benchmarks start the same profile in other folders and ports.
"""
from __future__ import annotations

import glob
import ipaddress
import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Dict, List, Optional

import jinja2

from bot import texts
from bot.config import PROJECT_ROOT
from tools.run import (
    PRIVATE_UMASK, Ports, Service, StartError, allowed_origins, announce_demo_accounts, browser_host,
    make_private, migrate_database, port_is_free, private_files, service_environment, supervise,
)
from bot.serve import DEFAULT_INTERFACE, internal_interface

NGINX_TEMPLATE = PROJECT_ROOT / "config" / "production" / "nginx.conf.j2"
DATABASES = ("rasa", "caisse", "rasa_events")
DB_USER = "caisse"
# Two Rasa servers load their model at the same time: on 2 busy cores this takes minutes.
READY_TIMEOUT_SECONDS = 600


@dataclass
class ProductionPorts:
    """Public ports are nginx's (site, Rasa); the others stay behind it on loopback."""

    site: int = int(os.environ.get("PROD_SITE_PORT", 8080))
    rasa: int = int(os.environ.get("PROD_RASA_PORT", 8081))
    actions: int = int(os.environ.get("PROD_ACTIONS_PORT", 8082))
    postgres: int = int(os.environ.get("PROD_POSTGRES_PORT", 5433))
    redis: int = int(os.environ.get("PROD_REDIS_PORT", 6380))
    web: int = int(os.environ.get("PROD_WEB_PORT", 8300))
    rasa_servers: List[int] = field(default_factory=lambda: [5301, 5302])
    action_servers: List[int] = field(default_factory=lambda: [5351, 5352])
    rasa_api: int = int(os.environ.get("PROD_RASA_API_PORT", 8083))

    @classmethod
    def shifted(cls, offset: int, rasa_servers: int = 2, action_servers: int = 2) -> "ProductionPorts":
        """Another set of ports (benchmarks and tests run next to a running `make prod`)."""
        return cls(8080 + offset, 8081 + offset, 8082 + offset, 5433 + offset, 6380 + offset, 8300 + offset,
                   [5301 + offset + i for i in range(rasa_servers)],
                   [5351 + offset + i for i in range(action_servers)], 8083 + offset)

    def all(self) -> List[int]:
        return [self.site, self.rasa, self.actions, self.rasa_api, self.postgres, self.redis, self.web,
                *self.rasa_servers, *self.action_servers]


def _postgres_bin(name: str) -> str:
    found = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"))
    if not found:
        raise StartError("PostgreSQL est introuvable : lancez scripts/prod-setup.sh (paquet Debian postgresql).")
    return found[-1]


def _program(name: str, *places: str) -> str:
    found = shutil.which(name) or next((p for p in places if os.access(p, os.X_OK)), None)
    if not found:
        raise StartError(f"{name} est introuvable : lancez scripts/prod-setup.sh (paquets Debian).")
    return found


def _as_postgres_user(command: List[str]) -> List[str]:
    """PostgreSQL refuses to run as root: under root, its programs run as the `postgres` user
    of the Debian package (the data folder is given to it)."""
    return ["runuser", "-u", "postgres", "--", *command] if os.geteuid() == 0 else command


class ProbedService(Service):
    """A service whose readiness is a probe (a TCP or SQL check) rather than an HTTP page."""

    def __init__(self, name: str, command: List[str], probe: Callable[[], bool], log_path: Path,
                 stop_signal: int = signal.SIGTERM) -> None:
        super().__init__(name, command, "", log_path)
        self.probe = probe
        self.stop_signal = stop_signal

    def is_ready(self) -> bool:
        return self.probe()

    def stop(self, timeout: float = 15) -> None:
        if self.process is None or self.process.poll() is not None:
            return
        os.killpg(self.process.pid, self.stop_signal)
        try:
            self.process.wait(timeout)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait()


def _secrets(path: Path) -> Dict[str, str]:
    """Passwords of this machine's PostgreSQL and Redis: from the environment, else drawn once
    and kept in var/prod/secrets.env (mode 600), never in the repository."""
    values: Dict[str, str] = {}
    if path.exists():
        for line in path.read_text().splitlines():
            key, _, value = line.partition("=")
            values[key] = value
    for key in ("PROD_DB_PASSWORD", "PROD_REDIS_PASSWORD"):
        values[key] = os.environ.get(key) or values.get(key) or secrets.token_urlsafe(24)
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    path.write_text("".join(f"{k}={v}\n" for k, v in values.items()))
    path.chmod(0o600)
    return values


def _nginx_string(text: str) -> str:
    """A JSON body inside nginx's single quotes (nginx reads `$` as a variable)."""
    return text.replace("\\", "\\\\").replace("'", "\\'").replace("$", "")


def unavailable_texts() -> Dict[str, str]:
    """nginx's own answers (no server behind it, a person over the per-address limits), from
    `config/textes.yml` (read at start)."""
    return {"actions": texts.text("nginx.actions_unavailable"), "rest": texts.text("nginx.rest_unavailable"),
            "too_many_messages": texts.text("door.too_many_messages")}


def public_interface() -> str:
    """Where nginx's public doors (site, Rasa's channels) listen: PUBLIC_INTERFACE, else loopback."""
    return os.environ.get("PUBLIC_INTERFACE") or DEFAULT_INTERFACE


# nginx's limits per client address (rates, bursts and connections, in the template) are left
# out when NGINX_PER_ADDRESS_LIMITS=off: a load test's simulated people all come from 127.0.0.1
# (`tools.traffic.ONE_ADDRESS`). Raising the rate would not do: nginx counts in milliseconds, so
# more requests than the burst in the same millisecond are refused whatever the rate (the load
# test's 200 first messages lost one that way).
PER_ADDRESS_SWITCH = "NGINX_PER_ADDRESS_LIMITS"


def render_nginx(ports: ProductionPorts, prefix: Path, logs: Path, interface: str = DEFAULT_INTERFACE,
                 public: str = DEFAULT_INTERFACE, per_address_limits: bool = True) -> str:
    texts = unavailable_texts()
    # Then listen: otherwise each later action of the turn fails too and repeats the message.
    actions_body = json.dumps({"events": [{"event": "followup", "name": "action_listen"}],
                               "responses": [{"text": texts["actions"]}]}, ensure_ascii=False)
    rest_body = json.dumps([{"recipient_id": "", "text": texts["rest"]}], ensure_ascii=False)
    too_many_body = json.dumps([{"recipient_id": "", "text": texts["too_many_messages"]}], ensure_ascii=False)
    template = jinja2.Environment(undefined=jinja2.StrictUndefined, keep_trailing_newline=True,
                                  autoescape=False).from_string(NGINX_TEMPLATE.read_text())
    return template.render(
        prefix=prefix, logs=logs, ports=ports, internal=interface, public=public,
        rasa_ports=ports.rasa_servers, action_ports=ports.action_servers, per_address_limits=per_address_limits,
        rest_unavailable_json=_nginx_string(rest_body), rest_too_many_messages_json=_nginx_string(too_many_body),
        actions_unavailable_json=_nginx_string(actions_body))


def _tcp_open(host: str, port: int) -> bool:
    with socket.socket() as probe:
        probe.settimeout(1)
        return probe.connect_ex((host, port)) == 0


class ProductionStack:
    """Infrastructure first (PostgreSQL, Redis), then databases and migrations, then the Rasa
    servers, action servers, web server and nginx; `start()` returns once all are ready."""

    def __init__(self, var_dir: Path = PROJECT_ROOT / "var" / "prod", ports: Optional[ProductionPorts] = None,
                 extra_env: Optional[Dict[str, str]] = None, model_path: str = "models",
                 interface: Optional[str] = None, public: Optional[str] = None) -> None:
        self.var_dir = var_dir
        self.ports = ports or ProductionPorts()
        self.interface = at = interface or internal_interface()
        self.public = public or public_interface()
        self.logs = var_dir / "log"
        self.secrets = _secrets(var_dir / "secrets.env")
        p, db_password, redis_password = self.ports, self.secrets["PROD_DB_PASSWORD"], self.secrets["PROD_REDIS_PASSWORD"]
        database = f"postgresql://{DB_USER}:{db_password}@{at}:{p.postgres}"
        redis = f"redis://:{redis_password}@{at}:{p.redis}"
        self.redis_conf = var_dir / "redis" / "redis.conf"
        # Rasa asks our web server for the answer texts (NLG) directly, without going through nginx.
        self.env = service_environment(var_dir, Ports(rasa=p.rasa, actions=p.actions, web=p.web), at)
        self.env.update({
            "TRACKER_DB_URL": f"{database}/rasa",
            "DATABASE_URL": f"{database}/caisse",
            "EVENT_BROKER_DB_URL": f"{database}/rasa_events",
            "REDIS_HOST": at,
            "REDIS_PORT": str(p.redis),
            "REDIS_PASSWORD": redis_password,
            "SOCKETIO_REDIS_URL": f"{redis}/2",
            "RATE_LIMIT_REDIS_URL": f"{redis}/3",
            "ACTION_ENDPOINT_URL": f"http://{at}:{p.actions}/webhook",
            "RASA_URL": f"http://{at}:{p.rasa_api}",
            "RASA_PUBLIC_URL": os.environ.get("RASA_PUBLIC_URL", f"http://{browser_host(self.public)}:{p.rasa}"),
            # A conversation's lock expires after this (Rasa's default: 60 s). An overloaded server
            # may take longer than that on one message; once the lock expires, the next message
            # of the same conversation would be processed at the same time and one of the two
            # would be missing from the history. Longer than nginx's 51 s, with a margin.
            "TICKET_LOCK_LIFETIME": "120",
            # Rasa keeps up to pool size + overflow connections per server (50 + 100 by default).
            "SQL_POOL_SIZE": "10",
            "SQL_MAX_OVERFLOW": "40",
            **(extra_env or {}),
        })
        self.pg_data = var_dir / "postgres"
        self.pg_socket = var_dir / "run"
        self.postgres = ProbedService(
            "postgres",
            _as_postgres_user([_postgres_bin("postgres"), "-D", str(self.pg_data), "-p", str(p.postgres),
                               "-k", str(self.pg_socket), "-c", "unix_socket_permissions=0700",
                               "-c", f"listen_addresses={at}",
                               "-c", "max_connections=300", "-c", "shared_buffers=256MB",
                               "-c", "synchronous_commit=on"]),
            self._postgres_ready, self.logs / "postgres.log", stop_signal=signal.SIGINT)  # SIGINT: fast shutdown
        self.redis = ProbedService(
            "redis",
            # The password is in redis.conf (written at start, mode 600), not on the command line.
            [_program("redis-server", "/usr/bin/redis-server"), str(self.redis_conf), "--port", str(p.redis),
             "--bind", at, "--dir", str(var_dir / "redis"), "--save", "",
             "--appendonly", "no", "--daemonize", "no", "--logfile", ""],
            lambda: _tcp_open(at, p.redis), self.logs / "redis.log")
        # Only the pages of the caisse's site may call Rasa from a browser (CORS).
        origins = allowed_origins(self.env, browser_host(self.public), p.site)
        self.env["ALLOWED_ORIGINS"] = " ".join(origins)  # the widget's socket.io checks it too
        self.rasa_servers = [
            Service(f"rasa-{i + 1}", [sys.executable, "-m", "bot.serve", "rasa", "--interface", at,
                                      "--model", model_path, "--port", str(port),
                                      "--credentials", "credentials.yml", "--endpoints", "endpoints.production.yml",
                                      "--enable-api", "--cors", *origins],
                    f"http://{at}:{port}/", self.logs / f"rasa-{i + 1}.log")
            for i, port in enumerate(p.rasa_servers)
        ]
        self.action_servers = [
            Service(f"actions-{i + 1}", [sys.executable, "-m", "bot.serve", "actions", "--interface", at,
                                         "--port", str(port), "--actions", "actions"],
                    f"http://{at}:{port}/health", self.logs / f"actions-{i + 1}.log")
            for i, port in enumerate(p.action_servers)
        ]
        self.web = Service("web", [sys.executable, "-m", "bot", "web", "--host", at, "--port", str(p.web)],
                           f"http://{at}:{p.web}/healthz", self.logs / "web.log")
        self.nginx = Service("nginx", [_program("nginx", "/usr/sbin/nginx"), "-c", str(var_dir / "nginx" / "nginx.conf"),
                                       "-p", str(var_dir / "nginx")],
                             f"http://{self.public}:{p.site}/healthz", self.logs / "nginx.log")

    @property
    def services(self) -> List[Service]:
        return [self.postgres, self.redis, *self.action_servers, *self.rasa_servers, self.web, self.nginx]

    @property
    def urls(self) -> Dict[str, str]:
        host = browser_host(self.public)
        return {
            "page": f"http://{host}:{self.ports.site}/",
            "backoffice": f"http://{host}:{self.ports.site}/connexion",
            "rest": f"http://{host}:{self.ports.rasa}/webhooks/rest/webhook",
            "rasa": f"http://{host}:{self.ports.rasa}/",
        }

    # --- PostgreSQL -------------------------------------------------------------------------
    def _postgres_ready(self) -> bool:
        probe = subprocess.run([_postgres_bin("pg_isready"), "-h", self.interface, "-p", str(self.ports.postgres),
                                "-q"], capture_output=True)
        return probe.returncode == 0

    def _init_postgres(self) -> None:
        """First start only: a cluster of our own, password authentication (no trust)."""
        for folder in (self.pg_socket, self.pg_data):
            folder.mkdir(parents=True, exist_ok=True)
            if os.geteuid() == 0:
                shutil.chown(folder, "postgres", "postgres")
        make_private(self.var_dir)  # the postgres account may now pass through to its folders
        if (self.pg_data / "PG_VERSION").exists():
            self._allow_interface()
            return
        password_file = self.pg_socket / "pg-password"
        password_file.write_text(self.secrets["PROD_DB_PASSWORD"] + "\n")
        if os.geteuid() == 0:
            shutil.chown(password_file, "postgres", "postgres")
        try:
            subprocess.run(_as_postgres_user([_postgres_bin("initdb"), "-D", str(self.pg_data), "-U", DB_USER,
                                              "--pwfile", str(password_file), "--auth-host=scram-sha-256",
                                              "--auth-local=scram-sha-256", "-E", "UTF8", "--locale=C.UTF-8"]),
                           check=True, capture_output=True, text=True)
        except subprocess.CalledProcessError as error:
            raise StartError(f"initdb a échoué :\n{error.stderr}") from error
        finally:
            password_file.unlink(missing_ok=True)
        self._allow_interface()

    def _allow_interface(self) -> None:
        """initdb lets password logins in from 127.0.0.1 and ::1 only; the servers connect from
        INTERNAL_INTERFACE."""
        rule = f"host all all {ipaddress.ip_network(self.interface)} scram-sha-256\n"
        hba = self.pg_data / "pg_hba.conf"
        if rule not in hba.read_text():
            with hba.open("a") as rules:
                rules.write(rule)

    def _create_databases(self) -> None:
        env = {**os.environ, "PGPASSWORD": self.secrets["PROD_DB_PASSWORD"]}
        psql = [_postgres_bin("psql"), "-h", self.interface, "-p", str(self.ports.postgres), "-U", DB_USER,
                "-d", "postgres", "-tAc"]
        existing = subprocess.run([*psql, "SELECT datname FROM pg_database"], env=env, capture_output=True,
                                  text=True, check=True).stdout.split()
        for name in DATABASES:
            if name not in existing:
                subprocess.run([*psql, f'CREATE DATABASE "{name}"'], env=env, check=True, capture_output=True)

    # --- whole stack ------------------------------------------------------------------------
    def _check_ports(self) -> None:
        busy = [port for port in self.ports.all() if not port_is_free(port)]
        if busy:
            raise StartError(
                f"Port(s) déjà utilisé(s) : {', '.join(map(str, busy))}. Un profil de production tourne "
                "peut-être déjà (`make prod-down` l'arrête), ou changez PROD_SITE_PORT, PROD_RASA_PORT…"
            )

    def start(self) -> None:
        self._check_ports()
        with private_files():
            make_private(self.var_dir)
            for folder in (self.logs, self.var_dir / "redis", self.var_dir / "nginx"):
                folder.mkdir(parents=True, exist_ok=True)
            self.redis_conf.write_text(f"requirepass {self.secrets['PROD_REDIS_PASSWORD']}\n")
            (self.var_dir / "nginx" / "nginx.conf").write_text(
                render_nginx(self.ports, self.var_dir / "nginx", self.logs, self.interface, self.public,
                             per_address_limits=self.env.get(PER_ADDRESS_SWITCH) != "off"))
            self._init_postgres()
            self.start_services([self.postgres, self.redis])
            self._create_databases()
            migrate_database(self.env["DATABASE_URL"])
            self._create_rasa_tables()
            self.start_services([*self.action_servers, *self.rasa_servers, self.web])
            self.start_services([self.nginx])
            (self.var_dir / "pids").write_text("".join(f"{s.name} {s.process.pid}\n" for s in self.services))
            # What nginx made for its workers (another account when root starts it) stays passable.
            make_private(self.var_dir)

    def _create_rasa_tables(self) -> None:
        """Each Rasa server creates its tables as it starts: two starting at once race on
        CREATE TABLE (PostgreSQL: UniqueViolation on pg_type, and one server dies). Rasa's own
        tracker store and event broker create them once here, before the servers start."""
        from rasa.core.brokers.sql import SQLEventBroker
        from rasa.core.tracker_store import SQLTrackerStore
        from rasa.shared.core.domain import Domain

        SQLTrackerStore(Domain.empty(), host=self.env["TRACKER_DB_URL"]).engine.dispose()
        SQLEventBroker(host=self.env["EVENT_BROKER_DB_URL"]).engine.dispose()

    def start_services(self, services: List[Service]) -> None:
        for service in services:
            service.start(self.env)
        self.wait_ready(services)

    def wait_ready(self, services: List[Service]) -> None:
        deadline = time.monotonic() + READY_TIMEOUT_SECONDS
        waiting = list(services)
        while waiting:
            for service in list(waiting):
                if service.process.poll() is not None:
                    self.stop()
                    raise StartError(f"« {service.name} » s'est arrêté au démarrage. Fin de son journal "
                                     f"({service.log_path}) :\n{service.log_tail()}")
                if service.is_ready():
                    waiting.remove(service)
            if waiting and time.monotonic() > deadline:
                self.stop()
                raise StartError(f"Démarrage trop long ({', '.join(s.name for s in waiting)}). "
                                 f"Voir les journaux dans {self.logs}.")
            time.sleep(0.5)

    def restart(self, service: Service) -> None:
        """Stops a service cleanly and starts it again; returns once it is ready."""
        service.stop()
        self.start_services([service])

    def failed_service(self) -> Optional[Service]:
        return next((s for s in self.services if s.process and s.process.poll() is not None), None)

    def stop(self) -> None:
        for service in reversed(self.services):
            service.stop()
        (self.var_dir / "pids").unlink(missing_ok=True)


def stop_leftovers(var_dir: Path = PROJECT_ROOT / "var" / "prod") -> int:
    """`make prod-down`: stops a profile whose supervisor was killed without cleaning up."""
    pids_file = var_dir / "pids"
    if not pids_file.exists():
        print("Aucun profil de production en cours.")
        return 0
    for line in reversed(pids_file.read_text().splitlines()):
        name, pid = line.split()
        try:  # SIGINT is PostgreSQL's fast shutdown
            os.killpg(int(pid), signal.SIGINT if name == "postgres" else signal.SIGTERM)
        except ProcessLookupError:
            continue
    pids_file.unlink()
    print("Profil de production arrêté.")
    return 0


def run() -> int:
    """`make prod`: start everything, print the addresses, stop everything on Ctrl-C."""
    os.umask(PRIVATE_UMASK)
    stack = ProductionStack()
    print("Démarrage du profil de production (PostgreSQL, Redis, "
          f"{len(stack.rasa_servers)} serveurs Rasa, {len(stack.action_servers)} serveurs d'actions, site, nginx)…",
          flush=True)
    try:
        stack.start()
    except StartError as error:
        print(f"\nERREUR : {error}", file=sys.stderr)
        return 1
    announce_demo_accounts(stack.var_dir, stack.env["DATABASE_URL"])
    urls = stack.urls
    print("\nProfil de production prêt :\n"
          f"  Page de la caisse : {urls['page']}\n"
          f"  Espace interne    : {urls['backoffice']}\n"
          f"  API REST de Rasa  : {urls['rest']}\n"
          f"  Journaux          : {stack.logs}\n"
          "Ctrl-C pour tout arrêter.", flush=True)
    return supervise(stack)

if __name__ == "__main__":
    sys.exit(stop_leftovers() if sys.argv[1:] == ["down"] else run())
