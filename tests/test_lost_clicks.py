"""ui/lost_clicks.py: a person's press in a fragment the session does not know (a new
session after a restart) becomes a full-app rerun with the same widget states; the rest
reaches Streamlit unchanged. End to end: tests/test_rehearsal_browser.py."""

from __future__ import annotations

from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.runtime.app_session import AppSession

from ui import lost_clicks


class Session:
    def __init__(self, known):
        self.known, self.asked = known, []

    def has_fragment(self, fragment_id):
        return fragment_id in self.known


def _press(fragment_id: str, auto: bool = False):
    state = BackMsg().rerun_script
    state.fragment_id, state.is_auto_rerun, state.query_string = fragment_id, auto, "seat=x"
    state.widget_states.widgets.add(id="handin_send", trigger_value=True)
    return state


def test_a_press_in_an_unknown_fragment_is_a_full_rerun(monkeypatch):
    monkeypatch.setattr(AppSession, "request_rerun",
                        lambda self, client_state=None: self.asked.append(client_state))
    lost_clicks.install()
    lost_clicks.install()  # once: a second call wraps nothing more
    session = Session(known={"drawn"})
    for state in (_press("unknown"), _press("drawn"), _press("unknown", auto=True), None):
        AppSession.request_rerun(session, state)
    whole, drawn, timer, plain = session.asked
    assert whole.fragment_id == "" and whole.query_string == "seat=x"
    assert [w.trigger_value for w in whole.widget_states.widgets] == [True]
    assert (drawn.fragment_id, timer.fragment_id, plain) == ("drawn", "unknown", None)
