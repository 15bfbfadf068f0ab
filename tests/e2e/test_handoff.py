"""A person asks for a human in the web widget; an agent signs in to the console, takes over,
replies; both see each other's messages live; the agent closes and the bot speaks again.
Then: the servers killed in the middle of a handoff lose no message and no record."""
import json
import re

import pytest
import requests
from playwright.sync_api import expect
from sqlalchemy import select

from bot.backoffice import create_user
from bot.handoff.queue import get_handoff, open_handoff
from bot.handoff.records import Handoff, HandoffEvent
from bot.storage import get_engine, session_scope
from tests.browser import chromium
from tests.e2e.conftest import open_conversation
from tests.e2e.test_rest import say

pytestmark = pytest.mark.e2e

PASSWORD = "phrase-de-passe-de-test-e2e"
PHONE = "06 48 27 19 53"


@pytest.fixture(scope="module")
def engine(stack):
    engine = get_engine(stack.env["DATABASE_URL"])
    for username, name in (("camille", "Camille"), ("dominique", "Dominique")):
        try:
            create_user(username, PASSWORD, ["agent"], name, engine=engine)
        except Exception:  # created by another test module of this session
            pass
    return engine


def console_session(stack, username: str) -> requests.Session:
    base = f"http://127.0.0.1:{stack.ports.web}"
    browser = requests.Session()
    token = re.search(r'name="csrf_token" value="([^"]+)"', browser.get(f"{base}/connexion").text).group(1)
    browser.post(f"{base}/connexion", data={"csrf_token": token, "username": username, "password": PASSWORD})
    csrf = re.search(r'data-csrf="([^"]+)"', browser.get(f"{base}/conseiller").text).group(1)
    browser.headers["X-CSRF-Token"] = csrf
    browser.base = f"{base}/conseiller/api"
    return browser


def console_page(browser, stack, username: str):
    """The console in the browser, signed in as `username`."""
    page = browser.new_context().new_page()
    page.goto(f"http://localhost:{stack.ports.web}/connexion")
    page.get_by_label("Identifiant").fill(username)
    page.get_by_label("Mot de passe").fill(PASSWORD)
    page.get_by_role("button", name="Se connecter").click()
    page.goto(f"http://localhost:{stack.ports.web}/conseiller")
    return page


