"""Where models come from: a released name (downloaded into the standard Hugging Face cache) or a local folder.

Every folder is checked before it is loaded (model_files.py), so a missing or damaged file is reported by name in
one line instead of surfacing as a traceback from deep inside transformers. Downloads report bytes, can be
cancelled, and resume: huggingface_hub keeps the partial ``.incomplete`` blob and continues it on the next attempt.
"""

from __future__ import annotations

import contextlib
import importlib
import json
import os
import struct
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, Literal

from app.asr.client.model_files import check_files, read_json
from app.core.errors import ModelError
from app.core.messages import message

Kind = Literal["recognizer", "aligner"]

DEFAULT_RECOGNIZER = "Qwen/Qwen3-ASR-0.6B"
DEFAULT_ALIGNER = "Qwen/Qwen3-ForcedAligner-0.6B"
RELEASED: dict[str, Kind] = {
    "Qwen/Qwen3-ASR-0.6B": "recognizer",
    "Qwen/Qwen3-ASR-1.7B": "recognizer",
    "Qwen/Qwen3-ForcedAligner-0.6B": "aligner",
}
APPROX_SIZE_GB = {"Qwen/Qwen3-ASR-0.6B": 1.8, "Qwen/Qwen3-ASR-1.7B": 4.7, "Qwen/Qwen3-ForcedAligner-0.6B": 1.8}

_COMMON_FILES = ("config.json", "preprocessor_config.json", "tokenizer_config.json", "vocab.json", "merges.txt")

# (bytes done, bytes total or 0 when unknown, file name)
DownloadProgress = Callable[[int, int, str], None]


class DownloadCancelled(ModelError):
    """The user stopped a download; what was fetched so far stays in the cache and is resumed next time."""


def resolve_name(name: str) -> str:
    """Accept the short names too: ``Qwen3-ASR-1.7B`` means ``Qwen/Qwen3-ASR-1.7B``."""
    for repo in RELEASED:
        if name.lower() in (repo.lower(), repo.split("/", 1)[1].lower()):
            return repo
    return name


def validate_model_dir(folder: str | os.PathLike[str], kind: Kind) -> Path:
    """Check that ``folder`` holds a complete model of ``kind``; raise ModelError naming the first bad file."""
    path = Path(folder).expanduser()
    if not path.is_dir():
        raise ModelError(message=message("model.folder_not_found", path=str(path)))
    for name in _COMMON_FILES:
        if not (path / name).is_file():
            raise ModelError(message=message("model.missing_file", path=str(path), file=name))
    config = check_files(path)
    thinker_type = (config.get("thinker_config") or {}).get("model_type", "")
    is_aligner = "forced_aligner" in str(thinker_type) or "timestamp_token_id" in config
    if config.get("model_type") != "qwen3_asr":
        found = config.get("model_type")
        raise ModelError(message=message("model.not_qwen", file=str(path / "config.json"), type=found))
    if kind == "aligner" and not is_aligner:
        raise ModelError(message=message("model.not_aligner", path=str(path)))
    if kind == "recognizer" and is_aligner:
        raise ModelError(message=message("model.not_recognizer", path=str(path)))
    if kind == "recognizer" and not _has_chat_template(path):
        raise ModelError(message=message("model.missing_file", path=str(path), file="chat_template.json"))
    for weights in weight_files(path):
        check_safetensors(weights)
    return path


def _has_chat_template(path: Path) -> bool:
    if (path / "chat_template.json").is_file() or (path / "chat_template.jinja").is_file():
        if (path / "chat_template.json").is_file():
            read_json(path / "chat_template.json")
        return True
    return "chat_template" in read_json(path / "tokenizer_config.json")


def weight_files(path: Path) -> list[Path]:
    """The safetensors files of a model folder (one, or the shards its index lists); ModelError when missing."""
    index = path / "model.safetensors.index.json"
    if index.is_file():
        shards = sorted(set(read_json(index).get("weight_map", {}).values()))
        if not shards:
            raise ModelError(message=message("model.no_weights", index=str(index)))
        files = [path / shard for shard in shards]
    else:
        files = [path / "model.safetensors"]
    for file in files:
        if not file.is_file():
            raise ModelError(message=message("model.missing_file", path=str(path), file=file.name))
    return files


def check_safetensors(file: Path) -> None:
    """A cheap integrity check: the header parses and the file is exactly as long as the header says."""
    try:
        size = file.stat().st_size
        with open(file, "rb") as fh:
            (header_len,) = struct.unpack("<Q", fh.read(8))
            if header_len <= 0 or 8 + header_len > size:
                raise ValueError("bad header length")
            header = json.loads(fh.read(header_len))
        end = max((int(v["data_offsets"][1]) for k, v in header.items() if k != "__metadata__"), default=0)
        if 8 + header_len + end != size:
            raise ValueError("truncated")
    except (OSError, ValueError, KeyError, TypeError, struct.error, UnicodeDecodeError) as exc:
        reason = "truncated" if str(exc) == "truncated" else "not a readable safetensors file"
        raise ModelError(message=message("model.damaged", file=str(file), reason=reason)) from None


def cached_snapshot(repo_id: str) -> Path | None:
    """The folder of a released model already in the Hugging Face cache, without touching the network."""
    try:
        from huggingface_hub import snapshot_download

        return Path(snapshot_download(repo_id, local_files_only=True))
    except Exception:
        return None


