"""Microbenches of one decode step's parts, with the full-size 0.6B decoder's shapes, as ratios measured side by side.

    python bench/bench_decode_step.py attention --threads 2     # bf16-cache attention: torch's kernel vs ours
    python bench/bench_decode_step.py products --threads 2      # app.asr.runtime.products' routes, per dtype and rows
    python bench/bench_decode_step.py routes                    # the full-size fp32 recognizer's step, route by route

Each compared pair runs interleaved (A B A B ...) ``--rounds`` times and the medians are printed with their ratio,
so a busy machine slows both alike. The CPU model and the load average are printed with the figures.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import sys
import time
from functools import partial
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

HEADS, KV_HEADS, HEAD_DIM, HIDDEN = 16, 8, 128, 1024  # tests.support.checkpoints.FULL_SIZE_0_6B
LAYER_SHAPES = [(2048, 1024), (1024, 1024), (1024, 1024), (1024, 2048), (3072, 1024), (3072, 1024), (1024, 3072)]
VOCABULARY = 151936


def cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown CPU"


def load() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def interleaved(candidates: dict, rounds: int, repeat: int) -> dict[str, float]:
    """Median seconds of one call per candidate, the candidates alternating within each round."""
    times: dict[str, list[float]] = {name: [] for name in candidates}
    for fn in candidates.values():
        fn()  # a kernel's set-up (oneDNN builds one per shape) is not its speed
    for _ in range(rounds):
        for name, fn in candidates.items():
            t = time.perf_counter()
            for _ in range(repeat):
                fn()
            times[name].append((time.perf_counter() - t) / repeat)
    return {name: statistics.median(v) for name, v in times.items()}


def cmd_attention(args: argparse.Namespace) -> None:
    import torch

    from app.asr.runtime import cpu_decoding

    module = type("Attention", (), {"num_key_value_groups": HEADS // KV_HEADS, "is_causal": True, "training": False})
    cpu_decoding.install_grouped_attention()
    for query_dtype in (torch.bfloat16, torch.float32):  # the bf16 mode's queries, the int8 mode's
        for batch in args.batches:
            q = torch.randn(batch, HEADS, 1, HEAD_DIM, dtype=query_dtype)
            k = torch.randn(batch, KV_HEADS, args.positions, HEAD_DIM).bfloat16()
            v = torch.randn(batch, KV_HEADS, args.positions, HEAD_DIM).bfloat16()
            mask = torch.ones(batch, 1, 1, args.positions, dtype=torch.bool)
            mask[1:, :, :, :20] = False  # left padding

            def attend(fp32: bool, q=q, k=k, v=v, mask=mask) -> None:
                cpu_decoding.DECODE_IN_FP32 = fp32
                cpu_decoding._grouped_sdpa(module, q, k, v, mask, scaling=HEAD_DIM**-0.5)

            med = interleaved({"kernel": lambda a=attend: a(False), "fp32": lambda a=attend: a(True)}, args.rounds, 20)
            print(f"attention, query {str(query_dtype)[6:]}, bf16 cache, batch {batch}, {args.positions} positions: "
                  f"torch's bf16 kernel {med['kernel'] * 1e3:.3f} ms, fp32 maths {med['fp32'] * 1e3:.3f} ms "
                  f"(kernel / fp32 {med['kernel'] / med['fp32']:.2f}; x28 layers {med['kernel'] * 28e3:.0f} vs "
                  f"{med['fp32'] * 28e3:.0f} ms a step); load {load()}", flush=True)  # fmt: skip
    cpu_decoding.DECODE_IN_FP32 = True


def products(route: str, weights: list, xs: list) -> None:
    """One route of app.asr.runtime.products for each weight."""
    from app.asr.runtime.products import product

    for w, x in zip(weights, xs, strict=True):
        product(route, x, w, None)


def cmd_products(args: argparse.Namespace) -> None:
    """Each route of app.asr.runtime.products over the decoder's layer shapes and its vocabulary head, and the
    weights packed for oneDNN (pack_bf16, pack_fp32), interleaved; then the table the engine would measure on these
    weights (fp32)."""
    import torch

    from app.asr.runtime.products import PACK_ROWS, ROUTES, measure_routes

    def pack(w):  # what products.pack_bf16 / pack_fp32 make of a weight
        return torch.ops.mkldnn._reorder_linear_weight(w, PACK_ROWS)

    names = (*ROUTES, "packed")
    for dtype in (torch.float32, torch.bfloat16):
        weights = [torch.randn(*s).to(dtype) for s in LAYER_SHAPES * 4]  # 4 layers: past the last-level cache
        head = torch.randn(VOCABULARY, HIDDEN).to(dtype)
        packed, packed_head = [pack(w) for w in weights], pack(head)
        for rows in args.rows:
            xs = [torch.randn(rows, w.shape[1]).to(dtype) for w in weights]
            xh = torch.randn(rows, HIDDEN).to(dtype)
            runs = {r: partial(products, r, weights, xs) for r in ROUTES}
            lm = interleaved({**runs, "packed": partial(products, "onednn", packed, xs)}, args.rounds, 3)
            runs = {r: partial(products, r, [head], [xh]) for r in ROUTES}
            hm = interleaved({**runs, "packed": partial(products, "onednn", [packed_head], [xh])}, args.rounds, 1)
            layers = ", ".join(f"{r} {lm[r] * 7e3:.1f}" for r in names)  # x 28 layers / 4 measured
            heads = ", ".join(f"{r} {hm[r] * 1e3:.1f}" for r in names)
            print(f"{str(dtype)[6:]:8s} rows {rows:3d}: 28 layers {layers} ms; vocabulary head {heads} ms; "
                  f"load {load()}", flush=True)  # fmt: skip
        if dtype == torch.float32:
            print(f"the engine's table on these weights ({torch.get_num_threads()} threads): "
                  f"{measure_routes(weights, torch.get_num_threads())}", flush=True)  # fmt: skip


def cmd_routes(args: argparse.Namespace) -> None:
    """The full-size fp32 recognizer (bench_asr.py's random checkpoint) loaded once by the engine; every product of
    it forced through one route of app.asr.runtime.products in turn, the routes interleaved over ``--rounds``; one
    decode step's median time (asr_floor.step_seconds) at each batch."""
    import types

    import bench_asr  # bench/, beside this file
    from asr_floor import step_seconds

    from app.asr.runtime import products

    options = types.SimpleNamespace(device="cpu", batch=None, tokens_per_chunk=100, threads=args.threads, int8=False,
                                    precision="fp32")  # fmt: skip
    engine = bench_asr.engine_for(bench_asr.checkpoint(None), options)
    audio = bench_asr.speech_like(30)
    import torch

    times: dict[str, dict[int, list[float]]] = {r: {b: [] for b in args.batches} for r in products.ROUTES}
    with engine.session():
        model = engine.recognizer()
        step_seconds(model, audio, 1, 2)  # the engine's own table is measured here (printed below)
        threads = torch.get_num_threads()
        measured = dict(products._tables.get(threads, {}))
        for _ in range(args.rounds):
            for route in products.ROUTES:
                products._tables[threads] = dict.fromkeys((*products.ROWS, products.PREFILL), route)
                for batch in args.batches:
                    times[route][batch].append(step_seconds(model, audio, batch, args.steps))
        products._tables[threads] = measured
    print(f"the engine's table ({threads} threads): {measured}")
    for route, by_batch in times.items():
        steps = ", ".join(f"batch {b} {statistics.median(v) * 1e3:.1f} ms" for b, v in by_batch.items())
        print(f"every product through {route:7s}: a decode step at {steps}; load {load()}", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="cmd", required=True)
    for name in ("attention", "products", "routes"):
        p = sub.add_parser(name)
        p.add_argument("--threads", type=int, default=None)
        p.add_argument("--rounds", type=int, default=7 if name != "routes" else 2)
    sub.choices["attention"].add_argument("--batches", type=int, nargs="+", default=[1, 8])
    sub.choices["attention"].add_argument("--positions", type=int, default=470)
    sub.choices["products"].add_argument("--rows", type=int, nargs="+", default=[1, 8, 16, 64])
    sub.choices["routes"].add_argument("--batches", type=int, nargs="+", default=[1, 4, 8])
    sub.choices["routes"].add_argument("--steps", type=int, default=12, help="decode steps timed per batch")
    args = parser.parse_args()
    import torch

    if args.threads:
        torch.set_num_threads(args.threads)
    print(f"{cpu_model()}; torch threads {torch.get_num_threads()}; load average {load()}")
    {"attention": cmd_attention, "products": cmd_products, "routes": cmd_routes}[args.cmd](args)


if __name__ == "__main__":
    main()
