"""`make eval`: what the assistant does with messages nobody used to train it.

These sets, side by side:
- the real-question set (`evaluation/real/`): questions people typed on public forums and
  official question-and-answer pages, each with its source address, split once by source page into
  a dev part (used to choose thresholds and to find missing templates) and a test part (only
  measured, never read to write examples, lexicon entries or thresholds); and a second dev batch,
  collected later on other pages (`dev_b.jsonl`);
- the same questions as people type them on a phone (`*_chat.jsonl`);
- the team-written held-out file (`evaluation/messages.jsonl`), kept as a second set;
- the moderation held-out file.

For each: route accuracy, and the trust figures: wrong template shown (share of all questions),
right template for the questions that have one, no template for the general questions that have
none (abstain, clarify or redirect), per branch and per route; on the dev part, the reliability of
the template confidence and the effect of each threshold, with the threshold to choose: the
lowest that meets both safety targets of issue 13 on dev, the wrong-template share under 5 % even
at the upper end of its 90 % confidence interval (a few hundred questions measure a 4 % share to
about one point) and no template for at least 85 % of the questions that have none.
"""
from __future__ import annotations

import argparse
import json
import math
from pathlib import Path
from typing import Any, Dict, List, Optional, Tuple

from sklearn.feature_extraction.text import CountVectorizer

from bot.config import BRANCHES, PROJECT_ROOT
from bot.dialogue.clarify import offered_templates
from bot.nlu.router import EVALUATION_DIR, HELDOUT, Router, load_heldout, score, share
from bot.templates import current_ids, load_templates
from bot.text import example_key

REAL_QUESTIONS = EVALUATION_DIR / "real"
# `real_dev_b`: a second dev batch (2026-12-05), questions collected on pages of neither part by
# writers looking for unanswered topics, then labelled: it finds gaps, but over-represents them.
# `*_chat`: the same questions rewritten as people type them on a phone (no accents, "cmt", "pr",
# "jsuis", typos), by writers who saw neither the assistant's code nor its data (2026-12-07; the
# second dev batch: 520 of its questions). Same routes and templates as their originals.
SETS = {"real_dev": REAL_QUESTIONS / "dev.jsonl", "real_dev_b": REAL_QUESTIONS / "dev_b.jsonl",
        "real_test": REAL_QUESTIONS / "test.jsonl", "real_dev_chat": REAL_QUESTIONS / "dev_chat.jsonl",
        "real_dev_b_chat": REAL_QUESTIONS / "dev_b_chat.jsonl", "real_test_chat": REAL_QUESTIONS / "test_chat.jsonl",
        "heldout": HELDOUT}
REAL_SETS = tuple(name for name in SETS if name.startswith("real_"))
# The threshold is chosen on both dev parts together: the first alone has 20 questions without a
# template, so one question decided the choice (0.95 or 0.98 for the same model, 2026-12-06).
DEV_SETS = ("real_dev", "real_dev_b")
RELIABILITY_BINS = (0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.8, 1.01)
THRESHOLDS = (0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.85, 0.9, 0.92, 0.93, 0.94, 0.95, 0.96, 0.97, 0.98)
# The threshold to retain is looked for on this finer grid (the tables show THRESHOLDS).
FINE_THRESHOLDS = tuple(round(0.05 + 0.01 * step, 2) for step in range(95))
# Labels: criticism, none, and the abusive ones, which must all end on the route `abuse`.
HELDOUT_MODERATION = EVALUATION_DIR / "moderation.jsonl"
ABUSIVE_LABELS = ("insult", "threat", "hate", "defamation", "self_harm", "spam")
REPORT_DIR = PROJECT_ROOT / "var" / "eval"
WRONG_TEMPLATE_TARGET = 0.05  # issue 13: a wrong template for at most 5 % of all messages
NO_TEMPLATE_WHEN_NONE_TARGET = 0.85  # issue 13: no template for 85 % of the questions without one
ONE_SIDED_90 = 1.2816  # z of a one-sided 90 % bound


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


