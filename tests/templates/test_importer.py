from bot.config import load_config
from bot.templates import load_templates
from bot.templates.importer import CaisseImporter, learnt_texts
from bot.templates.responses import feedback_buttons, template_responses
from bot.config import PROJECT_ROOT


def importer() -> CaisseImporter:
    return CaisseImporter(
        str(PROJECT_ROOT / "config.yml"), str(PROJECT_ROOT / "domain.yml"), [str(PROJECT_ROOT / "data")]
    )


def test_templates_become_retrieval_examples_and_responses():
    templates = load_templates()
    nlu = importer().get_nlu_data("fr")
    keys = {m.get("intent_response_key") for m in nlu.training_examples if m.get("intent") == "faq"}
    assert keys == {f"faq/{t.id}" for t in templates}
    domain = importer().get_domain()
    first = templates[0]
    [response] = domain.responses[f"utter_faq/{first.id}"]
    assert response["buttons"] == feedback_buttons(first.id)


def test_domain_responses_have_the_caisse_contacts_and_no_braces():
    config = load_config(environ={})
    domain = importer().get_domain()
    greeting = domain.responses["utter_greet"][0]["text"]
    assert config.contacts.name in greeting and config.contacts.account_url in greeting
    for name, variants in domain.responses.items():
        for variant in variants:
            assert "{" not in variant.get("text", ""), name


def test_feedback_payload_survives_rasa_interpolation():
    from rasa.core.nlg.interpolator import interpolate_text

    payload = feedback_buttons("caf_x")[0]["payload"]
    assert interpolate_text(payload, {}) == '/feedback{"useful":"oui","template_id":"caf_x"}'


def test_template_answer_uses_the_national_contacts_of_another_branch():
    config = load_config(environ={})
    cpam = [t for t in load_templates() if t.branch == "cpam" and "{{telephone}}" in t.answer.replace(" ", "")]
    if not cpam:
        return
    responses = template_responses(cpam[:1], config)
    assert "36 46" in next(iter(responses.values()))[0]["text"]


def test_answer_of_an_uncovered_branch_first_says_who_handles_it():
    config = load_config(environ={})
    templates = load_templates()
    cpam = next(t for t in templates if t.branch == "cpam")
    caf = next(t for t in templates if t.branch == "caf")
    responses = template_responses([cpam, caf], config)
    cpam_text = responses[f"utter_faq/{cpam.id}"][0]["text"]
    assert cpam_text.startswith("Cette question relève de l'Assurance Maladie")
    assert not responses[f"utter_faq/{caf.id}"][0]["text"].startswith("Cette question relève")


def test_the_model_also_learns_each_template_from_its_title_and_answer_without_links():
    template = load_templates()[0]
    texts = learnt_texts(template)
    assert texts[:len(template.examples)] == template.examples
    assert texts[-2] == template.title
    assert "http" not in texts[-1] and "{{" not in texts[-1] and texts[-1]
    nlu = importer().get_nlu_data("fr")
    learnt = {m.get("text") for m in nlu.training_examples if m.get("intent_response_key") == f"faq/{template.id}"}
    assert template.title in learnt


def test_template_examples_copy_and_merge_like_messages_keeping_their_fingerprint():
    """Rasa's importers deep-copy and re-set every example at each merge: the copies must be the
    same messages as Rasa's own, without a new fingerprint each time."""
    import copy

    from rasa.shared.nlu.training_data.message import Message
    from rasa.shared.nlu.training_data.training_data import TrainingData

    from bot.templates.importer import TemplateExample

    example = TemplateExample.build(text="Comment déclarer un changement de RIB ?", intent="faq/caf_rib")
    plain = Message.build(text="Comment déclarer un changement de RIB ?", intent="faq/caf_rib")
    fingerprint = example.fingerprint()
    assert fingerprint == plain.fingerprint() and example == plain
    copied = copy.deepcopy(example)
    assert copied is not example and copied.data == example.data and copied.data is not example.data
    copied.set("intent", "faq")  # what TrainingData does to every example it is given
    assert copied._cached_fingerprint == fingerprint
    copied.set("intent", "other")
    assert copied.fingerprint() != fingerprint and example.get("intent") == "faq"
    merged = TrainingData([example]).merge(TrainingData([plain]))
    assert len(merged.training_examples) == 1  # the same example twice is kept once, as Rasa does
    tokens = [object()]
    example.set("tokens", tokens)  # once the pipeline sets tokens, a copy is a deep one
    assert copy.deepcopy(example).get("tokens")[0] is not tokens[0]
