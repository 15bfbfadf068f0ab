"""Issue 7 in a real browser: the communication team changes what the assistant says.

An editor proposes a new text, a validator publishes it, and the chat gives it at once (no
training); a template with mistakes is refused with what to fix and nothing typed is lost; a new
template is published, the model retrained from the back office, evaluated, put in service, and
the assistant answers the new question with it."""
import re

import pytest
import requests
from playwright.sync_api import expect

from bot.backoffice import create_user
from bot.config import get_config
from bot.nlu.parse import selected_template
from bot.storage import get_engine
from bot.templates import load_templates

pytestmark = pytest.mark.e2e

PASSWORD = "phrase-de-passe-redaction-e2e"
EDITED = next(t for t in load_templates() if t.id == "caf_logement_aide_conditions")
NEW_TEXT = "Texte revu par la rédaction : l'aide au logement dépend de vos ressources et du loyer. Simulez sur {{site}}."
NEW_EXAMPLES = [
    "la caf peut elle m'aider a acheter un frigo", "pret caf pour l'electromenager", "aide caf pour une machine a laver",
    "je dois remplacer ma gaziniere, la caf fait un pret ?", "pret equipement menager caf",
    "la caf prete de l'argent pour acheter des meubles ?", "comment avoir le pret electromenager de la caf",
    "demande de pret caf pour equiper mon logement", "mon lave linge est en panne, la caf peut aider a en racheter un",
    "pret sans interet caf pour un refrigerateur",
]
NEW_ANSWER = "Selon votre Caf, un prêt pour l'équipement ménager peut être accordé, sous conditions. Renseignez-vous au {{telephone}}."
RETRAIN_TIMEOUT_MS = 25 * 60_000
SITE = get_config().contacts.website  # what {{site}} becomes for the caisse


@pytest.fixture(scope="module")
def accounts(stack):
    engine = get_engine(stack.env["DATABASE_URL"])
    for username, roles in (("redaction", ["editor"]), ("validation", ["validator"])):
        try:
            create_user(username, PASSWORD, roles, username.capitalize(), engine=engine)
        except Exception:  # created by an earlier run of this module in the session
            pass


def signed_in(browser, stack, username):
    page = browser.new_context().new_page()
    page.goto(f"http://localhost:{stack.ports.web}/modeles/")
    expect(page).to_have_url(re.compile(r"/connexion"))
    page.get_by_label("Identifiant").fill(username)
    page.get_by_label("Mot de passe").fill(PASSWORD)
    page.get_by_role("button", name="Se connecter").click()
    expect(page.get_by_role("heading", name="Modèles de réponse")).to_be_visible()
    return page


def ask_in_chat(browser, stack, question):
    page = browser.new_context().new_page()
    page.goto(stack.urls["page"])
    page.get_by_role("button", name="Une question ? Discutez avec nous").click()
    page.get_by_label("Votre message").fill(question)
    page.keyboard.press("Enter")
    return page.get_by_role("log")


def answered_example(stack):
    """One of the edited template's examples that the running model answers with it: which
    examples clear the confidence threshold shifts a little with each retraining, and this test
    is about publishing a text, not about one example's confidence."""
    for example in EDITED.examples:
        parse = requests.post(f"http://127.0.0.1:{stack.ports.rasa}/model/parse", json={"text": example},
                              params={"token": stack.env["RASA_AUTH_TOKEN"]}, timeout=10).json()
        if parse["intent"]["name"] == "faq" and selected_template(parse)[0] == EDITED.id:
            return example
    pytest.fail(f"aucun exemple de {EDITED.id} n'obtient ce modèle au-dessus du seuil")


def loaded_model(stack):
    return requests.get(f"http://127.0.0.1:{stack.ports.rasa}/status",
                        params={"token": stack.env["RASA_AUTH_TOKEN"]}, timeout=10).json()["model_file"]


