"""`make bench`: trains, starts and loads the assistant as people would use it, and compares it
with a baseline measured in the same run.

The baseline is Rasa's stock pipeline (the configuration `rasa init` writes, whose empty
pipeline and policies mean Rasa's defaults) trained on our data: a ratio to it tells what our
choices (linear n-gram classifiers, no TED) cost or save, on this machine, today — absolute
numbers on a shared 2-core machine mean little alone.

Measured: training time of both pipelines (from scratch, in a cache of their own so that the
project's training cache is left alone); answer time (median, 95th percentile) and messages per
second at 1, 20 and 100 simultaneous conversations on the embedded default (one Rasa server,
SQLite), on the production profile (two Rasa servers behind nginx, PostgreSQL, Redis) and for
the baseline on the embedded default; memory of each server; the NLU alone (Rasa's parse of one
message, the team's held-out messages, in this process) for both pipelines. Written to
var/bench/results.json and var/bench/results.md. Numbers are never asserted in tests
(machines are noisy).
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Dict, List, Optional

import yaml

from bot.config import PROJECT_ROOT
from bot.nlu.router import HELDOUT, Router, load_heldout
from tools.production import ProductionPorts, ProductionStack
from tools.run import BIN, Ports, Service, Stack, StartError
from tools.traffic import ONE_ADDRESS, simulate

OUT = PROJECT_ROOT / "var" / "bench"
TRAININGS = OUT / "training_seconds.json"  # of the models in OUT/models, for BENCH_REUSE_MODELS=1
BASELINE_CONFIG = Path(sys.executable).parent.parent / "lib" / "python3.10" / "site-packages" / "rasa" / "cli" \
    / "initial_project" / "config.yml"
# Simultaneous conversations, conversations each simulated person holds in a row, and the pause
# after each answer. Without a pause the servers are saturated: that measures messages/second,
# and the answer time then is mostly queueing (20 people / throughput). People in a chat read the
# answer and type the next message: 2.5 to 7.5 s (already fast), each person arriving at a
# random second: that run measures the answer time of 20 conversations held at the same time.
LEVELS = ((1, 10, 0.0), (20, 3, 0.0), (100, 1, 0.0), (20, 2, 5.0))
TARGETS = {"p95_ms_at_20": 150, "messages_per_second_two_servers": 40, "time_per_message_vs_baseline": 1.5,
           "nlu_median_ms": 5}


def _rss_mb(pid: int) -> float:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def _tree_rss_mb(pid: int) -> float:
    """A process and its children (PostgreSQL and nginx fork workers; rasa's CLI does not)."""
    children = Path(f"/proc/{pid}/task/{pid}/children")
    kids = [int(c) for c in children.read_text().split()] if children.exists() else []
    return _rss_mb(pid) + sum(_tree_rss_mb(k) for k in kids)


def memory(services: List[Service]) -> Dict[str, float]:
    return {s.name: round(_tree_rss_mb(s.process.pid)) for s in services if s.process}


# Epochs of the baseline's neural components (DIET, ResponseSelector, TED), 100 as shipped. With
# our ~20,000 examples and ~700 templates, 10 epochs already take more than 30 minutes on 2 cores
# and 1 about 12; the network, hence the time to answer a message, is the same at 1. The training
# time compared is then the baseline's at 1 epoch: a lower bound of its real one.
BASELINE_EPOCHS = int(os.environ.get("BENCH_BASELINE_EPOCHS", "1"))


def _shipped_defaults(text: str) -> Dict[str, list]:
    """The pipeline and policies `rasa init` writes as comments (Rasa's defaults when empty)."""
    sections: Dict[str, List[str]] = {"pipeline": [], "policies": []}
    current = None
    for line in text.splitlines():
        if line.rstrip(":") in sections:
            current = line.rstrip(":")
        elif current and line.startswith("#   "):
            sections[current].append(line[2:])
    return {name: yaml.safe_load("\n".join(lines)) for name, lines in sections.items()}


def baseline_config(path: Path, epochs: int = BASELINE_EPOCHS) -> Path:
    """`rasa init`'s configuration, its default pipeline and policies written out with `epochs`,
    with our language and our data importer."""
    shipped = BASELINE_CONFIG.read_text()
    config = yaml.safe_load(shipped)
    config.update(_shipped_defaults(shipped))
    for component in (*config["pipeline"], *config["policies"]):
        if "epochs" in component:
            component["epochs"] = epochs
    ours = yaml.safe_load((PROJECT_ROOT / "config.yml").read_text())
    config.update(language=ours["language"], importers=ours["importers"], assistant_id="baseline-rasa-init")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False))
    return path


