import socket

import pytest

from bot.runner import Ports, StartError, check_ports, port_is_free


def test_busy_port_stops_with_a_clear_message():
    with socket.socket() as busy:
        busy.bind(("0.0.0.0", 0))
        busy.listen()
        port = busy.getsockname()[1]
        assert not port_is_free(port)
        with pytest.raises(StartError, match=f"port {port}.*WEB_PORT"):
            check_ports(Ports(rasa=0, actions=0, web=port))
