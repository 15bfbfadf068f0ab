"""`bot.serve`: the servers' launchers."""
from rasa.__main__ import create_argument_parser

from bot.serve import rasa_run_argv


def test_rasa_reads_a_token_that_starts_with_a_dash():
    """secrets.token_urlsafe draws "-" first once in 64 times: Rasa then refused to start."""
    for token in ("-Xq3_kJ", "plain_Token-1"):
        argv = rasa_run_argv(["--enable-api", "--port", "5005"], token)
        arguments = create_argument_parser().parse_args(argv[1:])
        assert arguments.auth_token == token
        assert arguments.port == 5005
