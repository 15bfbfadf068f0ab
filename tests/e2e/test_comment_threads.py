"""A comment the assistant leaves to the agents, end to end: a signed Page webhook delivery read
by the trained model goes to the queue as a comment thread; an agent opens it from the console's
queue in the real Chromium, reads it masked, and answers publicly through the local Graph API.
The page is checked by axe-core like the other back-office pages."""
import pytest
from playwright.sync_api import expect

from bot.backoffice import create_user
from bot.handoff.queue import get_handoff, open_handoff
from bot.storage import get_engine
from tests.browser import chromium, serious_violations
from tests.e2e.test_page_comments import delivery, row, send, wait_for

pytestmark = pytest.mark.e2e

PASSWORD = "phrase-de-passe-commentaires"


@pytest.fixture(scope="module")
def browser():
    with chromium() as browser:
        yield browser


def test_an_agent_opens_a_queued_comment_thread_from_the_console_and_answers_publicly(stack, graph_api, browser):
    engine = get_engine(stack.env["DATABASE_URL"])
    create_user("fil-commentaires", PASSWORD, ["agent"], "Morgane", engine=engine)
    body, comment_id = delivery("je voudrais qu'un conseiller me réponde svp")
    send(stack, body)
    assert wait_for(lambda: row(stack, comment_id))
    handoff = open_handoff(f"facebook_comment:{comment_id}", engine)
    assert handoff is not None, row(stack, comment_id)

    base = f"http://localhost:{stack.ports.web}"
    # axe-core is injected as a script: the pages' Content-Security-Policy would refuse it.
    page = browser.new_context(bypass_csp=True).new_page()
    page.goto(f"{base}/connexion")
    page.get_by_label("Identifiant").fill("fil-commentaires")
    page.get_by_label("Mot de passe").fill(PASSWORD)
    page.get_by_role("button", name="Se connecter").click()
    page.goto(f"{base}/conseiller")
    page.locator(f'li[data-handoff="{handoff.id}"] button').click()
    expect(page.get_by_role("heading", name=f"Fil de commentaires n° {handoff.id} — Facebook")).to_be_visible()
    expect(page.locator(".thread")).to_contain_text("je voudrais qu'un conseiller me réponde svp")
    failures = {"fil": serious_violations(page)}

    answer = "Bonjour, un conseiller va vous écrire en message privé dans la journée."
    page.get_by_label("Votre réponse").fill(answer)
    page.get_by_role("button", name="Répondre publiquement").click()
    expect(page.get_by_role("status")).to_contain_text("la demande est fermée")
    expect(page.locator(".thread")).to_contain_text(answer)
    failures["fil traité"] = serious_violations(page)
    page.goto(f"{base}/conseiller/commentaires")
    failures["liste"] = serious_violations(page)
    page.context.close()

    assert [call["body"] for call in graph_api.calls_to(f"/{comment_id}/comments")][-1:] == [{"message": answer}]
    assert get_handoff(handoff.id, engine).outcome == "answered"
    assert row(stack, comment_id)["answered_at"] is not None
    assert {name: found for name, found in failures.items() if found} == {}
