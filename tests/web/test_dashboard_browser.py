"""The managers' dashboard in a real headless Chromium (Debian package) driven by Playwright:
sign-in, period change, charts, export, drill-down, public comments on the social networks, and
nothing for a visitor not signed in.

Only our web server is needed (`python -m bot web`, no Rasa), on a free port, over a temporary
database migrated and filled with demo data.
"""
import asyncio
import csv
import io
import re
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest
from playwright.sync_api import expect

from bot.backoffice.accounts import create_user
from bot.config import load_config
from bot.social.records import SocialComment, add_comment
from bot.storage import get_engine, migrate
from tests.web_server import web_server as serve
from tools.demo.indicators import DemoSize, generate

MANAGER = ("directrice", "pilotage-essai-2026")
AGENT = ("conseiller", "conseiller-essai-2026")


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    """The server's database, tracker store and logs."""
    return tmp_path_factory.mktemp("pilotage")


@pytest.fixture(scope="module")
def web_server(folder):
    url = f"sqlite:///{folder / 'caisse.db'}"
    migrate(url)
    engine = get_engine(url)
    generate(engine, load_config(), DemoSize(conversations=3000, handoffs=300, months=2),
             now=datetime.now(timezone.utc))
    create_user(*MANAGER, ["manager"], "Directrice", engine=engine)
    create_user(*AGENT, ["agent"], "Conseiller", engine=engine)
    _public_comments(engine, datetime.now(timezone.utc) - timedelta(minutes=5))
    with serve(folder, url) as base:
        yield base


def _public_comments(engine, received):
    """Four synthetic comments: three on Facebook (one hidden for personal data, one answered in
    public, one sent to the agents), one on Instagram hidden for personal data; the demo's own
    comments are removed first, so that the figures are these four."""
    with engine.begin() as connection:
        connection.execute(SocialComment.__table__.delete())
    for comment_id, platform, action, hidden, answered in (
            ("fb-1", "facebook", "hidden_personal_data", 0.7, 1.5), ("fb-2", "facebook", "public_reply", None, 2.0),
            ("fb-3", "facebook", "queued", None, None), ("ig-1", "instagram", "hidden_personal_data", 0.9, 1.8)):
        add_comment(SocialComment(
            platform=platform, comment_id=comment_id, post_id="post-1", conversation_id=f"{platform}_comment:{comment_id}",
            masked_text="Texte fictif [NIR]", personal_data="NIR" if hidden else None, action=action,
            received_at=received, hidden_at=received + timedelta(seconds=hidden) if hidden else None,
            answered_at=received + timedelta(seconds=answered) if answered else None), engine=engine)


def _sign_in(page, base, who):
    page.goto(f"{base}/connexion")
    page.get_by_label("Identifiant").fill(who[0])
    page.get_by_label("Mot de passe").fill(who[1])
    page.get_by_role("button", name="Se connecter").click()


def test_a_visitor_who_is_not_signed_in_sees_nothing(web_server, browser):
    context = browser.new_context()
    page = context.new_page()
    page.goto(f"{web_server}/pilotage")
    assert "/connexion" in page.url
    expect(page.get_by_role("heading", name="Connexion à l'espace interne")).to_be_visible()
    assert "Synthèse" not in page.content()
    reply = context.request.get(f"{web_server}/pilotage/export/delais.csv", max_redirects=0)
    assert reply.status == 302 and reply.headers["location"].startswith("/connexion")
    reply = context.request.get(f"{web_server}/pilotage/conversations?source=handoffs", max_redirects=0)
    assert reply.status == 302
    context.close()


def test_an_agent_without_the_manager_role_is_refused(web_server, browser):
    context = browser.new_context()
    page = context.new_page()
    _sign_in(page, web_server, AGENT)
    reply = context.request.get(f"{web_server}/pilotage")
    assert reply.status == 403
    context.close()


