"""Recognition speed and memory on this machine, with a full-size random Qwen3-ASR-0.6B checkpoint.

The real weights cannot be downloaded here, so the checkpoint has the real layer shapes (dims inferred, see
tests.support.checkpoints.FULL_SIZE_0_6B) and random weights. Random weights never emit EOS, so every chunk generates
exactly ``--tokens-per-chunk`` tokens (default 100 per 30 s chunk, about real speech: 3.3 tokens a second).

    python bench/bench_asr.py rtf --minutes 10 --measure-chunks 8     # RTF through app.asr.runtime.recognition
    python bench/bench_asr.py memory --hours 2 --measure-chunks 4     # peak memory above the loaded model
    python bench/bench_asr.py rtf --int8 ...                          # with EngineOptions(cpu_int8=True)
    python bench/bench_asr.py align --clips 4                         # aligner speed, full-size random aligner
    python bench/bench_asr.py rtf --int8 --align --measure-chunks 4   # word-timed RTF beside recognition only
    python bench/bench_asr.py peak --configs int8-in-turn,int8-together,fp32-in-turn   # peak RSS, fresh processes
    python bench/bench_asr.py package --seconds 112 --tokens 400      # qwen-asr's word-timed run beside ours
    python bench/bench_asr.py rtf --device cuda --minutes 60 --measure-chunks 0     # GPU: bf16, every chunk
    python bench/bench_asr.py align --device cuda --clips 40

``rtf`` first prints one decode step's time at batch 1 and 8 beside its memory floor (bench/asr_floor.py;
``--step-batches`` with no value skips it), then runs the first ``--measure-chunks`` chunks of the recording through
the same generator the product uses (pause chunking, batching, the encoder window fix) and extrapolates: chunks are
independent and the same size, so the cost of a 10-minute recording is the per-chunk cost times its chunk count.
``memory`` decodes nothing from disk but builds the whole recording in memory (as app.media does), runs the first
batches through the generator, and samples the process's resident memory every 20 ms; the figure is the peak minus
the resident size with the model loaded. Later batches reuse the same buffers, so the peak of the first batches is
the run's peak.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

SR = 16000
SENTENCES = [
    "Hello everyone, and welcome back to the show.",
    "Today we talk about subtitles, timing and reading speed, and why they matter.",
    "The quick brown fox jumps over the lazy dog while the band keeps playing.",
    "Thank you for watching, and we will see you again next week.",
]


def speech_like(seconds: float) -> np.ndarray:
    """espeak-ng sentences with short pauses, tiled to ``seconds`` (noise bursts when espeak-ng is missing)."""
    parts: list[np.ndarray] = []
    if shutil.which("espeak-ng"):
        import soundfile as sf

        with tempfile.TemporaryDirectory() as tmp:
            for i, text in enumerate(SENTENCES):
                out = Path(tmp) / f"{i}.wav"
                subprocess.run(["espeak-ng", "-s", "160", "-w", str(out), text], check=True)
                data, rate = sf.read(out, dtype="float32")
                n = round(len(data) * SR / rate)
                parts += [np.interp(np.linspace(0, len(data) - 1, n), np.arange(len(data)), data).astype(np.float32)]
                parts += [np.zeros(int(SR * (0.3 + 0.4 * (i % 2))), dtype=np.float32)]
    else:
        rng = np.random.default_rng(0)
        for i in range(4):
            parts += [(0.1 * rng.standard_normal(SR * (3 + i))).astype(np.float32), np.zeros(SR // 2, np.float32)]
    unit = np.concatenate(parts)
    reps = int(np.ceil(seconds * SR / len(unit)))
    return np.tile(unit, reps)[: int(seconds * SR)]


def checkpoint(path: str | None, stored: str = "fp32") -> Path:
    """The full-size random recognizer, its weights stored in fp32 or (``stored="bf16"``) in bf16 as the released
    Qwen3-ASR files are: then the bf16 mode maps them from the file as it does a user's."""
    from tests.support.checkpoints import FULL_SIZE_0_6B, build_checkpoint

    name = "qss-bench-0.6b" if stored == "fp32" else f"qss-bench-0.6b-{stored}"
    folder = Path(path or Path(tempfile.gettempdir()) / name)
    if not (folder / "model.safetensors").exists():
        t = time.perf_counter()
        dtype = {"fp32": "float32", "bf16": "bfloat16"}[stored]
        build_checkpoint(folder, dims=FULL_SIZE_0_6B, init_scale=0.02, seed=0, dtype=dtype)
        print(f"built full-size random checkpoint in {folder} ({time.perf_counter() - t:.0f} s)")
    return folder


