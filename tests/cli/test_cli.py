"""The command line as a user runs it: a real process, exit codes, one-line errors."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "app", *args], capture_output=True, text=True, timeout=60)


MESSY = (
    "\ufeff1\r\n00:00:01,000 --> 00:00:02,000\r\nThis line is definitely longer than forty-two characters\r\n\r\n"
    "00:00:01,500 --> 00:00:04,000\r\nOverlap\r\n\r\nblank inside\r\n"
)


def test_convert_cleans_a_messy_file(tmp_path):
    src, out = tmp_path / "in.srt", tmp_path / "out.srt"
    src.write_bytes(MESSY.encode("utf-16"))
    result = run("convert", str(src), str(out))
    assert result.returncode == 0, result.stderr
    assert out.read_bytes() == (
        b"1\n00:00:01,000 --> 00:00:02,000\nThis line is definitely longer than forty-two characters\n\n"
        b"2\n00:00:01,500 --> 00:00:04,000\nOverlap\nblank inside\n\n"
    )


def test_convert_options(tmp_path):
    src, out = tmp_path / "in.srt", tmp_path / "out.srt"
    src.write_bytes("1\n00:00:01,000 --> 00:00:02,000\nÇa va\n".encode("cp1252"))
    assert run("convert", str(src), str(out), "--encoding", "cp1252", "--bom", "--crlf").returncode == 0
    assert out.read_bytes() == "\ufeff1\r\n00:00:01,000 --> 00:00:02,000\r\nÇa va\r\n\r\n".encode()


def test_check_reports_problems(tmp_path):
    src = tmp_path / "in.srt"
    src.write_bytes(MESSY.encode("utf-8"))
    result = run("check", str(src))
    assert result.returncode == 0
    assert "2 cues, encoding utf-8 (byte-order mark)" in result.stdout
    assert "1 overlaps" in result.stdout and "1 lines over 42 characters" in result.stdout
    assert "over 17 characters per second" in result.stdout


def test_check_json(tmp_path):
    src = tmp_path / "in.srt"
    src.write_bytes("1\n00:00:01,000 --> 00:00:02,000\nПривет, как дела? Всё хорошо.\n".encode("cp1251"))
    report = json.loads(run("check", str(src), "--json").stdout)
    assert report["cues"] == 1 and report["encoding"] == "cp1251" and report["encoding_detected"]
    assert report["counts"] == {"reading_speed": 1}
    assert report["problems"][0]["index"] == 0


@pytest.mark.parametrize(
    "args",
    [
        ("convert", "/definitely/missing.srt", "out.srt"),
        ("check",),
        ("check", "--bogus"),
        ("convert", "{src}", "/no/such/folder/out.srt"),
        ("check", "{binary}"),
        ("convert", "{src}", "out.srt", "--encoding", "klingon"),
    ],
)
def test_failures_are_one_line_and_exit_2(tmp_path, args):
    src = tmp_path / "in.srt"
    src.write_text("1\n00:00:01,000 --> 00:00:02,000\nx\n")
    binary = tmp_path / "b.srt"
    binary.write_bytes(bytes(range(256)) * 10)
    args = [a.format(src=src, binary=binary).replace("out.srt", str(tmp_path / "out.srt")) for a in args]
    result = run(*args)
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), result.stderr
    assert "Traceback" not in result.stderr


def test_help_lists_the_verbs():
    result = run("--help")
    assert result.returncode == 0
    assert "convert" in result.stdout and "check" in result.stdout
