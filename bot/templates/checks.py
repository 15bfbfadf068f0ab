"""Checks of the answer templates, shared by the back-office editor and
`python -m bot templates check`: the same rules whoever writes the template.

Errors block (the editor refuses to save, the command exits with 1); warnings are shown and
left to the writer's judgment. Every message says, in French, what to fix.

Example similarity: examples are reduced to their key (`bot.text.example_key`: accent-folded,
lower-cased words of letters and digits), then compared with a TF-IDF cosine over character 3-5-grams inside words (scikit-learn,
`char_wb`), which tolerates the typos people write. The same key in two templates is
an error (the model cannot learn two answers for one question); a cosine of
`CLOSE_EXAMPLE_THRESHOLD` (0.90) or more is a warning naming the pair. On the 1,385 shipped
examples the median closest pair across templates is 0.46 and the 99th percentile 0.88; the pairs
above 0.90 are the same question asked to two branches ("comment declarer ma grossesse" vs
"... a la caf"), which a writer should look at but may keep.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Dict, Iterable, List, Optional, Sequence
from urllib.parse import urlparse

from bot.config import CaisseConfig
from bot.templates._model import AnswerTemplate
from bot.templates._render import PLACEHOLDERS, placeholders_in, render
from bot.text import example_key

ERROR, WARNING = "erreur", "avertissement"
MIN_EXAMPLES = 8
# Up to 50: beside ~30 questions as people type them, questions that tell a template from the
# neighbour the model confuses it with (README, « Exemples qui départagent ») raised the right
# first choice on both dev parts of the real-question set.
MAX_EXAMPLES = 50
MAX_ANSWER_CHARACTERS = 600
STALE_AFTER = timedelta(days=365)
CLOSE_EXAMPLE_THRESHOLD = 0.90
# Also catches the usual typos ("https//", "http:/") so they are reported, not ignored.
_URL = re.compile(r"(?:\bhttps?:?/{1,3}|\bwww\.)[^\s<>\"]*", re.IGNORECASE)
_ID = re.compile(r"^[a-z0-9_]+$")
# An amount or a rate: a figure followed by €, euros or %.
_FIGURE = re.compile(r"\d[\d\s.,]*\s?(?:€|euros?\b|%)", re.IGNORECASE)
_YEAR = re.compile(r"\b20\d\d\b")
# Pages that hold no claim: a site's home page, or the personal account's entry page.
_ACCOUNT_PAGES = ("/allocataires/mon-compte", "/portail-info/home/actif/mon-espace.html")
_ACCOUNT_HOSTS = ("assure.ameli.fr",)
# The last part of a home page's address, at any depth ("/lfp/accueil" is the MSA's home page);
# an index file only near the root ("/fr/index.html"): deeper, it is a page of its own (the
# Urssaf's ".../3en1/index.html").
_HOME_PAGE_NAMES = ("accueil", "home")
_INDEX_FILES = ("index.html", "index.php")
# Sites of the bodies whose pages may found an answer (any sub-domain: "corse.msa.fr", the Carsat's
# "carsat-sudest.fr", the local MSA's "msa79-86.fr"). A caisse's partners' blog, an agency's CMS or
# a copy on another site holds the body's words at best second-hand: a warning asks for the page on
# the body's own site.
_OFFICIAL_HOST = re.compile(
    r"(?:^|\.)(?:gouv\.fr|service-public\.fr|ameli\.fr|caf\.fr|urssaf\.fr|msa\.fr|lassuranceretraite(?:-idf)?\.fr"
    r"|info-retraite\.fr|agirc-arrco\.fr|cnav\.fr|carsat-[a-z]+\.fr|msa[0-9]+(?:-[0-9]+)*\.fr|cleiss\.fr"
    r"|securite-sociale\.fr|francetravail\.fr|monenfant\.fr|net-entreprises\.fr)$")


@dataclass(frozen=True)
class Issue:
    level: str
    template_id: str
    field: str
    message: str

    @property
    def is_error(self) -> bool:
        return self.level == ERROR

    def as_dict(self) -> Dict[str, str]:
        return {"level": self.level, "template_id": self.template_id, "field": self.field, "message": self.message}

    def __str__(self) -> str:
        return f"{self.level.upper()} {self.template_id} [{self.field}] {self.message}"


def _link_problem(url: str) -> Optional[str]:
    stripped = url.rstrip(".,;:!?)»")
    if stripped.lower().startswith("www."):
        return f"« {stripped} » : écrivez l'adresse complète, avec https://"
    if stripped.lower().startswith("http://"):
        return f"« {stripped} » : utilisez l'adresse sécurisée, en https://"
    if not stripped.lower().startswith("https://"):
        return f"« {stripped} » : une adresse commence par https:// (deux-points puis deux barres)"
    parsed = urlparse(stripped)
    host = parsed.hostname or ""
    if "." not in host or host.startswith(".") or host.endswith(".") or ".." in host:
        return f"« {stripped} » : le nom du site est incomplet"
    return None


def _links_in(text: str) -> List[str]:
    """URLs written in a text, placeholders filled with a neutral value so that
    `{{compte_url}}` is not mistaken for a broken link."""
    return _URL.findall(re.sub(r"\{\{\s*[a-z_]+\s*\}\}", "X", text))


def _is_home_or_account_page(url: str) -> bool:
    parsed = urlparse(url)
    path = parsed.path.rstrip("/")
    parts = [part.lower() for part in path.split("/") if part]
    last = parts[-1] if parts else ""
    root = not parts and not parsed.query  # "https://tesa.msa.fr/?p=272" is one page of the site
    return (root or parts == ["fr"] or last in _HOME_PAGE_NAMES or (last in _INDEX_FILES and len(parts) <= 2)
            or (parsed.hostname or "") in _ACCOUNT_HOSTS or path in _ACCOUNT_PAGES)


def check_fields(template: AnswerTemplate, config: CaisseConfig, today: Optional[date] = None) -> List[Issue]:
    """Rules on one template alone."""
    today = today or date.today()
    tid = template.id
    issues: List[Issue] = []

    def add(level: str, field: str, message: str) -> None:
        issues.append(Issue(level, tid, field, message))

    if not _ID.match(tid):
        add(ERROR, "id", "L'identifiant ne peut contenir que des minuscules sans accent, des chiffres et _.")
    elif template.branch and template.theme and not tid.startswith(f"{template.branch}_{template.theme}_"):
        add(ERROR, "id", f"L'identifiant doit commencer par « {template.branch}_{template.theme}_ » "
                         "(branche, thème, puis le sujet).")
    if not template.title.strip():
        add(ERROR, "title", "Donnez un titre au modèle (il s'affiche dans les menus et la console).")
    examples = [e for e in template.examples if e.strip()]
    if len(examples) < MIN_EXAMPLES:
        add(ERROR, "examples", f"{len(examples)} exemple(s) : il en faut au moins {MIN_EXAMPLES}, écrits comme "
                               f"les gens écrivent (il en manque {MIN_EXAMPLES - len(examples)}).")
    elif len(examples) > MAX_EXAMPLES:
        add(WARNING, "examples", f"{len(examples)} exemples : au-delà de {MAX_EXAMPLES}, gardez les plus variés.")
    seen: Dict[str, str] = {}
    for example in examples:
        key = example_key(example)
        if key in seen:
            add(ERROR, "examples", f"« {example} » répète « {seen[key]} » : supprimez l'un des deux.")
        seen.setdefault(key, example)
    answer = template.answer.strip()
    if not answer:
        add(ERROR, "answer", "La réponse est vide.")
    elif len(answer) > MAX_ANSWER_CHARACTERS:
        add(ERROR, "answer", f"Réponse de {len(answer)} caractères : {MAX_ANSWER_CHARACTERS} au plus. Raccourcissez "
                             "et renvoyez au lien officiel pour le détail.")
    unknown = sorted(placeholders_in(answer) - set(PLACEHOLDERS))
    if unknown:
        known = ", ".join("{{" + name + "}}" for name in PLACEHOLDERS)
        add(ERROR, "answer", f"Champ inconnu {', '.join('{{' + n + '}}' for n in unknown)} : champs possibles : {known}.")
    else:
        try:
            render(answer, config.contacts_for(template.branch or config.branch))
        except KeyError:
            add(ERROR, "answer", "Accolade isolée : les champs s'écrivent {{nom_du_champ}}, rien d'autre entre accolades.")
    for url in _links_in(answer):
        problem = _link_problem(url)
        if problem:
            add(ERROR, "answer", f"Lien mal formé {problem}.")
    source_links = _links_in(template.source)
    if not source_links or source_links[0].rstrip(".,;") != template.source.strip():
        add(ERROR, "source", "La source doit être l'adresse (https://…) de la page officielle qui fonde la réponse.")
    elif _link_problem(source_links[0]):
        add(ERROR, "source", f"Lien mal formé {_link_problem(source_links[0])}.")
    elif _is_home_or_account_page(template.source.strip()):
        add(WARNING, "source", "La source est une page d'accueil ou de compte : citez la page officielle "
                               "qui contient l'information donnée dans la réponse.")
    elif not _OFFICIAL_HOST.search(urlparse(template.source.strip()).hostname or ""):
        add(WARNING, "source", "La source n'est pas sur le site d'un organisme officiel (service-public.fr, caf.fr, "
                               "ameli.fr, urssaf.fr, msa.fr, l'Assurance retraite, un site en gouv.fr…) : citez "
                               "la page de l'organisme lui-même.")
    if _FIGURE.search(answer) and not _YEAR.search(answer):
        add(WARNING, "answer", "Montant ou taux sans date : écrivez la date de validité (« en 2026 : … », "
                               "« au 1er avril 2026 ») ou renvoyez au simulateur officiel.")
    if not template.checked_by.strip():
        add(WARNING, "checked_by", "Indiquez qui a vérifié la réponse sur sa source (champ « Vérifiée par »).")
    if template.reviewed > today:
        add(ERROR, "reviewed", "La date de vérification est dans le futur.")
    elif today - template.reviewed > STALE_AFTER:
        add(WARNING, "reviewed", f"Vérifiée le {template.reviewed:%d/%m/%Y}, il y a plus de 12 mois : relisez la "
                                 "réponse avec la source, puis mettez la date à jour.")
    return issues


def check_personal_data(template: AnswerTemplate) -> List[Issue]:
    """Examples are training data kept in git and the database: no one's real data in them."""
    from bot.personal_data import MASKS, detect

    issues = []
    for example in template.examples:
        findings = detect(example)
        if findings:
            kinds = ", ".join(sorted({MASKS[f.type].strip("[]").lower() for f in findings}))
            issues.append(Issue(ERROR, template.id, "examples",
                                f"« {example} » contient une donnée personnelle ({kinds}) : remplacez-la par une "
                                "formulation générale (« mon numéro », « ma date de naissance »)."))
    return issues


