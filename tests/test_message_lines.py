import io

from bot.message_lines import read_messages


def test_plain_json_blank_and_broken_lines_each_give_one_message():
    lines = 'bonjour\n{"id": "m2", "text": "mon tel", "route": "faq"}\n\n{pas du json\n{"texte": "x"}\n'
    assert list(read_messages(io.StringIO(lines))) == [
        ("bonjour", {}),
        ("mon tel", {"id": "m2"}),
        ("", {}),
        ("{pas du json", {}),
        ('{"texte": "x"}', {}),
    ]