def test_person_and_agent_talk_in_real_time_then_the_bot_takes_back(stack, engine):
    with chromium() as browser:
        person = browser.new_context().new_page()
        person.goto(stack.urls["page"])
        person.get_by_role("button", name="Une question ? Discutez avec nous").click()
        chat = person.get_by_role("log")
        person.get_by_label("Votre message").fill("je voudrais parler a un conseiller svp")
        person.keyboard.press("Enter")
        expect(chat).to_contain_text("je transmets votre demande à un conseiller", timeout=30_000)
        expect(person.get_by_role("status")).to_contain_text("file", timeout=20_000)
        conversation = person.evaluate("JSON.parse(sessionStorage.getItem('caisse-chat')).sessionId")
        handoff_id = open_handoff(conversation, engine).id

        agent = browser.new_context().new_page()
        agent.goto(f"http://localhost:{stack.ports.web}/conseiller")
        expect(agent).to_have_url(re.compile(r"/connexion"))
        agent.get_by_label("Identifiant").fill("camille")
        agent.get_by_label("Mot de passe").fill(PASSWORD)
        agent.get_by_role("button", name="Se connecter").click()
        agent.locator(f'li[data-handoff="{handoff_id}"] button').click()
        transcript = agent.get_by_role("log")
        expect(transcript).to_contain_text("je voudrais parler a un conseiller svp")
        agent.get_by_role("button", name="Prendre en charge").click()
        expect(chat).to_contain_text("Camille, de la Caf de la Gironde, a rejoint la conversation",
                                     timeout=20_000)

        # A template goes in at the cursor: the draft written so far is kept.
        draft = agent.get_by_label(re.compile("Votre réponse"))
        draft.fill("Bonjour, voici la marche à suivre : ")
        agent.get_by_text("Insérer un modèle de réponse").click()
        agent.get_by_role("searchbox", name="Rechercher un modèle").fill("trimestrielle")
        agent.get_by_role("button", name="RSA : la déclaration trimestrielle de ressources").click()
        value = draft.input_value()
        assert value.startswith("Bonjour, voici la marche à suivre : ") and len(value) > 80

        draft.fill("Bonjour, je regarde votre question.")
        agent.get_by_role("button", name="Envoyer").click()
        expect(chat.locator(".chat-agent")).to_contain_text("Bonjour, je regarde votre question.", timeout=20_000)
        expect(chat.locator(".chat-agent .chat-author")).to_contain_text("Camille")

        person.get_by_label("Votre message").fill(f"merci ! vous pouvez me rappeler au {PHONE} ?")
        person.keyboard.press("Enter")
        expect(transcript).to_contain_text("vous pouvez me rappeler au [TÉLÉPHONE]", timeout=20_000)
        assert PHONE not in agent.content()

        # Closing asks first: declining keeps the conversation with the agent.
        agent.get_by_label("Issue").select_option("answered")
        agent.once("dialog", lambda dialog: dialog.dismiss())
        agent.get_by_role("button", name="Clore et rendre la main à l'assistant").click()
        agent.wait_for_timeout(1000)
        assert get_handoff(handoff_id, engine).status == "active"
        asked = []
        agent.once("dialog", lambda dialog: (asked.append(dialog.message), dialog.accept()))
        agent.get_by_role("button", name="Clore et rendre la main à l'assistant").click()
        expect(chat).to_contain_text("vous êtes de nouveau avec l'assistant", timeout=20_000)
        assert asked == [f"Clore la demande n° {handoff_id} (issue : Réponse apportée) et rendre la main à l'assistant ?"]
        person.get_by_label("Votre message").fill("merci beaucoup")
        person.keyboard.press("Enter")
        expect(chat).to_contain_text("Avec plaisir", timeout=30_000)

    with session_scope(engine) as session:
        record = session.get(Handoff, handoff_id)
        kinds = session.execute(select(HandoffEvent.kind).where(HandoffEvent.handoff_id == handoff_id)
                                .order_by(HandoffEvent.id)).scalars().all()
    assert (record.status, record.outcome, record.channel, record.reason) == ("closed", "answered", "socketio", "asked")
    assert record.requested_at <= record.taken_at <= record.first_agent_reply_at <= record.closed_at
    assert record.waiting_seconds is not None and record.resolution_seconds >= record.first_response_seconds
    assert kinds == ["requested", "taken", "agent_message", "closed"]


def queued_from_the_widget(person, stack, engine, text: str) -> int:
    """The person asks for a human in the widget and waits in the queue: the request's id."""
    person.goto(stack.urls["page"])
    person.get_by_role("button", name="Une question ? Discutez avec nous").click()
    person.get_by_label("Votre message").fill(text)
    person.keyboard.press("Enter")
    expect(person.get_by_role("status")).to_contain_text("file", timeout=30_000)
    conversation = person.evaluate("JSON.parse(sessionStorage.getItem('caisse-chat')).sessionId")
    return open_handoff(conversation, engine).id


def test_the_agent_sees_that_the_person_ended_the_conversation(stack, engine):
    with chromium() as browser:
        person = browser.new_context().new_page()
        handoff_id = queued_from_the_widget(person, stack, engine, "je veux parler a quelqu'un de la caf")
        agent = console_page(browser, stack, "dominique")
        entry = agent.locator(f'li[data-handoff="{handoff_id}"]')
        expect(entry).to_be_visible(timeout=20_000)
        expect(entry.get_by_text("La personne a quitté la conversation")).to_be_hidden()

        person.once("dialog", lambda dialog: dialog.accept())
        person.get_by_role("button", name="Terminer et effacer").click()
        expect(person.get_by_role("log")).to_contain_text("Conversation terminée et effacée")
        expect(entry.get_by_text("La personne a quitté la conversation")).to_be_visible(timeout=20_000)


