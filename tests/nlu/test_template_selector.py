import tempfile
from pathlib import Path

import joblib
import numpy as np
from scipy import sparse

from rasa.core.actions.action import ActionRetrieveResponse
from rasa.engine.graph import ExecutionContext, GraphSchema
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.engine.storage.resource import Resource
from rasa.shared.core.events import UserUttered
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from bot.nlu._linear import MODEL_FILE
from bot.nlu.template_selector import TfidfTemplateSelector
from bot.nlu.parse import selected_template
from tests.nlu.conftest import build, reload

TEMPLATES = {
    "caf_logement_etudiant": ["apl etudiant ?", "je suis etudiante en coloc j'ai droit a l'apl",
                              "aide au logement pour un etudiant boursier", "mon fils etudiant peut avoir l'apl"],
    "cpam_carte_vitale_perte_vol": ["j'ai perdu ma carte vitale", "on m'a vole ma carte vitale",
                                    "carte vitale perdue que faire", "plus de carte vitale elle est perdue"],
    "caf_paiements_date_versement": ["c quand que la caf paye", "les allocs tombent quel jour",
                                     "date de versement caf", "la caf verse le combien"],
}
RESPONSES = {f"utter_faq/{t}": [{"text": f"Réponse {t}"}] for t in TEMPLATES}


def training_data():
    examples = [Message.build(text=t, intent=f"faq/{key}") for key, texts in TEMPLATES.items() for t in texts]
    examples += [Message.build(text="bonjour", intent="greet"), Message.build(text="salut", intent="greet")]
    return TrainingData(examples, responses=RESPONSES)


def trained(storage, context):
    selector = build(TfidfTemplateSelector, storage, context, "selector")
    selector.train(training_data())
    return selector


def test_writes_the_structure_of_rasas_response_selector(storage, context):
    [message] = trained(storage, context).process([Message.build(text="g perdu ma carte vitale hier")])
    properties = message.as_dict(only_output_properties=True)["response_selector"]
    assert properties["all_retrieval_intents"] == ["faq"]
    response = properties["faq"]["response"]
    assert response["intent_response_key"] == "faq/cpam_carte_vitale_perte_vol"
    assert response["utter_action"] == "utter_faq/cpam_carte_vitale_perte_vol"
    assert response["responses"] == [{"text": "Réponse cpam_carte_vitale_perte_vol"}]
    ranking = properties["faq"]["ranking"]
    assert ranking[0] == {"confidence": response["confidence"], "intent_response_key": response["intent_response_key"]}
    assert {r["intent_response_key"] for r in ranking} == {f"faq/{t}" for t in TEMPLATES}


def test_the_chosen_templates_coverage_of_the_message_is_written_next_to_its_confidence(storage, context):
    selector = trained(storage, context)
    [held, unheard] = selector.process([Message.build(text="carte vitale perdue"),
                                        Message.build(text="carte vitale de mon chien perdue a la plage")])
    assert held.get("response_selector")["faq"]["response"]["coverage"] == 1.0
    assert 0.0 < unheard.get("response_selector")["faq"]["response"]["coverage"] < 1.0


def test_the_most_a_next_template_holds_of_the_message_is_written_too(storage, context):
    selector = trained(storage, context)
    [shared, own] = selector.process([Message.build(text="apl etudiant date de versement"),
                                      Message.build(text="carte vitale perdue")])
    shared_response, own_response = (m.get("response_selector")["faq"]["response"] for m in (shared, own))
    # "date de versement" belongs to the payment template, "apl etudiant" to the housing one.
    assert 0.3 < shared_response["rival_coverage"] < 1.0 and shared_response["coverage"] < 1.0
    assert own_response["coverage"] == 1.0 and own_response["rival_coverage"] < 0.3


def test_only_template_examples_are_learnt(storage, context):
    [message] = trained(storage, context).process([Message.build(text="bonjour")])
    assert message.get("response_selector")["faq"]["response"]["intent_response_key"].startswith("faq/")


