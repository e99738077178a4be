#!/usr/bin/env bash
# Build the one-folder desktop app with PyInstaller, then check the built program, not the source tree:
#   1. the window, offscreen: open a subtitle file and a media file (--smoke-test), quit with status 0;
#   2. the transcribe and align verbs on tiny random checkpoints: torch, transformers, qwen_asr and its Korean
#      dictionary, nagisa's model (Japanese words), PyAV decoding, all loaded from the bundle.
# Prints how long the build took and how big the result is.
#
#   scripts/build_app.sh            (PYTHON=... to use another interpreter than .venv/bin/python)
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-.venv/bin/python}
APP=dist/QwenSubtitleStudio/QwenSubtitleStudio

start=$(date +%s)
"$PY" -m PyInstaller build.spec --noconfirm --log-level WARN
built=$(date +%s)

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export QT_QPA_PLATFORM=offscreen HF_HUB_OFFLINE=1 TRANSFORMERS_OFFLINE=1
export XDG_DATA_HOME="$work/data" XDG_CONFIG_HOME="$work/config" XDG_CACHE_HOME="$work/cache"
"$PY" - "$work" <<'PY'
import sys
import numpy as np
import soundfile as sf
work = sys.argv[1]
t = np.arange(4 * 16000) / 16000
sf.write(f"{work}/sample.wav", (0.2 * np.sin(2 * np.pi * 220 * t) * (t % 1 < 0.6)).astype("float32"), 16000)
with open(f"{work}/sample.srt", "w", encoding="utf-8") as f:
    f.write("1\n00:00:00,000 --> 00:00:00,600\nこんにちは、世界。\n\n2\n00:00:01,000 --> 00:00:01,600\n안녕하세요\n")
from tests.support.checkpoints import tiny_checkpoints
models = tiny_checkpoints(f"{work}/tiny")
open(f"{work}/models", "w").write(f"{models.recognizer}\n{models.aligner}\n")
PY
recognizer=$(sed -n 1p "$work/models")
aligner=$(sed -n 2p "$work/models")

"$APP" --smoke-test "$work/sample.srt"
for lang in en zh_CN zh_TW; do  # compiled by build.spec: the bundle has no lrelease to compile them at first use
    ls dist/QwenSubtitleStudio/_internal/app/resources/i18n/qss_$lang.qm >/dev/null
done
"$APP" --smoke-test "$work/sample.wav"
"$APP" transcribe "$work/sample.wav" -o "$work/out.srt" --model "$recognizer" --aligner "$aligner" --device cpu \
    --max-new-tokens 8
"$APP" align "$work/sample.wav" "$work/sample.srt" -o "$work/aligned-ja.srt" --aligner "$aligner" --language Japanese \
    --device cpu
"$APP" align "$work/sample.wav" "$work/sample.srt" -o "$work/aligned-ko.srt" --aligner "$aligner" --language Korean \
    --device cpu
test -s "$work/out.srt" && test -s "$work/aligned-ja.srt" && test -s "$work/aligned-ko.srt"
checked=$(date +%s)

echo "build: $((built - start)) s; checks: $((checked - built)) s"
echo "size: $(du -sh dist/QwenSubtitleStudio | cut -f1) in $(find dist/QwenSubtitleStudio -type f | wc -l) files"
