"""The caisse's page in a real headless Chromium (Debian package) driven by Playwright."""
from datetime import datetime, timedelta, timezone

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.e2e


def test_chat_greets_offers_buttons_and_keeps_history_across_reload(stack, browser):
    page = browser.new_page()
    page.goto(stack.urls["page"])
    page.get_by_role("button", name="Une question ? Discutez avec nous").click()
    log = page.get_by_role("log")
    page.get_by_label("Votre message").fill("bonjour")
    page.keyboard.press("Enter")
    expect(log).to_contain_text("assistant virtuel", timeout=30_000)
    expect(log).to_contain_text("sous réserve de l'examen complet")

    theme_button = log.locator(".chat-button").first
    theme_title = theme_button.inner_text()
    theme_button.click()
    expect(log.locator(".chat-user").last).to_have_text(f"Vous : {theme_title}")
    expect(log).to_contain_text("questions fréquentes", timeout=30_000)
    messages_before = log.locator(".chat-message").count()

    page.reload()
    log = page.get_by_role("log")
    expect(log).to_contain_text("assistant virtuel")
    assert log.locator(".chat-message").count() == messages_before

    page.get_by_label("Votre message").fill("merci")
    page.keyboard.press("Enter")
    expect(log).to_contain_text("Avec plaisir", timeout=30_000)
    page.close()


def test_chat_is_usable_with_the_keyboard_on_a_phone_screen(stack, browser):
    page = browser.new_page(viewport={"width": 375, "height": 667})
    page.goto(stack.urls["page"])
    launcher = page.get_by_role("button", name="Une question ? Discutez avec nous")
    launcher.focus()
    page.keyboard.press("Enter")
    dialog = page.get_by_role("dialog")
    expect(dialog).to_be_visible()
    box = dialog.bounding_box()
    assert box["width"] <= 375
    expect(page.get_by_label("Votre message")).to_be_focused()
    assert page.get_by_role("log").get_attribute("aria-live") == "polite"
    page.keyboard.press("Escape")
    expect(dialog).to_be_hidden()
    page.close()


def test_a_question_asked_straight_away_gets_its_answer_then_the_legal_notice(stack, browser):
    from bot.templates import load_templates

    template = next(t for t in load_templates() if t.branch == "caf")
    page = browser.new_page()
    page.goto(stack.urls["page"])
    page.get_by_role("button", name="Une question ? Discutez avec nous").click()
    log = page.get_by_role("log")
    page.get_by_label("Votre message").fill(template.examples[0])
    page.keyboard.press("Enter")
    expect(log).to_contain_text("sous réserve de l'examen complet", timeout=30_000)
    expect(log).not_to_contain_text("assistant virtuel")  # no greeting was asked for
    page.close()


# --- honest status, clearing, keyboard ---------------------------------------------------------

@pytest.fixture(scope="module")
def agent(stack):
    """An agent's console session (its API, as the console page calls it)."""
    import re

    import requests

    from bot.backoffice import create_user
    from bot.storage import get_engine

    password = "phrase-de-passe-du-widget-e2e"
    create_user("agent-widget", password, ["agent"], "Camille", engine=get_engine(stack.env["DATABASE_URL"]))
    base = f"http://127.0.0.1:{stack.ports.web}"
    session = requests.Session()
    token = re.search(r'name="csrf_token" value="([^"]+)"', session.get(f"{base}/connexion").text).group(1)
    signed_in = session.post(f"{base}/connexion", data={"csrf_token": token, "username": "agent-widget",
                                                         "password": password})
    console = session.get(f"{base}/conseiller")
    csrf = re.search(r'data-csrf="([^"]+)"', console.text)
    assert csrf, (signed_in.status_code, signed_in.url, console.status_code, console.url, console.text[:2000])
    session.headers["X-CSRF-Token"] = csrf.group(1)
    session.base = f"{base}/conseiller/api"
    return session


def _open_chat(browser, stack, **context):
    page = browser.new_context(**context).new_page()
    page.goto(stack.urls["page"])
    page.get_by_role("button", name="Une question ? Discutez avec nous").click()
    return page, page.get_by_role("log")


def _say(page, text):
    page.get_by_label("Votre message").fill(text)
    page.keyboard.press("Enter")


def _conversation(page):
    return page.evaluate("JSON.parse(sessionStorage.getItem('caisse-chat')).sessionId")


