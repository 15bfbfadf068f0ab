"""Our web server alone (no Rasa needed), started on a free port for the tests of its pages."""
import os
import socket
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from bot.config import PROJECT_ROOT


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def web_server(folder: Path, database_url: str, **env: str) -> Iterator[str]:
    """Yields the server's base URL. Its tracker store and var folder (whose logs the daily purge
    masks again) default to `folder`, and the Rasa it would call to a closed port; its log is
    `folder/web.log`, shown if it cannot start."""
    port = free_port()
    environment = {**os.environ, "DATABASE_URL": database_url,
                   "TRACKER_DB_URL": f"sqlite:///{folder / 'tracker.db'}", "CAISSE_VAR_DIR": str(folder),
                   "RASA_URL": f"http://127.0.0.1:{free_port()}", **env}
    log_path = folder / "web.log"
    with open(log_path, "wb") as log:
        process = subprocess.Popen([sys.executable, "-m", "bot", "web", "--port", str(port)], cwd=PROJECT_ROOT,
                                   env=environment, stdout=log, stderr=subprocess.STDOUT)
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 120
        while True:
            try:
                urllib.request.urlopen(f"{base}/healthz", timeout=2)
                break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    process.kill()
                    raise RuntimeError(log_path.read_text(errors="replace"))
                time.sleep(0.3)
        try:
            yield base
        finally:
            process.terminate()
            process.wait(timeout=60)  # the first purge (a thread) may still run on a busy machine
