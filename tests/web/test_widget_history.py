from bot.handoff.transcript import Line
from bot.web.widget_api import widget_history

MENU = [{"title": "Logement", "payload": "/help{\"theme\":\"logement\"}"}]


def test_history_shows_titles_of_clicked_buttons_and_disables_answered_ones():
    lines = [
        Line("person", "bonjour", "t1"),
        Line("bot", "Bonjour.\n\nVoici les thèmes :", "t2", buttons=MENU),
        Line("person", MENU[0]["payload"], "t3"),
        Line("agent", "Je regarde.", "t4", name="Camille"),
        Line("person", "/restart", "t5"),
    ]
    assert widget_history(lines) == [
        {"from": "user", "text": "bonjour", "buttons": []},
        {"from": "bot", "text": "Bonjour.", "name": None, "buttons": []},
        {"from": "bot", "text": "Voici les thèmes :", "name": None, "buttons": MENU, "answered": True},
        {"from": "user", "text": "Logement", "buttons": []},
        {"from": "agent", "text": "Je regarde.", "name": "Camille", "buttons": []},
    ]

