"""Media: decode any audio or video to 16 kHz mono, the waveform envelope, playback ranges. Builds on app.core only.

The stable API (names and semantics that app/asr and app/ui rely on):

``decode_audio(path, *, stream_index=None, progress=None, cancelled=None, use_cache=True) -> DecodedAudio``
    Decodes one audio stream (the container stream ``stream_index``, else the one a player picks: the
    default-flagged audio stream, else the first) to float32 mono at 16 kHz. Sample 0 is the container's
    start (its ``start_time``), the origin QtMultimedia counts positions from: audio that starts late is
    preceded by silence, gaps in its timestamps are silence, and a transport stream whose clock starts at
    1.4 s still starts at sample 0. Raw streams (ADTS, MP3, AC-3...) have no timestamps of their own: their
    samples are laid end to end. Blocking; call it from a worker thread in the ui.

    ``progress(fraction)``: called in the calling thread with a non-decreasing fraction of the expected
    duration, ending with exactly 1.0 on success. ``cancelled()``: polled at least every 0.1 s; when it
    returns True the call raises :class:`DecodeCancelled`. With ``use_cache`` (the default) a file decoded
    before (same path, size, modification time, stream) is memory-mapped from the disk cache instead.

``DecodedAudio``: ``.samples`` (read-only float32 array, possibly a memory map), ``.sample_rate`` (16000),
    ``.duration_ms`` (int), ``.source`` (the path), ``.stream_index``, ``.envelope``, ``.from_cache``,
    ``.warnings`` (one-line notes on damage decoded around: skipped packets, a file cut short, audio that
    ends well before the duration the file states).

``Envelope.minmax(start_ms, end_ms, bins) -> (mins, maxs)``: the waveform of a time range at ``bins`` pixels,
    from a min/max pyramid built while decoding; cost independent of zoom.

``probe(path) -> MediaInfo``: format, duration, start, streams (codec, rate, channels, language, default flag,
    cover art, ...), without decoding. ``MediaInfo.audio_stream()`` is the stream ``decode_audio`` picks.
    Durations are never negative; where the header has none (a WebM from a pipe) or only guesses (a raw or
    truncated MP3), the audio stream's packets are measured in bounded time, and ``duration_estimated`` says
    when even that ran out of time (duration.py).

``PlaybackModel``: the Qt-free half of playing a file or one cue through QtMultimedia (see playback.py).

Errors: every failure is a :class:`app.core.errors.MediaError` with a one-line message (missing path, not
media, text or a subtitle file, no audio stream, unsupported codec, a truncated or corrupt container (an MP4
without its 'moov' index...), zero-length or too short audio, a reader that yields no audio for
``NO_AUDIO_TIMEOUT_S``, audio too long to hold: over 24 hours or 80 % of the available memory, from the
header or as it grows, said as duration, MB needed, MB available (memory.py)). :class:`DecodeCancelled` is
*not* a MediaError (nothing is wrong with the file); both derive from :class:`app.core.errors.AppError`.
A file that is cut short or damaged in places yields what can be decoded, with ``.warnings``; it is an error
only when nothing can.

The cache lives in ``QSS_CACHE_DIR``, else the platform's cache folder (``$XDG_CACHE_HOME`` on Linux), and
stays under ``QSS_CACHE_MAX_MB`` (2 GiB by default), least recently used entries going first (cache.py).
"""

from app.core.errors import MediaError
from app.media.cache import AudioCache, default_cache_dir
from app.media.decode import NO_AUDIO_TIMEOUT_S, SAMPLE_RATE, DecodeCancelled, DecodedAudio, decode_audio
from app.media.envelope import Envelope
from app.media.playback import Action, PlaybackModel, TimeScale
from app.media.probe import MediaInfo, StreamInfo, probe

__all__ = [
    "NO_AUDIO_TIMEOUT_S",
    "SAMPLE_RATE",
    "Action",
    "AudioCache",
    "DecodeCancelled",
    "DecodedAudio",
    "Envelope",
    "MediaError",
    "MediaInfo",
    "PlaybackModel",
    "StreamInfo",
    "TimeScale",
    "decode_audio",
    "default_cache_dir",
    "probe",
]