def test_the_agent_answer_reaches_the_person_after_the_tab_was_closed(stack, engine):
    """Kept on this device with the person's consent, or opened elsewhere with the copied link;
    without either, a closed tab is a closed conversation."""
    camille = console_session(stack, "camille")
    with chromium() as browser:
        device = browser.new_context()
        person = device.new_page()
        handoff_id = queued_from_the_widget(person, stack, engine, "je voudrais qu'un conseiller me reponde svp")
        person.get_by_role("button", name="Retrouver cette conversation sur cet appareil").click()
        expect(person.get_by_role("button", name="Ne plus garder cette conversation sur cet appareil")).to_be_visible()
        person.get_by_role("button", name="Copier un lien pour la reprendre ailleurs").click()
        link = person.get_by_label("Lien de reprise de la conversation").input_value()
        assert link.startswith(stack.urls["page"].split("#")[0]) and "#reprendre=" in link
        person.close()

        assert camille.post(f"{camille.base}/handoffs/{handoff_id}/take").status_code == 200
        answer = "Bonjour, voici la réponse à votre question."
        assert camille.post(f"{camille.base}/handoffs/{handoff_id}/reply", json={"text": answer}).status_code == 200

        back = device.new_page()  # same device, new tab: the kept conversation reopens with the answer
        back.goto(stack.urls["page"])
        expect(back.get_by_role("log")).to_contain_text(answer, timeout=20_000)
        expect(back.get_by_role("log")).to_contain_text("Conversation reprise")

        elsewhere = browser.new_context().new_page()  # another device, with the link
        elsewhere.goto(link)
        expect(elsewhere.get_by_role("log")).to_contain_text(answer, timeout=20_000)
        assert "#" not in elsewhere.url, "the link leaves the address bar once used"

        stranger = browser.new_context().new_page()  # no link, no consent: nothing to read
        stranger.goto(stack.urls["page"])
        stranger.get_by_role("button", name="Une question ? Discutez avec nous").click()
        stranger.wait_for_timeout(1500)
        assert answer not in stranger.content()

        forgetful = browser.new_context()  # did not consent: a closed tab does not come back
        page = forgetful.new_page()
        page.goto(stack.urls["page"])
        page.get_by_role("button", name="Une question ? Discutez avec nous").click()
        page.get_by_label("Votre message").fill("je veux un conseiller humain")
        page.keyboard.press("Enter")
        expect(page.get_by_role("status")).to_contain_text("file", timeout=30_000)
        page.close()
        again = forgetful.new_page()
        again.goto(stack.urls["page"])
        again.wait_for_timeout(1500)
        assert "je veux un conseiller humain" not in again.content()


def test_messages_in_a_held_conversation_not_on_screen_are_counted_as_unread(stack, engine):
    first, second = open_conversation(stack), open_conversation(stack)
    say(stack, "je veux parler à un conseiller", first)
    say(stack, "je veux parler à un conseiller", second)
    ids = [open_handoff(c.id, engine).id for c in (first, second)]
    camille = console_session(stack, "camille")
    for handoff_id in ids:
        assert camille.post(f"{camille.base}/handoffs/{handoff_id}/take").status_code == 200
    with chromium() as browser:
        agent = console_page(browser, stack, "camille")
        agent.locator(f'li[data-handoff="{ids[0]}"] button').click()
        expect(agent.get_by_role("log")).to_contain_text("je veux parler à un conseiller")
        other = agent.locator(f'li[data-handoff="{ids[1]}"]')
        agent.wait_for_timeout(3000)  # the held conversation seen once by the console
        expect(other.locator(".unread")).to_be_hidden()
        say(stack, "vous êtes là ?", second)
        say(stack, "c'est urgent", second)
        expect(other.locator(".unread")).to_have_text("2 nouveaux messages", timeout=10_000)
        assert "2 non lus" in agent.title()
        other.get_by_role("button").click()
        expect(agent.get_by_role("log")).to_contain_text("c'est urgent")
        expect(other.locator(".unread")).to_be_hidden(timeout=10_000)
    for handoff_id in ids:
        assert camille.post(f"{camille.base}/handoffs/{handoff_id}/close", json={"outcome": "answered"}).ok


