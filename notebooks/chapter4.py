"""Section 4.8 of Neural Networks from Scratch ("ReLU Activation in the Hidden Layers") as a
marimo notebook: the live tuner (nnsine.widget) beside the book's own code, run with the
tuner's values. Open it with `marimo edit notebooks/chapter4.py` (or run it as a script);
tests/test_widget_marimo.py runs it top to bottom. Needs requirements-widget.txt."""

import marimo

__generated_with = "0.25.2"
app = marimo.App(width="full")


@app.cell
def _():
    import marimo as mo
    import numpy as np
    from nnfs.datasets import sine_data

    from nnsine.book.walkthrough import STEPS
    from nnsine.formats.export import arrays
    from nnsine.widget import Tuner
    return STEPS, Tuner, arrays, mo, np, sine_data


@app.cell
def _(mo):
    mo.md(r"""
    # 4.8 ReLU activation in the hidden layers

    The book fits $y = \sin(2\pi x)$ on $[0, 1]$ with one input, **two hidden layers of
    8 ReLU neurons** and one linear output neuron, and tunes every weight **by hand**.
    Neuron $i$ of layer 1 feeds only neuron $i$ of layer 2: eight *pairs*. A pair makes a
    ramp: layer 1 decides where it starts (its weight is the slope, its bias moves the
    start), layer 2 decides where it stops, and the output weight says how much of the
    ramp the output gets. The first 7 pairs make the sine's shape; the last pair offsets
    everything vertically.

    Drag a slider: the red curve follows your thumb. When you let go, the values reach
    Python, and the book's code below runs again with them.
    """)
    return


@app.cell
def _(np):
    # The book's two classes (chapter 4), as printed.
    class Layer_Dense:
        def __init__(self, n_inputs, n_neurons):
            self.weights = 0.01 * np.random.randn(n_inputs, n_neurons)
            self.biases = np.zeros((1, n_neurons))

        def forward(self, inputs):
            self.output = np.dot(inputs, self.weights) + self.biases

    class Activation_ReLU:
        def forward(self, inputs):
            self.output = np.maximum(0, inputs)
    return Activation_ReLU, Layer_Dense


@app.cell
def _(STEPS, mo):
    step = mo.ui.dropdown({f"{k}. {s.title}": k for k, s in enumerate(STEPS)},
                          label="Start from a step of the book's walkthrough")
    step  # noqa: B018 - marimo shows a cell's last expression
    return (step,)


@app.cell
def _(Tuner, mo):
    tuner = mo.ui.anywidget(Tuner())
    return (tuner,)


@app.cell
def _(STEPS, step, tuner):
    # A step picked above goes into the tuner (its sliders move; its release runs the book).
    if step.value is not None:
        tuner.fit = STEPS[step.value].params
    return


@app.cell
def _(Activation_ReLU, Layer_Dense, arrays, np, sine_data, tuner):
    tuner.value  # noqa: B018 - this cell runs again on every release of a slider
    X, y = sine_data()  # the book's 1,000 points
    dense1, dense2, dense3 = Layer_Dense(1, 8), Layer_Dense(8, 8), Layer_Dense(8, 1)
    _values = arrays(tuner.fit)  # the tuner's values in the book's layout
    for _k, _layer in enumerate((dense1, dense2, dense3), start=1):
        _layer.weights = _values[f"dense{_k}_weights"]
        _layer.biases = _values[f"dense{_k}_biases"]
    activation1, activation2 = Activation_ReLU(), Activation_ReLU()
    dense1.forward(X)
    activation1.forward(dense1.output)
    dense2.forward(activation1.output)
    activation2.forward(dense2.output)
    dense3.forward(activation2.output)  # linear output: no activation
    book_mse = float(np.mean((dense3.output - y) ** 2))
    return book_mse, dense1, dense2, dense3


@app.cell
def _(book_mse, mo, tuner):
    _code = mo.md(f"""
    ```python
    dense1.forward(X)
    activation1.forward(dense1.output)
    dense2.forward(activation1.output)
    activation2.forward(dense2.output)
    dense3.forward(activation2.output)
    np.mean((dense3.output - y) ** 2)
    ```
    The book's code with the tuner's values: **MSE {book_mse:.5f}**
    (the tuner says {tuner.score.mse:.5f}).
    """)
    mo.hstack([tuner, _code], widths=[3, 2], align="start")
    return


@app.cell
def _(Tuner, dense1, dense2, dense3, mo, tuner):
    # Back the other way: the book's layers into a tuner (the inverse of the export).
    again = Tuner.from_layers(dense1, dense2, dense3)
    assert again.fit == tuner.fit
    mo.accordion({"Your fit as the book's program (tuner.to_nnfs())":
                  mo.md(f"```python\n{tuner.to_nnfs()}\n```")})
    return


if __name__ == "__main__":
    app.run()
