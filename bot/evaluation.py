"""`make eval`: route and template accuracy on the held-out file, and what the moderation catches
on its own held-out file (both never used for training nor for writing the lexicon)."""
from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any, Dict, List, Optional

from bot.config import PROJECT_ROOT
from bot.routing import Router
from bot.templates import current_ids, load_templates

HELDOUT = PROJECT_ROOT / "tests" / "heldout" / "messages.jsonl"
# Labels: criticism, none, and the abusive ones, which must all end on the route `abuse`.
HELDOUT_MODERATION = PROJECT_ROOT / "tests" / "heldout" / "moderation.jsonl"
ABUSIVE_LABELS = ("insult", "threat", "hate", "defamation", "self_harm", "spam")
REPORT_DIR = PROJECT_ROOT / "var" / "eval"


def load_heldout(path: Path = HELDOUT) -> List[Dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def score(
    cases: List[Dict[str, Any]], predictions: List[Dict[str, Any]], renamed: Optional[Dict[str, str]] = None
) -> Dict[str, Any]:
    """Route accuracy, per-route precision/recall, template top-1 accuracy, confusions.

    `renamed` maps the ids of merged templates to the template that replaced them, so an expected
    id written before a merge still names the right answer. Texts in the report are the
    predictions' (masked) texts: no personal value is written."""
    renamed = renamed or {}
    cases = [{**c, "template": renamed.get(c.get("template"), c.get("template"))} for c in cases]
    pairs = list(zip(cases, predictions))
    routes = sorted({c["route"] for c in cases} | {p["route"] for p in predictions})
    per_route = {}
    for route in routes:
        tp = sum(1 for c, p in pairs if c["route"] == route and p["route"] == route)
        predicted = sum(1 for _, p in pairs if p["route"] == route)
        gold = sum(1 for c, _ in pairs if c["route"] == route)
        per_route[route] = {
            "precision": round(tp / predicted, 3) if predicted else None,
            "recall": round(tp / gold, 3) if gold else None,
            "support": gold,
        }
    faq = [(c, p) for c, p in pairs if c["route"] == "faq"]
    confusions = Counter((c["route"], p["route"]) for c, p in pairs if c["route"] != p["route"])
    return {
        "messages": len(pairs),
        "route_accuracy": round(sum(c["route"] == p["route"] for c, p in pairs) / len(pairs), 3),
        "template_top1_accuracy": round(sum(c.get("template") == p.get("template") for c, p in faq) / len(faq), 3)
        if faq else None,
        "per_route": per_route,
        "route_confusions": [
            {"expected": gold, "predicted": predicted, "count": count}
            for (gold, predicted), count in confusions.most_common()
        ],
        "template_errors": [
            {"text": p.get("text", ""), "expected": c.get("template"), "predicted": p.get("template")}
            for c, p in faq if c.get("template") != p.get("template")
        ],
    }


def score_moderation(cases: List[Dict[str, Any]], predictions: List[Dict[str, Any]]) -> Dict[str, Any]:
    """Per label, the share of messages on the route `abuse` (wanted for abusive labels, never
    for criticism or ordinary messages), and the criticism and ordinary messages called abuse."""
    pairs = list(zip(cases, predictions))
    per_label = {}
    for label in sorted({c["label"] for c in cases}):
        routed = [p["route"] == "abuse" for c, p in pairs if c["label"] == label]
        per_label[label] = {"routed_to_abuse": round(sum(routed) / len(routed), 3), "support": len(routed)}
    abusive = [p["route"] == "abuse" for c, p in pairs if c["label"] in ABUSIVE_LABELS]
    insults_threats = [p["route"] == "abuse" for c, p in pairs if c["label"] in ("insult", "threat")]
    return {
        "messages": len(pairs),
        "abusive_recall": round(sum(abusive) / len(abusive), 3) if abusive else None,
        "insult_and_threat_recall": round(sum(insults_threats) / len(insults_threats), 3) if insults_threats else None,
        "legal_called_abuse": sum(1 for c, p in pairs if c["label"] not in ABUSIVE_LABELS and p["route"] == "abuse"),
        "per_label": per_label,
    }


def _markdown(report: Dict[str, Any]) -> str:
    lines = [
        "# Évaluation sur le jeu de test réservé",
        "",
        f"- messages : {report['messages']}",
        f"- exactitude des routes : {report['route_accuracy']}",
        f"- exactitude du modèle de réponse (top 1) : {report['template_top1_accuracy']}",
        "",
        "| route | précision | rappel | messages |",
        "|---|---|---|---|",
    ]
    lines += [f"| {r} | {v['precision']} | {v['recall']} | {v['support']} |" for r, v in report["per_route"].items()]
    lines += ["", "## Confusions", "", "| attendu | prédit | nombre |", "|---|---|---|"]
    lines += [f"| {c['expected']} | {c['predicted']} | {c['count']} |" for c in report["route_confusions"]]
    moderation = report.get("moderation")
    if moderation:
        lines += ["", "## Modération (jeu réservé `tests/heldout/moderation.jsonl`)", "",
                  f"- messages : {moderation['messages']}",
                  f"- messages abusifs dirigés vers la modération : {moderation['abusive_recall']}",
                  f"- insultes et menaces reconnues : {moderation['insult_and_threat_recall']}",
                  f"- critiques ou messages ordinaires traités comme abus : {moderation['legal_called_abuse']}",
                  "", "| catégorie | part dirigée vers la modération | messages |", "|---|---|---|"]
        lines += [f"| {label} | {v['routed_to_abuse']} | {v['support']} |" for label, v in moderation["per_label"].items()]
    return "\n".join(lines) + "\n"


def main() -> Dict[str, Any]:
    cases = load_heldout()
    router = Router()
    predictions = [router.route(case["text"]).as_dict() for case in cases]
    report = score(cases, predictions, current_ids(load_templates()))
    moderation_cases = load_heldout(HELDOUT_MODERATION)
    report["moderation"] = score_moderation(moderation_cases, [router.route(c["text"]).as_dict() for c in moderation_cases])
    REPORT_DIR.mkdir(parents=True, exist_ok=True)
    (REPORT_DIR / "report.json").write_text(json.dumps(report, ensure_ascii=False, indent=2), encoding="utf-8")
    (REPORT_DIR / "report.md").write_text(_markdown(report), encoding="utf-8")
    print(_markdown(report))
    print(f"Rapport complet : {REPORT_DIR / 'report.json'}")
    return report


if __name__ == "__main__":
    main()
