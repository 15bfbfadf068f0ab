"""Answer templates: the single validated source of level-1 answers (grid item F6/F7).

Modelled on the scripts of the caisse's telephone platform, one YAML file per theme under
`data/templates/<branch>/`; Rasa reads them through `bot.rasa_extensions.CaisseImporter`.
"""
from bot.templates._model import AnswerTemplate, TemplateFile, TemplateError
from bot.templates._loader import DEFAULT_TEMPLATES_DIR, current_ids, load_template_files, load_templates
from bot.templates._render import PLACEHOLDERS, placeholders_in, render

__all__ = [
    "AnswerTemplate",
    "TemplateFile",
    "TemplateError",
    "DEFAULT_TEMPLATES_DIR",
    "current_ids",
    "load_template_files",
    "load_templates",
    "PLACEHOLDERS",
    "placeholders_in",
    "render",
]
