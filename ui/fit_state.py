"""The session's fit (Python's source of truth) and its ways in and out of Streamlit:
URL on first load, presets, uploads, messages. The only module that owns session keys."""

from __future__ import annotations

import streamlit as st

from nnsine.book import presets
from nnsine.book.walkthrough import STEPS
from nnsine.engine import targets
from nnsine.engine.metrics import GOALS, score
from nnsine.engine.network import Params
from nnsine.engine.target_points import parse_csv
from nnsine.formats import exercise, fitfile, links, params, provenance
from nnsine.formats.checks import fmt, shorten
from nnsine.i18n import N_, _, ngettext
from ui.language import localized
from ui.state import session
from ui.widgets import markdown_literal, sync_query

WALK_PAIRS = STEPS[0].params.n_pairs  # the walkthrough's steps are fits of this many pairs
FIT, NOTICES, TARGET = "fit", "notices", "fit_target"  # not widget keys: they outlive pages
EXERCISE, HISTORY = "exercise", "fit_history"  # the link's exercise; how the fit was made
LINK = "link_read"  # set once the session's link has been read (and repaired)
# set_target's words for each way to a target (ui/tuner/target_panel.py): whole sentences,
# (refused, accepted); another `how` is a phrase its caller translated (GENERIC).
SAID = {
    "formula": (N_("Could not use the formula: {error}. The target is unchanged."),
                N_("Now fitting your formula: {target}.")),
    "sketch": (N_("Could not use the sketch: {error}. The target is unchanged."),
               N_("Now fitting your sketch: {target}.")),
    "points": (N_("Could not use the points from {what}: {error}. The target is unchanged."),
               N_("Now fitting your points from {what}: {target}.")),
}
GENERIC = (N_("Could not use the {what}: {error}. The target is unchanged."),
           N_("Now fitting your {what}: {target}."))


def read_link() -> None:
    """On a session's first run, before any page reads st.query_params: repair what chat
    and mail clients did to the link (nnsine.formats.links), in the address bar too, and say so."""
    if session.get(LINK):
        return
    session[LINK] = True
    repaired, repairs = links.repair(st.query_params.to_dict())
    if repairs:
        st.query_params.from_dict(repaired)
        said = "; ".join(repairs[:4])
        st.toast(markdown_literal(ngettext(
            "Repaired the link: {repairs}; and {n} more.",
            "Repaired the link: {repairs}; and {n} more.", len(repairs) - 4, repairs=said)
            if len(repairs) > 4 else _("Repaired the link: {repairs}.", repairs=said)),
                 icon=":material/link:", duration="long")


def current() -> Params:
    """The session's fit; on a session's first run it is read from the URL."""
    state = session
    if FIT not in state:
        read_link()
        fit, problems = params.from_query(st.query_params.to_dict())
        state[FIT] = fit  # exactly as the link has it: one fit, one score (see off_grid)
        state[NOTICES] = [("warning", _("Ignored a URL value: {problem}",
                                         problem=markdown_literal(p))) for p in problems]
        name = st.query_params.get("target", targets.DEFAULT)
        try:
            targets.check(name)
        except params.ParamsError as error:
            notice("warning", markdown_literal(_(
                "Ignored a URL value (target={value}): {error}", value=shorten(name),
                error=error)))
            name = targets.DEFAULT
        state[TARGET] = name
        state[HISTORY] = provenance.record((), "link") if st.query_params else ()
        _start_exercise(state)
    return state[FIT]


def _start_exercise(state) -> None:
    """An exercise link sets the target and the pair count, and stays for the session."""
    task, problems = exercise.from_query(st.query_params.to_dict())
    for problem in problems:
        notice("warning", _("Ignored a URL value: {problem}",
                            problem=markdown_literal(problem)))
    state[EXERCISE] = task
    if task is not None:
        state[TARGET] = task.target
        if state[FIT].n_pairs != task.n_pairs:
            state[FIT] = params.resize(state[FIT], task.n_pairs)


def current_exercise() -> exercise.Exercise | None:
    """The exercise this session's link set, or None."""
    current()
    return session[EXERCISE]


def hides(shortcut: str) -> bool:
    """Whether the exercise leaves this shortcut ("presets", "walkthrough", "optimizer",
    "probe", "gradients": nnsine.formats.exercise.HIDEABLE) out of the page."""
    task = current_exercise()
    if task is not None and shortcut == "walkthrough" and task.n_pairs != WALK_PAIRS:
        return True  # the book's steps are 8 pairs: an exercise with other pairs cannot
    return task is not None and task.hides(shortcut)


def goals() -> tuple[float, ...]:
    """The max |error| goals: the exercise's, else the tuner's usual two."""
    task = current_exercise()
    return task.goals if task is not None else GOALS


def history() -> tuple[provenance.Event, ...]:
    """How the session's fit was made (nnsine.formats.provenance events)."""
    current()
    return session[HISTORY]


def target() -> str:
    """The name of the function the session is fitting (see nnsine.engine.targets)."""
    current()
    return session[TARGET]


def choose_target(key: str) -> None:
    """on_change of the target picker."""
    session[TARGET] = session[key]


def set_target(spec: str, how: str, what: str = "") -> None:
    """Make the target string `spec` the session's target (a callback), or say why not
    and keep the current one; `how` names it in the message ("formula", "sketch",
    "points" from the file `what`: SAID; else a phrase its caller translated)."""
    refused, accepted = SAID.get(how, GENERIC)
    what = markdown_literal(what if how in SAID else how)
    try:
        targets.check(spec)
    except params.ParamsError as error:
        notice("error", _(refused, what=what, error=markdown_literal(error)))
        return
    session[TARGET] = spec
    notice("success", _(accepted, what=what, target=markdown_literal(targets.label(spec))))


