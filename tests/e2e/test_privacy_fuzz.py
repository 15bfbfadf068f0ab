"""The privacy fuzz: thousands of messages carrying generated personal data of every kind, in
every field a person controls, through every channel (REST, the widget's socket.io, Messenger,
Instagram messages, Facebook and Instagram public comments: signed deliveries to the webhook);
then every table of every database (`social_comments` included), every file the servers wrote,
every call the Graph API stand-in received (messages, hidings, public and private replies) and
the back-office pages are scanned: no generated value may appear in clear.

PRIVACY_FUZZ_MESSAGES sets the number of messages: 1,000 in the test suite (a few minutes);
`PRIVACY_FUZZ_MESSAGES=10000 .venv/bin/pytest tests/e2e/test_privacy_fuzz.py` is the full run
(see README)."""
from __future__ import annotations

import asyncio
import hashlib
import hmac
import json
import os
import random
import re
import sqlite3
import string
import time
import uuid
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Dict, List, Tuple

import aiohttp
import pytest
import requests
import socketio

from bot.backoffice import create_user
from bot.channels.ownership import PROOF_HEADER
from bot.storage import get_engine
from tests.e2e.conftest import FB_SECRET, conversations_url
from tests.personal_data import synthetic

pytestmark = pytest.mark.e2e

MESSAGES = int(os.environ.get("PRIVACY_FUZZ_MESSAGES", "1000"))
PASSWORD = "phrase-de-passe-du-fuzz-e2e"
CONCURRENCY = 6
PER_CONVERSATION = 8  # under the per-sender burst of the door

FIRST_NAMES = ["Maëlys", "Gaëtan", "Ségolène", "Yannick", "Noémie", "Baptiste", "Ophélie", "Thibault",
               "Rosalie", "Anatole", "Clémence", "Bastien", "Eulalie", "Florian", "Mathilde", "Kévin"]
LAST_NAMES = ["Brochard", "Le Guennec", "Vasseur-Morin", "Tessier", "Quemeneur", "Delahaye", "Fournier",
              "Ravanel", "Charpentier", "Lefebvre", "Marchetti", "Boudjemaa", "N'Diaye", "Oliveira"]
STREETS = ["rue des Glycines", "avenue Jean Jaurès", "boulevard de la Liberté", "impasse des Tilleuls",
           "chemin du Moulin", "allée des Érables", "place de la Mairie"]
TOWNS = [("69003", "Lyon"), ("59000", "Lille"), ("35000", "Rennes"), ("13008", "Marseille"), ("87000", "Limoges")]
WORDS = {"0": "zéro", "1": "un", "2": "deux", "3": "trois", "4": "quatre", "5": "cinq", "6": "six", "7": "sept",
         "8": "huit", "9": "neuf"}


def _digits(rng: random.Random, count: int) -> str:
    return "".join(rng.choice(string.digits) for _ in range(count))


def phone(rng):
    """Any 06/07 number (allocated or not: a person's number all the same), as people type it."""
    number = rng.choice(["06", "07"]) + _digits(rng, 8)
    style = rng.random()
    if style < 0.5:
        return " ".join(number[i:i + 2] for i in range(0, 10, 2))
    if style < 0.7:
        return "+33 " + number[1] + " " + " ".join(number[i:i + 2] for i in range(2, 10, 2))
    if style < 0.85:
        return ".".join(number[i:i + 2] for i in range(0, 10, 2))
    return synthetic.format_phone_words(number, rng.choice(["words", "mixed"]))


def email(rng):
    first = rng.choice(FIRST_NAMES).lower().translate(str.maketrans("ëéè", "eee"))
    return f"{first}.{_digits(rng, 4)}@exemple-fuzz.fr"


def name(rng):
    return f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"


def address(rng):
    postcode, town = rng.choice(TOWNS)
    if rng.random() < 0.3:
        return f"résidence les {rng.choice(['Acacias', 'Tilleuls', 'Mimosas'])} bâtiment {rng.choice('ABCD')} appartement {rng.randint(1, 80)}"
    return f"{rng.randint(2, 180)} {rng.choice(STREETS)} {postcode} {town}"


