"""Class challenge: a live class board (students hand in from the tuner, the ranking fills
up by itself), and the teacher's saved fits ranked with every curve over the target.
Same scores as `python -m nnsine score`. The projector shows aliases, not names."""

import streamlit as st

from nnsine.classboard import grading
from nnsine.classboard.board_rules import alias, shown_alias
from nnsine.engine import targets
from nnsine.i18n import _
from nnsine.plots.figures import class_figure
from ui import presenter, shell
from ui.classroom import board_panel
from ui.classroom.exercise_panel import exercise_composer
from ui.language import in_language
from ui.widgets import markdown_literal

shell.setup()  # first: page config, navigation, presenter mode (ui/shell.py)


MAX_FILES = 60

st.title(_("Class challenge"))
st.subheader(_("Live class"))
board_panel.class_board()

st.divider()
st.subheader(_("Set an exercise"))
exercise_composer()

st.divider()
st.subheader(_("Rank saved fits"))
st.caption(_("Students press **Download fit (JSON)** on the sine tuner; load all their files "
             "here to rank them. Nothing is stored: the ranking lives in this browser tab."))

target = st.selectbox(_("Target"), list(targets.TARGETS), key="class_target",
                      format_func=in_language(targets.label))
uploads = st.file_uploader(_("The class's fits (JSON)"), type=["json"], key="class_files",
                           accept_multiple_files=True, max_upload_size=1) or []
if len(uploads) > MAX_FILES:
    st.warning(_("Showing the first {shown} of {total} files.", shown=MAX_FILES,
                 total=len(uploads)))
    uploads = uploads[:MAX_FILES]
order = grading.distinct([u.name for u in uploads])
entries, bad = grading.grade([(n, u.getvalue()) for n, u in zip(order, uploads, strict=True)],
                             target)

for name, problem in bad:
    st.error(f"{markdown_literal(name)}: {markdown_literal(problem)}")  # shown as typed
if not entries:
    st.info(_("Load two or more fits to see the ranking."))
    st.stop()

presenting = presenter.is_on()
reveal = st.toggle(_("Show file names on this screen"), key="class_names", disabled=presenting,
                   help=_("Off: stable aliases (the projector's view). Presenter mode always "
                          "shows aliases."))
labels = [e.name if reveal and not presenting else shown_alias(alias(order.index(e.name) + 1))
          for e in entries]
st.dataframe([{_("rank"): rank, _("file"): label, "MSE": round(e.score.mse, 6),
               _("max |error|"): round(e.score.max_error, 4),
               _("mean |error|"): round(e.score.mean_error, 4), _("how it was made"): e.made()}
              for rank, (e, label) in enumerate(zip(entries, labels, strict=True), 1)],
             key="class_table", hide_index=True)
x, y, outputs = grading.curves(entries, target)
st.plotly_chart(class_figure(x, y, outputs, labels, targets.label(target)),
                key="class_chart", config={"displayModeBar": False})
