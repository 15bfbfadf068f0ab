"""The editor's workflow on our real web server (no Rasa needed): only validators publish,
scheduling waits for its date, a refusal keeps the text live, the preview API renders and checks."""
import asyncio
import re
import socket
import threading
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import requests
from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from bot.backoffice import create_user
from bot.config import get_config
from bot.templates import load_templates
from bot.storage import get_engine, migrate
from bot.templates.versions import history
from tests.web.test_backoffice_security import PASSWORD, csrf_of, sign_in, site  # noqa: F401 (fixture)
from tests.web_server import web_server

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


@pytest.fixture(scope="module")
def slow_rasa():
    """A Rasa that takes the connection and never answers (a busy or stuck server)."""
    held = []
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen(16)
        threading.Thread(target=lambda: held.extend(iter(listener.accept, None)), daemon=True).start()
        yield f"http://127.0.0.1:{listener.getsockname()[1]}"


@pytest.fixture(scope="module")
def learning_site(tmp_path_factory, slow_rasa):
    """The editor with unanswered questions in its tracker store, Rasa not answering."""
    folder = tmp_path_factory.mktemp("modeles")
    url = f"sqlite:///{folder / 'caisse.db'}"
    migrate(url)
    create_user("tpl-learner", PASSWORD, ["editor"], engine=get_engine(url))
    store = SQLTrackerStore(Domain.empty(), dialect="sqlite", db=str(folder / "tracker.db"))
    questions = {"bruit-1": ["x", "x", "x", "x"], "bruit-2": ["test", "test", "test", "test"],
                 "prime": ["la prime de noel arrive quand", "date du versement de la prime de noël"]}
    for sender, texts in questions.items():
        events = [UserUttered(text, {"name": "nlu_fallback", "confidence": 0.3},
                              parse_data={"text": text, "intent": {"name": "nlu_fallback"}}) for text in texts]
        asyncio.run(store.save(DialogueStateTracker.from_events(sender, events)))
    with web_server(folder, url, RASA_URL=slow_rasa) as base:
        yield base


def _found(page):
    return re.findall(r'href="/modeles/modele/([a-z0-9_]+)"', page)


def test_the_list_is_shown_with_a_notice_when_rasa_is_slow(learning_site):
    page = sign_in(learning_site, "tpl-learner").get(f"{learning_site}/modeles/")
    assert page.status_code == 200
    assert "Le serveur de l'assistant ne répond pas pour l'instant" in page.text


def test_search_covers_titles_answers_and_examples_accents_and_case_folded(learning_site):
    browser = sign_in(learning_site, "tpl-learner")
    assert _found(browser.get(f"{learning_site}/modeles/", params={"q": "noël"}).text)[0] == "caf_rsa_prime_noel"
    assert _found(browser.get(f"{learning_site}/modeles/", params={"q": "NOEL"}).text)[0] == "caf_rsa_prime_noel"
    paid = _found(browser.get(f"{learning_site}/modeles/", params={"q": "quand suis-je payé"}).text)
    assert {"caf_paiements_date_versement", "retraite_paiement_date"} & set(paid[:6])


def test_each_suggestion_offers_the_few_closest_templates_and_noise_comes_last(learning_site):
    page = sign_in(learning_site, "tpl-learner").get(f"{learning_site}/modeles/candidats").text
    assert '<select name="modele"' not in page
    groups = page.split('class="candidate"')[1:]
    noise = [i for i, group in enumerate(groups) if 'value="x"' in group or 'value="test"' in group]
    assert "prime de no" in groups[0] and noise and min(noise) > 0  # real questions before 4 "x" and 4 "test"
    choices = re.findall(r'name="modele" value="([a-z0-9_]+)"', groups[0])
    assert 1 <= len(choices) <= 3 and choices[0] == "caf_rsa_prime_noel"
    assert "(Caf)" in groups[0]