def engine_for(folder: Path, args: argparse.Namespace, aligner: Path | None = None, together: bool | None = True):
    from app.asr.runtime.engine import Engine, EngineOptions

    return Engine(
        EngineOptions(
            model=str(folder), aligner=str(aligner) if aligner else None, device=args.device, batch_size=args.batch,
            idle_unload_s=0, download=False, max_new_tokens=args.tokens_per_chunk, tokens_per_second=1000.0,
            threads=args.threads, cpu_int8=args.int8, cpu_precision=getattr(args, "precision", "auto"),
            models_together=together,
        )
    )  # fmt: skip


def spoken_text(engine) -> None:
    """A random checkpoint's tokens are mostly ids the small test tokenizer cannot spell, so its transcripts come out
    empty and the aligner would have nothing to time. Give each chunk the words speech_like speaks instead (about
    2.6 a second), so a word-timed run aligns what a real one would."""
    transcribe = engine.transcribe
    unit = " ".join(SENTENCES).split()

    def with_words(wavs, **kwargs):
        out = transcribe(wavs, **kwargs)
        return [
            (lang, text if text.strip() else " ".join((unit * 40)[: max(1, round(len(w) / SR * 2.6))]))
            for (lang, text), w in zip(out, wavs, strict=True)
        ]

    engine.transcribe = with_words


def aligner_checkpoint(path: str | None, stored: str = "fp32") -> Path:
    name = "full-aligner-0.6b" if stored == "fp32" else f"full-aligner-0.6b-{stored}"
    folder = Path(path or Path.home() / ".cache" / "qss-bench" / name)
    if not (folder / "model.safetensors").exists():
        from tests.support.checkpoints import FULL_SIZE_0_6B, build_checkpoint

        print(f"building the full-size random aligner in {folder} …", flush=True)
        dtype = {"fp32": "float32", "bf16": "bfloat16"}[stored]
        build_checkpoint(
            folder, aligner=True, dims=FULL_SIZE_0_6B, init_scale=0.02, seed=1, classify_num=5000, dtype=dtype
        )
    return folder


def run_chunks(engine, audio: np.ndarray, count: int, word_timing: bool = False) -> tuple[int, float, int]:
    """Recognise until ``count`` chunks are done; returns (chunks, seconds, audio ms covered)."""
    from app.asr.runtime.recognition import ChunkResult, recognize

    done: list[ChunkResult] = []
    t = time.perf_counter()
    for item in recognize(
        audio, engine=engine, language="English", word_timing=word_timing, cancelled=lambda: 0 < count <= len(done)
    ):
        if isinstance(item, ChunkResult):
            done.append(item)
    elapsed = time.perf_counter() - t
    run_chunks.words = sum(len(c.words) for c in done if c.timing == "aligned")  # type: ignore[attr-defined]
    run_chunks.chars = sum(len(c.text.strip()) for c in done)  # type: ignore[attr-defined]
    return len(done), elapsed, sum(c.end_ms - c.start_ms for c in done)