def test_the_status_says_who_answers_and_nobody_seems_to_type_when_nobody_does(stack, browser, agent):
    from bot.handoff.queue import open_handoff
    from bot.storage import get_engine

    page, log = _open_chat(browser, stack)
    status, typing = page.locator(".chat-queue"), page.locator(".chat-typing")
    _say(page, "je voudrais parler a un conseiller svp")
    expect(log).to_contain_text("je transmets votre demande à un conseiller", timeout=30_000)
    expect(status).to_contain_text("file", timeout=10_000)
    assert "minutes" not in status.inner_text(), "the wait is a time of day, not a count of minutes"
    handoff_id = open_handoff(_conversation(page), get_engine(stack.env["DATABASE_URL"])).id

    _say(page, "vous êtes là ?")  # queued: nobody types
    page.wait_for_timeout(1_000)
    expect(typing).to_be_hidden()

    assert agent.post(f"{agent.base}/handoffs/{handoff_id}/take").ok
    expect(status).to_have_text("Un conseiller vous répond.", timeout=3_000)  # not the queue any more
    _say(page, "merci")  # an agent is there, but the widget cannot know whether they type
    page.wait_for_timeout(1_000)
    expect(typing).to_be_hidden()

    assert agent.post(f"{agent.base}/handoffs/{handoff_id}/release").ok
    expect(log.locator(".chat-system").last).to_have_text(
        "Information : Votre conversation a été remise dans la file d'attente : un autre conseiller va vous "
        "répondre.", timeout=10_000)
    expect(status).to_contain_text("file")

    assert agent.post(f"{agent.base}/handoffs/{handoff_id}/take").ok
    assert agent.post(f"{agent.base}/handoffs/{handoff_id}/close", json={"outcome": "answered"}).ok
    expect(status).to_be_hidden(timeout=10_000)
    page.close()


def test_a_suspended_person_is_told_until_when_and_cannot_write_until_it_ends(stack, browser):
    from sqlalchemy import update

    from bot.moderation.flags import ModerationFlag
    from bot.storage import get_engine, session_scope

    page, log = _open_chat(browser, stack)
    _say(page, "bande de connards vous servez a rien")
    expect(log).to_contain_text("charte d'utilisation", timeout=30_000)
    _say(page, "espece de sale conne")
    expect(log).to_contain_text("je suspends cette conversation", timeout=30_000)
    status = page.locator(".chat-queue")
    expect(status).to_contain_text("Conversation suspendue jusqu'à", timeout=5_000)
    expect(page.get_by_label("Votre message")).to_be_disabled()
    expect(page.locator(".chat-typing")).to_be_hidden()

    with session_scope(get_engine(stack.env["DATABASE_URL"])) as session:  # the 30 minutes are over
        session.execute(update(ModerationFlag).where(ModerationFlag.conversation_id == _conversation(page))
                        .values(blocked_until=datetime.now(timezone.utc) - timedelta(seconds=1)))
    expect(page.get_by_label("Votre message")).to_be_enabled(timeout=10_000)
    expect(log).to_contain_text("La suspension est terminée : vous pouvez de nouveau écrire.")
    expect(status).to_be_hidden()
    page.close()


def test_the_conversation_can_be_ended_and_cleared_on_a_shared_computer(stack, browser):
    page, log = _open_chat(browser, stack)
    _say(page, "bonjour")
    expect(log).to_contain_text("assistant virtuel", timeout=30_000)
    first = _conversation(page)
    clear = page.get_by_role("button", name="Terminer et effacer")

    page.once("dialog", lambda dialog: dialog.dismiss())
    clear.click()
    expect(log).to_contain_text("assistant virtuel")  # not confirmed: nothing is lost

    page.once("dialog", lambda dialog: dialog.accept())
    clear.click()
    expect(log.locator(".chat-message")).to_have_count(1)
    expect(log).to_contain_text("Conversation terminée et effacée de cet écran")
    stored = page.evaluate("JSON.parse(sessionStorage.getItem('caisse-chat'))")
    assert stored["sessionId"] is None and stored["proof"] is None
    expect(page.get_by_label("Votre message")).to_be_focused()

    page.reload()
    expect(page.get_by_role("log").locator(".chat-message")).to_have_count(0)  # nothing to read back
    _say(page, "merci")
    expect(page.get_by_role("log")).to_contain_text("Avec plaisir", timeout=30_000)
    assert _conversation(page) not in (None, first)
    page.close()


def test_buttons_are_big_enough_and_a_long_answer_shows_its_start(stack, browser):
    page, log = _open_chat(browser, stack, viewport={"width": 375, "height": 480})
    _say(page, "bonjour")
    expect(log.locator(".chat-button").first).to_be_visible(timeout=30_000)
    # The greeting is taller than the log on this screen: its first message is shown, at the top.
    log_box, reply_box = log.bounding_box(), log.locator(".chat-bot").first.bounding_box()
    assert log.evaluate("l => l.scrollHeight > l.clientHeight")
    assert log_box["y"] <= reply_box["y"] < log_box["y"] + 20

    for button in [log.locator(".chat-button").first, page.locator(".chat-send"), page.locator(".chat-close"),
                   page.get_by_role("button", name="Terminer et effacer")]:
        assert button.bounding_box()["height"] >= 44
    page.close()


def test_after_a_quick_reply_the_focus_is_back_in_the_input(stack, browser):
    page, log = _open_chat(browser, stack)
    _say(page, "bonjour")
    log.locator(".chat-button").first.click(timeout=30_000)
    expect(page.get_by_label("Votre message")).to_be_focused()
    page.close()


def test_links_read_as_their_site_and_page_not_as_raw_addresses(stack, browser):
    page, log = _open_chat(browser, stack)
    _say(page, "bonjour")
    links = log.locator("a")
    expect(links.first).to_be_visible(timeout=30_000)
    for link in links.all():
        assert link.get_attribute("href").startswith("http")
        assert not link.inner_text().startswith("http") and len(link.inner_text()) <= 50
    page.close()
