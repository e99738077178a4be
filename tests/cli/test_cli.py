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
    assert result.returncode == 1  # problems found
    assert "2 cues, encoding utf-8 (byte-order mark)" in result.stdout
    assert "1 overlap" in result.stdout and "1 line over 42 characters" in result.stdout
    assert "over 20 characters per second" in result.stdout  # English (guessed from the text): Netflix's 20


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


def test_unknown_verb_is_an_error_with_the_closest_verb():
    result = run("trancribe", "movie.mp4")
    assert result.returncode == 2
    assert result.stderr.strip() == (
        "error: unknown command 'trancribe'; did you mean 'transcribe'? (see 'python -m app --help')"
    )


def test_check_names_cues_by_their_numbers_in_the_file_and_exits_1_on_problems(tmp_path):
    src = tmp_path / "in.srt"
    src.write_text(
        "10\n00:00:01,000 --> 00:00:03,000\nFine.\n\n"
        "11\n00:00:02,000 --> 00:00:04,000\nOverlapping.\n\n"
        "15\n00:00:05,000 --> 00:00:06,000\nThis one is far too long to be read in a second.\n",
        encoding="utf-8",
    )
    result = run("check", str(src))
    assert result.returncode == 1, result.stderr
    assert "cue 11: starts at 00:00:02.000, before cue 10 ends" in result.stdout
    assert "cue 15: " in result.stdout and "cue 3" not in result.stdout
    assert "1 overlap;" in result.stdout and "1 cue over 20 characters per second" in result.stdout
    assert "3 cues, encoding" in result.stdout
    report = json.loads(run("check", str(src), "--json").stdout)
    assert [p["number"] for p in report["problems"]] == [11, 15, 15]  # the overlap, then speed and length


def test_check_reading_speed_at_the_limit_is_no_problem_and_plurals_are_right(tmp_path):
    src = tmp_path / "in.srt"
    # 17 characters in 999 ms: 17.02 characters per second, shown as 17.0, is within the limit of 17
    src.write_text("1\n00:00:01,000 --> 00:00:01,999\nSeventeen chars!!\n", encoding="utf-8")
    result = run("check", str(src))
    assert result.returncode == 0, result.stdout
    assert result.stdout.splitlines() == [f"{src}: 1 cue, encoding utf-8 (valid UTF-8)", "no problems found"]


def test_check_piped_into_head_ends_quietly(tmp_path):
    src = tmp_path / "in.srt"
    # far more report than a pipe holds: head has gone when the rest is written
    src.write_text(
        "".join(
            f"{i}\n00:00:{i // 10:02d},{i % 10}00 --> 00:00:{i // 10:02d},{i % 10}50\nFar too fast\n\n"
            for i in range(1, 600)
        )
        * 8,
        encoding="utf-8",
    )
    result = subprocess.run(
        f"'{sys.executable}' -m app check '{src}' | head -n 1", shell=True, capture_output=True, text=True, timeout=60
    )
    assert result.stdout.count("\n") == 1
    assert result.stderr == ""


def test_check_json_is_laid_out_as_json_indents_it(tmp_path):
    """Issue 27, item 8: the problems of --json are written by json's C encoder, laid out as indent=2 writes them."""
    src = tmp_path / "in.srt"
    src.write_text(
        '3\n00:00:01,000 --> 00:00:01,100\n"Quoted" \\ back\\slash, 中文 and é, far too fast\n\n'
        "7\n00:00:01,050 --> 00:00:02,000\nAn overlap\n",
        encoding="utf-8",
    )
    out = run("check", str(src), "--json").stdout
    report = json.loads(out)
    messages = [p["message"] for p in report["problems"]]
    assert {p["number"] for p in report["problems"]} == {3, 7}
    assert "cue 7: starts at 00:00:01.050, before cue 3 ends at 00:00:01.100" in messages
    assert out == json.dumps(report, ensure_ascii=False, indent=2) + "\n"


@pytest.mark.parametrize(
    "messages",
    [[], ["plain"], ['"q" \\ },\n      {"kind": "x"} \n\t\u2028 中文', "}", "{", "},\n      {"], ["a"] * 3],
)
def test_json_report_is_json_dumps_with_indent_2(messages):
    from app.cli.subtitles import _json_report

    report = {
        "file": 'a "b".srt', "cues": 3, "bom": False, "skipped": ["x", "y"], "counts": {"order": len(messages)},
        "problems": [
            {"kind": "order", "index": i, "message": m, "on_translation": bool(i % 2), "number": i + 1}
            for i, m in enumerate(messages)
        ],
    }  # fmt: skip
    assert _json_report(report) == json.dumps(report, ensure_ascii=False, indent=2)