def test_routing_and_rasas_retrieval_action_read_its_choice(storage, context):
    [message] = trained(storage, context).process([Message.build(text="apl pour les etudiants")])
    parse_data = {**message.as_dict(only_output_properties=True), "intent": {"name": "faq", "confidence": 0.9}}
    assert selected_template(parse_data)[0] == "caf_logement_etudiant"
    tracker = DialogueStateTracker.from_events("test", [UserUttered(message.get("text"), parse_data["intent"],
                                                                    parse_data=parse_data)])
    assert ActionRetrieveResponse("utter_faq").get_full_retrieval_name(tracker) == "utter_faq/caf_logement_etudiant"


def test_loads_what_it_trained(storage, context):
    trained(storage, context)
    [message] = reload(TfidfTemplateSelector, storage, context, "selector").process(
        [Message.build(text="quel jour la caf verse les allocations")])
    assert message.get("response_selector")["faq"]["response"]["intent_response_key"] == "faq/caf_paiements_date_versement"


TWINS = {
    "retraite_paiement_rib": ["changer de rib", "nouveau rib comment faire", "je change de rib",
                              "je change de banque nouveau rib", "modifier mon rib"],
    "caf_paiements_rib": ["coordonnees bancaires des allocations", "changer le compte ou sont versees les allocs",
                          "nouveau rib bancaire pour les aides", "les allocs sur un autre compte",
                          "mon rib pour les allocs"],
}
BRANCHES = {"caf": ["caf", "allocations familiales"], "retraite": ["carsat", "assurance retraite"]}


def top_ranking(text, metadata=None, **config):
    storage_dir = tempfile.mkdtemp()
    storage = LocalModelStorage(Path(storage_dir))
    context = ExecutionContext(GraphSchema({}), "test-model")
    selector = build(TfidfTemplateSelector, storage, context, "selector", **config)
    selector.train(TrainingData([Message.build(text=t, intent=f"faq/{key}") for key, texts in TWINS.items()
                                 for t in texts], responses={f"utter_faq/{k}": [{"text": k}] for k in TWINS}))
    [message] = selector.process([Message(data={"text": text, "metadata": metadata})])
    return message.get("response_selector")["faq"]["ranking"]


def top_template(text, metadata=None, **config):
    return top_ranking(text, metadata, **config)[0]["intent_response_key"]


def test_a_message_naming_one_branch_gets_that_branchs_twin():
    text = "je change de rib, c'est pour la CAF"
    assert top_template(text) == "faq/retraite_paiement_rib", "without branch names, the n-grams choose"
    assert top_template(text, branch_names=BRANCHES) == "faq/caf_paiements_rib"
    assert top_template("je change de rib pour la carsat", branch_names=BRANCHES) == "faq/retraite_paiement_rib"


def test_a_message_naming_two_branches_or_a_weak_twin_is_left_to_the_n_grams():
    both = "je change de rib, pour la caf et la carsat"
    assert top_template(both, branch_names=BRANCHES) == top_template(both)
    text = "je change de rib, c'est pour la CAF"
    assert top_template(text, branch_names=BRANCHES, named_branch_ratio=1.01) == "faq/retraite_paiement_rib"


def test_another_branchs_template_is_distrusted_when_the_named_branch_has_none_close():
    """"le droit à l'erreur à l'Urssaf" got the Caf's template at 0.99."""
    text = "je change de rib, c'est pour la CAF"
    kept = top_ranking(text, branch_names=BRANCHES, named_branch_ratio=1.01)[0]
    distrusted = top_ranking(text, branch_names=BRANCHES, named_branch_ratio=1.01, other_branch_trust=0.1)
    assert kept["intent_response_key"] == "faq/retraite_paiement_rib"
    scores = {r["intent_response_key"]: r["confidence"] for r in distrusted}
    assert abs(scores["faq/retraite_paiement_rib"] - 0.1 * kept["confidence"]) < 1e-9, "a tenth, not renormalised"
    both = "je change de rib, pour la caf et la carsat"
    assert top_ranking(both, branch_names=BRANCHES, other_branch_trust=0.1) == top_ranking(both, branch_names=BRANCHES)


