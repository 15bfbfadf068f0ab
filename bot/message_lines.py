"""Input of the evaluation commands (`python -m bot mask`, `python -m bot route`): one message
per line, as plain text or as a JSON object with a `text` field. An `id` field is echoed back,
and every input line gives exactly one output line, so outputs join back to their inputs."""
from __future__ import annotations

import json
from typing import Any, Dict, Iterator, TextIO, Tuple


def read_messages(stream: TextIO) -> Iterator[Tuple[str, Dict[str, Any]]]:
    """Yields (text, fields to echo) for each line."""
    for line in stream:
        line = line.rstrip("\r\n")
        if line.lstrip().startswith("{"):
            try:
                record = json.loads(line)
            except json.JSONDecodeError:
                record = None
            if isinstance(record, dict) and isinstance(record.get("text"), str):
                yield record["text"], {key: record[key] for key in ("id",) if key in record}
                continue
        yield line, {}
