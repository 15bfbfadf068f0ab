"""Fits the answer gate on the dev parts of the real-question set (never the test part): the weights
of its likelihood that the best template answers (`answer_weights`) and its `template_threshold`.

Usage: `.venv/bin/python -m tools.answer_weights` after `make train`; it prints the two settings
to copy into config.yml (AnswerGate), then train again. The likelihood is a logistic regression on
the selector's confidence (its logarithm), the best template's coverage of the question and the best
coverage among the next templates (`bot.nlu.coverage`), learnt on the questions the NLU took as general ones: is the best template the
expected one? The threshold follows the rule of `tools.evaluation.recommended_threshold` on both dev
parts together."""
from __future__ import annotations

import argparse
import math
from pathlib import Path
from typing import Any, Dict, List, Optional

from sklearn.linear_model import LogisticRegression

from bot.nlu.answer_gate import CLARIFY_INTENT, PARSE_KEY, VAGUE, answer_confidence
from bot.nlu.coverage import COVERAGE_KEY, RIVAL_COVERAGE_KEY
from bot.nlu.router import Router, load_heldout
from bot.personal_data import mask
from bot.templates import current_ids, load_templates
from tools.evaluation import DEV_SETS, FINE_THRESHOLDS, SETS, caisse_branch, recommended_threshold, sweep

def gate_inputs(router: Router, case: Dict[str, Any]) -> Dict[str, Any]:
    """What the gate saw of a question: the selector's best template, its confidence and coverage,
    and whether the NLU took the question as a general one (the gate's own intent set aside; a
    question the FallbackClassifier caught, or a vague one, is not)."""
    parse = router.parse(mask(case["text"]).text, caisse_branch(case))
    response = ((parse.get("response_selector") or {}).get("faq") or {}).get("response") or {}
    ranking = [r for r in parse.get("intent_ranking") or [] if r.get("name") != CLARIFY_INTENT]
    top = max(ranking, key=lambda r: r.get("confidence") or 0.0, default={}).get("name")
    vague = (parse.get(PARSE_KEY) or {}).get("reason") == VAGUE
    return {"template": (response.get("intent_response_key") or "").partition("/")[2] or None,
            "confidence": float(response.get("confidence") or 0.0), "coverage": response.get(COVERAGE_KEY),
            "rival_coverage": float(response.get(RIVAL_COVERAGE_KEY) or 0.0),
            "general": top == "faq" and not vague}


def fit_weights(cases: List[Dict[str, Any]], inputs: List[Dict[str, Any]]) -> Dict[str, float]:
    pairs = [(c, i) for c, i in zip(cases, inputs) if i["general"] and i["coverage"] is not None]
    features = [[math.log(max(i["confidence"], 1e-6)), i["coverage"], i["rival_coverage"]] for _, i in pairs]
    right = [bool(c.get("template")) and i["template"] == c["template"] for c, i in pairs]
    model = LogisticRegression(C=1.0).fit(features, right)
    return {"intercept": round(float(model.intercept_[0]), 3), "log_confidence": round(float(model.coef_[0][0]), 3),
            "coverage": round(float(model.coef_[0][1]), 3), "rival_coverage": round(float(model.coef_[0][2]), 3)}


def as_predictions(inputs: List[Dict[str, Any]], weights: Dict[str, float]) -> List[Dict[str, Any]]:
    """What the gate would do with no threshold: every general question shown its best template."""
    return [{"route": "faq", "template": i["template"], "best_template": i["template"], "offered": [],
             "best_confidence": answer_confidence(i["confidence"], i["coverage"], i["rival_coverage"], weights)}
            if i["general"] else {"route": "other", "template": None, "offered": []} for i in inputs]


def main(argv: Optional[List[str]] = None) -> Dict[str, Any]:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", type=Path, default=None, help="modèle (défaut : le plus récent de models/)")
    args = parser.parse_args(argv)
    router = Router(args.model)
    renamed = current_ids(load_templates())
    cases = [{**c, "template": renamed.get(c.get("template"), c.get("template"))}
             for name in DEV_SETS for c in load_heldout(SETS[name])]
    inputs = [gate_inputs(router, case) for case in cases]
    weights = fit_weights(cases, inputs)
    rows = sweep(cases, as_predictions(inputs, weights), FINE_THRESHOLDS)
    threshold = recommended_threshold(rows)
    chosen = next((r for r in rows if r["threshold"] == threshold), None)
    print(f"    answer_weights: {{intercept: {weights['intercept']}, log_confidence: {weights['log_confidence']}, "
          f"coverage: {weights['coverage']}, rival_coverage: {weights['rival_coverage']}}}")
    print(f"    template_threshold: {threshold}")
    if chosen:
        print(f"# parties dev réunies : modèles faux {chosen['wrong_template']} (borne haute "
              f"{chosen['wrong_template_upper']}), bon modèle {chosen['right_template']}, aucun modèle si aucun "
              f"{chosen['no_template_when_none']} ({chosen['without_template']} questions sans modèle)")
    return {"weights": weights, "threshold": threshold, "rows": rows}


if __name__ == "__main__":
    main()
