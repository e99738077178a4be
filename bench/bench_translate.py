"""Translating 1,000 cues against the stand-in chat server (tests/support/chat_server.py) with 1, 4 and 8 requests
at once: wall time, HTTP requests and memory (issue 25).

    python bench/bench_translate.py                       # 1,000 cues, concurrency 1 4 8, streamed answers
    python bench/bench_translate.py --plain --bad 0.2     # whole answers; a fifth of the batches drop a line

The stand-in answers like a model: it waits ``--latency-ms`` before the first piece and ``--per-line-ms`` for each
line (a local 7B model writes a subtitle line in about that), then streams the answer; with ``--bad`` that
share of the batches over two lines comes back with a line missing, so the run asks again in halves. The figures
are the client's cost (threads, the openai client, parsing) over the server's simulated time: with concurrency N
the wall time should fall towards 1/N. Memory: the process's peak resident size above its size before the run
(sampled every 10 ms), and tracemalloc's peak of Python allocations during the run.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import threading
import time
import tracemalloc

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

import psutil

from app.translate.client import ChatClient, ChatServer
from app.translate.prompt import Instructions
from app.translate.run import TranslateOptions, translate_cues
from tests.support.chat_server import Reply, StandInChat, answer_lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cues", type=int, default=1000)
    parser.add_argument("--concurrency", type=int, nargs="+", default=[1, 4, 8])
    parser.add_argument("--batch", type=int, default=20)
    parser.add_argument("--latency-ms", type=float, default=100.0)
    parser.add_argument("--per-line-ms", type=float, default=10.0)
    parser.add_argument("--bad", type=float, default=0.0, help="share of batches that drop a line")
    parser.add_argument("--plain", action="store_true", help="whole answers instead of streamed ones")
    parser.add_argument("--trace", action="store_true", help="also tracemalloc's peak (slows Python down)")
    args = parser.parse_args()
    texts = [f"这是第{i}句字幕，说的是一件平常的事情。" for i in range(args.cues)]
    rng = random.Random(7)
    lock = threading.Lock()

    def reply(lines: dict[int, str], body: dict) -> Reply:
        with lock:
            bad = len(lines) > 2 and rng.random() < args.bad
        if bad:
            lines = dict(list(lines.items())[:-1])
        delay = (args.latency_ms + args.per_line_ms * len(lines)) / 1000
        return Reply(answer_lines(lines), delay_s=delay, piece_chars=12)

    process = psutil.Process()
    with StandInChat() as warm:  # the openai client builds its parsers on first use: not a cost of concurrency 1
        for stream in (True, False):
            ChatClient(ChatServer(warm.url, "qwen3", stream=stream)).complete([{"role": "user", "content": "[1] a"}])
    print(f"{args.cues} cues, batches of {args.batch}, {'plain' if args.plain else 'streamed'} answers, "
          f"latency {args.latency_ms:g} ms + {args.per_line_ms:g} ms a line, bad batches {args.bad:.0%}")  # fmt: skip
    print(f"{'concurrency':>11} {'seconds':>8} {'requests':>8} {'cues/s':>7} {'rss MB':>7} {'py MB':>6} {'done':>5}")
    for n in args.concurrency:
        with StandInChat(reply) as chat:
            client = ChatClient(ChatServer(chat.url, "qwen3", stream=not args.plain))
            base = process.memory_info().rss
            peak = [base]
            stop = threading.Event()

            def sample(peak: list[int] = peak, stop: threading.Event = stop) -> None:
                while not stop.wait(0.01):
                    peak[0] = max(peak[0], process.memory_info().rss)

            sampler = threading.Thread(target=sample, daemon=True)
            sampler.start()
            if args.trace:
                tracemalloc.start()
            started = time.perf_counter()
            result = translate_cues(
                texts, range(len(texts)), client.complete,
                TranslateOptions(Instructions("English"), batch_size=args.batch, concurrency=n),
            )  # fmt: skip
            seconds = time.perf_counter() - started
            py_peak = tracemalloc.get_traced_memory()[1] if args.trace else 0
            tracemalloc.stop()
            stop.set()
            sampler.join()
            client.close()
            assert result.error is None, result.error
            rss = (peak[0] - base) / 2**20
            print(f"{n:>11} {seconds:>8.2f} {len(chat.requests):>8} {args.cues / seconds:>7.0f} {rss:>7.1f} "
                  f"{py_peak / 2**20:>6.1f} {len(result.translations):>5}")  # fmt: skip


if __name__ == "__main__":
    main()