def cmd_rtf(args: argparse.Namespace) -> None:
    import torch

    from app.asr.algorithms.chunking import split_at_pauses

    folder = checkpoint(args.checkpoint, args.stored)
    aligner = aligner_checkpoint(args.aligner_checkpoint, args.stored) if args.align else None
    engine = engine_for(folder, args, aligner, together=not args.in_turn)
    spoken_text(engine)
    audio = speech_like(args.minutes * 60)
    chunks = split_at_pauses(audio)
    t = time.perf_counter()
    engine.use_lean_memory(args.in_turn)
    engine.load(recognizer=True, aligner=aligner is not None and not args.in_turn)
    print(
        f"model load {time.perf_counter() - t:.1f} s on {_device_name(engine.device)} "
        f"({'int8' if args.int8 or args.precision == 'int8' else str(engine.recognizer().model.dtype)[6:]}); "
        f"torch threads {torch.get_num_threads()}; load average {_load()}"
    )
    with engine.session():
        batch = engine.settle_batch_size()
    if args.step_batches:
        from asr_floor import report_steps  # bench/, beside this file

        report_steps(engine, audio, args)
    # warm-up: one short batch so one-time costs (allocator, kernels) do not count
    run_chunks(engine, audio[: 5 * SR], 1, word_timing=aligner is not None)
    total_s = len(audio) / SR
    print(
        f"recording {args.minutes:g} min -> {len(chunks)} chunks (mean {total_s / len(chunks):.1f} s); measuring the "
        f"first {args.measure_chunks} chunks, batch {batch}, {args.tokens_per_chunk} tokens per chunk"
    )
    # with --align the modes alternate (A B C A B C ...), so that a drift of the machine's speed touches them alike
    modes = [("recognition only", False, batch)]
    if aligner is not None:
        # the product's aligner batch (engine.CPU_ALIGN_BATCH = 1 on the CPU, the recognition batch on a GPU),
        # and the recognition batch for comparison
        modes += [("word-timed (product's aligner batch)", True, None), ("word-timed, aligner batched", True, batch)]
    rtfs: dict[str, list[float]] = {name: [] for name, _, _ in modes}
    for r in range(args.rounds):
        for name, words, align_batch in modes:
            engine.align_batch = align_batch
            n, seconds, covered = run_chunks(engine, audio, args.measure_chunks, word_timing=words)
            rtfs[name].append(seconds / (covered / 1000))
            print(f"round {r + 1} {name}: {n} chunks ({covered / 1000:.1f} s, {run_chunks.chars} characters, "
                  f"{run_chunks.words} aligned words) in {seconds:.1f} s, RTF {rtfs[name][-1]:.3f}; load average "
                  f"{_load()}", flush=True)  # fmt: skip
    base = rtfs[modes[0][0]]
    for name, _, _ in modes:
        med = float(np.median(rtfs[name]))
        ratio = float(np.median([a / b for a, b in zip(rtfs[name], base, strict=True)]))
        print(f"RTF {med:.3f} {name} ({ratio:.2f} x recognition only, median of {args.rounds}) -> {args.minutes:g} "
              f"min recording: {med * total_s / 60:.1f} min")  # fmt: skip
    print(f"load average after: {_load()}")


def _device_name(device: str) -> str:
    if device.startswith("cuda"):
        import torch

        return f"{device} ({torch.cuda.get_device_name(torch.device(device))})"
    return device


def _load() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def cmd_align(args: argparse.Namespace) -> None:
    """Seconds of audio aligned per second: ``--clips`` chunks of about 27 s, one aligner call each (as recognition
    does), with the speech_like sentences as text, on the full-size random aligner of bench/bench_realign.py."""
    from app.asr.algorithms.chunking import split_at_pauses
    from app.asr.runtime.engine import Engine, EngineOptions

    folder = aligner_checkpoint(args.checkpoint)
    engine = Engine(EngineOptions(aligner=str(folder), device=args.device, idle_unload_s=0, download=False,
                                  threads=args.threads, cpu_int8=args.int8, cpu_precision=args.precision))  # fmt: skip
    audio = speech_like(args.clips * 30 + 30)
    chunks = split_at_pauses(audio)[: args.clips]
    unit = " ".join(SENTENCES)
    with engine.session():
        t = time.perf_counter()
        engine.aligner()
        print(f"aligner load {time.perf_counter() - t:.1f} s; load average {_load()}")
        engine.align([audio[: 5 * SR]], ["Hello everyone."], "English")  # warm-up
        seconds = covered = words = 0.0
        for c in chunks:
            wav = audio[c.start : c.end]
            n_words = max(1, round(len(wav) / SR * 2.6))  # about 2.6 words a second, as in speech_like
            text = " ".join((unit.split() * 20)[:n_words])
            t = time.perf_counter()
            (items,) = engine.align([wav], [text], "English")
            seconds += time.perf_counter() - t
            covered += len(wav) / SR
            words += len(items)
    print(
        f"aligned {len(chunks)} clips ({covered:.1f} s of audio, {words:.0f} words) in {seconds:.1f} s: "
        f"{covered / seconds:.1f} s of audio per second (RTF {seconds / covered:.3f}); load average {_load()}"
    )


