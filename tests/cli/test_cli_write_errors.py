"""Write errors on the command line name the file the user asked for, never our temporary file."""

from __future__ import annotations

from tests.cli.test_cli import run

SRT = "1\n00:00:01,000 --> 00:00:02,000\nx\n"


def test_a_read_only_target_is_refused_by_name(tmp_path):
    src, out = tmp_path / "in.srt", tmp_path / "out.srt"
    src.write_text(SRT)
    out.write_text("keep me")
    out.chmod(0o444)
    result = run("convert", str(src), str(out))
    assert result.returncode == 2
    assert result.stderr.strip() == f"error: the file is read-only: {out}"
    assert out.read_text() == "keep me"


def test_a_missing_folder_names_the_target(tmp_path):
    src, out = tmp_path / "in.srt", tmp_path / "gone" / "out.srt"
    src.write_text(SRT)
    result = run("convert", str(src), str(out))
    assert result.returncode == 2
    assert str(out) in result.stderr and ".tmp" not in result.stderr
