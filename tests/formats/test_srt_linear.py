"""Reading time grows linearly with the input, whatever the input looks like (issue 17, item 4).

Each shape is measured at two sizes, 16 times apart, in a child process: linear reading takes about 16 times
longer on the larger input, quadratic backtracking 256 times and exponential backtracking never finishes. The
ratio bound (64) is loose enough for a busy machine; the child's timeout turns a hang into a failure.
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap

import pytest

T1 = "00:00:01,000 --> 00:00:02,000"

# name: Python expression of the text for size n (n grows 16 times between the two measurements)
SHAPES = {
    # cue settings after the end time: "a:a:a:…a: 1" backtracked exponentially in the number of "a:"
    "settings": f"'1\\n{T1} ' + 'a:' * (n // 32) + ' 1\\nHi\\n'",
    # a time, its separator, spaces and no arrow: quadratic in the spaces
    "fraction_spaces": f"'1\\n{T1}\\nHi\\n00:00:01,' + ' ' * n + 'x-\\n'",
    # a line of '=' or em dashes searched for an arrow at each of its characters
    "equals_run": f"'1\\n{T1}\\n' + '=' * n + '-\\n'",
    "dash_run": f"'1\\n{T1}\\n' + '\\u2014' * n + '\\n'",
    # Ctrl+Z marks followed by text (not the end of the file)
    "eof_marks": f"'1\\n{T1}\\nHi\\n' + '\\x1a' * n + 'x\\n'",
    # WebVTT voice spans without their '>'
    "vtt_voice_spaces": "'WEBVTT\\n\\n00:00:00.000 --> 00:00:01.000\\n<v' + ' ' * n + 'x\\n'",
    "vtt_voices": "'WEBVTT\\n\\n00:00:00.000 --> 00:00:01.000\\n' + '<v a' * (n // 4) + '\\n'",
    "vtt_lang": "'WEBVTT\\n\\n00:00:00.000 --> 00:00:01.000\\n' + '<lang a' * (n // 7) + '\\n'",
    # many cues: the reader as a whole
    "many_cues": f"''.join(f'{{i}}\\n{T1}\\nLine {{i}}\\n\\n' for i in range(n // 40))",
}

MEASURE = """
import json, time
from app.formats.srt import read_srt_bytes

def seconds(n):
    data = ({shape}).encode("utf-8")
    best = float("inf")
    for _ in range(5):
        start = time.perf_counter()
        read_srt_bytes(data)
        best = min(best, time.perf_counter() - start)
    return best

small, large = seconds(4000), seconds(64000)
print(json.dumps([small, large]))
"""


@pytest.mark.parametrize("shape", sorted(SHAPES))
def test_reading_time_grows_linearly(shape):
    code = textwrap.dedent(MEASURE.format(shape=SHAPES[shape]))
    try:
        done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    except subprocess.TimeoutExpired:
        pytest.fail(f"{shape}: reading did not finish within 60 s (backtracking)")
    assert done.returncode == 0, done.stderr[-2000:]
    small, large = json.loads(done.stdout)
    # linear: about 16; quadratic: about 256. The small input's fixed costs only lower the ratio.
    assert large <= 64 * max(small, 1e-4), f"{shape}: {small * 1000:.2f} ms -> {large * 1000:.2f} ms"


def test_the_93_byte_file_reads():
    """The reported file: settings-like text after the end time; it froze the window for 7.4 s."""
    data = f"1\n{T1} " + "a:" * 28 + " 1\nHello\n"
    code = f"from app.formats.srt import read_srt_bytes; print(read_srt_bytes({data.encode()!r}).cues[0].text)"
    try:
        done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=20)
    except subprocess.TimeoutExpired:
        pytest.fail("a 93-byte file did not read within 20 s")
    assert done.stdout.strip() == "a:" * 27 + "a: 1\nHello"
