// The dense 1 -> n -> n -> 1 network ("enable all of the weights", Fig. 4-32) in the
// browser: forward pass and ∂MSE/∂parameter, a copy of nnsine.engine.dense_order in the
// same operations and order, so that both give the same bits (tests/test_gradient_js.py).
//   vector: n^2 + 4n + 1 numbers, engine.dense.Dense's order: w1 (n), b1 (n), layer 2's
//     weights row by row (from layer-1 neuron i to layer-2 neuron j at n + n + i * n + j),
//     b2 (n), w_out (n), b_out
//   xs, ys: Float64Array of one length (ys from Python: Math.sin is not NumPy's sin)
//   relu: false for linear hidden layers
// optimizer.js's step() trains this vector as it trains the pair network's.

export function width(vector) {
  const n = Math.round(Math.sqrt(vector.length + 3) - 2);
  if (n < 1 || n * n + 4 * n + 1 !== vector.length) {
    throw new RangeError(`a 1 -> n -> n -> 1 network has n^2 + 4n + 1 parameters, not ${vector.length}`);
  }
  return n;
}

// One sample through the network: fills h1, h2 (Float64Array(n)), returns the output.
function pass(vector, n, x, h1, h2, relu) {
  const w2 = 2 * n, b2 = w2 + n * n, w3 = b2 + n;
  for (let i = 0; i < n; i++) {
    const z = x * vector[i] + vector[n + i];
    h1[i] = relu && z < 0 ? 0 : z;  // np.maximum(z, 0.0)
  }
  for (let j = 0; j < n; j++) {
    let z = vector[b2 + j];
    for (let i = 0; i < n; i++) z = z + h1[i] * vector[w2 + i * n + j];
    h2[j] = relu && z < 0 ? 0 : z;
  }
  let y = vector[w3 + n];
  for (let j = 0; j < n; j++) y = y + h2[j] * vector[w3 + j];
  return y;
}

// The output at every x into out (Float64Array of xs.length); returns out.
export function denseForward(vector, xs, out, relu = true) {
  const n = width(vector);
  const h1 = new Float64Array(n), h2 = new Float64Array(n);
  for (let s = 0; s < xs.length; s++) out[s] = pass(vector, n, xs[s], h1, h2, relu);
  return out;
}

// { loss, grad }: the MSE (summed left to right) and the gradient, shaped like vector;
// grad: optional Float64Array buffer. The ReLU's derivative at 0 is 0 (chapter 9).
export function denseLossAndGradient(vector, xs, ys, relu = true, grad = null) {
  const n = width(vector), count = xs.length;
  const w2 = 2 * n, b2 = w2 + n * n, w3 = b2 + n;
  grad = grad || new Float64Array(vector.length);
  grad.fill(-0);  // -0: the sum's identity, so the first sample's value is kept exactly
  const h1 = new Float64Array(n), h2 = new Float64Array(n), dz2 = new Float64Array(n);
  let loss = -0;
  for (let s = 0; s < count; s++) {
    const x = xs[s];
    const error = pass(vector, n, x, h1, h2, relu) - ys[s];
    loss = loss + error * error;
    const dOutput = (2.0 / count) * error;
    for (let j = 0; j < n; j++) {
      dz2[j] = !relu || h2[j] > 0 ? dOutput * vector[w3 + j] : 0.0;
      grad[w3 + j] = grad[w3 + j] + dOutput * h2[j];
      grad[b2 + j] = grad[b2 + j] + dz2[j];
    }
    grad[w3 + n] = grad[w3 + n] + dOutput;
    for (let i = 0; i < n; i++) {
      let dh1 = -0;
      for (let j = 0; j < n; j++) {
        dh1 = dh1 + dz2[j] * vector[w2 + i * n + j];
        grad[w2 + i * n + j] = grad[w2 + i * n + j] + h1[i] * dz2[j];
      }
      const dz1 = !relu || h1[i] > 0 ? dh1 : 0.0;
      grad[i] = grad[i] + dz1 * x;
      grad[n + i] = grad[n + i] + dz1;
    }
  }
  return { loss: loss / count, grad };
}
