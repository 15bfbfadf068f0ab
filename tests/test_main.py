import json
import subprocess
import sys

import pytest

from bot.config import PROJECT_ROOT


def test_mask_command_reads_lines_and_writes_json_lines():
    result = subprocess.run(
        [sys.executable, "-m", "bot", "mask", "--no-ner"],
        input="rappelez moi au 06 12 34 56 78\nquand est payée l'apl ?\n",
        capture_output=True, text=True, cwd=PROJECT_ROOT, timeout=120,
    )
    assert result.returncode == 0, result.stderr
    first, second = [json.loads(line) for line in result.stdout.splitlines()]
    assert first["text"] == "rappelez moi au [TÉLÉPHONE]"
    assert first["findings"] == [{"type": "PHONE", "start": 16, "end": 30}]
    assert second == {"text": "quand est payée l'apl ?", "findings": []}


@pytest.mark.skipif(not any((PROJECT_ROOT / "models").glob("*.tar.gz")), reason="needs a trained model (make train)")
def test_route_command_writes_only_json_lines_on_stdout():
    result = subprocess.run(
        [sys.executable, "-m", "bot", "route"],
        input='bonjour\n\n{"id": 2, "text": "je veux parler a un conseiller svp"}\n',
        capture_output=True, text=True, cwd=PROJECT_ROOT, timeout=300,
    )
    assert result.returncode == 0, result.stderr
    first, blank, third = [json.loads(line) for line in result.stdout.splitlines()]
    assert {"text", "route", "intent", "confidence", "template"} <= first.keys()
    assert first["text"] == "bonjour"
    assert blank["text"] == "", "a blank line still gets its line, so outputs join back to inputs"
    assert (third["id"], third["text"], third["route"]) == (2, "je veux parler a un conseiller svp", "human")
