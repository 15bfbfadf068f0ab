import json
import subprocess
import sys

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
