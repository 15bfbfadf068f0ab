"""The answer-template editor of the back office (/modeles): list, edit, propose, review,
publish or schedule, go back to an older version, retrain, and candidates from conversations.

Editors propose; validators (the community manager) review the difference and publish. Every
form is checked with the same rules as `python -m bot templates check`; a refused form comes back
with everything that was typed and the messages next to it. Pages work without JavaScript; the
script only adds the live preview and the training progress.
"""
from __future__ import annotations

import difflib
import threading
from functools import lru_cache
from urllib.parse import quote
from datetime import date, datetime, timedelta
from typing import Any, Dict, List, Optional, Tuple
from zoneinfo import ZoneInfo

from sanic import Blueprint, response
from sanic.request import Request

from bot.backoffice import Account
from bot.config import BRANCHES, CaisseConfig
from bot.indicators import labels
from bot.indicators.clusters import Group
from bot.indicators.queries import Filters, unanswered_groups
from bot.indicators.tracker import refresh_from_environment
from bot.storage import feedback_counts, get_engine
from bot.storage.rasa_events import tracker_engine
from bot.templates import AnswerTemplate, load_templates
from bot.templates.checks import STALE_AFTER, Issue, check_template
from bot.templates.responses import FEEDBACK_CHOICES, template_text
from bot.templates.learning import TemplateIndex, agent_replies, template_usage
from bot.templates.retrain import RetrainRefused, model_trained_at
from bot.templates.versions import (
    EDITABLE_FIELDS, PROPOSED, WorkflowError, aware, current_templates, effective_versions, example_changes_since,
    decisions_for, get_version, history, pending, propose, publish, reject, republish,
)
from bot.web.offload import off_loop
from bot.web.security import requires_role

EDIT_ROLES = ("editor", "validator")
CANDIDATE_GROUPS = 50  # the candidates page lists the biggest groups only
FIELD_LABELS = {
    "id": "Identifiant", "theme": "Branche et thème", "title": "Titre", "examples": "Exemples de questions",
    "answer": "Réponse", "source": "Source", "modelled_on": "Script de référence", "reviewed": "Vérifiée le",
    "checked_by": "Vérifiée par", "owner": "Propriétaire", "needs_agent": "Passage à un conseiller", "note": "Ce qui change",
}


def _lines(text: str) -> List[str]:
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


def form_values(request: Request, base: Optional[AnswerTemplate]) -> Dict[str, str]:
    """What was typed, as typed: given back untouched when the form is refused."""
    form = request.form
    values = {name: (form.get(name) or "") for name in
              ("id", "theme", "title", "examples", "answer", "source", "modelled_on", "reviewed", "checked_by",
               "owner", "note")}
    values["needs_agent"] = "on" if form.get("needs_agent") else ""
    if base is not None:  # a template keeps its id and place
        values["id"], values["theme"] = base.id, f"{base.branch}/{base.theme}"
    return values


def values_of(template: AnswerTemplate, extra_examples: List[str] = ()) -> Dict[str, str]:
    examples = list(template.examples) + [e for e in extra_examples if e not in template.examples]
    return {
        "id": template.id, "theme": f"{template.branch}/{template.theme}", "title": template.title,
        "examples": "\n".join(examples), "answer": template.answer, "source": template.source,
        "modelled_on": template.modelled_on, "reviewed": template.reviewed.isoformat(),
        "checked_by": template.checked_by, "owner": template.owner,
        "needs_agent": "on" if template.needs_agent else "", "note": "",
    }


def template_from_values(values: Dict[str, str], themes: Dict[str, str],
                         base: Optional[AnswerTemplate] = None) -> Tuple[AnswerTemplate, List[Issue]]:
    """The template the form describes (over `base`, so that fields the form does not show are
    kept), and the problems a form can have that the template checks cannot see (unknown theme,
    date not a date)."""
    tid = values["id"].strip()
    issues = []
    branch, _, theme = values["theme"].partition("/")
    if values["theme"] not in themes:
        issues.append(Issue("erreur", tid, "theme", "Choisissez la branche et le thème dans la liste."))
    try:
        reviewed = date.fromisoformat(values["reviewed"].strip())
    except ValueError:
        issues.append(Issue("erreur", tid, "reviewed", "Indiquez la date de vérification (AAAA-MM-JJ)."))
        reviewed = date.today()
    fields = base.dict() if base else {}
    fields.update(
        id=tid, title=values["title"].strip(), examples=_lines(values["examples"]), answer=values["answer"].strip(),
        source=values["source"].strip(), modelled_on=values["modelled_on"].strip(), reviewed=reviewed,
        checked_by=values["checked_by"].strip(), owner=values["owner"].strip(), needs_agent=values["needs_agent"] == "on", branch=branch, theme=theme,
        theme_title=themes.get(values["theme"], ""),
    )
    # Unvalidated on purpose: a malformed id must reach the checks, which say how to fix it.
    return AnswerTemplate.construct(**fields), issues


