"""Class challenge: a teacher loads the class's saved fits and sees them ranked, with
every curve over the target. Same scores as `python -m nnsine score`."""

import streamlit as st

from nnsine import grading, targets
from nnsine.figures import class_figure

MAX_FILES = 60

st.title("Class challenge")
st.caption("Students press **Download fit (JSON)** on the sine tuner; load all their files "
           "here to rank them. Nothing is stored: the ranking lives in this browser tab.")

target = st.selectbox("Target", list(targets.TARGETS), key="class_target",
                      format_func=targets.LABELS.get)
uploads = st.file_uploader("The class's fits (JSON)", type=["json"], key="class_files",
                           accept_multiple_files=True, max_upload_size=1) or []
if len(uploads) > MAX_FILES:
    st.warning(f"Showing the first {MAX_FILES} of {len(uploads)} files.")
    uploads = uploads[:MAX_FILES]
entries, bad = grading.grade([(u.name, u.getvalue()) for u in uploads], target)

for name, problem in bad:
    st.error(f"{name}: {problem}")
if not entries:
    st.info("Load two or more fits to see the ranking.")
    st.stop()

st.dataframe([{"rank": rank, "file": e.name, "MSE": round(e.score.mse, 6),
               "max |error|": round(e.score.max_error, 4),
               "mean |error|": round(e.score.mean_error, 4)}
              for rank, e in enumerate(entries, 1)], key="class_table", hide_index=True)
x, y, outputs = grading.curves(entries, target)
st.plotly_chart(class_figure(x, y, outputs, [e.name for e in entries], targets.LABELS[target]),
                key="class_chart", config={"displayModeBar": False})