def identity_document(rng):
    make = rng.choice([synthetic.make_passport, synthetic.make_residence_permit, synthetic.make_foreigner_number,
                       lambda r: synthetic.make_identity_card(r, new=r.random() < 0.5)])
    return synthetic.format_id(make(rng), rng.choice(["none", "space"]))


# Kind -> (a generated value, sentences in which people type it).
KINDS: Dict[str, Tuple[Callable[[random.Random], str], List[str]]] = {
    "nir": (lambda rng: synthetic.format_nir(synthetic.make_nir(rng), rng.choice(["space", "none", "dot"])),
            ["mon numero de secu c'est {v} pour mon remboursement", "n° sécurité sociale {v}", "{v} c'est mon nir"]),
    "nir_mistyped": (lambda rng: synthetic.format_nir(synthetic.typo_nir(rng), "space"),
                     ["mon numero de securite sociale {v} (je crois que la cle est fausse)"]),
    "iban": (lambda rng: synthetic.format_iban(synthetic.make_iban(rng), rng.choice(["space", "none", "lower"])),
             ["voici mon iban {v} pour le changement de compte", "rib : {v}"]),
    "iban_mistyped": (lambda rng: synthetic.format_iban(synthetic.typo_iban(rng), "space"), ["mon iban {v}"]),
    "rib": (lambda rng: synthetic.format_rib(synthetic.make_rib(rng), rng.choice(["row", "labels"])),
            ["mes coordonnées bancaires {v}", "nouveau rib {v} merci"]),
    "tax_number": (synthetic.make_tax_number, ["mon numéro fiscal est le {v}"]),
    "allocataire": (synthetic.make_allocataire, ["mon numero allocataire {v} svp"]),
    "phone": (phone, ["rappelez moi au {v}", "mon tel {v}", "joignable au {v} après 18h"]),
    "email": (email, ["écrivez moi à {v}", "mon mail {v}"]),
    "name": (name, ["je m'appelle {v} et j'attends ma prime", "bonjour, {v} à l'appareil", "Madame {v}"]),
    "address": (address, ["j'habite au {v} depuis mars", "ma nouvelle adresse : {v}"]),
    "birthdate": (lambda rng: synthetic.format_date(synthetic.make_birthdate(rng), rng.choice(["iso", "slash", "words"])),
                  ["je suis né le {v}", "date de naissance {v}"]),
    "card": (lambda rng: synthetic.format_card(synthetic.make_card(rng, rng.choice(["visa", "mastercard"])),
                                               rng.choice(["space", "none"])),
             ["ma carte bancaire {v} a été débitée deux fois", "CB {v}"]),
    "identity_document": (identity_document, ["mon passeport numéro {v}", "n° de titre de séjour {v}",
                                              "ma carte d'identité {v}"]),
    "password": (synthetic.make_password, ["mon mot de passe ameli c'est {v}", "mdp : {v}"]),
}

# Fields a person controls, per channel.
FIELDS = {
    "rest": ["text", "text", "text", "metadata", "payload", "sender"],
    "socketio": ["text", "text", "metadata", "session_id"],
    "messenger": ["text", "text", "quick_reply", "postback", "attachment"],
    "instagram": ["text", "text", "quick_reply", "postback", "attachment"],
    "facebook_comment": ["text", "text", "author"],
    "instagram_comment": ["text", "text", "author"],
}
COMMENTS = ("facebook_comment", "instagram_comment")
WEBHOOK_OBJECTS = {"messenger": "page", "instagram": "instagram"}


@dataclass(frozen=True)
class Message:
    channel: str
    field: str
    kind: str
    value: str
    sentence: str


