"""`python -m tools.nlg_under_load`: how fast the web server answers Rasa's `/nlg` while the
back office's heaviest page is loaded over and over.

Rasa waits 2 s for `/nlg` before it falls back to the texts of its model: a slow back-office page
must not hold the event loop that serves it. The web server is started on loopback over a
throwaway database and a tracker store of thousands of events (conversations answered by a
template, handed to an agent, or not understood, in many spellings); the back-office pages are
timed alone, the heaviest one (or `--page`) is then loaded by `--clients` browsers at once while
`/nlg` is called every `--interval` seconds; its median and 95th percentile are compared with the
same calls on an idle server. `--source` runs the server of another checkout (a `git worktree`
of an older commit) on the same data: the before and after of a change. Written to
var/bench/nlg_under_load.json; the target is a 95th percentile under 50 ms. Numbers are never
asserted in tests (machines are noisy).
"""
from __future__ import annotations

import argparse
import json
import os
import random
import re
import secrets
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path
from typing import Dict, Iterator, List, Sequence

import requests
from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, BotUttered, SessionStarted, UserUttered
from sqlalchemy import create_engine, insert

from bot.config import PROJECT_ROOT
from bot.templates import load_templates

OUT = PROJECT_ROOT / "var" / "bench" / "nlg_under_load.json"
TARGET_P95_MS = 50
PASSWORD = "banc-de-mesure-nlg-sous-charge"
PAGES = ("/modeles/", "/modeles/?q=quand+suis-je+pay%C3%A9", "/modeles/candidats", "/pilotage", "/moderation/")
# Questions the assistant did not understand, each typed in a few spellings (synthetic texts).
MISSING = ("prime de noel quand", "date versement prime de noël", "alocation rentré scolaire", "ARS c quand",
           "attestation de paiement en ligne", "changer mon rib", "mot de passe perdu espace perso",
           "carte vitale perdue", "rendez vous agence", "numero allocataire oublié", "aide au logement étudiant",
           "pension de réversion délai", "arrêt maladie indemnités", "congé paternité combien de jours",
           "déménagement que faire", "contester une décision", "trop perçu remboursement", "x", "test")


def _spellings(text: str, rng: random.Random) -> List[str]:
    variants = [text, text.upper(), text.replace("é", "e"), text + " ?", "bonjour " + text]
    if len(text) > 6:
        cut = rng.randrange(1, len(text) - 1)
        variants.append(text[:cut] + text[cut + 1:])  # a letter missing
    return variants


def conversations(count: int, seed: int = 7) -> Iterator[List]:
    """Synthetic conversations: a template's answer and a vote, a handoff answered by an agent,
    or questions not understood (about one in three)."""
    rng = random.Random(seed)
    ids = [t.id for t in load_templates()]
    start = time.time() - 20 * 86400
    for number in range(count):
        moment = start + number * (20 * 86400 / count)
        events = [ActionExecuted("action_session_start", timestamp=moment), SessionStarted(timestamp=moment),
                  ActionExecuted("action_listen", timestamp=moment)]
        for turn in range(rng.randint(1, 4)):
            moment += 20
            kind = rng.random()
            if kind < 0.35:
                text = rng.choice(_spellings(rng.choice(MISSING), rng))
                events += [UserUttered(text, {"name": "nlu_fallback", "confidence": 0.3}, timestamp=moment,
                                       parse_data={"text": text, "intent": {"name": "nlu_fallback"}}),
                           ActionExecuted("utter_default", timestamp=moment + 1),
                           BotUttered("Je n'ai pas compris.", timestamp=moment + 1)]
            elif kind < 0.45:
                events += [UserUttered("je veux parler à un conseiller", {"name": "human_handoff", "confidence": 0.9},
                                       timestamp=moment),
                           BotUttered("Un conseiller va vous répondre.", metadata={"agent": "Camille"},
                                      timestamp=moment + 60)]
            else:
                template = rng.choice(ids)
                events += [UserUttered("une question", {"name": "faq", "confidence": 0.9}, timestamp=moment),
                           ActionExecuted(f"utter_faq/{template}", timestamp=moment + 1),
                           BotUttered("La réponse.", metadata={"utter_action": f"utter_faq/{template}"},
                                      timestamp=moment + 1)]
            events.append(ActionExecuted("action_listen", timestamp=moment + 2))
        yield events


