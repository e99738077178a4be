"""The server engine's throughput: 10 minutes of audio through app.asr.client.remote against a local vLLM stand-in
(tests/support/asr_server.py) that takes ``--latency`` seconds (default 0.5) to answer each chunk, at several
concurrencies. With the server's time dominating, the speed-up should be near-linear until the chunks run out.

    python bench/bench_server.py                          # concurrency 1, 4 and 8
    python bench/bench_server.py --minutes 30 --concurrency 1 8 16
"""

from __future__ import annotations

import argparse
import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from app.asr.client.protocol import Cues, EngineOptions, RecognitionDone, RecognizeJob
from app.asr.client.remote import RemoteEngineClient, ServerConfig
from tests.support.asr_server import FakeAsrServer, tone_audio


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--minutes", type=float, default=10.0)
    parser.add_argument("--latency", type=float, default=0.5, help="seconds the server takes for each request")
    parser.add_argument("--concurrency", type=int, nargs="+", default=[1, 4, 8])
    args = parser.parse_args()

    # 28 s tones with 2 s pauses: the chunker cuts about one chunk per 30 s, as it would for speech
    audio = tone_audio(max(1, round(args.minutes * 2)), seconds=28.0, gap_s=2.0)
    audio_s = len(audio) / 16000
    print(f"audio {audio_s / 60:.1f} min; server latency {args.latency:.2f} s per request")
    print(f"{'concurrency':>11} {'chunks':>6} {'wall s':>8} {'speed-up':>8} {'max in flight':>13} {'x real time':>11}")
    base = None
    for concurrency in args.concurrency:
        with FakeAsrServer(latency_s=args.latency) as server:
            client = RemoteEngineClient(ServerConfig(server.url, concurrency=concurrency))
            started = time.perf_counter()
            cues = 0
            for item in client.run(RecognizeJob(EngineOptions()), audio):
                if isinstance(item, Cues):
                    cues += len(item.cues)
                elif isinstance(item, RecognitionDone):
                    pass
            wall = time.perf_counter() - started
            chunks, peak = len(server.requests), server.max_in_flight
        base = base or wall
        print(f"{concurrency:>11} {chunks:>6} {wall:>8.2f} {base / wall:>7.2f}x {peak:>13} {audio_s / wall:>10.0f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
