"""Tiny, deterministic, randomly initialised Qwen3-ASR checkpoints built offline.

The real weights cannot be downloaded where this project is built and tested, so the test suites (ours and the
window's) drive the real ``qwen_asr`` code with checkpoints of the same architecture and file layout, only shrunk.
``full_size`` builds the real 0.6B layer shapes for the benchmarks. Built folders are cached per process.
"""

from __future__ import annotations

import functools
import json
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

SPECIAL_TOKENS = (
    "<|endoftext|>",
    "<|im_start|>",
    "<|im_end|>",
    "<|audio_start|>",
    "<|audio_end|>",
    "<|audio_pad|>",
    "<timestamp>",
)
ASR_TEXT_TAG = "<asr_text>"  # an added token that is NOT special: the package splits on it after decoding

# No newline anywhere: with an alphabet-only vocabulary the model then never emits one.
CHAT_TEMPLATE = (
    "{% for m in messages %}<|im_start|>{{ m['role'] }} "
    "{% if m['content'] is string %}{{ m['content'] }}{% else %}{% for c in m['content'] %}"
    "{% if c['type'] == 'audio' %}<|audio_start|><|audio_pad|><|audio_end|>{% else %}{{ c['text'] }}{% endif %}"
    "{% endfor %}{% endif %}<|im_end|>{% endfor %}{% if add_generation_prompt %}<|im_start|>assistant {% endif %}"
)

_CORPUS = (
    "language English Chinese German French the quick brown fox jumps over the lazy dog. "
    "Hello, world! How are you today? I am fine, thank you. She said: it's a test, isn't it? "
    "One two three four five six seven eight nine ten. Subtitles should be easy to read. "
    "We are going to the market; then we will come home and cook dinner together."
)

# Real Qwen3-ASR-0.6B shapes, inferred (the real config.json cannot be downloaded here): the thinker is
# Qwen3-0.6B (hidden 1024, 28 layers, 16 heads of 128, 8 KV heads, MLP 3072, vocabulary 151936, tied
# embeddings) and the audio encoder is a 0.6B-class Whisper-style encoder (d_model 896, 18 layers, 14 heads,
# FFN 3584, 480 conv channels) projecting to 1024; n_window 50 (1 s conv chunks), n_window_infer 800 (8 s).
FULL_SIZE_0_6B: dict[str, Any] = {
    "audio": {
        "d_model": 896, "encoder_layers": 18, "encoder_attention_heads": 14, "encoder_ffn_dim": 3584,
        "downsample_hidden_size": 480, "output_dim": 1024,
    },
    "text": {
        "hidden_size": 1024, "intermediate_size": 3072, "num_hidden_layers": 28, "num_attention_heads": 16,
        "num_key_value_heads": 8, "head_dim": 128, "mrope_section": [24, 20, 20], "tie_word_embeddings": True,
    },
}  # fmt: skip

TINY: dict[str, Any] = {
    "audio": {
        "d_model": 32, "encoder_layers": 2, "encoder_attention_heads": 2, "encoder_ffn_dim": 64,
        "downsample_hidden_size": 8, "output_dim": 32,
    },
    "text": {
        "hidden_size": 32, "intermediate_size": 64, "num_hidden_layers": 2, "num_attention_heads": 2,
        "num_key_value_heads": 1, "head_dim": 16, "mrope_section": [4, 2, 2], "tie_word_embeddings": False,
    },
}  # fmt: skip


@dataclass(frozen=True)
class TinyCheckpoints:
    recognizer: Path
    aligner: Path


def _build_tokenizer(folder: Path, vocab_size: int | None) -> dict[str, int]:
    """A small byte-level BPE over letters and punctuation, plus the special tokens; saved as a Qwen2 tokenizer."""
    from tokenizers import Tokenizer, decoders, models, pre_tokenizers, trainers
    from transformers import PreTrainedTokenizerFast

    tok = Tokenizer(models.BPE())
    tok.pre_tokenizer = pre_tokenizers.ByteLevel(add_prefix_space=False, use_regex=True)
    tok.decoder = decoders.ByteLevel()
    trainer = trainers.BpeTrainer(vocab_size=300, show_progress=False, special_tokens=[])
    tok.train_from_iterator([_CORPUS] * 4, trainer=trainer)
    tok.add_special_tokens(list(SPECIAL_TOKENS))
    tok.add_tokens([ASR_TEXT_TAG])
    fast = PreTrainedTokenizerFast(tokenizer_object=tok, eos_token="<|im_end|>", pad_token="<|endoftext|>")
    fast.save_pretrained(str(folder))
    vocab = tok.get_vocab()
    # Qwen2Tokenizer wants vocab.json + merges.txt; write them from the trained model
    model_dir = tempfile.mkdtemp(prefix="tok-")
    vocab_file, merges_file = tok.model.save(model_dir)
    os.replace(vocab_file, folder / "vocab.json")
    os.replace(merges_file, folder / "merges.txt")
    cfg_path = folder / "tokenizer_config.json"
    cfg = json.loads(cfg_path.read_text())
    cfg.update(
        {
            "tokenizer_class": "Qwen2Tokenizer",
            "model_max_length": 131072,
            "extra_special_tokens": {
                "audio_token": "<|audio_pad|>",
                "audio_bos_token": "<|audio_start|>",
                "audio_eos_token": "<|audio_end|>",
            },
        }
    )
    cfg_path.write_text(json.dumps(cfg, indent=2))
    return vocab


