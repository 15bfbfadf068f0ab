"""The detector that runs every pattern detector plus the name detector, and masks.

The spaCy model is loaded on first use, never at import time, and shared by every
detector of the process; an already-loaded `Language` can be given instead (a Rasa
component or a test fixture that owns one).
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING

from bot.text import fold_same_length

from ._answers import find_answers
from ._address import find_address, join_address_parts, merge_overlapping, organisation_address
from ._birthdate import find_birthdate, find_dates_by_identity
from ._card import find_card
from ._census import census_first_names, census_surnames, recent_first_names
from ._corrections import find_corrections, find_repetitions
from ._email import find_email
from ._fields import find_fields
from ._foreign import find_foreign_numbers
from ._file_numbers import find_file_numbers, find_unnamed_numbers
from ._iban import find_iban
from ._identity_row import find_values_in_identity_row
from ._login import find_login
from ._lone import find_lone_values, find_thread_answers
from ._named_after import find_named_after
from ._id_document import find_id_document, find_licence_fields, find_machine_readable_zone, find_plates
from ._model import Finding, MaskResult, apply_masks, resolve_overlaps
from ._names import (
    NameLexicon,
    public_by_context,
    filter_person_spans,
    find_capital_surnames_first,
    find_cued_names,
    find_greeted_and_signed_names,
    find_known_first_names,
    find_names_after_birth_dates,
    find_names_again,
    find_names_in_lists,
    find_names_in_other_scripts,
    may_hold_person_span,
)
from ._nir import find_nir
from ._nlp import (
    PersonSpans,
    load_pipeline,
    spacy_common_words,
    spacy_inflected_forms,
    spacy_person_spans,
    spacy_stop_words,
)
from ._phone import find_phone
from ._respelled import respelled_view
from ._rib import find_rib
from ._secret import find_secret, find_tried_passwords
from ._social import find_handles
from ._pieces import find_numbers_in_pieces, find_value_parts
from ._spelled import find_spelled_letters, find_spelled_numbers, spelled_word_before
from ._views import digits_and_words_view, latin_letters_view

if TYPE_CHECKING:
    from spacy.language import Language

DEFAULT_MODEL = "fr_core_news_md"

PatternDetector = Callable[[str, str], Iterable[Finding]]
PATTERN_DETECTORS: tuple[PatternDetector, ...] = (
    find_iban,
    find_rib,
    find_nir,
    find_card,
    find_id_document,
    find_plates,
    find_machine_readable_zone,
    find_licence_fields,
    find_secret,
    find_email,
    find_file_numbers,
    find_phone,
    find_birthdate,
    find_address,
    find_spelled_numbers,
    find_numbers_in_pieces,
    find_value_parts,
    find_named_after,
    find_fields,
    find_foreign_numbers,
    find_answers,
)


def _spelled_values(text: str, folded: str, candidates: list[Finding]) -> Iterator[Finding]:
    """Values spelled letter by letter. One that spells the word right before it is as personal as
    that word: masked with it when the word is a name nobody else read ("Girardot, G, I, R..."),
    readable when it is public ("la rue Paul Bert, ça s'écrit B, E, R, T")."""
    for spelled in find_spelled_letters(text, folded):
        word = spelled_word_before(folded, spelled)
        if word is None or any(c.start < word[1] and word[0] < c.end for c in candidates):
            yield spelled
        elif not public_by_context(folded, word[0]):
            yield spelled
            yield Finding("NAME", *word)


def _read(text: str, folded: str, lexicon: NameLexicon) -> list[Finding]:
    """What the pattern readers, the login and account readers and the cued-name reader find in
    one reading."""
    return [*(finding for detector in PATTERN_DETECTORS for finding in detector(text, folded)),
            *find_login(text, folded, lexicon), *find_handles(text, folded, lexicon),
            *find_cued_names(text, folded, lexicon)]


def _uncovered(values: Iterable[Finding], found: list[Finding]) -> list[Finding]:
    """The last-resort readers' values where no reader that knows the kind found anything."""
    return [value for value in values if not any(f.start < value.end and value.start < f.end for f in found)]


