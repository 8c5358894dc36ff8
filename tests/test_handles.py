"""Handles (nnsine.engine.handles): each moves one raw value, the knot lands where it was
dragged (to the slider grid), bounds stop it, and pairs without a shape say why."""

import numpy as np
import pytest

from nnsine.book import presets
from nnsine.engine import handles, pairs
from nnsine.engine.network import forward
from nnsine.formats.params import defaults

TUNED = presets.preset("hand-tuned")


def test_the_books_pair_1_has_its_three_handles():
    found, why = handles.handles(TUNED, 0)  # (6, 0, -1, 0.7, -1)
    assert why is None
    assert {n: h.field for n, h in found.items()} == {"on": "b1", "off": "b2",
                                                      "height": "w_out"}
    assert found["on"].at == 0.0
    assert found["off"].at == pytest.approx(0.7 / 6)
    assert found["height"].at == pytest.approx(-0.7)  # the contribution left of x = 0


def test_dragging_pair_1s_off_point_to_07_over_6_gives_the_books_07():
    start = TUNED.replace(0, b2=0.3)
    moved = handles.move_handle(start, 0, "off", 0.7 / 6)
    assert moved.pair(0) == TUNED.pair(0)


@pytest.mark.parametrize("name, field", [("on", "b1"), ("off", "b2"), ("height", "w_out")])
def test_a_handle_changes_one_raw_value_of_its_pair_only(name, field):
    to = {"on": 0.2, "off": 0.4, "height": 0.5}[name]
    moved = handles.move_handle(TUNED, 1, name, to)
    for i in range(TUNED.n_pairs):
        changed = {k for k, v in moved.pair(i).items() if v != TUNED.pair(i)[k]}
        assert changed == ({field} if i == 1 else set())
    a = pairs.area(moved, 1)
    if name == "on":  # the ramp slid sideways: same width
        before = pairs.area(TUNED, 1)
        assert a.on == pytest.approx(0.2, abs=0.005 / 5)
        assert a.off - a.on == pytest.approx(before.off - before.on)
    elif name == "off":  # the ramp ends elsewhere; it still starts where it did
        assert a.off == pytest.approx(0.4, abs=0.005 / 5)
        assert a.on == pairs.area(TUNED, 1).on
    else:  # the plateau (left of on) is where it was dragged, to the grid
        x = np.array([a.on - 0.05])
        assert forward(moved, x).contributions[0, 1] == pytest.approx(0.5, abs=0.005 * 0.62)


def test_drags_stop_at_the_bounds_and_before_the_knots_meet():
    assert handles.move_handle(TUNED, 1, "on", 50.0).b1[1] == -10.0
    assert handles.move_handle(TUNED, 1, "on", -50.0).b1[1] == 10.0
    assert handles.move_handle(TUNED, 1, "height", 500.0).w_out[1] == 10.0
    assert handles.move_handle(TUNED, 1, "height", -500.0).w_out[1] == -10.0
    assert handles.move_handle(TUNED, 1, "off", 50.0).b2[1] == 10.0
    assert handles.move_handle(TUNED, 1, "off", -50.0).b2[1] == 0.01  # still a ramp
    assert handles.move_handle(TUNED, 1, "height", 0.0).w_out[1] == -0.01  # never flat


def test_keys_nudge_one_grid_step_in_the_arrow_direction():
    right = handles.nudge_handle(TUNED, 1, "on", 1)
    assert right.b1[1] == pytest.approx(TUNED.b1[1] - 0.01)
    assert pairs.area(right, 1).on > pairs.area(TUNED, 1).on
    assert handles.nudge_handle(TUNED, 1, "off", 10).b2[1] == pytest.approx(TUNED.b2[1] + 0.1)
    assert handles.nudge_handle(TUNED, 1, "height", -1).w_out[1] == pytest.approx(-0.54)


def test_pairs_without_a_shape_show_only_what_they_have_and_say_why():
    assert handles.handles(defaults(), 0) == ({}, handles.WHY["w1"])
    never_off = defaults().replace(0, w1=1.0, w2=1.0, w_out=1.0)
    found, why = handles.handles(never_off, 0)
    assert set(found) == {"on"} and "never switches off" in why
    never_on = defaults().replace(0, w1=-1.0, b1=0.5, w2=1.0, w_out=1.0)
    found, why = handles.handles(never_on, 0)
    assert set(found) == {"off"} and "far left" in why
    with pytest.raises(ValueError, match="no 'off' handle"):
        handles.move_handle(never_off, 0, "off", 0.5)
