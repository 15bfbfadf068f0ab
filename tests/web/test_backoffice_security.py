"""The back office's guards, on our real web server (no Rasa needed for these)."""
import re

import pytest
import requests

from bot.backoffice import create_user
from bot.channels import ownership
from bot.handoff.queue import open_handoff, request_handoff
from bot.moderation.flags import flag_conversation, open_flags
from bot.storage import get_engine, migrate
from tests.web_server import web_server

PASSWORD = "une-phrase-de-passe-longue"


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    folder = tmp_path_factory.mktemp("web")
    url = f"sqlite:///{folder / 'caisse.db'}"
    migrate(url)
    engine = get_engine(url)
    create_user("camille", PASSWORD, ["agent"], "Camille", engine=engine)
    create_user("dominique", PASSWORD, ["manager"], "Dominique", engine=engine)
    create_user("alex", PASSWORD, ["moderator"], "Alex", engine=engine)
    with web_server(folder, url) as base:
        yield base, engine


def sign_in(base: str, username: str, password: str = PASSWORD, suite: str = "") -> requests.Session:
    browser = requests.Session()
    page = browser.get(f"{base}/connexion").text
    token = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)
    browser.post(f"{base}/connexion", data={"csrf_token": token, "username": username, "password": password,
                                            "suite": suite}, allow_redirects=False)
    return browser


def csrf_of(browser: requests.Session, base: str, page: str = "/conseiller") -> str:
    return re.search(r'data-csrf="([^"]+)"', browser.get(base + page).text).group(1)


def test_visitor_not_signed_in_sees_nothing(site):
    base, _ = site
    page = requests.get(f"{base}/conseiller", allow_redirects=False)
    assert page.status_code == 302 and page.headers["Location"].startswith("/connexion")
    assert requests.get(f"{base}/conseiller/api/queue").status_code == 401


def test_session_cookie_is_http_only_and_same_site_strict(site):
    base, _ = site
    browser = requests.Session()
    page = browser.get(f"{base}/connexion").text
    token = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)
    answer = browser.post(f"{base}/connexion", data={"csrf_token": token, "username": "camille",
                                                     "password": PASSWORD}, allow_redirects=False)
    assert answer.status_code == 302 and answer.headers["Location"] == "/conseiller"
    cookie = answer.headers["Set-Cookie"]
    assert "HttpOnly" in cookie and "SameSite=Strict" in cookie


def test_sign_in_form_needs_its_csrf_token(site):
    base, _ = site
    answer = requests.post(f"{base}/connexion", data={"username": "camille", "password": PASSWORD},
                           allow_redirects=False)
    assert answer.status_code == 403


def test_wrong_password_is_refused(site):
    base, _ = site
    browser = sign_in(base, "camille", "pas le bon mot de passe")
    assert browser.get(f"{base}/conseiller/api/queue").status_code == 401


def test_roles_are_enforced_on_the_server(site):
    base, _ = site
    manager = sign_in(base, "dominique")
    assert manager.get(f"{base}/conseiller/api/queue").status_code == 403
    assert manager.get(f"{base}/conseiller", allow_redirects=False).status_code == 403


def test_unsafe_calls_need_the_csrf_token(site):
    base, _ = site
    agent = sign_in(base, "camille")
    assert agent.post(f"{base}/conseiller/api/presence", json={"present": True}).status_code == 403
    answer = agent.post(f"{base}/conseiller/api/presence", json={"present": True},
                        headers={"X-CSRF-Token": csrf_of(agent, base)})
    assert answer.status_code == 200 and answer.json()["present"] is True


def test_no_redirect_to_another_site_after_sign_in(site):
    base, _ = site
    browser = requests.Session()
    page = browser.get(f"{base}/connexion?suite=//example.org/").text
    token = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)
    answer = browser.post(f"{base}/connexion", data={"csrf_token": token, "username": "camille",
                                                     "password": PASSWORD, "suite": "//example.org/"},
                          allow_redirects=False)
    assert answer.headers["Location"] == "/conseiller"


def test_security_headers(site):
    base, _ = site
    headers = requests.get(f"{base}/connexion").headers
    assert "script-src 'self'" in headers["Content-Security-Policy"]
    assert headers["X-Content-Type-Options"] == "nosniff" and headers["X-Frame-Options"] == "DENY"
    assert headers["Cache-Control"] == "no-store"


def test_queue_lists_a_waiting_person_and_the_widget_sees_its_place(site):
    base, engine = site
    conversation = ownership.new_conversation()
    request_handoff(conversation.id, "socketio", "asked", engine=engine)
    agent = sign_in(base, "camille")
    entries = agent.get(f"{base}/conseiller/api/queue").json()["entries"]
    assert [(e["position"], e["status"]) for e in entries if e["reason"] == "asked"] == [(1, "waiting")]
    status = requests.get(f"{base}/api/public/handoff/{conversation.id}",
                          headers={ownership.PROOF_HEADER: conversation.proof}).json()
    assert status["status"] == "waiting" and status["position"] == 1 and status["text"]