def fill_tracker_store(path: Path, count: int) -> int:
    """Rasa's `events` table (created by Rasa's own store), rows written in bulk; returns how many."""
    store = SQLTrackerStore(Domain.empty(), dialect="sqlite", db=str(path))
    table = store.SQLEvent.__table__
    rows = []
    for number, events in enumerate(conversations(count)):
        for event in events:
            data = event.as_dict()
            rows.append({"sender_id": f"banc-{number:05d}", "type_name": event.type_name,
                         "timestamp": event.timestamp, "intent_name": (data.get("parse_data") or {}).get(
                             "intent", {}).get("name"), "action_name": data.get("name"), "data": json.dumps(data)})
    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as connection:
        connection.execute(insert(table), rows)
    engine.dispose()
    return len(rows)


def prepare_database(source: Path, folder: Path) -> None:
    """The schema, the measuring account and the indicators' facts read from the events (as a
    running server keeps them), by the measured checkout's own code."""
    script = ("import sys; from bot.storage import migrate, get_engine; from bot.backoffice import create_user; "
              "from bot.indicators.tracker import refresh_from_environment; "
              "migrate(sys.argv[1]); create_user('banc', sys.argv[2], ['editor', 'manager', 'moderator'], "
              "engine=get_engine(sys.argv[1])); refresh_from_environment(get_engine(sys.argv[1]), 'Europe/Paris')")
    subprocess.run([sys.executable, "-c", script, f"sqlite:///{folder / 'caisse.db'}", PASSWORD], cwd=source,
                   check=True, env={**os.environ, **_databases(source, folder)}, stdout=subprocess.DEVNULL)


def _databases(source: Path, folder: Path) -> Dict[str, str]:
    return {"DATABASE_URL": f"sqlite:///{folder / 'caisse.db'}", "TRACKER_DB_URL": f"sqlite:///{folder / 'tracker.db'}",
            "CAISSE_VAR_DIR": str(folder), "PYTHONPATH": str(source)}


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def web_server(source: Path, folder: Path) -> Iterator[str]:
    """`python -m bot web` of the checkout `source`, on loopback, over `folder`'s databases."""
    port = _free_port()
    env = {**os.environ, **_databases(source, folder), "RASA_URL": f"http://127.0.0.1:{_free_port()}",
           "CONVERSATION_SECRET": secrets.token_hex(32)}
    with open(folder / "web.log", "wb") as log:
        process = subprocess.Popen([sys.executable, "-m", "bot", "web", "--port", str(port)], cwd=source, env=env,
                                   stdout=log, stderr=subprocess.STDOUT)
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 180
        while True:
            try:
                urllib.request.urlopen(f"{base}/healthz", timeout=2)
                break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    process.kill()
                    raise RuntimeError((folder / "web.log").read_text(errors="replace"))
                time.sleep(0.3)
        try:
            yield base
        except Exception:
            print((folder / "web.log").read_text(errors="replace")[-3000:], file=sys.stderr)  # the server's side
            raise
        finally:
            process.terminate()
            process.wait(timeout=60)


def signed_in(base: str, username: str) -> requests.Session:
    browser = requests.Session()
    token = re.search(r'name="csrf_token" value="([^"]+)"', browser.get(f"{base}/connexion").text).group(1)
    browser.post(f"{base}/connexion", data={"csrf_token": token, "username": username, "password": PASSWORD},
                 allow_redirects=False)
    return browser


def _nlg_body(template_id: str) -> Dict:
    return {"response": f"utter_faq/{template_id}", "arguments": {}, "tracker": {"slots": {}},
            "channel": {"name": "rest"}}


