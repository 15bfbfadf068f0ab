from __future__ import annotations

import re
from datetime import date
from typing import List

from pydantic import BaseModel, validator

from bot.config import BRANCHES

_ID_PATTERN = re.compile(r"^[a-z0-9_]+$")


class TemplateError(ValueError):
    """A template file cannot be used; the message names the file and the template."""


class AnswerTemplate(BaseModel):
    id: str
    title: str
    examples: List[str]
    answer: str
    source: str
    modelled_on: str = ""
    reviewed: date
    # Who checked the answer against its source on `reviewed` (a name or a team).
    checked_by: str = ""
    owner: str = ""
    needs_agent: bool = False
    # Ids of templates merged into this one: labels written before the merge still name this answer.
    former_ids: List[str] = []
    branch: str = ""
    theme: str = ""
    theme_title: str = ""

    @validator("id", "former_ids", each_item=True)
    def _id_format(cls, value: str) -> str:
        if not _ID_PATTERN.match(value):
            raise ValueError(f"identifiant « {value} » : seulement a-z, 0-9 et _")
        return value


class TemplateFile(BaseModel):
    branch: str
    theme: str
    theme_title: str
    owner: str
    templates: List[AnswerTemplate]

    @validator("branch")
    def _known_branch(cls, value: str) -> str:
        if value not in BRANCHES:
            raise ValueError(f"branche « {value} » inconnue")
        return value

    def resolved_templates(self) -> List[AnswerTemplate]:
        """Templates with the file-level branch, theme and owner filled in."""
        return [
            template.copy(
                update={
                    "branch": self.branch,
                    "theme": self.theme,
                    "theme_title": self.theme_title,
                    "owner": template.owner or self.owner,
                }
            )
            for template in self.templates
        ]