def test_manager_changes_period_reads_charts_exports_and_opens_conversations(web_server, browser):
    context = browser.new_context(accept_downloads=True)
    page = context.new_page()
    errors = []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    _sign_in(page, web_server, MANAGER)
    expect(page).to_have_url(f"{web_server}/pilotage")
    expect(page.get_by_role("heading", name="Pilotage", exact=True)).to_be_visible()

    # Period change: the previous month, by the date fields.
    today = paris_today()
    first = (today.replace(day=1) - timedelta(days=1)).replace(day=1)
    last = today.replace(day=1) - timedelta(days=1)
    page.get_by_label("Du", exact=True).fill(first.isoformat())
    page.get_by_label("au", exact=True).fill(last.isoformat())
    page.get_by_role("button", name="Afficher").click()
    expect(page.get_by_role("heading", name=f"Synthèse du {first:%d/%m/%Y} au {last:%d/%m/%Y}")).to_be_visible()
    assert f"du={first.isoformat()}" in page.url

    # The daily chart is drawn from its table: one point per day of the month, per series.
    chart = page.locator("figure[data-chart='line'] svg")
    expect(chart).to_be_visible()
    days = (last - first).days + 1
    assert page.locator("figure[data-chart='line'] svg polyline").count() == 3
    assert page.locator("figure[data-chart='line'] svg circle").count() == 3 * days
    expect(page.locator("#reactivite_f2 figure svg rect.chart-bar")).to_have_count(5)
    conversations = sum(page.locator("#tableau-volumes_jour tbody td:nth-child(2)")
                        .evaluate_all("cells => cells.map(cell => Number(cell.dataset.value))"))
    assert conversations > 0
    first_card = page.locator(".pilotage-card").first
    expect(first_card.locator("dt")).to_have_text("Conversations")
    assert re.sub(r"\D", "", first_card.locator("dd").inner_text()) == str(conversations)

    # Export of the daily volumes: the same period, the same total.
    with page.expect_download() as download_info:
        page.locator("#volumes_jour .pilotage-export").click()
    download = download_info.value
    assert download.suggested_filename == f"pilotage-volumes_jour-{first.isoformat()}-{last.isoformat()}.csv"
    rows = list(csv.reader(io.StringIO(open(download.path(), encoding="utf-8-sig").read()), delimiter=";"))
    assert rows[0][:2] == ["Jour", "Conversations"]
    assert len(rows) == 1 + days
    assert sum(int(row[1]) for row in rows[1:]) == conversations

    # From a number to the conversations behind it.
    page.locator("#tableau-passages_motif tbody tr").first.locator("a").first.click()
    expect(page.get_by_role("heading", name="Passages à un conseiller")).to_be_visible()
    assert page.locator("tbody tr").count() > 0
    expect(page.locator("tbody tr").first).to_contain_text("demo-")
    assert not errors, errors  # no script error, no CSP violation
    assert context.request.get(f"{web_server}/pilotage/export/inconnu.csv").status == 404
    assert context.request.get(f"{web_server}/pilotage?du=2026-13-01").status == 400
    headers = context.request.get(f"{web_server}/pilotage").headers
    assert "script-src 'self'" in headers["content-security-policy"]
    context.close()


def paris_today():
    """The dashboard's days are the caisse's (Paris time): after 23:00 UTC, UTC's date is yesterday."""
    return datetime.now(ZoneInfo("Europe/Paris")).date()


def _conversation_in_tracker_store(folder, sender, now):
    """A conversation written after the server started, by Rasa's own SQL tracker store."""
    from rasa.core.tracker_store import SQLTrackerStore
    from rasa.shared.core.domain import Domain
    from rasa.shared.core.events import BotUttered, UserUttered
    from rasa.shared.core.trackers import DialogueStateTracker

    moment = now.timestamp()
    events = [UserUttered("mon numéro est [NIR], quand suis-je payé ?", {"name": "nlu_fallback", "confidence": 0.3},
                          input_channel="socketio", timestamp=moment),
              BotUttered("Les prestations sont versées le 5 du mois.", timestamp=moment + 2)]
    store = SQLTrackerStore(Domain.empty(), dialect="sqlite", db=str(folder / "tracker.db"))
    with ThreadPoolExecutor(1) as thread:  # Playwright's event loop runs in this one
        thread.submit(asyncio.run, store.save(DialogueStateTracker.from_events(sender, events))).result()


