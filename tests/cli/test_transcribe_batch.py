"""``transcribe MEDIA...``: many files through one engine client, on the server engine (a local vLLM stand-in)."""

from __future__ import annotations

import wave

import numpy as np
import pytest

from app.asr.client.protocol import Cues, RecognitionDone
from app.cli import run
from app.cli.transcribe import expand_media
from app.core.document import Cue
from app.core.rules import SAMPLE_RATE
from tests.support.asr_server import FakeAsrServer, tone_audio


def _wav(path, samples) -> None:
    with wave.open(str(path), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(SAMPLE_RATE)
        w.writeframes((np.clip(samples, -1, 1) * 32767).astype("<i2").tobytes())


@pytest.fixture
def three(tmp_path):
    folder = tmp_path / "season"
    folder.mkdir()
    _wav(folder / "e1.wav", tone_audio(2))
    (folder / "e2.wav").write_bytes(b"RIFF this is not audio at all")
    _wav(folder / "e3.wav", tone_audio(1))
    (folder / "notes.txt").write_text("not media")
    return folder


def test_a_broken_file_in_the_middle_of_three_does_not_stop_the_others(three, tmp_path, capsys):
    out = tmp_path / "out"
    with FakeAsrServer() as server:
        status = run(["transcribe", str(three), "--server", server.url, "--output-dir", str(out), "--format", "vtt"])
    captured = capsys.readouterr()
    assert status == 2
    assert sorted(p.name for p in out.iterdir()) == ["e1.vtt", "e3.vtt"]
    assert "said this." in (out / "e1.vtt").read_text()  # one 10 s chunk: the server names it by its loudest tone
    errors = [line for line in captured.err.splitlines() if line.startswith("error:")]
    assert errors[0].startswith(f"error: {three / 'e2.wav'}: ") and len(errors) == 2  # the file, then the summary
    assert "1 of 3 files failed" in errors[1]
    assert "[1/3]" in captured.err and "[3/3]" in captured.err
    assert "e1.vtt: 1 cue" in captured.out or "e1.vtt: 2 cues" in captured.out
    assert "word timings" not in captured.err  # issue 27: not said for every file (no subtitle format has them)


def test_skip_existing_and_globs(three, tmp_path, capsys):
    (three / "e2.wav").unlink()
    (three / "e1.srt").write_text("1\n00:00:00,000 --> 00:00:01,000\nkept\n")
    with FakeAsrServer() as server:
        status = run(["transcribe", str(three / "e*.wav"), "--server", server.url, "--skip-existing"])
    assert status == 0
    assert (three / "e1.srt").read_text().endswith("kept\n")
    assert "said this." in (three / "e3.srt").read_text()
    assert "exists, skipped" in capsys.readouterr().out


def test_expand_media_keeps_each_file_once_and_a_missing_name_to_fail(three):
    files = expand_media([str(three), str(three / "e1.wav"), str(three / "nothing*.wav")])
    assert [f.rsplit("/", 1)[1] for f in files] == ["e1.wav", "e2.wav", "e3.wav", "nothing*.wav"]


def test_output_names_one_file(three, capsys):
    assert run(["transcribe", str(three), "-o", "x.srt", "--server", "http://127.0.0.1:9"]) == 2
    assert "--output-dir" in capsys.readouterr().err


def test_the_local_engine_is_made_once_for_every_file(three, tmp_path, monkeypatch, capsys):
    (three / "e2.wav").unlink()
    made: list[object] = []

    class OneClient:
        def __init__(self) -> None:
            made.append(self)
            self.jobs: list[object] = []

        def run(self, job, audio, *, cancelled=lambda: False, on_wait=None):
            self.jobs.append(job)
            yield Cues((Cue(0, 500, "hello"),))
            yield RecognitionDone("English", "cpu", estimated=job.options.aligner is None)

        def shutdown(self, timeout: float = 3.0) -> None:
            made.append("shutdown")

    monkeypatch.setattr("app.asr.client.service.LocalEngineClient", OneClient)
    monkeypatch.setattr("app.asr.client.models.check_local", lambda *a, **k: None)
    status = run(["transcribe", str(three / "e1.wav"), str(three / "e3.wav"), "--aligner", "none"])
    assert status == 0 and len(made) == 2 and made[1] == "shutdown"
    assert [job.options.aligner for job in made[0].jobs] == [None, None]
    assert "word times estimated, without the aligner" in capsys.readouterr().out


def test_a_wrong_key_names_each_file(three, monkeypatch, capsys):
    (three / "e2.wav").unlink()
    monkeypatch.setenv("QSS_SERVER_API_KEY", "k3y-0f-an0ther-team")
    with FakeAsrServer(api_key="right") as server:
        status = run(["transcribe", str(three), "--server", server.url])
    err = capsys.readouterr().err
    assert status == 2 and err.count("refused the API key") == 2 and "k3y" not in err


def test_a_folder_gives_every_media_file_m4v_and_mk3d_included_and_nothing_else(tmp_path):
    from app.core.rules import MEDIA_SUFFIXES

    for name in ("clip.m4v", "film.MK3D", "song.mka", "talk.MP4", "notes.srt", "cover.jpg", "readme"):
        (tmp_path / name).write_bytes(b"")
    files = [f.rsplit("/", 1)[1] for f in expand_media([str(tmp_path)])]
    assert files == ["clip.m4v", "film.MK3D", "song.mka", "talk.MP4"]
    assert {".m4v", ".mk3d", ".wav", ".mp3", ".mkv"} <= set(MEDIA_SUFFIXES)


def test_files_of_one_name_are_all_kept_and_a_subtitle_file_is_refused(tmp_path, capsys):
    """Issue 27: same.wav, same.m4a and same.mkv all wrote out/same.srt and two transcripts were lost silently."""
    folder, out = tmp_path / "in", tmp_path / "out"
    folder.mkdir()
    for name in ("same.wav", "same.m4a", "same.mkv"):
        _wav(folder / name, tone_audio(1))  # WAV data under each name: the decoder reads the content
    (folder / "same.srt").write_text("1\n00:00:00,000 --> 00:00:01,000\nmine\n")
    names = [str(folder / n) for n in ("same.wav", "same.m4a", "same.mkv", "same.srt")]
    with FakeAsrServer() as server:
        status = run(["transcribe", *names, "--server", server.url, "--output-dir", str(out)])
    err = capsys.readouterr().err
    assert status == 2  # the .srt
    assert sorted(p.name for p in out.iterdir()) == ["same.m4a.srt", "same.mkv.srt", "same.wav.srt"]
    assert f"error: {folder / 'same.srt'}: a subtitle file" in err
    assert (folder / "same.srt").read_text().endswith("mine\n")


def test_write_errors_name_the_output_and_come_before_recognition(three, tmp_path, capsys):
    blocker = tmp_path / "blocker"
    blocker.write_text("a file where the output folder should be")
    with FakeAsrServer() as server:
        assert run(["transcribe", str(three), "--server", server.url, "--output-dir", str(blocker / "out")]) == 2
        assert server.requests == []  # nothing was recognised
    assert str(blocker / "out") in capsys.readouterr().err

    (three / "e1.srt").mkdir()  # a folder where e1's subtitles go: e1 fails at once, e3 is recognised
    (three / "e2.wav").unlink()
    with FakeAsrServer() as server:
        assert run(["transcribe", str(three), "--server", server.url]) == 2
        asked = len(server.requests)
    err = capsys.readouterr().err
    assert f"error: {three / 'e1.wav'}: {three / 'e1.srt'}: " in err
    assert err.index("e1.srt") < err.index("[2/2]") and (three / "e3.srt").exists() and asked >= 1
