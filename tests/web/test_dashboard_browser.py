"""The managers' dashboard in a real headless Chromium (Debian package) driven by Playwright:
sign-in, period change, charts, export, drill-down, and nothing for a visitor not signed in.

Only our web server is needed (`python -m bot web`, no Rasa), on a free port, over a temporary
database migrated and filled with demo data.
"""
import csv
import io
import re
from datetime import date, datetime, timedelta, timezone

import pytest
from playwright.sync_api import expect

from bot.backoffice.accounts import create_user
from bot.config import load_config
from bot.indicators.demo import DemoSize, generate
from bot.storage import get_engine, migrate
from tests.web_server import web_server as serve

MANAGER = ("directrice", "pilotage-essai-2026")
AGENT = ("conseiller", "conseiller-essai-2026")


@pytest.fixture(scope="module")
def web_server(tmp_path_factory):
    folder = tmp_path_factory.mktemp("pilotage")
    url = f"sqlite:///{folder / 'caisse.db'}"
    migrate(url)
    engine = get_engine(url)
    generate(engine, load_config(), DemoSize(conversations=3000, handoffs=300, months=2),
             now=datetime.now(timezone.utc))
    create_user(*MANAGER, ["manager"], "Directrice", engine=engine)
    create_user(*AGENT, ["agent"], "Conseiller", engine=engine)
    with serve(folder, url) as base:
        yield base


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
    today = date.today()
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
