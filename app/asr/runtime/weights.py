"""Holding the weights once on the CPU (how much memory they need: app.asr.runtime.sizing).

transformers maps the safetensors file and hands out parameters that are views of that mapping: nothing is copied,
and pages become resident as they are first read. Quantising to int8 reads every Linear weight, so before this
module the whole file stayed resident beside the int8 copies (the mapping lives as long as any tensor of it, the
embeddings at least): 4.5 GiB for a 0.6B recognizer whose int8 weights take 0.6 GiB. Here each Linear is quantised
in turn and the pages of its source are handed back to the kernel at once (they are clean file pages: if read
again they come back from the file), so the peak is the int8 weights plus one layer. The embeddings are not
copied: a lookup reads the rows of the tokens it meets from the file (pread; touching the mapping instead made
whole folios of the cached file resident, far more than the rows).

A bf16 file (the released weights are bf16) is loaded as bf16, quantised Linear by Linear from an fp32 copy of
one weight at a time, and its embeddings stay bf16 with lookups widened to fp32 (exact: fp32 holds every bf16).
"""

from __future__ import annotations

import contextlib
import sys
import types
from typing import Any

MADV_DONTNEED = 4


# -- the file mapping ---------------------------------------------------------------------------------------------
def _file_mappings() -> list[tuple[int, int, str, bool]]:
    """(start, end, path, private) of this process's mappings backed by a .safetensors file (Linux only)."""
    found = []
    with contextlib.suppress(OSError), open("/proc/self/maps") as fh:
        for line in fh:
            parts = line.split(maxsplit=5)
            if len(parts) == 6 and parts[5].strip().endswith(".safetensors"):
                a, b = (int(x, 16) for x in parts[0].split("-"))
                found.append((a, b, parts[5].strip(), parts[1][3] == "p"))
    return found


def _clean(start: int, end: int) -> bool:
    """Whether the mapping starting at ``start`` holds no page written by this process (then dropping its pages
    loses nothing: the kernel reads them from the file again when touched). Such a page is the process's own copy,
    counted as ``Anonymous``; ``Private_Dirty`` also counts the page cache's pages of a file written moments ago and
    not yet on the disk (a model just downloaded, a test's checkpoint), which are the file's and safe to drop."""
    with contextlib.suppress(OSError), open("/proc/self/smaps") as fh:
        inside = False
        for line in fh:
            head = line.split(maxsplit=1)[0]
            if "-" in head and not head.endswith(":"):
                a, b = (int(x, 16) for x in head.split("-"))
                inside = a == start and b == end
            elif inside and head == "Anonymous:":
                return int(line.split()[1]) == 0
    return False


