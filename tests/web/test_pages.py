"""What a person typed is shown as text: direction and control characters cannot act on a page."""
import json
import re
from datetime import datetime
from types import SimpleNamespace

from bot import texts
from bot.backoffice import Account
from bot.config import get_config
from bot.web.pages import Pages, displayable, notice_text

SPOOFED = "facture\u202egpj.exe"  # reads "facture exe.jpg" where the override acts
TERMINAL = "\x1b[31mrouge\x1b[0m\x00fin"
FRENCH = "Où est ma prime d’activité ? 👩‍👧 déjà reçue, merci 🙏"


def test_direction_and_control_characters_are_made_visible():
    assert displayable(SPOOFED) == "facture\ufffdgpj.exe"
    assert displayable(TERMINAL) == "\u241b[31mrouge\u241b[0m\u2400fin"
    for isolate in "\u202a\u202b\u202c\u202d\u2066\u2067\u2068\u2069\x85\x9b":
        assert displayable(f"a{isolate}b") == "a\ufffdb"


def test_accents_emoji_and_line_breaks_are_untouched():
    assert displayable(FRENCH) == FRENCH
    assert displayable("ligne 1\r\nligne 2\tfin") == "ligne 1\r\nligne 2\tfin"
    assert displayable(12) == 12


def test_a_back_office_page_shows_typed_text_neutralised():
    flag = SimpleNamespace(id=7, category="insult", conversation_id="conv-7", channel="socketio",
                           flagged_at=datetime(2026, 12, 1, 9, 30), blocked_until=None)
    lines = [SimpleNamespace(text=text) for text in (SPOOFED, TERMINAL, FRENCH)]
    page = Pages(get_config(), "http://localhost:5005").render(
        "backoffice/moderation.html", account=Account(1, "alex", "Alex", frozenset({"moderator"}), "csrf"),
        flags=[{"flag": flag, "lines": lines}], categories={}, decisions={}, notice="").body.decode()
    assert "\u202e" not in page and "\x1b" not in page and "\x00" not in page
    assert "facture\ufffdgpj.exe" in page and "\u241b[31mrouge" in page
    assert FRENCH in page


def test_notice_codes_have_fixed_texts_and_unknown_codes_show_nothing():
    assert notice_text("decision") == "Décision enregistrée."
    assert notice_text("Votre compte est suspendu") == "" and notice_text(None) == ""


def test_the_site_page_carries_the_chat_windows_texts_of_config_textes_yml():
    page = Pages(get_config(), "http://localhost:5005").render("index.html").body.decode()
    carried = re.search(r'<script type="application/json" id="caisse-chat-texts">(.*?)</script>', page, re.DOTALL)
    assert carried and json.loads(carried.group(1)) == texts.widget_texts(get_config())
