"""app.asr.runtime.products: fp32 CPU products take the kernel measured fastest for their row count (issue 28)."""

from __future__ import annotations

import gc

import pytest
import torch
from torch.nn import functional as F

from app.asr.runtime import products


@pytest.fixture
def fresh(monkeypatch):
    """No measured tables or sample weights of another test; small weights count as large."""
    monkeypatch.setattr(products, "_tables", {})
    monkeypatch.setattr(products, "_samples", [])
    monkeypatch.setattr(products, "MIN_WEIGHT", 0)
    return products


def _usable() -> list[str]:
    x, w = torch.randn(2, 16), torch.randn(8, 16)
    out = []
    for route in products.ROUTES:
        try:
            products.product(route, x, w, None)
            out.append(route)
        except Exception:
            pass
    return out


@pytest.mark.parametrize("route", _usable())
@pytest.mark.parametrize("shape", [(1, 32), (4, 1, 32), (2, 33, 32), (300, 32), (3, 0, 32)])
@pytest.mark.parametrize("bias", [False, True])
def test_every_route_computes_what_linear_computes(fresh, monkeypatch, route, shape, bias):
    layer = torch.nn.Linear(32, 48, bias=bias)
    x = torch.randn(*shape)
    expected = F.linear(x, layer.weight, layer.bias)
    monkeypatch.setattr(products, "route_for", lambda rows, threads: route)
    taken = []
    original = products.product
    monkeypatch.setattr(products, "product", lambda r, *a: taken.append(r) or original(r, *a))
    assert products.use_fast_products(layer) == 1 and type(layer) is products.fast_linear_class()
    with torch.no_grad():
        got = layer(x)
    assert got.shape == expected.shape and got.is_contiguous()
    assert torch.allclose(got, expected, atol=1e-5, rtol=1e-5)
    assert taken == ([] if route == "linear" or not x.numel() else [route])
    assert products.use_fast_products(layer) == 0  # already switched


def test_the_fastest_route_is_measured_per_row_count_and_a_failing_one_is_dropped(monkeypatch):
    """MKL's matrix-vector product on an AMD CPU was 1.7x slower than oneDNN's, its two-column product the fastest
    at 2 rows: the table follows the timings, whatever they are on the machine at hand."""
    cost = {"linear": 3.0, "skinny": 2.0, "onednn": 1.0}
    calls = []

    def timed(route, weights, xs):
        rows = next(iter(xs.values())).shape[0]
        calls.append((route, rows))
        if route == "skinny" and rows == 2:
            return 0.5
        if route == "onednn" and rows == 8:
            raise RuntimeError("not in this build")
        return cost[route]

    monkeypatch.setattr(products, "_time", timed)
    table = products.measure_routes([torch.randn(8, 16)], 2)
    assert table[1] == "onednn" and table[2] == "skinny" and table[products.PREFILL] == "skinny"
    assert table[4] == "onednn" and table[8] == "skinny" and table[16] == "skinny"  # dropped at 8: not offered again
    assert set(table) == {*products.ROWS, products.PREFILL}
    assert [products.bucket(n) for n in (1, 2, 3, 8, 9, 64, 65, 4000)] == [1, 2, 4, 8, 16, 64, 256, 256]


def test_routes_are_measured_once_per_thread_count_on_weights_held_weakly(fresh, monkeypatch):
    measured = []
    monkeypatch.setattr(products, "measure_routes", lambda ws, t: measured.append((len(ws), t)) or {1: "skinny"})
    decoder = torch.nn.Sequential(torch.nn.Linear(16, 32), torch.nn.Linear(32, 16))
    products.use_fast_products(decoder, sample_from=decoder)
    assert [products.route_for(1, 2), products.route_for(1, 2), products.route_for(8, 2)] == [
        "skinny",
        "skinny",
        "linear",
    ]
    assert products.route_for(1, 1) == "skinny"
    assert measured == [(2, 2), (2, 1)]
    products.use_fast_products(decoder, sample_from=decoder)  # the same weights again: the tables stand
    products.route_for(1, 2)
    assert measured == [(2, 2), (2, 1)]
    del decoder
    gc.collect()
    monkeypatch.setattr(products, "_tables", {})
    assert products.route_for(1, 2) == "linear" and len(measured) == 2  # the model is gone: nothing is kept alive