def set_csv_target(name: str, data: bytes) -> None:
    """on_change of the CSV uploader: its points become the target, or a message says why
    not and the target is kept."""
    try:
        spec = targets.points_target(*parse_csv(data))
    except params.ParamsError as error:
        notice("error", _("Could not use {file}: {error}. The target is unchanged.",
                          file=markdown_literal(name), error=markdown_literal(error)))
        return
    set_target(spec, "points", name)


def resize(key: str) -> None:
    """on_change of the pair-count field: add zero pairs or drop the last ones."""
    commit(params.resize(current(), session[key]))


def commit(fit: Params, how: str = "sliders", detail: str = "") -> None:
    """Make `fit` the session's truth (call from callbacks or before widgets), recording
    how it was made (an nnsine.formats.provenance kind: "sliders", "preset", "walkthrough",
    "optimizer", "upload", "import"). An exercise keeps its number of pairs: a fit with
    another number is cut or padded with zero pairs, and the learner is told."""
    task = current_exercise()
    if task is not None and fit.n_pairs != task.n_pairs:
        notice("info", ngettext(
            "This exercise uses {n} pair: the {pairs} pairs were cut to {n}.",
            "This exercise uses {n} pairs: the {pairs} pairs were cut to {n}.",
            task.n_pairs, pairs=fit.n_pairs) if fit.n_pairs > task.n_pairs else ngettext(
            "This exercise uses {n} pair: the {pairs} pairs were padded to {n}.",
            "This exercise uses {n} pairs: the {pairs} pairs were padded to {n}.",
            task.n_pairs, pairs=fit.n_pairs))
        fit = params.resize(fit, task.n_pairs)
    if fit != current() or how != "sliders":  # a load is worth saying even if nothing moved
        session[HISTORY] = provenance.record(history(), how, detail)
    session[FIT] = fit


def notice(kind: str, text: str) -> None:
    """Queue a message ('success', 'info', 'warning', 'error') for the next run."""
    session.setdefault(NOTICES, []).append((kind, text))


def show_notices() -> None:
    """Show and forget queued messages, in a container that is always there: an element
    appearing above the live tuner would shift it and make the browser rebuild it."""
    box = st.container(key="notices")
    for kind, text in session.pop(NOTICES, []):
        getattr(box, kind)(text)


def load_preset(name: str) -> None:
    """on_click: replace the fit by a named preset."""
    commit(presets.preset(name), "preset", name)
    notice("success", _("Loaded {preset}.", preset=presets.title(name)))


def load_upload(key: str) -> None:
    """on_change of a file uploader: load its JSON fit, or explain and keep the current one."""
    upload = session.get(key)
    if upload is None:
        return
    try:
        file = fitfile.read(upload.getvalue())
    except params.ParamsError as error:
        notice("error", _("Could not load {file}: {error}. Your current fit is unchanged.",
                          file=markdown_literal(upload.name), error=markdown_literal(error)))
        return
    # Exactly as the file has it: the score is the grader's (see off_grid). The file's
    # history comes along, and the upload is added to it.
    session[HISTORY] = file.history
    commit(file.params, "upload", upload.name + ("" if file.sealed is not False
                                                 else provenance.EDITED))
    if current_exercise() is None:
        session[TARGET] = file.target
    elif file.target != target():
        notice("info", _("{file} was made for {target}; this exercise keeps its own target.",
                         file=markdown_literal(upload.name),
                         target=markdown_literal(targets.label(file.target))))
    notice("success", _("Loaded {file}.", file=markdown_literal(upload.name)))


def round_to_sliders() -> None:
    """on_click: move every value to its slider step."""
    commit(params.snap_all(current()))
    notice("success", _("Every value is on its slider step now."))


def off_grid(fit: Params, target_name: str) -> None:
    """When values lie between the sliders' steps (a file or link written by a notebook):
    say that the curve and the score use them exactly, as `python -m nnsine score` does,
    and offer to round them, showing max |error| before and after."""
    between = [v for s, v in params.items(fit) if params.snap(s.field, v) != v]
    if not between:
        return
    before = score(fit, target_name).max_error
    after = score(params.snap_all(fit), target_name).max_error
    st.info(ngettext("{n} value lies between the sliders' 0.01 steps: the sliders show the "
                     "nearest step; the curve and the score use the exact value, as the "
                     "grader does.",
                     "{n} values lie between the sliders' 0.01 steps: the sliders show the "
                     "nearest step; the curve and the score use the exact values, as the "
                     "grader does.", len(between)))
    st.button(_("Round to the slider steps (max |error| {before:.4f} → {after:.4f})",
                before=before, after=after),
              key="round_to_sliders", on_click=localized(round_to_sliders), width="stretch",
              help=_("Exact values such as {value} become the nearest step; download the fit "
                     "afterwards to hand that one in.", value=fmt(between[0])))


def sync_url(fit: Params) -> None:
    """Write the fit and target into the URL (only what differs from the defaults)."""
    wanted = params.to_query(fit)
    if target() != targets.DEFAULT:
        wanted["target"] = target()
    task = current_exercise()
    if task is not None:
        wanted |= exercise.to_query(task)
    sync_query(wanted, ["target", "pairs", *exercise.KEYS,
                        *(s.key for s in params.slots(params.MAX_PAIRS))])
