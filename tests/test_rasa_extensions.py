"""Rasa's own files name one place: `bot.rasa_extensions`, whose list is exactly what they load."""
import re
from pathlib import Path

import yaml

import bot.rasa_extensions as extensions
from bot.config import PROJECT_ROOT

RASA_FILES = ("config.yml", "credentials.yml", "endpoints.yml", "endpoints.production.yml")


def class_paths_named_by_rasa_files():
    paths = set()
    for name in RASA_FILES:
        text = (PROJECT_ROOT / name).read_text(encoding="utf-8")
        data = yaml.safe_load(text) or {}
        paths |= {key for key in data if "." in str(key)}  # credentials: channel class paths as keys
        paths |= set(re.findall(r"(?:name|type):\s*(bot\.[\w.]+)", text))
    return paths


def test_rasa_files_name_only_the_extensions_module():
    paths = class_paths_named_by_rasa_files()
    assert paths, "the Rasa files name our classes"
    assert {path.rpartition(".")[0] for path in paths} == {"bot.rasa_extensions"}


def test_every_listed_extension_is_loaded_by_a_rasa_file_and_resolves():
    named = {path.rpartition(".")[2] for path in class_paths_named_by_rasa_files()}
    assert named == set(extensions.__all__)
    for name in named:
        assert isinstance(getattr(extensions, name), type)


def test_the_module_docstring_maps_every_extension():
    for name in extensions.__all__:
        assert f"`{name}`" in extensions.__doc__, name


def test_intents_pool_below_the_fallback_threshold_exactly():
    """The pooled route must reach the same bar as a single intent, or the pooling would let
    through what the FallbackClassifier turns away (or stop short of it)."""
    pipeline = {step["name"]: step for step in yaml.safe_load((PROJECT_ROOT / "config.yml").read_text())["pipeline"]}
    floor = pipeline["bot.rasa_extensions.TfidfIntentClassifier"]["shared_route_floor"]
    assert floor == pipeline["FallbackClassifier"]["threshold"]


def test_the_other_bodies_selector_reads_every_message_the_gate_may_send_to_a_body():
    """The gate asks the other bodies' selector about questions below its ceiling: the selector
    must have read them."""
    steps = yaml.safe_load((PROJECT_ROOT / "config.yml").read_text())["pipeline"]
    bodies = next(s for s in steps if s.get("retrieval_intent") == "other_organisation")
    gate = next(s for s in steps if s["name"] == "bot.rasa_extensions.AnswerGate")
    assert steps.index(bodies) < steps.index(gate)
    assert bodies["also_below_template_confidence"] >= gate["organisation_template_ceiling"]