def preview(template: AnswerTemplate, config: CaisseConfig) -> Dict[str, Any]:
    """The answer as the person will see it: one bubble per paragraph, then the vote buttons."""
    if template.branch not in BRANCHES:  # theme not chosen yet: the caisse's own branch
        template = template.copy(update={"branch": config.branch})
    try:
        messages = template_text(template, config).split("\n\n")
    except KeyError:  # unknown placeholder or stray brace: the checks say which
        messages = []
    return {"messages": messages, "buttons": [title for _, title in FEEDBACK_CHOICES]}


def word_diff(before: str, after: str) -> List[Tuple[str, str]]:
    """(kind, text) segments, kind in equal/delete/insert, word by word."""
    old, new = before.split(" "), after.split(" ")
    segments = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(a=old, b=new, autojunk=False).get_opcodes():
        if op in ("delete", "replace"):
            segments.append(("delete", " ".join(old[i1:i2])))
        if op in ("insert", "replace"):
            segments.append(("insert", " ".join(new[j1:j2])))
        if op == "equal":
            segments.append(("equal", " ".join(old[i1:i2])))
    return segments


def template_diff(before: Optional[AnswerTemplate], after: AnswerTemplate) -> List[Dict[str, Any]]:
    """Field by field, what the proposal changes compared with what the assistant says now."""
    rows = []
    for name in EDITABLE_FIELDS:
        new = getattr(after, name)
        old = getattr(before, name) if before else None
        if name == "examples":
            old_list = list(old or [])
            rows.append({"field": FIELD_LABELS[name], "kind": "list", "changed": old_list != list(new),
                         "added": [e for e in new if e not in old_list],
                         "removed": [e for e in old_list if e not in new],
                         "kept": [e for e in new if e in old_list]})
        else:
            old_text, new_text = ("" if old is None else str(old)), str(new)
            rows.append({"field": FIELD_LABELS[name], "kind": "text", "changed": old_text != new_text,
                         "segments": word_diff(old_text, new_text) if old_text != new_text else [("equal", new_text)]})
    return rows


bp = Blueprint("editor", url_prefix="/modeles")


@lru_cache(maxsize=1)
def seed_ids() -> frozenset:
    """Ids of the templates in the files (a template only published has no file version to go back to)."""
    return frozenset(t.id for t in load_templates())


def _warm_up_detector() -> None:
    from bot.personal_data._detector import default_detector

    default_detector().detect("Bonjour")


@bp.listener("after_server_start")
async def warm_up(_app, _loop) -> None:
    """The detector's name model is loaded once at start, in a thread, not on the first save."""
    threading.Thread(target=_warm_up_detector, daemon=True, name="detector-warm-up").start()


def _zone(config: CaisseConfig) -> ZoneInfo:
    return ZoneInfo(config.opening_hours.timezone)


def render(request: Request, name: str, account: Account, status: int = 200, **context) -> response.HTTPResponse:
    ctx = request.app.ctx
    zone = _zone(ctx.config)

    def when(moment: Optional[datetime]) -> str:
        return aware(moment).astimezone(zone).strftime("%d/%m/%Y %H:%M") if moment else ""

    return ctx.pages.render(f"backoffice/{name}", status=status, account=account, when=when,
                            labels=FIELD_LABELS, **context)


def themes() -> Dict[str, str]:
    return {f"{t.branch}/{t.theme}": f"{t.branch.upper()} — {t.theme_title}"
            for t in sorted(current_templates(), key=lambda t: (BRANCHES.index(t.branch), t.theme_title))}


def template_map() -> Dict[str, AnswerTemplate]:
    return {t.id: t for t in current_templates()}


def unanswered(config: CaisseConfig) -> List[Group]:
    """The dashboard's groups of unanswered questions, over every day the conversations are kept."""
    refresh_from_environment(get_engine(), config.opening_hours.timezone)
    today = datetime.now(_zone(config)).date()
    kept = Filters(today - timedelta(days=config.retention.transcripts_days), today,
                   timezone=config.opening_hours.timezone)
    with get_engine().connect() as connection:
        return unanswered_groups(connection, kept)[:CANDIDATE_GROUPS]


