// The class server away (restarting, or this phone off the wifi): say so in the class's
// words, and keep the last release until Python has taken it.
// Streamlit's own dialog ("Are you connected to the internet?") cannot be worded; it shows
// its connection status element while its websocket is down, which is what we watch. A
// release made then is dropped by Streamlit ("Cannot send rerun backMessage when
// disconnected"), so it is kept here and sent again once the page is back on a session
// (a restart is a new session, whose fit comes from the URL). Python says which release it
// took in data.accepted (ui/tuner/live_panel.py), and the words to say it in
// (data.words, translated: nnsine/frontend_words.py).
import { say as word } from "./words.js";

const DOWN = '[data-testid="stConnectionStatus"]';  // present only while not connected
const POLL_MS = 500;  // a DOM look-up twice a second: no observer on Streamlit's busy tree
const GIVE_UP_MS = 15000;  // a resent release not answered by then is reported lost
const BACK_MS = 5000;  // how long "back" stays on screen

// What is said when, as keys of data.words.
export const SAY = { away: "outage_away", keptChange: "outage_kept", sent: "outage_sent",
                     back: "outage_back", lost: "outage_lost" };

function statusLine(signal) {
  const note = document.createElement("div");
  note.className = "nt-outage";
  note.setAttribute("role", "status");
  note.setAttribute("aria-live", "polite");
  // Fixed at the top, above Streamlit's own dialog, in colours readable on either theme.
  Object.assign(note.style, {
    position: "fixed", top: "0", left: "0", right: "0", zIndex: "2147483647",
    padding: "0.6rem 1rem", background: "#fff3cd", color: "#3d2c00",
    borderBottom: "2px solid #c9a227", fontWeight: "600", fontSize: "1rem", lineHeight: "1.4",
    textAlign: "center", display: "none" });
  document.body.appendChild(note);
  signal.addEventListener("abort", () => note.remove());
  return note;
}

export function attachOutage(s) {
  const note = statusLine(s.gone.signal);
  let away = false, hide = 0, giveUp = 0;
  // The words of the data last shown: the page keeps them while the server is away.
  const say = (key, forMs = 0) => {
    const text = key && word(s.data && s.data.words, key);
    clearTimeout(hide);
    note.textContent = text;
    note.style.display = text ? "block" : "none";
    if (forMs) hide = setTimeout(() => say(""), forMs);
  };
  s.keep = (release) => {  // tuner_release.js: every release, before it is sent
    s.pending = { ...release, away };
    if (away) say(SAY.keptChange);
  };
  // Back on a session that never had it (a restart is a new session, which drew its
  // URL's fit): show the kept release again and send it again, once.
  const resend = () => {
    const kept = s.pending;
    away = false;
    s.setValues(kept.values);
    s.redraw(null);
    s.seq += 1;
    s.pending = { ...kept, seq: s.seq, resent: true };
    const { values, seq, checksum } = s.pending;
    s.setStateValue("release", { values, seq, checksum });
    giveUp = setTimeout(() => {
      if (s.pending && s.pending.seq === seq) { s.pending = null; say(SAY.lost); }
    }, GIVE_UP_MS);
  };
  const poll = setInterval(() => {
    const down = document.querySelector(DOWN) !== null;
    if (down && !away) {
      away = true;
      if (s.pending) s.pending.away = true;
      say(s.pending ? SAY.keptChange : SAY.away);
    } else if (!down && away) {
      away = false;
      if (!s.pending) say(SAY.back, BACK_MS);
      else if (s.pending.away && !s.pending.resent) resend();
    }
  }, POLL_MS);
  s.gone.signal.addEventListener("abort", () => { clearInterval(poll); clearTimeout(giveUp); });

  const show = s.show;
  s.show = (data) => {
    // live_tuner.js re-plots when a field it does not know changes: it never sees this one.
    const { accepted, ...drawn } = data;
    const given = data !== s.data;  // from a rerun (not a redraw of what we had)
    show(drawn);
    s.data = data;  // what the component was given, so the same data is not shown twice
    const kept = s.pending;
    if (!kept || !given) return;
    if (accepted === kept.seq) {
      s.pending = null;
      clearTimeout(giveUp);
      if (kept.away) {  // the new session may have drawn its URL's fit in between
        s.setValues(data.values);
        s.redraw(null);
        say(SAY.sent, BACK_MS);
      }
    } else if (kept.away && !kept.resent) {
      resend();  // data only comes over a live socket: we are back
    }
  };
}