def resolve_model(
    name_or_dir: str | os.PathLike[str],
    kind: Kind,
    *,
    download: bool = True,
    progress: DownloadProgress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> Path:
    """A validated local folder for a released name or a folder; downloads a released model when allowed."""
    text = os.fspath(name_or_dir)
    repo = resolve_name(text)
    if os.path.isdir(os.path.expanduser(text)) or (repo not in RELEASED and not _looks_like_repo(text)):
        return validate_model_dir(text, kind)
    if repo in RELEASED and RELEASED[repo] != kind:
        raise ModelError(message=message("model.wrong_kind", repo=repo, actual=RELEASED[repo], kind=kind))
    cached = cached_snapshot(repo)
    if cached is not None:
        try:
            return validate_model_dir(cached, kind)
        except ModelError:
            if not download:
                raise
    if not download or os.environ.get("HF_HUB_OFFLINE", "") not in ("", "0"):
        raise ModelError(message=message("model.offline", repo=repo))
    return validate_model_dir(download_model(repo, progress=progress, cancelled=cancelled), kind)


def check_local(name_or_dir: str | os.PathLike[str], kind: Kind) -> None:
    """Validate a folder argument early (before any slow work); hub names are checked when they load."""
    text = os.fspath(name_or_dir)
    if os.path.isdir(os.path.expanduser(text)) or (resolve_name(text) not in RELEASED and not _looks_like_repo(text)):
        validate_model_dir(text, kind)


def _looks_like_repo(text: str) -> bool:
    parts = text.split("/")
    return len(parts) == 2 and all(parts) and not text.startswith((".", "~"))


def download_model(
    repo_id: str, *, progress: DownloadProgress | None = None, cancelled: Callable[[], bool] | None = None
) -> Path:
    """Download (or finish downloading) ``repo_id`` into the standard cache, reporting bytes."""
    from huggingface_hub import HfApi, hf_hub_download
    from huggingface_hub.errors import HfHubHTTPError, LocalEntryNotFoundError

    try:
        info = HfApi().model_info(repo_id, files_metadata=True)
        files = [(s.rfilename, int(s.size or 0)) for s in info.siblings or []]
    except (HfHubHTTPError, LocalEntryNotFoundError, OSError) as exc:
        raise ModelError(message=message("model.hub_unreachable", repo=repo_id, reason=type(exc).__name__)) from None
    total = sum(size for _, size in files)
    check_disk_space(repo_id, files)
    done = 0
    folder: Path | None = None
    for name, size in files:
        if cancelled is not None and cancelled():
            raise DownloadCancelled(message=message("model.download_cancelled", repo=repo_id))

        def on_bytes(n: int, name: str = name, done: int = done) -> None:
            _report(progress, done + n, total, name)

        with _byte_hook(on_bytes, cancelled):
            try:
                local = hf_hub_download(repo_id, name)
            except DownloadCancelled:
                raise
            except (HfHubHTTPError, OSError) as exc:
                failed = message("model.download_failed", repo=repo_id, file=name, reason=type(exc).__name__)
                raise ModelError(message=failed) from None
        done += size
        _report(progress, done, total, name)
        folder = Path(local).parent if "/" not in name else Path(local).parents[name.count("/")]
    if folder is None:
        raise ModelError(message=message("model.no_files", repo=repo_id))
    return folder


DISK_MARGIN = 512 << 20  # left free after a download: a full disk breaks more than the download


def check_disk_space(
    repo_id: str, files: list[tuple[str, int]], cache_dir: str | os.PathLike[str] | None = None
) -> None:
    """Refuse a download the disk cannot hold, before its first byte (files already in the cache do not count)."""
    import shutil

    from huggingface_hub import constants, try_to_load_from_cache

    cache = Path(cache_dir or constants.HF_HUB_CACHE)
    needed = 0
    for name, size in files:
        try:
            cached = try_to_load_from_cache(repo_id, name, cache_dir=str(cache))
        except Exception:
            cached = None
        if not isinstance(cached, str):
            needed += size
    probe = cache
    while not probe.exists() and probe.parent != probe:
        probe = probe.parent
    free = shutil.disk_usage(probe).free
    if needed + DISK_MARGIN > free:
        raise ModelError(
            message=message(
                "model.disk_space", repo=repo_id, needed=f"{needed / 2**30:.1f}", free=f"{free / 2**30:.1f}",
                cache=str(cache),
            )
        )  # fmt: skip


def _report(progress: DownloadProgress | None, done: int, total: int, name: str) -> None:
    if progress is not None:
        progress(done, total, name)


_hook_lock = threading.Lock()


@contextlib.contextmanager
def _byte_hook(on_bytes: Callable[[int], None], cancelled: Callable[[], bool] | None) -> Iterator[None]:
    """Route huggingface_hub's per-file byte progress bar to ``on_bytes`` and let ``cancelled`` stop it.

    huggingface_hub 0.36 takes no progress callback for single files; its byte bar is built from the module-level
    ``tqdm`` class in ``huggingface_hub.utils.tqdm``, so that class is swapped for the duration of one file.
    """
    hf_tqdm_module = importlib.import_module("huggingface_hub.utils.tqdm")  # the package name shadows it
    base = hf_tqdm_module.tqdm

    class ByteProgress(base):  # type: ignore[misc, valid-type]
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            kwargs["disable"] = True
            super().__init__(*args, **kwargs)
            self._done = int(kwargs.get("initial", 0) or 0)
            on_bytes(self._done)

        def update(self, n: float | None = 1) -> bool | None:
            self._done += int(n or 0)
            on_bytes(self._done)
            if cancelled is not None and cancelled():
                raise DownloadCancelled(message=message("model.download_cancelled_any"))
            return super().update(n)

    with _hook_lock:
        hf_tqdm_module.tqdm = ByteProgress  # type: ignore[attr-defined]  # the module re-exports tqdm untyped
        try:
            yield
        finally:
            hf_tqdm_module.tqdm = base  # type: ignore[attr-defined]
