"""A widget's `format_func` that speaks the language of the run that drew the widget.

Streamlit calls a selectbox's, radio's or multiselect's format_func in the script's thread,
but AppTest also calls it from the test's own thread (to map a value back to its option),
whose nnsine.i18n language is English: an option formatted there would not be found among
options drawn in Spanish. Binding the run's language when the widget is drawn makes both
agree. (Belongs beside ui.language.localized: the lead may move it there.)
"""

from __future__ import annotations

from collections.abc import Callable

from nnsine import i18n


def in_language(format_func: Callable) -> Callable:
    """`format_func`, always run in the language current now (call it where the widget
    is drawn, inside the run)."""
    code = i18n.current()

    def run(value):
        with i18n.using(code):
            return format_func(value)

    return run
