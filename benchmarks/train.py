"""How fast does the optimizer finish the hand-tuned fit? nnsine's NumPy trainer against
PyTorch on the CPU, in the same run: same 1-8-8-1 network, same start (the hand-tuned
preset), same Adam settings, float64, the same clipping into the sliders' range, full batch.

    python benchmarks/train.py [--repeats 3]

Times how long each takes to bring the MSE on the book's grid to the target (pairwise
wiring: 1.5e-4; dense layer 2: 5e-5) and prints the ratio. Without PyTorch it says so and
prints nnsine's figures only (pip install -r benchmarks/requirements.txt).
"""

from __future__ import annotations

import argparse
import os
import platform
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from nnsine.book import presets  # noqa: E402
from nnsine.engine import dense, targets, training  # noqa: E402

ADAM = training.Adam()  # learning rate 0.005, betas 0.9 / 0.999, epsilon 1e-7, no decay
CASES = (("pairwise", True, 1.5e-4, 5_000), ("dense", False, 5e-5, 40_000))


def ours(start: dense.Dense, pairwise: bool, target_mse: float, budget: int):
    """(seconds, steps) for nnsine to reach target_mse (steps None if it did not)."""
    x, y = targets.sample()
    mask = dense.pair_mask(start.sizes) if pairwise else None
    began = time.perf_counter()
    run = training.train(start, x, y, budget, optimizer=ADAM, mask=mask, until=target_mse)
    seconds = time.perf_counter() - began
    return seconds, (len(run.losses) - 1 if run.losses[-1] <= target_mse else None)


def theirs(torch, start: dense.Dense, pairwise: bool, target_mse: float, budget: int):
    """(seconds, steps) for the same training written the ordinary PyTorch way."""
    x, y = targets.sample()
    inputs, target = torch.tensor(x.reshape(-1, 1)), torch.tensor(y)
    tensors = [torch.tensor(part.copy(), requires_grad=True)
               for layer in start.layers for part in layer]
    optimizer = torch.optim.Adam(tensors, lr=ADAM.learning_rate,
                                 betas=(ADAM.beta_1, ADAM.beta_2), eps=ADAM.epsilon)
    diagonal = torch.eye(start.sizes[1], dtype=torch.float64)
    low, high = training.BOUNDS
    began = time.perf_counter()
    for step in range(budget + 1):
        weights1, biases1, weights2, biases2, weights3, biases3 = tensors
        hidden = torch.relu(torch.relu(inputs @ weights1 + biases1) @ weights2 + biases2)
        loss = torch.mean(((hidden @ weights3 + biases3)[:, 0] - target) ** 2)
        if loss.item() <= target_mse:
            return time.perf_counter() - began, step
        if step == budget:
            break
        optimizer.zero_grad()
        loss.backward()
        if pairwise:
            weights2.grad.mul_(diagonal)
        optimizer.step()
        with torch.no_grad():
            for tensor in tensors:
                tensor.clamp_(low, high)
    return time.perf_counter() - began, None


def best_threads(torch, start: dense.Dense) -> int:
    """PyTorch's faster thread count for this network (tiny matrices: usually 1)."""
    timings = {}
    for threads in sorted({1, torch.get_num_threads()}):
        torch.set_num_threads(threads)
        timings[threads] = fastest(lambda: theirs(torch, start, False, 0.0, 300), 2)[0]
    return min(timings, key=timings.get)


def fastest(function, repeats: int):
    results = [function() for _ in range(repeats)]
    return min(seconds for seconds, _ in results), results[0][1]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=3, help="best of this many runs")
    args = parser.parse_args()
    try:
        import torch
    except ImportError:
        torch = None
        print("PyTorch is not installed (pip install -r benchmarks/requirements.txt): "
              "printing nnsine's figures only.\n")
    start = dense.from_params(presets.preset("hand-tuned"))
    if torch is not None:
        torch.set_num_threads(threads := best_threads(torch, start))
    print(f"Python {platform.python_version()}, NumPy {np.__version__}, "
          f"{f'PyTorch {torch.__version__} ({threads} thread(s))' if torch else 'no PyTorch'}, "
          f"{os.cpu_count()} CPUs; best of {args.repeats}")
    rows = []
    for name, pairwise, target_mse, budget in CASES:
        our_time, our_steps = fastest(lambda p=pairwise, t=target_mse, b=budget:
                                      ours(start, p, t, b), args.repeats)
        row = [name, f"{target_mse:.1e}", _steps(our_steps), f"{our_time:.3f} s"]
        if torch is not None:
            their_time, their_steps = fastest(lambda p=pairwise, t=target_mse, b=budget:
                                              theirs(torch, start, p, t, b), args.repeats)
            per_step = (their_time / max(their_steps or budget, 1)) / (
                our_time / max(our_steps or budget, 1))
            row += [_steps(their_steps), f"{their_time:.3f} s", f"{their_time / our_time:.1f}×",
                    f"{per_step:.1f}×"]
        rows.append(row)
    header = ["wiring", "target MSE", "nnsine steps", "nnsine time"]
    if torch is not None:
        header += ["PyTorch steps", "PyTorch time", "PyTorch / nnsine", "per step"]
    print("| " + " | ".join(header) + " |")
    print("|" + "---|" * len(header))
    for row in rows:
        print("| " + " | ".join(row) + " |")
    return 0


def _steps(steps: int | None) -> str:
    return "not reached" if steps is None else str(steps)


if __name__ == "__main__":
    sys.exit(main())
