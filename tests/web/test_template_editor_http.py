"""The editor's workflow on our real web server (no Rasa needed): only validators publish,
scheduling waits for its date, a refusal keeps the text live, the preview API renders and checks."""
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import requests

from bot.backoffice import create_user
from bot.config import get_config
from bot.templates import load_templates
from bot.templates.versions import history
from tests.web.test_backoffice_security import PASSWORD, csrf_of, sign_in, site  # noqa: F401 (fixture)

TEMPLATE = load_templates()[0]


@pytest.fixture(scope="module")
def people(site):  # noqa: F811
    base, engine = site
    create_user("tpl-editor", PASSWORD, ["editor"], engine=engine)
    create_user("tpl-validator", PASSWORD, ["validator"], engine=engine)
    return base, engine


def session(base, username):
    browser = sign_in(base, username)
    browser.headers["X-CSRF-Token"] = csrf_of(browser, base, "/modeles/")
    return browser


def propose(browser, base, answer):
    form = {"title": TEMPLATE.title, "examples": "\n".join(TEMPLATE.examples), "answer": answer,
            "source": TEMPLATE.source, "reviewed": TEMPLATE.reviewed.isoformat(), "owner": TEMPLATE.owner,
            "note": "essai", "action": "proposer"}
    reply = browser.post(f"{base}/modeles/modele/{TEMPLATE.id}/modifier", data=form, allow_redirects=False)
    assert reply.status_code == 302 and reply.headers["Location"].endswith("ok=proposee")


def live_text(base):
    reply = requests.post(f"{base}/nlg", json={"response": f"utter_faq/{TEMPLATE.id}", "arguments": {},
                                               "tracker": {"slots": {"useful": None}}, "channel": {"name": "rest"}})
    return reply.json()["text"]


def test_an_editor_proposes_but_cannot_publish_a_validator_schedules(people):
    base, engine = people
    editor, validator = session(base, "tpl-editor"), session(base, "tpl-validator")
    before = live_text(base)
    propose(editor, base, "Nouveau barème au 1er avril, voir {{site}}.")
    version = history(TEMPLATE.id, engine)[0]
    assert editor.post(f"{base}/modeles/versions/{version.id}/publier").status_code == 403
    tomorrow = datetime.now(ZoneInfo(get_config().opening_hours.timezone)) + timedelta(days=1)
    reply = validator.post(f"{base}/modeles/versions/{version.id}/publier",
                           data={"effective_at": tomorrow.strftime("%Y-%m-%dT%H:%M")}, allow_redirects=False)
    assert reply.headers["Location"].endswith("ok=programmee")
    assert live_text(base) == before
    assert "programmée" in validator.get(f"{base}/modeles/").text


def test_a_refused_proposal_leaves_the_live_text_and_says_why(people):
    base, engine = people
    editor, validator = session(base, "tpl-editor"), session(base, "tpl-validator")
    before = live_text(base)
    propose(editor, base, "Texte à refuser.")
    version = history(TEMPLATE.id, engine)[0]
    page = validator.get(f"{base}/modeles/versions/{version.id}").text
    assert "<ins>" in page and "Texte à refuser." in page
    validator.post(f"{base}/modeles/versions/{version.id}/refuser", data={"comment": "source manquante"})
    assert live_text(base) == before
    assert "source manquante" in editor.get(f"{base}/modeles/modele/{TEMPLATE.id}").text


def test_preview_renders_for_the_caisse_and_lists_what_to_fix(people):
    base, _ = people
    editor = session(base, "tpl-editor")
    reply = editor.post(f"{base}/modeles/api/apercu", data={
        "template_id": TEMPLATE.id, "title": "x", "examples": "une\ndeux", "answer": "Appelez le {{telephone}}.",
        "source": "https://www.caf.fr", "reviewed": "2026-01-01"}).json()
    assert reply["messages"][-1] == f"Appelez le {get_config().contacts_for(TEMPLATE.branch).phone}."
    assert any("au moins 8" in issue["message"] for issue in reply["issues"])


def test_retraining_is_for_validators(people):
    base, _ = people
    assert session(base, "tpl-editor").post(f"{base}/modeles/entrainement/lancer").status_code == 403
    assert "Réentraîner et recharger</button>" in session(base, "tpl-validator").get(f"{base}/modeles/entrainement").text


def test_a_refused_decision_is_said_on_the_page_never_taken_from_the_address(people):
    base, engine = people
    editor, validator = session(base, "tpl-editor"), session(base, "tpl-validator")
    propose(editor, base, "Texte à relire.")
    version = history(TEMPLATE.id, engine)[0]
    forged = validator.get(f"{base}/modeles/versions/{version.id}?erreur=Compte+suspendu+appelez+le+0899").text
    assert "appelez le 0899" not in forged
    assert "Compte suspendu" not in validator.get(f"{base}/modeles/entrainement?erreur=Compte+suspendu").text
    refused = validator.post(f"{base}/modeles/versions/{version.id}/refuser", data={"comment": ""},
                             allow_redirects=False)
    assert refused.status_code == 409 and "Dites à l&#39;auteur pourquoi la proposition est refusée." in refused.text
    assert "Version publiée" not in validator.get(f"{base}/modeles/modele/{TEMPLATE.id}?ok=Version+publiée").text
    assert "Version publiée" in validator.get(f"{base}/modeles/modele/{TEMPLATE.id}?ok=publiee").text
