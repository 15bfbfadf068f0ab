"""CSV exports open in a spreadsheet: a typed text must never run there as a formula."""
import csv
import io

import pytest

from bot.indicators.queries import Column, Table
from bot.indicators.report import table_csv, tables_csv

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
