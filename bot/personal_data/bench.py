"""Median masking time per message over the corpus, with and without the NER name detector.

Every message goes through `mask()` before storage, so its latency adds to each turn.
The pattern detectors target < 2 ms a message; spaCy NER costs more and is measured apart.

    python -m bot.personal_data.bench [CORPUS] [--repeat N]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path
from typing import TextIO

from ._detector import Detector
from .evaluate import DEFAULT_CORPUS, load_corpus


def median_ms(detector: Detector, texts: list[str], repeat: int = 3) -> float:
    """Median wall time of `detector.mask` per message, in milliseconds (after warm-up)."""
    detector.mask(texts[0] if texts else "warm-up")  # loads the model, fills caches
    timings = []
    for _ in range(repeat):
        for text in texts:
            start = time.perf_counter()
            detector.mask(text)
            timings.append(time.perf_counter() - start)
    return statistics.median(timings) * 1000 if timings else 0.0


def main(argv: list[str] | None = None, stdout: TextIO = sys.stdout) -> int:
    """Print the median time per message for both configurations."""
    parser = argparse.ArgumentParser(prog="python -m bot.personal_data.bench")
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--no-ner-only", action="store_true", help="skip the spaCy measurement")
    args = parser.parse_args(argv)
    texts = [example.text for example in load_corpus(args.corpus)]
    print(f"{len(texts)} messages, {args.repeat} passes", file=stdout)
    without = median_ms(Detector(use_ner=False), texts, args.repeat)
    print(f"median per message without NER names: {without:.3f} ms", file=stdout)
    if not args.no_ner_only:
        full = median_ms(Detector(), texts, args.repeat)
        print(f"median per message with NER names:    {full:.3f} ms", file=stdout)
    return 0


if __name__ == "__main__":
    sys.exit(main())
