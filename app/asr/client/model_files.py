"""What the files of a local model folder must hold, checked before any of them reaches transformers.

A damaged file otherwise surfaces far from its cause: ``"thinker_config": 5`` in config.json is an
``AttributeError`` inside the config class; random bytes in merges.txt make the tokenizer fall back to a
converter that blames a missing protobuf library. Each check here names the file and what is wrong in one
line. The checks are about shape (types, text, pairs), cheap enough to run on every load.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from app.core.errors import ModelError

# Optional files that are JSON objects when present.
OPTIONAL_JSON = ("generation_config.json", "special_tokens_map.json", "tokenizer.json", "chat_template.json")
_CONFIG_OBJECTS = ("thinker_config",)
_THINKER_OBJECTS = ("audio_config", "text_config")
_PREPROCESSOR_INTS = ("feature_size", "sampling_rate", "hop_length", "n_fft", "chunk_length", "n_samples")


def damaged(file: Path, what: str) -> ModelError:
    return ModelError(f"{file} is damaged ({what}); delete it and download the model again")


def read_json(file: Path) -> dict[str, Any]:
    """A JSON object from ``file``, or a ModelError naming it."""
    try:
        data = json.loads(file.read_text(encoding="utf-8"))
    except UnicodeDecodeError as exc:
        raise damaged(file, f"not UTF-8 text at byte {exc.start}") from None
    except json.JSONDecodeError as exc:
        raise damaged(file, f"not valid JSON at line {exc.lineno}") from None
    except OSError as exc:
        raise ModelError(f"{file} cannot be read ({exc.strerror or type(exc).__name__})") from None
    if not isinstance(data, dict):
        raise damaged(file, f"a JSON {_kind(data)}, not an object")
    return data


def check_files(folder: Path) -> dict[str, Any]:
    """Check every file a model folder holds, except the weights; return config.json's contents."""
    config = read_json(folder / "config.json")
    check_config(folder / "config.json", config)
    check_vocab(folder / "vocab.json")
    check_merges(folder / "merges.txt")
    check_tokenizer_config(folder / "tokenizer_config.json")
    check_preprocessor(folder / "preprocessor_config.json")
    for name in OPTIONAL_JSON:
        if (folder / name).is_file():
            read_json(folder / name)
    return config


def check_config(file: Path, config: dict[str, Any]) -> None:
    _expect(file, config, "model_type", str)
    for key in _CONFIG_OBJECTS:
        _expect(file, config, key, dict)
    thinker = config.get("thinker_config") or {}
    for key in _THINKER_OBJECTS:
        _expect(file, thinker, key, dict, prefix="thinker_config.")
    _expect(file, thinker, "model_type", str, prefix="thinker_config.")
    _expect(file, config, "timestamp_token_id", int)
    _expect(file, config, "timestamp_segment_time", (int, float))


def check_vocab(file: Path) -> None:
    """Token -> id, every id a whole number."""
    vocab = read_json(file)
    for token, index in vocab.items():
        if not isinstance(index, int) or isinstance(index, bool) or index < 0:
            raise damaged(file, f"the id of token {token!r} is {_show(index)}, not a whole number")


def check_merges(file: Path) -> None:
    """UTF-8 text, one pair of tokens per line after the optional ``#version`` line."""
    try:
        raw = file.read_bytes()
    except OSError as exc:
        raise ModelError(f"{file} cannot be read ({exc.strerror or type(exc).__name__})") from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise damaged(file, f"not UTF-8 text at byte {exc.start}") from None
    nul = raw.find(b"\0")
    if nul >= 0:
        raise damaged(file, f"a NUL byte at byte {nul}")
    for number, line in enumerate(text.split("\n"), start=1):
        line = line.rstrip("\r")
        if not line or (number == 1 and line.startswith("#version")):
            continue
        if len(line.split(" ")) != 2:
            raise damaged(file, f"line {number} is not a pair of tokens")


def check_tokenizer_config(file: Path) -> None:
    data = read_json(file)
    added = data.get("added_tokens_decoder")
    _expect(file, data, "added_tokens_decoder", dict)
    for index, token in (added or {}).items():
        if not isinstance(token, dict) or not isinstance(token.get("content"), str):
            raise damaged(file, f"added_tokens_decoder[{index!r}] is {_show(token)}, not a token")
    _expect(file, data, "extra_special_tokens", (dict, list))
    _expect(file, data, "chat_template", (str, list))
    _expect(file, data, "model_max_length", (int, float))


def check_preprocessor(file: Path) -> None:
    data = read_json(file)
    for key in _PREPROCESSOR_INTS:
        _expect(file, data, key, int)


def _expect(file: Path, data: dict[str, Any], key: str, types, *, prefix: str = "") -> None:
    """``data[key]``, when present and not null, is of ``types`` (a bool is no number)."""
    value = data.get(key)
    if value is None:
        return
    wanted = types if isinstance(types, tuple) else (types,)
    if isinstance(value, wanted) and not (isinstance(value, bool) and bool not in wanted):
        return
    names = " or ".join(_TYPE_NAMES[t] for t in wanted)
    raise damaged(file, f"{prefix}{key} is {_show(value)}, expected {names}")


_TYPE_NAMES = {dict: "an object", list: "a list", str: "a string", int: "a whole number", float: "a number"}


def _kind(value: Any) -> str:
    return {list: "list", str: "string", int: "number", float: "number", bool: "boolean"}.get(type(value), "null")


def _show(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 40 else text[:37] + "..."
