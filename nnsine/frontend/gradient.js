// ∂MSE/∂parameter of the pair network in the browser: a copy of
// nnsine.engine.gradient.backward in the same operations and the same order, so that both
// give the same bits (tests/test_gradient_js.py checks it in node against NumPy).
//   params: 5 * nPairs + 1 numbers (w1, b1, w2, b2, w_out per pair, then b_out)
//   xs, ys: Float64Array (or arrays) of one length: the grid and the target there. The
//     target comes from Python (Math.sin is not NumPy's sin to the last bit).
//   relu: false for linear hidden layers (section 4.6)
//   grad: optional Float64Array(5 * nPairs + 1) to fill, so Play allocates nothing a step
// Returns { loss, grad }: the MSE (summed left to right, as the engine) and the gradient,
// each entry ∂MSE/∂params[k]. The ReLU passes no gradient where its output is 0 (the
// book's convention, chapter 9: its derivative at 0 is 0).
import { forward } from "./forward.js";

export function lossAndGradient(params, nPairs, xs, ys, relu = true, grad = null) {
  const n = xs.length;
  const size = 5 * nPairs + 1;
  grad = grad || new Float64Array(size);
  // -0 is the sum's identity (0 + -0 is +0): the first sample's value is kept bit for
  // bit, as NumPy's cumsum keeps it.
  grad.fill(-0);
  const output = forward(params, nPairs, xs, new Float64Array(n), relu);
  let loss = -0;
  for (let j = 0; j < n; j++) {
    const x = xs[j];
    const error = output[j] - ys[j];
    loss = loss + error * error;
    const dOutput = (2.0 / n) * error;
    for (let i = 0; i < nPairs; i++) {
      const k = 5 * i;
      let hidden1 = params[k] * x + params[k + 1];
      if (relu && hidden1 < 0) hidden1 = 0;  // as forward.js: np.maximum(v, 0.0)
      let hidden2 = params[k + 2] * hidden1 + params[k + 3];
      if (relu && hidden2 < 0) hidden2 = 0;
      const dSum2 = !relu || hidden2 > 0 ? dOutput * params[k + 4] : 0.0;
      const dSum1 = !relu || hidden1 > 0 ? dSum2 * params[k + 2] : 0.0;
      grad[k] = grad[k] + dSum1 * x;
      grad[k + 1] = grad[k + 1] + dSum1;
      grad[k + 2] = grad[k + 2] + dSum2 * hidden1;
      grad[k + 3] = grad[k + 3] + dSum2;
      grad[k + 4] = grad[k + 4] + dOutput * hidden2;
    }
    grad[size - 1] = grad[size - 1] + dOutput;
  }
  return { loss: loss / n, grad };
}

// The largest |gradient| (0 for none): a UI scales every arrow by it.
export function largest(grad) {
  let top = 0;
  for (let k = 0; k < grad.length; k++) top = Math.max(top, Math.abs(grad[k]));
  return top;
}
