"""The indicator tables as text: French display values, CSV for spreadsheets, Markdown, JSON.

CSV follows what a French spreadsheet opens without an import dialog: `;` between cells, a
decimal comma, UTF-8 with a byte-order mark; ratios become percentages and durations hours,
named so in the header; short delays (`seconds`, hiding a comment) stay in seconds, to the
tenth. A typed text starting like a formula (`=`, `+`, `-`, `@`, tab, carriage
return) gets a leading quote, as OWASP recommends, so that the spreadsheet shows it instead of
running it.
"""
from __future__ import annotations

import csv
import io
import json
from datetime import date, datetime
from typing import Any, Dict, Iterable
from zoneinfo import ZoneInfo

from bot.indicators import labels
from bot.indicators.queries import Column, Filters, Table

EMPTY = "–"
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _number(value: float, decimals: int) -> str:
    """French digits: narrow no-break space between thousands, decimal comma."""
    return f"{value:,.{decimals}f}".replace(",", "\u202f").replace(".", ",")


def format_duration(seconds: float) -> str:
    """3725 -> "1 h 02", 125 -> "2 min", 200000 -> "2 j 7 h"."""
    seconds = int(seconds)
    if seconds < 3600:
        return f"{max(seconds // 60, 0)} min" if seconds >= 60 else f"{seconds} s"
    hours, minutes = divmod(seconds // 60, 60)
    if hours < 48:
        return f"{hours} h {minutes:02d}"
    days, hours = divmod(hours, 24)
    return f"{days} j {hours} h"


def format_seconds(seconds: float) -> str:
    """A short delay to the tenth: 0.4 -> "0,4 s", 95 -> "1 min 35 s", 7300 -> "2 h 01"."""
    if seconds < 60:
        return f"{_number(seconds, 1)} s"
    if seconds < 3600:
        minutes, rest = divmod(int(seconds), 60)
        return f"{minutes} min {rest:02d} s"
    return format_duration(seconds)


def format_value(value: Any, kind: str, zone: str = "Europe/Paris") -> str:
    """How a cell reads on the dashboard and in the Markdown report."""
    if value is None or value == "":
        return EMPTY
    if kind == "percent":
        return f"{_number(value * 100, 1)} %"
    if kind == "duration":
        return format_duration(value)
    if kind == "seconds":
        return format_seconds(value)
    if kind == "int":
        return _number(value, 0)
    if kind == "datetime" and isinstance(value, datetime):
        local = value if value.tzinfo else value.replace(tzinfo=ZoneInfo("UTC"))
        return local.astimezone(ZoneInfo(zone)).strftime("%d/%m/%Y %H:%M")
    if kind == "date" and isinstance(value, date):
        return value.strftime("%d/%m/%Y")
    return str(value)


def _csv_header(column: Column) -> str:
    suffix = {"percent": ", en %", "duration": ", en heures", "seconds": ", en secondes"}.get(column.kind, "")
    return column.label + suffix


def _csv_cell(value: Any, kind: str) -> str:
    if value is None:
        return ""
    if kind == "percent":
        return f"{value * 100:.1f}".replace(".", ",")
    if kind == "duration":
        return f"{value / 3600:.2f}".replace(".", ",")
    if kind == "seconds":
        return f"{value:.1f}".replace(".", ",")
    if isinstance(value, float):
        return str(value).replace(".", ",")
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if isinstance(value, (int, float)):
        return str(value)
    text = str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def table_csv(table: Table) -> str:
    """One table as a CSV document (with its byte-order mark)."""
    buffer = io.StringIO()
    buffer.write("\ufeff")
    _write_csv(buffer, table)
    return buffer.getvalue()


def _write_csv(buffer: io.StringIO, table: Table) -> None:
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow([_csv_header(column) for column in table.columns])
    for row in table.rows:
        writer.writerow([_csv_cell(row.get(column.key), column.kind) for column in table.columns])


def tables_csv(tables: Iterable[Table]) -> str:
    """Every table one after the other, each under its title, separated by a blank line."""
    buffer = io.StringIO()
    buffer.write("\ufeff")
    for table in tables:
        csv.writer(buffer, delimiter=";", lineterminator="\r\n").writerow([table.title])
        _write_csv(buffer, table)
        buffer.write("\r\n")
    return buffer.getvalue()


def tables_markdown(tables: Iterable[Table], filters: Filters, caisse: str) -> str:
    lines = [f"# Indicateurs — {caisse}", "",
             f"Période du {filters.start:%d/%m/%Y} au {filters.end:%d/%m/%Y}"
             + (f", canal {labels.label(labels.CHANNELS, filters.channel)}" if filters.channel else "")
             + (f", branche {labels.label(labels.BRANCHES, filters.branch)}" if filters.branch else "") + ".", ""]
    for table in tables:
        lines += [f"## {table.title}", ""]
        if table.note:
            lines += [table.note, ""]
        lines.append("| " + " | ".join(column.label for column in table.columns) + " |")
        lines.append("|" + "|".join("---" for _ in table.columns) + "|")
        for row in table.rows:
            cells = [format_value(row.get(column.key), column.kind, filters.timezone)
                     for column in table.columns]
            lines.append("| " + " | ".join(cell.replace("|", "\\|") for cell in cells) + " |")
        lines.append("")
    return "\n".join(lines)


def tables_json(tables: Dict[str, Table], filters: Filters) -> str:
    return json.dumps({"period": {"from": filters.start.isoformat(), "to": filters.end.isoformat(),
                                  "channel": filters.channel, "branch": filters.branch},
                       "tables": [table.as_dict() for table in tables.values()]},
                      ensure_ascii=False, indent=2)