def test_a_message_naming_no_branch_leans_to_the_caisses_branch():
    text = "mon nouveau rib"
    assert top_template(text) == "faq/retraite_paiement_rib", "the n-grams' choice"
    assert top_template(text, home_branch_weight=5.0) == "faq/caf_paiements_rib", "config/caisse.yml: a Caf"
    assert top_template(text, {"caisse_branch": "caf"}, home_branch_weight=5.0) == "faq/caf_paiements_rib"
    assert top_template(text, {"caisse_branch": "retraite"}, home_branch_weight=5.0) == "faq/retraite_paiement_rib"
    ranking = top_ranking(text, {"caisse_branch": "caf"}, home_branch_weight=5.0)
    assert abs(sum(r["confidence"] for r in ranking) - 1.0) < 1e-9
    assert top_template(text, {"caisse_branch": "caf"}) == "faq/retraite_paiement_rib", "weight 1: no prior"


def test_a_single_window_caisse_answers_with_its_own_templates_only():
    """Asked to the MSA, a question gets the MSA's answer or none, never a CPAM or Caf one."""
    text = "coordonnees bancaires des allocations"
    assert top_template(text, {"caisse_branch": "retraite"}, home_branch_weight=5.0) == "faq/caf_paiements_rib"
    ranking = top_ranking(text, {"caisse_branch": "retraite"}, home_branch_weight=5.0,
                          single_window_branches=["retraite"])
    scores = {r["intent_response_key"]: r["confidence"] for r in ranking}
    assert scores == {"faq/retraite_paiement_rib": 1.0, "faq/caf_paiements_rib": 0.0}
    assert top_template(text, {"caisse_branch": "caf"}, home_branch_weight=5.0,
                        single_window_branches=["retraite"]) == "faq/caf_paiements_rib", "only that branch's caisses"
    named = "coordonnees bancaires des allocations familiales"
    assert top_template(named, {"caisse_branch": "retraite"}, branch_names=BRANCHES, home_branch_weight=5.0,
                        single_window_branches=["retraite"]) == "faq/caf_paiements_rib", "a named branch still counts"


def test_other_caisses_lean_away_from_the_single_windows_templates():
    """Asked to a CPAM, "the maintenance payment is not paid" got the MSA's twin of the Caf answer:
    outside its own caisses, a single window's template keeps `single_window_weight` of its weight."""
    text = "mon nouveau rib"
    plain = {r["intent_response_key"]: r["confidence"] for r in top_ranking(text, {"caisse_branch": "cpam"})}
    assert max(plain, key=plain.get) == "faq/retraite_paiement_rib", "the n-grams' choice"
    leaning = {r["intent_response_key"]: r["confidence"]
               for r in top_ranking(text, {"caisse_branch": "cpam"}, single_window_branches=["retraite"],
                                    single_window_weight=0.1)}
    assert max(leaning, key=leaning.get) == "faq/caf_paiements_rib"
    ratio = leaning["faq/retraite_paiement_rib"] / leaning["faq/caf_paiements_rib"]
    assert abs(ratio - 0.1 * plain["faq/retraite_paiement_rib"] / plain["faq/caf_paiements_rib"]) < 1e-9
    assert top_template(text, {"caisse_branch": "cpam"}, single_window_branches=["retraite"]) == \
        "faq/retraite_paiement_rib", "weight 1 by default: no change"


def test_a_named_branch_outweighs_the_caisses_branch():
    text = "mon nouveau rib pour la carsat"
    assert top_template(text, {"caisse_branch": "caf"}, home_branch_weight=5.0) == "faq/caf_paiements_rib"
    assert top_template(text, {"caisse_branch": "caf"}, branch_names=BRANCHES,
                        home_branch_weight=5.0) == "faq/retraite_paiement_rib"


def test_branch_names_match_whole_words_only():
    selector = TfidfTemplateSelector({**TfidfTemplateSelector.get_default_config(), "branch_names": BRANCHES},
                                     None, None)
    assert selector.named_branch("ma CAF de Lyon") == "caf"
    assert selector.named_branch("la cafétéria du lycée") is None
    assert selector.named_branch("les Allocations familiales") == "caf"