class PageReleaser:
    """Hands back the resident pages of tensors that are views of a clean weight-file mapping (a no-op elsewhere:
    anonymous memory is freed by dropping the tensor, and other systems keep their own accounting)."""

    def __init__(self) -> None:
        self._maps = [m for m in _file_mappings() if _clean(m[0], m[1])] if sys.platform == "linux" else []
        self._libc: Any = None
        if self._maps:
            import ctypes
            import mmap

            self._libc = ctypes.CDLL(None, use_errno=True)
            self._libc.madvise.argtypes = (ctypes.c_void_p, ctypes.c_size_t, ctypes.c_int)
            self._page = mmap.PAGESIZE
        self.released = 0

    def holds(self, tensor: Any) -> bool:
        """Whether ``tensor`` lies in one of the clean weight-file mappings (its pages can be handed back)."""
        if not self._maps or tensor is None or tensor.is_mkldnn:
            return False
        start = tensor.data_ptr()
        end = start + tensor.numel() * tensor.element_size()
        return any(a <= start and end <= b for a, b, _path, _private in self._maps)

    def release(self, tensor: Any) -> int:
        if not self._maps or tensor is None:
            return 0
        start = tensor.data_ptr()
        return self.release_span(start, start + tensor.numel() * tensor.element_size())

    def spans(self, tensors: list[Any]) -> list[tuple[int, int]]:
        """The address range ``tensors`` cover inside each clean mapping (safetensors keeps a module's tensors
        together, sorted by name; a fault maps whole folios, so the neighbours' pages inside the range go back too:
        clean pages of the file, read again if needed). Tensors outside every such mapping are left out."""
        found: dict[int, tuple[int, int]] = {}
        for t in tensors:
            start = t.data_ptr()
            end = start + t.numel() * t.element_size()
            for i, (a, b, _path, _private) in enumerate(self._maps):
                if a <= start and end <= b:
                    lo, hi = found.get(i, (start, end))
                    found[i] = (min(lo, start), max(hi, end))
                    break
        return sorted(found.values())

    def release_spans(self, spans: list[tuple[int, int]]) -> None:
        for start, end in spans:
            self.release_span(start, end)

    def release_span(self, start: int, end: int) -> int:
        """Hand back the pages of the addresses [start, end) when they lie in one clean weight-file mapping."""
        for a, b, _path, _private in self._maps:
            if a <= start and end <= b:
                lo = start - start % self._page
                hi = min(b, -(-end // self._page) * self._page)
                if self._libc.madvise(lo, hi - lo, MADV_DONTNEED) == 0:
                    self.released += hi - lo
                    return hi - lo
        return 0


def _mapping_of(ptr: int) -> tuple[int, str, int] | None:
    """(mapping start, file path, file offset of that start) of the weight-file mapping holding address ``ptr``."""
    with contextlib.suppress(OSError), open("/proc/self/maps") as fh:
        for line in fh:
            parts = line.split(maxsplit=5)
            if len(parts) == 6 and parts[5].strip().endswith(".safetensors"):
                a, b = (int(x, 16) for x in parts[0].split("-"))
                if a <= ptr < b:
                    return a, parts[5].strip(), int(parts[2], 16)
    return None


def read_embeddings_from_file(module: Any, releaser: PageReleaser | None = None, *, untied_only: bool = False) -> int:
    """Make every embedding table that is still a view of a weight file read the rows it needs with pread, and drop
    the table's mapped pages. Touching a mapped row made far more than the row resident (the kernel maps whole
    folios of the cached file: one touch per MiB of a cached file made the whole MiB resident here), so a run's
    lookups left a quarter of the recognizer's 0.6 GB table in the process's memory; read rows cost only their
    bytes, and the numbers are the same. Tables widened to fp32 stay widened. Returns how many were switched."""
    import torch

    if sys.platform != "linux":
        return 0
    releaser = releaser or PageReleaser()
    shared: set[int] = set()
    if untied_only:  # a table a vocabulary head also reads stays mapped: the head reads all of it at every step
        for m in module.modules():
            if not isinstance(m, torch.nn.Embedding):
                shared.update(p.data_ptr() for p in m.parameters(recurse=False) if not p.is_mkldnn)
    changed = 0
    for m in module.modules():
        if not isinstance(m, torch.nn.Embedding) or isinstance(m, _file_embedding()):
            continue
        if m.weight.data_ptr() in shared:
            continue
        w = m.weight
        if not w.is_contiguous() or w.dim() != 2 or m.max_norm is not None:
            continue
        where = _mapping_of(w.data_ptr())
        if where is None or not any(a == where[0] for a, *_ in releaser._maps):
            continue  # not a clean file mapping (written to, or anonymous)
        start, path, file_offset = where
        widened = type(m) is not torch.nn.Embedding  # a widening lookup keeps returning fp32
        m.__class__ = _file_embedding()
        m._qss_out_dtype = torch.float32 if widened else w.dtype
        m._qss_file = open(path, "rb")  # noqa: SIM115 - lives as long as the module
        m._qss_offset = file_offset + (w.data_ptr() - start)
        m._qss_row_bytes = w.shape[1] * w.element_size()
        releaser.release(w)
        changed += 1
    return changed


def file_backed(tensor: Any) -> bool:
    """Whether ``tensor`` is a view of a clean weight-file mapping (its pages can be handed back and read again)."""
    return PageReleaser().holds(tensor)


def own_small_weights(module: Any, limit: int = 64 << 20) -> int:
    """Copy the small tensors that are still views of a clean weight file (norms, convolutions, biases: tens of MB)
    into the process's memory, then hand back every page of those mappings. Quantising read each Linear through the
    mapping and dropped its pages, but every fault had mapped whole folios reaching past the Linear's end, into its
    neighbours: about 0.3 GB per model stayed resident that way. Embedding tables (read with pread) and anything
    sharing their storage (a tied head's reference) stay mapped and untouched. Returns the bytes copied."""
    import torch

    releaser = PageReleaser()
    if not releaser._maps:
        return 0
    tables = {m.weight.data_ptr() for m in module.modules() if isinstance(m, torch.nn.Embedding)}

    def mapped(t: Any) -> bool:
        ptr = t.data_ptr()
        return any(a <= ptr < b for a, b, *_ in releaser._maps)

    copied = 0
    for m in module.modules():
        for name, p in list(m.named_parameters(recurse=False)):
            nbytes = p.numel() * p.element_size()
            if p.data_ptr() not in tables and nbytes <= limit and mapped(p):
                setattr(m, name, torch.nn.Parameter(p.detach().clone(), requires_grad=False))
                copied += nbytes
        for name, b in list(m.named_buffers(recurse=False)):
            nbytes = b.numel() * b.element_size()
            if b.data_ptr() not in tables and nbytes <= limit and mapped(b):
                m._buffers[name] = b.clone()
                copied += nbytes
    for a, b, *_ in releaser._maps:
        releaser._libc.madvise(a, b - a, MADV_DONTNEED)
    return copied


_file_embedding_cls: Any = None


def _file_embedding() -> Any:
    global _file_embedding_cls
    if _file_embedding_cls is None:
        import os

        import numpy as np
        import torch

        class FileEmbedding(torch.nn.Embedding):
            """Rows read from the weight file (see read_embeddings_from_file), in the table's dtype or widened."""

            def forward(self, ids: torch.Tensor) -> torch.Tensor:
                flat = ids.reshape(-1).cpu()
                wanted, inverse = torch.unique(flat, return_inverse=True)
                rows = torch.empty((len(wanted), self.embedding_dim), dtype=self.weight.dtype)
                raw = rows.view(torch.uint8).numpy()
                fd, size, base = self._qss_file.fileno(), self._qss_row_bytes, self._qss_offset
                for n, i in enumerate(wanted.tolist()):
                    raw[n] = np.frombuffer(os.pread(fd, size, base + i * size), dtype=np.uint8)
                out = rows[inverse].reshape(*ids.shape, self.embedding_dim)
                return out.to(ids.device, self._qss_out_dtype)

        _file_embedding_cls = FileEmbedding
    return _file_embedding_cls


# -- int8 ---------------------------------------------------------------------------------------------------------
def quantise_linears(root: Any, releaser: PageReleaser | None = None, block_rows: int = 1024) -> int:
    """Swap every plain nn.Linear under ``root`` (not ``root`` itself) for torch's int8 dynamic quantised Linear,
    one at a time. The quantisation is ``quantize_dynamic``'s (qint8, per tensor, symmetric: scale = max|w| / 127.5,
    zero point 0, round half to even), computed over blocks of rows so that only one block of the source is
    resident at a time: its file pages are handed back as soon as the block is read (the 151,936-row vocabulary
    head would otherwise add 600 MB to the load's peak). Returns how many were swapped."""
    import torch

    targets = [
        (parent, name, child)
        for parent in root.modules()
        for name, child in parent.named_children()
        if type(child) is torch.nn.Linear
    ]
    count = len(targets)
    while targets:  # popped, so that each fp32 module is dropped once swapped
        parent, name, child = targets.pop()
        setattr(parent, name, _quantised(child, releaser, block_rows))
        del child
    return count


def _quantised(linear: Any, releaser: PageReleaser | None, block_rows: int) -> Any:
    import warnings

    import torch
    from torch.ao.nn.quantized import dynamic

    weight = linear.weight.detach()
    rows, cols = weight.shape
    block_rows = max(1, min(block_rows, rows))
    amax = 0.0
    for a in range(0, rows, block_rows):  # pass 1: the scale (pages dropped as read: pass 2 reads them again)
        amax = max(amax, float(weight[a : a + block_rows].abs().amax()))
        if releaser is not None:
            releaser.release(weight[a : a + block_rows])
    scale = max(amax / 127.5, float(torch.finfo(torch.float32).eps))
    values = torch.empty((rows, cols), dtype=torch.int8)
    # one scratch block, reused: temporaries the size of a block, allocated between the long-lived int8 tensors,
    # would fragment the heap (it grew by 1 GB over the 0.6B recognizer before this)
    scratch = torch.empty((block_rows, cols), dtype=torch.float32)
    for a in range(0, rows, block_rows):  # pass 2: round half to even, clamp, then drop the block's pages
        b = min(rows, a + block_rows)
        work = scratch[: b - a]
        work.copy_(weight[a:b])
        work.div_(scale).round_().clamp_(-128, 127)
        values[a:b].copy_(work)
        if releaser is not None:
            releaser.release(weight[a:b])
    del scratch
    bias = None if linear.bias is None else linear.bias.detach().float().clone()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # torch.ao.quantization announces its move to torchao
        qweight = torch._make_per_tensor_quantized_tensor(values, scale, 0)
        layer = dynamic.Linear(1, 1, bias_=bias is not None, dtype=torch.qint8)  # 1x1: no full-size placeholder
    layer.set_weight_bias(qweight, bias)
    layer.in_features, layer.out_features = linear.in_features, linear.out_features
    return layer


def widen_embeddings(module: Any) -> int:
    """Give every nn.Embedding not in fp32 a lookup that returns fp32 rows (the table stays as stored, mapped)."""
    import torch

    changed = 0
    for m in module.modules():
        if type(m) is torch.nn.Embedding and m.weight.dtype != torch.float32:
            m.__class__ = _widening_embedding()
            changed += 1
    return changed


_widening_cls: Any = None


def _widening_embedding() -> Any:
    global _widening_cls
    if _widening_cls is None:
        import torch

        class WideningEmbedding(torch.nn.Embedding):
            def forward(self, ids: torch.Tensor) -> torch.Tensor:
                return super().forward(ids).float()

        _widening_cls = WideningEmbedding
    return _widening_cls


def widen_to_fp32(module: Any, leave: tuple[Any, ...] = ()) -> int:
    """Widen every half-precision parameter and buffer of ``module`` to fp32, one tensor at a time, handing back each
    source's file pages once it is copied. The fp32 mode loads a bf16 file as stored (mapped, nothing copied) and
    widens it here: transformers' own conversion kept every page of the file it had read resident until the load
    ended, 1.7 GB beside the 3.1 GB of fp32 weights at the peak of loading the 0.6B recognizer. Tied parameters stay
    tied, references to them follow; the parameters inside the modules of ``leave`` stay as stored (an encoder
    widened layer by layer as it runs: app.asr.runtime.encoder_pages). Exact: fp32 holds every bf16 value. Returns
    the bytes of fp32 made."""
    import torch

    releaser = PageReleaser()
    kept = {id(p) for m in leave for p in m.parameters()}
    widened: dict[int, Any] = {}
    sources: list[Any] = []  # kept until the end, so that no id is reused by another tensor meanwhile
    made = 0
    for m in module.modules():
        for name, p in list(m._parameters.items()):
            if p is None or not p.is_floating_point() or p.dtype == torch.float32 or p.is_mkldnn or id(p) in kept:
                continue
            wide = widened.get(id(p))
            if wide is None:
                wide = torch.nn.Parameter(p.detach().float(), requires_grad=False)
                widened[id(p)] = wide
                sources.append(p)
                releaser.release(p)
                made += wide.numel() * 4
            m._parameters[name] = wide
        for name, b in list(m._buffers.items()):
            if b is not None and b.is_floating_point() and b.dtype != torch.float32:
                m._buffers[name] = b.float()
                releaser.release(b)
    return made


def to_fp32_except_embeddings(module: Any) -> None:
    """Norms, convolutions and biases (small) to fp32; embedding tables stay as stored (see widen_embeddings), and
    so do other references to a table or to a quantised head's old weight (the last-position head wrapper keeps
    one: widening it made a 0.62 GB fp32 copy of the vocabulary that nothing reads, when the file is bf16)."""
    import torch

    tables = {m.weight.data_ptr() for m in module.modules() if isinstance(m, torch.nn.Embedding)}
    for m in module.modules():
        if isinstance(m, torch.nn.Embedding):
            continue
        for name, p in list(m.named_parameters(recurse=False)):
            if p.data_ptr() in tables or name in getattr(m, "_qss_reference_only", ()):
                continue
            if p.is_floating_point() and p.dtype != torch.float32:
                setattr(m, name, torch.nn.Parameter(p.detach().float(), requires_grad=False))
        for name, b in list(m.named_buffers(recurse=False)):
            if b.is_floating_point() and b.dtype != torch.float32:
                m.register_buffer(name, b.float(), persistent=False)


def loaded_bytes(module: Any) -> int:
    """Bytes of parameters, buffers and int8 packed weights in the module tree (each storage counted once)."""
    import torch

    seen: set[int] = set()
    # an unpacked int8 weight is a fresh tensor: held until the end, else the next one may get its freed address
    # and be taken for the same storage (the int8 decoder then counted as one layer)
    alive: list[Any] = []
    total = 0

    def add(t: Any) -> None:
        nonlocal total
        if not isinstance(t, torch.Tensor):
            return
        # a weight packed for oneDNN (app.asr.runtime.products.pack_bf16) has no storage to point at: itself counts
        key = id(t) if t.is_mkldnn else t.data_ptr()
        if key not in seen:
            seen.add(key)
            alive.append(t)
            total += t.numel() * t.element_size()

    for t in list(module.parameters()) + list(module.buffers()):
        add(t)
    for m in module.modules():
        packed = getattr(m, "_packed_params", None)
        if packed is not None and hasattr(packed, "_weight_bias"):
            w, b = packed._weight_bias()
            add(w)
            add(b)
    return total


# -- nagisa ---------------------------------------------------------------------------------------------------------
class _LazyModule(types.ModuleType):
    """Stands in for a module whose import is heavy; the first attribute read imports the real one."""

    def __getattr__(self, attr: str) -> Any:
        import importlib

        if attr.startswith("__"):  # import machinery and introspection probing (__path__, __file__...)
            raise AttributeError(attr)

        if sys.modules.get(self.__name__) is self:
            del sys.modules[self.__name__]
        real = importlib.import_module(self.__name__)
        return getattr(real, attr)


def defer_nagisa() -> None:
    """qwen_asr imports nagisa (Japanese word splitting, about 210 MB resident once loaded) at start-up; only a
    Japanese alignment needs it. Put a stand-in in its place that imports it on first use."""
    if "nagisa" not in sys.modules:
        import importlib.util

        if importlib.util.find_spec("nagisa") is not None:
            sys.modules["nagisa"] = _LazyModule("nagisa")