def _rss() -> int:
    import psutil

    return psutil.Process().memory_info().rss


def cmd_memory(args: argparse.Namespace) -> None:
    folder = checkpoint(args.checkpoint, args.stored)
    engine = engine_for(folder, args)
    engine.recognizer()
    run_chunks(engine, np.zeros(5 * SR, dtype=np.float32) + 1e-3, 1)  # warm-up
    import gc

    gc.collect()
    base = _rss()
    peak = [base]
    stop = threading.Event()

    def sample() -> None:
        while not stop.wait(0.02):
            peak[0] = max(peak[0], _rss())

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    audio = speech_like(args.hours * 3600)
    n, seconds, covered = run_chunks(engine, audio, args.measure_chunks)
    stop.set()
    sampler.join()
    print(
        f"recording {args.hours:g} h ({audio.nbytes / 2**20:.0f} MiB of float32 samples); ran {n} chunks "
        f"({covered / 1000:.0f} s) in {seconds:.0f} s, batch {engine.batch_size}"
    )
    print(f"peak resident memory above the loaded model: {(peak[0] - base) / 2**30:.2f} GiB")


def cmd_peak(args: argparse.Namespace) -> None:
    """Peak resident memory of a word-timed recognition run, each configuration in a fresh process: the run loads
    the models itself (as the product does), holds the whole recording decoded, and recognises and aligns its
    first ``--seconds``; later chunks reuse the same buffers. Stages: after the import, after loading, the peak."""
    import json

    configs = [c.strip() for c in args.configs.split(",") if c.strip()]
    print(f"recording {args.minutes:g} min held in memory, first {args.seconds:g} s recognised and aligned; "
          f"{args.tokens_per_chunk} tokens per chunk; load average {_load()}")  # fmt: skip
    for config in configs:
        cmd = [sys.executable, __file__, "peak-child", "--config", config, "--minutes", str(args.minutes),
               "--seconds", str(args.seconds), "--tokens-per-chunk", str(args.tokens_per_chunk)]  # fmt: skip
        if args.batch:
            cmd += ["--batch", str(args.batch)]
        if args.checkpoint:
            cmd += ["--checkpoint", args.checkpoint]
        if args.aligner_checkpoint:
            cmd += ["--aligner-checkpoint", args.aligner_checkpoint]
        cmd += ["--stored", args.stored]
        out = subprocess.run(cmd, capture_output=True, text=True, check=False)
        lines = [ln for ln in out.stdout.splitlines() if ln.startswith("{")]
        if out.returncode or not lines:
            print(f"{config}: failed ({out.returncode}): {out.stderr[-800:]}")
            continue
        r = json.loads(lines[-1])
        gb = {k: r[k] / 1e9 for k in ("peak", "imported", "loaded", "after")}
        print(f"{config:14s} peak {gb['peak']:.2f} GB ({r['peak'] / 2**30:.2f} GiB); imported {gb['imported']:.2f} GB, "
              f"recognizer loaded {gb['loaded']:.2f} GB, after the run {gb['after']:.2f} GB; {r['chunks']} chunks, "
              f"{r['words']} aligned words in {r['seconds']:.0f} s; {r['note']}")  # fmt: skip
        for phase, v in r.get("phases", {}).items():
            if phase.startswith("end"):
                print(f"    {phase}: " + ", ".join(f"{k} {b / 1e9:.2f} GB" for k, b in v.items()))
                continue
            print(
                f"    {phase:16s} highest sample {v['total'] / 1e9:.2f} GB = RssAnon {v['RssAnon'] / 1e9:.2f} + "
                f"RssFile {v['RssFile'] / 1e9:.2f} (+ shmem {v['RssShmem'] / 1e9:.2f})"
            )