# ---- list --------------------------------------------------------------------------------


def list_view(request: Request, account: Account, loaded: Optional[str]) -> response.HTTPResponse:
    """The list page, built in the back office's pool: it counts every template given in Rasa's
    events and renders every template."""
    args = request.args
    query, branch, theme, owner = (args.get(k, "").strip() for k in ("q", "branche", "theme", "proprietaire"))
    stale_only, sort = args.get("a_revoir") == "1", args.get("tri") or "pertinence"
    usage = template_usage(tracker_engine())
    votes = feedback_counts()
    today = date.today()
    waiting = pending()
    waiting_ids = {v.template_id for v in waiting if v.status == PROPOSED}
    rows = []
    everything = current_templates()
    found = TemplateIndex.of(everything).search(query) if query else everything
    for t in found:
        if (branch and t.branch != branch) or (theme and t.theme != theme) or (owner and t.owner != owner):
            continue
        stale = today - t.reviewed > STALE_AFTER
        if stale_only and not stale:
            continue
        rows.append({"t": t, "stale": stale, "usage": usage.get(t.id, 0), "up": votes.get((t.id, True), 0),
                     "down": votes.get((t.id, False), 0), "waiting": t.id in waiting_ids})
    order = {"usage": lambda r: -r["usage"], "revue": lambda r: r["t"].reviewed,
             "branche": lambda r: (r["t"].branch, r["t"].theme, r["t"].title.lower())}
    if sort != "pertinence" or not query:  # a search lists the closest first, unless asked otherwise
        rows.sort(key=order.get(sort, lambda r: r["t"].title.lower()))
    changes = example_changes_since(model_trained_at(loaded)) if loaded else []
    return render(request, "templates_list.html", account, rows=rows, waiting=waiting, changes=changes,
                  decisions=decisions_for(account.username),
                  filters={"q": query, "branche": branch, "theme": theme, "proprietaire": owner,
                           "a_revoir": stale_only, "tri": sort},
                  rasa_silent=loaded is None,
                  branches=BRANCHES, themes=sorted({t.theme for t in everything}),
                  owners=sorted({t.owner for t in everything}), notice=args.get("ok", ""))


@bp.get("/")
@requires_role(*EDIT_ROLES)
async def list_page(request: Request, account: Account):
    loaded = await request.app.ctx.retrainer.loaded_model()
    return await off_loop(request, list_view, request, account, loaded)


# ---- one template ------------------------------------------------------------------------


def detail_view(request: Request, account: Account, template_id: str) -> response.HTTPResponse:
    template = template_map().get(template_id)
    versions = history(template_id)
    if template is None and not versions:
        return response.text("Modèle inconnu.", status=404)
    effective = effective_versions().get(template_id)
    return render(request, "template_detail.html", account, template=template, versions=versions,
                  effective=effective, in_files=template_id in seed_ids(),
                  preview=preview(template, request.app.ctx.config) if template else None,
                  notice=request.args.get("ok", ""))


@bp.get("/modele/<template_id>")
@requires_role(*EDIT_ROLES)
async def detail_page(request: Request, account: Account, template_id: str):
    return await off_loop(request, detail_view, request, account, template_id)


def edit_form(request: Request, account: Account, values: Dict[str, str], is_new: bool, issues: List[Issue] = (),
              status: int = 200, base_version_id: str = "") -> response.HTTPResponse:
    by_field: Dict[str, List[Issue]] = {}
    for issue in issues:
        by_field.setdefault(issue.field, []).append(issue)
    candidate, _ = template_from_values(values, themes(), template_map().get(values["id"]))
    return render(request, "template_edit.html", account, status=status, values=values, is_new=is_new,
                  issues=issues, by_field=by_field, themes=themes(), base_version_id=base_version_id,
                  preview=preview(candidate, request.app.ctx.config))


def submit(request: Request, account: Account, base: Optional[AnswerTemplate]) -> response.HTTPResponse:
    """Checks the form (the personal-data detector reads every field) and records the proposal."""
    config = request.app.ctx.config
    values = form_values(request, base)
    candidate, issues = template_from_values(values, themes(), base)
    issues += check_template(candidate, current_templates(), config, is_new=base is None)
    errors = [i for i in issues if i.is_error]
    base_version_id = request.form.get("base_version_id") or ""
    if errors or request.form.get("action") == "verifier":
        return edit_form(request, account, values, base is None, issues, status=422 if errors else 200,
                         base_version_id=base_version_id)
    template = AnswerTemplate.parse_obj(candidate.dict())
    version = propose(template, account.username, values["note"],
                      base_version_id=int(base_version_id) if base_version_id.isdigit() else None)
    if account.has_role("validator") and request.form.get("action") == "publier":
        publish(version.id, account.username, comment=values["note"])
        return response.redirect(f"/modeles/modele/{template.id}?ok=publiee")
    return response.redirect(f"/modeles/modele/{template.id}?ok=proposee")


