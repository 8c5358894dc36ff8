"""The live tuner's outage logic (nnsine/frontend/tuner_outage.js) in node, with a stand-in
page and clock: a release made while the server is away is kept and sent once, the
student is told it was sent, or after GIVE_UP_MS that it was not, in the words Python sent
(data.words: nnsine/frontend_words.py). The real server restart is
tests/test_outage_browser.py's."""

import json
import shutil
import subprocess

import pytest

from nnsine import frontend_words, i18n
from tests.conftest import ROOT

OUTAGE_JS = ROOT / "nnsine" / "frontend" / "tuner_outage.js"

DRIVER = """
import { attachOutage, SAY } from %s;
const WORDS = %s;
let down = false, next = 1;
const timers = new Map();
globalThis.setInterval = (fn) => { timers.set(next, { fn, every: true }); return next++; };
globalThis.setTimeout = (fn) => { timers.set(next, { fn, every: false }); return next++; };
globalThis.clearInterval = globalThis.clearTimeout = (id) => timers.delete(id);
const note = { style: {}, textContent: "", setAttribute() {}, remove() {} };
globalThis.document = { createElement: () => note, body: { appendChild() {} },
                        querySelector: () => (down ? {} : null) };
const poll = () => [...timers.values()].filter((t) => t.every).forEach((t) => t.fn());
const later = () => [...timers].filter(([, t]) => !t.every).forEach(([id, t]) => {
  timers.delete(id); t.fn(); });
const sent = [];
const s = { gone: new AbortController(), seq: 100, values: [0, 0], data: null,
            show(data) { s.data = data; }, setValues(v) { s.values = [...v]; }, redraw() {},
            setStateValue: (key, value) => sent.push({ key, ...value }) };
attachOutage(s);
const show = s.show;
s.show = (data) => show({ ...data, words: WORDS });  // as every run's data carries them
const shown = () => (note.style.display === "block" ? note.textContent : "");
const release = (v) => { s.seq += 1; const r = { values: [v, 0], seq: s.seq, checksum: v };
                         s.keep(r); sent.push({ key: "release", ...r }); return r; };
const log = {};
s.show({ values: [0, 0], accepted: null });
const first = release(1);
s.show({ values: [1, 0], accepted: first.seq });  // answered while connected
log.normal = { pending: s.pending, shown: shown(), sent: sent.length };
down = true; poll();
log.away = shown();
const kept = release(2);  // Streamlit drops this one: the socket is down
log.kept = shown();
down = false; poll();  // back: sent again at once, with a new seq
log.resent = sent.at(-1); log.valuesResent = s.values;
s.show({ values: [0, 0], accepted: null });  // the new session's first run, from its URL
log.sentAfterFirstRun = sent.length;
s.show({ values: [2, 0], accepted: log.resent.seq });
log.acked = { pending: s.pending, shown: shown(), values: s.values };
later();
log.afterBack = shown();
down = true; poll(); release(3); down = false; poll();
later();  // GIVE_UP_MS passes with no answer
log.lost = { shown: shown(), pending: s.pending };
log.say = Object.fromEntries(Object.entries(SAY).map(([k, key]) => [k, WORDS[key]]));
log.keptSeq = kept.seq;
process.stdout.write(JSON.stringify(log));
"""


@pytest.mark.subprocess
@pytest.mark.parametrize("lang", ["en", i18n.PSEUDO])
def test_a_release_made_while_away_is_sent_once_and_answered_or_reported(lang):
    node = shutil.which("node")
    if node is None:
        pytest.fail("node is needed to test the browser's outage logic")
    with i18n.using(lang):
        words = frontend_words.words()
    done = subprocess.run([node, "--input-type=module", "-e",
                           DRIVER % (json.dumps(OUTAGE_JS.as_uri()), json.dumps(words))],
                          check=True, capture_output=True, text=True, timeout=60)
    log = json.loads(done.stdout)
    say = log["say"]
    assert say["away"] == words["outage_away"] and all(say.values())
    assert all(text.startswith("⟦") for text in say.values()) == (lang == i18n.PSEUDO)
    assert log["normal"] == {"pending": None, "shown": "", "sent": 1}
    assert log["away"] == say["away"] and log["kept"] == say["keptChange"]
    resent = log["resent"]
    assert resent["values"] == [2, 0] and resent["checksum"] == 2
    assert resent["seq"] > log["keptSeq"]  # a new release for the new session
    assert log["valuesResent"] == [2, 0]  # the sliders show what is sent
    assert log["sentAfterFirstRun"] == 3  # sent once, not again on every run
    assert log["acked"] == {"pending": None, "shown": say["sent"], "values": [2, 0]}
    assert log["afterBack"] == ""  # "sent" goes after a while
    assert log["lost"] == {"shown": say["lost"], "pending": None}
