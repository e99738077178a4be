"""Translatable messages: the layers below the window say *what* happened as a code with parameters; the window
renders the words with Qt's translation (app/ui/messages.py), the command line and the logs with :func:`english`.

``CATALOGUE`` holds the English source text of every code. Placeholders are ``{name}`` (filled from ``params``)
and ``%n`` (the plural count ``n``; the text says ``cue(s)`` and Qt or :func:`english` picks the form).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

CATALOGUE: dict[str, str] = {
    # the engine process
    "engine.waiting": "Waiting for another recognition or alignment to finish…",
    "engine.starting": "Starting the recognition process…",
    "engine.importing": "Loading the recognition runtime…",
    "engine.loading_model": "Loading the recognition model…",
    "engine.loading_aligner": "Loading the aligner…",
    "engine.reading_weights": "Reading the weights of {model}…",
    "engine.moving_to_device": "Moving {model} to {device}…",
    "engine.downloading": "Downloading {file}…",
    "engine.hung": "The recognition process stopped answering and was ended; your subtitles are safe, try again",
    "engine.killed": "The recognition process was killed (out of memory?); your subtitles are safe, try again",
    "engine.ended": "The recognition process ended (exit status {code}); your subtitles are safe, try again",
    "engine.out_of_memory": "Out of memory",
    "engine.failed": "{detail}",
    # models: finding, checking, downloading, loading, running
    "model.no_cuda": "CUDA was requested but no CUDA GPU is available; use --device cpu",
    "model.no_mps": "Apple MPS was requested but is not available; use --device cpu",
    "model.unknown_device": "unknown device {device!r}; use auto, cpu, cuda or mps",
    "model.gpu_memory": "not enough GPU memory for {model}: needs about {needed} GB, {free} GB free; close other GPU "
    "programs, pick a smaller model or use the CPU",
    "model.gpu_memory_load": "not enough GPU memory to load {model}; use a smaller model or the CPU",
    "model.gpu_memory_chunk": "out of GPU memory even for one chunk at a time; use a smaller model or the CPU",
    "model.gpu_memory_align": "out of GPU memory while aligning; use the CPU or a shorter window",
    "model.no_aligner": "no forced aligner is configured",
    "model.cannot_load": "cannot load the model in {folder}: {detail}",
    "model.aligner_language": "the forced aligner does not support {language}; it aligns {choices}",
    "model.aligner_language_detected": "the forced aligner does not support {language} (detected from the first 30 s "
    "of speech); it aligns {choices}",
    "model.no_language_detected": "no language was detected in the first 30 s of speech; set the cues' language "
    "(Edit ▸ Set Language, or --language)",
    "model.unsupported_language": "unsupported language {name!r}; use auto or one of: {choices}",
    "model.folder_not_found": "model folder not found: {path}",
    "model.missing_file": "model folder {path} is missing {file}",
    "model.not_qwen": "{file} is not a Qwen3-ASR model (model_type {type!r})",
    "model.not_aligner": "{path} is a recognition model, not a forced aligner",
    "model.not_recognizer": "{path} is a forced aligner, not a recognition model",
    "model.damaged": "{file} is damaged ({reason}); delete it and download the model again",
    "model.no_weights": "{index} lists no weight files",
    "model.wrong_kind": "{repo} is a {actual}, not a {kind}",
    "model.offline": "{repo} is not downloaded yet and downloads are off (offline)",
    "model.hub_unreachable": "cannot reach the model hub for {repo}: {reason}",
    "model.download_cancelled": "download of {repo} cancelled; it resumes next time",
    "model.download_cancelled_any": "download cancelled; it resumes next time",
    "model.download_failed": "download of {repo} failed at {file}: {reason}",
    "model.no_files": "{repo} has no files",
    "model.disk_space": "not enough disk space to download {repo}: needs {needed} GB, {free} GB free in {cache}; free "
    "some space or set HF_HOME to another disk",
    # media (app.media): files that cannot be opened or decoded
    "media.no_file": "{path}: no such file",
    "media.permission": "{path}: permission denied",
    "media.os_error": "{path}: {reason}",
    "media.folder": "{path}: is a folder, not a media file",
    "media.not_regular": "{path}: not a regular file",
    "media.empty": "{path}: empty file",
    "media.text_file": "{path}: not a media file (it holds text)",
    "media.corrupt_container": "{path}: the file is truncated or corrupt ({kind})",
    "media.subtitle_file": "{path}: a subtitle file ({format}), not audio or video",
    "media.no_audio": "{path}: no audio stream (streams: {streams})",
    "media.not_media": "{path}: not a media file, or its data is corrupt",
    "media.truncated": "{path}: the file ends too early (truncated)",
    "media.unsupported_codec": "{path}: unsupported codec",
    "media.timed_out": "{path}: reading timed out",
    "media.cannot_decode": "{path}: cannot decode ({reason})",
    "media.audio_corrupt": "{path}: the audio data is corrupt or truncated; nothing could be decoded",
    "media.zero_length": "{path}: zero-length audio (the audio stream holds no samples)",
    "media.too_short": "{path}: the audio is too short to use ({ms} ms)",
    "media.unsupported_audio_codec": "{path}: unsupported audio codec in stream {stream}",
    # recognition and alignment
    "recognition.running": "Recognising on {device}…",
    "recognition.progress": "Recognising…",
    "recognition.models_in_turn": "Not enough memory for the recogniser and the aligner together ({needed} MB "
    "needed, {available} MB free): recognising first, then timing the words",
    "recognition.models_one_at_a_time": "The recogniser and the aligner are loaded one at a time: recognising first, "
    "then timing the words",
    "recognition.aligning_words": "Timing the words…",
    "recognition.done": "Recognised %n cue(s)",
    "recognition.done_language": "Recognised %n cue(s) ({language})",
    "realign.aligning": "Aligning…",
    "realign.aligning_seconds": "Aligning… {done} s of {total} s",
    "realign.detecting_language": "Detecting the language…",
    "realign.drift": "Looking for an offset or drift…",
    # the recognition server (app.asr.client.remote)
    # translation with a language model on a chat server (app.translate)
    "translate.bad_url": "{url!r} is not a chat server's address; give one as http://host:port or https://host",
    "translate.refused": "cannot connect to the chat server at {url}: the connection was refused (is the server "
    "running?)",
    "translate.unreachable": "cannot reach the chat server at {url}: {reason}",
    "translate.unauthorized": "the chat server at {url} refused the API key (HTTP {status}); set QSS_LLM_API_KEY",
    "translate.unknown_model": "the chat server at {url} has no model {model!r}; pick one it lists",
    "translate.timeout": "the chat server at {url} did not answer within {seconds} s",
    "translate.failed": "the chat server at {url} kept failing (HTTP {status}: {detail})",
    "translate.rejected": "the chat server at {url} rejected the request (HTTP {status}: {detail})",
    "translate.redirected": "the chat server at {url} points to {location}; nothing was sent there (give that "
    "address instead)",
    "translate.too_large": "the chat server at {url} sent an answer over {limit} kB, which is not a translation",
    "translate.bad_answer": "the chat server at {url} gave an answer that is not a chat completion",
    "translate.cancelled": "the translation was cancelled",
    "server.connecting": "Sending the audio to {url}…",
    "server.progress": "Recognising on the server: {done} of {total} chunks…",
    "server.refused": "cannot connect to the recognition server at {url}: the connection was refused (is the server "
    "running, and is the address right?)",
    "server.unreachable": "cannot reach the recognition server at {url}: {reason}",
    "server.unauthorized": "the recognition server at {url} refused the API key (HTTP {status}); set "
    "QSS_SERVER_API_KEY or keep the server's key in the system keyring",
    "server.unknown_model": "the recognition server at {url} has no model {model!r}; pick one it lists",
    "server.failed": "the recognition server kept failing (HTTP {status}: {detail})",
    "server.rejected": "the recognition server rejected the request (HTTP {status}: {detail})",
    "server.timeout": "the recognition server at {url} did not answer within {seconds} s",
    "server.redirected": "the recognition server at {url} points to {location}; nothing was sent there (give that "
    "address instead if it is the server)",
    "server.too_large": "the recognition server at {url} sent an answer over {limit} kB, which is not a transcription",
    "server.cancelled": "the request to the recognition server was cancelled",
    "server.dropped": "the recognition server at {url} dropped the connection",
    "server.bad_answer": "the recognition server at {url} gave an answer that is not a transcription",
    # the batch queue (app.session.batch)
    "batch.damaged": "The batch queue could not be read; it starts empty (the damaged file was kept as {path})",
    "batch.unreadable": "The batch queue could not be read ({reason}); it starts empty",
    "server.no_realign": "re-timing needs the forced aligner on this machine; it cannot run on the server",
    # the command line's summaries
    "cli.decoding": "Decoding…",
    "cli.transcribed": "{path}: %n cue(s), language {language}",
    "cli.estimated_note": "word times estimated: the aligner does not cover this language",
    "cli.estimated_chosen": "word times estimated, without the aligner",
    "cli.translating": "Translating into {language}: {done} of %n cue(s)",
    "cli.retimed": "{path}: %n cue(s) re-timed",
    "cli.to_review": "%n to review (kept their old times)",
    "cli.large_moved": "%n cue(s) moved by more than {seconds} s",
    "cli.large_kept": "%n cue(s) left in place by more than {seconds} s",
}


@dataclass(frozen=True)
class Message:
    """A message code, its parameters and, for plurals, the count. Picklable, comparable, immutable."""

    code: str
    params: Mapping[str, Any] = field(default_factory=dict)
    n: int | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "params", MappingProxyType(dict(self.params)))

    def __reduce__(self) -> tuple[Any, ...]:  # MappingProxyType does not pickle
        return (Message, (self.code, dict(self.params), self.n))

    def __hash__(self) -> int:
        return hash((self.code, tuple(sorted(self.params.items(), key=lambda kv: kv[0])), self.n))

    def __str__(self) -> str:
        return english(self)


def message(code: str, n: int | None = None, /, **params: Any) -> Message:
    """Shorthand: ``message("recognition.done", 3)``, ``message("engine.downloading", file="model.safetensors")``."""
    if code not in CATALOGUE:
        raise KeyError(f"unknown message code {code!r}")
    return Message(code, params, n)


CATALOGUE.update(  # what a subtitle format could not keep (app.formats.base.dropped_features)
    {
        "formats.dropped.style": "style names of %n cue(s)",
        "formats.dropped.actor": "speakers of %n cue(s)",
        "formats.dropped.align": "positions of %n cue(s)",
        "formats.dropped.markup": "italics and other markup in %n cue(s)",
        "formats.dropped.karaoke": "karaoke timing in %n cue(s)",
        "formats.dropped.overrides": "override tags (\\pos, colours, fades...) in %n cue(s)",
        "formats.dropped.vtt_settings": "WebVTT cue settings of %n cue(s)",
        "formats.dropped.header": "the styles and script information of the file it came from",
        "formats.dropped.words": "word timings of %n cue(s)",
    }
)


CATALOGUE.update(  # quality checks (app.core.qc) and their fixes (app.core.fixes)
    {
        "qc.reading_speed": "{cps} characters per second (limit {limit})",
        "qc.reading_speed_no_time": "text shown for no time",
        "qc.words_per_minute": "{wpm} words per minute (limit {limit})",
        "qc.not_positive": "ends at or before its start",
        "qc.too_short": "on screen {ms} ms (minimum {limit} ms)",
        "qc.too_long": "on screen {ms} ms (maximum {limit} ms)",
        "qc.gap": "{ms} ms before the next cue (minimum {limit} ms)",
        "qc.overlap": "overlaps the next cue by {ms} ms",
        "qc.order": "starts before the cue above it",
        "qc.line_length": "a line of {length} characters (limit {limit})",
        "qc.line_count": "{lines} lines (limit {limit})",
        "qc.line_balance": "unbalanced lines ({top} and {bottom} characters)",
        "qc.empty": "no text",
        "qc.edge_spaces": "spaces at the start or end of a line",
        "qc.double_space": "double spaces",
        "qc.repeated_word": "repeated word “{word}”",
        "qc.unbalanced_tags": "unbalanced tag <{tag}>",
        "fix.trimmed": "spaces trimmed",
        "fix.sorted": "%n cue(s) put back in time order",
        "fix.overlap": "overlap resolved",
        "fix.gap": "gap set to {ms} ms",
        "fix.extended": "extended to {ms} ms",
        "fix.shortened": "shortened to {ms} ms",
        "fix.merged": "merged with the next cue",
        "fix.rebroken": "lines broken again",
        "fix.translation_trimmed": "translation: spaces trimmed",
        "fix.translation_rebroken": "translation: lines broken again",
        "fix.fullwidth": "full-width punctuation",
        "fix.line_end_punctuation": "commas and full stops at line ends removed",
        "fix.split": "split: too long for {lines} lines",
        "cli.fixed": "{path}: %n change(s)",
        "qc.shot_start": "starts %n frame(s) from a shot change",
        "qc.shot_end": "ends %n frame(s) from a shot change",
        "qc.shot_across": "runs across a shot change at {time}",
        "fix.shot_start": "start moved onto the shot change",
        "fix.shot_end": "end moved to {frames} frames before the shot change",
    }
)


CATALOGUE.update(  # Chinese script conversion with OpenCC (app.text.chinese): its configurations, by OpenCC's name
    {
        "chinese.s2t": "Simplified to Traditional",
        "chinese.t2s": "Traditional to Simplified",
        "chinese.s2tw": "Simplified to Traditional (Taiwan characters)",
        "chinese.tw2s": "Traditional (Taiwan characters) to Simplified",
        "chinese.s2twp": "Simplified to Traditional (Taiwan, with Taiwan's words: 软件 → 軟體)",
        "chinese.tw2sp": "Traditional (Taiwan, with Taiwan's words) to Simplified (mainland words: 軟體 → 软件)",
        "chinese.s2hk": "Simplified to Traditional (Hong Kong characters)",
        "chinese.hk2s": "Traditional (Hong Kong characters) to Simplified",
        "chinese.t2tw": "Traditional to Taiwan characters",
        "chinese.tw2t": "Taiwan characters to Traditional",
        "chinese.t2hk": "Traditional to Hong Kong characters",
        "chinese.hk2t": "Hong Kong characters to Traditional",
        "chinese.t2jp": "Traditional to Japanese Shinjitai",
        "chinese.jp2t": "Japanese Shinjitai to Traditional",
        "chinese.unknown_config": "unknown Chinese conversion {name!r}; use one of: {choices}",
        "chinese.unavailable": "Chinese conversion needs the opencc package (pip install opencc)",
    }
)


_PLURAL = re.compile(r"(\w+)\((\w+)\)")


def english(msg: Message) -> str:
    """The English text: ``{param}`` filled, ``%n`` replaced by the count, ``word(s)`` made singular or plural."""
    text = CATALOGUE.get(msg.code, msg.code)
    if msg.n is not None:
        text = text.replace("%n", str(msg.n))
        text = _PLURAL.sub(lambda m: m.group(1) + ("" if msg.n == 1 else m.group(2)), text)
    try:
        return text.format(**msg.params)
    except (KeyError, IndexError, ValueError):
        return text


CATALOGUE.update(  # aligning a plain script to its recording (app.asr.client.script)
    {
        "script.aligner_language": "the forced aligner cannot align {language}; it knows {known}",
        "script.unknown_language": "the script's language could not be told from its text; give it "
        "(the aligner knows {known})",
        "script.empty": "{path}: no words to align (the script is empty)",
        "script.aligning": "Aligning the script: {done} of {total} s…",
        "script.aligned": "{path}: %n cue(s) from the script, language {language}",
    }
)


CATALOGUE.update(  # subtitles burned into the picture (app.media.burn, app.session.burn)
    {
        "burn.no_video": "{path}: no video stream; subtitles are burned into a picture",
        "burn.no_frames": "{path}: no frame of the video could be decoded",
        "burn.no_encoder": "this PyAV has no {encoder} encoder; install PyAV's own wheel (pip install av)",
        "burn.bad_crf": "--crf {crf}: give a quality from 0 (lossless) to 51 (smallest); 18-23 look good",
        "burn.bad_container": "{path}: burned videos are written as MP4; name the output .mp4",
        "burn.cancelled": "{path}: cancelled; nothing was written",
        "burn.no_cues": "{name}: no cues to burn in",
    }
)
CATALOGUE.update(  # subtitle tracks muxed into a video (app.media.mux, app.session.mux)
    {
        "mux.bad_container": "{path}: cannot write a {ext} video; use .mkv, .mp4, .mov or .webm",
        "mux.codec": "{path}: this container cannot hold {codec} subtitles",
        "mux.same_file": "{path}: the output would replace the video it is made from; choose another name",
        "mux.no_video": "{path}: no video stream; subtitle tracks go into a video",
        "mux.stream_codec": "{path}: this container cannot hold stream {stream} ({codec}) without re-encoding; "
        "use .mkv",
        "mux.cancelled": "{path}: cancelled; nothing was written",
        "mux.no_room": "{path}: the disk is full ({free} MB free); nothing was written",
        "mux.no_cues": "{name}: no cues to put in a track",
        "mux.bad_language": "unknown language {code!r}; give a code such as en, zh, ja or eng",
        "mux.too_many": "{count} {option} for {tracks} subtitle file(s)",
        "mux.bad_default": "--default {number}: there are {tracks} new track(s)",
    }
)