def nlg_latencies(base: str, seconds: float, interval: float, template_ids: Sequence[str]) -> List[float]:
    """Milliseconds of each `/nlg` call, one at a time, as Rasa makes them."""
    times, session, deadline = [], requests.Session(), time.monotonic() + seconds
    while time.monotonic() < deadline:
        started = time.perf_counter()
        reply = session.post(f"{base}/nlg", json=_nlg_body(random.choice(template_ids)), timeout=10)
        times.append((time.perf_counter() - started) * 1000)
        reply.raise_for_status()
        time.sleep(interval)
    return times


def summary(times: Sequence[float]) -> Dict[str, float]:
    ordered = sorted(times)
    return {"calls": len(ordered), "p50_ms": round(statistics.median(ordered), 1),
            "p95_ms": round(ordered[max(0, int(len(ordered) * 0.95) - 1)], 1), "max_ms": round(ordered[-1], 1)}


def page_seconds(browser: requests.Session, base: str, page: str, times: int = 3) -> float:
    """The page's median time alone (after a first load that builds what is cached)."""
    browser.get(base + page, timeout=120).raise_for_status()
    durations = []
    for _ in range(times):
        started = time.perf_counter()
        browser.get(base + page, timeout=120).raise_for_status()
        durations.append(time.perf_counter() - started)
    return round(statistics.median(durations), 3)


def measure(source: Path, conversations_count: int, clients: int, seconds: float, interval: float,
            page: str = "") -> Dict:
    with tempfile.TemporaryDirectory(prefix="nlg-load-") as tmp:
        folder = Path(tmp)
        events = fill_tracker_store(folder / "tracker.db", conversations_count)
        prepare_database(source, folder)
        ids = [t.id for t in load_templates(source / "data" / "templates")]  # those the measured server has
        with web_server(source, folder) as base:
            browser = signed_in(base, "banc")
            alone = {path: page_seconds(browser, base, path) for path in PAGES}
            heaviest = page or max(alone, key=alone.get)
            idle = summary(nlg_latencies(base, min(seconds, 10), interval, ids))
            stop, loads, failures = threading.Event(), [], []

            def client() -> None:
                session = signed_in(base, "banc")
                while not stop.is_set():
                    reply = session.get(base + heaviest, timeout=120)
                    (loads if reply.ok else failures).append(reply.status_code)

            threads = [threading.Thread(target=client, daemon=True) for _ in range(clients)]
            for thread in threads:
                thread.start()
            time.sleep(2)  # every client has a page in progress
            loaded = summary(nlg_latencies(base, seconds, interval, ids))
            stop.set()
            for thread in threads:
                thread.join(timeout=180)
    return {"source": str(source), "events": events, "conversations": conversations_count, "clients": clients,
            "page_seconds_alone": alone, "heaviest_page": heaviest, "pages_loaded": len(loads),
            "pages_failed": len(failures), "nlg_idle": idle, "nlg_under_load": loaded,
            "target_p95_ms": TARGET_P95_MS, "target_met": loaded["p95_ms"] < TARGET_P95_MS}


def main(argv: Sequence[str] = ()) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", type=Path, default=PROJECT_ROOT,
                        help="checkout whose web server is measured (default: this one)")
    parser.add_argument("--conversations", type=int, default=3000)
    parser.add_argument("--clients", type=int, default=4)
    parser.add_argument("--seconds", type=float, default=30)
    parser.add_argument("--interval", type=float, default=0.05, help="pause between two /nlg calls")
    parser.add_argument("--page", default="", help="page loaded under load (default: the slowest alone)")
    args = parser.parse_args(list(argv) or None)
    result = measure(args.source.resolve(), args.conversations, args.clients, args.seconds, args.interval, args.page)
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(result, indent=2, ensure_ascii=False))
    idle, loaded = result["nlg_idle"], result["nlg_under_load"]
    print(f"/nlg au repos : médiane {idle['p50_ms']} ms, p95 {idle['p95_ms']} ms ; pendant que {args.clients} "
          f"navigateurs rechargent {result['heaviest_page']} ({result['pages_loaded']} pages) : médiane "
          f"{loaded['p50_ms']} ms, p95 {loaded['p95_ms']} ms (objectif p95 < {TARGET_P95_MS} ms : "
          f"{'atteint' if result['target_met'] else 'manqué'}). Détail : {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