def cmd_peak_child(args: argparse.Namespace) -> None:
    import json
    import resource

    import psutil

    from app.asr.runtime.loading import import_runtime
    from app.asr.runtime.recognition import ChunkResult, Progress, recognize

    mode, how = args.config.split("-", 1)
    together = {"together": True, "in-turn": False, "auto": None}[how]
    args.int8, args.precision, args.device, args.threads = mode == "int8", mode, "cpu", None
    folder, aligner = checkpoint(args.checkpoint, args.stored), aligner_checkpoint(args.aligner_checkpoint, args.stored)
    audio = speech_like(args.minutes * 60)

    def rss() -> int:
        return psutil.Process().memory_info().rss

    def peak() -> int:
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024

    sampler = PhaseSampler()
    import_runtime()
    imported = rss()
    engine = engine_for(folder, args, aligner, together)
    spoken_text(engine)
    sampler.watch(engine)
    loaded = 0
    notes: list[str] = []
    chunks = words = 0
    t = time.perf_counter()
    for item in recognize(audio[: int(args.seconds * SR)], engine=engine, language="English", word_timing=True):
        if isinstance(item, Progress) and item.message is not None and item.message.code != "recognition.progress":
            notes.append(str(item.message))
        if isinstance(item, ChunkResult):
            chunks += 1
            words += len(item.words) if item.timing == "aligned" else 0
        loaded = loaded or (rss() if engine.is_loaded(recognizer=True, aligner=False) else 0)
    seconds = time.perf_counter() - t
    sampler.stop()
    sampler.phases["end: file pages"] = _file_rss_by_name()
    print(json.dumps({"imported": imported, "loaded": loaded, "after": rss(), "peak": peak(), "chunks": chunks,
                      "seconds": seconds, "words": words, "note": "; ".join(dict.fromkeys(notes)),
                      "phases": sampler.phases}))  # fmt: skip


def _status_kib(*keys: str) -> dict[str, int]:
    out = dict.fromkeys(keys, 0)
    with open("/proc/self/status") as fh:
        for line in fh:
            name, _, rest = line.partition(":")
            if name in out:
                out[name] = int(rest.split()[0]) * 1024
    return out


def _file_rss_by_name(top: int = 4) -> dict[str, int]:
    """Resident bytes of the largest file-backed mappings (libraries, weight files), by file name."""
    sizes: dict[str, int] = {}
    name = ""
    with open("/proc/self/smaps") as fh:
        for line in fh:
            parts = line.split()
            if parts and "-" in parts[0] and not parts[0].endswith(":"):
                name = Path(parts[5]).name if len(parts) > 5 and parts[5].startswith("/") else ""
            elif parts and parts[0] == "Rss:" and name:
                sizes[name] = sizes.get(name, 0) + int(parts[1]) * 1024
    return dict(sorted(sizes.items(), key=lambda kv: -kv[1])[:top])


class PhaseSampler:
    """Samples RssAnon and RssFile (Linux /proc/self/status) every 5 ms and keeps, per phase of the run (loading
    each model, recognising, aligning), the sample with the largest total. RssFile is the weight files' mapped pages
    that this process has touched (shared with the page cache, dropped by the kernel under pressure); RssAnon is
    the process's own memory."""

    def __init__(self) -> None:
        self.phase = "import"
        self.phases: dict[str, dict[str, int]] = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while not self._stop.wait(0.005):
            self.sample()

    def sample(self) -> None:
        s = _status_kib("RssAnon", "RssFile", "RssShmem")
        s["total"] = s["RssAnon"] + s["RssFile"] + s["RssShmem"]
        best = self.phases.get(self.phase)
        if best is None or s["total"] > best["total"]:
            self.phases[self.phase] = s

    def watch(self, engine) -> None:
        def phased(name: str, fn):
            def wrapped(*a, **k):
                before, self.phase = self.phase, name(a, k) if callable(name) else name
                try:
                    return fn(*a, **k)
                finally:
                    self.sample()
                    self.phase = before if before != "import" else "idle"

            return wrapped

        engine._load = phased(lambda a, k: "load aligner" if k.get("aligner") else "load recognizer", engine._load)
        engine.transcribe = phased("recognise", engine.transcribe)
        engine.align = phased("align", engine.align)
        self.phase = "idle"

    def stop(self) -> None:
        self._stop.set()
        self._thread.join()


