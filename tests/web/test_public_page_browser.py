"""The public page under its Content-Security-Policy, in a real headless Chromium: our scripts and
styles load and nothing they do is blocked, while an injected inline script would be. (That the
widget still talks to Rasa through the policy is tests/e2e/test_webchat.py.)"""
import pytest
from playwright.sync_api import expect

from bot.storage import migrate
from tests.web_server import web_server


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    folder = tmp_path_factory.mktemp("public")
    url = f"sqlite:///{folder / 'caisse.db'}"
    migrate(url)
    with web_server(folder, url, RASA_PUBLIC_URL="http://localhost:5999") as base:
        yield base


def test_the_widget_loads_under_the_policy_and_inline_scripts_do_not_run(site, browser):
    page = browser.new_page()
    violations = []
    page.on("console", lambda message: violations.append(message.text)
            if "Content Security Policy" in message.text else None)
    page.goto(f"{site}/")
    page.get_by_role("button", name="Une question ? Discutez avec nous").click()
    expect(page.get_by_label("Votre message")).to_be_visible()
    assert page.evaluate("getComputedStyle(document.querySelector('.site-header')).display") != "inline"
    assert violations == []
    ran = page.evaluate("""() => new Promise(resolve => {
        document.addEventListener("securitypolicyviolation", () => resolve("bloqué"));
        const script = document.createElement("script");
        script.textContent = "window.injected = 'exécuté'";
        document.body.appendChild(script);
        setTimeout(() => resolve(window.injected || "bloqué"), 500);
    })""")
    assert ran == "bloqué"
    page.close()


INPUT_REACHABLE = """() => {
    const input = document.getElementById("chat-input"), box = input.getBoundingClientRect();
    const x = box.left + box.width / 2, y = box.top + box.height / 2;
    return box.bottom <= innerHeight && document.elementFromPoint(x, y) === input;
}"""


@pytest.mark.parametrize("viewport", [{"width": 640, "height": 360}, {"width": 375, "height": 667}],
                         ids=["laptop-zoomed-200", "phone"])
def test_nothing_covers_the_input_on_a_phone_or_zoomed_in(site, browser, viewport):
    page = browser.new_page(viewport=viewport, device_scale_factor=2)
    page.goto(f"{site}/")
    page.get_by_role("button", name="Une question ? Discutez avec nous").click()
    assert page.evaluate(INPUT_REACHABLE)
    page.keyboard.press("Escape")
    expect(page.get_by_role("button", name="Une question ? Discutez avec nous")).to_be_focused()
    page.close()


def test_the_full_screen_dialog_keeps_the_keyboard_focus(site, browser):
    page = browser.new_page(viewport={"width": 375, "height": 667})
    page.goto(f"{site}/")
    page.get_by_role("button", name="Une question ? Discutez avec nous").click()
    dialog = page.get_by_role("dialog")
    assert dialog.get_attribute("aria-modal") == "true"
    inside = []
    for key in ["Tab"] * 8 + ["Shift+Tab"] * 8:
        page.keyboard.press(key)
        inside.append(page.evaluate("document.getElementById('chat-panel').contains(document.activeElement)"))
    assert all(inside)
    page.close()


def test_the_panel_says_what_it_is_for_before_the_first_message(site, browser):
    page = browser.new_page()
    page.goto(f"{site}/")
    page.get_by_role("button", name="Une question ? Discutez avec nous").click()
    expect(page.get_by_role("log")).to_contain_text("Posez votre question sur vos droits ou vos démarches")
    page.close()
