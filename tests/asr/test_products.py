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