def generate(count: int, seed: int = 2026) -> List[Message]:
    """Every kind in every field of every channel, in turn, then at random."""
    rng = random.Random(seed)
    plan = [(channel, field, kind) for channel, fields in FIELDS.items() for field in dict.fromkeys(fields) for kind in KINDS]
    messages = []
    for index in range(count):
        if index < len(plan):
            channel, field, kind = plan[index]
        else:
            channel = rng.choices(list(FIELDS), weights=[5, 3, 2, 1, 1, 1])[0]
            field, kind = rng.choice(FIELDS[channel]), rng.choice(list(KINDS))
        make, sentences = KINDS[kind]
        value = make(rng)
        messages.append(Message(channel, field, kind, value, rng.choice(sentences).format(v=value)))
    return messages


def clear_forms(value: str) -> List[str]:
    """The value, its compact form (a number without its spaces, dots or dashes) and both as JSON
    writes them with non-ASCII characters escaped (Rasa's tracker does); values too short to be
    told apart from other text are left out."""
    forms = {value, value.lower()}
    compact = re.sub(r"[\s.\-]", "", value)
    if sum(c.isalnum() for c in compact) >= 8:
        forms |= {compact, compact.lower()}
    forms |= {json.dumps(form)[1:-1] for form in forms}
    return [form for form in forms if len(form) >= 8]


WORD = re.compile(r"\w+")


def find_clear(messages: List[Message], where: Dict[str, str]) -> List[str]:
    """Each place's words are indexed first: a value is searched for only where all its words
    are (the scan of 10,000 messages' values over the whole tracker stays in seconds)."""
    forms = {form: (message, WORD.findall(form)) for message in messages for form in clear_forms(message.value)}
    found = []
    for place, blob in where.items():
        words = set(WORD.findall(blob))
        for form, (message, needed) in forms.items():
            if all(word in words for word in needed) and form in blob:
                found.append(f"{message.kind} via {message.channel}/{message.field} in {place}: {form!r}")
    return found


def signed(body: bytes) -> str:
    return "sha256=" + hmac.new(FB_SECRET.encode(), body, hashlib.sha256).hexdigest()


async def send_rest(http: aiohttp.ClientSession, stack, batch: List[Message]) -> None:
    async with http.post(conversations_url(stack.urls["rest"])) as answer:
        assert answer.status == 201, await answer.text()
        opened = await answer.json()
    for message in batch:
        body: dict = {"sender": opened["sender"], "message": message.sentence}
        if message.field == "metadata":
            body["message"] = "bonjour"
            body["metadata"] = {"profil": {"note": message.sentence, "contact": message.value}, "ref": message.value}
        elif message.field == "payload":
            body["message"] = "/greet" + json.dumps({"name": message.value, "question": message.sentence})
        elif message.field == "sender":
            body["sender"] = message.value
        async with http.post(stack.urls["rest"], json=body, headers={PROOF_HEADER: opened["proof"]}) as answer:
            assert answer.status in (200, 400, 403), await answer.text()
            await answer.read()


async def send_socketio(stack, batch: List[Message]) -> None:
    client = socketio.AsyncClient(reconnection=False, request_timeout=30)
    confirmed: asyncio.Queue = asyncio.Queue()
    answers: asyncio.Queue = asyncio.Queue()
    client.on("session_confirm", confirmed.put)
    client.on("bot_uttered", answers.put)
    await client.connect(stack.urls["rasa"].rstrip("/"), socketio_path="/socket.io", transports=["polling"],
                         wait_timeout=30)
    try:
        await client.emit("session_request", {"session_id": None})
        session = await asyncio.wait_for(confirmed.get(), 30)
        for message in batch:
            data = {"message": message.sentence, "session_id": session["session_id"]}
            if message.field == "metadata":
                data = {"message": "bonjour", "session_id": session["session_id"],
                        "metadata": {"page": message.sentence, "visiteur": message.value}}
            elif message.field == "session_id":
                await client.emit("session_request", {"session_id": message.value, "proof": "x"})
                session = await asyncio.wait_for(confirmed.get(), 30)
                data["session_id"] = session["session_id"]
            await client.emit("user_uttered", data)
            await asyncio.wait_for(answers.get(), 60)
            await asyncio.sleep(0.3)  # the rest of the answer (several bubbles)
    finally:
        await client.disconnect()


