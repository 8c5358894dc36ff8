"""Server CPU while a class presses Play in the optimizer tab (issue 25), against a
baseline measured in the same run on the same server: the same students releasing a
slider once a second.

    .venv/bin/python benchmarks/optimizer_load.py                  # 40 students, ~2 min
    .venv/bin/python benchmarks/optimizer_load.py --students 20 --play 3 --seconds 20

Play runs in the browser (nnsine/frontend/tuner_learn.js): the server hears the Play
press, the Pause press and the paused fit as one release, so a student who plays for
--play seconds costs the server three reruns of the page (with the optimizer tab open)
per cycle. The simulated students speak Streamlit's websocket protocol as
benchmarks/class_load.py's do (its Student, server start and /proc CPU reading); the
animation itself costs the server nothing and is not simulated. Every answer's MSE is
checked against nnsine's own. Nothing asserts on time: the figures are printed.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from class_load import (  # noqa: E402
    ANSWER_S,
    Student,
    expected_mse,
    proc_cpu_s,
    random_values,
    run_round,
    start_server,
)
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg  # noqa: E402
from streamlit.proto.WidgetStates_pb2 import WidgetState  # noqa: E402

from ui.tuner import optimizer_panel  # noqa: E402


class Player(Student):
    """A student who opens the optimizer tab on the pairs, then presses Play, waits while
    the browser animates, presses Pause, and sends the paused fit with the run's state."""

    def __init__(self, url: str, seed: int):
        super().__init__(url, "app", seed)
        self.kept: dict[str, WidgetState] = {}  # states the browser keeps sending

    async def _answer(self) -> str | None:
        mse, self.seen = None, set()  # the buttons and radios of this answer
        while True:
            msg = ForwardMsg()
            msg.ParseFromString(await asyncio.wait_for(self.ws.recv(), ANSWER_S))
            kind = msg.WhichOneof("type")
            if kind == "script_finished":
                return mse
            if kind != "delta":
                continue
            if msg.delta.WhichOneof("type") == "add_block":
                block = msg.delta.add_block
                if block.WhichOneof("type") == "tab_container" and block.tab_container.id:
                    self.ids["tabs"] = block.tab_container.id
                continue
            if msg.delta.WhichOneof("type") != "new_element":
                continue
            element = msg.delta.new_element
            which = element.WhichOneof("type")
            if which == "metric" and element.metric.label == "MSE":
                mse, self.answered = element.metric.body, time.perf_counter()
            elif which == "bidi_component":
                self.ids["live"] = element.bidi_component.id
            elif which in ("button", "radio"):
                self.ids[getattr(element, which).label] = getattr(element, which).id
                self.seen.add(getattr(element, which).label)
            elif which == "exception":
                raise RuntimeError(f"exception on the page: {element.exception.message}")

    async def send(self, *states: WidgetState) -> str | None:
        await self._rerun([*self.kept.values(), *states])
        return await self._answer()

    async def open(self) -> None:
        await super().open()
        tab = WidgetState(id=self.ids["tabs"], string_value=optimizer_panel.TAB)
        self.kept["tabs"] = tab
        await self.send()
        mode = WidgetState(id=self.ids["Which weights train"],
                           string_value=optimizer_panel.MODES["pairs"])
        self.kept["mode"] = mode
        self.kept["live"] = self._states(random_values(self.rng))[0]  # a fit that can learn
        await self.send()
        if "Play" not in self.ids:
            raise RuntimeError("no Play button in the optimizer tab")

    async def cycle(self, play_s: float) -> None:
        """Play, the browser's animation (no messages), Pause, the paused release."""
        await self.send(WidgetState(id=self.ids["Play"], trigger_value=True))
        await asyncio.sleep(play_s)
        if "Pause" not in self.seen:
            raise RuntimeError("Play did not start (no Pause button)")
        await self.send(WidgetState(id=self.ids["Pause"], trigger_value=True))
        values = random_values(self.rng)
        state = self._states(values)[0]
        release = json.loads(state.json_value)["release"]
        release["optimizer"] = {"momentum": [0.0] * 41, "cache": [0.0] * 41,
                                "steps": int(play_s * 60), "losses": [0.01, 0.005]}
        state.json_value = json.dumps({"release": release})
        self.kept["live"] = state
        shown = await self.send()
        if shown != expected_mse(values):
            raise RuntimeError(f"MSE shown {shown}, expected {expected_mse(values)}")


async def play_round(url: str, n: int, pid: int, seconds: float, play_s: float) -> dict:
    players = [Player(url, 9000 + k) for k in range(n)]
    for k in range(0, n, 8):
        await asyncio.gather(*(p.open() for p in players[k:k + 8]))
    cpu0, start, cycles, errors = proc_cpu_s(pid), time.perf_counter(), [0], []

    async def loop(player: Player) -> None:
        await asyncio.sleep(random.uniform(0, play_s))
        while time.perf_counter() - start < seconds:
            try:
                await player.cycle(play_s)
            except (RuntimeError, TimeoutError) as error:
                errors.append(str(error))
                return
            cycles[0] += 1

    await asyncio.gather(*(loop(p) for p in players))
    elapsed = time.perf_counter() - start
    cpu = proc_cpu_s(pid) - cpu0
    await asyncio.gather(*(p.close() for p in players))
    return {"cpu_s": cpu, "seconds": elapsed, "cycles": cycles[0], "errors": errors}


async def main(args) -> None:
    server = start_server("app.py", args.port)
    url = f"http://127.0.0.1:{args.port}"
    try:
        await run_round(url, "app", 1, None, releases=10, think=None)  # warm-up
        base = await run_round(url, "app", args.students, server.pid, seconds=args.seconds,
                               think=1.0)
        play = await play_round(url, args.students, server.pid, args.seconds, args.play)
    finally:
        server.terminate()
        server.wait(timeout=20)
    base_share = base.cpu_s / base.seconds
    play_share = play["cpu_s"] / play["seconds"]
    print(f"{args.students} students, {args.seconds:g} s each way, one server process")
    releases, reruns = len(base.latencies), 3 * play["cycles"]
    print(f"baseline: a slider release every 1 s each: {releases} releases "
          f"({releases / base.seconds:.1f}/s), server CPU {base_share:.2f} of a core, "
          f"{base.cpu_s * 1000 / max(releases, 1):.1f} ms a release, errors {len(base.errors)}")
    print(f"Play: {args.play:g} s playing in the browser, then Pause: {play['cycles']} "
          f"cycles, {reruns} reruns ({reruns / play['seconds']:.1f}/s), server CPU "
          f"{play_share:.2f} of a core, {play['cpu_s'] * 1000 / max(reruns, 1):.1f} ms a "
          f"rerun, errors {len(play['errors'])}")
    for error in (base.errors + play["errors"])[:3]:
        print(f"    error: {error}")
    print(f"Play / baseline server CPU: {play_share / base_share:.2f}")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--students", type=int, default=40)
    parser.add_argument("--seconds", type=float, default=40)
    parser.add_argument("--play", type=float, default=5.0, help="seconds of each Play")
    parser.add_argument("--port", type=int, default=8660)
    asyncio.run(main(parser.parse_args()))
