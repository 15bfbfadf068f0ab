"""Reading the NLU's choice in Rasa's parse data (`bot.nlu.parse`)."""
from bot.nlu.parse import selected_template


def parse(intent, template=None, template_confidence=0.8):
    data = {"intent": {"name": intent, "confidence": 0.9}}
    if template:
        data["response_selector"] = {"faq": {"response": {
            "intent_response_key": f"faq/{template}", "confidence": template_confidence}}}
    return data


def test_selected_template_reads_the_response_selector():
    assert selected_template(parse("faq", template="cpam_x", template_confidence=0.4)) == ("cpam_x", 0.4)
    assert selected_template(parse("greet")) == (None, None)