@pytest.mark.filterwarnings("ignore:torch.quantize_per_tensor")
def test_small_weights_bf16_weights_and_the_vocabulary_head(monkeypatch):
    """Weights a cache holds anyway (the suite's tiny models) keep F.linear, as do bf16 ones (oneDNN already); the
    vocabulary head is switched but not used to measure (one weight of 600 MB)."""
    from torch.ao.nn.quantized.dynamic import Linear as QuantisedLinear

    monkeypatch.setattr(products, "_tables", {})
    monkeypatch.setattr(products, "_samples", [])
    monkeypatch.setattr(products, "MIN_WEIGHT", 64)
    routes = []
    monkeypatch.setattr(products, "route_for", lambda rows, threads: routes.append(rows) or "skinny")
    embed = torch.nn.Embedding(400, 8)
    head = torch.nn.Linear(8, 400, bias=False)
    head.weight = embed.weight
    quantised = QuantisedLinear(8, 8)
    small, big16 = torch.nn.Linear(4, 4), torch.nn.Linear(16, 16).to(torch.bfloat16)
    root = torch.nn.ModuleDict({"head": head, "q": quantised, "embed": embed, "small": small, "big16": big16})
    assert products.use_fast_products(root, sample_from=root) == 3
    assert root["head"].weight is embed.weight and type(root["q"]) is QuantisedLinear
    assert products._samples == []  # the head is 50 times wider than tall: not a decoder layer
    with torch.no_grad():
        small(torch.randn(2, 4))
        big16(torch.randn(2, 16).bfloat16())
        assert routes == []
        head(torch.randn(3, 8))
    assert routes == [3]


def test_the_text_decoder_computes_the_same_through_every_route(tiny_models, monkeypatch):
    """The suite's recognizer, loaded by the engine (every Linear switched), with its small weights counted as large:
    the decoder's hidden states agree whichever route its products take."""
    from app.asr.runtime.engine import Engine, EngineOptions

    monkeypatch.setattr(products, "MIN_WEIGHT", 0)
    monkeypatch.setattr(products, "PACK_FP32", False)  # packed weights take no other route
    engine = Engine(EngineOptions(model=str(tiny_models.recognizer), aligner=None, device="cpu", idle_unload_s=0,
                                  download=False, max_new_tokens=4))  # fmt: skip
    taken: list[str] = []
    original = products.product
    monkeypatch.setattr(products, "product", lambda r, *a: taken.append(r) or original(r, *a))
    outs = {}
    routes = _usable()
    try:
        with engine.session():
            text = engine.recognizer().model.thinker.model
            assert all(type(m) is not torch.nn.Linear for m in text.modules())
            x = torch.randn(2, 5, text.config.hidden_size, generator=torch.Generator().manual_seed(0))
            taken.clear()  # (what timing the routes at load took)
            for route in routes:
                monkeypatch.setattr(products, "route_for", lambda rows, threads, route=route: route)
                with torch.no_grad():
                    outs[route] = text(inputs_embeds=x).last_hidden_state
    finally:
        engine.unload()
    assert set(taken) == set(outs) - {"linear"}
    for out in outs.values():
        assert torch.allclose(out, outs["linear"], atol=1e-4, rtol=1e-4)


def test_a_route_that_refuses_a_layer_leaves_it_to_linear(fresh, monkeypatch):
    """The routes are timed on the decoder's weights; a layer one of them refuses (a layout the kernel does not
    take) is computed by F.linear, that time and after, instead of failing the recognition."""
    layer = torch.nn.Linear(16, 8)
    products.use_fast_products(layer)
    x = torch.randn(3, 16)
    expected = F.linear(x, layer.weight, layer.bias)
    calls = []

    def refuse(route, *a):
        calls.append(route)
        raise RuntimeError("mkldnn: this layout is not supported")

    monkeypatch.setattr(products, "route_for", lambda rows, threads: "onednn")
    monkeypatch.setattr(products, "product", refuse)
    with torch.no_grad():
        assert torch.allclose(layer(x), expected) and torch.allclose(layer(x), expected)
    assert calls == ["onednn"]
    transposed = torch.nn.Linear(16, 8)
    transposed.weight = torch.nn.Parameter(torch.randn(16, 8).T)  # not contiguous: never offered to a route
    products.use_fast_products(transposed)
    with torch.no_grad():
        assert torch.allclose(transposed(x), F.linear(x, transposed.weight, transposed.bias))
    assert calls == ["onednn"]


