"""The embedded profile's processes, started for real (Rasa, action server, web server) on an
interface other than 127.0.0.1: where they listen, what `ps` shows of them, what they write under
var/, whom the action server and Rasa answer."""
import os
import random
import socket
import stat
import uuid
from pathlib import Path
from typing import Dict, Iterator, List, Set, Tuple

import pytest
import requests

from bot.config import PROJECT_ROOT
from tools.run import Ports, Stack, StartError, check_ports, port_is_free, train
from bot.serve import ACTION_TOKEN_HEADER

INTERFACE = "127.0.0.2"  # loopback too, but not the default: the servers must follow the setting
FOREIGN_ORIGIN = "https://site-tiers.example"


def free_ports(count: int) -> List[int]:
    """Free ports below the kernel's ephemeral range: a port the kernel hands out for outgoing
    connections may be taken by one between this choice and the servers' start."""
    first_ephemeral = int(Path("/proc/sys/net/ipv4/ip_local_port_range").read_text().split()[0])
    candidates = list(range(20000, first_ephemeral))
    random.shuffle(candidates)
    ports = [port for port in candidates[:10 * count] if port_is_free(port)][:count]
    assert len(ports) == count, "pas assez de ports libres pour les serveurs de test"
    return ports


def _descendants(pid: int) -> Set[int]:
    children: Dict[int, List[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                parent = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError):
                continue
            children.setdefault(parent, []).append(int(entry.name))
    found, todo = {pid}, [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            found.add(child)
            todo.append(child)
    return found


def _listening_by_inode() -> Dict[str, Tuple[str, int]]:
    """/proc/net/tcp{,6}: socket inode -> (address, port) of every listening TCP socket."""
    sockets = {}
    for table, size in (("/proc/net/tcp", 4), ("/proc/net/tcp6", 16)):
        for line in Path(table).read_text().splitlines()[1:]:
            fields = line.split()
            if fields[3] != "0A":  # LISTEN
                continue
            address, port = fields[1].split(":")
            raw = bytes.fromhex(address)
            # The kernel prints each 32-bit word in host order (little-endian here).
            raw = b"".join(raw[i:i + 4][::-1] for i in range(0, size, 4))
            sockets[fields[9]] = (socket.inet_ntop(socket.AF_INET if size == 4 else socket.AF_INET6, raw),
                                  int(port, 16))
    return sockets


def listening(pid: int) -> Set[Tuple[str, int]]:
    """Addresses on which the process or its children accept connections."""
    by_inode, found = _listening_by_inode(), set()
    for process in _descendants(pid):
        try:
            targets = [os.readlink(fd) for fd in Path(f"/proc/{process}/fd").iterdir()]
        except OSError:
            continue
        found |= {by_inode[t[8:-1]] for t in targets if t.startswith("socket:[") and t[8:-1] in by_inode}
    return found


def command_lines(pid: int) -> Iterator[str]:
    for process in _descendants(pid):
        try:
            yield Path(f"/proc/{process}/cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
        except OSError:
            continue


def test_busy_port_stops_with_a_clear_message():
    with socket.socket() as busy:
        busy.bind(("0.0.0.0", 0))
        busy.listen()
        port = busy.getsockname()[1]
        assert not port_is_free(port)
        with pytest.raises(StartError, match=f"port {port}.*WEB_PORT"):
            check_ports(Ports(rasa=0, actions=0, web=port))


@pytest.fixture(scope="module")
def stack(tmp_path_factory):
    var_dir = tmp_path_factory.mktemp("var")
    left_readable = var_dir / "log" / "rasa.log"  # as written by an earlier version
    left_readable.parent.mkdir(mode=0o755)
    left_readable.write_text("")
    left_readable.chmod(0o644)
    stack = Stack(var_dir=var_dir, ports=Ports(*free_ports(3)), interface=INTERFACE)
    if not any((PROJECT_ROOT / "models").glob("*.tar.gz")):
        train(stack.env)
    stack.start()
    yield stack
    stack.stop()


def test_every_server_listens_on_the_configured_interface_only(stack):
    for service in stack.services:
        addresses = listening(service.process.pid)
        assert addresses, f"{service.name} listens nowhere"
        assert {address for address, _ in addresses} == {INTERFACE}, f"{service.name}: {addresses}"


def test_no_secret_on_any_command_line(stack):
    secrets = [stack.env["RASA_AUTH_TOKEN"], stack.env["ACTION_SERVER_TOKEN"]]
    for service in stack.services:
        for line in command_lines(service.process.pid):
            assert not any(secret in line for secret in secrets), f"{service.name}: {line}"


def test_action_server_refuses_calls_without_the_secret(stack):
    url = f"http://{INTERFACE}:{stack.ports.actions}"
    call = {"next_action": "action_after_answer", "sender_id": "essai", "version": "3.6.21",
            "tracker": {"sender_id": "essai", "events": [], "slots": {}, "latest_message": {}}, "domain": {}}
    assert requests.post(f"{url}/webhook", json=call, timeout=10).status_code == 401
    wrong = requests.post(f"{url}/webhook", json=call, headers={ACTION_TOKEN_HEADER: "x" * 32}, timeout=10)
    assert wrong.status_code == 401
    assert requests.get(f"{url}/actions", timeout=10).status_code == 401
    assert requests.get(f"{url}/health", timeout=10).status_code == 200, "the readiness check stays open"


def test_action_server_accepts_rasas_calls(stack):
    """Rasa's API runs a custom action: Rasa calls the action server with the secret."""
    conversation = f"{stack.env['RASA_URL']}/conversations/{uuid.uuid4().hex}"
    token = {"token": stack.env["RASA_AUTH_TOKEN"]}
    requests.post(f"{conversation}/tracker/events", params=token, json=[{"event": "action", "name": "action_listen"}],
                  timeout=60).raise_for_status()
    answer = requests.post(f"{conversation}/execute", params=token, json={"name": "action_after_answer"}, timeout=60)
    assert answer.status_code == 200, answer.text
    assert answer.json()["messages"], "the action's message (legal notice) came back"


def assert_only_the_page_may_call(url: str, own_origin: str) -> None:
    preflight = {"Access-Control-Request-Method": "POST", "Access-Control-Request-Headers": "content-type"}
    foreign = requests.options(url, headers={"Origin": FOREIGN_ORIGIN, **preflight}, timeout=10)
    assert "Access-Control-Allow-Origin" not in foreign.headers
    own = requests.options(url, headers={"Origin": own_origin, **preflight}, timeout=10)
    assert own.headers.get("Access-Control-Allow-Origin") == own_origin


def test_rasa_answers_the_sites_page_only(stack):
    """CORS: a page of another site cannot call Rasa from a person's browser."""
    assert_only_the_page_may_call(f"{stack.urls['rasa']}webhooks/rest/webhook", stack.urls["page"].rstrip("/"))


def test_var_files_are_private(stack):
    modes = {path: stat.S_IMODE(path.stat().st_mode) for path in [stack.var_dir, *stack.var_dir.rglob("*")]}
    assert any(path.name == "caisse.db" for path in modes) and any(path.name == "tracker.db" for path in modes)
    loose = {str(path): oct(mode) for path, mode in modes.items() if mode != (0o700 if path.is_dir() else 0o600)}
    assert not loose
