// The pair network's forward pass in the browser: the project's only copy of
// engine logic, kept in the same operation order as nnsine.network.forward so
// that both give the same bits (tests/test_live_forward.py checks it in node).
//   params: 5 * nPairs + 1 numbers (w1, b1, w2, b2, w_out per pair, then b_out)
//   xs, out: Float64Array of the same length
export function forward(params, nPairs, xs, out) {
  const bOut = params[5 * nPairs];
  for (let j = 0; j < xs.length; j++) {
    const x = xs[j];
    let y = bOut;
    for (let i = 0; i < nPairs; i++) {
      const k = 5 * i;
      let hidden1 = params[k] * x + params[k + 1];
      if (hidden1 < 0) hidden1 = 0;  // np.maximum(v, 0.0), -0.0 included
      let hidden2 = params[k + 2] * hidden1 + params[k + 3];
      if (hidden2 < 0) hidden2 = 0;
      y = y + hidden2 * params[k + 4];
    }
    out[j] = y;
  }
  return out;
}

// x = j / n, as NumPy's arange(n) / n computes it.
export function grid(n) {
  const xs = new Float64Array(n);
  for (let j = 0; j < n; j++) xs[j] = j / n;
  return xs;
}
