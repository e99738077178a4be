"""Session fixtures for the recognition tests: tiny checkpoints and a real speech recording, each built once."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import numpy as np
import pytest

SPEECH = [
    "Hello everyone, and welcome to the show.",
    "Today we talk about subtitles, timing and reading speed.",
    "The quick brown fox jumps over the lazy dog.",
    "Thank you for watching, and see you next time.",
]


@pytest.fixture(scope="session")
def tiny_models(tmp_path_factory: pytest.TempPathFactory):
    from tests.support.checkpoints import tiny_checkpoints

    return tiny_checkpoints(str(tmp_path_factory.mktemp("tiny-checkpoints")))


@pytest.fixture(scope="session")
def speech_wav(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """About 12 s of English from espeak-ng, sentences separated by 0.8 s pauses, 16 kHz mono."""
    if shutil.which("espeak-ng") is None:
        pytest.skip("espeak-ng is not installed")
    import soundfile as sf

    folder = tmp_path_factory.mktemp("speech")
    parts: list[np.ndarray] = []
    pause = np.zeros(int(0.8 * 16000), dtype=np.float32)
    for i, sentence in enumerate(SPEECH):
        raw = folder / f"s{i}.wav"
        subprocess.run(["espeak-ng", "-v", "en", "-s", "165", "-w", str(raw), sentence], check=True)
        data, rate = sf.read(raw, dtype="float32")
        parts += [_resample(data, rate, 16000), pause]
    out = folder / "speech.wav"
    sf.write(out, np.concatenate([pause, *parts]), 16000)
    return out


def _resample(data: np.ndarray, rate: int, target: int) -> np.ndarray:
    if rate == target:
        return data.astype(np.float32)
    n = round(len(data) * target / rate)
    return np.interp(np.linspace(0, len(data) - 1, n), np.arange(len(data)), data).astype(np.float32)


@pytest.fixture(scope="session")
def speech(speech_wav: Path) -> np.ndarray:
    import soundfile as sf

    data, rate = sf.read(speech_wav, dtype="float32")
    assert rate == 16000
    return data


@pytest.fixture()
def engine(tiny_models):
    from app.asr.runtime.engine import Engine, EngineOptions

    eng = Engine(
        EngineOptions(
            model=str(tiny_models.recognizer), aligner=str(tiny_models.aligner), device="cpu", batch_size=2,
            max_new_tokens=12, idle_unload_s=0, download=False,
        )
    )  # fmt: skip
    yield eng
    eng.unload()
