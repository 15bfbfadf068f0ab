"""Retrain and reload from the back office, when published examples or new templates changed.

Text changes need no training (live NLG); examples do. A validator starts a retrain: one job at
a time, in a subprocess (`python -m bot templates retrain`, so TensorFlow never loads into the
web server), which trains with Rasa's API (its cache `.rasa/` skips unchanged components), then
evaluates the new model: route and template accuracy on the held-out messages
(`evaluation/messages.jsonl`, never trained on) and, for each changed template, how many of
its own examples the new model sends to it (a check that the change was learnt, not a measure
of quality). The job writes its phase to a status file and Rasa's output to a log file, which
the back office shows. The validator then puts the model in service: Rasa's `PUT /model`
replaces it without a restart, and a copy goes to the models folder so a restart keeps it.

A model's training time is the timestamp Rasa (and this job) put at the start of its name.
"""
from __future__ import annotations

import asyncio
import json
import math
import os
import re
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Dict, List, Optional

import aiohttp

from bot.config import PROJECT_ROOT
from bot.settings import child_environment, get_settings

RUNNING, READY, FAILED, DEPLOYED = "running", "ready", "failed", "deployed"
PHASE_LABELS = {
    "training": "Entraînement du modèle",
    "evaluating": "Évaluation du nouveau modèle",
    READY: "Prêt : vérifiez l'évaluation avant de le mettre en service",
    FAILED: "Échec",
    DEPLOYED: "En service",
}
_STAMP = re.compile(r"(\d{8}-\d{6})")


def var_dir() -> Path:
    return get_settings().caisse_var_dir


def models_dir() -> Path:
    """Where `rasa run --model` looks at start-up; the e2e tests point it elsewhere."""
    return get_settings().models_dir


def model_trained_at(model_path: str) -> datetime:
    """Training start written in the model's name (local time), else the file's time, else
    "long ago" (every published change of examples is then shown as unknown to the model)."""
    match = _STAMP.search(Path(model_path).name)
    if match:
        return datetime.strptime(match.group(1), "%Y%m%d-%H%M%S").astimezone(timezone.utc)
    try:
        return datetime.fromtimestamp(Path(model_path).stat().st_mtime, timezone.utc)
    except OSError:
        return datetime(1970, 1, 1, tzinfo=timezone.utc)


def training_model_name() -> str:
    """Name of a model trained from now on. Its stamp keeps whole seconds only, so this waits for
    the next second: the stamp is then no later than the moment the data is read, and a change
    published a few milliseconds before training is not shown as unknown to the model."""
    start = math.ceil(time.time())
    time.sleep(max(0.0, start - time.time()))
    return f"{time.strftime('%Y%m%d-%H%M%S', time.localtime(start))}-editeur"


# ---- the job itself (subprocess) -------------------------------------------------------------

def _write(status_path: Path, **fields: Any) -> None:
    current = json.loads(status_path.read_text()) if status_path.exists() else {}
    current.update(fields)
    temporary = status_path.with_suffix(".tmp")
    temporary.write_text(json.dumps(current, ensure_ascii=False, indent=1, default=str))
    temporary.replace(status_path)


def evaluate(model_path: str, template_ids: List[str]) -> Dict[str, Any]:
    from bot.nlu.router import Router, load_heldout, score
    from bot.templates.versions import current_templates

    router = Router(Path(model_path))
    cases = load_heldout()
    report = score(cases, [router.route(case["text"]).as_dict() for case in cases])
    templates = {t.id: t for t in current_templates()}
    learnt = []
    for template_id in template_ids:
        template = templates.get(template_id)
        if template is None:
            continue
        hits = sum(router.route(example).template == template_id for example in template.examples)
        learnt.append({"template_id": template_id, "recognised": hits, "examples": len(template.examples)})
    return {"route_accuracy": report["route_accuracy"], "template_top1_accuracy": report["template_top1_accuracy"],
            "heldout_messages": report["messages"], "changed_templates": learnt}


def run_job(status_path: Path, output_dir: Path, template_ids: List[str]) -> int:
    """Train, evaluate, write the outcome; the log (stdout/stderr) is captured by the caller."""
    import logging

    from rasa.api import train
    from rasa.utils.common import configure_logging_and_warnings
    from rasa.utils.log_utils import configure_structlog

    # Component by component in the log shown as progress; not one line per evaluated message.
    configure_logging_and_warnings(logging.INFO)
    configure_structlog(logging.INFO)
    started = time.time()
    _write(status_path, state=RUNNING, phase="training", started_at=started)
    try:
        name = training_model_name()
        result = train(domain=str(PROJECT_ROOT / "domain.yml"), config=str(PROJECT_ROOT / "config.yml"),
                       training_files=str(PROJECT_ROOT / "data"), output=str(output_dir), fixed_model_name=name)
        if result.code != 0 or not result.model:
            raise RuntimeError(f"l'entraînement s'est arrêté (code {result.code})")
        model = str(Path(result.model).resolve())
        _write(status_path, phase="evaluating", model=model, training_seconds=round(time.time() - started))
        evaluation = evaluate(model, template_ids)
        _write(status_path, state=READY, phase=READY, evaluation=evaluation, finished_at=time.time())
        return 0
    except Exception as error:  # reported in the back office with the log tail
        _write(status_path, state=FAILED, phase=FAILED, error=str(error), finished_at=time.time())
        return 1


