"""Command line masker: one message per input line, one JSON line per message.

Lets channel adapters, scripts and agents pipe text through the same masking the bot
uses (`python -m bot mask`, wired in `bot/__main__.py`):

    echo "appelez moi au 06 12 34 56 78" | python -m bot.personal_data
    {"text": "appelez moi au [TÉLÉPHONE]", "findings": [{"type": "PHONE", "start": 15, "end": 29}]}
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import TextIO

from bot.message_lines import read_messages

from ._detector import Detector


def main(
    argv: list[str] | None = None, stdin: TextIO = sys.stdin, stdout: TextIO = sys.stdout
) -> int:
    """Mask each line of stdin (plain text or JSON with a `text` field); spans refer to that text."""
    parser = argparse.ArgumentParser(
        prog="mask", description="Mask personal data, one message per line (JSON lines out)."
    )
    parser.add_argument(
        "--no-ner", action="store_true", help="skip the spaCy name detector (faster, fewer names)"
    )
    args = parser.parse_args(argv)
    detector = Detector(use_ner=not args.no_ner)
    for message, echoed in read_messages(stdin):
        result = detector.mask(message)
        record = {**echoed, "text": result.text, "findings": [f.as_dict() for f in result.findings]}
        stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
        stdout.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main())
