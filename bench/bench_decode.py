"""Decoding figures against the ffmpeg command line on the same file, in the same run.

    python bench/bench_decode.py [MEDIA] [--minutes 60] [--runs 3] [--no-plain] [--busy 2]

Without MEDIA, a stereo 44.1 kHz AAC file of ``--minutes`` is generated once with ffmpeg (noise and a tone, so
the encoder works as on real audio) and kept in the temporary folder for the next run. Prints:

- wall and CPU time of ``ffmpeg -i FILE -ac 1 -ar 16000 -f f32le OUT`` and of ``decode_audio`` without the
  cache, in alternating runs, with the median ratio (target: at most 1.1);
- peak memory of ``decode_audio`` in a fresh process, against the size of the decoded array (target: at most
  the array plus 64 MB), and the same for a plain PyAV loop (frame by frame, a resampler call per frame);
- with ``--busy N``, the timing runs have N busy-loop processes beside them (a busy machine: the target holds
  there too);
- the time to open the file again from the cache, in this process and in a fresh one (target: under 0.2 s).
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

FFMPEG = ["ffmpeg", "-nostdin", "-hide_banner", "-v", "error", "-y"]


def generate(minutes: float) -> Path:
    folder = Path(tempfile.gettempdir()) / "qss-bench"
    folder.mkdir(exist_ok=True)
    path = folder / f"aac-stereo-44k-{minutes:g}min.m4a"
    if path.exists():
        return path
    seconds = minutes * 60
    print(f"generating {path} ({minutes:g} min, stereo 44.1 kHz AAC 128 kb/s) ...", flush=True)
    part = path.with_suffix(".part.m4a")
    sources = [
        f"anoisesrc=c=pink:r=44100:a=0.2:d={seconds}:seed=1",
        f"sine=f=220:r=44100:d={seconds}",
        f"anoisesrc=c=brown:r=44100:a=0.3:d={seconds}:seed=2",
    ]
    inputs = [arg for src in sources for arg in ("-f", "lavfi", "-i", src)]
    graph = "[0][1]amix=inputs=2[l];[l][2]amerge=inputs=2[a]"
    cmd = [*FFMPEG, *inputs, "-filter_complex", graph, "-map", "[a]", "-c:a", "aac", "-b:a", "128k", str(part)]
    subprocess.run(cmd, check=True)
    part.rename(path)
    return path


def _spin() -> None:
    while True:
        pass


def children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def own_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def time_ffmpeg(path: Path, out: Path) -> tuple[float, float]:
    cpu, start = children_cpu(), time.perf_counter()
    subprocess.run([*FFMPEG, "-i", str(path), "-ac", "1", "-ar", "16000", "-f", "f32le", str(out)], check=True)
    wall = time.perf_counter() - start
    out.unlink()
    return wall, children_cpu() - cpu


def time_ours(path: Path) -> tuple[float, float]:
    from app.media import decode_audio

    cpu, start = own_cpu(), time.perf_counter()
    decode_audio(path, use_cache=False)
    wall = time.perf_counter() - start
    return wall, own_cpu() - cpu


def memory_child(path: str, how: str) -> dict:
    """Runs in a fresh process: RSS before decoding, peak RSS, the array's size."""
    import numpy as np
    import psutil

    import app.media  # noqa: F401  (imports count in the baseline, not in the decode)

    base = psutil.Process().memory_info().rss
    if how == "ours":
        from app.media import decode_audio

        samples = decode_audio(path, use_cache=False).samples
    else:
        import av

        container = av.open(path, metadata_errors="replace")
        resampler = av.AudioResampler(format="flt", layout="mono", rate=16000)
        chunks = []
        for frame in container.decode(audio=0):
            chunks.extend(f.to_ndarray()[0] for f in resampler.resample(frame))
        chunks.extend(f.to_ndarray()[0] for f in resampler.resample(None))
        samples = np.concatenate(chunks)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024  # kB on Linux
    return {"base": base, "peak": peak, "array": samples.nbytes}


def run_child(*args: str, env: dict | None = None) -> dict:
    cmd = [sys.executable, __file__, *args]
    result = subprocess.run(cmd, check=True, capture_output=True, text=True, env=env)
    return json.loads(result.stdout.strip().splitlines()[-1])


def cache_open_child(path: str) -> dict:
    start = time.perf_counter()
    from app.media import decode_audio

    imported = time.perf_counter()
    decoded = decode_audio(path)
    opened = time.perf_counter()
    decoded.envelope.minmax(0, decoded.duration_ms, 1920)  # what the window does next: draw it all
    drawn = time.perf_counter()
    return {
        "from_cache": decoded.from_cache,
        "import_s": imported - start,
        "open_s": opened - imported,
        "draw_s": drawn - opened,
    }