def check_similar_examples(templates: Sequence[AnswerTemplate], only: Optional[Iterable[str]] = None) -> List[Issue]:
    """Examples shared by two templates (error) or too close (warning), each pair named once.
    `only`: report pairs involving these template ids (the one being edited)."""
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.metrics.pairwise import cosine_similarity

    rows = [(t.id, e, example_key(e)) for t in templates for e in t.examples if example_key(e)]
    if not rows:
        return []
    focus = set(only) if only is not None else None
    matrix = TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5)).fit_transform([n for _, _, n in rows])
    targets = [i for i, (tid, _, _) in enumerate(rows) if focus is None or tid in focus]
    if not targets:
        return []
    similarity = cosine_similarity(matrix[targets], matrix)
    issues: List[Issue] = []
    reported = set()
    for row_index, i in enumerate(targets):
        tid, example, key = rows[i]
        for j in similarity[row_index].argsort()[::-1]:
            other_id, other_example, other_key = rows[j]
            score = similarity[row_index, j]
            if score < CLOSE_EXAMPLE_THRESHOLD:
                break
            if other_id == tid or (j, i) in reported:
                continue
            reported.add((i, j))
            if key == other_key:
                issues.append(Issue(ERROR, tid, "examples",
                                    f"« {example} » est déjà un exemple du modèle « {other_id} » : une même question "
                                    "ne peut mener qu'à une réponse. Retirez-le ou modifiez l'autre modèle."))
            else:
                issues.append(Issue(WARNING, tid, "examples",
                                    f"« {example} » est très proche de « {other_example} » (modèle « {other_id} », "
                                    f"similarité {score:.2f}) : précisez ce qui les distingue."))
    return issues


def check_template(template: AnswerTemplate, others: Sequence[AnswerTemplate], config: CaisseConfig,
                   today: Optional[date] = None, is_new: bool = False) -> List[Issue]:
    """Everything the editor checks before saving one template, against all the others."""
    issues = check_fields(template, config, today)
    if is_new and any(t.id == template.id for t in others):
        issues.append(Issue(ERROR, template.id, "id", f"L'identifiant « {template.id} » existe déjà : choisissez-en un autre."))
    rest = [t for t in others if t.id != template.id]
    issues += check_similar_examples([template, *rest], only=[template.id])
    issues += check_personal_data(template)
    return issues


def check_all(templates: Sequence[AnswerTemplate], config: CaisseConfig, today: Optional[date] = None) -> List[Issue]:
    """The whole set (the command): every single-template rule, duplicate ids, similar pairs."""
    issues: List[Issue] = []
    seen = set()
    for template in templates:
        if template.id in seen:
            issues.append(Issue(ERROR, template.id, "id", f"L'identifiant « {template.id} » est utilisé deux fois."))
        seen.add(template.id)
        issues += check_fields(template, config, today)
        issues += check_personal_data(template)
    issues += check_similar_examples(templates)
    return issues
