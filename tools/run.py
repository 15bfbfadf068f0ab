"""Starts the whole assistant on one machine: Rasa server, action server and our web server.

Used by `python -m tools.run` (`make run`, the README's run command) and by the end-to-end tests, which start
the same stack on other ports with a temporary `var/` folder.

Every server listens on one interface (INTERNAL_INTERFACE, loopback by default), takes its secrets
from the environment rather than its command line (bot/serve.py), and everything written under
`var/` (conversations, accounts, logs) is readable by the account running it only.
"""
from __future__ import annotations

import os
import secrets
import signal
import socket
import stat
import subprocess
import sys
import time
import urllib.error
import urllib.request
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Dict, Iterator, List, Optional, Set

from bot.config import PROJECT_ROOT
from bot.serve import DEFAULT_INTERFACE, internal_interface
from bot.storage import get_engine, migrate
from tools.demo.accounts import ensure_demo_accounts

BIN = Path(sys.executable).parent
READY_TIMEOUT_SECONDS = 240
VAR_ROOT = PROJECT_ROOT / "var"
# Files and folders created by the supervisors and their servers: for their own account only.
PRIVATE_UMASK = 0o077


class StartError(RuntimeError):
    """The assistant cannot start; the message says what to do."""


@dataclass
class Ports:
    rasa: int = int(os.environ.get("RASA_PORT", 5005))
    actions: int = int(os.environ.get("ACTIONS_PORT", 5055))
    web: int = int(os.environ.get("WEB_PORT", 8000))


def port_is_free(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        # Like the servers themselves: connections closing (TIME_WAIT) do not make a port busy.
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind(("0.0.0.0", port))
        except OSError:
            return False
    return True


def check_ports(ports: Ports) -> None:
    for name, port, variable in (
        ("Rasa", ports.rasa, "RASA_PORT"),
        ("serveur d'actions", ports.actions, "ACTIONS_PORT"),
        ("site web", ports.web, "WEB_PORT"),
    ):
        if not port_is_free(port):
            raise StartError(
                f"Le port {port} ({name}) est déjà utilisé. Arrêtez le programme qui l'occupe "
                f"(`ss -ltnp | grep :{port}` le montre) ou choisissez un autre port : "
                f"{variable}=<port> make run"
            )


def browser_host(interface: str) -> str:
    """How a person's browser names the interface (loopback: `localhost`, as printed)."""
    return "localhost" if interface == DEFAULT_INTERFACE else interface


def allowed_origins(env: Dict[str, str], site_host: str, site_port: int) -> List[str]:
    """The page's own origins, the only ones whose scripts may call Rasa (CORS), unless
    ALLOWED_ORIGINS lists others (separated by spaces), e.g. the public site's address."""
    configured = env.get("ALLOWED_ORIGINS", "").split()
    if configured:
        return configured
    hosts = ["localhost", DEFAULT_INTERFACE] if site_host in ("localhost", DEFAULT_INTERFACE) else [site_host]
    return [f"http://{host}:{site_port}" for host in hosts]


def service_environment(var_dir: Path, ports: Ports, interface: Optional[str] = None) -> Dict[str, str]:
    interface = interface or internal_interface()
    env = dict(os.environ)
    env["INTERNAL_INTERFACE"] = interface
    env.setdefault("TRACKER_DB_URL", f"sqlite:///{var_dir / 'tracker.db'}")
    env.setdefault("DATABASE_URL", f"sqlite:///{var_dir / 'caisse.db'}")
    env["ACTION_ENDPOINT_URL"] = f"http://{interface}:{ports.actions}/webhook"
    # Live answer texts (templates edited in the back office) come from our web server.
    env["NLG_URL"] = f"http://{interface}:{ports.web}/nlg"
    env.setdefault("CAISSE_VAR_DIR", str(var_dir))
    env.setdefault("RASA_URL", f"http://{interface}:{ports.rasa}")
    env.setdefault("RASA_PUBLIC_URL", f"http://{browser_host(interface)}:{ports.rasa}")
    env.setdefault("RASA_TELEMETRY_ENABLED", "false")
    env.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
    # Rasa's training cache (.rasa/cache) lets an unchanged model skip training; at its 1 GB
    # default our featurized data evicts the trained components and every run retrains.
    env.setdefault("RASA_MAX_CACHE_SIZE", "6000")
    env.setdefault("RASA_AUTH_TOKEN", secrets.token_urlsafe(24))
    # Rasa sends it to the action servers, which refuse any call without it (bot/serve.py).
    env.setdefault("ACTION_SERVER_TOKEN", secrets.token_urlsafe(24))
    env.setdefault("CONVERSATION_SECRET", secrets.token_urlsafe(32))  # proofs of conversations (bot.channels.ownership)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(PROJECT_ROOT), env.get("PYTHONPATH")]))
    return env


def train(env: Optional[Dict[str, str]] = None) -> None:
    """Rasa's fingerprinting skips training when data, config and domain are unchanged."""
    print("Vérification du modèle (entraînement seulement si les données ont changé)…", flush=True)
    result = subprocess.run(
        [str(BIN / "rasa"), "train", "--data", "data", "--domain", "domain.yml", "--config", "config.yml",
         "--out", "models"],
        cwd=PROJECT_ROOT, env=env or service_environment(PROJECT_ROOT / "var", Ports()),
    )
    if result.returncode != 0:
        raise StartError(
            "L'entraînement du modèle a échoué (message de Rasa ci-dessus). Corrigez les données "
            "signalées, vérifiez-les avec `.venv/bin/rasa data validate`, puis relancez."
        )


@dataclass
class Service:
    name: str
    command: List[str]
    health_url: str
    log_path: Path
    process: Optional[subprocess.Popen] = None

    def start(self, env: Dict[str, str]) -> None:
        self.log_path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        log = open(os.open(self.log_path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600), "ab")
        self.process = subprocess.Popen(
            self.command, cwd=PROJECT_ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,
            start_new_session=True, umask=PRIVATE_UMASK,
        )

    def is_ready(self) -> bool:
        try:
            with urllib.request.urlopen(self.health_url, timeout=2) as answer:
                return answer.status == 200
        except (urllib.error.URLError, OSError):
            return False

    def log_tail(self, lines: int = 25) -> str:
        try:
            return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-lines:])
        except OSError:
            return ""

    def stop(self, timeout: float = 15) -> None:
        if self.process is None or self.process.poll() is not None:
            return
        os.killpg(self.process.pid, signal.SIGTERM)
        try:
            self.process.wait(timeout)
        except subprocess.TimeoutExpired:
            self.kill()

    def kill(self) -> None:
        """As in a crash: no chance to finish what it was doing (used by the fault tests)."""
        if self.process is not None and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait()