def test_a_selector_for_one_intent_only_leaves_other_messages_alone(storage, context):
    selector = build(TfidfTemplateSelector, storage, context, "selector", only_for_intent=True,
                     also_below_template_confidence=0.4)
    selector.train(training_data())
    faq_message = Message.build(text="g perdu ma carte vitale")
    faq_message.set("intent", {"name": "faq", "confidence": 0.9})
    greeting = Message.build(text="bonjour")
    greeting.set("intent", {"name": "greet", "confidence": 0.9})
    selector.process([faq_message, greeting])
    assert faq_message.get("response_selector")["faq"]["response"]["intent_response_key"] == "faq/cpam_carte_vitale_perte_vol"
    assert greeting.get("response_selector") is None


def test_a_selector_for_one_intent_also_reads_messages_far_from_every_answer(storage, context):
    selector = build(TfidfTemplateSelector, storage, context, "selector", only_for_intent=True,
                     also_below_template_confidence=0.4)
    selector.train(training_data())
    messages = []
    for confidence in (0.39, 0.4):
        message = Message.build(text="g perdu ma carte vitale")
        message.set("intent", {"name": "greet", "confidence": 0.9})
        message.set("response_selector", {"faq": {"response": {"confidence": confidence}}})
        messages.append(message)
    far, near = selector.process(messages)
    assert "faq" in far.get("response_selector")["faq"]["response"]["intent_response_key"]
    assert near.get("response_selector")["faq"]["response"] == {"confidence": 0.4}


def test_the_linear_svm_ranks_with_probabilities_sharpened_by_the_temperature(storage, context):
    config = {"classifier": "linear_svm", "C": 0.5}
    rankings = {}
    for temperature in (1.0, 8.0):
        selector = build(TfidfTemplateSelector, storage, context, f"svm-{temperature}", temperature=temperature, **config)
        selector.train(training_data())
        reloaded = reload(TfidfTemplateSelector, storage, context, f"svm-{temperature}", temperature=temperature, **config)
        [message] = reloaded.process([Message.build(text="g perdu ma carte vitale hier")])
        ranking = message.get("response_selector")["faq"]["ranking"]
        rankings[temperature] = [(r["intent_response_key"], r["confidence"]) for r in ranking]
        assert abs(sum(r["confidence"] for r in ranking) - 1.0) < 1e-6
    assert rankings[1.0][0][0] == rankings[8.0][0][0] == "faq/cpam_carte_vitale_perte_vol"
    assert rankings[8.0][0][1] > rankings[1.0][0][1] > 1 / len(TEMPLATES)


def test_placeholders_of_masked_data_take_no_part_in_the_choice(storage, context):
    selector = trained(storage, context)

    def ranking(text):
        [message] = selector.process([Message.build(text=text)])
        return [(r["intent_response_key"], round(r["confidence"], 6)) for r in message.get("response_selector")["faq"]["ranking"]]

    masked = ranking("mon numero [NIR] [TÉLÉPHONE], date de versement caf ?")
    assert masked == ranking("mon numero  , date de versement caf ?")
    assert masked != ranking("mon numero NIR TÉLÉPHONE, date de versement caf ?")


def test_the_linear_svm_is_stored_sparse_and_reloaded_to_the_same_ranking(storage, context):
    config = {"classifier": "linear_svm", "C": 0.5, "temperature": 8.0}
    selector = build(TfidfTemplateSelector, storage, context, "svm-sparse", **config)
    selector.train(training_data())
    with storage.read_from(Resource("svm-sparse")) as directory:
        stored = joblib.load(directory / MODEL_FILE)["pipeline"][-1].coef_
    assert sparse.isspmatrix_csc(stored)
    reloaded = reload(TfidfTemplateSelector, storage, context, "svm-sparse", **config)
    assert reloaded._pipeline[-1].coef_.flags.f_contiguous

    def ranking(component):
        [message] = component.process([Message.build(text="g perdu ma carte vitale hier")])
        return [(r["intent_response_key"], round(r["confidence"], 9)) for r in message.get("response_selector")["faq"]["ranking"]]

    assert ranking(reloaded) == ranking(selector)
    assert np.array_equal(reloaded._pipeline[-1].coef_, stored.toarray())