def _shown(prediction: Dict[str, Any]) -> Optional[str]:
    """The template the person is shown, if any."""
    return prediction.get("template") if prediction.get("route") == "faq" else None


def trust(cases: List[Dict[str, Any]], predictions: List[Dict[str, Any]]) -> Dict[str, Any]:
    """The figures a person relies on: a wrong template shown is worse than none.

    - wrong_template: share of all messages shown a template other than their expected one
      (a template shown to a question that has none, or to a non-general message, is wrong);
    - right_template: share of the messages with an expected template that are shown it;
    - right_template_or_offered: the same, counting also the right template offered as one of the
      clarification's buttons when none is shown (`offered`, set by `predict_set`): one click away;
    - no_template_when_none: share of the general questions without a template that are shown
      none (abstention, clarification or redirection)."""
    pairs = list(zip(cases, predictions))
    shown = [(c, _shown(p)) for c, p in pairs]
    with_template = [(c, t) for c, t in shown if c.get("template")]
    without = [(c, t) for c, t in shown if c["route"] == "faq" and not c.get("template")]
    return {
        "messages": len(pairs),
        "route_accuracy": share(sum(c["route"] == p["route"] for c, p in pairs), len(pairs)),
        "wrong_template": share(sum(1 for c, t in shown if t and t != c.get("template")), len(pairs)),
        "right_template": share(sum(1 for c, t in with_template if t == c["template"]), len(with_template)),
        "right_template_or_offered": share(
            sum(1 for (c, t), p in zip(shown, predictions) if c.get("template")
                and (t == c["template"] or (not t and c["template"] in (p.get("offered") or [])))),
            len(with_template)),
        "no_template_when_none": share(sum(1 for _, t in without if not t), len(without)),
        "with_template": len(with_template),
        "without_template": len(without),
    }


def trust_by(cases: List[Dict[str, Any]], predictions: List[Dict[str, Any]], key: str) -> Dict[str, Dict[str, Any]]:
    """`trust` for each value of a case field (branch, route)."""
    groups: Dict[str, List[int]] = {}
    for index, case in enumerate(cases):
        groups.setdefault(str(case.get(key) or "autre"), []).append(index)
    return {value: trust([cases[i] for i in indexes], [predictions[i] for i in indexes])
            for value, indexes in sorted(groups.items())}


def reliability(cases: List[Dict[str, Any]], predictions: List[Dict[str, Any]]) -> List[Dict[str, Any]]:
    """On the general questions the NLU took as such: per band of the selector's confidence in its
    best template, how often that template is the expected one (a question without a template
    counts as wrong). A calibrated confidence matches the observed share."""
    rows = [(float(p.get("best_confidence") or 0.0), p.get("best_template") == c.get("template") and bool(c.get("template")))
            for c, p in zip(cases, predictions) if c["route"] == "faq" and p.get("route") == "faq"]
    table = []
    for low, high in zip(RELIABILITY_BINS, RELIABILITY_BINS[1:]):
        band = [right for confidence, right in rows if low <= confidence < high]
        table.append({"band": f"{low:.1f}-{min(high, 1.0):.1f}", "messages": len(band),
                      "mean_confidence": round(sum(c for c, _ in rows if low <= c < high) / len(band), 3) if band else None,
                      "right": share(sum(band), len(band))})
    return table


def with_threshold(predictions: List[Dict[str, Any]], threshold: float) -> List[Dict[str, Any]]:
    """The predictions as they would be with the gate at `threshold` (valid for thresholds at or
    above the one the model was trained with: only the selector's best guess is re-read)."""
    changed = []
    for p in predictions:
        p = dict(p)
        if p.get("route") == "faq" and p.get("abstained") != "vague" and p.get("best_template"):
            keep = float(p.get("best_confidence") or 0.0) >= threshold
            p["template"] = p["best_template"] if keep else None
        changed.append(p)
    return changed


