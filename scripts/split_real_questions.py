"""Splits the collected real questions once into a dev part and a test part, by source page.

Every question of one page goes to the same part (a page's questions share their wording), chosen
by a hash of the page's address: the split does not depend on the order of collection, and
re-running it on the same files gives the same parts. Usage:
    python scripts/split_real_questions.py collected/*.jsonl
writes evaluation/real/dev.jsonl and evaluation/real/test.jsonl;
    python scripts/split_real_questions.py --add newly_collected.jsonl
adds questions collected later to the part their page belongs to (same rule), skipping those
already in either part, so the test part grows without anyone choosing what goes in it.
"""
from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "evaluation" / "real"
TEST_SHARE = 50  # percent of source pages in the test part
FIELDS = ("text", "route", "template", "branch", "topic", "source", "kind")


def part_of(source: str) -> str:
    bucket = int(hashlib.sha256(source.strip().encode("utf-8")).hexdigest(), 16) % 100
    return "test" if bucket < TEST_SHARE else "dev"


def _key(text: str) -> str:
    return " ".join(text.lower().split())


def main(paths: list[str], add: bool = False) -> None:
    seen, parts = set(), {"dev": [], "test": []}
    if add:
        for name, rows in parts.items():
            for line in (OUT / f"{name}.jsonl").read_text(encoding="utf-8").splitlines():
                if line.strip():
                    rows.append(json.loads(line))
                    seen.add(_key(rows[-1]["text"]))
    added = {name: 0 for name in parts}
    for path in paths:
        for line in Path(path).read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            row = json.loads(line)
            key = _key(row["text"])
            if key in seen:
                continue
            seen.add(key)
            parts[part_of(row["source"])].append({k: row.get(k) for k in FIELDS})
            added[part_of(row["source"])] += 1
    OUT.mkdir(parents=True, exist_ok=True)
    for name, rows in parts.items():
        with (OUT / f"{name}.jsonl").open("w", encoding="utf-8") as out:
            for row in rows:
                out.write(json.dumps(row, ensure_ascii=False) + "\n")
        print(f"{name}: {len(rows)} questions ({added[name]} added)")


if __name__ == "__main__":
    arguments = sys.argv[1:]
    main([a for a in arguments if a != "--add"], add="--add" in arguments)
