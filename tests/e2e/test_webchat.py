"""The caisse's page in a real headless Chromium (Debian package) driven by Playwright."""
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
