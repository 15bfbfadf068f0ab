"""The production profile's reverse proxy, on a real nginx with the rendered configuration:
when no server behind it answers, the person still gets a clear message with the caisse's
phone number (Rasa 3.6 alone would say nothing when the action server is down)."""
import socket
import subprocess
import time

import pytest
import requests

from bot.config import get_config
from bot.production import ProductionPorts, _program, render_nginx, unavailable_texts


def free_ports(count: int):
    sockets = [socket.socket() for _ in range(count)]
    for s in sockets:
        s.bind(("127.0.0.1", 0))
    ports = [s.getsockname()[1] for s in sockets]
    for s in sockets:
        s.close()
    return ports


@pytest.fixture(scope="module")
def nginx(tmp_path_factory):
    """nginx in front of servers that are all down (nothing listens on their ports)."""
    site, rasa, actions, web, rasa_1, actions_1, actions_2, rasa_api = free_ports(8)
    ports = ProductionPorts(site, rasa, actions, 0, 0, web, [rasa_1], [actions_1, actions_2], rasa_api)
    prefix = tmp_path_factory.mktemp("nginx")
    (prefix / "nginx.conf").write_text(render_nginx(ports, prefix, prefix))
    server = subprocess.Popen([_program("nginx", "/usr/sbin/nginx"), "-c", str(prefix / "nginx.conf"), "-p", str(prefix)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    for _ in range(50):
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", actions)) == 0:
                break
        time.sleep(0.1)
    else:
        pytest.fail(f"nginx ne démarre pas : {server.stderr.read().decode()}")
    yield ports
    server.terminate()
    server.wait(10)


def test_action_servers_down_answer_in_the_action_server_format_with_the_phone(nginx):
    answer = requests.post(f"http://127.0.0.1:{nginx.actions}/webhook",
                           json={"next_action": "action_handoff", "sender_id": "x", "tracker": {}}, timeout=10)
    assert answer.status_code == 200
    body = answer.json()
    assert body["events"] == [{"event": "followup", "name": "action_listen"}], "said once, then Rasa listens"
    [message] = body["responses"]
    assert message["text"] == unavailable_texts()["actions"]
    assert get_config().contacts.phone in message["text"] and "momentanément indisponible" in message["text"]


@pytest.mark.parametrize("action, events", [
    ("action_session_start", [{"event": "session_started"}, {"event": "action", "name": "action_listen"}]),
    ("action_masked_data_notice", [{"event": "undo"}]),
])
def test_action_servers_down_calls_made_whatever_was_said_stay_silent(nginx, action, events):
    answer = requests.post(f"http://127.0.0.1:{nginx.actions}/webhook",
                           json={"next_action": action, "sender_id": "x", "tracker": {}}, timeout=10)
    assert answer.status_code == 200
    assert answer.json() == {"events": events, "responses": []}, "the message is said once, by the action that answers"


def test_rasa_servers_down_rest_client_gets_a_clear_message(nginx):
    answer = requests.post(f"http://127.0.0.1:{nginx.rasa}/webhooks/rest/webhook",
                           json={"sender": "x", "message": "bonjour"}, timeout=10)
    assert answer.status_code == 503
    [message] = answer.json()
    assert message["text"] == unavailable_texts()["rest"]


def test_rasa_http_api_is_not_public(nginx):
    public = requests.get(f"http://127.0.0.1:{nginx.rasa}/conversations/x/tracker", timeout=10)
    assert public.status_code == 404
    internal = requests.get(f"http://127.0.0.1:{nginx.rasa_api}/conversations/x/tracker", timeout=10)
    assert internal.status_code == 502, "the internal listener passes the call on (no Rasa server here)"