class Detector:
    """Finds and masks personal data in one chat message.

    `nlp`: an already-loaded spaCy pipeline with a NER component (optional).
    `use_ner`: set False to skip the statistical name detector (cue-based names stay),
    e.g. where latency matters more than recall on names.
    `gate_ner`: run the NER only on messages where one of its spans could survive the
    name filter (see `may_hold_person_span`): same findings, a fraction of the cost.
    False runs it on every message; the benchmark uses it to measure what gating saves.
    """

    def __init__(
        self,
        nlp: Language | None = None,
        *,
        use_ner: bool = True,
        model: str = DEFAULT_MODEL,
        gate_ner: bool = True,
    ):
        self._nlp = nlp
        self._use_ner = use_ner
        self._gate_ner = gate_ner
        self._model = model
        self._lock = threading.Lock()
        self._lexicon: NameLexicon | None = None
        self._person_spans: PersonSpans | None = None

    def _load(self) -> NameLexicon:
        """Build the name resources once, loading the spaCy model if needed."""
        if self._lexicon is not None:  # set last under the lock: everything else is ready
            return self._lexicon
        with self._lock:
            if self._lexicon is None:
                if self._use_ner and self._nlp is None:
                    self._nlp = load_pipeline(self._model)
                if self._use_ner and self._nlp is not None:
                    self._person_spans = spacy_person_spans(self._nlp)
                census_first_names(), census_surnames(), recent_first_names()  # read once here, not on a person's message
                self._lexicon = NameLexicon(spacy_common_words(self._nlp), spacy_stop_words(),
                                            spacy_inflected_forms(self._nlp))
            return self._lexicon

    def detect(self, text: str) -> list[Finding]:
        """Non-overlapping findings sorted by position, spans on the original text."""
        if not text or not text.strip():
            return []
        text = latin_letters_view(text)  # same length: the spans hold on the message
        folded = fold_same_length(text)
        readings = [(text, folded)]
        view = digits_and_words_view(text)
        if view != text:  # a scanned number, a file name: read again, same offsets
            readings.append((view, fold_same_length(view)))
        lexicon = self._load()
        candidates = [finding for reading in readings for finding in _read(*reading, lexicon)]
        # Labels spelt as they sound ("ma dat de nessance ..."): the readers read them spelt right.
        respelled = respelled_view(*readings[-1], lexicon.dictionary_word)
        if respelled is not None:
            copy = _read(respelled.text, fold_same_length(respelled.text), lexicon)
            candidates.extend(respelled.on_message(finding) for finding in copy)
        # Names too are read on the copy where "_" or "+" join words: a file name or a web address
        # ("scan_CNI_LEROUX_Sandrine.pdf", "?salarie=Pascal+Henry").
        joined = len(readings) > 1 and any(c in "_+" and v == " " for c, v in zip(text, readings[1][0]))
        name_readings = readings if joined else readings[:1]
        candidates.extend(find_greeted_and_signed_names(text, folded))
        candidates.extend(find_capital_surnames_first(text, folded, lexicon))
        for reading in name_readings:
            candidates.extend(find_known_first_names(*reading, lexicon))
            person_spans = self._person_spans_for(*reading, lexicon)
            if person_spans is not None:
                candidates.extend(filter_person_spans(*reading, person_spans(reading[0]), lexicon))
        candidates.extend(_spelled_values(text, folded, candidates))
        # An organisation's address is no one's; parts of one address make one address.
        candidates = merge_overlapping(
            [c for c in candidates if c.type != "ADDRESS" or not organisation_address(text, folded, c)])
        found = resolve_overlaps(candidates)
        # A short message that is only a value answers a question asked before: read it as such.
        lone = _uncovered([*find_lone_values(text, folded, lexicon), *find_thread_answers(text, folded, lexicon)], found)
        if lone:
            found = resolve_overlaps(found + lone)
        # A value corrected or typed again has no cue of its own: it takes its first finding's kind.
        retyped = [*find_corrections(text, folded, found), *find_repetitions(text, found)]
        if retyped:
            found = resolve_overlaps(found + retyped)
        # A date typed right after a person's name is their birth date, the same name written again
        # or in another script, the names listed with it and a name typed after a birth date are
        # names: names and dates are known only now.
        names = [f for f in found if f.type == "NAME"]
        listed = list(find_names_in_lists(text, folded, names, lexicon))
        names += listed
        after_names = [*listed, *find_names_again(text, folded, names, lexicon),
                       *find_dates_by_identity(folded, names, found),
                       *find_names_after_birth_dates(text, folded, found, lexicon),
                       *find_names_in_other_scripts(folded, names)]
        if after_names:
            found = resolve_overlaps(found + after_names)
        # A long number no reader typed is still some reference of the person's, a word with digits
        # typed to log in a password.
        unnamed = _uncovered((value for reading in readings
                              for value in (*find_unnamed_numbers(*reading), *find_tried_passwords(*reading))), found)
        if unnamed:
            found = resolve_overlaps(found + unnamed)
        # Identifiers typed in a row: what is left in it is the person's too.
        in_row = _uncovered(find_values_in_identity_row(folded, found, lexicon), found)
        if in_row:
            found = resolve_overlaps(found + in_row)
        return join_address_parts(text, found)

    def runs_ner(self, text: str) -> bool:
        """Would `detect` run the spaCy NER on this text? (The benchmark reports the share.)"""
        if not text.strip():
            return False
        return self._person_spans_for(text, fold_same_length(text), self._load()) is not None

    def _person_spans_for(
        self, text: str, folded: str, lexicon: NameLexicon
    ) -> PersonSpans | None:
        """The NER to run on this text, or None where it is off or could add no name."""
        if self._gate_ner and not may_hold_person_span(text, folded, lexicon):
            return None
        return self._person_spans

    def mask(self, text: str) -> MaskResult:
        """The text with each finding replaced by its mask token."""
        findings = self.detect(text)
        return MaskResult(apply_masks(text, findings), findings)


_default: Detector | None = None
_default_lock = threading.Lock()


def default_detector() -> Detector:
    """The shared detector behind the module-level functions, created on first use."""
    global _default
    with _default_lock:
        if _default is None:
            _default = Detector()
        return _default


def detect(text: str) -> list[Finding]:
    """Find personal data in `text` with the default detector."""
    return default_detector().detect(text)


def mask(text: str) -> MaskResult:
    """Mask personal data in `text` with the default detector."""
    return default_detector().mask(text)
