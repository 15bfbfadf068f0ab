"""Which answer templates the selector confuses with each other, learnt from the templates alone.

Each template's learnt texts (examples, title, answer) are split in folds; the selector's own
features and classifier learn on all folds but one and choose for the texts of the last one. Two
templates of one branch whose texts often go to each other are neighbours: questions that tell
them apart (the situation, the moment, the document that makes the difference) are the examples
worth writing next. No evaluation set is read, so the list can guide writers without bias.

    .venv/bin/python -m tools.confusable_templates --top 200 --markdown var/neighbours.md
"""
from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path
from typing import List, Optional, Sequence, Tuple

import yaml
from sklearn.model_selection import StratifiedKFold
from sklearn.pipeline import make_pipeline

from bot.config import PROJECT_ROOT
from bot.nlu._linear import GroupedLinearSVC
from bot.nlu._text import text_features
from bot.templates import AnswerTemplate, load_templates
from bot.templates.importer import learnt_texts

SELECTOR = "bot.rasa_extensions.TfidfTemplateSelector"


def selector_settings(config: Path = PROJECT_ROOT / "config.yml") -> Tuple[float, int]:
    """The template selector's C and min_df in the pipeline: the same confusions as the trained model."""
    pipeline = yaml.safe_load(config.read_text(encoding="utf-8"))["pipeline"]
    component = next(c for c in pipeline if c["name"] == SELECTOR and c.get("retrieval_intent") == "faq")
    return float(component["C"]), int(component["min_df"])

Pair = Tuple[str, str, int]


def confusable_pairs(templates: Sequence[AnswerTemplate], folds: int = 4, seed: int = 0) -> List[Pair]:
    """Pairs of templates of one branch, with how many of their texts went to the other, most first."""
    texts, labels = [], []
    for template in templates:
        for text in learnt_texts(template):
            texts.append(text)
            labels.append(template.id)
    branch = {template.id: template.branch for template in templates}
    confusions: Counter = Counter()
    c, min_df = selector_settings()
    splitter = StratifiedKFold(n_splits=folds, shuffle=True, random_state=seed)
    for train, held_out in splitter.split(texts, labels):
        model = make_pipeline(text_features(min_df), GroupedLinearSVC(C=c))
        model.fit([texts[i] for i in train], [labels[i] for i in train])
        for expected, chosen in zip((labels[i] for i in held_out), model.predict([texts[i] for i in held_out])):
            if expected != chosen and branch[expected] == branch[chosen]:
                confusions[tuple(sorted((expected, chosen)))] += 1
    return [(first, second, count) for (first, second), count in confusions.most_common()]


def as_markdown(pairs: Sequence[Pair], templates: Sequence[AnswerTemplate]) -> str:
    """The pairs with each template's title and answer: what a writer needs, and nothing else."""
    by_id = {template.id: template for template in templates}
    lines = []
    for number, (first, second, _count) in enumerate(pairs, 1):
        lines.append(f"## Pair {number}")
        for template in (by_id[first], by_id[second]):
            lines.append(f"- **{template.id}** — {template.title}\n  Answer: {' '.join(template.answer.split())}")
        lines.append("")
    return "\n".join(lines)


def main(argv: Optional[Sequence[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--top", type=int, default=50, help="how many pairs (most confused first)")
    parser.add_argument("--markdown", type=Path, help="write the pairs with titles and answers for writers")
    args = parser.parse_args(argv)
    templates = load_templates()
    pairs = confusable_pairs(templates)[: args.top]
    if args.markdown:
        args.markdown.parent.mkdir(parents=True, exist_ok=True)
        args.markdown.write_text(as_markdown(pairs, templates), encoding="utf-8")
    for first, second, count in pairs:
        print(f"{count}\t{first}\t{second}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