# ---- the web server's side -------------------------------------------------------------------

class RetrainRefused(RuntimeError):
    """Another job runs, or there is no model to put in service; safe to show."""


@dataclass
class Retrainer:
    """Starts the job, reports on it, puts its model in service; state lives in files under
    var/training/, so a restart of the web server loses nothing."""

    rasa_url: str
    rasa_token: str
    directory: Optional[Path] = None

    def __post_init__(self) -> None:
        self.directory = Path(self.directory or var_dir() / "training")
        self.status_path = self.directory / "status.json"
        self.log_path = self.directory / "train.log"
        self._process: Optional[subprocess.Popen] = None

    def status(self) -> Dict[str, Any]:
        if not self.status_path.exists():
            return {}
        status = json.loads(self.status_path.read_text())
        if status.get("state") == RUNNING and not self._alive(status):
            status.update(state=FAILED, phase=FAILED, error="le processus d'entraînement s'est arrêté")
        status["phase_label"] = PHASE_LABELS.get(status.get("phase", ""), status.get("phase", ""))
        status["log_tail"] = self.log_tail()
        return status

    def _alive(self, status: Dict[str, Any]) -> bool:
        if self._process is not None:
            return self._process.poll() is None
        try:
            os.kill(int(status.get("pid", 0)), 0)
            return True
        except (OSError, ValueError):
            return False

    def log_tail(self, lines: int = 15) -> str:
        if not self.log_path.exists():
            return ""
        raw = self.log_path.read_bytes()[-20000:].decode(errors="replace").replace("\r", "\n")
        kept = [line for line in raw.splitlines() if line.strip()]
        return "\n".join(kept[-lines:])

    def start(self, started_by: str, template_ids: List[str]) -> None:
        current = self.status()
        if current.get("state") == RUNNING:
            raise RetrainRefused("Un entraînement est déjà en cours : attendez qu'il se termine.")
        self.directory.mkdir(parents=True, exist_ok=True)
        self.status_path.write_text(json.dumps({"state": RUNNING, "phase": "training", "started_by": started_by,
                                                "started_at": time.time(), "template_ids": template_ids}))
        log = open(self.log_path, "wb")
        command = [sys.executable, "-m", "bot", "templates", "retrain", "--status", str(self.status_path),
                   "--out", str(self.directory / "models"), *[f"--template={t}" for t in template_ids]]
        env = child_environment(RASA_MAX_CACHE_SIZE=str(get_settings().rasa_max_cache_size))
        self._process = subprocess.Popen(command, cwd=PROJECT_ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,
                                         start_new_session=True)
        log.close()
        _write(self.status_path, pid=self._process.pid)

    async def loaded_model(self) -> Optional[str]:
        """The model file Rasa serves now (GET /status), None if Rasa does not answer."""
        try:
            async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=5)) as session:
                async with session.get(f"{self.rasa_url}/status", params={"token": self.rasa_token}) as answer:
                    return (await answer.json()).get("model_file") if answer.status == 200 else None
        except (aiohttp.ClientError, asyncio.TimeoutError):
            return None

    async def deploy(self, deployed_by: str) -> str:
        status = self.status()
        if status.get("state") != READY or not status.get("model"):
            raise RetrainRefused("Aucun nouveau modèle prêt à mettre en service.")
        model = Path(status["model"])
        target = models_dir() / model.name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(model, target)
        try:
            async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=300)) as session:
                async with session.put(f"{self.rasa_url}/model", params={"token": self.rasa_token},
                                       json={"model_file": str(target)}) as answer:
                    if answer.status != 204:
                        raise RetrainRefused(f"Rasa a refusé le modèle ({answer.status}) : {(await answer.text())[:300]}")
        except (aiohttp.ClientError, asyncio.TimeoutError) as error:
            raise RetrainRefused(f"Rasa injoignable : {error}") from error
        _write(self.status_path, state=DEPLOYED, phase=DEPLOYED, deployed_by=deployed_by,
               deployed_at=time.time(), deployed_model=str(target))
        return str(target)
