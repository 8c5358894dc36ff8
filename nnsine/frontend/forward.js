// The pair network's forward pass in the browser: the project's only copy of
// engine logic, kept in the same operation order as nnsine.engine.network.forward so
// that both give the same bits (tests/test_live_forward.py checks it in node).
//   params: 5 * nPairs + 1 numbers (w1, b1, w2, b2, w_out per pair, then b_out)
//   xs, out: Float64Array of the same length
//   relu: false for linear hidden layers (section 4.6)
//   contributions: optional array of nPairs Float64Arrays, filled per pair
export function forward(params, nPairs, xs, out, relu = true, contributions = null) {
  const bOut = params[5 * nPairs];
  for (let j = 0; j < xs.length; j++) {
    const x = xs[j];
    let y = bOut;
    for (let i = 0; i < nPairs; i++) {
      const k = 5 * i;
      let hidden1 = params[k] * x + params[k + 1];
      if (relu && hidden1 < 0) hidden1 = 0;  // np.maximum(v, 0.0), -0.0 included
      let hidden2 = params[k + 2] * hidden1 + params[k + 3];
      if (relu && hidden2 < 0) hidden2 = 0;
      const contribution = hidden2 * params[k + 4];
      if (contributions) contributions[i][j] = contribution;
      y = y + contribution;
    }
    out[j] = y;
  }
  return out;
}

// x = (start + j) / denominator, as NumPy's arange(start, start + count) / denominator.
export function grid(count, start = 0, denominator = count) {
  const xs = new Float64Array(count);
  for (let j = 0; j < count; j++) xs[j] = (start + j) / denominator;
  return xs;
}

// The output summed left to right, as nnsine.engine.metrics.checksum does: equal sums mean the
// browser drew the engine's curve.
export function checksum(out) {
  let total = 0;
  for (let j = 0; j < out.length; j++) total += out[j];
  return total;
}