def _write_preprocessor(folder: Path) -> None:
    (folder / "preprocessor_config.json").write_text(
        json.dumps(
            {
                "feature_extractor_type": "WhisperFeatureExtractor",
                "feature_size": 128,
                "sampling_rate": 16000,
                "hop_length": 160,
                "n_fft": 400,
                "chunk_length": 30,
                "n_samples": 480000,
                "nb_max_frames": 3000,
                "padding_side": "right",
                "padding_value": 0.0,
                "return_attention_mask": True,
                "processor_class": "Qwen3ASRProcessor",
            },
            indent=2,
        )
    )


def _thinker_config(dims: dict[str, Any], vocab: dict[str, int], vocab_size: int, init: float) -> dict[str, Any]:
    text = dict(dims["text"])
    mrope = text.pop("mrope_section")
    tie = text.pop("tie_word_embeddings")
    return {
        "audio_config": {
            "num_mel_bins": 128, "n_window": 50, "n_window_infer": 800, "conv_chunksize": 500,
            "max_source_positions": 1500, "initializer_range": init, **dims["audio"],
        },
        "text_config": {
            "vocab_size": vocab_size, "max_position_embeddings": 65536, "rope_theta": 1000000.0,
            "rope_scaling": {"rope_type": "default", "mrope_section": mrope, "interleaved": True},
            "initializer_range": init, "tie_word_embeddings": tie, "rms_norm_eps": 1e-6, **text,
        },
        "audio_token_id": vocab["<|audio_pad|>"],
        "audio_start_token_id": vocab["<|audio_start|>"],
        "initializer_range": init,
    }  # fmt: skip


def build_checkpoint(
    folder: str | os.PathLike[str],
    *,
    aligner: bool = False,
    dims: dict[str, Any] | None = None,
    seed: int = 0,
    init_scale: float = 0.5,
    classify_num: int = 400,
    dtype: str = "float32",
) -> Path:
    """Write a complete random checkpoint folder (recognizer, or aligner with ``aligner=True``).

    ``init_scale`` above the usual 0.02 makes the output depend on the audio. With ``dims=FULL_SIZE_0_6B`` the
    vocabulary is the real size (151936) so generation costs what it would with real weights.
    """
    import torch
    from qwen_asr.core.transformers_backend import Qwen3ASRConfig, Qwen3ASRForConditionalGeneration

    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    dims = dims or TINY
    vocab = _build_tokenizer(folder, None)
    vocab_size = max(vocab.values()) + 1
    if dims is FULL_SIZE_0_6B:
        vocab_size = 151936
    _write_preprocessor(folder)
    thinker = _thinker_config(dims, vocab, vocab_size, init_scale)
    if aligner:
        thinker["model_type"] = "qwen3_forced_aligner"
        thinker["classify_num"] = classify_num
        # its head has classify_num rows, so it cannot share the embeddings: tied, the reload would replace it by
        # the vocabulary-sized embedding matrix (151,936 rows at full size) and every call would pay for that
        thinker["text_config"]["tie_word_embeddings"] = False
    config = Qwen3ASRConfig(thinker_config=thinker, support_languages=["English", "Chinese", "German", "French"])
    if aligner:
        config.timestamp_token_id = vocab["<timestamp>"]
        config.timestamp_segment_time = 80
    torch.manual_seed(seed)
    with torch.device("cpu"):
        model = Qwen3ASRForConditionalGeneration(config)
    if init_scale != 0.02:
        # post_init uses the configured std for linear layers only; widen norms and embeddings too
        with torch.no_grad():
            gen = torch.Generator().manual_seed(seed + 1)
            for name, p in model.named_parameters():
                if p.ndim >= 2 and "embed" in name:
                    p.copy_(torch.randn(p.shape, generator=gen) * init_scale)
    if not aligner and not model.config.thinker_config.text_config.tie_word_embeddings:
        # random heads often prefer a special token, which decodes to nothing: keep the output readable
        with torch.no_grad():
            for token in SPECIAL_TOKENS:
                model.thinker.lm_head.weight[vocab[token]] = 0.0
    model = model.to(getattr(torch, dtype))
    model.save_pretrained(str(folder), safe_serialization=True)
    cfg = json.loads((folder / "config.json").read_text())
    if aligner:
        # save_pretrained drops the thinker's model type; the reload would then build a vocabulary-sized head
        cfg["thinker_config"]["model_type"] = "qwen3_forced_aligner"
        cfg["thinker_config"]["classify_num"] = classify_num
        cfg["thinker_config"]["text_config"]["tie_word_embeddings"] = False
        cfg["timestamp_token_id"] = vocab["<timestamp>"]
        cfg["timestamp_segment_time"] = 80
    cfg["architectures"] = ["Qwen3ASRForConditionalGeneration"]
    cfg["model_type"] = "qwen3_asr"
    (folder / "config.json").write_text(json.dumps(cfg, indent=2))
    if not aligner:
        (folder / "chat_template.json").write_text(json.dumps({"chat_template": CHAT_TEMPLATE}))
    gen_cfg = folder / "generation_config.json"
    if not gen_cfg.exists():
        gen_cfg.write_text(json.dumps({"do_sample": False, "eos_token_id": [vocab["<|im_end|>"]]}))
    return folder


@functools.lru_cache(maxsize=1)
def tiny_checkpoints(root: str | None = None) -> TinyCheckpoints:
    """The tiny recognizer and aligner, built once per process (under ``root`` or a temporary folder)."""
    base = Path(root) if root else Path(tempfile.mkdtemp(prefix="qss-tiny-ckpt-"))
    return TinyCheckpoints(
        recognizer=build_checkpoint(base / "tiny-asr", seed=0),
        aligner=build_checkpoint(base / "tiny-aligner", aligner=True, seed=1),
    )