def test_an_agent_transfers_to_a_colleague_who_hands_it_back_to_another_service(stack, engine):
    person = open_conversation(stack)
    say(stack, "je veux parler à un conseiller", person)
    handoff_id = open_handoff(person.id, engine).id
    camille, dominique = console_session(stack, "camille"), console_session(stack, "dominique")
    assert camille.post(f"{camille.base}/handoffs/{handoff_id}/take").status_code == 200
    with chromium() as browser:
        agent = console_page(browser, stack, "camille")
        agent.locator(f'li[data-handoff="{handoff_id}"] button').click()
        expect(agent.get_by_role("button", name="Envoyer")).to_be_visible()
        agent.get_by_label("Transférer à").select_option(label="Dominique (indisponible)")
        agent.get_by_label(re.compile("Note interne pour la suite")).fill(f"Rappeler au {PHONE}, question APL")
        agent.get_by_role("button", name="Transférer", exact=True).click()
        expect(agent.get_by_role("button", name="Envoyer")).to_be_hidden(timeout=10_000)
        expect(agent.locator(f'li[data-handoff="{handoff_id}"]')).to_contain_text("En cours avec Dominique")
    conversation = dominique.get(f"{dominique.base}/handoffs/{handoff_id}").json()
    assert conversation["mine"]
    assert conversation["lines"][-1]["text"] == "Dominique, de la Caf de la Gironde, prend la suite de la conversation."
    # The note is for the colleague only, and masked like every agent's text.
    assert [(n["author"], n["text"]) for n in conversation["notes"]] == [("camille", "Rappeler au [TÉLÉPHONE], question APL")]
    assert all("Rappeler" not in line["text"] for line in conversation["lines"])
    too_long = dominique.post(f"{dominique.base}/handoffs/{handoff_id}/release", json={"branch": "cpam", "note": "x" * 201})
    assert too_long.status_code == 400 and get_handoff(handoff_id, engine).status == "active"
    assert dominique.post(f"{dominique.base}/handoffs/{handoff_id}/release",
                          json={"branch": "cpam", "note": "Question de remboursement"}).ok
    back = get_handoff(handoff_id, engine)
    assert (back.status, back.agent_id, back.branch) == ("waiting", None, "cpam")
    entry = next(e for e in camille.get(f"{camille.base}/queue").json()["entries"] if e["id"] == handoff_id)
    assert entry["branch_label"] == "Assurance maladie"
    notes = camille.get(f"{camille.base}/handoffs/{handoff_id}").json()["notes"]
    assert [n["text"] for n in notes] == ["Rappeler au [TÉLÉPHONE], question APL", "Question de remboursement"]
    assert dominique.post(f"{dominique.base}/handoffs/{handoff_id}/close", json={"outcome": "redirected"}).ok


def test_two_agents_taking_the_same_conversation_exactly_one_wins(stack, engine):
    sender = open_conversation(stack)
    say(stack, "je veux parler à un humain", sender)
    handoff_id = open_handoff(sender.id, engine).id
    camille, dominique = console_session(stack, "camille"), console_session(stack, "dominique")
    answers = [s.post(f"{s.base}/handoffs/{handoff_id}/take") for s in (camille, dominique)]
    assert sorted(a.status_code for a in answers) == [200, 409]
    assert "un autre conseiller" in answers[1].json()["error"] or "un autre conseiller" in answers[0].json()["error"]


def test_killing_the_servers_mid_handoff_loses_no_message_and_no_record(stack, engine):
    sender = open_conversation(stack)
    say(stack, "je veux parler à un conseiller", sender)
    handoff_id = open_handoff(sender.id, engine).id
    camille = console_session(stack, "camille")
    assert camille.post(f"{camille.base}/handoffs/{handoff_id}/take").status_code == 200
    assert say(stack, "c'est au sujet de ma prime d'activité", sender) == []

    stack.kill()  # SIGKILL, as in a crash or a power cut
    stack.start()

    camille = console_session(stack, "camille")
    assert say(stack, "vous etes toujours la ?", sender) == [], "still with the agent after the restart"
    conversation = camille.get(f"{camille.base}/handoffs/{handoff_id}").json()
    person_lines = [line["text"] for line in conversation["lines"] if line["author"] == "person"]
    assert person_lines[-2:] == ["c'est au sujet de ma prime d'activité", "vous etes toujours la ?"]
    assert conversation["mine"] and conversation["status"] == "active"
    assert camille.post(f"{camille.base}/handoffs/{handoff_id}/reply", json={"text": "Oui, je suis là."}).ok
    assert camille.post(f"{camille.base}/handoffs/{handoff_id}/close", json={"outcome": "answered"}).ok
    with session_scope(engine) as session:
        assert session.get(Handoff, handoff_id).first_agent_reply_at is not None
    assert "Bonjour" in json.dumps(say(stack, "bonjour", sender), ensure_ascii=False)
