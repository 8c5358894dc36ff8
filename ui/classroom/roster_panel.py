"""The class's roster on the teacher's board: everyone who joined, who has handed in and
who has not, when each was last seen; and the teacher's changes (release a seat whose
owner lost their link, rename, merge two seats of one student, remove)."""

from __future__ import annotations

import time

import streamlit as st
from sqlalchemy.exc import SQLAlchemyError

from nnsine.classboard import board, roster
from nnsine.classboard.board_rules import BoardError, shown_alias
from nnsine.classboard.clock import ago, clock_time
from nnsine.i18n import N_, _, ngettext
from ui.language import in_language


def roster_table(engine, info: board.ClassInfo, show_names: bool) -> None:
    """Joined / handed in / not yet, one row a student (names only when shown)."""
    members = roster.roster(engine, info.id)
    done = sum(m.handed_at is not None for m in members)
    st.markdown(_("**{joined} · {handed} · {waiting}**",  # three counts, each its plural
                  joined=ngettext("{n} joined", "{n} joined", len(members)),
                  handed=ngettext("{n} handed in", "{n} handed in", done),
                  waiting=ngettext("{n} not yet", "{n} not yet", len(members) - done)))
    if not members:
        return
    now = time.time()
    st.dataframe([{_("student"): m.name if show_names else shown_alias(m.alias),
                   _("handed in"): (clock_time(m.handed_at) if m.handed_at
                                    else _("not yet")),
                   _("hand-ins"): m.count, _("last seen"): ago(now - m.seen_at),
                   _("seat"): _("released") if m.released else ""} for m in members],
                 key="board_roster", hide_index=True)


def _label(member: roster.Member, show_names: bool) -> str:
    alias = shown_alias(member.alias)
    return f"{alias} · {member.name}" if show_names else alias


def manage(engine, info: board.ClassInfo, limits, show_names: bool) -> None:
    """The teacher's changes to the roster, each said when done (or why not)."""
    members = {m.id: m for m in roster.roster(engine, info.id)}
    with st.expander(_("Students ({count}): release, rename, merge, remove",
                       count=len(members))):
        if not members:
            st.caption(_("Nobody has joined yet."))
            return
        st.caption(_("**Release**: a student who lost their page joins again under the "
                     "same name and gets their seat back (hand-in included). **Merge**: one "
                     "student who joined twice. Show names above to see them here."))
        ids = list(members)
        who = st.selectbox(_("Student"), ids, key="roster_pick",
                           format_func=in_language(lambda i: _label(members[i], show_names)))
        one, two = st.columns(2)
        name = one.text_input(_("New display name (e.g. their login)"), key="roster_name",
                              max_chars=limits.name_chars)
        into = two.selectbox(_("Merge into"), [i for i in ids if i != who] or [None],
                             key="roster_into",
                             format_func=in_language(lambda i: "—" if i is None else
                                                     _label(members[i], show_names)))
        row = st.columns(4)
        # (key, button, what it does, what it says when done, what when refused)
        actions = [("release", N_("Release the seat"),
                    lambda: roster.release(engine, info.id, who),
                    N_("Released the seat of {student}."),
                    N_("Could not release the seat: {problem}")),
                   ("rename", N_("Rename"),
                    lambda: roster.rename(engine, info.id, who, name, limits),
                    N_("Renamed {student}."), N_("Could not rename: {problem}")),
                   ("merge", N_("Merge"), lambda: roster.merge(engine, info.id, who, into),
                    N_("Merged {student} into the other seat."),
                    N_("Could not merge: {problem}")),
                   ("remove", N_("Remove"), lambda: roster.remove(engine, info.id, who),
                    N_("Removed {student}."), N_("Could not remove: {problem}"))]
        for box, (action, text, change, done, refused) in zip(row, actions, strict=True):
            if box.button(_(text), key=f"roster_{action}", width="stretch",
                          disabled=action == "merge" and into is None):
                try:
                    change()
                except (BoardError, SQLAlchemyError) as error:
                    st.error(_(refused, problem=error))
                else:
                    st.success(_(done, student=_label(members[who], show_names)))