# -- bf16 weights packed for oneDNN -----------------------------------------------------------------------------------
def _packable() -> bool:
    try:
        w = torch.randn(8, 16).bfloat16()
        torch.ops.mkldnn._linear_pointwise(
            torch.randn(2, 16).bfloat16(), torch.ops.mkldnn._reorder_linear_weight(w, 8), None, "none", [], ""
        )
        return True
    except Exception:
        return False


needs_packing = pytest.mark.skipif(not _packable(), reason="this build of torch has no oneDNN bf16 kernels")


@needs_packing
@pytest.mark.parametrize("shape", [(1, 64), (8, 64), (4, 1, 64), (2, 33, 64), (3, 0, 64), (300, 64)])
@pytest.mark.parametrize("bias", [False, True])
def test_a_bf16_weight_is_packed_once_and_computes_what_linear_computes(fresh, shape, bias):
    """The decode step's products read the weight in oneDNN's own layout (1.4-1.9x sooner at 1-8 rows): the layer
    holds the packed weight, and its answers are F.linear's with the weight as stored."""
    layer = torch.nn.Linear(64, 96, bias=bias).to(torch.bfloat16)
    stored = layer.weight.detach().clone()
    x = torch.randn(*shape).bfloat16()
    expected = F.linear(x, stored, layer.bias)
    products.use_fast_products(layer)
    assert layer.weight.is_mkldnn and layer.weight.shape == stored.shape and layer.weight.dtype == torch.bfloat16
    assert torch.equal(layer.weight.to_dense(), stored)  # the same numbers, in another layout
    with torch.no_grad():
        got = layer(x)
        strided = layer(torch.cat([x, x], dim=-1)[..., ::2])  # an input that is not contiguous
    assert got.shape == expected.shape and got.dtype == torch.bfloat16
    assert torch.allclose(got.float(), expected.float(), atol=2e-2, rtol=1e-2)
    assert strided.shape == expected.shape
    assert products.pack_bf16(layer) == 0  # already packed


@needs_packing
def test_only_weights_a_single_layer_computes_with_are_packed(fresh, monkeypatch):
    """A vocabulary head tied to the embedding table keeps the table's layout (the lookup reads it); small, fp32 and
    quantised weights stay as they are; a reference kept only to be read follows the packed weight; the packing can
    be turned off."""
    from torch.ao.nn.quantized.dynamic import Linear as QuantisedLinear

    monkeypatch.setattr(products, "MIN_WEIGHT", 1000)
    embed = torch.nn.Embedding(400, 8).to(torch.bfloat16)
    tied = torch.nn.Linear(8, 400, bias=False).to(torch.bfloat16)
    tied.weight = embed.weight
    small = torch.nn.Linear(16, 16).to(torch.bfloat16)
    fp32 = torch.nn.Linear(64, 64)
    own = torch.nn.Linear(64, 64).to(torch.bfloat16)

    class Reader(torch.nn.Module):  # as engine._LastPositionHead: computes through .head, keeps .weight to be read
        _qss_reference_only = ("weight",)

        def __init__(self, head):
            super().__init__()
            self.head, self.weight = head, head.weight

    reader = Reader(own)
    root = torch.nn.ModuleDict(
        {"embed": embed, "tied": tied, "small": small, "fp32": fp32, "reader": reader, "q": QuantisedLinear(8, 8)}
    )
    products.use_fast_products(root)
    assert tied.weight is embed.weight and not embed.weight.is_mkldnn
    assert not small.weight.is_mkldnn and not fp32.weight.is_mkldnn
    assert own.weight.is_mkldnn and reader.weight is own.weight  # no second copy kept alive through the reference
    from app.asr.runtime.weights import loaded_bytes

    assert loaded_bytes(own) == 64 * 64 * 2 + 64 * 2  # the packed weight counted once, as bf16
    left, packed = torch.nn.Linear(64, 64).to(torch.bfloat16), torch.nn.Linear(64, 64).to(torch.bfloat16)
    both = torch.nn.ModuleDict({"encoder": torch.nn.Sequential(left), "decoder": packed})
    products.use_fast_products(both, leave=(both["encoder"],))  # an encoder whose mapped pages go back after use
    assert packed.weight.is_mkldnn and not left.weight.is_mkldnn
    other = torch.nn.Linear(64, 64).to(torch.bfloat16)
    monkeypatch.setattr(products, "PACK_BF16", False)
    products.use_fast_products(other)
    assert not other.weight.is_mkldnn


