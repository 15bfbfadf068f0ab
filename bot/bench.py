"""`make bench`: starts the assistant on its own ports and measures it as a person would use it.

Numbers, never asserted in tests (machines are noisy): answer time of one message through the
REST channel (median, 95th percentile), the Rasa server's memory, the model's size.
"""
from __future__ import annotations

import json
import statistics
import time
import urllib.request
import uuid
from pathlib import Path
from typing import Dict, List

from bot.config import PROJECT_ROOT
from bot.runner import Ports, Stack

MESSAGES = [
    "bonjour",
    "c'est quand le paiement de la caf ce mois ci",
    "j'ai perdu ma carte vitale",
    "comment je declare mes revenus pour la prime d'activité",
    "merci",
]


def _rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def _tree_rss_mb(pid: int) -> float:
    """A process and its children (rasa's CLI runs the server in the same process)."""
    children = Path(f"/proc/{pid}/task/{pid}/children")
    kids = [int(c) for c in children.read_text().split()] if children.exists() else []
    return _rss_mb(pid) + sum(_tree_rss_mb(k) for k in kids)


def answer_times(rest_url: str, rounds: int) -> List[float]:
    times = []
    for _ in range(rounds):
        sender = uuid.uuid4().hex
        for text in MESSAGES:
            body = json.dumps({"sender": sender, "message": text}).encode()
            request = urllib.request.Request(rest_url, data=body, headers={"Content-Type": "application/json"})
            start = time.perf_counter()
            with urllib.request.urlopen(request, timeout=60) as answer:
                answer.read()
            times.append((time.perf_counter() - start) * 1000)
    return times


def main(rounds: int = 20) -> Dict[str, float]:
    out = PROJECT_ROOT / "var" / "bench"
    stack = Stack(var_dir=out / "var", ports=Ports(rasa=5205, actions=5255, web=8205))
    stack.start()
    try:
        answer_times(stack.urls["rest"], 2)  # warm-up: first calls load lazy parts
        times = sorted(answer_times(stack.urls["rest"], rounds))
        rasa = next(s for s in stack.services if s.name == "rasa")
        model = max((PROJECT_ROOT / "models").glob("*.tar.gz"), key=lambda p: p.stat().st_mtime)
        results = {
            "messages": len(times),
            "answer_ms_median": round(statistics.median(times), 1),
            "answer_ms_p95": round(times[int(0.95 * (len(times) - 1))], 1),
            "rasa_server_rss_mb": round(_tree_rss_mb(rasa.process.pid), 0),
            "model_size_mb": round(model.stat().st_size / 1e6, 1),
        }
    finally:
        stack.stop()
    out.mkdir(parents=True, exist_ok=True)
    (out / "results.json").write_text(json.dumps(results, indent=2))
    for key, value in results.items():
        print(f"{key:22} {value}")
    return results


if __name__ == "__main__":
    main()
