"""The teacher's live class board: start a class, show its code, link and QR code, and
watch the hand-ins arrive (a fragment that reruns every 2 s). Names are plain text
everywhere; the projector shows aliases unless the teacher reveals names."""

from __future__ import annotations

import io
import time
from urllib.parse import urlencode

import segno
import streamlit as st

from nnsine.classboard import board
from nnsine.classboard.board_export import canvas_csv, fits_zip, moodle_csv, ranking_csv, when
from nnsine.classboard.board_rules import BoardError, GradeRule, goals_reached, shown_alias
from nnsine.classboard.clock import clock_time
from nnsine.classboard.grading import Entry, curves
from nnsine.engine import targets
from nnsine.engine.metrics import GOALS
from nnsine.i18n import _, ngettext
from nnsine.plots.board_figures import board_figure
from ui import fit_state, presenter
from ui.classroom import board_db, class_language, roster_panel
from ui.classroom.exercise_panel import OWN
from ui.language import in_language, link_value, localized
from ui.state import session
from ui.widgets import markdown_literal


def open_from_link(engine, token: str) -> None:
    """A teacher link (?teacher=TOKEN) opens its board in this session. The token stays
    in the address bar: a reload, a server restart or another replica finds the board
    again (Streamlit offers Python no browser storage; the URL is enough). A dead link
    leaves it."""
    if board.teacher_class(engine, token[:64], time.time()) is None:
        st.query_params.pop("teacher", None)
        st.error(_("This teacher link opens no class: it is wrong, or the class has ended "
                   "or was deleted."))
    else:
        session[board_db.TEACHER] = token[:64]


def start_panel(limits) -> None:
    """'Start a live class' (the target and the button)."""
    st.caption(ngettext("Students join with a code and a display name, then press **Hand "
                        "in** on the sine tuner. Classes end after {hours:g} hour.",
                        "Students join with a code and a display name, then press **Hand "
                        "in** on the sine tuner. Classes end after {hours:g} hours.",
                        1 if limits.class_hours == 1 else 2, hours=limits.class_hours))
    choices = [*targets.TARGETS, OWN]
    tuners = session.get(fit_state.TARGET)  # e.g. points or a sketch made there
    if tuners and tuners not in targets.TARGETS:
        choices.append(tuners)
    name = st.selectbox(_("Target for the class"), choices, key="board_target",
                        format_func=in_language(
                            lambda n: _("A formula in x…") if n == OWN else
                            _("The tuner's target: {target}", target=targets.label(n))
                            if n == tuners else targets.label(n)))
    target = name
    if name == OWN:  # the same formulas as the tuner's and the exercise composer's
        target = "f:" + st.text_input(_("Formula in x"), "abs(x - 0.3)", key="board_formula",
                                      max_chars=200).strip()
    if st.button(_("Start a live class"), key="board_start", type="primary"):
        engine = board_db.engine()  # only now: visiting the page opens no database
        if engine is None:
            return
        try:
            __, token = board.create_class(engine, target, limits, time.time(),
                                           address=board_db.address())
        except BoardError as error:
            st.error(markdown_literal(error))  # it may quote the teacher's formula
            return
        session[board_db.TEACHER] = token
        st.query_params["teacher"] = token  # a reload or a restart comes back to the board
        st.rerun()


def _qr_png(text: str) -> bytes:
    out = io.BytesIO()
    segno.make(text, error="m").save(out, kind="png", scale=8, border=2)
    return out.getvalue()


def teacher_panel(engine, info: board.ClassInfo, token: str) -> None:
    """The running class: join details, controls and the live board."""
    base, how = board_db.join_base()
    query = urlencode({"join": info.code} | class_language.link_params())
    join_url = f"{base}/?{query}" if base else None  # the tuner: the default page
    code, qr = st.columns([2, 1])
    with code:
        st.markdown(_("Join code: **`{code}`** · target {target}", code=info.code,
                      target=markdown_literal(targets.label(info.target))))
        st.markdown(f"## {info.code}")
        if join_url:
            st.code(join_url, language=None)
            st.caption(_("Address from {how}. Phones must be on the same network as this "
                         "computer.", how=markdown_literal(how)))
        else:
            st.error(_("No join link that a phone can open: {how}. Start the server with "
                       "`streamlit run app.py --server.address 0.0.0.0`, or set "
                       "NNSINE_PUBLIC_URL to this computer's address on the school network. "
                       "Students can still type the code on this server's page.",
                       how=markdown_literal(how)))
        if presenter.is_on():  # the projector's view: the secret stays off it
            st.caption(_("Your teacher link is hidden in presenter mode."))
        else:
            st.markdown(_("**Your teacher link: bookmark this.** It brings this board back "
                          "after a reload, a server restart or on another device; this "
                          "page's address holds it too. Anyone with it sees the names and "
                          "can delete the class: keep it off the projector (presenter mode "
                          "hides it; full screen, F11, hides the address bar)."))
            mine = urlencode(link_value() | {"teacher": token})  # token last
            st.code(f"{base or board_db.own_url()}/class?{mine}", language=None)
    if join_url:
        qr.image(_qr_png(join_url), caption=_("Scan to join"), width=220)

    presenting = presenter.is_on()
    row = st.columns(3, vertical_alignment="center")
    reveal = row[0].toggle(_("Show names on this screen"), key="board_names",
                           disabled=presenting,
                           help=_("Off: stable aliases (the projector's view). Presenter "
                                  "mode always shows aliases."))
    if info.is_open:
        if row[1].button(_("Close hand-ins"), key="board_close"):
            board.set_open(engine, info.id, False)
            st.rerun()
    else:
        row[1].warning(_("Hand-ins are closed."))
        if row[1].button(_("Reopen hand-ins"), key="board_reopen"):
            board.set_open(engine, info.id, True)
            st.rerun()
    with row[2].popover(_("Delete the class")):
        st.caption(_("Deletes the class, its students and every hand-in, for good."))
        if st.button(_("Delete now"), key="board_delete", type="primary"):
            board.delete_class(engine, info.id)
            session.pop(board_db.TEACHER, None)
            st.query_params.pop("teacher", None)
            st.rerun()
    live_board(engine, token, reveal and not presenting)
    roster_panel.manage(engine, info, board_db.limits(), reveal and not presenting)
    grade_rule_panel(engine, info)