def mb(n: float) -> str:
    return f"{n / 2**20:.0f} MB"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("media", nargs="?", help="file to decode (default: a generated AAC file)")
    parser.add_argument("--minutes", type=float, default=60, help="length of the generated file (default 60)")
    parser.add_argument("--runs", type=int, default=3, help="alternating timing runs of each (default 3)")
    parser.add_argument("--no-plain", action="store_true", help="skip the plain PyAV loop's memory figure")
    parser.add_argument("--busy", type=int, default=0, help="busy-loop processes beside the timing runs (default 0)")
    parser.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        how, path = args.child
        result = cache_open_child(path) if how == "cache" else memory_child(path, how)
        print(json.dumps(result))
        return 0

    if not shutil.which("ffmpeg"):
        print("ffmpeg is needed on PATH", file=sys.stderr)
        return 1
    import av

    from app.media import AudioCache, decode_audio, probe

    path = Path(args.media) if args.media else generate(args.minutes)
    info = probe(path)
    audio = info.audio_streams[0]
    version = subprocess.run(["ffmpeg", "-version"], capture_output=True, text=True).stdout.split("\n")[0]
    print(f"file:     {path} ({info.duration_ms / 60000:.1f} min, {audio.codec}, {audio.sample_rate} Hz, "
          f"{audio.channels} ch, {mb(info.size_bytes)})")  # fmt: skip
    print(f"machine:  {os.cpu_count()} cores, load average {os.getloadavg()[0]:.2f} at start")
    print(f"ffmpeg:   {version}; PyAV {av.__version__} with ffmpeg {av.ffmpeg_version_info}")
    print()

    scratch = Path(tempfile.mkdtemp(prefix="qss-bench-"))
    try:
        spinners = [multiprocessing.Process(target=_spin, daemon=True) for _ in range(args.busy)]
        for p in spinners:
            p.start()
        print(f"decode to 16 kHz mono float32        wall      cpu   ({args.busy} busy loops beside)")
        ff_walls, our_walls, ratios, ff_cpus, our_cpus = [], [], [], [], []
        for i in range(args.runs):
            ff_wall, ff_cpu = time_ffmpeg(path, scratch / "out.f32")
            our_wall, our_cpu = time_ours(path)
            ff_walls.append(ff_wall)
            our_walls.append(our_wall)
            ff_cpus.append(ff_cpu)
            our_cpus.append(our_cpu)
            ratios.append(our_wall / ff_wall)
            print(f"  run {i + 1}: ffmpeg command line  {ff_wall:7.2f} s {ff_cpu:6.2f} s")
            print(f"         decode_audio          {our_wall:7.2f} s {our_cpu:6.2f} s   ratio {our_wall / ff_wall:.2f}")
        print(f"  median wall: ffmpeg {statistics.median(ff_walls):.2f} s, ours {statistics.median(our_walls):.2f} s;"
              f" median ratio {statistics.median(ratios):.2f} (best {min(ratios):.2f}, target <= 1.10)")  # fmt: skip
        print(f"  cpu: ours/ffmpeg {statistics.median(our_cpus) / statistics.median(ff_cpus):.2f}"
              f" (we use a second core: decoding and resampling overlap)")  # fmt: skip
        print(f"  load average now {os.getloadavg()[0]:.2f} (other work on the machine skews the ratio)")
        for p in spinners:
            p.terminate()
            p.join()
        print()

        print("peak memory while decoding (fresh process, cache off)")
        ours = run_child("--child", "ours", str(path))
        over = ours["peak"] - ours["base"] - ours["array"]
        print(f"  decode_audio: array {mb(ours['array'])}, RSS before {mb(ours['base'])}, peak {mb(ours['peak'])};"
              f" peak - before - array = {mb(over)} (target <= 64 MB)")  # fmt: skip
        if not args.no_plain:
            plain = run_child("--child", "plain", str(path))
            over = plain["peak"] - plain["base"] - plain["array"]
            print(f"  plain PyAV loop: peak {mb(plain['peak'])}; peak - before - array = {mb(over)}")
        print()

        print("opening an already decoded file (the cache)")
        cache_dir = scratch / "cache"
        cache = AudioCache(cache_dir)
        start = time.perf_counter()
        decode_audio(path, cache=cache)
        first = time.perf_counter() - start
        start = time.perf_counter()
        again = decode_audio(path, cache=cache)
        second = time.perf_counter() - start
        assert again.from_cache
        print(f"  first open (decode + write the entry): {first:.2f} s; entry {mb(cache.size_bytes())}")
        print(f"  second open, same process: {second * 1000:.1f} ms (target < 200 ms)")
        env = dict(os.environ, QSS_CACHE_DIR=str(cache_dir))
        fresh = run_child("--child", "cache", str(path), env=env)
        assert fresh["from_cache"]
        print(f"  second open, fresh process: {fresh['open_s'] * 1000:.1f} ms"
              f" (+ {fresh['import_s'] * 1000:.0f} ms importing app.media);"
              f" drawing the whole file at 1920 px: {fresh['draw_s'] * 1000:.1f} ms")  # fmt: skip
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