def edit_view(request: Request, account: Account, template_id: str) -> response.HTTPResponse:
    template = template_map().get(template_id)
    since = request.args.get("depuis", "")
    base_version_id = ""
    if since.isdigit():
        version = get_version(int(since))
        if version and version.template_id == template_id:
            template, base_version_id = version.template(), since
    if template is None:
        return response.text("Modèle inconnu.", status=404)
    return edit_form(request, account, values_of(template, request.args.getlist("exemple") or []), False,
                     base_version_id=base_version_id)


@bp.get("/modele/<template_id>/modifier")
@requires_role(*EDIT_ROLES)
async def edit_page(request: Request, account: Account, template_id: str):
    return await off_loop(request, edit_view, request, account, template_id)


def edit_submission(request: Request, account: Account, template_id: str) -> response.HTTPResponse:
    # A new template not published yet is edited from its latest proposal.
    versions = history(template_id)
    base = template_map().get(template_id) or (versions[0].template() if versions else None)
    if base is None:
        return response.text("Modèle inconnu.", status=404)
    return submit(request, account, base)


@bp.post("/modele/<template_id>/modifier")
@requires_role(*EDIT_ROLES)
async def edit_submit(request: Request, account: Account, template_id: str):
    return await off_loop(request, edit_submission, request, account, template_id)


def new_view(request: Request, account: Account) -> response.HTTPResponse:
    values = {name: "" for name in FIELD_LABELS}
    values.update(examples="\n".join(request.args.getlist("exemple") or []), reviewed=date.today().isoformat(),
                  owner="Service communication", source="https://")
    return edit_form(request, account, values, True)


@bp.get("/nouveau")
@requires_role(*EDIT_ROLES)
async def new_page(request: Request, account: Account):
    return await off_loop(request, new_view, request, account)


@bp.post("/nouveau")
@requires_role(*EDIT_ROLES)
async def new_submit(request: Request, account: Account):
    return await off_loop(request, submit, request, account, None)


def preview_of_form(request: Request) -> response.HTTPResponse:
    config = request.app.ctx.config
    template_id = request.form.get("template_id", "")
    base = template_map().get(template_id) if template_id else None
    values = form_values(request, base)
    candidate, issues = template_from_values(values, themes(), base)
    issues += check_template(candidate, current_templates(), config, is_new=base is None)
    return response.json({**preview(candidate, config), "issues": [i.as_dict() for i in issues]})


@bp.post("/api/apercu")
@requires_role(*EDIT_ROLES)
async def live_preview(request: Request, account: Account):
    return await off_loop(request, preview_of_form, request)


# ---- review ------------------------------------------------------------------------------


def version_view(request: Request, account: Account, version_id: int, error: str = "",
                 status: int = 200) -> response.HTTPResponse:
    """The review page; a refused decision is shown on it directly (never through the address,
    where anyone could write a message that would look official)."""
    version = get_version(version_id)
    if version is None:
        return response.text("Version inconnue.", status=404)
    proposed = version.template()
    now_live = template_map().get(version.template_id)
    return render(request, "template_version.html", account, status=status, version=version, template=proposed,
                  diff=template_diff(now_live, proposed), preview=preview(proposed, request.app.ctx.config),
                  error=error)


@bp.get("/versions/<version_id:int>")
@requires_role(*EDIT_ROLES)
async def version_page(request: Request, account: Account, version_id: int):
    return await off_loop(request, version_view, request, account, version_id)


def publication(request: Request, account: Account, version_id: int) -> response.HTTPResponse:
    try:
        when_text = request.form.get("effective_at", "").strip()
        try:
            effective_at = (datetime.fromisoformat(when_text).replace(tzinfo=_zone(request.app.ctx.config))
                            if when_text else None)
        except ValueError:
            raise WorkflowError("Date d'effet illisible : utilisez le calendrier (jour et heure).") from None
        version = publish(version_id, account.username, effective_at, request.form.get("comment", ""))
    except WorkflowError as refused:
        return version_view(request, account, version_id, str(refused), status=409)
    ok = "programmee" if version.is_scheduled() else "publiee"
    return response.redirect(f"/modeles/modele/{version.template_id}?ok={ok}")