async def post_signed(http: aiohttp.ClientSession, stack, delivery: dict) -> None:
    body = json.dumps(delivery).encode()
    async with http.post(stack.urls["rasa"] + "webhooks/facebook/webhook", data=body,
                         headers={"Content-Type": "application/json", "X-Hub-Signature-256": signed(body)}) as answer:
        assert answer.status == 200, await answer.text()


async def send_messenger(http: aiohttp.ClientSession, stack, batch: List[Message]) -> None:
    """Messenger's and Instagram's direct messages: the same shape, another webhook object."""
    psid = str(random.Random(batch[0].value).randint(10**15, 10**16))
    for message in batch:
        event: dict = {"sender": {"id": psid}, "recipient": {"id": "page"}, "timestamp": 1}
        mid = uuid.uuid4().hex
        if message.field == "quick_reply":
            event["message"] = {"mid": mid, "text": message.sentence, "quick_reply": {"payload": message.value}}
        elif message.field == "postback":
            event["postback"] = {"mid": mid, "title": message.sentence, "payload": message.value}
        elif message.field == "attachment":
            event["message"] = {"mid": mid, "attachments": [{"type": "image", "payload": {
                "url": f"https://cdn.example.org/{message.value}.jpg", "title": message.sentence}}]}
        else:
            event["message"] = {"mid": mid, "text": message.sentence}
        await post_signed(http, stack, {"object": WEBHOOK_OBJECTS[message.channel],
                                        "entry": [{"id": "page", "time": 1, "messaging": [event]}]})


async def send_comments(http: aiohttp.ClientSession, stack, batch: List[Message]) -> None:
    """Public comments, one delivery each, in Meta's shapes: a page's `feed` change, an Instagram
    account's `comments` change; the value is typed in the text or is the author's own name."""
    rng = random.Random(batch[0].value)
    for message in batch:
        comment_id = f"{rng.randrange(10**14, 10**15)}_{uuid.uuid4().int % 10**15}"
        text = "bonjour" if message.field == "author" else message.sentence
        author = {"id": str(rng.randrange(10**15, 10**16)),
                  "username" if message.channel == "instagram_comment" else "name":
                      message.value if message.field == "author" else "Camille Exemple"}
        if message.channel == "facebook_comment":
            value = {"from": author, "post_id": "page_1", "comment_id": comment_id, "parent_id": "page_1",
                     "item": "comment", "verb": "add", "message": text, "created_time": 1}
            delivery = {"object": "page", "entry": [{"id": "page", "time": 1,
                                                     "changes": [{"field": "feed", "value": value}]}]}
        else:
            value = {"id": comment_id, "text": text, "from": author, "media": {"id": "17900000000000003"}}
            delivery = {"object": "instagram", "entry": [{"id": "ig-account", "time": 1,
                                                          "changes": [{"field": "comments", "value": value}]}]}
        await post_signed(http, stack, delivery)


async def send_all(stack, messages: List[Message]) -> None:
    batches: Dict[str, List[List[Message]]] = {channel: [] for channel in FIELDS}
    for channel in FIELDS:
        mine = [m for m in messages if m.channel == channel]
        batches[channel] = [mine[i:i + PER_CONVERSATION] for i in range(0, len(mine), PER_CONVERSATION)]
    work = [(channel, batch) for channel, items in batches.items() for batch in items]
    random.Random(7).shuffle(work)
    queue: asyncio.Queue = asyncio.Queue()
    for item in work:
        queue.put_nowait(item)

    async def worker(http):
        while not queue.empty():
            channel, batch = queue.get_nowait()
            if channel == "rest":
                await send_rest(http, stack, batch)
            elif channel == "socketio":
                await send_socketio(stack, batch)
            elif channel in COMMENTS:
                await send_comments(http, stack, batch)
            else:
                await send_messenger(http, stack, batch)

    timeout = aiohttp.ClientTimeout(total=120)
    async with aiohttp.ClientSession(timeout=timeout) as http:
        await asyncio.gather(*(worker(http) for _ in range(CONCURRENCY)))


