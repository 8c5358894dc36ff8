// The live tuner's messages to Python: a release sends the values once, with a
// sequence number and the checksum of the curve the browser drew.
import { checksum, forward } from "./forward.js";
import { attachOutage } from "./tuner_outage.js";

const KEY_COMMIT_MS = 250;  // a held arrow key commits at most this often

export function attachRelease(s) {
  // `extra`: optional fields of the release (issue 25: a paused Play's "optimizer" run).
  s.commit = (extra = {}) => {
    if (s.repick) s.repick();  // handle_layer.js: a pick Python may not have yet
    s.seq += 1;
    forward(s.values, s.nPairs, s.xs, s.y, s.data.relu);  // release may beat the frame
    const release = { values: Array.from(s.values), seq: s.seq, checksum: checksum(s.y),
      ...extra };
    s.keep(release);  // tuner_outage.js: kept until Python says it took it
    s.setStateValue("release", release);
  };
  attachOutage(s);
  // Keys: the first press commits at once; presses within KEY_COMMIT_MS of a commit are
  // gathered into one more commit when the window closes (a held key cannot queue reruns).
  // The commit waits for the frame that paints the key's curve: Streamlit's work on a
  // new widget value, done first, made that frame late on a slow device.
  let quiet = null, pending = false;
  s.commitKey = () => {
    if (quiet) { pending = true; return; }
    requestAnimationFrame(() => setTimeout(s.commit, 0));
    quiet = setTimeout(() => {
      quiet = null;
      if (pending) { pending = false; s.commitKey(); }
    }, KEY_COMMIT_MS);
  };
}
