"""What a page shows in the pseudo-locale (`?lang=qps`, every translated message wrapped
in ⟦…⟧) that is NOT wrapped: a sentence no one marked for translation.

`unwrapped(at)` walks an AppTest's element tree and reads every text a person sees: the
string fields of each element's message (labels, bodies, help, options, captions ...), a
Plotly figure's titles, axis titles, legend names and annotations. Text outside ⟦…⟧ may
hold numbers, symbols, user data and code-like names (ALLOWED); any other word is reported
with where it was found. The live tuner's words, hover texts, and English filled into a
translated sentence's placeholders are checked by tests/test_pseudo_states.py (its strict
pass) and tests/test_frontend_words.py.
"""

from __future__ import annotations

import json
import re

from google.protobuf.message import Message

from nnsine import i18n

WRAPPED = re.compile(r"⟦[^⟦⟧]*⟧")  # innermost first: a translated name inside a sentence
WORD = re.compile(r"[^\W\d_][^\W_]+")  # a word: a letter, then letters or digits
# Fields that hold no words a person reads (ids, keys, URLs, types, formats, JSON we parse).
SKIPPED_FIELDS = {
    "id", "key", "form_id", "element_id", "type", "url", "page_script_hash", "icon",
    "format", "spec", "json_args", "args", "component_name", "src", "data", "theme",
    "page_name", "url_path", "mime", "file_id", "use_container_width", "layout",
    "selection_mode", "default", "value", "raw_value", "set_value", "language",
    "color", "width_config", "height_config", "file_name", "pattern", "placeholder_key",
    "accept_new_options", "string_value", "avatar", "name", "page", "query_string",
    "deprecation", "css", "html_body", "unsafe_allow_html", "code_text", "columns",
    "deferred_file_id", "tag", "anchor", "json", "html_content", "js_source_path",
    "css_source_path", "config",
}
# Elements whose text is not ours to translate: CSS and scripts (st.html), the book's code.
SKIPPED_ELEMENTS = {"Html", "Code", "Latex"}  # and formulas (LaTeX: \\text{} is checked by eye)
# Words that are code or names in every language: the book's variable names, Python and
# NumPy, units, the app's name. A word here is never translated.
ALLOWED = {
    "nnsine", "nnfs", "numpy", "np", "ReLU", "relu", "MSE", "SGD", "Adam", "sin", "exp",
    "max", "abs", "sqrt", "softmax_outputs", "layer_outputs", "inputs", "weights", "biases",
    "output", "dense", "Dense", "Layer_Dense", "Activation_ReLU", "Activation_Softmax",
    "py", "csv", "json", "svg", "png", "txt", "ipynb", "pt", "nan", "inf", "px", "ms",
    "pts", "pi", "tanh", "qps", "argmax", "QR", "SQLite", "PostgreSQL", "Excel", "Canvas", "Moodle",
}
# Whole texts that are names, not sentences: each language in its own words (the picker),
# and a class's six-character join code.
NAMES = re.compile("|".join([*(re.escape(lang.name) for lang in i18n.LANGUAGES),
                             r"\b[A-Z0-9]{6}\b"]))


def leftovers(text: str) -> list[str]:
    """The words of `text` outside ⟦…⟧ that are not code-like names."""
    outside, before = text, None
    while outside != before:
        before, outside = outside, WRAPPED.sub(" ", outside)
    outside = NAMES.sub(" ", outside)
    outside = re.sub(r":[a-z]+\[", "[", outside)  # Streamlit's colour markup, :red[...]
    return [word for word in WORD.findall(outside)
            if word not in ALLOWED
            and not re.fullmatch(r"[pbwWB]\d*|[xyXY][a-z]?|[a-zA-Z][₀-₉]+", word)]


def _strings(message: Message, where: str):
    for field, value in message.ListFields():
        if field.name in SKIPPED_FIELDS:
            continue
        values = value if field.is_repeated else [value]
        for item in values:
            if isinstance(item, Message):
                yield from _strings(item, f"{where}.{field.name}")
            elif isinstance(item, str):
                yield f"{where}.{field.name}", item


def _figure_texts(spec: str):
    figure = json.loads(spec)
    layout = figure.get("layout", {})
    for name, part in layout.items():
        if isinstance(part, dict):
            title = part.get("title")
            yield f"layout.{name}.title", (title or {}).get("text", "") if isinstance(
                title, dict) else str(title or "")
    title = layout.get("title")
    yield "layout.title", (title or {}).get("text", "") if isinstance(title, dict) else ""
    for note in layout.get("annotations", []):
        yield "annotation", str(note.get("text", ""))
    for trace in figure.get("data", []):
        if trace.get("showlegend", True) and trace.get("name"):
            yield "trace.name", str(trace["name"])


def texts(at):
    """(where, text) for every text of the AppTest's last run (main area and sidebar)."""
    stack = [at._tree]
    while stack:
        node = stack.pop()
        stack.extend(getattr(node, "children", {}).values())
        proto = getattr(node, "proto", None)
        if not isinstance(proto, Message):
            continue
        kind = type(node).__name__
        if kind in SKIPPED_ELEMENTS:
            continue
        yield from _strings(proto, kind)
        spec = getattr(proto, "spec", "")
        if kind in ("PlotlyChart", "UnknownElement") and isinstance(spec, str) and spec:
            try:
                yield from ((f"{kind}.{w}", t) for w, t in _figure_texts(spec))
            except (ValueError, AttributeError):
                pass


def unwrapped(at) -> list[str]:
    """'where: text' for every text of the run with a word outside ⟦…⟧."""
    return [f"{where}: {text[:120]!r}" for where, text in texts(at) if leftovers(text)]