@contextmanager
def private_files() -> Iterator[None]:
    """What this process creates meanwhile (SQLite files, generated configuration) is private."""
    previous = os.umask(PRIVATE_UMASK)
    try:
        yield
    finally:
        os.umask(previous)


def make_private(folder: Path) -> None:
    """At start, for what earlier versions or other programs left readable: files 0600, folders
    0700. A folder that a server running under another account must cross (when root starts the
    production profile: PostgreSQL as `postgres`, nginx's workers) is 0711 instead: that account
    may pass through it, not list it; what it holds stays private. The folders above, up to var/,
    follow the same rule."""
    me = os.geteuid()
    crossed: Set[Path] = set()  # folders leading to something of another account
    for root, folders, files in os.walk(folder, topdown=False):
        here = Path(root)
        leads_elsewhere = any(here / name in crossed for name in folders)
        for name in files:
            info = (here / name).lstat()
            if info.st_uid != me:
                leads_elsewhere = True
            elif stat.S_ISREG(info.st_mode) and stat.S_IMODE(info.st_mode) != 0o600:
                (here / name).chmod(0o600)
        if here.lstat().st_uid != me:
            crossed.add(here)
            continue
        here.chmod(0o711 if leads_elsewhere else 0o700)
        if leads_elsewhere:
            crossed.add(here)
    for parent in folder.parents:
        if parent != VAR_ROOT and VAR_ROOT not in parent.parents:
            break
        passable = folder in crossed or stat.S_IMODE(parent.stat().st_mode) & 0o001
        parent.chmod(0o711 if passable else 0o700)


def migrate_database(url: str) -> None:
    """Once, before the three servers share the database (Alembic, newest schema)."""
    try:
        migrate(url)
    except Exception as error:  # the servers cannot work without their tables
        raise StartError(f"Mise à jour du schéma de la base impossible ({url.split('@')[-1]}) : {error}") from error


