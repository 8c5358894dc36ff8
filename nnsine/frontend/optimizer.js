// One optimizer step in the browser (the book's chapter 10: SGD without momentum, and
// Adam), a copy of one pass of nnsine.engine.training.train's loop with
// nnsine.engine.optimizers.update, in the same operations and order: Play here gives the
// engine's bits (tests/test_gradient_js.py checks it in node against NumPy).
//   settings: Python's own numbers, dataclasses.asdict(SGD or Adam) plus kind:
//     { kind: "sgd" | "adam", learning_rate, decay, epsilon, beta_1, beta_2 }
//   state: { momentum, cache: Float64Array(size), steps } (newState), as training.Moments
//   mask: null, or size numbers: 0 locks a parameter (optimizers.lock_mask), 1 lets it move
//   bounds: null, or [low, high] (training.BOUNDS): every value is clipped after the step
import { lossAndGradient } from "./gradient.js";

export function newState(size) {
  return { momentum: new Float64Array(size), cache: new Float64Array(size), steps: 0 };
}

// base ** exponent by repeated squaring, as optimizers.power (Math.pow is not C's pow).
export function power(base, exponent) {
  let result = 1.0;
  while (exponent > 0) {
    if (exponent % 2 === 1) result *= base;
    base *= base;
    exponent = Math.floor(exponent / 2);
  }
  return result;
}

// Step state.steps + 1, in place: vector, state (and grad, masked) change. Locked
// parameters are put back exactly (no -0.0 for 0.0, no clip of a locked value).
export function step(vector, grad, state, settings, mask = null, bounds = null) {
  const size = vector.length;
  const t = state.steps + 1;
  const kept = mask ? Float64Array.from(vector) : null;
  if (mask) for (let k = 0; k < size; k++) grad[k] = grad[k] * mask[k];
  const rate = settings.learning_rate / (1.0 + settings.decay * (t - 1));
  if (settings.kind === "sgd") {
    for (let k = 0; k < size; k++) vector[k] = vector[k] - rate * grad[k];
  } else {
    const { beta_1: beta1, beta_2: beta2, epsilon } = settings;
    const { momentum, cache } = state;
    const scale = 1.0 / Math.sqrt(1.0 - power(beta2, t));
    const stepSize = rate / (1.0 - power(beta1, t));
    for (let k = 0; k < size; k++) {
      momentum[k] = momentum[k] * beta1 + (1.0 - beta1) * grad[k];
      cache[k] = cache[k] * beta2 + (1.0 - beta2) * (grad[k] * grad[k]);
      const denominator = Math.sqrt(cache[k]) * scale + epsilon;
      vector[k] = vector[k] - (stepSize * momentum[k]) / denominator;
    }
  }
  if (bounds) {
    for (let k = 0; k < size; k++) vector[k] = Math.min(Math.max(vector[k], bounds[0]), bounds[1]);
  }
  if (mask) for (let k = 0; k < size; k++) if (mask[k] === 0) vector[k] = kept[k];
  state.steps = t;
}

// One training step of the pair network on (xs, ys), as training.train(..., 1): the
// gradient at `params`, then the step. Returns the MSE before the step (the engine's
// run.losses[k]); `grad` (optional buffer) then holds the masked gradient used.
export function trainStep(params, nPairs, xs, ys, state, settings,
                          { mask = null, bounds = null, relu = true, grad = null } = {}) {
  const result = lossAndGradient(params, nPairs, xs, ys, relu, grad);
  step(params, result.grad, state, settings, mask, bounds);
  return result.loss;
}
