"""Cancel latency of recognition, in every phase, through the engine client the window uses.

A 10-minute recording goes to LocalEngineClient with the full-size random Qwen3-ASR-0.6B checkpoint of
bench/bench_asr.py (recognizer only). The run is cancelled in each phase in turn, and the figure is the time from
the cancel to the end of the stream (the window's "Cancelling…"); whether the engine process survived the cancel
(models stay loaded) or had to be ended (then the next run starts a new one) is printed with it. The load's progress
messages are printed as they come, to show it moves.

    python bench/bench_cancel.py                          # 10 minutes of audio, cancel 3 s into recognition
    python bench/bench_cancel.py --minutes 10 --recognise-s 8 --tokens-per-chunk 100
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_asr import checkpoint, speech_like


def run_phase(client, job, audio, *, phase: str, trigger, delay: float, log: bool, limit: float = 300.0) -> None:
    """Start a run, cancel ``delay`` s after ``trigger(message)`` first holds (or after ``limit`` s in any case),
    print the latency."""
    from app.asr.client.protocol import Progress, Status
    from app.core.messages import english

    flag: list[float] = []
    armed: list[float] = []
    start = time.monotonic()
    pid_before = None
    last_shown = ""

    def cancelled() -> bool:
        if not flag and ((armed and time.monotonic() >= armed[0]) or time.monotonic() - start > limit):
            flag.append(time.monotonic())
        return bool(flag)

    for item in client.run(job, audio, cancelled=cancelled):
        pid_before = pid_before or client.pid
        if isinstance(item, (Progress, Status)):
            text = english(item.message)
            fraction = f"{item.fraction:4.0%} " if isinstance(item, Progress) else ""
            shown = f"{fraction}{text}"
            step = f"{text} {int(item.fraction * 4)}" if isinstance(item, Progress) else text  # quarters
            if log and step != last_shown:
                print(f"  {time.monotonic() - start:6.1f} s  {shown}", flush=True)
                last_shown = step
        if not armed and trigger(item):
            armed.append(time.monotonic() + delay)
        cancelled()
    end = time.monotonic()
    if not flag:
        print(f"{phase}: the run ended before the cancel ({end - start:.1f} s)")
        return
    survived = client.running and client.pid == pid_before
    print(
        f"{phase}: cancelled {flag[0] - start:.1f} s into the run; stream ended {end - flag[0]:.2f} s after the "
        f"cancel; engine process {'kept (models stay loaded)' if survived else 'ended, restarted on the next run'}",
        flush=True,
    )


def main() -> None:
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--checkpoint", help="folder for the full-size random checkpoint (built when missing)")
    parser.add_argument("--minutes", type=float, default=10)
    parser.add_argument("--tokens-per-chunk", type=int, default=100)
    parser.add_argument("--device", default="cpu")
    parser.add_argument("--import-s", type=float, default=1.0, help="cancel this long into importing the runtime")
    parser.add_argument("--load-s", type=float, default=0.2, help="cancel this long into preparing the model")
    parser.add_argument("--recognise-s", type=float, default=3.0, help="cancel this long into recognition")
    args = parser.parse_args()

    from app.asr.client.protocol import EngineOptions, Progress, RecognizeJob, Status
    from app.asr.client.service import LocalEngineClient

    folder = checkpoint(args.checkpoint)
    audio = speech_like(args.minutes * 60)
    options = EngineOptions(
        model=str(folder), aligner=None, device=args.device, idle_unload_s=0, download=False,
        max_new_tokens=args.tokens_per_chunk, tokens_per_second=1000.0,
    )  # fmt: skip
    job = RecognizeJob(options, "English")
    print(f"{args.minutes:g} minutes of audio, full-size random checkpoint in {folder}; load average "
          f"{os.getloadavg()[0]:.1f}")  # fmt: skip

    def code(item) -> str:
        return item.message.code if isinstance(item, (Progress, Status)) else ""

    client = LocalEngineClient()
    try:
        run_phase(client, job, audio, phase="importing the runtime", log=True, delay=args.import_s,
                  trigger=lambda m: code(m) == "engine.importing")  # fmt: skip
        run_phase(client, job, audio, phase="preparing the model", log=True, delay=args.load_s,
                  trigger=lambda m: code(m) == "engine.moving_to_device")  # fmt: skip
        # a full load this time, then the cancel lands in the first batch (prefill or decoding)
        t = time.monotonic()
        run_phase(client, job, audio, phase="recognising", log=True, delay=args.recognise_s,
                  trigger=lambda m: code(m) == "recognition.running")  # fmt: skip
        print(f"(that run, load included: {time.monotonic() - t:.1f} s)")
        run_phase(client, job, audio, phase="recognising, models loaded", log=False, delay=args.recognise_s,
                  trigger=lambda m: code(m) == "recognition.running")  # fmt: skip
    finally:
        t = time.monotonic()
        client.shutdown()
        print(f"shutdown {time.monotonic() - t:.2f} s")


if __name__ == "__main__":
    main()
