"""The renderer apart from Rasa's importer: the web and action servers build a string without it."""
import subprocess
import sys

from bot.config import PROJECT_ROOT, get_config
from bot.templates import load_templates
from bot.templates.responses import assistant_responses, response_name, template_text


def test_rendering_a_response_loads_no_rasa_importer():
    code = ("import sys; from bot.templates.responses import template_text; "
            "from bot.templates import load_templates; from bot.config import get_config; "
            "template_text(load_templates()[0], get_config()); "
            "print(sorted(m for m in sys.modules if m.startswith('rasa.shared.importers')))")
    loaded = subprocess.run([sys.executable, "-c", code], cwd=PROJECT_ROOT, capture_output=True, text=True, check=True)
    assert loaded.stdout.strip() == "[]"


def test_every_template_gets_its_response_with_the_caisse_contacts_filled():
    templates, config = load_templates(), get_config()
    responses = assistant_responses({}, templates, config)
    for template in templates:
        [response] = responses[response_name(template.id)]
        assert response["text"] == template_text(template, config) and "{{" not in response["text"]
