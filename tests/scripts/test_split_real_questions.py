"""Questions collected later join the part of their page, and nothing already kept is added."""
import importlib.util
import json
from pathlib import Path

from bot.config import PROJECT_ROOT


def _script(out: Path):
    spec = importlib.util.spec_from_file_location("split", PROJECT_ROOT / "scripts" / "split_real_questions.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    module.OUT = out
    return module


def _row(text: str, source: str) -> dict:
    return {"text": text, "route": "faq", "template": None, "branch": "caf", "topic": "t", "source": source,
            "kind": "forum"}


def _write(path: Path, rows) -> None:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")


def _read(path: Path):
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_added_questions_follow_their_page_and_skip_known_texts(tmp_path):
    split = _script(tmp_path / "real")
    pages = [f"https://forum.example/fil-{n}" for n in range(40)]
    first = tmp_path / "first.jsonl"
    _write(first, [_row(f"question {n} ?", page) for n, page in enumerate(pages[:20])])
    split.main([str(first)])
    before = {name: _read(tmp_path / "real" / f"{name}.jsonl") for name in ("dev", "test")}

    later = tmp_path / "later.jsonl"
    _write(later, [_row("Question  0 ?", pages[0])] + [_row(f"autre {n} ?", page) for n, page in enumerate(pages[20:])])
    split.main([str(later)], add=True)
    after = {name: _read(tmp_path / "real" / f"{name}.jsonl") for name in ("dev", "test")}

    for name in ("dev", "test"):
        assert after[name][:len(before[name])] == before[name]  # nothing kept moves or changes
        assert all(split.part_of(row["source"]) == name for row in after[name])
    texts = [row["text"] for rows in after.values() for row in rows]
    assert "Question  0 ?" not in texts  # same text, other spacing and case: already kept
    assert len(texts) == 40
    assert after["dev"][len(before["dev"]):] and after["test"][len(before["test"]):]
