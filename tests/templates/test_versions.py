"""Versions made in the back office: propose, publish now or on a date, reject, go back; and the
importer training on the published versions (real SQLite database)."""
from datetime import timedelta

import pytest

from bot.templates import load_templates
from bot.templates.importer import CaisseImporter
from bot.templates.retrain import model_trained_at, training_model_name
from bot.templates.versions import (
    WorkflowError, current_templates, decisions_for, effective_versions, example_changes_since, history, pending,
    propose, publish, published_template, reject, republish, utcnow,
)

SEED = load_templates()
FIRST = SEED[0]


def edited(answer: str, **changes):
    return FIRST.copy(update={"answer": answer, **changes})


def answer_now(engine, now=None):
    return published_template(FIRST.id, engine, now).answer


def test_a_proposal_changes_nothing_until_a_validator_publishes_it(database):
    version = propose(edited("Nouveau texte."), "redaction", "phrase plus claire", engine=database)
    assert answer_now(database) == FIRST.answer
    assert [v.id for v in pending(database)] == [version.id]
    publish(version.id, "validation", engine=database)
    assert answer_now(database) == "Nouveau texte."
    [stored] = history(FIRST.id, database)
    assert (stored.status, stored.proposed_by, stored.reviewed_by, stored.note) == (
        "published", "redaction", "validation", "phrase plus claire")
    assert not stored.examples_changed


def test_no_one_publishes_or_refuses_their_own_proposal(database):
    version = propose(edited("Mon texte."), "sacha", engine=database)
    with pytest.raises(WorkflowError, match="Une autre personne"):
        publish(version.id, "sacha", engine=database)
    with pytest.raises(WorkflowError, match="Une autre personne"):
        reject(version.id, "sacha", "je me ravise", engine=database)
    assert answer_now(database) == FIRST.answer
    publish(version.id, "lou", engine=database)
    assert answer_now(database) == "Mon texte."


def test_authors_are_told_what_became_of_their_proposals(database):
    published = propose(edited("Publié."), "sacha", engine=database)
    refused = propose(edited("Refusé."), "sacha", engine=database)
    waiting = propose(edited("En attente."), "sacha", engine=database)
    someone_else = propose(edited("D'un autre."), "camille", engine=database)
    publish(published.id, "lou", engine=database)
    reject(refused.id, "lou", "source à préciser", engine=database)
    publish(someone_else.id, "lou", engine=database)
    decisions = decisions_for("sacha", database)
    assert [(v.id, v.status, v.review_comment) for v in decisions] == [
        (refused.id, "rejected", "source à préciser"), (published.id, "published", "")]
    assert waiting.id not in [v.id for v in decisions]
    assert decisions_for("sacha", database, now=utcnow() + timedelta(days=31)) == []


def test_a_version_is_reviewed_once_and_a_refusal_says_why(database):
    version = propose(edited("Texte refusé."), "redaction", engine=database)
    with pytest.raises(WorkflowError, match="pourquoi"):
        reject(version.id, "validation", "  ", engine=database)
    reject(version.id, "validation", "source périmée", engine=database)
    with pytest.raises(WorkflowError, match="déjà refusée"):
        publish(version.id, "validation", engine=database)
    assert answer_now(database) == FIRST.answer


def test_a_scheduled_version_takes_over_at_its_date_by_itself(database):
    april = utcnow() + timedelta(days=30)
    version = propose(edited("Montants au 1er avril."), "redaction", engine=database)
    publish(version.id, "validation", effective_at=april, engine=database)
    assert answer_now(database) == FIRST.answer
    assert history(FIRST.id, database)[0].is_scheduled()
    assert answer_now(database, now=april + timedelta(seconds=1)) == "Montants au 1er avril."


def test_going_back_publishes_an_older_text_again_and_keeps_the_history(database):
    first = propose(edited("Version A."), "redaction", engine=database)
    publish(first.id, "validation", engine=database)
    second = propose(edited("Version B."), "redaction", engine=database)
    publish(second.id, "validation", engine=database)
    republish(history(FIRST.id, database)[-1].template(), "validation", "retour à A", engine=database)
    assert answer_now(database) == "Version A."
    assert [v.note for v in history(FIRST.id, database)][0] == "retour à A"
    assert len(history(FIRST.id, database)) == 3


def test_new_templates_and_new_examples_are_what_a_model_does_not_know_yet(database):
    before = utcnow()
    new = FIRST.copy(update={"id": f"{FIRST.branch}_{FIRST.theme}_nouveau", "examples": ["une", "deux"]})
    publish(propose(new, "redaction", engine=database).id, "validation", engine=database)
    publish(propose(edited(FIRST.answer, examples=FIRST.examples + ["encore une"]), "redaction",
                    engine=database).id, "validation", engine=database)
    text_only = published_template(FIRST.id, database).copy(update={"answer": "Texte seulement."})
    publish(propose(text_only, "redaction", engine=database).id, "validation", engine=database)
    changes = example_changes_since(before, database)
    assert [(c.template_id, c.is_new) for c in changes] == [(new.id, True), (FIRST.id, False)]
    assert example_changes_since(utcnow(), database) == []
    ids = [t.id for t in current_templates(database)]
    assert ids[-1] == new.id and len(ids) == len(SEED) + 1


def test_the_importer_trains_on_the_published_versions(database, monkeypatch):
    new = FIRST.copy(update={"id": f"{FIRST.branch}_{FIRST.theme}_appris", "answer": "Réponse apprise."})
    publish(propose(new, "redaction", engine=database).id, "validation", engine=database)
    monkeypatch.setenv("DATABASE_URL", str(database.url))
    importer = CaisseImporter(config_file="config.yml", domain_path="domain.yml", training_data_paths=["data"])
    intents = {m.get("intent_response_key") for m in importer.get_nlu_data("fr").training_examples}
    assert f"faq/{new.id}" in intents
    [response] = importer.get_domain().responses[f"utter_faq/{new.id}"]
    assert response["text"] == "Réponse apprise."
    assert set(effective_versions(database)) == {new.id}


def test_a_change_published_just_before_a_training_is_known_to_the_model_trained(database):
    new = FIRST.copy(update={"id": f"{FIRST.branch}_{FIRST.theme}_juste_avant", "examples": ["une", "deux"]})
    publish(propose(new, "redaction", engine=database).id, "validation", engine=database)
    trained_at = model_trained_at(f"/models/{training_model_name()}.tar.gz")
    assert example_changes_since(trained_at, database) == []
