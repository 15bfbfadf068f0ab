"""`python -m tools.demo_data`: fictitious conversations, handoffs and comment threads in the
database named by DATABASE_URL, to try the dashboard and the back office without real users
(the generator itself is `tools.demo.indicators`)."""
from __future__ import annotations

import argparse
import sys
import time
from typing import List, Optional

from bot.config import get_config
from bot.storage import get_engine, migrate
from tools.demo.indicators import DemoSize, generate


def main(argv: Optional[List[str]] = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.demo_data",
                                     description="conversations et passages fictifs pour essayer le pilotage")
    parser.add_argument("--conversations", type=int, default=20_000)
    parser.add_argument("--handoffs", type=int, default=2_000)
    parser.add_argument("--months", type=int, default=3)
    parser.add_argument("--seed", type=int, default=2026)
    args = parser.parse_args(argv)
    if args.handoffs > args.conversations:
        print("il ne peut pas y avoir plus de passages que de conversations", file=sys.stderr)
        return 2
    migrate()
    started = time.perf_counter()
    counts = generate(get_engine(), get_config(), DemoSize(args.conversations, args.handoffs, args.months, args.seed))
    print(f"Données de démonstration créées en {time.perf_counter() - started:.1f} s :")
    for table, count in counts.items():
        print(f"  {table} : {count}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