def test_drill_downs_are_paged_in_french_by_day_and_open_the_masked_conversation(web_server, browser):
    context = browser.new_context()
    page = context.new_page()
    _sign_in(page, web_server, MANAGER)
    today = paris_today()
    start = (today.replace(day=1) - timedelta(days=1)).replace(day=1)
    page.goto(f"{web_server}/pilotage?du={start.isoformat()}&au={today.isoformat()}")

    # A section menu at the top; counts of conversations sent to an agent agree with the tables.
    menu = page.get_by_role("navigation", name="Sections du pilotage")
    menu.get_by_role("link", name="Qualité des réponses").click()
    assert page.url.endswith("#section-qualite-des-reponses")
    expect(page.get_by_role("heading", name="Qualité des réponses")).to_be_in_viewport()
    cards = dict(zip(page.locator(".pilotage-card dt").all_inner_texts(),
                     page.locator(".pilotage-card dd").all_inner_texts()))
    column = page.locator("#tableau-volumes_jour th").all_inner_texts().index("Conversations passées à un conseiller")
    with_handoff = sum(page.locator(f"#tableau-volumes_jour tbody td:nth-child({column + 1})")
                       .evaluate_all("cells => cells.map(cell => Number(cell.dataset.value))"))
    assert int(re.sub(r"\D", "", cards["Conversations passées à un conseiller"])) == with_handoff
    # Templates by their titles, not their ids.
    assert not re.search(r"\b(caf|cpam|msa|urssaf|retraite)_[a-z_]+\b",
                         page.locator("#tableau-passages_theme, #tableau-avis_f3").all_inner_texts().__str__())

    # Every handoff of the period: a total, pages, outcomes in French.
    page.goto(f"{web_server}/pilotage/conversations?du={start.isoformat()}&au={today.isoformat()}&source=handoffs")
    summary = page.locator("main p").nth(1)
    total = int(re.search(r"(\d+) ligne", summary.inner_text()).group(1))
    assert total > 100
    expect(summary).to_contain_text("lignes 1 à 100 (page 1 sur")
    issues = page.locator("#tableau-passages tbody td:last-child").all_inner_texts()
    assert "Réponse apportée" in issues and not {"answered", "redirected", "abandoned"} & set(issues)
    page.get_by_role("link", name="Page suivante →").click()
    expect(page.locator("main p").nth(1)).to_contain_text("lignes 101 à ")
    assert page.locator("#tableau-passages tbody tr").count() == min(100, total - 100)

    # A day of the daily table: that day's header.
    page.goto(f"{web_server}/pilotage?du={start.isoformat()}&au={today.isoformat()}")
    page.locator("#tableau-volumes_jour tbody tr").nth(3).locator("a").first.click()
    day = start + timedelta(days=3)
    expect(page.locator("main p").nth(1)).to_contain_text(f"Le {day:%d/%m/%Y} ;")
    context.close()