@dataclass
class Stack:
    """The three servers; `start()` returns once all answer their health check."""

    var_dir: Path = PROJECT_ROOT / "var"
    ports: Ports = field(default_factory=Ports)
    extra_env: Dict[str, str] = field(default_factory=dict)
    services: List[Service] = field(default_factory=list)
    # A folder of models (Rasa loads the newest) or one model file; the benchmarks serve others.
    model_path: str = "models"
    # Where all three servers listen (the page and Rasa's public doors too, in this profile).
    interface: str = field(default_factory=internal_interface)

    def __post_init__(self) -> None:
        self.env = {**service_environment(self.var_dir, self.ports, self.interface), **self.extra_env}
        logs = self.var_dir / "log"
        p, at = self.ports, self.interface
        origins = allowed_origins(self.env, browser_host(at), p.web)
        self.env["ALLOWED_ORIGINS"] = " ".join(origins)  # the widget's socket.io checks it too
        self.services = [
            Service("actions", [sys.executable, "-m", "bot.serve", "actions", "--interface", at,
                                "--port", str(p.actions), "--actions", "actions"],
                    f"http://{at}:{p.actions}/health", logs / "actions.log"),
            Service("rasa", [sys.executable, "-m", "bot.serve", "rasa", "--interface", at, "--model", self.model_path,
                             "--port", str(p.rasa), "--credentials", "credentials.yml", "--endpoints", "endpoints.yml",
                             "--enable-api", "--cors", *origins],
                    f"http://{at}:{p.rasa}/", logs / "rasa.log"),
            Service("web", [sys.executable, "-m", "bot", "web", "--host", at, "--port", str(p.web)],
                    f"http://{at}:{p.web}/healthz", logs / "web.log"),
        ]

    @property
    def urls(self) -> Dict[str, str]:
        host = browser_host(self.interface)
        return {
            "page": f"http://{host}:{self.ports.web}/",
            "backoffice": f"http://{host}:{self.ports.web}/connexion",
            "rest": f"http://{host}:{self.ports.rasa}/webhooks/rest/webhook",
            "rasa": f"http://{host}:{self.ports.rasa}/",
        }

    def start(self) -> None:
        check_ports(self.ports)
        with private_files():
            self.var_dir.mkdir(parents=True, exist_ok=True)
            make_private(self.var_dir)
            migrate_database(self.env["DATABASE_URL"])
        for service in self.services:
            service.start(self.env)
        deadline = time.monotonic() + READY_TIMEOUT_SECONDS
        waiting = list(self.services)
        while waiting:
            for service in list(waiting):
                if service.process.poll() is not None:
                    self.stop()
                    raise StartError(
                        f"Le service « {service.name} » s'est arrêté au démarrage. Fin de son journal "
                        f"({service.log_path}) :\n{service.log_tail()}"
                    )
                if service.is_ready():
                    waiting.remove(service)
            if waiting and time.monotonic() > deadline:
                self.stop()
                names = ", ".join(s.name for s in waiting)
                raise StartError(f"Démarrage trop long ({names}). Voir les journaux dans {self.var_dir / 'log'}.")
            time.sleep(0.5)

    def failed_service(self) -> Optional[Service]:
        return next((s for s in self.services if s.process and s.process.poll() is not None), None)

    def stop(self) -> None:
        for service in reversed(self.services):
            service.stop()

    def kill(self) -> None:
        for service in self.services:
            service.kill()


def announce_demo_accounts(var_dir: Path, database_url: str) -> None:
    """On a database without accounts, creates the demo ones and shows their passwords once."""
    accounts_file = var_dir / "comptes-demo.txt"
    created = ensure_demo_accounts(accounts_file, get_engine(database_url))
    if created:
        listed = "\n".join(f"    {user:<11} {password}" for user, password in created.items())
        print(f"\nComptes de démonstration de l'espace interne (gardés dans {accounts_file}) :\n{listed}")


def supervise(stack) -> int:
    """Waits for Ctrl-C (or a service that dies, whose log tail is shown), then stops everything."""
    stopping = {"now": False}
    signal.signal(signal.SIGINT, lambda *_: stopping.update(now=True))
    signal.signal(signal.SIGTERM, lambda *_: stopping.update(now=True))
    while not stopping["now"]:
        failed = stack.failed_service()
        if failed:
            print(f"\nERREUR : « {failed.name} » s'est arrêté. Fin de son journal :\n{failed.log_tail()}",
                  file=sys.stderr)
            stack.stop()
            return 1
        time.sleep(0.5)
    print("\nArrêt en cours…", flush=True)
    stack.stop()
    print("Tout est arrêté.", flush=True)
    return 0


def run() -> int:
    """The README's run command: train if needed, start everything, stop everything on Ctrl-C."""
    os.umask(PRIVATE_UMASK)
    stack = Stack()
    try:
        check_ports(stack.ports)
        train(stack.env)
        print("Démarrage de Rasa, du serveur d'actions et du site (jusqu'à une minute)…", flush=True)
        stack.start()
    except StartError as error:
        print(f"\nERREUR : {error}", file=sys.stderr)
        return 1
    announce_demo_accounts(stack.var_dir, stack.env["DATABASE_URL"])
    urls = stack.urls
    print(
        "\nL'assistant est prêt :\n"
        f"  Page de la caisse avec la discussion : {urls['page']}\n"
        f"  Espace interne (conseillers, pilotage) : {urls['backoffice']}\n"
        f"  API REST de Rasa                     : {urls['rest']}\n"
        f"  Serveur Rasa                         : {urls['rasa']}\n"
        f"  Journaux                             : {stack.var_dir / 'log'}\n"
        "Ctrl-C pour tout arrêter.",
        flush=True,
    )
    return supervise(stack)


if __name__ == "__main__":
    sys.exit(run())
