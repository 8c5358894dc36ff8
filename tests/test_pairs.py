"""Areas of effect against a numerical oracle; raw <-> meaning round trips; warnings."""

import math

import numpy as np
import pytest

from nnsine.book import presets
from nnsine.engine import network, pairs
from nnsine.formats import params
from tests.tuned import TUNED

WINDOW, SPACING = 25.0, 1e-3


def one_pair(w1, b1, w2, b2, w_out, b_out=0.0):
    return network.Params(w1=[w1], b1=[b1], w2=[w2], b2=[b2], w_out=[w_out], b_out=b_out)


def contribution(p, i, x):
    return network.forward(p, x).contributions[:, i]


def oracle(p, i):
    """Where the contribution's slope is nonzero on a fine grid over the window:
    (on, off) clipped to the window, or None; and the values at the window's ends."""
    x = np.arange(-WINDOW, WINDOW + SPACING / 2, SPACING)
    y = contribution(p, i, x)
    moving = np.flatnonzero(np.diff(y) != 0)
    if moving.size == 0:
        return None, y[0], y[-1]
    assert np.all(np.diff(moving) == 1), "the slope is nonzero on one interval only"
    return (x[moving[0]], x[moving[-1] + 1]), y[0], y[-1]


def random_pair(rng, strong=0.5):
    """Values on the slider grid; |w1|, |w2| >= strong keep the edges inside the window."""
    def weight():
        return params.snap(params.FIELDS["w1"], rng.choice([-1, 1]) * rng.uniform(strong, 10))
    w1, w2 = weight(), weight()
    b1, b2 = (params.snap(params.FIELDS["b1"], v) for v in rng.uniform(-10, 10, 2))
    w_out = params.snap(params.FIELDS["w_out"], rng.choice([-1, 1]) * rng.uniform(0.01, 10))
    return one_pair(w1, b1, w2, b2, w_out)


def test_area_matches_the_oracle_on_random_pairs():
    rng = np.random.default_rng(7)
    checked = 0
    for _ in range(400):
        p = random_pair(rng)
        a = pairs.area(p, 0)
        found, first, last = oracle(p, 0)
        if a is None:
            assert found is None
            far = contribution(p, 0, np.array([-1e6, -1.0, 0.0, 1.0, 1e6]))
            assert np.all(far == far[0])
            continue
        assert a.on < a.off
        on, off = max(a.on, -WINDOW), min(a.off, WINDOW)
        if off - on < 3 * SPACING:  # the area lies (almost) outside the window
            continue
        checked += 1
        assert found is not None
        assert abs(found[0] - on) <= SPACING * 1.01 and abs(found[1] - off) <= SPACING * 1.01
        if math.isfinite(a.on):
            assert a.left == pytest.approx(first, abs=1e-9)
        else:
            assert math.isnan(a.left)
        if math.isfinite(a.off):
            assert a.right == pytest.approx(last, abs=1e-9)
        else:
            assert math.isnan(a.right)
        assert a.height == pytest.approx(a.right - a.left, nan_ok=True)
    assert checked > 100


@pytest.mark.parametrize("raw", [
    (0.0, 0.5, -1.0, 0.75, 1.0),   # layer-1 weight 0: a constant
    (5.0, 0.0, 0.0, 0.75, 1.0),    # layer-2 weight 0: a constant
    (5.0, 0.0, -1.0, 0.75, 0.0),   # output weight 0
    (5.0, 0.0, -1.0, -0.5, 1.0),   # layer 2 never active while layer 1 is
    (5.0, -1.0, -1.0, 0.0, 1.0),   # the two edges meet: nothing in between
    (-5.0, 1.0, -1.0, -0.2, 1.0),  # mirrored, half-lines miss each other
])
def test_no_area_when_the_contribution_never_changes(raw):
    p = one_pair(*raw)
    assert pairs.area(p, 0) is None
    assert oracle(p, 0)[0] is None


def test_area_of_the_hand_tuned_pairs():
    p = TUNED
    first = pairs.area(p, 0)
    assert (first.on, first.off) == (0.0, pytest.approx(0.15))
    assert first.left == pytest.approx(0.75 * -1.09) and first.right == 0.0
    assert first.height == pytest.approx(0.8175)
    edges = [pairs.area(p, i) for i in range(7)]
    for a, b in zip(edges, edges[1:], strict=False):
        assert a.off == pytest.approx(b.on)  # each ramp starts where the previous stops
    assert pairs.area(p, 7) is None  # the offset pair