def dump_database(path: Path) -> str:
    with sqlite3.connect(path) as connection:
        tables = [r[0] for r in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        return "\n".join(str(row) for table in tables for row in connection.execute(f'SELECT * FROM "{table}"'))


def written_files(var_dir: Path) -> Dict[str, str]:
    """Every database and every text file the servers wrote (models and caches aside)."""
    found = {}
    for path in var_dir.rglob("*"):
        if not path.is_file() or "models" in path.parts or path.suffix in (".gz", ".tar"):
            continue
        with path.open("rb") as handle:
            is_sqlite = handle.read(16) == b"SQLite format 3\x00"
        found[str(path.relative_to(var_dir))] = (
            dump_database(path) if is_sqlite else path.read_text(encoding="utf-8", errors="replace"))
    return found


def backoffice_pages(stack) -> Dict[str, str]:
    """What agents, managers, editors and moderators are shown (pages, API answers, exports)."""
    engine = get_engine(stack.env["DATABASE_URL"])
    try:
        create_user("fuzz-lecteur", PASSWORD, ["agent", "manager", "editor", "moderator"], "Lecteur", engine=engine)
    except Exception:  # created by an earlier run against the same stack
        pass
    base = f"http://127.0.0.1:{stack.ports.web}"
    browser = requests.Session()
    token = re.search(r'name="csrf_token" value="([^"]+)"', browser.get(f"{base}/connexion").text).group(1)
    browser.post(f"{base}/connexion", data={"csrf_token": token, "username": "fuzz-lecteur", "password": PASSWORD})
    pages = {path: browser.get(base + path, timeout=120).text for path in (
        "/conseiller", "/conseiller/api/queue", "/conseiller/api/answers", "/pilotage", "/pilotage/conversations",
        "/modeles/candidats", "/moderation")}
    queue = json.loads(pages["/conseiller/api/queue"])
    for entry in queue.get("handoffs", queue if isinstance(queue, list) else []):
        path = f"/conseiller/api/handoffs/{entry['id']}"
        pages[path] = browser.get(base + path, timeout=60).text
    for export in re.findall(r'/pilotage/export/[^"\']+', pages["/pilotage"]):
        pages[export] = browser.get(base + export.replace("&amp;", "&"), timeout=120).text
    return pages


def stored_comments(stack) -> int:
    with sqlite3.connect(stack.env["DATABASE_URL"][len("sqlite:///"):]) as connection:
        return connection.execute("SELECT count(*) FROM social_comments").fetchone()[0]


def test_no_generated_personal_value_is_anywhere_in_clear(stack, graph_api):
    messages = generate(MESSAGES)
    comments = sum(m.channel in COMMENTS for m in messages) + stored_comments(stack)
    asyncio.run(send_all(stack, messages))
    deadline = time.monotonic() + 120  # comments are handled after the webhook's answer
    while stored_comments(stack) < comments and time.monotonic() < deadline:
        time.sleep(0.5)
    assert stored_comments(stack) == comments, "every comment was handled and stored (masked)"
    places = {**written_files(Path(stack.var_dir)), **backoffice_pages(stack),
              "calls received by the Graph API": json.dumps(graph_api.calls, ensure_ascii=False)}
    found = find_clear(messages, places)
    kinds = Counter(line.split(" in ")[0] for line in found)
    assert not found, (f"{len(found)} values in clear; by kind and field: {dict(kinds)}\n"
                       + "\n".join(sorted(found)[:40]))
    tracker = dump_database(Path(stack.env["TRACKER_DB_URL"][len("sqlite:///"):]))
    accepted = sum(m.channel not in COMMENTS and m.field not in ("sender", "attachment") for m in messages)
    assert tracker.count('"event": "user"') >= 0.9 * accepted, "the messages reached Rasa and were stored"
