"""The agents' queue in a real headless Chromium: readable entries, filters and search, updated in
place (focus and selection kept), new entries announced by a polite live region only.

Only our web server is needed (no Rasa: the queue lives in our database), on a free port, over a
temporary database migrated and filled here with synthetic handoffs.
"""
import re
from datetime import datetime, timedelta, timezone

import pytest
from playwright.sync_api import expect

from bot.backoffice.accounts import create_user
from bot.handoff.queue import request_handoff
from bot.storage import get_engine, migrate
from tests.web_server import web_server as serve

AGENT = ("conseiller", "conseiller-essai-2026")


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    folder = tmp_path_factory.mktemp("console")
    url = f"sqlite:///{folder / 'caisse.db'}"
    migrate(url)
    engine = get_engine(url)
    create_user(*AGENT, ["agent"], "Camille", engine=engine)
    now = datetime.now(timezone.utc)
    request_handoff("conv-rsa", "socketio", "template", topic="caf_rsa_declaration_trimestrielle",
                    now=now - timedelta(minutes=30), engine=engine)
    request_handoff("conv-messenger", "facebook", "asked", topic="caf_rsa_conditions",
                    now=now - timedelta(minutes=20), engine=engine)
    request_handoff("conv-urgent", "socketio", "urgent", priority=1, now=now - timedelta(minutes=5), engine=engine)
    with serve(folder, url) as base:
        yield base, engine


@pytest.fixture
def console(server, browser, request):
    base, _ = server
    context = browser.new_context(**getattr(request, "param", {}))
    page = context.new_page()
    page.goto(f"{base}/connexion")
    page.get_by_label("Identifiant").fill(AGENT[0])
    page.get_by_label("Mot de passe").fill(AGENT[1])
    page.get_by_role("button", name="Se connecter").click()
    page.goto(f"{base}/conseiller")
    expect(page.locator("#queue li").first).to_be_visible()
    yield page
    context.close()


def _item(page, conversation_topic: str):
    return page.locator("#queue li", has_text=conversation_topic)


def test_entries_read_as_titles_french_channels_and_a_due_time(console):
    expect(console.locator("#queue li")).to_have_count(3)
    queue = console.locator("#queue")
    expect(_item(console, "RSA : la déclaration trimestrielle de ressources")).to_contain_text("Site (widget)")
    expect(_item(console, "Conditions pour avoir le RSA")).to_contain_text("Messenger")
    text = queue.inner_text()
    assert "caf_rsa" not in text and "socketio" not in text and "facebook" not in text
    assert "reste" not in text and re.search(r"À traiter avant (aujourd'hui|demain|\w+ \d+ \w+) à \d+ h", text)
    # Urgent first, marked by a visible badge and not by colour alone.
    first = queue.locator("li").first
    expect(first).to_have_class(re.compile("urgent"))
    expect(first.locator(".urgent-badge")).to_be_visible()
    expect(first).to_contain_text("Urgence")
    expect(console.locator("#queue-total")).to_have_text("3 demandes : 3 en attente, 0 prise(s) en charge")
    assert console.title().startswith("(3 en attente) Console conseiller")


def test_filters_and_search_narrow_the_list_and_say_so(console):
    console.get_by_label("Canal", exact=True).select_option(label="Messenger")
    expect(console.locator("#queue li:visible")).to_have_count(1)
    expect(console.locator("#queue li:visible")).to_contain_text("Conditions pour avoir le RSA")
    expect(console.locator("#queue-total")).to_contain_text("1 affichée(s) avec ces filtres")
    console.get_by_label("Canal", exact=True).select_option(label="Tous")
    console.get_by_label("Rechercher (sujet, motif, conseiller)").fill("trimestrielle")
    expect(console.locator("#queue li:visible")).to_have_count(1)
    console.get_by_label("Rechercher (sujet, motif, conseiller)").fill("introuvable")
    expect(console.locator("#queue li:visible")).to_have_count(0)
    expect(console.locator("#queue-empty")).to_have_text("Aucune demande ne correspond à ces filtres.")
    console.get_by_label("Rechercher (sujet, motif, conseiller)").fill("")
    console.get_by_label("Motif", exact=True).select_option("urgent")
    expect(console.locator("#queue li:visible")).to_have_count(1)


def test_the_queue_is_updated_in_place_and_only_new_entries_are_announced(console, server):
    _, engine = server
    assert console.locator("#queue").get_attribute("aria-live") is None
    assert console.locator("#queue [aria-live], #queue[role=status], #queue[role=log]").count() == 0
    button = _item(console, "Conditions pour avoir le RSA").get_by_role("button")
    button.focus()
    console.evaluate("""() => {
        document.activeElement.dataset.marked = "yes";
        const topic = [...document.querySelectorAll('#queue .topic')].find(n => n.textContent.includes('trimestrielle'));
        const range = document.createRange();
        range.selectNodeContents(topic);
        getSelection().removeAllRanges();
        getSelection().addRange(range);
    }""")
    selected = console.evaluate("getSelection().toString()")
    assert "trimestrielle" in selected

    request_handoff("conv-new", "rest", "complaint", topic="caf_rsa_demande", engine=engine)
    expect(console.locator("#queue li")).to_have_count(4, timeout=10_000)
    expect(console.locator("#queue-news")).to_have_text(
        "Nouvelle demande : Réclamation — Faire une demande de RSA — API REST")
    console.wait_for_timeout(2500)  # one more refresh
    assert console.evaluate("document.activeElement.dataset.marked") == "yes"
    assert console.evaluate("getSelection().toString()") == selected
    assert console.title().startswith("(4 en attente) ")


# 640 x 400 CSS pixels: a 1280 x 800 screen at 200 % zoom.
@pytest.mark.parametrize("console", [{"viewport": {"width": 375, "height": 740}},
                                     {"viewport": {"width": 640, "height": 400}}],
                         indirect=True, ids=["phone", "zoom-200"])
def test_the_queue_fits_a_phone_and_a_200_percent_zoom_without_sideways_scrolling(console):
    assert console.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth")
    expect(console.get_by_label("Rechercher (sujet, motif, conseiller)")).to_be_in_viewport(ratio=1)


def test_a_tone_for_each_new_entry_unless_the_agent_turned_it_off(console, server):
    _, engine = server
    # Counts the tones the page really starts (Chromium's Web Audio oscillators).
    console.add_init_script("""window.tones = 0;
        const start = OscillatorNode.prototype.start;
        OscillatorNode.prototype.start = function (...args) { window.tones += 1; return start.apply(this, args); };""")
    console.reload()
    expect(console.locator("#queue li").first).to_be_visible()
    count = console.locator("#queue li").count()
    console.get_by_label("Signal sonore à chaque nouvelle demande").click()  # off, then on again: a real click
    console.get_by_label("Signal sonore à chaque nouvelle demande").click()
    request_handoff("conv-tone-1", "socketio", "asked", engine=engine)
    expect(console.locator("#queue li")).to_have_count(count + 1, timeout=10_000)
    assert console.evaluate("window.tones") == 1
    console.get_by_label("Signal sonore à chaque nouvelle demande").uncheck()
    request_handoff("conv-tone-2", "socketio", "asked", engine=engine)
    expect(console.locator("#queue li")).to_have_count(count + 2, timeout=10_000)
    assert console.evaluate("window.tones") == 1
    console.reload()
    expect(console.get_by_label("Signal sonore à chaque nouvelle demande")).not_to_be_checked()
