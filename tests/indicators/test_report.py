"""CSV exports open in a spreadsheet: a typed text must never run there as a formula; units are
named in the header; the Markdown report names its filters in French."""
import csv
import io
from datetime import date

import pytest

from bot.indicators.queries import Column, Filters, Table
from bot.indicators.report import format_value, table_csv, tables_csv, tables_markdown

TYPED = ["=HYPERLINK(\"http://example.invalid\",\"clic\")", "+33 rappelez", "-2+3", "@SUM(A1)",
         "\tonglet", "\rretour"]


def _table(texts):
    return Table("questions_sans_reponse", "Questions sans réponse",
                 [Column("question", "Question", "text"), Column("messages", "Messages")],
                 [{"question": text, "messages": -1} for text in texts])


def _cells(document):
    return list(csv.reader(io.StringIO(document.lstrip("\ufeff"), newline=""), delimiter=";"))


@pytest.mark.parametrize("export", [lambda t: table_csv(t), lambda t: tables_csv([t])])
def test_typed_text_starting_like_a_formula_is_quoted(export):
    rows = [row for row in _cells(export(_table(TYPED))) if len(row) == 2][1:]
    assert [row[0] for row in rows] == ["'" + text for text in TYPED]
    assert all(row[1] == "-1" for row in rows), "numbers stay numbers"


def test_ordinary_text_is_left_as_it_is():
    rows = _cells(table_csv(_table(["Où en est mon dossier ?", "a=b", "RSA - montant"])))
    assert [row[0] for row in rows[1:]] == ["Où en est mon dossier ?", "a=b", "RSA - montant"]


@pytest.mark.parametrize("seconds, shown", [(0.4, "0,4 s"), (59.95, "60,0 s"), (95, "1 min 35 s"),
                                            (3601, "1 h 00")])
def test_short_delays_read_to_the_tenth_of_a_second(seconds, shown):
    assert format_value(seconds, "seconds") == shown
    table = Table("t", "T", [Column("delay", "Délai de masquage", "seconds")], [{"delay": seconds}])
    header, row = _cells(table_csv(table))
    assert header == ["Délai de masquage, en secondes"]
    assert row == [f"{seconds:.1f}".replace(".", ",")]


def test_markdown_report_names_the_channel_filtered_in_french():
    filters = Filters(date(2026, 10, 1), date(2026, 10, 7), channel="instagram_comment", branch="cpam")
    assert "canal Commentaires Instagram, branche Assurance maladie." in tables_markdown([], filters, "Caisse")
