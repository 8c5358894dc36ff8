"""The class's roster on the teacher's board: everyone who joined, who has handed in and
who has not, when each was last seen; and the teacher's changes (release a seat whose
owner lost their link, rename, merge two seats of one student, remove)."""

from __future__ import annotations

import time

import streamlit as st
from sqlalchemy.exc import SQLAlchemyError

from nnsine.classboard import board, roster
from nnsine.classboard.board_rules import BoardError


def roster_table(engine, info: board.ClassInfo, show_names: bool) -> None:
    """Joined / handed in / not yet, one row a student (names only when shown)."""
    members = roster.roster(engine, info.id)
    done = sum(m.handed_at is not None for m in members)
    st.markdown(f"**{len(members)} joined · {done} handed in · {len(members) - done} not "
                "yet**")
    if not members:
        return
    now = time.time()
    st.dataframe([{"student": m.name if show_names else m.alias,
                   "handed in": (time.strftime("%H:%M:%S", time.localtime(m.handed_at))
                                 if m.handed_at else "not yet"),
                   "hand-ins": m.count, "last seen": roster.ago(now - m.seen_at),
                   "seat": "released" if m.released else ""} for m in members],
                 key="board_roster", hide_index=True)


def _label(member: roster.Member, show_names: bool) -> str:
    return f"{member.alias} · {member.name}" if show_names else member.alias


def manage(engine, info: board.ClassInfo, limits, show_names: bool) -> None:
    """The teacher's changes to the roster, each said when done (or why not)."""
    members = {m.id: m for m in roster.roster(engine, info.id)}
    with st.expander(f"Students ({len(members)}): release, rename, merge, remove"):
        if not members:
            st.caption("Nobody has joined yet.")
            return
        st.caption("**Release**: a student who lost their page joins again under the same "
                   "name and gets their seat back (hand-in included). **Merge**: one "
                   "student who joined twice. Show names above to see them here.")
        ids = list(members)
        who = st.selectbox("Student", ids, key="roster_pick",
                           format_func=lambda i: _label(members[i], show_names))
        one, two = st.columns(2)
        name = one.text_input("New display name (e.g. their login)", key="roster_name",
                              max_chars=limits.name_chars)
        into = two.selectbox("Merge into", [i for i in ids if i != who] or [None],
                             key="roster_into",
                             format_func=lambda i: "—" if i is None else
                             _label(members[i], show_names))
        row = st.columns(4)
        actions = [("Release the seat", lambda: roster.release(engine, info.id, who)),
                   ("Rename", lambda: roster.rename(engine, info.id, who, name, limits)),
                   ("Merge", lambda: roster.merge(engine, info.id, who, into)),
                   ("Remove", lambda: roster.remove(engine, info.id, who))]
        for box, (text, change) in zip(row, actions, strict=True):
            if box.button(text, key=f"roster_{text.split()[0].lower()}", width="stretch",
                          disabled=text == "Merge" and into is None):
                try:
                    change()
                except (BoardError, SQLAlchemyError) as error:
                    st.error(f"{text}: {error}")
                else:
                    st.success(f"{text}: done for {_label(members[who], show_names)}.")
