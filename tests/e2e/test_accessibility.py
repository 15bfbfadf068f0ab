"""Every page of the four roles checked by axe-core at WCAG 2.1 AA (the base of the RGAA) in the
real Chromium: no serious or critical violation, on desktop and on a phone-sized screen."""
import pytest
from playwright.sync_api import expect

from bot.backoffice import create_user
from bot.handoff.queue import open_handoff
from bot.storage import get_engine
from tests.browser import chromium, serious_violations
from tests.e2e.conftest import open_conversation
from tests.e2e.test_rest import say

pytestmark = pytest.mark.e2e

PASSWORD = "phrase-de-passe-accessibilite"
PHONE = {"width": 390, "height": 844}


@pytest.fixture(scope="module")
def browser():
    with chromium() as browser:
        yield browser


@pytest.fixture(scope="module")
def staff(stack):
    """One account holding every back-office role, so each page can be opened."""
    create_user("accessibilite", PASSWORD, ["agent", "manager", "editor", "validator", "moderator"],
                "Alex", engine=get_engine(stack.env["DATABASE_URL"]))
    return "accessibilite"


def new_page(browser, **options):
    # axe-core is injected as a script: the pages' Content-Security-Policy would refuse it.
    return browser.new_context(bypass_csp=True, **options).new_page()


def test_the_check_finds_a_missing_text_alternative(browser):
    page = new_page(browser)
    page.set_content("<html lang='fr'><head><title>t</title></head><body><main><img src='x.png'></main></body></html>")
    assert [line.split(" ")[0] for line in serious_violations(page)] == ["image-alt"]
    page.context.close()


@pytest.mark.parametrize("viewport", [None, PHONE], ids=["desktop", "phone"])
def test_the_chat_widget_has_no_serious_violation(stack, browser, viewport):
    page = new_page(browser, **({"viewport": viewport} if viewport else {}))
    page.goto(stack.urls["page"])
    assert serious_violations(page) == []
    page.get_by_role("button", name="Une question ? Discutez avec nous").click()
    page.get_by_label("Votre message").fill("bonjour")
    page.keyboard.press("Enter")
    expect(page.get_by_role("log").locator(".chat-button").first).to_be_visible(timeout=30_000)
    assert serious_violations(page) == []
    page.get_by_label("Votre message").fill("je veux parler a un conseiller")
    page.keyboard.press("Enter")
    expect(page.get_by_role("status")).to_contain_text("file", timeout=30_000)
    assert serious_violations(page) == []
    page.context.close()


def test_the_back_office_pages_have_no_serious_violation(stack, browser, staff):
    base = f"http://localhost:{stack.ports.web}"
    page = new_page(browser)
    page.goto(f"{base}/connexion")
    assert serious_violations(page) == []
    page.get_by_label("Identifiant").fill(staff)
    page.get_by_label("Mot de passe").fill(PASSWORD)
    page.get_by_role("button", name="Se connecter").click()

    failures = {}
    for path in ("/conseiller", "/pilotage", "/modeles/", "/modeles/candidats", "/modeles/nouveau",
                 "/modeles/entrainement", "/moderation/"):
        page.goto(base + path)
        page.wait_for_load_state("networkidle")
        failures[path] = serious_violations(page)
    # A conversation opened in the console, with its reply area and template picker.
    conversation = open_conversation(stack)
    say(stack, "je voudrais parler a un conseiller", conversation)
    handoff = open_handoff(conversation.id, get_engine(stack.env["DATABASE_URL"]))
    page.goto(base + "/conseiller")
    page.locator(f'li[data-handoff="{handoff.id}"] button').click()
    expect(page.get_by_role("log")).to_contain_text("parler a un conseiller")
    failures["/conseiller (conversation ouverte)"] = serious_violations(page)
    page.goto(base + "/modeles/")
    page.locator("a[href*='/modeles/modele/']").first.click()
    failures["/modeles/modele/…"] = serious_violations(page)
    page.context.close()
    assert {path: found for path, found in failures.items() if found} == {}