@bp.post("/versions/<version_id:int>/publier")
@requires_role("validator")
async def publish_version(request: Request, account: Account, version_id: int):
    return await off_loop(request, publication, request, account, version_id)


def rejection(request: Request, account: Account, version_id: int) -> response.HTTPResponse:
    try:
        version = reject(version_id, account.username, request.form.get("comment", ""))
    except WorkflowError as refused:
        return version_view(request, account, version_id, str(refused), status=409)
    return response.redirect(f"/modeles/modele/{version.template_id}?ok=refusee")


@bp.post("/versions/<version_id:int>/refuser")
@requires_role("validator")
async def reject_version(request: Request, account: Account, version_id: int):
    return await off_loop(request, rejection, request, account, version_id)


def republication(request: Request, account: Account, template_id: str) -> response.HTTPResponse:
    source = request.form.get("version", "")
    if source == "fichier":
        template = next((t for t in load_templates() if t.id == template_id), None)
        note = "Retour au texte du fichier d'origine"
    else:
        version = get_version(int(source)) if source.isdigit() else None
        template = version.template() if version and version.template_id == template_id else None
        note = f"Retour à la version n° {source}"
    if template is None:
        return response.text("Version inconnue.", status=404)
    republish(template, account.username, note)
    return response.redirect(f"/modeles/modele/{template_id}?ok=republiee")


@bp.post("/modele/<template_id>/republier")
@requires_role("validator")
async def republish_version(request: Request, account: Account, template_id: str):
    return await off_loop(request, republication, request, account, template_id)


# ---- retrain and reload ------------------------------------------------------------------


async def training_context(request: Request) -> Dict[str, Any]:
    retrainer = request.app.ctx.retrainer
    loaded = await retrainer.loaded_model()
    changes = await off_loop(request, example_changes_since, model_trained_at(loaded)) if loaded else []
    return {"loaded": loaded, "changes": changes, "job": retrainer.status()}


async def training_view(request: Request, account: Account, error: str = "", status: int = 200) -> response.HTTPResponse:
    return render(request, "template_training.html", account, status=status, error=error,
                  **await training_context(request))


@bp.get("/entrainement")
@requires_role(*EDIT_ROLES)
async def training_page(request: Request, account: Account):
    return await training_view(request, account)


@bp.get("/api/entrainement")
@requires_role(*EDIT_ROLES)
async def training_status(request: Request, account: Account):
    return response.json(request.app.ctx.retrainer.status())


@bp.post("/entrainement/lancer")
@requires_role("validator")
async def training_start(request: Request, account: Account):
    context = await training_context(request)
    try:
        request.app.ctx.retrainer.start(account.username, sorted({c.template_id for c in context["changes"]}))
    except RetrainRefused as refused:
        return await training_view(request, account, str(refused), status=409)
    return response.redirect("/modeles/entrainement")


@bp.post("/entrainement/mettre-en-service")
@requires_role("validator")
async def training_deploy(request: Request, account: Account):
    try:
        await request.app.ctx.retrainer.deploy(account.username)
    except RetrainRefused as refused:
        return await training_view(request, account, str(refused), status=409)
    return response.redirect("/modeles/entrainement")


# ---- learning ----------------------------------------------------------------------------


def candidates_view(request: Request, account: Account) -> response.HTTPResponse:
    """Groups of unanswered questions (clustered), the templates closest to each, and the agents'
    replies (a scan of Rasa's events): in the back office's pool."""
    index = TemplateIndex.of(current_templates())
    groups = [(group, index.closest(group.texts)) for group in unanswered(request.app.ctx.config)]
    return render(request, "template_candidates.html", account, groups=groups,
                  replies=agent_replies(tracker_engine()), branches=labels.BRANCHES)


@bp.get("/candidats")
@requires_role(*EDIT_ROLES)
async def candidates_page(request: Request, account: Account):
    return await off_loop(request, candidates_view, request, account)


@bp.get("/candidats/ajouter")
@requires_role(*EDIT_ROLES)
async def add_to_template(request: Request, account: Account):
    """Sends the chosen questions to the edit form of the chosen template, as new examples."""
    template_id = request.args.get("modele", "")
    if template_id not in await off_loop(request, template_map):
        return response.redirect("/modeles/candidats")
    query = "&".join(f"exemple={quote(e)}" for e in request.args.getlist("exemple") or [])
    return response.redirect(f"/modeles/modele/{template_id}/modifier?{query}")
