"""One mischievous student must not spoil the room (issue 23): every message a browser
sends is bounded before it is parsed. A real server on 127.0.0.1 spoken to over
Streamlit's own websocket protocol, as benchmarks/class_load.py does; bounded: one
oversized message, then one normal session."""

from __future__ import annotations

import asyncio
import json
from concurrent.futures import ThreadPoolExecutor

import pytest
import websockets
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.proto.WidgetStates_pb2 import WidgetState

from tests.conftest import running_server


async def _session(url: str):
    ws = await websockets.connect(url.replace("http", "ws", 1) + "/_stcore/stream",
                                  subprotocols=["streamlit"], max_size=None)
    return ws


async def _run(ws, states=(), query: str = "") -> list[ForwardMsg]:
    """One script run of the default page with these widget states and this address
    query: the messages the server sent until the run finished."""
    msg = BackMsg()
    msg.rerun_script.query_string = query
    msg.rerun_script.page_name = ""
    msg.rerun_script.widget_states.widgets.extend(states)
    await ws.send(msg.SerializeToString())
    answers = []
    while True:
        answer = ForwardMsg()
        answer.ParseFromString(await asyncio.wait_for(ws.recv(), 120))
        if answer.WhichOneof("type") == "script_finished":
            return answers
        answers.append(answer)


def elements(answers: list[ForwardMsg]) -> list:
    """The new elements among a run's messages, in order."""
    return [a.delta.new_element for a in answers if a.WhichOneof("type") == "delta"
            and a.delta.WhichOneof("type") == "new_element"]


async def _rerun(ws, states=()) -> str | None:
    live = None
    for element in elements(await _run(ws, states)):
        if element.WhichOneof("type") == "bidi_component":
            live = element.bidi_component.id
    return live


async def _flood(url: str) -> tuple[int | None, str | None]:
    ws = await _session(url)
    live = await _rerun(ws)
    junk = json.dumps({"release": {"values": [0.5] * 400_000, "seq": 1}})  # ~2 MB
    assert len(junk) > 1_000_000
    try:
        await _rerun(ws, [WidgetState(id=live, json_value=junk)])
    except websockets.ConnectionClosed as closed:
        code = closed.rcvd.code if closed.rcvd else None
    else:
        code = None
    fresh = await _session(url)  # the server goes on for everyone else
    again = await _rerun(fresh)
    await fresh.close()
    return code, again


def run(coroutine):
    """asyncio.run in a thread of its own: Playwright's sync API (other tests in this
    process) may keep an event loop running in the main thread."""
    with ThreadPoolExecutor(1) as pool:
        return pool.submit(asyncio.run, coroutine).result()


@pytest.mark.subprocess
@pytest.mark.timeout(300)
def test_an_oversized_release_closes_its_socket_and_the_server_goes_on():
    with running_server() as url:
        code, live = run(_flood(url))
    assert code == 1009  # Message Too Big: refused before it was parsed
    assert live  # a new session still gets the live tuner