def test_unbounded_areas():
    rising = pairs.area(one_pair(2.0, -1.0, 1.0, 0.0, 1.0), 0)
    assert rising.on == 0.5 and rising.off == math.inf
    assert rising.left == 0.0 and math.isnan(rising.right) and math.isnan(rising.height)
    falling = pairs.area(one_pair(-2.0, 1.0, 1.0, 0.0, 1.0), 0)
    assert falling.on == -math.inf and falling.off == 0.5 and falling.right == 0.0


def test_describe():
    p = TUNED
    assert pairs.describe(p, 1) == "on at x = 0.15, off at x = 0.26, adds 0.19"
    assert pairs.describe(p, 2) == "on at x = 0.26, off at x = 0.36, adds -0.23"
    assert pairs.describe(p, 7) == "adds -0.02 everywhere (its layer-1 weight is 0)"
    assert pairs.describe(p.replace(1, w_out=0.0), 1) == (
        "never changes the output (its output weight is 0)")
    assert pairs.describe(one_pair(2.0, -0.3, 1.0, 0.0, 1.0), 0) == (
        "on at x = 0.15 and never switches off (its layer-2 weight is positive)")
    assert pairs.describe(one_pair(-2.0, 0.52, 1.0, 0.0, 1.0), 0) == (
        "on from the far left, off at x = 0.26 (its layer-2 weight is positive)")
    dead = one_pair(5.0, -10.0, 1.0, -0.1, 1.0)  # layer 1 wakes at x = 2, layer 2 at 2.02
    assert pairs.describe(dead, 0) == "dead: never active on [0, 1)"
    assert pairs.describe(dead, 0, lo=0.0, hi=3.0) == (
        "on at x = 2.02 and never switches off (its layer-2 weight is positive)")
    away = one_pair(5.0, -10.0, -1.0, 0.5, 1.0)  # bends on (2, 2.1), adds 0.5 before
    assert pairs.describe(away, 0) == (
        "adds 0.50 on [0, 1): it bends the output only outside it "
        "(on at x = 2.00, off at x = 2.10, adds -0.50)")
    assert pairs.describe(away, 0, lo=0.0, hi=3.0).startswith("on at x = 2.00")
    assert pairs.describe(one_pair(5.0, 0.0, -1.0, 0.0, 1.0), 0) == (
        "dead: never active on [0, 1)")
    assert "-0.00" not in pairs.describe(one_pair(5.0, 0.004, -1.0, 0.75, 1.0), 0)


def test_meaning_to_raw_to_meaning():
    rng = np.random.default_rng(3)
    for _ in range(500):
        base = random_pair(rng, strong=0.01)
        on = round(rng.uniform(-1.5, 1.5), 3)
        off = round(on + rng.uniform(0.02, 1.0), 3)
        height = round(rng.uniform(-5, 5) * (off - on), 3)  # reachable: scale <= 0.5
        p = pairs.from_meaning(base, 0, on, off, height)
        assert params.snap_all(p) == p and p.w2[0] == -1.0
        assert (p.w1[0] < 0) == (base.w1[0] < 0)  # orientation kept
        a = pairs.area(p, 0) if height and p.w_out[0] else None
        if a is None:  # height rounds to an output weight of 0
            assert abs(height) <= 0.005 * p.b2[0]
            continue
        scale = abs(p.w1[0])
        assert a.on == pytest.approx(on, abs=0.005 / scale + 1e-9)
        assert a.off == pytest.approx(off, abs=0.005 / scale + 1e-9)
        assert a.height == pytest.approx(height, abs=0.005 * p.b2[0] + 1e-9)


def test_meaning_keeps_the_scale_when_it_can():
    p = TUNED
    moved = pairs.from_meaning(p, 2, 0.3, 0.4, -0.2)
    assert moved.pair(2) == {"w1": 5.0, "b1": -1.5, "w2": -1.0, "b2": 0.5, "w_out": 0.4}
    assert [moved.pair(i) for i in (0, 1, 3)] == [p.pair(i) for i in (0, 1, 3)]
    assert moved.b_out == p.b_out
    assert pairs.from_meaning(p, 7, 0.2, 0.4, 0.5).w1[7] == 1.0  # w1 was 0: scale 1
    mirrored = pairs.from_meaning(one_pair(-2.0, 1.0, 1.0, 0.0, 1.0), 0, 0.2, 0.4, 0.5)
    assert mirrored.pair(0) == {"w1": -2.0, "b1": 0.8, "w2": -1.0, "b2": 0.4, "w_out": 1.25}
    steep = pairs.from_meaning(p, 0, 0.0, 0.1, 8.0)  # needs |w_out| = 16 at scale 5
    assert steep.w1[0] == 8.0 and abs(steep.w_out[0]) <= 10
    assert pairs.area(steep, 0).height == pytest.approx(8.0, abs=0.01)
    wide = pairs.from_meaning(p, 0, -1.0, 3.0, 1.0)  # b2 = 20 at scale 5: scale lowered
    assert wide.w1[0] == 2.5 and wide.b2[0] == 10.0