def train(config: Path, out: Path, name: str) -> float:
    """Full training (`--force`) in a cache folder of the benchmark's own; returns seconds."""
    env = {**os.environ, "RASA_CACHE_DIRECTORY": str(OUT / "cache" / name), "RASA_TELEMETRY_ENABLED": "false",
           "PYTHONPATH": str(PROJECT_ROOT)}
    start = time.perf_counter()
    result = subprocess.run(
        [str(BIN / "rasa"), "train", "--force", "--data", "data", "--domain", "domain.yml", "--config", str(config),
         "--out", str(out), "--fixed-model-name", name],
        cwd=PROJECT_ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    if result.returncode != 0:
        raise StartError(f"Entraînement « {name} » impossible :\n{result.stderr[-3000:]}")
    return round(time.perf_counter() - start, 1)


def load(url: str) -> List[dict]:
    simulate(url, 2, 1)  # warm-up: the first calls load lazy parts
    runs = []
    for concurrency, conversations_each, pause in LEVELS:
        summary = simulate(url, concurrency, conversations_each, pause=pause).summary()
        print(f"    {concurrency:>3} conversations, pause {pause} s : {summary}", flush=True)
        runs.append(summary)
    return runs


def measure_embedded(name: str, model: Path) -> dict:
    stack = Stack(var_dir=OUT / f"var-{name}", ports=Ports(rasa=5205, actions=5255, web=8205),
                  model_path=str(model), extra_env=ONE_ADDRESS)
    stack.start()
    try:
        runs = load(stack.urls["rest"])
        return {"runs": runs, "memory_mb": memory(stack.services)}
    finally:
        stack.stop()


def measure_production(model: Path) -> dict:
    stack = ProductionStack(var_dir=OUT / "var-production", ports=ProductionPorts.shifted(200),
                            model_path=str(model), extra_env=ONE_ADDRESS)
    stack.start()
    try:
        runs = load(stack.urls["rest"])
        return {"runs": runs, "memory_mb": memory(stack.services)}
    finally:
        stack.stop()


def nlu_cost(model: Path) -> dict:
    """Median and 95th percentile, in ms, of the NLU's parse of each held-out message (already
    masked text: the masking has its own bench), after a warm-up."""
    router = Router(model)
    texts = [case["text"] for case in load_heldout(HELDOUT)]
    for text in texts[:20]:
        router.parse(text)
    times = []
    for text in texts:
        start = time.perf_counter()
        router.parse(text)
        times.append((time.perf_counter() - start) * 1000)
    times.sort()
    return {"messages": len(times), "median_ms": round(times[len(times) // 2], 1),
            "p95_ms": round(times[int(0.95 * len(times))], 1)}


def _ratio(value: Optional[float], reference: Optional[float]) -> Optional[float]:
    return round(value / reference, 2) if value and reference else None


def _load(run: dict) -> tuple:
    return run["concurrency"], run.get("pause_s", 0.0)


def add_ratios(results: dict) -> None:
    """Each figure divided by the baseline's at the same number of conversations."""
    reference = {_load(r): r for r in results["profiles"]["baseline"]["runs"]}
    for profile in results["profiles"].values():
        for run in profile["runs"]:
            base = reference[_load(run)]
            run["ratio"] = {key: _ratio(run[key], base[key]) for key in ("median_ms", "p95_ms", "messages_per_second")}
    trainings = results["training_seconds"]
    results["training_ratio"] = _ratio(trainings["ours"], trainings["baseline"])


LABELS = {"embedded": "intégré (1 Rasa, SQLite)", "production": "production (2 Rasa, PostgreSQL, Redis, nginx)",
          "baseline": f"référence `rasa init`, {BASELINE_EPOCHS} époques (intégré)"}


def markdown(results: dict) -> str:
    lines = [
        "# Mesures (`make bench`)", "",
        f"Machine : {os.cpu_count()} cœurs, {results['date']}. Ratios : divisé par la référence "
        "(pipeline de `rasa init` entraîné sur nos données, profil intégré), même nombre de conversations.", "",
        "| profil | conversations simultanées | pause après réponse (s) | messages | échecs | médiane (ms) "
        "| p95 (ms) | messages/s | ratio médiane | ratio p95 | ratio messages/s |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for name, profile in results["profiles"].items():
        for run in profile["runs"]:
            ratio = run["ratio"]
            lines.append(f"| {LABELS[name]} | {run['concurrency']} | {run.get('pause_s', 0.0)} "
                         f"| {run['messages']} | {run['failed']} "
                         f"| {run['median_ms']} | {run['p95_ms']} | {run['messages_per_second']} "
                         f"| {ratio['median_ms']} | {ratio['p95_ms']} | {ratio['messages_per_second']} |")
    trainings = results["training_seconds"]
    nlu = results["nlu"]
    lines += ["", "| NLU seule (analyse d'un message) | médiane (ms) | p95 (ms) | ratio médiane |",
              "|---|---:|---:|---:|",
              f"| notre pipeline | {nlu['ours']['median_ms']} | {nlu['ours']['p95_ms']} "
              f"| {_ratio(nlu['ours']['median_ms'], nlu['baseline']['median_ms'])} |",
              f"| {LABELS['baseline']} | {nlu['baseline']['median_ms']} | {nlu['baseline']['p95_ms']} | 1 |"]
    lines += ["", "| entraînement complet | secondes | ratio |", "|---|---:|---:|",
              f"| notre pipeline | {trainings['ours']} | {results['training_ratio']} |",
              f"| référence `rasa init`, {BASELINE_EPOCHS} époques (100 livrées) | {trainings['baseline']} | 1 |", "",
              "| profil | serveur | mémoire (Mo) |", "|---|---|---:|"]
    for name, profile in results["profiles"].items():
        for server, mb in profile["memory_mb"].items():
            lines.append(f"| {LABELS[name]} | {server} | {mb} |")
    lines += ["", "| objectif | cible | mesuré |", "|---|---:|---:|"]
    for key, (target, measured) in results["targets"].items():
        lines.append(f"| {key} | {target} | {measured} |")
    return "\n".join(lines) + "\n"


def check_targets(results: dict) -> Dict[str, tuple]:
    runs = {name: {_load(r): r for r in p["runs"]} for name, p in results["profiles"].items()}
    return {
        "p95 à 20 conversations au rythme humain (pause 5 s), production (ms)": (
            f"< {TARGETS['p95_ms_at_20']}", runs["production"][(20, 5.0)]["p95_ms"]),
        "p95 à 20 conversations au rythme humain (pause 5 s), intégré (ms)": (
            f"< {TARGETS['p95_ms_at_20']}", runs["embedded"][(20, 5.0)]["p95_ms"]),
        "p95 à 20 conversations sans pause (saturation), production (ms)": (
            "(file d'attente)", runs["production"][(20, 0.0)]["p95_ms"]),
        "messages/s, 2 serveurs Rasa, 100 conversations sans pause": (
            f">= {TARGETS['messages_per_second_two_servers']}", runs["production"][(100, 0.0)]["messages_per_second"]),
        "temps par message / référence (médiane à 1 conversation, intégré)": (
            f"<= {TARGETS['time_per_message_vs_baseline']}", runs["embedded"][(1, 0.0)]["ratio"]["median_ms"]),
        "NLU seule, médiane par message (ms)": (f"< {TARGETS['nlu_median_ms']}", results["nlu"]["ours"]["median_ms"]),
    }


def trainings_of_last_run(models: Path) -> Optional[Dict[str, float]]:
    """BENCH_REUSE_MODELS=1 measures again the models of the last run, with the training times
    measured then."""
    if os.environ.get("BENCH_REUSE_MODELS") != "1" or not TRAININGS.exists():
        return None
    if not all((models / f"{name}.tar.gz").exists() for name in ("ours", "baseline")):
        return None
    return json.loads(TRAININGS.read_text())


def main() -> dict:
    OUT.mkdir(parents=True, exist_ok=True)
    models = OUT / "models"
    trainings = trainings_of_last_run(models)
    if trainings is None:
        print("Entraînement complet de notre pipeline…", flush=True)
        trainings = {"ours": train(PROJECT_ROOT / "config.yml", models, "ours")}
        print(f"  {trainings['ours']} s\nEntraînement complet de la référence (`rasa init`)…", flush=True)
        trainings["baseline"] = train(baseline_config(OUT / "baseline-config.yml"), models, "baseline")
        print(f"  {trainings['baseline']} s", flush=True)
        TRAININGS.write_text(json.dumps(trainings))  # kept even if a later measure fails
    results = {"date": time.strftime("%Y-%m-%d %H:%M"), "training_seconds": trainings, "profiles": {},
               "model_size_mb": {n: round((models / f"{n}.tar.gz").stat().st_size / 1e6, 1) for n in trainings}}
    print("NLU seule : analyse des messages du jeu réservé…", flush=True)
    results["nlu"] = {name: nlu_cost(models / f"{name}.tar.gz") for name in ("ours", "baseline")}
    print(f"  {results['nlu']}", flush=True)
    for name, measure in (("embedded", lambda: measure_embedded("embedded", models / "ours.tar.gz")),
                          ("baseline", lambda: measure_embedded("baseline", models / "baseline.tar.gz")),
                          ("production", lambda: measure_production(models / "ours.tar.gz"))):
        print(f"Charge : {LABELS[name]}", flush=True)
        results["profiles"][name] = measure()
    add_ratios(results)
    results["targets"] = check_targets(results)
    (OUT / "results.json").write_text(json.dumps(results, indent=2, ensure_ascii=False))
    (OUT / "results.md").write_text(markdown(results))
    print(markdown(results))
    return results


if __name__ == "__main__":
    try:
        main()
    except StartError as error:
        print(f"\nERREUR : {error}", file=sys.stderr)
        sys.exit(1)
