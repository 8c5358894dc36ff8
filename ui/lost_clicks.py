"""A press that Streamlit would drop without a word is run instead (issue 23: "after a
restart, one student pressed Hand in this fit and nothing happened").

A button inside an `st.fragment` (the hand-in panel, the join form) asks the server to
rerun that fragment by its id. A session that has not drawn the fragment yet does not
know the id: the new session after a server restart, or on another replica, while its
first run (which the page starts on reconnecting) is still going and the student, seeing
the old page, presses the button. Streamlit 1.67's AppSession.request_rerun then logs "The
fragment with id … does not exist anymore" and returns: no run, no answer
(tests/test_rehearsal_browser.py found it). Here such a request, when a person made it
(not a fragment's own timer), becomes a full-app rerun with the same widget states: the
button returns True in that run, and the hand-in is made and answered.
"""

from __future__ import annotations

import functools

from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.runtime.app_session import AppSession


def install() -> None:
    """Wrap AppSession.request_rerun, once per process (app.py, as the server starts).
    Streamlit's class, not our state: every session is served the same way."""
    if hasattr(AppSession.request_rerun, "__wrapped__"):
        return
    original = AppSession.request_rerun

    @functools.wraps(original)
    def request_rerun(self, client_state=None):
        if (client_state is not None and client_state.fragment_id
                and not client_state.is_auto_rerun
                and not self.has_fragment(client_state.fragment_id)):
            whole = BackMsg().rerun_script  # a ClientState, as the page sends it
            whole.CopyFrom(client_state)
            whole.ClearField("fragment_id")
            client_state = whole
        return original(self, client_state)

    AppSession.request_rerun = request_rerun
