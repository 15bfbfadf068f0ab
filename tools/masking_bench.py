"""Median masking time per message over the corpus: without NER, NER on every message, gated NER.

Every message goes through `mask()` before storage, so its latency adds to each turn;
the target is a median under 2 ms. The spaCy NER pass costs ~30 times all the pattern
detectors together, so the detector runs it only on messages where a name could come
out of it (`Detector(gate_ner=True)`, the default). This prints the median before
gating (NER on every message) and after, their ratio, and the share of messages that
still run the NER.

    python -m tools.masking_bench [CORPUS] [--repeat N] [--no-ner-only]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path
from typing import TextIO

from bot.personal_data import Detector
from tools.masking_evaluation import DEFAULT_CORPUS, load_corpus


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
    """Print the median time per message for each configuration."""
    parser = argparse.ArgumentParser(prog="python -m tools.masking_bench")
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--no-ner-only", action="store_true", help="skip the spaCy measurements")
    args = parser.parse_args(argv)
    texts = [example.text for example in load_corpus(args.corpus)]
    print(f"{len(texts)} messages, {args.repeat} passes", file=stdout)
    without = median_ms(Detector(use_ner=False), texts, args.repeat)
    print(f"median per message without NER names:      {without:.3f} ms", file=stdout)
    if args.no_ner_only:
        return 0
    before = median_ms(Detector(gate_ner=False), texts, args.repeat)
    print(f"median per message, NER on every message:  {before:.3f} ms", file=stdout)
    gated = Detector()
    after = median_ms(gated, texts, args.repeat)
    ratio = before / after if after else float("inf")
    print(f"median per message, NER gated:             {after:.3f} ms", file=stdout)
    print(f"gating: {ratio:.1f} times faster at the median", file=stdout)
    running = sum(gated.runs_ner(text) for text in texts)
    share = running / len(texts) if texts else 0.0
    print(f"messages that still run the NER: {running}/{len(texts)} ({share:.0%})", file=stdout)
    return 0


if __name__ == "__main__":
    sys.exit(main())
