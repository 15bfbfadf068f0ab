from __future__ import annotations

from pathlib import Path
from typing import Dict, List, Optional

import yaml

from bot.config import PROJECT_ROOT
from bot.templates._model import AnswerTemplate, TemplateError, TemplateFile

DEFAULT_TEMPLATES_DIR = PROJECT_ROOT / "data" / "templates"
# libyaml's safe loader when installed: the editor and the NLG server reload the files often.
_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_template_files(directory: Optional[Path] = None) -> Dict[Path, TemplateFile]:
    directory = Path(directory or DEFAULT_TEMPLATES_DIR)
    files = {}
    for path in sorted(directory.rglob("*.yml")):
        try:
            files[path] = TemplateFile.parse_obj(yaml.load(path.read_text(encoding="utf-8"), Loader=_YAML_LOADER))
        except (yaml.YAMLError, ValueError) as error:
            raise TemplateError(f"{path}: {error}") from error
    return files


def load_templates(directory: Optional[Path] = None) -> List[AnswerTemplate]:
    """All templates, refusing duplicate ids, current or former (an id is what the model
    predicts, and a former id must name one template only)."""
    seen: Dict[str, Path] = {}
    templates: List[AnswerTemplate] = []
    for path, template_file in load_template_files(directory).items():
        for template in template_file.resolved_templates():
            for template_id in [template.id, *template.former_ids]:
                if template_id in seen:
                    raise TemplateError(
                        f"{path}: l'identifiant « {template_id} » existe déjà dans {seen[template_id]}"
                    )
                seen[template_id] = path
            templates.append(template)
    return templates


def current_ids(templates: List[AnswerTemplate]) -> Dict[str, str]:
    """Former id -> id of the template it was merged into."""
    return {former: template.id for template in templates for former in template.former_ids}
