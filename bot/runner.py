"""Starts the whole assistant on one machine: Rasa server, action server and our web server.

Used by `python -m bot run` (the README's run command) and by the end-to-end tests, which start
the same stack on other ports with a temporary `var/` folder.
"""
from __future__ import annotations

import os
import secrets
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from typing import Dict, List, Optional

from bot.backoffice.demo import ensure_demo_accounts
from bot.config import PROJECT_ROOT
from bot.storage import get_engine, migrate

BIN = Path(sys.executable).parent
READY_TIMEOUT_SECONDS = 240


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


def service_environment(var_dir: Path, ports: Ports) -> Dict[str, str]:
    env = dict(os.environ)
    env.setdefault("TRACKER_DB_URL", f"sqlite:///{var_dir / 'tracker.db'}")
    env.setdefault("DATABASE_URL", f"sqlite:///{var_dir / 'caisse.db'}")
    env["ACTION_ENDPOINT_URL"] = f"http://127.0.0.1:{ports.actions}/webhook"
    # Live answer texts (templates edited in the back office) come from our web server.
    env["NLG_URL"] = f"http://127.0.0.1:{ports.web}/nlg"
    env.setdefault("CAISSE_VAR_DIR", str(var_dir))
    env.setdefault("RASA_URL", f"http://127.0.0.1:{ports.rasa}")
    env.setdefault("RASA_PUBLIC_URL", f"http://localhost:{ports.rasa}")
    env.setdefault("RASA_TELEMETRY_ENABLED", "false")
    env.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
    # Rasa's training cache (.rasa/cache) lets an unchanged model skip training; at its 1 GB
    # default our featurized data evicts the trained components and every run retrains.
    env.setdefault("RASA_MAX_CACHE_SIZE", "6000")
    env.setdefault("RASA_AUTH_TOKEN", secrets.token_urlsafe(24))
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
        self.log_path.parent.mkdir(parents=True, exist_ok=True)
        log = open(self.log_path, "ab")
        self.process = subprocess.Popen(
            self.command, cwd=PROJECT_ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,
            start_new_session=True,
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

    def __post_init__(self) -> None:
        self.env = {**service_environment(self.var_dir, self.ports), **self.extra_env}
        logs = self.var_dir / "log"
        p = self.ports
        self.services = [
            Service("actions", [str(BIN / "rasa"), "run", "actions", "--actions", "actions", "--port", str(p.actions)],
                    f"http://127.0.0.1:{p.actions}/health", logs / "actions.log"),
            Service("rasa", [str(BIN / "rasa"), "run", "--model", self.model_path, "--port", str(p.rasa),
                             "--credentials", "credentials.yml", "--endpoints", "endpoints.yml",
                             "--enable-api", "--auth-token", self.env["RASA_AUTH_TOKEN"], "--cors", "*"],
                    f"http://127.0.0.1:{p.rasa}/", logs / "rasa.log"),
            Service("web", [sys.executable, "-m", "bot", "web", "--port", str(p.web)],
                    f"http://127.0.0.1:{p.web}/healthz", logs / "web.log"),
        ]

    @property
    def urls(self) -> Dict[str, str]:
        return {
            "page": f"http://localhost:{self.ports.web}/",
            "backoffice": f"http://localhost:{self.ports.web}/connexion",
            "rest": f"http://localhost:{self.ports.rasa}/webhooks/rest/webhook",
            "rasa": f"http://localhost:{self.ports.rasa}/",
        }

    def start(self) -> None:
        check_ports(self.ports)
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