def test_raw_to_meaning_to_raw_keeps_the_contribution():
    rng = np.random.default_rng(11)
    x = np.linspace(-3, 3, 6001)
    checked = 0
    while checked < 300:
        p = random_pair(rng, strong=0.01)
        a = pairs.area(p, 0)
        if a is None or not (math.isfinite(a.on) and math.isfinite(a.off)):
            continue
        width = a.off - a.on
        # Layer-2 weight -1 caps the height at 10 * b2; scale 1 reaches 10 * width.
        if not (-2 < a.on and a.off < 2 and abs(a.height) < 10 * width):
            continue
        q = pairs.from_meaning(p, 0, a.on, a.off, a.height)
        scale = abs(q.w1[0])
        tolerance = abs(a.height) / width * 0.015 / scale + 0.005 * q.b2[0] + 1e-9
        error = np.max(np.abs(contribution(q, 0, x) - contribution(p, 0, x)))
        assert error <= tolerance
        checked += 1


@pytest.mark.parametrize("on, off, height, message", [
    (0.5, 0.5, 1.0, "before"),
    (0.6, 0.2, 1.0, "before"),
    (0.2, math.inf, 1.0, "finite"),
    (-math.inf, 0.2, 1.0, "finite"),
    (0.2, 0.4, math.nan, "finite"),
    (0.0, 0.01, 50.0, r"cannot .* in \[-10, 10\]"),
    (20.0, 21.0, 10.0, "cannot"),  # |b1| <= 10 needs scale <= 0.5
])
def test_from_meaning_rejects_what_it_cannot_do(on, off, height, message):
    with pytest.raises(ValueError, match=message):
        pairs.from_meaning(TUNED, 0, on, off, height)


def test_an_unbounded_area_cannot_be_set_back():
    p = one_pair(2.0, -1.0, 1.0, 0.0, 1.0)
    a = pairs.area(p, 0)
    with pytest.raises(ValueError, match="never ends"):
        pairs.from_meaning(p, 0, a.on, a.off, a.height)


def test_warnings():
    fit = TUNED
    assert pairs.warnings(fit) == []
    assert pairs.warnings(presets.preset("zeros")) == []
    dead = fit.replace(2, b1=-10.0, w2=1.0, b2=-0.1)  # wakes at x = 2.02
    assert pairs.warnings(dead) == [
        "Pair 3 is dead: its layer-2 neuron is 0 for every x in [0, 1), so it adds nothing "
        "there. Its layer-1 neuron is 0 there too: move its layer-1 bias so that it switches "
        "on in between."]
    assert pairs.warnings(dead, lo=-1.0, hi=3.0) == []
    unfinished = pairs.warnings(fit.replace(2, w1=6.0, b1=0.0, w2=0.0, b2=0.0, w_out=0.0))
    assert unfinished == [unfinished[0]] and "give it a layer-2 weight" in unfinished[0]
    below = pairs.warnings(fit.replace(2, b2=-0.3))  # layer 1 on from 0.26, layer 2 never
    assert len(below) == 1 and below[0].endswith("Raise its layer-2 bias, or flip its "
                                                 "layer-2 weight, to wake it up.")
    assert pairs.warnings(fit.replace(4, w_out=0.0)) == [
        "Pair 5's output weight is 0: whatever its neurons do, it never changes the output."]
    away = pairs.warnings(fit.replace(5, b1=-10.0))
    assert len(away) == 1 and away[0].startswith("Pair 6 bends the output only outside [0, 1)")
    twin = fit.replace(1, w1=10.0, b1=0.0, b2=1.5)  # same area as pair 1, other scale
    assert pairs.warnings(twin) == [
        "Pairs 1 and 2 have the same area of effect (on at x = 0.00, off at x = 0.15): "
        "together they do one pair's job. Move one of them somewhere else."]
    near = fit.replace(1, b1=-0.02, b2=0.75)  # on 0.004, off 0.154: still the same
    assert any(w.startswith("Pairs 1 and 2") for w in pairs.warnings(near))
    apart = fit.replace(1, b1=-0.05, b2=0.8)  # on 0.01: a different area
    assert not any(w.startswith("Pairs 1 and 2") for w in pairs.warnings(apart))