def main() -> None:
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="cmd", required=True)
    for name in ("rtf", "memory"):
        p = sub.add_parser(name)
        p.add_argument("--int8", action="store_true", help="EngineOptions(cpu_int8=True): int8 dynamic quantisation")
        p.add_argument("--precision", default="auto", help="EngineOptions.cpu_precision: auto, fp32, bf16 or int8")
        p.add_argument("--checkpoint", help="folder for the full-size random checkpoint (built when missing)")
        p.add_argument(
            "--stored", choices=("fp32", "bf16"), default="fp32", help="the random checkpoints' weights on disk "
            "(bf16: as the released files; the default precision then is bf16 where the CPU has bf16 instructions)"
        )  # fmt: skip
        p.add_argument("--batch", type=int, default=None, help="chunks per generate call (default: the engine's)")
        p.add_argument("--device", default="cpu", help="cpu, cuda, cuda:N or auto")
        p.add_argument("--threads", type=int, default=None)
        p.add_argument("--tokens-per-chunk", type=int, default=100)
        p.add_argument("--measure-chunks", type=int, default=8, help="0: every chunk")
    sub.choices["rtf"].add_argument("--minutes", type=float, default=10)
    from asr_floor import add_arguments as floor_arguments  # bench/, beside this file

    floor_arguments(sub.choices["rtf"])
    sub.choices["rtf"].add_argument("--align", action="store_true", help="word timing too (full-size aligner)")
    sub.choices["rtf"].add_argument("--aligner-checkpoint", help="folder for the full-size random aligner")
    sub.choices["rtf"].add_argument("--rounds", type=int, default=2, help="alternations of the measured modes")
    sub.choices["rtf"].add_argument(
        "--in-turn", action="store_true", help="the models one at a time, lean heap (as when memory is short)"
    )
    sub.choices["memory"].add_argument("--hours", type=float, default=2)
    for name in ("peak", "peak-child"):
        p = sub.add_parser(name)
        p.add_argument("--checkpoint")
        p.add_argument("--aligner-checkpoint")
        p.add_argument("--stored", choices=("fp32", "bf16"), default="fp32", help="the random checkpoints' weights")
        p.add_argument("--minutes", type=float, default=10)
        p.add_argument("--seconds", type=float, default=60, help="of the recording recognised and aligned")
        p.add_argument("--tokens-per-chunk", type=int, default=100)
        p.add_argument("--batch", type=int, default=None, help="chunks per generate call (default: the engine's)")
    sub.choices["peak"].add_argument(
        "--configs",
        default="int8-together,fp32-in-turn,fp32-together",
        help="int8|bf16|fp32|auto - together|in-turn|auto (precision, then whether both models are held)",
    )
    sub.choices["peak-child"].add_argument("--config", required=True)
    from asr_package import add_arguments, cmd_package  # bench/, beside this file

    add_arguments(sub.add_parser("package"))
    p = sub.add_parser("align")
    p.add_argument("--checkpoint", help="folder for the full-size random aligner (built when missing)")
    p.add_argument("--threads", type=int, default=None)
    p.add_argument("--clips", type=int, default=4)
    p.add_argument("--int8", action="store_true", help="EngineOptions(cpu_int8=True) for the aligner")
    p.add_argument("--precision", default="auto", help="EngineOptions.cpu_precision: auto, fp32, bf16 or int8")
    p.add_argument("--device", default="cpu", help="cpu, cuda, cuda:N or auto")
    args = parser.parse_args()
    commands = {
        "rtf": cmd_rtf,
        "memory": cmd_memory,
        "align": cmd_align,
        "peak": cmd_peak,
        "peak-child": cmd_peak_child,
        "package": cmd_package,
    }
    commands[args.cmd](args)


if __name__ == "__main__":
    main()
