"""Command line classifier: one message per input line, one JSON line per message.

Lets moderators and scripts run a batch of messages through the same rules as the bot:

    echo "vous êtes nuls" | python -m bot.moderation
    {"text": "vous êtes nuls", "category": "criticism", "severity": "low"}
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import TextIO

from ._classifier import default_classifier


def main(
    argv: list[str] | None = None, stdin: TextIO = sys.stdin, stdout: TextIO = sys.stdout
) -> int:
    """Classify each line of stdin with the configured caisse's classifier."""
    parser = argparse.ArgumentParser(
        prog="python -m bot.moderation",
        description="Classe chaque message (une ligne) selon la charte d'usage ; une ligne JSON par message.",
    )
    parser.add_argument(
        "--evidence", action="store_true", help="ajoute les règles qui ont reconnu le message"
    )
    args = parser.parse_args(argv)
    classifier = default_classifier()
    for line in stdin:
        text = line.rstrip("\r\n")
        verdict = classifier.classify(text)
        record: dict[str, object] = {
            "text": text,
            "category": verdict.category,
            "severity": str(verdict.severity),
        }
        if args.evidence:
            record["evidence"] = [e.as_dict() for e in verdict.evidence]
        stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
        stdout.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main())
