"""The texts file the communication team edits: checked as a whole when read, filled per caisse,
every key read by the code, and no sentence a person reads written in the code instead."""
import ast
import re

import pytest
import yaml

from bot import texts
from bot.config import get_config
from bot.templates._render import placeholders_in
from bot.texts import EXPECTED, TEXTS_PATH, TextsError, load_texts


def _sample_fields(key):
    return {field: f"<{field}>" for field in EXPECTED[key]}


def test_every_text_the_code_reads_is_in_the_file_and_fills_completely():
    config = get_config()
    for key in EXPECTED:
        sentence = texts.text(key, config, **_sample_fields(key))
        assert sentence.strip() and "{" not in sentence and "}" not in sentence, key
        for field in EXPECTED[key]:
            assert f"<{field}>" in sentence or field not in load_texts()[key], (key, field)


def test_the_caisse_fields_come_from_its_configuration():
    assert get_config().contacts.phone in texts.text("door.technical_error")


def _edited(tmp_path, change):
    data = yaml.safe_load(TEXTS_PATH.read_text(encoding="utf-8"))
    change(data)
    path = tmp_path / "textes.yml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


def test_a_missing_text_is_named_when_the_file_is_read(tmp_path):
    path = _edited(tmp_path, lambda data: data["door"].pop("too_long"))
    with pytest.raises(TextsError, match="door.too_long"):
        load_texts(path)


def test_a_field_the_code_does_not_provide_is_named_when_the_file_is_read(tmp_path):
    def typo(data):
        data["door"]["technical_error"] += " {{telefone}}"

    with pytest.raises(TextsError, match=r"door.technical_error.*\{\{telefone\}\}"):
        load_texts(_edited(tmp_path, typo))


def test_a_call_with_other_fields_than_the_contract_is_refused():
    with pytest.raises(TextsError, match="door.too_long"):
        texts.text("door.too_long", position=2)
    with pytest.raises(TextsError, match="inconnu.texte"):
        texts.text("inconnu.texte")


# --- every sentence in the file, none in the code ---------------------------------------------

ROOT = TEXTS_PATH.parent.parent
CHAT_JS = ROOT / "bot" / "web" / "static" / "chat.js"
SECTIONS = {key.partition(".")[0] for key in EXPECTED}
KEY = re.compile(r"^(?:" + "|".join(sorted(SECTIONS)) + r")\.[a-z_]+$")
BROWSER_KEY = re.compile(r"\bT\.([a-z_]+)\b")


def _code_files():
    """The Python code that may read a text: the product, its actions and its tooling."""
    files = [*(ROOT / "bot").rglob("*.py"), *(ROOT / "actions").rglob("*.py"), *(ROOT / "tools").rglob("*.py")]
    return [path for path in files if path != ROOT / "bot" / "texts.py"]


def _keys_read(tree):
    """Keys passed to a call (`texts.text("door.too_long")`, `self._tell(sid, "door.not_confirmed")`),
    and the fixed start of keys built in f-strings (f"secure_path.{topic}")."""
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            for argument in node.args:
                if isinstance(argument, ast.Constant) and isinstance(argument.value, str) and KEY.match(argument.value):
                    yield argument.value, False
        elif isinstance(node, ast.JoinedStr) and node.values and isinstance(node.values[0], ast.Constant):
            start = node.values[0].value
            if "." in start and start.rstrip("_").rpartition(".")[0] in SECTIONS:
                yield start, True


def test_every_key_of_the_file_is_read_by_the_code_and_every_key_read_is_in_the_file():
    assert set(load_texts()) == set(EXPECTED), "textes.yml has exactly the keys of bot.texts.EXPECTED"
    keys, prefixes = set(), set()
    for path in _code_files():
        for value, is_prefix in _keys_read(ast.parse(path.read_text(encoding="utf-8"))):
            where = path.relative_to(ROOT)
            if is_prefix:
                assert any(key.startswith(value) for key in EXPECTED), f"{where} builds « {value}… », in no key"
                prefixes.add(value)
            else:
                assert value in EXPECTED, f"{where} reads « {value} », absent from textes.yml"
                keys.add(value)
    in_browser = set(BROWSER_KEY.findall(CHAT_JS.read_text(encoding="utf-8")))
    widget = texts.widget_texts()
    assert in_browser <= set(widget), f"chat.js reads texts absent from textes.yml: {in_browser - set(widget)}"
    read = keys | {f"widget.{name}" for name in in_browser}
    unread = [key for key in EXPECTED if key not in read and not any(key.startswith(p) for p in prefixes)]
    assert unread == [], f"texts nobody reads: {unread}"


def test_the_browser_fields_are_left_for_chat_js_and_the_others_filled():
    widget, written = texts.widget_texts(), load_texts()
    for name, shown in widget.items():
        assert placeholders_in(shown) == placeholders_in(written[f"widget.{name}"]) & texts.BROWSER_FIELDS, name
    name = get_config().contacts.name
    assert texts.of(name) in widget["panel_label"] and texts.of(name) in widget["agent_author"]
    assert "suspended" not in widget, "filled by the server with the suspension's end"


