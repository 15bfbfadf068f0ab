"""Benchmark of the dashboard's queries: `python -m tools.indicators_bench`.

Fills a database with demo data (default 1 million conversations and 100,000 handoffs over
12 months), then times everything the dashboard computes for the last complete month: the
whole page (`compute`, what /pilotage waits for) and each table alone. The target of issue 6:
under 3 s on SQLite, under 1 s on PostgreSQL. Results go to var/bench/indicators-<dialect>.json.

    python -m tools.indicators_bench                       # temporary SQLite file
    python -m tools.indicators_bench --url postgresql://... # an existing, empty PostgreSQL database
    python -m tools.indicators_bench --reuse --url ...       # time again without regenerating
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Dict, List, Optional

from sqlalchemy import text

from bot.config import PROJECT_ROOT, get_config
from bot.indicators.queries import INDICATORS, Filters, Scope, compute
from bot.storage import get_engine, migrate
from tools.demo.indicators import DemoSize, generate, month_bounds

RUNS = 5


def _timed(function, *args) -> float:
    started = time.perf_counter()
    function(*args)
    return time.perf_counter() - started


def _cpu(function, *args) -> float:
    """This process's CPU time: on SQLite the queries run in-process, so this is what they cost
    whatever else the machine is doing (a shared 2-core machine makes wall time noisy)."""
    started = time.process_time()
    function(*args)
    return time.process_time() - started


def _server_cpu(connection) -> Optional[float]:
    """CPU seconds used so far by this connection's PostgreSQL backend, read from /proc when the
    server runs on this machine (the benchmark script's case); None elsewhere."""
    if connection.dialect.name != "postgresql":
        return None
    pid = connection.execute(text("SELECT pg_backend_pid()")).scalar_one()
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")  # utime + stime


def run(url: str, size: DemoSize, reuse: bool, runs: int = RUNS) -> Dict[str, object]:
    config = get_config()
    migrate(url)
    engine = get_engine(url)
    now = datetime.now(timezone.utc)
    generation = None
    if not reuse:
        generation = _timed(generate, engine, config, size, None, now)
        # Fresh statistics (and PostgreSQL's visibility map, for index-only scans), as autovacuum
        # or a nightly maintenance would give; VACUUM cannot run inside a transaction.
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
            connection.execute(text("VACUUM ANALYZE" if engine.dialect.name == "postgresql" else "ANALYZE"))
    start, end = month_bounds(now.date().replace(day=1) - timedelta(days=1))
    filters = Filters(start, end, timezone=config.opening_hours.timezone)
    with engine.connect() as connection:
        conversations = connection.execute(
            text("SELECT count(*) FROM conversation_facts WHERE day BETWEEN :a AND :b"), {"a": start, "b": end}
        ).scalar_one()
        handoffs = connection.execute(text("SELECT count(*) FROM handoffs")).scalar_one()
        totals: List[float] = []
        for _ in range(runs):
            totals.append(_timed(compute, connection, filters, config, now))
        server_before = _server_cpu(connection)
        cpu = [_cpu(compute, connection, filters, config, now) for _ in range(runs)]
        server_after = _server_cpu(connection)
        server_cpu = None if server_before is None else (server_after - server_before) / runs
        # Each table alone, with its own scope: tables sharing the per-day counts each pay for them here.
        per_table = {key: min(_timed(indicator, Scope(connection, filters, config, now)) for _ in range(3))
                     for key, indicator in INDICATORS.items()}
    return {
        "dialect": engine.dialect.name,
        "size": {"conversations": size.conversations, "handoffs": size.handoffs, "months": size.months},
        "stored_handoffs": handoffs,
        "period": [start.isoformat(), end.isoformat()],
        "conversations_in_period": conversations,
        "generation_seconds": None if generation is None else round(generation, 1),
        "dashboard_seconds": {"median": round(statistics.median(totals), 3), "max": round(max(totals), 3),
                              "runs": runs},
        # What the page costs whatever else runs on the machine: this process (all of it on SQLite)
        # plus, on a local PostgreSQL, its server process (clock ticks of 10 ms: an average of runs).
        "dashboard_cpu_seconds": {"client": round(statistics.median(cpu), 3),
                                  "server": None if server_cpu is None else round(server_cpu, 3)},
        "load_average": [round(value, 2) for value in os.getloadavg()],
        "per_table_seconds": {key: round(value, 4) for key, value in per_table.items()},
    }


def main(argv: Optional[List[str]] = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.indicators_bench", description=__doc__.splitlines()[0])
    parser.add_argument("--url", help="database URL (default: a temporary SQLite file)")
    parser.add_argument("--conversations", type=int, default=1_000_000)
    parser.add_argument("--handoffs", type=int, default=100_000)
    parser.add_argument("--months", type=int, default=12)
    parser.add_argument("--reuse", action="store_true", help="time the data already there")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as folder:
        url = args.url or f"sqlite:///{Path(folder) / 'bench.db'}"
        result = run(url, DemoSize(args.conversations, args.handoffs, args.months), args.reuse)
    out = PROJECT_ROOT / "var" / "bench" / f"indicators-{result['dialect']}.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(json.dumps(result, indent=2, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