@needs_packing
def test_a_packing_that_computes_otherwise_is_not_used(fresh, monkeypatch):
    """A layout oneDNN would read wrongly (a build whose packing and kernel disagree) is found by one product
    beside F.linear at load, and the weight keeps its stored layout."""
    real = torch.ops.mkldnn._reorder_linear_weight
    calls = []

    class Ops:
        @staticmethod
        def _reorder_linear_weight(w, rows):
            calls.append(rows)
            return real(w.flip(0), rows)  # the rows in another order

        _linear_pointwise = staticmethod(torch.ops.mkldnn._linear_pointwise)

    layer = torch.nn.Linear(64, 96).to(torch.bfloat16)
    monkeypatch.setattr(torch.ops, "mkldnn", Ops())
    products.use_fast_products(layer)
    assert calls == [products.PACK_ROWS] and not layer.weight.is_mkldnn


@needs_packing
def test_the_bf16_decoder_computes_the_same_with_packed_weights(tmp_path, monkeypatch):
    """The suite's recognizer stored in bf16, loaded in bf16 by the engine with its small weights counted as large:
    every layer's weight packed, the vocabulary head tied to the embedding table too (the table then read from the
    file), and the decoder's hidden states and the transcripts as without packing."""
    import numpy as np

    from app.asr.runtime import precision, weights
    from app.asr.runtime.engine import Engine, EngineOptions
    from tests.support.checkpoints import build_checkpoint

    monkeypatch.setattr(precision, "_native", True)
    monkeypatch.setattr(products, "MIN_WEIGHT", 0)
    from tests.support.checkpoints import TINY

    tied = {"audio": TINY["audio"], "text": {**TINY["text"], "tie_word_embeddings": True}}  # as the 0.6B's
    folder = build_checkpoint(tmp_path / "bf16", dims=tied, seed=5, dtype="bfloat16")
    rng = np.random.default_rng(1)
    wavs = [(0.1 * rng.standard_normal(16000 * s)).astype(np.float32) for s in (2, 5)]
    results = {}
    for pack in (False, True):
        monkeypatch.setattr(products, "PACK_BF16", pack)
        engine = Engine(EngineOptions(model=str(folder), aligner=None, device="cpu", idle_unload_s=0, download=False,
                                      batch_size=2, max_new_tokens=6))  # fmt: skip
        try:
            with engine.session():
                thinker = engine.recognizer().model.thinker
                tower = {id(m) for m in thinker.audio_tower.modules()}  # mapped, its pages handed back after use
                layers = [m for m in thinker.modules() if type(m) is products.fast_linear_class()]
                packed = [m for m in layers if m.weight.is_mkldnn]
                assert (len(packed) == len(layers) - len(tower & {id(m) for m in layers})) if pack else not packed
                assert len(packed) > 10 or not pack
                head = thinker.lm_head.head  # the engine's last-position wrapper
                embed = thinker.get_input_embeddings()
                if pack:  # the tied head packed on its own, the table's rows read from the file: no second copy
                    assert head.weight.is_mkldnn and thinker.lm_head.weight is head.weight
                    assert type(embed) is weights._file_embedding()
                else:
                    assert head.weight is embed.weight
                text = thinker.model
                x = torch.randn(2, 5, text.config.hidden_size, generator=torch.Generator().manual_seed(0))
                with torch.no_grad():
                    hidden = text(inputs_embeds=x.bfloat16()).last_hidden_state.float()
                results[pack] = (hidden, engine.transcribe(wavs, language="English"))
        finally:
            engine.unload()
    assert torch.allclose(results[True][0], results[False][0], atol=1e-2, rtol=1e-2)
    assert results[True][1] == results[False][1]