def test_an_edited_text_is_in_the_chat_once_published_without_retraining(stack, accounts, browser):
    model_before = loaded_model(stack)
    editor = signed_in(browser, stack, "redaction")
    editor.get_by_label("Rechercher").fill(EDITED.title)
    editor.get_by_role("button", name="Filtrer").click()
    editor.get_by_role("link", name=EDITED.title).click()
    editor.get_by_role("link", name="Modifier").click()
    editor.locator("#f-answer").fill(NEW_TEXT)
    preview = editor.locator("#answer-preview")
    expect(preview).to_contain_text(f"Simulez sur {SITE}.")  # live, with the caisse's values
    editor.locator("#f-note").fill("texte plus court")
    editor.get_by_role("button", name="Proposer").click()
    expect(editor.get_by_role("status")).to_contain_text("Proposition enregistrée")

    validator = signed_in(browser, stack, "validation")
    validator.get_by_role("link", name=re.compile(f"{EDITED.id} — version")).click()
    expect(validator.locator(".diff ins").first).to_contain_text("Texte revu par la rédaction")
    validator.get_by_role("button", name="Publier").click()
    expect(validator.get_by_role("status")).to_contain_text("Version publiée")
    editor.goto(f"http://localhost:{stack.ports.web}/modeles/")  # the author is told
    told = editor.get_by_role("region", name=re.compile("Vos propositions relues"))
    expect(told).to_contain_text(EDITED.id)
    expect(told).to_contain_text("publiée par validation")

    question = answered_example(stack)
    chat = ask_in_chat(browser, stack, question)
    expect(chat).to_contain_text("Texte revu par la rédaction", timeout=30_000)
    expect(chat.get_by_role("link", name=SITE.removeprefix("https://").removeprefix("www."))).to_have_attribute(
        "href", SITE)  # the widget shows a link as its site and page
    assert loaded_model(stack) == model_before

    # The way back: the validator returns to the file's text, and the chat gives it again.
    validator.get_by_role("button", name="Revenir au texte du fichier d'origine").click()
    expect(validator.get_by_role("status")).to_contain_text("Ancienne version republiée")
    chat = ask_in_chat(browser, stack, question)
    expect(chat).to_contain_text(EDITED.answer[:60], timeout=30_000)


def test_an_invalid_template_is_refused_with_what_to_fix_and_nothing_typed_is_lost(stack, accounts, browser):
    editor = signed_in(browser, stack, "redaction")
    editor.get_by_role("link", name="Nouveau modèle").first.click()
    typed = {
        "#f-id": "caf_famille_essai_invalide",
        "#f-title": "Un modèle incomplet",
        "#f-examples": f"ma question sur les aides\nmon numéro c'est le 06 48 27 19 53\n{EDITED.examples[1]}",
        "#f-answer": "Appelez le {{telefone}} pour en savoir plus.",
        "#f-source": "https://www.caf.fr",
    }
    editor.locator("#f-theme").select_option("caf/famille")
    for selector, value in typed.items():
        editor.locator(selector).fill(value)
    editor.get_by_role("button", name="Proposer").click()
    summary = editor.get_by_role("alert")
    expect(summary).to_contain_text("Le modèle n'est pas enregistré")
    expect(summary).to_contain_text("il en faut au moins 8")
    expect(summary).to_contain_text(f"est déjà un exemple du modèle « {EDITED.id} »")
    expect(summary).to_contain_text("Champ inconnu {{telefone}}")
    expect(summary).to_contain_text("contient une donnée personnelle (téléphone)")
    for selector, value in typed.items():
        expect(editor.locator(selector)).to_have_value(value)
    expect(editor.locator("#f-theme")).to_have_value("caf/famille")


def test_a_new_template_is_answered_after_a_retrain_started_from_the_back_office(stack, accounts, browser):
    editor = signed_in(browser, stack, "redaction")
    editor.get_by_role("link", name="Nouveau modèle").first.click()
    editor.locator("#f-theme").select_option("caf/famille")
    editor.locator("#f-id").fill("caf_famille_pret_equipement_menager")
    editor.locator("#f-title").fill("Prêt de la Caf pour l'équipement ménager")
    editor.locator("#f-examples").fill("\n".join(NEW_EXAMPLES))
    editor.locator("#f-answer").fill(NEW_ANSWER)
    editor.locator("#f-source").fill("https://www.caf.fr")
    editor.get_by_role("button", name="Proposer").click()
    expect(editor.get_by_role("status")).to_contain_text("Proposition enregistrée")

    validator = signed_in(browser, stack, "validation")
    validator.get_by_role("link", name=re.compile("caf_famille_pret_equipement_menager — version")).click()
    validator.get_by_role("button", name="Publier").click()
    validator.get_by_role("link", name="Entraînement du modèle").click()
    expect(validator.locator("main")).to_contain_text("caf_famille_pret_equipement_menager (nouveau modèle)")
    validator.get_by_role("button", name="Réentraîner et recharger").click()
    expect(validator.locator("#job-phase")).to_contain_text("Entraînement du modèle")
    deploy = validator.get_by_role("button", name="Mettre ce modèle en service")
    expect(deploy).to_be_visible(timeout=RETRAIN_TIMEOUT_MS)
    evaluation = validator.locator("#job-evaluation")
    expect(evaluation).to_contain_text("Jeu de test réservé")
    learnt = re.search(r"caf_famille_pret_equipement_menager : (\d+) exemple\(s\) sur 10", evaluation.inner_text())
    assert learnt and int(learnt.group(1)) >= 8
    deploy.click()
    expect(validator.locator("main")).to_contain_text("Mis en service par validation", timeout=180_000)
    expect(validator.locator("main")).to_contain_text("Le modèle en service connaît tous les exemples publiés")

    chat = ask_in_chat(browser, stack, "la caf peut m'aider a acheter un frigo ?")
    expect(chat).to_contain_text("prêt pour l'équipement ménager", timeout=30_000)