# Modules that speak to the person (the channels' door, the conversation, the widget's server
# side, the handoff's announcements, the actions) and chat.js: a sentence found in their code
# instead of textes.yml fails here. Logs, errors raised at start (for the operator) and the
# strings below (not read by a person in a conversation) are not sentences to move.
SPEAKING = ["bot/channels/*.py", "bot/dialogue/*.py", "bot/handoff/announcement.py", "bot/web/widget_api.py",
            "actions/*.py"]
NOT_FOR_THE_PERSON = {
    # Errors of the REST API, read by the developers of an application that calls it.
    "bot/channels/rest.py": ("Corps attendu", "Ouvrez une conversation", "« sender »", "« metadata »",
                             "JSON invalide"),
    # Refusal of the API to a client without the conversation's proof (the widget never shows it).
    "bot/channels/ownership.py": ("Cette conversation ne peut pas être lue",),
    # A moment in words (« aujourd'hui à 13 h 30 »), a field of the queue texts: French dates.
    "bot/handoff/announcement.py": ("aujourd'hui à ",),
    "bot/web/widget_api.py": ("aujourd'hui à ",),
}
FRENCH_WORD = re.compile(r"\b(?:le|la|les|de|des|du|un|une|vous|votre|vos|je|et|est|pas|pour|sur|ce|cette|en|à)\b",
                         re.IGNORECASE)
JS_STRING = re.compile(r'"((?:[^"\\]|\\.)*)"')


def _a_sentence(value):
    """Three words or more, French, written to be read (a capital, a punctuation mark, an accent),
    unlike the lower-case folded keywords the code matches messages with."""
    words = re.findall(r"[^\W\d_]+", value)
    return (len(words) >= 3 and FRENCH_WORD.search(value) is not None
            and (value.strip()[:1].isupper() or re.search(r"[.:;!?…«»]|[^\x00-\x7f]", value) is not None))


def _not_said(tree):
    """Docstrings, and the strings of logs and raised errors."""
    skipped = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)) and node.body \
                and isinstance(node.body[0], ast.Expr) and isinstance(node.body[0].value, ast.Constant):
            skipped.add(id(node.body[0].value))
        logged = (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                  and isinstance(node.func.value, ast.Name) and node.func.value.id in ("logger", "logging"))
        if logged or isinstance(node, ast.Raise):
            skipped.update(id(inner) for inner in ast.walk(node))
    return skipped


def sentences_in_python(source, allowed=()):
    tree = ast.parse(source)
    skipped = _not_said(tree)
    return [node.value for node in ast.walk(tree)
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in skipped
            and _a_sentence(node.value) and not node.value.startswith(allowed)]


def sentences_in_javascript(source):
    code = re.sub(r"/\*.*?\*/|//[^\n]*", "", source, flags=re.DOTALL)
    return [value for value in JS_STRING.findall(code) if _a_sentence(value)]


def test_no_sentence_a_person_reads_is_written_in_the_code():
    found = {}
    for path in sorted(path for pattern in SPEAKING for path in ROOT.glob(pattern)):
        where = str(path.relative_to(ROOT))
        found[where] = sentences_in_python(path.read_text(encoding="utf-8"), NOT_FOR_THE_PERSON.get(where, ()))
    found["bot/web/static/chat.js"] = sentences_in_javascript(CHAT_JS.read_text(encoding="utf-8"))
    listed = [f"- {where} : « {sentence} »" for where, sentences in found.items() for sentence in sentences]
    assert listed == [], "sentences to move to config/textes.yml (bot.texts):\n" + "\n".join(listed)


def test_the_sentence_finder_finds_the_sentences_once_written_in_the_code_and_nothing_else():
    python = '''"""Docstring : ce n'est pas une phrase dite."""
THEMES_PROMPT = "Voici les thèmes sur lesquels je peux vous renseigner :"
LABEL = "votre numéro de sécurité sociale"
KEYWORDS = ("ou en est", "pas de nouvelles", "sur mon compte")
ROUTE = "/webhooks/rest/conversations"
def notice(name):
    logger.info("Message refusé : socket %s non confirmée pour cette conversation.", name)
    if not name:
        raise ValueError("configuration de la caisse invalide : le nom manque")
    return f"Cette question relève {name}, pas de nous."
'''
    assert sentences_in_python(python) == ["Voici les thèmes sur lesquels je peux vous renseigner :",
                                           "votre numéro de sécurité sociale", "Cette question relève ",
                                           ", pas de nous."]
    javascript = '''var REQUEUED = "Votre conversation a été remise dans la file d'attente.";
  // "Un commentaire : pas un texte affiché"
  var label = el("label", { for: "chat-input", class: "visually-hidden" }, "Votre message à envoyer");
  var focusable = panel.querySelectorAll("button, input, a[href], [tabindex]");
'''
    assert sentences_in_javascript(javascript) == ["Votre conversation a été remise dans la file d'attente.",
                                                   "Votre message à envoyer"]