# -- fp32 weights packed where a batch's step gains ------------------------------------------------------------------
@needs_packing
@pytest.mark.parametrize("faster", [True, False])
def test_fp32_weights_are_packed_only_when_measured_faster_at_the_batch_rows(fresh, monkeypatch, faster):
    """At 4-16 rows packed fp32 weights were 1.4-1.5x faster on an AMD EPYC, at 1 row 1.2x slower: the measurement
    at the engine's batch decides, and a packed layer computes what F.linear computes."""
    layer = torch.nn.Linear(64, 96)
    stored = layer.weight.detach().clone()
    asked = []
    monkeypatch.setattr(products, "packed_is_faster", lambda weights, rows: asked.append(rows) or faster)
    products.use_fast_products(layer, sample_from=layer)
    assert products.pack_fp32(layer, rows=1) == 0 and asked == []  # a batch of one: never
    assert products.pack_fp32(layer, rows=8) == (1 if faster else 0) and asked == [8]
    assert layer.weight.is_mkldnn == faster
    x = torch.randn(3, 5, 64)
    with torch.no_grad():
        assert torch.allclose(layer(x), F.linear(x, stored, layer.bias), atol=1e-5, rtol=1e-5)


@needs_packing
@pytest.mark.parametrize("packed_cost", [0.5, 0.99])
def test_packing_is_measured_against_the_tables_route(fresh, monkeypatch, packed_cost):
    """The packed product is timed beside the route the table gives those rows, and must beat it by 5 %."""

    class Clock:
        now = 0.0

        def perf_counter(self):
            return self.now

    clock = Clock()
    real = products.product

    def timed(route, x, weight, bias):
        clock.now += packed_cost if weight.is_mkldnn else 1.0
        return real(route, x, weight, bias)

    monkeypatch.setattr(products, "time", clock)
    monkeypatch.setattr(products, "product", timed)
    monkeypatch.setattr(products, "route_for", lambda rows, threads: "onednn")
    weights = [torch.randn(96, 64), torch.randn(64, 96)]
    assert products.packed_is_faster(weights, 8) == (packed_cost < 0.95)


@needs_packing
def test_the_fp32_recognizer_gives_the_same_text_with_packed_weights(tiny_models, monkeypatch):
    """The suite's recognizer in fp32 with its small weights counted as large, packed at load: every decoder layer
    packed (the tied or shared ones aside), and the transcripts those of the unpacked run."""
    import numpy as np

    from app.asr.runtime.engine import Engine, EngineOptions

    monkeypatch.setattr(products, "MIN_WEIGHT", 0)
    rng = np.random.default_rng(2)
    wavs = [(0.2 * rng.standard_normal(16000 * s)).astype(np.float32) for s in (3, 6)]
    texts = {}
    for pack in (False, True):
        monkeypatch.setattr(products, "packed_is_faster", lambda weights, rows, pack=pack: pack)
        options = EngineOptions(model=str(tiny_models.recognizer), aligner=None, device="cpu", idle_unload_s=0,
                                download=False, max_new_tokens=6, cpu_precision="fp32", batch_size=2)  # fmt: skip
        engine = Engine(options)
        try:
            with engine.session():
                layers = engine.recognizer().model.thinker.model.layers
                packed = [m.weight.is_mkldnn for m in layers.modules() if type(m) is products.fast_linear_class()]
                assert all(packed) if pack else not any(packed)
                texts[pack] = engine.transcribe(wavs, language="English")
        finally:
            engine.unload()
    assert texts[True] == texts[False] and any(text for _, text in texts[True])
