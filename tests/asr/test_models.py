"""Model store: folders are checked file by file; released names resolve from the cache offline."""

from __future__ import annotations

import importlib
import json
import shutil
import struct
from pathlib import Path

import pytest

from app.asr.client.models import DownloadCancelled, _byte_hook, resolve_model, resolve_name, validate_model_dir
from app.core.errors import ModelError


def _safetensors(path: Path) -> None:
    header = json.dumps({"w": {"dtype": "F32", "shape": [2], "data_offsets": [0, 8]}}).encode()
    path.write_bytes(struct.pack("<Q", len(header)) + header + b"\0" * 8)


def fake_model(folder: Path, kind: str = "recognizer") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    config: dict = {"model_type": "qwen3_asr", "thinker_config": {}}
    if kind == "aligner":
        config["thinker_config"]["model_type"] = "qwen3_forced_aligner"
        config["timestamp_token_id"] = 5
    (folder / "config.json").write_text(json.dumps(config))
    for name in ("preprocessor_config.json", "tokenizer_config.json", "vocab.json"):
        (folder / name).write_text("{}")
    (folder / "merges.txt").write_text("#version: 0.2\n")
    if kind == "recognizer":
        (folder / "chat_template.json").write_text('{"chat_template": ""}')
    _safetensors(folder / "model.safetensors")
    return folder


def test_complete_folders_validate(tmp_path):
    assert validate_model_dir(fake_model(tmp_path / "asr"), "recognizer") == tmp_path / "asr"
    assert validate_model_dir(fake_model(tmp_path / "fa", "aligner"), "aligner") == tmp_path / "fa"


@pytest.mark.parametrize(
    "missing", ["config.json", "vocab.json", "merges.txt", "model.safetensors", "chat_template.json"]
)
def test_missing_file_is_named(tmp_path, missing):
    folder = fake_model(tmp_path / "m")
    (folder / missing).unlink()
    with pytest.raises(ModelError, match=f"missing {missing}") as info:
        resolve_model(str(folder), "recognizer", download=False)
    assert "\n" not in str(info.value)


def test_broken_files_are_named(tmp_path):
    folder = fake_model(tmp_path / "m")
    weights = folder / "model.safetensors"
    weights.write_bytes(weights.read_bytes()[:-3])
    with pytest.raises(ModelError, match=r"model\.safetensors is damaged \(truncated\)"):
        validate_model_dir(folder, "recognizer")
    _safetensors(weights)
    (folder / "tokenizer_config.json").write_text("{broken")
    with pytest.raises(ModelError, match=r"tokenizer_config\.json is damaged"):
        validate_model_dir(folder, "recognizer")


def test_kind_mismatch_and_missing_folder(tmp_path):
    with pytest.raises(ModelError, match="not a forced aligner"):
        validate_model_dir(fake_model(tmp_path / "asr"), "aligner")
    with pytest.raises(ModelError, match="model folder not found"):
        resolve_model(str(tmp_path / "nowhere"), "recognizer")
    with pytest.raises(ModelError, match=r"is a aligner, not a recognizer"):
        resolve_model("Qwen3-ForcedAligner-0.6B", "recognizer")


def test_short_names_resolve():
    assert resolve_name("Qwen3-ASR-1.7B") == "Qwen/Qwen3-ASR-1.7B"
    assert resolve_name("qwen/qwen3-asr-0.6b") == "Qwen/Qwen3-ASR-0.6B"


def test_released_model_works_offline_from_the_cache(tmp_path):
    from huggingface_hub import constants

    repo_dir = Path(constants.HF_HUB_CACHE) / "models--Qwen--Qwen3-ASR-1.7B"
    try:
        with pytest.raises(ModelError, match="not downloaded yet"):
            resolve_model("Qwen3-ASR-1.7B", "recognizer")
        (repo_dir / "refs").mkdir(parents=True)
        (repo_dir / "refs" / "main").write_text("0" * 40)
        snapshot = fake_model(repo_dir / "snapshots" / ("0" * 40))
        assert resolve_model("Qwen3-ASR-1.7B", "recognizer") == snapshot
    finally:
        shutil.rmtree(repo_dir, ignore_errors=True)


def test_download_progress_reports_bytes_and_cancels():
    hf_tqdm = importlib.import_module("huggingface_hub.utils.tqdm")
    seen: list[int] = []
    stop = {"now": False}
    with _byte_hook(seen.append, lambda: stop["now"]):
        bar = hf_tqdm.tqdm(total=100, initial=10)  # what http_get builds; initial = bytes already on disk (resume)
        bar.update(30)
        stop["now"] = True
        with pytest.raises(DownloadCancelled):
            bar.update(5)
    assert seen[:2] == [10, 40]
    assert hf_tqdm.tqdm.__name__ == "tqdm"  # the hook is removed again


def test_a_download_the_disk_cannot_hold_is_refused_before_it_starts(tmp_path, monkeypatch):
    import collections

    from app.asr.client import models

    Usage = collections.namedtuple("Usage", "total used free")
    files = [("config.json", 2_000), ("model.safetensors", 1_800 << 20)]
    monkeypatch.setattr("shutil.disk_usage", lambda _p: Usage(0, 0, 1 << 30))
    with pytest.raises(
        ModelError, match=r"not enough disk space to download Qwen/Qwen3-ASR-0.6B: needs 1.8 GB, 1.0 GB"
    ):
        models.check_disk_space("Qwen/Qwen3-ASR-0.6B", files, tmp_path / "hub")
    monkeypatch.setattr("shutil.disk_usage", lambda _p: Usage(0, 0, 3 << 30))
    models.check_disk_space("Qwen/Qwen3-ASR-0.6B", files, tmp_path / "hub")  # fits

    # the whole download stops there, before any file is fetched
    info = collections.namedtuple("Info", "siblings")(
        [collections.namedtuple("S", "rfilename size")(*f) for f in files]
    )
    monkeypatch.setattr("huggingface_hub.HfApi.model_info", lambda *a, **k: info)
    monkeypatch.setattr("shutil.disk_usage", lambda _p: Usage(0, 0, 1 << 30))
    fetched = []
    monkeypatch.setattr("huggingface_hub.hf_hub_download", lambda *a, **k: fetched.append(a))
    with pytest.raises(ModelError, match="not enough disk space"):
        models.download_model("Qwen/Qwen3-ASR-0.6B")
    assert fetched == []