def test_a_new_conversation_counts_at_once_and_opens_masked(web_server, browser, folder):
    context = browser.new_context()
    page = context.new_page()
    _sign_in(page, web_server, MANAGER)
    today = paris_today()
    url = f"{web_server}/pilotage?du={today.isoformat()}&au={today.isoformat()}"

    def conversations():
        page.goto(url)
        return int(re.sub(r"\D", "", page.locator(".pilotage-card").first.locator("dd").inner_text()))

    before = conversations()
    _conversation_in_tracker_store(folder, "essai-pilotage-1", datetime.now(timezone.utc))
    assert conversations() == before + 1  # not five minutes later

    listing = (f"{web_server}/pilotage/conversations?du={today.isoformat()}&au={today.isoformat()}"
               "&source=conversations&channel=socketio")
    page.goto(listing)
    pages = re.search(r"sur (\d+)\)", page.locator("main p").nth(1).inner_text())
    if pages:  # the newest conversation is on the last page
        page.goto(f"{listing}&page={pages.group(1)}")
    page.get_by_role("link", name="essai-pilotage-1").click()
    expect(page.get_by_role("heading", name="Conversation essai-pilotage-1")).to_be_visible()
    rows = page.locator("#transcription tbody tr")
    expect(rows).to_have_count(2)
    expect(rows.nth(0)).to_contain_text("Personne")
    expect(rows.nth(0)).to_contain_text("[NIR]")
    expect(rows.nth(1)).to_contain_text("Assistant")
    expect(rows.nth(1)).to_contain_text("le 5 du mois")
    assert re.match(r"\d\d/\d\d/\d{4} \d\d:\d\d:\d\d", rows.nth(0).locator("td").first.inner_text())
    assert context.request.get(f"{web_server}/pilotage/conversation?id=inconnue").status == 404
    context.close()


def test_public_comments_per_network_in_the_page_and_its_export(web_server, browser):
    context = browser.new_context(accept_downloads=True)
    page = context.new_page()
    _sign_in(page, web_server, MANAGER)
    today = paris_today()
    yesterday = today - timedelta(days=1)
    page.goto(f"{web_server}/pilotage?du={yesterday.isoformat()}&au={today.isoformat()}")
    page.get_by_role("navigation", name="Sections du pilotage").get_by_role(
        "link", name="Réseaux sociaux : commentaires publics").click()
    expect(page.get_by_role("heading", name="Réseaux sociaux : commentaires publics")).to_be_in_viewport()
    table = page.locator("#tableau-commentaires_reseaux")
    headers = table.locator("th").all_inner_texts()
    facebook = dict(zip(headers, table.locator("tbody tr").nth(0).locator("td").all_inner_texts()))
    assert facebook["Réseau"] == "Facebook"
    assert (facebook["Commentaires reçus"], facebook["Masqués pour données personnelles"],
            facebook["Réponses publiques"], facebook["Confiés aux conseillers"]) == ("3", "1", "1", "1")
    assert facebook["Délai de masquage, médiane"] == "0,7 s"
    assert facebook["Masqués en 60 s au plus"] == "100,0 %"
    expect(table.locator("tbody tr").nth(1).locator("td").first).to_have_text("Instagram")
    cards = dict(zip(page.locator(".pilotage-card dt").all_inner_texts(),
                     page.locator(".pilotage-card dd").all_inner_texts()))
    assert cards["Commentaires publics reçus"] == "4"

    # The export: the same figures, each delay's unit in its column's name.
    with page.expect_download() as download_info:
        page.locator("#commentaires_reseaux .pilotage-export").click()
    rows = list(csv.reader(io.StringIO(open(download_info.value.path(), encoding="utf-8-sig").read()), delimiter=";"))
    exported = dict(zip(rows[0], rows[1]))
    assert exported["Réseau"] == "Facebook" and exported["Commentaires reçus"] == "3"
    assert exported["Délai de masquage, médiane, en secondes"] == "0,7"
    assert exported["Délai de première réponse, 95e centile, en secondes"] == "2,0"
    assert exported["Masqués en 60 s au plus, en %"] == "100,0"

    # The comment channels are filters like the others: Instagram's comments only.
    page.get_by_label("Canal", exact=True).select_option(label="Commentaires Instagram")
    page.get_by_role("button", name="Afficher").click()
    assert "canal=instagram_comment" in page.url
    expect(page.locator("#tableau-commentaires_reseaux tbody tr")).to_have_count(1)
    expect(page.locator("#tableau-commentaires_reseaux tbody td").first).to_have_text("Instagram")
    context.close()
