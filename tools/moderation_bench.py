"""Median classification time per message over the corpus.

The classifier runs on every incoming message, before the assistant answers, so its cost
adds to each turn; this measures it (no timing assertion in tests: machines differ).

    python -m tools.moderation_bench [CORPUS] [--repeat N]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path
from typing import TextIO

from bot.moderation import Classifier
from tools.moderation_evaluation import DEFAULT_CORPUS, load_corpus


def median_ms(classifier: Classifier, texts: list[str], repeat: int = 5) -> float:
    """Median wall time of `classifier.classify` per message, in milliseconds."""
    timings = []
    for _ in range(repeat):
        for text in texts:
            start = time.perf_counter()
            classifier.classify(text)
            timings.append(time.perf_counter() - start)
    return statistics.median(timings) * 1000 if timings else 0.0


def main(argv: list[str] | None = None, stdout: TextIO = sys.stdout) -> int:
    """Print the lexicon loading time and the median time per message."""
    parser = argparse.ArgumentParser(prog="python -m tools.moderation_bench")
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args(argv)
    texts = [example.text for example in load_corpus(args.corpus)]
    start = time.perf_counter()
    classifier = Classifier()
    print(f"classifier built in {(time.perf_counter() - start) * 1000:.1f} ms", file=stdout)
    print(f"{len(texts)} messages, {args.repeat} passes", file=stdout)
    print(f"median per message: {median_ms(classifier, texts, args.repeat):.3f} ms", file=stdout)
    return 0


if __name__ == "__main__":
    sys.exit(main())
