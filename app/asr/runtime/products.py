"""Which kernel multiplies a CPU Linear layer's fp32 weights: measured on this machine, per row count and thread count.

torch sends an fp32 ``F.linear`` to MKL. On AMD processors MKL takes a slower path (issue 28, AMD EPYC Zen 4, 2
threads, the 0.6B decoder's 28 layers): its matrix-vector product reads the weights at 15 GB/s where a plain read
reaches 33-51 GB/s, so one token's products took 114 ms and the vocabulary head 42 ms against 69 and 20 ms through
oneDNN (``torch.ops.mkldnn._linear_pointwise``, the kernel torch's own compiler uses, on the same weights, no copy);
at 8 rows 173 against 112 ms, and a 418-row prompt 2.7 against 1.9 s. Yet MKL's two-column product (``weight @
x.T``) is the fastest at 2 rows (63 ms), and on Intel processors MKL may win everywhere. No fixed rule holds on every
CPU, so the routes are timed on the model's own weights the first time a thread count is used (under a second, once
per process) and each row count takes the fastest.

Rows are counted in buckets (ROWS, then PREFILL for anything longer); a route that fails on this build is dropped.
Weights smaller than MIN_WEIGHT stay in the cache and keep F.linear (the suite's tiny checkpoints among them). The
routes compute the same products, differing at fp32 rounding (tests/asr/test_products.py).

bf16 weights (the default on processors with bf16 instructions) already go to oneDNN through F.linear, but in their
stored layout, which oneDNN reorders on the fly. :func:`pack_bf16` reorders each large bf16 weight once, at load, into
the blocked layout oneDNN's kernel reads (``torch.ops.mkldnn._reorder_linear_weight``, what torch's own compiler does
with frozen bf16 weights): the same kernel, the same numbers (bit for bit), no extra memory (the stored weight is
dropped), and a decode step's products at 8 rows 1.9 times sooner (12.2 against 6.5 ms for a quarter of the
decoder's layers, 2 threads, AMD EPYC Zen 4), at one row 1.4 times; prompts the same. fp32 weights are packed
the same way when that is measured faster at the engine's batch (:func:`pack_fp32`: 1.5 times at 8 rows here, but
slower at one row, and a packed weight has no other route).
"""

from __future__ import annotations

import threading
import time
import weakref
from typing import Any

ROUTES = ("linear", "skinny", "onednn")
ROWS = (1, 2, 4, 8, 16, 64)  # decode steps: one row per chunk of the batch
PREFILL = 256  # rows a longer product (a prompt, the encoder, the aligner) is measured with
MIN_WEIGHT = 1 << 20  # elements: 4 MB of fp32, past what a core's caches keep between two steps
SAMPLE_BYTES = 64 << 20  # weights timed per route and row count (past the last-level cache, so read from memory)
ROUNDS = 2  # the fastest of this many interleaved rounds counts (all of it: about 0.5 s)

PACK_BF16 = True  # large bf16 weights repacked for oneDNN at load (pack_bf16); tests turn it off
PACK_FP32 = True  # fp32 weights packed too where that is measured faster at the batch's rows (pack_fp32)
PACK_ROWS = 8  # the row count oneDNN's layout is chosen for: a decode step of a batch (any count works)

_lock = threading.Lock()
_tables: dict[int, dict[int, str]] = {}  # thread count -> bucket -> route
_samples: list[weakref.ref[Any]] = []  # the weights routes are timed on (use_fast_products), not kept alive
_cls: Any = None


def bucket(rows: int) -> int:
    for limit in ROWS:
        if rows <= limit:
            return limit
    return PREFILL


def product(route: str, x: Any, weight: Any, bias: Any) -> Any:
    """``x`` (rows, in) times ``weight`` (out, in) transposed, plus ``bias``, by ``route``."""
    import torch
    from torch.nn import functional as F

    if route == "onednn":
        return torch.ops.mkldnn._linear_pointwise(x, weight, bias, "none", [], "")
    if route == "skinny":
        out = torch.mm(weight, x.T).T
        return (out + bias if bias is not None else out).contiguous()
    return F.linear(x, weight, bias)


