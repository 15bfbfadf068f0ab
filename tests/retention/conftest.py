import pytest


@pytest.fixture(autouse=True)
def var_folder(tmp_path, monkeypatch):
    """The purge masks again the logs of the var folder: a test's own, never the checkout's."""
    monkeypatch.setenv("CAISSE_VAR_DIR", str(tmp_path / "var"))
    monkeypatch.delenv("EVENT_BROKER_DB_URL", raising=False)
    return tmp_path / "var"


@pytest.fixture(scope="module")
def postgres():
    """A PostgreSQL server of its own (the production profile's programs), on a free loopback
    port, with the three databases of the profile; yields its base URL."""
    import glob
    import os
    import shutil
    import subprocess
    import tempfile
    import time

    from tools.production import _as_postgres_user
    from tests.web_server import free_port

    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    if not found:
        pytest.skip("PostgreSQL n'est pas installé (scripts/prod-setup.sh)")
    binaries, port = os.path.dirname(found[-1]), free_port()
    folder = tempfile.mkdtemp(prefix="remask-pg-")  # outside pytest's folder, which the postgres user cannot enter
    if os.geteuid() == 0:
        shutil.chown(folder, "postgres", "postgres")
    data = os.path.join(folder, "data")
    subprocess.run(_as_postgres_user([f"{binaries}/initdb", "-D", data, "-U", "caisse", "--auth=trust", "-E", "UTF8",
                                      "--locale=C.UTF-8"]), check=True, capture_output=True)
    server = subprocess.Popen(_as_postgres_user([f"{binaries}/postgres", "-D", data, "-p", str(port), "-k", folder,
                                                 "-c", "listen_addresses=127.0.0.1"]),
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        psql = [f"{binaries}/psql", "-h", "127.0.0.1", "-p", str(port), "-U", "caisse", "-d", "postgres", "-qc"]
        for _ in range(100):
            if subprocess.run([f"{binaries}/pg_isready", "-h", "127.0.0.1", "-p", str(port), "-q"]).returncode == 0:
                break
            time.sleep(0.2)
        for database in ("caisse", "rasa", "rasa_events"):
            subprocess.run([*psql, f"CREATE DATABASE {database}"], check=True, capture_output=True)
        yield f"postgresql://caisse@127.0.0.1:{port}"
    finally:
        server.terminate()
        server.wait(timeout=30)
        shutil.rmtree(folder, ignore_errors=True)
