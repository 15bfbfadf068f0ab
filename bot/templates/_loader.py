from __future__ import annotations

from pathlib import Path
from typing import Dict, List, Optional

import yaml

from bot.config import PROJECT_ROOT
from bot.templates._model import AnswerTemplate, TemplateError, TemplateFile

DEFAULT_TEMPLATES_DIR = PROJECT_ROOT / "data" / "templates"


def load_template_files(directory: Optional[Path] = None) -> Dict[Path, TemplateFile]:
    directory = Path(directory or DEFAULT_TEMPLATES_DIR)
    files = {}
    for path in sorted(directory.rglob("*.yml")):
        try:
            files[path] = TemplateFile.parse_obj(yaml.safe_load(path.read_text(encoding="utf-8")))
        except (yaml.YAMLError, ValueError) as error:
            raise TemplateError(f"{path}: {error}") from error
    return files


def load_templates(directory: Optional[Path] = None) -> List[AnswerTemplate]:
    """All templates, refusing duplicate ids (an id is what the model predicts)."""
    seen: Dict[str, Path] = {}
    templates: List[AnswerTemplate] = []
    for path, template_file in load_template_files(directory).items():
        for template in template_file.resolved_templates():
            if template.id in seen:
                raise TemplateError(
                    f"{path}: l'identifiant « {template.id} » existe déjà dans {seen[template.id]}"
                )
            seen[template.id] = path
            templates.append(template)
    return templates
