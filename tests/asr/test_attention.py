"""The encoder's 8 s attention windows on CPU with sdpa (upstream issue #213)."""

from __future__ import annotations

import numpy as np
import pytest

pytestmark = pytest.mark.slow


def test_20s_clip_encodes_like_its_8s_windows_only_with_the_fix(tiny_models):
    import torch
    from qwen_asr import Qwen3ASRModel

    from app.asr.runtime import attention

    model = Qwen3ASRModel.from_pretrained(str(tiny_models.recognizer), dtype=torch.float32, device_map="cpu")
    tower = model.model.thinker.audio_tower
    assert tower.config._attn_implementation == "sdpa"
    assert tower.config.n_window_infer == 800  # mel frames: 8 s
    wav = (np.random.default_rng(3).standard_normal(20 * 16000) * 0.1).astype(np.float32)
    features = model.processor.feature_extractor(
        wav, sampling_rate=16000, padding=True, truncation=False, return_attention_mask=True, return_tensors="pt"
    )["input_features"][0]
    assert features.shape[1] == 2000

    def encode(x):
        return tower(x, feature_lens=torch.tensor([x.shape[1]])).last_hidden_state

    def compare():
        with torch.no_grad():
            whole = encode(features)
            windows = torch.cat([encode(features[:, a : a + 800]) for a in range(0, 2000, 800)])
        assert whole.shape == windows.shape == (260, 32)
        return (whole - windows).abs().max().item()

    was_installed = attention.installed()
    try:
        attention.uninstall()
        assert compare() > 1e-2  # the package: full attention across the whole 20 s
        attention.install()
        assert compare() < 1e-5  # with the fix: each 8 s window attends only within itself
    finally:
        attention.install() if was_installed else attention.uninstall()