def _time(route: str, weights: list[Any], xs: dict[int, Any]) -> float:
    t = time.perf_counter()
    for w in weights:
        product(route, xs[w.shape[1]], w, None)
    return time.perf_counter() - t


def measure_routes(weights: list[Any], threads: int) -> dict[int, str]:
    """Bucket -> the fastest route over ``weights`` (fp32, on the CPU) with torch's current threads."""
    import torch

    table: dict[int, str] = {}
    routes = list(ROUTES)
    with torch.no_grad():
        for rows in (*ROWS, PREFILL):
            sample = weights if rows != PREFILL else weights[:2]  # compute-bound: two weights tell
            xs = {w.shape[1]: torch.randn(rows, w.shape[1]) for w in sample}
            best: dict[str, float] = {}
            for route in list(routes):
                try:
                    _time(route, sample[:1], xs)  # the kernel's set-up, once
                except Exception:  # not in this build of torch
                    routes.remove(route)
            for _ in range(ROUNDS):
                for route in routes:
                    best[route] = min(best.get(route, float("inf")), _time(route, sample, xs))
            table[rows] = min(best, key=lambda r: best[r]) if best else "linear"
    return table


def route_for(rows: int, threads: int) -> str:
    """The route of an fp32 product of ``rows`` rows with ``threads`` threads (measured on first use)."""
    table = _tables.get(threads)
    if table is None:
        with _lock:
            table = _tables.get(threads)
            if table is None:
                sample = [w for w in (ref() for ref in _samples) if w is not None]
                if sample:
                    table = _tables[threads] = measure_routes(sample, threads)
                else:  # the samples were packed or freed: a table measured with other threads beats none
                    table = next(iter(_tables.values()), {})
    return table.get(bucket(rows), "linear")


def fast_linear_class() -> Any:
    """nn.Linear whose fp32 CPU forward takes the route measured fastest for its row count."""
    global _cls
    if _cls is None:
        import torch
        from torch.nn import functional as F

        class FastLinear(torch.nn.Linear):
            def forward(self, x: torch.Tensor) -> torch.Tensor:
                w = self.weight
                if w.is_mkldnn:  # packed by pack_bf16: oneDNN's kernel, the only one that reads that layout
                    try:
                        return torch.ops.mkldnn._linear_pointwise(x, w, self.bias, "none", [], "")
                    except RuntimeError:  # an input it does not take (another dtype): what F.linear makes of it
                        return F.linear(x, w.to_dense(), self.bias)
                if (
                    w.dtype != torch.float32 or w.numel() < MIN_WEIGHT or x.device.type != "cpu" or not x.shape[-1]
                    or x.dtype != torch.float32 or not w.is_contiguous() or self.__dict__.get("_qss_linear_only")
                ):  # fmt: skip
                    return F.linear(x, w, self.bias)
                rows = x.numel() // x.shape[-1]
                route = route_for(rows, torch.get_num_threads()) if rows else "linear"
                if route == "linear":
                    return F.linear(x, w, self.bias)
                try:
                    out = product(route, x.reshape(rows, x.shape[-1]).contiguous(), w, self.bias)
                except RuntimeError:  # a kernel that refuses this layer (timed on others): F.linear from now on
                    self._qss_linear_only = True
                    return F.linear(x, w, self.bias)
                return out.view(*x.shape[:-1], self.out_features)

        _cls = FastLinear
    return _cls


def use_fast_products(*modules: Any, sample_from: Any = None, leave: tuple[Any, ...] = ()) -> int:
    """Switch every plain nn.Linear inside ``modules`` to FastLinear, in place (weights untouched, so tied weights
    stay tied; quantised and other Linear subclasses are left alone), pack their large bf16 weights (pack_bf16;
    none inside the modules of ``leave``: an encoder whose mapped pages go back after each use), and time the routes
    on the large fp32 weights of ``sample_from`` (the text decoder) when none are held yet. Returns how many layers
    changed."""
    import torch

    cls = fast_linear_class()
    changed = 0
    for root in modules:
        for m in root.modules():
            if type(m) is torch.nn.Linear:
                m.__class__ = cls
                changed += 1
    pack_bf16(*modules, leave=leave)
    if sample_from is not None:
        _take_samples(sample_from)
    return changed