@st.fragment(run_every=2)
@localized  # a fragment's rerun may run in a new thread, whose language is English
def live_board(engine, token: str, show_names: bool) -> None:
    """The ranking, the curves and the downloads, refreshed every 2 s."""
    info = board.teacher_class(engine, token, time.time())
    if info is None:
        st.warning(_("This class has ended or was deleted."))
        return
    rows = board.ranking(engine, info.id)
    st.metric(_("Hand-ins"), len(rows))
    if not rows:
        st.info(_("No hand-ins yet: the board fills up as students press Hand in."))
        roster_panel.roster_table(engine, info, show_names)
        return
    label = {r.alias: (r.name if show_names else shown_alias(r.alias)) for r in rows}
    st.dataframe([{_("rank"): r.rank, _("student"): label[r.alias],
                   "MSE": round(r.score.mse, 6),
                   _("max |error|"): round(r.score.max_error, 4),
                   _("goals"): _("{reached} of {goals}", reached=goals_reached(r.score),
                                 goals=len(GOALS)),
                   _("handed in"): clock_time(r.handed_at),
                   _("hand-ins"): r.count, _("how it was made"): r.made} for r in rows],
                 key="board_table", hide_index=True)
    aliases = [r.alias for r in rows]
    if session.get("board_pick") not in aliases:
        session["board_pick"] = aliases[0]
    pick = st.selectbox(_("Highlight"), aliases, key="board_pick",
                        format_func=lambda a: f"{aliases.index(a) + 1}. {label[a]}")
    chosen = rows[aliases.index(pick)]
    x, y, outputs = curves([Entry(r.alias, r.fit, r.score) for r in rows], info.target)
    st.plotly_chart(board_figure(x, y, outputs, [label[a] for a in aliases],
                                 aliases.index(pick), targets.label(info.target)),
                    key="board_chart", config={"displayModeBar": False})
    if st.button(_("Open the highlighted fit in the tuner"), key="board_load"):
        fit_state.commit(chosen.fit)
        session[fit_state.TARGET] = info.target
        fit_state.notice("success", _("Loaded {alias}'s hand-in (rank {rank}).",
                                      alias=shown_alias(chosen.alias), rank=chosen.rank))
        st.switch_page("pages/tuner.py")
    # Made on each refresh (a few ms for a class): Streamlit's deferred downloads did not
    # survive the fragment's 2-second reruns in Chromium.
    stamp = when(time.time())[:10]
    column = f"nnsine {info.code}"
    downloads = [(_("All hand-ins (CSV)"), ranking_csv(rows, info.rule), "csv", "text/csv"),
                 (_("All fits (zip of JSON)"), fits_zip(rows), "zip", "application/zip"),
                 (_("Grades for Canvas (CSV)"), canvas_csv(rows, info.rule, column),
                  "canvas.csv", "text/csv"),
                 (_("Grades for Moodle (CSV)"), moodle_csv(rows, info.rule, column),
                  "moodle.csv", "text/csv")]
    for box, (text, data, suffix, mime) in zip(st.columns(2) * 2, downloads, strict=True):
        box.download_button(text, data, file_name=f"nnsine-{info.code}-{stamp}.{suffix}",
                            mime=mime, key=f"board_{suffix}", on_click="ignore",
                            width="stretch")
    roster_panel.roster_table(engine, info, show_names)


def grade_rule_panel(engine, info: board.ClassInfo) -> None:
    """The teacher sets the points for handing in and for each goal."""
    with st.expander(_("Grade rule (for the gradebook CSVs)")):
        st.caption(_("A student gets the highest points they reach."))
        with st.form("board_rule", border=False):
            handed = st.number_input(_("Handed in"), 0.0, 1000.0, info.rule.handed_in,
                                     key="rule_handed")
            goals = [st.number_input(_("max |error| ≤ {goal:.2f}", goal=goal), 0.0, 1000.0,
                                     points,
                                     key=f"rule_goal_{k}")
                     for k, (goal, points) in enumerate(zip(GOALS, info.rule.goals,
                                                            strict=True))]
            if st.form_submit_button(_("Save the rule")):
                board.set_rule(engine, info.id, GradeRule(handed, tuple(goals)))
                st.rerun()
        for line in info.rule.describe():
            st.text(line)


def class_board() -> None:
    """The whole live-class section of the Class challenge page."""
    class_language.picker()
    link = st.query_params.get("teacher")
    token = session.get(board_db.TEACHER)
    if link is None and token is None:
        start_panel(board_db.limits())
        return
    engine = board_db.engine()
    if engine is None:
        return
    if link is not None:
        open_from_link(engine, link)
        token = session.get(board_db.TEACHER)
    info = board.teacher_class(engine, token, time.time()) if token else None
    if token and info is None:
        session.pop(board_db.TEACHER, None)
        st.query_params.pop("teacher", None)
        st.warning(_("Your live class has ended or was deleted."))
    if info is None:
        start_panel(board_db.limits())
    else:
        if st.query_params.get("teacher") != token:  # e.g. back from another page
            st.query_params["teacher"] = token
        teacher_panel(engine, info, token)
