"""The listings against the book's own code run under the real `nnfs.init()`, in a
subprocess so that nnfs's patches never touch this process."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from nnsine import cli
from nnsine.book import listings

BOOK_CLASSES = """
import numpy as np
import nnfs
from nnfs.datasets import spiral_data

nnfs.init()

class Layer_Dense:
    def __init__(self, n_inputs, n_neurons):
        self.weights = 0.01 * np.random.randn(n_inputs, n_neurons)
        self.biases = np.zeros((1, n_neurons))
    def forward(self, inputs):
        self.output = np.dot(inputs, self.weights) + self.biases

class Activation_ReLU:
    def forward(self, inputs):
        self.output = np.maximum(0, inputs)

class Activation_Softmax:
    def forward(self, inputs):
        exp_values = np.exp(inputs - np.max(inputs, axis=1, keepdims=True))
        probabilities = exp_values / np.sum(exp_values, axis=1, keepdims=True)
        self.output = probabilities

def chapter():
    X, y = spiral_data(samples=100, classes=3)
    dense1 = Layer_Dense(2, 3)
    activation1 = Activation_ReLU()
    dense2 = Layer_Dense(3, 3)
    activation2 = Activation_Softmax()
    dense1.forward(X)
    activation1.forward(dense1.output)
    dense2.forward(activation1.output)
    activation2.forward(dense2.output)
    print(activation2.output[:5])
"""

# The book's listings, verbatim but for the @@ markers that split the output.
BOOK_PROCESS = BOOK_CLASSES + """
print("@@1")
inputs = [0, 2, -1, 3.3, -2.7, 1.1, 2.2, -100]
output = []
for i in inputs:
    if i > 0:
        output.append(i)
    else:
        output.append(0)
print(output)
print("@@2")
output = []
for i in inputs:
    output.append(max(0, i))
print(output)
print("@@3")
print("@@4")
X, y = spiral_data(samples=100, classes=3)
dense1 = Layer_Dense(2, 3)
activation1 = Activation_ReLU()
dense1.forward(X)
activation1.forward(dense1.output)
print(activation1.output[:5])
print("@@5")
layer_outputs = [4.8, 1.21, 2.385]
E = 2.71828182846
exp_values = []
for output in layer_outputs:
    exp_values.append(E ** output)
print('Exponentiated values:')
print(exp_values)
print("@@6")
norm_base = sum(exp_values)
norm_values = []
for value in exp_values:
    norm_values.append(value / norm_base)
print('Normalized exponentiated values:')
print(norm_values)
print('Sum of normalized values:', sum(norm_values))
print("@@7")
exp_values = np.exp(layer_outputs)
print('Exponentiated values:')
print(exp_values)
norm_values = exp_values / np.sum(exp_values)
print('Normalized exponentiated values:')
print(norm_values)
print('Sum of normalized values:', np.sum(norm_values))
print("@@8")
print("@@9")
print(np.exp(1))
print(np.exp(10))
print(np.exp(100))
print(np.exp(1000))
print("@@10")
print(np.exp(-np.inf), np.exp(0))
softmax = Activation_Softmax()
print("@@11")
softmax.forward([[1, 2, 3]])
print(softmax.output)
print("@@12")
softmax.forward([[-2, -1, 0]])
print(softmax.output)
print("@@13")
softmax.forward([[0.5, 1, 1.5]])
print(softmax.output)
print("@@14")
chapter()
"""

BOOK_FRESH_PROCESS = BOOK_CLASSES + """
print("@@15")
chapter()
"""


def run_book(code: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True, timeout=120)


@pytest.fixture(scope="module")
def book_output() -> tuple[dict[int, list[str]], str]:
    """Each listing's printed lines from the book's code, and the processes' stderr."""
    first, fresh = run_book(BOOK_PROCESS), run_book(BOOK_FRESH_PROCESS)
    sections = re.split(r"^@@(\d+)\n", first.stdout + fresh.stdout, flags=re.MULTILINE)
    assert sections[0] == ""
    printed = {int(number): body.splitlines()
               for number, body in zip(sections[1::2], sections[2::2], strict=True)}
    return printed, first.stderr + fresh.stderr


def test_every_listing_prints_the_books_digits(book_output):
    printed, stderr = book_output
    ours = {number: lines for number, _, lines in listings.listings()}
    assert list(ours) == list(range(1, 16)) == list(printed)
    for number, lines in ours.items():
        # Only In[9]'s overflow carries our note; the book's warning went to stderr.
        lines = "\n".join(lines).replace(listings.OVERFLOW_NOTE, "").splitlines()
        assert lines == printed[number], f"In[{number}]"
    assert "RuntimeWarning: overflow encountered in exp" in stderr
    assert printed[15] != printed[14]  # the generator really continued in In[14]


def test_the_books_softmax_digits_appear():
    text = listings.text()
    assert "[0.89528266 0.02470831 0.08000903]" in text
    assert "[[0.09003057 0.24472847 0.66524096]]" in text
    assert " [0.33333233 0.3333324  0.33333528]]" in text
    assert "In[9]: " in text and "\ninf  # " in text


def numpy_globals() -> dict:
    """What nnfs.init() would change: NumPy's functions, RNG state, error and print settings."""
    return {"dot": np.dot, "zeros": np.zeros, "eye": np.eye, "randn": np.random.randn,
            "seed": np.random.seed, "state": np.random.get_state(legacy=False),
            "err": np.geterr(), "print": np.get_printoptions()}


def assert_numpy_untouched(before: dict) -> None:
    """NumPy is as `before` (see numpy_globals) and its defaults are still float64."""
    after = numpy_globals()
    for name in ("dot", "zeros", "eye", "randn", "seed", "err", "print"):
        assert after[name] == before[name], name
    assert after["state"]["bit_generator"] == before["state"]["bit_generator"]
    assert np.array_equal(after["state"]["state"]["key"], before["state"]["state"]["key"])
    assert after["state"]["state"]["pos"] == before["state"]["state"]["pos"]
    assert np.zeros(2).dtype == np.eye(2).dtype == np.float64
    state = np.random.get_state()
    try:
        assert np.random.randn(2).dtype == np.float64
    finally:
        np.random.set_state(state)
    assert np.dot(np.ones(2), np.ones(2)).dtype == np.float64


def test_cli_prints_the_listings_and_leaves_numpy_alone(capsys):
    np.random.seed(1234)  # any state that nnfs.init()'s seed(0) would change
    before = numpy_globals()
    assert cli.main(["listings"]) == 0
    out, err = capsys.readouterr()
    assert out == listings.text() + "\n"
    assert err == ""
    assert_numpy_untouched(before)


@pytest.mark.subprocess
def test_cli_as_a_command_emits_no_warning():
    result = subprocess.run([sys.executable, "-W", "error", "-m", "nnsine", "listings"],
                            capture_output=True, text=True, timeout=120,
                            cwd=Path(__file__).resolve().parents[1])
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    assert result.stdout.startswith("In[1]: ")