def wilson_upper(share_: float, n: int, z: float = ONE_SIDED_90) -> float:
    """Upper end of the Wilson score interval: unlike share + z x SE, it stays meaningful for the
    small shares and a few hundred messages measured here."""
    if n == 0:
        return 1.0
    centre = share_ + z * z / (2 * n)
    spread = z * math.sqrt(share_ * (1 - share_) / n + z * z / (4 * n * n))
    return round((centre + spread) / (1 + z * z / n), 3)


def sweep(cases: List[Dict[str, Any]], predictions: List[Dict[str, Any]],
          thresholds: Tuple[float, ...] = THRESHOLDS) -> List[Dict[str, Any]]:
    rows = []
    for threshold in thresholds:
        row = {"threshold": threshold, **trust(cases, with_threshold(predictions, threshold))}
        row["wrong_template_upper"] = wilson_upper(row["wrong_template"] or 0.0, row["messages"])
        rows.append(row)
    return rows


def recommended_threshold(rows: List[Dict[str, Any]]) -> Optional[float]:
    """The lowest threshold whose wrong-template share is under its target with a margin (the
    upper bound) and that leaves enough questions without a template unanswered, also with a
    margin: one question more given a template. The questions without a template are a few
    dozen, so a share exactly at its target is one question away from missing it."""
    return next((r["threshold"] for r in rows if r["wrong_template_upper"] <= WRONG_TEMPLATE_TARGET
                 and _one_question_less(r["no_template_when_none"], r["without_template"])
                 >= NO_TEMPLATE_WHEN_NONE_TARGET), None)


def _one_question_less(share_: Optional[float], n: int) -> float:
    return max(0.0, ((share_ or 0.0) * n - 1) / n) if n else 0.0


NEAR_COPY_JACCARD = 0.8  # share of words in common (of all words of both) that makes a near-copy
NEAR_COPY_MIN_WORDS = 4  # shorter lines ("au revoir") are bound to match a message by chance


def near_copies(taught: List[str], measured: List[str]) -> List[int]:
    """Indices of the taught texts that are near-copies of a measured message: the same words in
    another order, or with one word changed ("comment faire" for "faire"). Exact repeats are not
    the only leak: a question reworded by a writer who read it would still be measured on what the
    model learnt. Words are compared folded (`example_key`); sparse products keep it to seconds."""
    taught_keys = [example_key(text) for text in taught]
    measured_keys = [example_key(text) for text in measured]
    words = CountVectorizer(binary=True, token_pattern=r"\S+").fit(taught_keys + measured_keys)
    taught_words, measured_words = words.transform(taught_keys), words.transform(measured_keys)
    common = (taught_words @ measured_words.T).tocoo()
    taught_sizes = taught_words.sum(axis=1).A1
    measured_sizes = measured_words.sum(axis=1).A1
    jaccard = common.data / (taught_sizes[common.row] + measured_sizes[common.col] - common.data)
    near = (jaccard >= NEAR_COPY_JACCARD) & (taught_sizes[common.row] >= NEAR_COPY_MIN_WORDS)
    return sorted(set(common.row[near].tolist()))


def caisse_branch(case: Dict[str, Any]) -> Optional[str]:
    """The branch of the caisse a real question was put to (its `branch`), None for another body."""
    return case.get("branch") if case.get("branch") in BRANCHES else None


def predict_set(router: Router, cases: List[Dict[str, Any]],
                renamed: Dict[str, str]) -> Tuple[List[Dict[str, Any]], List[Dict[str, Any]]]:
    """The cases (expected templates under their current ids) and what the assistant does with each."""
    cases = [{**c, "template": renamed.get(c.get("template"), c.get("template"))} for c in cases]
    # Each real question is put to the caisse of the body it was asked of (its `branch`); the
    # others, and the team's set, to the configured caisse.
    predictions = [router.route(case["text"], caisse_branch(case)).as_dict() for case in cases]
    # A caisse offers only its own branch's templates as buttons; the team's set, whose expected
    # templates span every branch, is counted on all of them, as its shown templates are.
    templates = load_templates()
    for case, prediction in zip(cases, predictions):
        branch = caisse_branch(case)
        allowed = {t.id for t in templates if branch in (None, t.branch)}
        prediction["offered"] = offered_templates(prediction["candidates"], allowed) if prediction["route"] == "faq" else []
    return cases, predictions


