"""Shot changes on videos made with ffmpeg: every hard cut within one frame, nothing inside a fade, VFR times."""

from __future__ import annotations

import json

import pytest

from app.core.errors import MediaError
from app.media.decode import DecodeCancelled
from app.media.shots import SceneScorer, ShotCache, detect_shots
from app.media.video import read_frame_times
from tests.media import video_samples as samples


@pytest.fixture(scope="module")
def videos(tmp_path_factory):
    folder = tmp_path_factory.mktemp("videos")
    return {
        "cuts": samples.make_cuts(folder / "cuts.mp4"),
        "fade": samples.make_fade(folder / "fade.mp4"),
        "vfr": samples.make_vfr(folder / "vfr.mkv"),
    }


def _within_a_frame(found, expected, frame_ms):
    assert len(found) == len(expected), f"found {found}, expected {expected}"
    for got, want in zip(found, expected, strict=True):
        assert abs(got - want) <= frame_ms, f"cut at {got} ms, expected {want} ms"


def test_every_hard_cut_is_found_within_one_frame(videos, tmp_path):
    scan = detect_shots(videos["cuts"], cache_dir=tmp_path)
    _within_a_frame(scan.cuts_ms, samples.CUTS_MS, samples.FRAME_MS)
    assert len(scan.frame_times_ms) == 200 and scan.frame_times_ms[:3] == (0, 40, 80)


def test_a_fade_is_not_a_cut_but_the_hard_cut_after_it_is(videos, tmp_path):
    scan = detect_shots(videos["fade"], cache_dir=tmp_path)
    start, end = samples.FADE_MS
    assert not [c for c in scan.cuts_ms if start - samples.FRAME_MS <= c <= end + samples.FRAME_MS]
    _within_a_frame(scan.cuts_ms, (samples.FADE_CUT_MS,), samples.FRAME_MS)


def test_variable_frame_rate_gives_the_real_frame_times_and_the_cut(videos, tmp_path):
    scan = detect_shots(videos["vfr"], cache_dir=tmp_path)
    assert scan.frame_times_ms == samples.VFR_TIMES_MS
    _within_a_frame(scan.cuts_ms, (samples.VFR_CUT_MS,), 80)
    demuxed = read_frame_times(videos["vfr"])
    assert demuxed.times_ms == samples.VFR_TIMES_MS  # the quick demux pass agrees with the decode
    assert scan.stream_index == demuxed.stream_index == 0


def test_results_are_cached_with_the_media(videos, tmp_path):
    first = detect_shots(videos["cuts"], cache_dir=tmp_path)
    again = detect_shots(videos["cuts"], cache_dir=tmp_path)
    assert not first.from_cache and again.from_cache
    assert again.cuts_ms == first.cuts_ms and again.frame_times_ms == first.frame_times_ms
    entry = next(tmp_path.glob("*.json"))
    entry.write_text("{not json", encoding="utf-8")  # a damaged entry is scanned afresh
    assert not detect_shots(videos["cuts"], cache_dir=tmp_path).from_cache
    assert json.loads(entry.read_text(encoding="utf-8"))["cuts_ms"] == list(first.cuts_ms)


def test_progress_rises_to_one_and_cancel_stops(videos, tmp_path):
    seen: list[float] = []
    detect_shots(videos["cuts"], use_cache=False, progress=seen.append)
    assert seen[-1] == 1.0 and seen == sorted(seen)
    with pytest.raises(DecodeCancelled):
        detect_shots(videos["cuts"], use_cache=False, cancelled=lambda: True)
    assert not list(tmp_path.glob("*.json"))


def test_audio_only_and_non_media_are_clear_errors(tmp_path):
    samples.need_ffmpeg()
    wav = tmp_path / "tone.wav"
    samples._run(["-f", "lavfi", "-i", "sine=duration=1", str(wav)])
    with pytest.raises(MediaError, match="no video stream"):
        detect_shots(wav, use_cache=False)
    text = tmp_path / "notes.mp4"
    text.write_text("hello", encoding="utf-8")
    with pytest.raises(MediaError):
        detect_shots(text, use_cache=False)


def test_scene_score_is_scdets_min_of_difference_and_its_change():
    import numpy as np

    scorer = SceneScorer()
    black, white = np.zeros((4, 4), np.uint8), np.full((4, 4), 255, np.uint8)
    assert scorer.push(black) == 0.0
    assert scorer.push(white) == pytest.approx(255 * 100 / 256)  # a hard cut after stillness
    assert scorer.push(white) == 0.0
    ramp = [np.full((4, 4), v, np.uint8) for v in range(0, 250, 10)]
    fade = SceneScorer()
    scores = [fade.push(f) for f in ramp]
    assert max(scores) < 10  # an even fade: each step small and like the one before


def test_cache_key_follows_the_file(videos, tmp_path):
    cache = ShotCache(tmp_path)
    key = cache.key(str(videos["cuts"]), None, 10.0)
    assert cache.entry_path(key) != cache.entry_path({**key, "mtime_ns": key["mtime_ns"] + 1})


def test_cli_prints_cut_times_in_seconds(videos, capsys):
    from app.cli import run

    assert run(["shots", str(videos["cuts"]), "--no-cache"]) == 0
    lines = capsys.readouterr().out.split()
    assert [float(x) for x in lines] == pytest.approx([c / 1000 for c in samples.CUTS_MS], abs=0.041)
    assert run(["shots", str(videos["vfr"]), "--json", "--no-cache"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["variable_frame_rate"] is True and report["frames"] == 100 and report["stream_index"] == 0
    assert report["cuts"] == pytest.approx([3.0], abs=0.081)


def test_cli_on_audio_is_one_line_and_status_2(tmp_path, capsys):
    from app.cli import run

    samples.need_ffmpeg()
    wav = tmp_path / "tone.wav"
    samples._run(["-f", "lavfi", "-i", "sine=duration=1", str(wav)])
    assert run(["shots", str(wav)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: ") and "no video stream" in err and err.count("\n") == 1


def test_read_frame_gives_the_frame_shown_at_a_time(videos):
    from app.media.video import read_frame

    at, image = read_frame(videos["cuts"], 2039)  # inside the red shot's first frame (2000-2040)
    assert at == 2000 and image.shape == (240, 320, 3)
    assert image[120, 160, 0] > 200 and image[120, 160, 1] < 60  # red
    at, image = read_frame(videos["cuts"], 1999)  # one millisecond earlier: the test pattern's last frame
    assert at == 1960 and not (image[120, 160, 0] > 200 and image[120, 160, 1] < 60)
    at, _ = read_frame(videos["vfr"], 1170)  # between VFR frames at 1160 and 1240
    assert at == 1160