def untie_head(thinker: Any) -> bool:
    """Give a bf16 vocabulary head tied to the embedding table its own Parameter (the same numbers, no copy), so
    that pack_bf16 packs it, when the table is a view of the weight file: its lookups then read rows from the file
    (weights.read_embeddings_from_file) and its pages are handed back, so the packed head costs no memory. The
    head is the largest product of a decode step (311 MB for the 0.6B; unpacked, 19.5 ms of an 85 ms step at batch 1
    on an AMD EPYC Zen 4, where packed weights are read about 1.4 times faster). A table in the process's memory (an
    fp32 file read as bf16) stays tied: a packed head would hold a second copy. Returns whether it was untied."""
    import torch

    from app.asr.runtime.weights import file_backed

    head = thinker.lm_head
    inner = getattr(head, "head", head)  # the engine's last-position wrapper computes through .head
    embed = thinker.get_input_embeddings() if hasattr(thinker, "get_input_embeddings") else None
    w = getattr(inner, "weight", None)
    if (
        not PACK_BF16 or embed is None or w is None or w is not embed.weight or w.dtype != torch.bfloat16
        or w.numel() < MIN_WEIGHT or not file_backed(w)
    ):  # fmt: skip
        return False
    own = torch.nn.Parameter(w.detach(), requires_grad=False)
    inner.weight = own
    if head is not inner and head._parameters.get("weight") is w:
        head.weight = own
    return True


def pack_bf16(*modules: Any, leave: tuple[Any, ...] = ()) -> int:
    """Reorder the large bf16 weights of the FastLinear layers inside ``modules`` into oneDNN's blocked layout, in
    place (see the module's notes). A weight another module also holds (an embedding table tied to the vocabulary
    head) keeps its layout, which the other one reads; a reference kept only to be read (``_qss_reference_only``:
    the last-position head's) follows the new weight. The stored weight's pages are handed back when they were
    mapped from the weight file. A weight whose packed product differs from F.linear's, or that oneDNN cannot pack,
    stays as it is, and so do the weights inside the modules of ``leave``. Returns how many weights were packed."""
    import torch

    return _pack(modules, torch.bfloat16, leave) if PACK_BF16 else 0


def pack_fp32(*modules: Any, rows: int) -> int:
    """Pack the large fp32 weights of the FastLinear layers inside ``modules`` as pack_bf16 does, when a product of
    ``rows`` rows (a decode step of the engine's batch) is measured faster packed than through the fastest route
    of the table (on the decoder's sample weights, with torch's current threads). On an AMD EPYC (Zen 4, 2
    threads) packed fp32 weights took 6.7 against 10.3 ms at 8 rows and 6.0 against 8.7 at 4 (64 MB of the
    decoder's weights), but 7.0 against 5.9 ms at 1 row: a packed weight has no other route, so the batch decides.
    Returns how many weights were packed."""
    import torch

    if not PACK_FP32 or rows < 2:
        return 0
    sample = [w for w in (ref() for ref in _samples) if w is not None and not w.is_mkldnn]
    if not sample or not packed_is_faster(sample, rows):
        return 0
    return _pack(modules, torch.float32)


def packed_is_faster(weights: list[Any], rows: int) -> bool:
    """Whether ``weights`` (fp32), packed, multiply ``rows`` rows sooner than the fastest route (by 5 %)."""
    import torch

    with torch.no_grad():
        xs = {w.shape[1]: torch.randn(rows, w.shape[1]) for w in weights}
        try:
            packed = [torch.ops.mkldnn._reorder_linear_weight(w, PACK_ROWS) for w in weights]
            product("onednn", xs[weights[0].shape[1]], packed[0], None)
        except (RuntimeError, AttributeError):
            return False
        route = route_for(rows, torch.get_num_threads())
        best = {"packed": float("inf"), route: float("inf")}
        for _ in range(ROUNDS):
            best[route] = min(best[route], _time(route, weights, xs))
            best["packed"] = min(best["packed"], _time("onednn", packed, xs))  # a packed weight: oneDNN's kernel
    return best["packed"] < 0.95 * best[route]


