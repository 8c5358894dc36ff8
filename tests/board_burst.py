"""A burst of hand-ins from one process, for the SIGKILL test: `python -m tests.board_burst
URL TOKENS_FILE`. Four threads hand in one fit per student token and print `ACK n` only
after board.hand_in has returned (committed); the test kills this process mid-burst."""

import sys
import threading
import time

from sqlalchemy import create_engine

from nnsine.book import presets
from nnsine.classboard import board_store, board_students
from nnsine.classboard.board_rules import Limits


def main(url: str, tokens_file: str) -> None:
    engine = board_store.prepare(create_engine(url))
    tokens = open(tokens_file).read().split()
    fit, limits, lock = presets.preset("hand-tuned"), Limits(), threading.Lock()

    def work(offset: int) -> None:
        for n in range(offset, len(tokens), 4):
            board_students.hand_in(engine, tokens[n], fit, limits, time.time())
            with lock:
                print(f"ACK {n}", flush=True)

    threads = [threading.Thread(target=work, args=(k,)) for k in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    print("DONE", flush=True)


if __name__ == "__main__":
    main(*sys.argv[1:3])