def score_set(cases: List[Dict[str, Any]], predictions: List[Dict[str, Any]]) -> Dict[str, Any]:
    report = score(cases, predictions)
    report["trust"] = trust(cases, predictions)
    report["by_branch"] = trust_by(cases, predictions, "branch")
    report["by_route"] = trust_by(cases, predictions, "route")
    report["reliability"] = reliability(cases, predictions)
    report["threshold_sweep"] = sweep(cases, predictions)
    report["wrong_templates"] = [
        {"text": p.get("text", ""), "expected": c.get("template"), "shown": _shown(p),
         "confidence": p.get("best_confidence"), "source": c.get("source")}
        for c, p in zip(cases, predictions) if _shown(p) and _shown(p) != c.get("template")
    ]
    return report


SET_TITLES = {"real_dev": "questions réelles, partie dev", "real_dev_b": "questions réelles, 2e lot dev (chercheurs de lacunes)",
              "real_test": "questions réelles, partie test",
              "real_dev_chat": "partie dev, écrite comme au téléphone",
              "real_dev_b_chat": "2e lot dev, écrit comme au téléphone",
              "real_test_chat": "partie test, écrite comme au téléphone",
              "heldout": "jeu réservé écrit par l'équipe"}
TRUST_ROWS = (("route_accuracy", "exactitude des routes"), ("wrong_template", "modèle faux affiché (sur tous les messages)"),
              ("right_template", "bon modèle (questions qui en ont un)"),
              ("right_template_or_offered", "bon modèle affiché ou proposé en bouton (questions qui en ont un)"),
              ("no_template_when_none", "aucun modèle quand il n'y en a pas"))


def _trust_table(groups: Dict[str, Dict[str, Any]], title: str) -> List[str]:
    lines = ["", f"| {title} | messages | routes | modèle faux | bon modèle | aucun modèle si aucun |",
             "|---|---|---|---|---|---|"]
    lines += [f"| {name} | {t['messages']} | {t['route_accuracy']} | {t['wrong_template']} | {t['right_template']} "
              f"| {t['no_template_when_none']} |" for name, t in groups.items()]
    return lines