def _pack(modules: tuple[Any, ...], dtype: Any, leave: tuple[Any, ...] = ()) -> int:
    """Pack the ``dtype`` weights of the FastLinear layers inside ``modules`` (see pack_bf16)."""
    import torch
    from torch.nn import functional as F

    from app.asr.runtime.weights import PageReleaser

    cls = fast_linear_class()
    holders: dict[int, int] = {}  # id(parameter) -> modules computing with it
    references: list[tuple[Any, str]] = []  # (module, name) of references kept only to be read
    for root in modules:
        for m in root.modules():
            read_only = getattr(m, "_qss_reference_only", ())
            for name, p in m._parameters.items():
                if p is None:
                    continue
                if name in read_only:
                    references.append((m, name))
                else:
                    holders[id(p)] = holders.get(id(p), 0) + 1
    releaser: PageReleaser | None = None
    packed = 0
    seen: set[int] = {id(p) for kept in leave for p in kept.parameters()}
    todo: list[Any] = []
    for root in modules:
        for m in root.modules():
            w = m._parameters.get("weight") if type(m) is cls else None
            if (
                w is None or id(w) in seen or w.dtype != dtype or w.device.type != "cpu" or w.is_mkldnn
                or w.numel() < MIN_WEIGHT or not w.is_contiguous() or holders.get(id(w), 0) != 1
            ):  # fmt: skip
                continue
            seen.add(id(w))
            todo.append(m)
    # the largest first (the vocabulary head: 311 MB): while a weight is packed, its stored form (mapped pages read
    # from the file) and its packed copy are both resident, and fewer other packed weights are held beside them yet
    todo.sort(key=lambda m: -m.weight.numel())
    for m in todo:
        w = m.weight
        try:
            with torch.no_grad():
                layout = torch.ops.mkldnn._reorder_linear_weight(w.detach(), PACK_ROWS)
                probe = torch.randn(2, w.shape[1], generator=torch.Generator().manual_seed(0)).to(w.dtype)
                got = torch.ops.mkldnn._linear_pointwise(probe, layout, None, "none", [], "").float()
                expected = F.linear(probe, w).float()
                # bit for bit here; another kernel of F.linear (AMX) may round differently, a wrong layout not
                same = bool((got - expected).norm() <= 1e-2 * expected.norm() + 1e-6)
        except (RuntimeError, AttributeError):  # a build of torch without oneDNN's kernels for this dtype
            continue
        if not same:
            continue
        new = torch.nn.Parameter(layout, requires_grad=False)
        m.weight = new
        for holder, name in references:
            if holder._parameters.get(name) is w:
                setattr(holder, name, new)
        if releaser is None:
            releaser = PageReleaser()
        releaser.release(w)
        packed += 1
    return packed


def _take_samples(root: Any) -> None:
    import torch

    picked, size = [], 0
    for m in root.modules():
        w = getattr(m, "weight", None)
        if (
            isinstance(m, torch.nn.Linear)
            and isinstance(w, torch.Tensor)
            and w.dtype == torch.float32
            and not w.is_mkldnn
            and w.device.type == "cpu"
            and w.numel() >= MIN_WEIGHT
            and w.shape[0] <= 16 * w.shape[1]
        ):  # fmt: skip  (the vocabulary head is left out: one weight of 600 MB)
            picked.append(w)
            size += w.numel() * 4
            if size >= SAMPLE_BYTES:
                break
    with _lock:
        held = _samples[0]() if _samples else None
        if picked and held is not picked[0]:
            _samples[:] = [weakref.ref(w) for w in picked]
            _tables.clear()  # measured on weights no longer held (a reloaded model): again on first use