def test_moderator_decides_on_a_flagged_conversation_and_the_decision_is_kept(site):
    base, engine = site
    flag = flag_conversation("conv-flag-test", "insult", "high", "socketio", engine=engine)
    assert sign_in(base, "camille").get(f"{base}/moderation", allow_redirects=False).status_code == 403
    moderator = sign_in(base, "alex")
    page = moderator.get(f"{base}/moderation").text
    assert f"Signalement n° {flag.id}" in page and "insulte" in page
    token = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)
    answer = moderator.post(f"{base}/moderation/{flag.id}/decision",
                            data={"csrf_token": token, "decision": "block", "minutes": "60"})
    assert answer.ok and "Décision enregistrée." in answer.text
    assert flag.id not in [f.id for f in open_flags(engine=engine)]


def test_moderator_deletes_a_conversation_on_request(site):
    base, engine = site
    request_handoff("conv-to-delete", "socketio", "asked", engine=engine)
    moderator = sign_in(base, "alex")
    token = re.search(r'name="csrf_token" value="([^"]+)"', moderator.get(f"{base}/moderation").text).group(1)
    answer = moderator.post(f"{base}/moderation/suppression",
                            data={"csrf_token": token, "conversation_id": "conv-to-delete", "reference": "n° 7"})
    assert answer.ok and "Conversation supprimée : sa transcription est effacée." in answer.text
    assert open_handoff("conv-to-delete", engine) is None


def _post_sign_in(base: str, username: str, password: str, address: str) -> requests.Response:
    browser = requests.Session()
    token = re.search(r'name="csrf_token" value="([^"]+)"', browser.get(f"{base}/connexion").text).group(1)
    return browser.post(f"{base}/connexion", data={"csrf_token": token, "username": username, "password": password},
                        headers={"X-Forwarded-For": f"10.9.9.9, {address}"}, allow_redirects=False)


def test_lockout_is_per_address_behind_the_proxy(site):
    """nginx appends the client's address to X-Forwarded-For; the entry before it is the client's own say."""
    base, _ = site
    for _ in range(5):
        assert _post_sign_in(base, "alex", "pas le bon", "198.51.100.66").status_code == 401
    refused = _post_sign_in(base, "alex", PASSWORD, "198.51.100.66")
    assert refused.status_code == 401 and "Trop de tentatives" in refused.text
    assert _post_sign_in(base, "alex", PASSWORD, "192.0.2.10").status_code == 302


def test_a_huge_user_name_is_refused_before_any_work(site):
    base, _ = site
    answer = _post_sign_in(base, "Jean " * 60000, PASSWORD, "198.51.100.70")  # 300,000 characters
    assert answer.status_code == 413 and "Envoi trop volumineux" in answer.text
    answer = _post_sign_in(base, "Jean " * 2000, PASSWORD, "198.51.100.70")
    assert answer.status_code == 400 and "Champ trop long" in answer.text


def test_oversized_query_parameters_and_bodies_are_refused(site):
    base, _ = site
    agent = sign_in(base, "camille")
    assert agent.get(f"{base}/conseiller/api/answers", params={"q": "a" * 5000}).status_code == 400
    answer = agent.post(f"{base}/conseiller/api/presence", data="x" * 300_000,
                        headers={"X-CSRF-Token": csrf_of(agent, base)})
    assert answer.status_code == 413


def test_the_dashboard_refuses_a_period_beyond_what_is_kept(site):
    base, _ = site
    manager = sign_in(base, "dominique")
    answer = manager.get(f"{base}/pilotage?du=1900-01-01&au=2100-12-31")
    assert answer.status_code == 400 and "Choisissez une période entre le" in answer.text
    assert manager.get(f"{base}/pilotage/export/volumes_jour.csv?du=1900-01-01&au=2026-01-01").status_code == 400


def test_signing_out_without_the_csrf_token_still_ends_the_session(site):
    base, _ = site
    agent = sign_in(base, "camille")
    assert agent.get(f"{base}/conseiller/api/queue").status_code == 200
    cookie = agent.cookies.get("caisse_backoffice")
    agent.post(f"{base}/deconnexion", allow_redirects=False)
    replay = requests.get(f"{base}/conseiller/api/queue", cookies={"caisse_backoffice": cookie})
    assert replay.status_code == 401


def test_notices_come_from_codes_never_from_the_address(site):
    base, _ = site
    moderator = sign_in(base, "alex")
    forged = moderator.get(f"{base}/moderation", params={"fait": "Votre compte est suspendu : appelez le 0899",
                                                          "supprime": "Faux message"}).text
    assert "appelez le 0899" not in forged and "Faux message" not in forged
    assert "Décision enregistrée." in moderator.get(f"{base}/moderation?fait=decision").text


def test_the_public_page_has_a_csp_that_lets_the_widget_reach_rasa(site):
    base, _ = site
    policy = requests.get(f"{base}/").headers["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "style-src 'self'" in policy and "unsafe-inline" not in policy
    rasa = re.search(r'data-rasa-url="([^"]+)"', requests.get(f"{base}/").text).group(1)
    host = rasa.split("://", 1)[1]
    assert f"connect-src 'self' {rasa} ws://{host}" in policy
