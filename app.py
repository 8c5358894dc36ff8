"""nnsine: Chapter 4 of Neural Networks from Scratch, hands on. `streamlit run app.py`.

This file is two things. Streamlit runs it as every session's page script (as
`__main__`): the pages are in ui/shell.py's table; each page draws the shared parts itself
(`shell.setup()`), so the navigation here stays hidden. And `streamlit run app.py` finds
`app = st.App(...)` below and imports this file (as `app`) to build the server: the same
Streamlit server, with Streamlit's static files gzipped once for a class on school wifi
(ui/gzip_once.py), and a press in a fragment that a new session has not drawn yet (just
after a restart) run instead of dropped (ui/lost_clicks.py)."""

import streamlit as st

if __name__ == "__main__":
    from ui import shell

    st.navigation(shell.navigation(), position="hidden").run()
else:
    from starlette.middleware import Middleware

    from ui import lost_clicks
    from ui.gzip_once import GzipOnce

    lost_clicks.install()  # a press in a fragment the new session has not drawn yet
    app = st.App(__file__, middleware=[Middleware(GzipOnce)])
