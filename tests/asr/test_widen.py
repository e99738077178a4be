"""The fp32 mode on the CPU loads a bf16 file as stored and widens it tensor by tensor (issue 28: the load's peak
held the whole file's pages beside the fp32 weights)."""

from __future__ import annotations

import numpy as np
import pytest
import torch

from app.asr.runtime import precision, weights
from app.asr.runtime.engine import Engine, EngineOptions
from tests.support.checkpoints import TINY, build_checkpoint


@pytest.fixture
def bf16_files(tmp_path):
    dims = {"audio": TINY["audio"], "text": {**TINY["text"], "tie_word_embeddings": True}}  # tied, as the 0.6B's
    recognizer = build_checkpoint(tmp_path / "recognizer", dims=dims, seed=5, dtype="bfloat16")
    aligner = build_checkpoint(tmp_path / "aligner", aligner=True, seed=1, dtype="bfloat16")
    return recognizer, aligner


def test_fp32_from_a_bf16_file_computes_what_loading_it_as_fp32_computed(bf16_files, monkeypatch, speech):
    """Every parameter fp32, the head still tied to the table, and the decoder's hidden states, the transcripts and
    the word times equal, bit for bit, to transformers' own conversion at load."""
    monkeypatch.setattr(precision, "_native", False)  # no bf16 instructions: the fp32 mode
    recognizer, aligner = bf16_files
    rng = np.random.default_rng(1)
    wavs = [(0.1 * rng.standard_normal(16000 * s)).astype(np.float32) for s in (2, 5)]
    words = ["hello", "everyone", "and", "welcome", "back"]
    results = {}
    made: list[int] = []
    widen_to_fp32 = weights.widen_to_fp32
    monkeypatch.setattr(
        weights, "widen_to_fp32", lambda module, **kw: made.append(widen_to_fp32(module, **kw)) or made[-1]
    )
    for widen in (False, True):
        monkeypatch.setattr(precision, "WIDEN_AFTER_LOAD", widen)
        engine = Engine(EngineOptions(model=str(recognizer), aligner=str(aligner), device="cpu", idle_unload_s=0,
                                      download=False, batch_size=2, max_new_tokens=6))  # fmt: skip
        try:
            with engine.session():
                model = engine.recognizer()
                thinker = model.model.thinker
                layers = thinker.audio_tower.layers
                stored = {id(p) for p in layers.parameters()} | {
                    id(p) for p in thinker.audio_tower.conv_out.parameters()
                }
                for p in model.model.parameters():  # the encoder's layers: widened while they run, empty between
                    assert p.dtype == torch.float32 and (p.numel() == 0) == (widen and id(p) in stored)
                seen: list[set] = []
                layers[0].register_forward_pre_hook(
                    lambda m, _a, seen=seen: seen.append({p.dtype for p in m.parameters()})
                )
                assert thinker.lm_head.head.weight is thinker.get_input_embeddings().weight  # still tied
                assert getattr(model, "dtype", torch.float32) == torch.float32
                x = torch.randn(2, 5, thinker.model.config.hidden_size, generator=torch.Generator().manual_seed(0))
                with torch.no_grad():
                    hidden = thinker.model(inputs_embeds=x).last_hidden_state
                texts = engine.transcribe(wavs, language="English")
                (items,) = engine.align([speech[: 16000 * 4]], [" ".join(words)], "English")
                aligner_tower = engine.aligner().model.thinker.audio_tower
                assert all(p.dtype == torch.float32 for p in aligner_tower.ln_post.parameters())
                assert seen and all(dtypes == {torch.float32} for dtypes in seen)
                assert all(p.dtype == torch.float32 and (p.numel() == 0) == widen for p in layers.parameters())
                results[widen] = (hidden, texts, [(i.text, i.start_time, i.end_time) for i in items])
        finally:
            engine.unload()
    assert len(made) == 2 and all(made)  # the recognizer and the aligner, loaded as stored and widened after
    assert torch.equal(results[True][0], results[False][0])
    assert results[True][1:] == results[False][1:]


def test_widening_keeps_ties_and_references_and_widens_buffers():
    table = torch.nn.Embedding(10, 4).to(torch.bfloat16)
    head = torch.nn.Linear(4, 10, bias=False).to(torch.bfloat16)
    head.weight = table.weight

    class Reader(torch.nn.Module):  # as the engine's last-position head: keeps a reference to be read
        def __init__(self):
            super().__init__()
            self.weight = head.weight
            self.register_buffer("scale", torch.ones(3, dtype=torch.bfloat16))

    root = torch.nn.ModuleDict({"table": table, "head": head, "reader": Reader(), "fp32": torch.nn.Linear(2, 2)})
    values = table.weight.detach().clone()
    kept = root["fp32"].weight
    made = weights.widen_to_fp32(root)
    assert made == 10 * 4 * 4  # the tied weight once
    assert head.weight is table.weight is root["reader"].weight and table.weight.dtype == torch.float32
    assert torch.equal(table.weight.detach(), values.float())
    assert root["reader"].scale.dtype == torch.float32
    assert root["fp32"].weight is kept  # already fp32: untouched