def _markdown(report: Dict[str, Any]) -> str:
    sets = report["sets"]
    names = list(sets)
    lines = ["# Évaluation sur des messages jamais utilisés pour l'entraînement", "",
             "| mesure | " + " | ".join(SET_TITLES.get(n, n) for n in names) + " |",
             "|---|" + "---|" * len(names)]
    lines.append("| messages | " + " | ".join(str(sets[n]["messages"]) for n in names) + " |")
    for key, label in TRUST_ROWS:
        lines.append(f"| {label} | " + " | ".join(str(sets[n]["trust"][key]) for n in names) + " |")
    lines.append("| premier choix du sélecteur juste (avant le seuil, questions qui en ont un) | "
                 + " | ".join(str(sets[n]["template_top1_accuracy"]) for n in names) + " |")
    for name in names:
        current = sets[name]
        lines += ["", f"## {SET_TITLES.get(name, name)}"]
        lines += _trust_table(current["by_branch"], "branche")
        lines += _trust_table(current["by_route"], "route attendue")
        lines += ["", "| route | précision | rappel | messages |", "|---|---|---|---|"]
        lines += [f"| {r} | {v['precision']} | {v['recall']} | {v['support']} |" for r, v in current["per_route"].items()]
        lines += ["", "| attendu | prédit | nombre |", "|---|---|---|"]
        lines += [f"| {c['expected']} | {c['predicted']} | {c['count']} |" for c in current["route_confusions"]]
        if name == "real_dev":
            lines += ["", "### Fiabilité de la confiance du modèle de réponse (questions générales)", "",
                      "| confiance | messages | confiance moyenne | part juste |", "|---|---|---|---|"]
            lines += [f"| {r['band']} | {r['messages']} | {r['mean_confidence']} | {r['right']} |" for r in current["reliability"]]
            lines += ["", "### Effet du seuil (valable au-dessus du seuil du modèle)", "",
                      "| seuil | modèle faux | modèle faux, borne haute à 90 % | bon modèle | aucun modèle si aucun |",
                      "|---|---|---|---|---|"]
            lines += [f"| {r['threshold']} | {r['wrong_template']} | {r['wrong_template_upper']} | {r['right_template']} "
                      f"| {r['no_template_when_none']} |" for r in current["threshold_sweep"]]
    pooled = report.get("dev_threshold_sweep")
    if pooled:
        lines += ["", "## Choix du seuil, sur les deux parties dev réunies", "",
                  "| seuil | modèle faux | modèle faux, borne haute à 90 % | bon modèle | aucun modèle si aucun |",
                  "|---|---|---|---|---|"]
        lines += [f"| {r['threshold']} | {r['wrong_template']} | {r['wrong_template_upper']} | {r['right_template']} "
                  f"| {r['no_template_when_none']} |" for r in pooled]
        lines += ["", f"Seuil à retenir (le plus bas dont la borne haute reste sous {WRONG_TEMPLATE_TARGET * 100:g} % de "
                  f"modèles faux et qui ne donne aucun modèle à au moins {NO_TEMPLATE_WHEN_NONE_TARGET * 100:g} % des "
                  f"questions qui n'en ont pas, même avec une de plus qui en reçoit un, cherché au centième) : "
                  f"{report.get('dev_recommended_threshold')}"]
    moderation = report.get("moderation")
    if moderation:
        lines += ["", "## Modération (jeu réservé `evaluation/moderation.jsonl`)", "",
                  f"- messages : {moderation['messages']}",
                  f"- messages abusifs dirigés vers la modération : {moderation['abusive_recall']}",
                  f"- insultes et menaces reconnues : {moderation['insult_and_threat_recall']}",
                  f"- critiques ou messages ordinaires traités comme abus : {moderation['legal_called_abuse']}",
                  "", "| catégorie | part dirigée vers la modération | messages |", "|---|---|---|"]
        lines += [f"| {label} | {v['routed_to_abuse']} | {v['support']} |" for label, v in moderation["per_label"].items()]
    return "\n".join(lines) + "\n"


def main(argv: Optional[List[str]] = None) -> Dict[str, Any]:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sets", default=",".join(SETS),
                        help="ensembles à mesurer, parmi " + ", ".join(SETS) + " (pendant les réglages : real_dev,real_dev_b,heldout)")
    parser.add_argument("--model", type=Path, default=None, help="modèle à évaluer (défaut : le plus récent de models/)")
    args = parser.parse_args(argv)
    router = Router(args.model)
    renamed = current_ids(load_templates())
    report: Dict[str, Any] = {"sets": {}}
    dev_cases: List[Dict[str, Any]] = []
    dev_predictions: List[Dict[str, Any]] = []
    for name in args.sets.split(","):
        if SETS[name].exists():
            cases, predictions = predict_set(router, load_heldout(SETS[name]), renamed)
            report["sets"][name] = score_set(cases, predictions)
            if name in DEV_SETS:
                dev_cases += cases
                dev_predictions += predictions
    if dev_cases:
        report["dev_threshold_sweep"] = sweep(dev_cases, dev_predictions)
        report["dev_recommended_threshold"] = recommended_threshold(sweep(dev_cases, dev_predictions, FINE_THRESHOLDS))
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
