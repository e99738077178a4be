"""The local engine's overhead per file in a batch: 20 short files through the batch path (app.asr.client.batch, what
``transcribe`` and the window's queue run; one engine process, models loaded once) against the same audio as one
file. The files are cut so that the one long file chunks into the very same 20 pieces (each file a 22 s sound and a
2 s pause: the chunker cuts at the pause), so the model does the same work in both runs and the difference is what
a file costs on its own: decoding it, starting its job in the engine process, sending its audio, writing its
subtitles.

    python bench/bench_batch.py                      # tiny random checkpoint (overhead only), recognizer + aligner
    python bench/bench_batch.py --files 10 --no-aligner --batch-size 4
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
import wave

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SCRATCH = tempfile.mkdtemp(prefix="qss-bench-batch-")
os.environ.setdefault("XDG_CACHE_HOME", os.path.join(SCRATCH, "cache"))  # decoded-audio cache of this run only
os.environ.setdefault("HF_HUB_OFFLINE", "1")

from app.asr.client.batch import recognize_file  # noqa: E402
from app.asr.client.protocol import EngineOptions, RecognizeJob  # noqa: E402
from app.asr.client.service import LocalEngineClient  # noqa: E402
from app.session.batch import output_path, write_result  # noqa: E402
from tests.support.asr_server import tone_audio  # noqa: E402
from tests.support.checkpoints import tiny_checkpoints  # noqa: E402


def _wav(path: str, samples: np.ndarray) -> str:
    with wave.open(path, "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(16000)
        w.writeframes((np.clip(samples, -1, 1) * 32767).astype("<i2").tobytes())
    return path


def _run(client: LocalEngineClient, files: list[str], job: RecognizeJob, out: str) -> tuple[float, int]:
    started = time.perf_counter()
    cues = 0
    for media in files:  # what the CLI's transcribe and the window's runner do for each file
        result = recognize_file(client, media, job)
        assert result is not None
        write_result(output_path(media, out, "srt"), result.cues, "srt", media)
        cues += len(result.cues)
    return time.perf_counter() - started, cues


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--files", type=int, default=20)
    parser.add_argument("--no-aligner", action="store_true", help="estimated word times (recognizer only)")
    parser.add_argument("--batch-size", type=int, default=1,
                        help="chunks per generate call; 1 (default) gives both runs the same model work, while the "
                        "engine's own choice on a CPU (4) lets the long file batch its chunks")  # fmt: skip
    parser.add_argument("--repeat", type=int, default=3, help="runs of each, alternating; the best is shown")
    parser.add_argument("--max-new-tokens", type=int, default=8, help="tokens per chunk (the tiny model never stops)")
    args = parser.parse_args()

    models = tiny_checkpoints(os.path.join(SCRATCH, "models"))
    options = EngineOptions(
        model=str(models.recognizer), aligner=None if args.no_aligner else str(models.aligner), device="cpu",
        max_new_tokens=args.max_new_tokens, idle_unload_s=0, download=False, batch_size=args.batch_size,
    )  # fmt: skip
    job = RecognizeJob(options, "English")
    piece = tone_audio(1, seconds=22.0, gap_s=2.0)  # 24 s: one chunk each, in the long file too
    folder = os.path.join(SCRATCH, "media")
    os.makedirs(folder)

    def fresh(name: str, samples: np.ndarray, count: int, run: int) -> list[str]:
        """New files for every run: the decoded-audio cache never answers, each file is decoded as the first time."""
        return [_wav(os.path.join(folder, f"{name}{run}-{n:02d}.wav"), samples) for n in range(count)]

    warm = _wav(os.path.join(folder, "warm-up.wav"), piece)
    out = os.path.join(SCRATCH, "subs")
    os.makedirs(out)
    client = LocalEngineClient()
    try:
        started = time.perf_counter()
        _run(client, [warm], job, out)  # the engine process starts, imports torch and loads the models once
        print(f"start-up and model load (excluded): {time.perf_counter() - started:.2f} s")
        batches, ones = [], []
        for run in range(args.repeat):  # alternating, so a neighbour's load falls on both alike
            batch_s, batch_cues = _run(client, fresh("short", piece, args.files, run), job, out)
            one_s, one_cues = _run(client, fresh("long", np.concatenate([piece] * args.files), 1, run), job, out)
            batches.append(batch_s)
            ones.append(one_s)
        batch_s, one_s = min(batches), min(ones)
        quiet = np.zeros_like(piece)  # silence: no chunk reaches the models, what is left is the per-file work
        quiet_long = np.concatenate([quiet] * args.files)
        quiet_batch = min(_run(client, fresh("quiet", quiet, args.files, r), job, out)[0] for r in range(args.repeat))
        quiet_one = min(_run(client, fresh("quiet-long", quiet_long, 1, r), job, out)[0] for r in range(args.repeat))
    finally:
        client.shutdown()
    audio_s = len(piece) / 16000 * args.files
    timing = "estimated" if args.no_aligner else "aligned"
    print(f"tiny random checkpoint, CPU, {audio_s:.0f} s of audio, word times {timing}, {args.batch_size} chunk(s) a "
          f"generate call, load average {os.getloadavg()[0]:.2f}")  # fmt: skip
    print(f"{'run':<28} {'files':>5} {'wall s':>8} {'cues':>5}")
    print(f"{'batch of short files':<28} {args.files:>5} {batch_s:>8.2f} {batch_cues:>5}")
    print(f"{'the same audio as one file':<28} {1:>5} {one_s:>8.2f} {one_cues:>5}")
    print(f"{'silent files (no model work)':<28} {args.files:>5} {quiet_batch:>8.2f}")
    print(f"{'the same silence as one file':<28} {1:>5} {quiet_one:>8.2f}")
    print(f"all runs, batch: {' '.join(f'{t:.2f}' for t in batches)}; one file: {' '.join(f'{t:.2f}' for t in ones)}")
    print(f"overhead per file, with speech (best of {args.repeat}): {(batch_s - one_s) / (args.files - 1):.3f} s")
    print(f"overhead per file, silent files: {(quiet_batch - quiet_one) / (args.files - 1):.3f} s "
          f"(a whole silent {len(piece) / 16000:.0f} s file: {quiet_batch / args.files:.3f} s)")  # fmt: skip
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
