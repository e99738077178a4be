"""One media file of a batch, recognised: the path shared by ``transcribe`` on the command line and the window's
batch queue, so a file gives the same cues in both.

:func:`make_client` picks the one engine client a whole batch runs on (the local engine process, whose models
stay loaded from file to file, or a server, with the local forced aligner when word timing is wanted);
:func:`recognize_file` decodes one file and runs one RecognizeJob through that client, passing progress on.
Qt-free; torch is only ever imported in the engine process.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from app.asr.client.protocol import (
    Cues,
    EngineClient,
    EngineMessage,
    EngineOptions,
    Progress,
    RecognitionDone,
    RecognizeJob,
)
from app.core.document import Cue
from app.core.messages import message

if TYPE_CHECKING:
    from app.asr.client.remote import ServerConfig

DECODE_SHARE = 0.1  # of a file's progress bar: decoding, then recognition the rest


@dataclass(frozen=True)
class FileTranscript:
    cues: tuple[Cue, ...]
    language: str | None
    device: str
    estimated: bool  # some words were timed without the aligner


def make_client(options: EngineOptions, server: ServerConfig | None = None, *, local: Any = None) -> EngineClient:
    """The client every file of a batch runs on. ``local``: the local engine client to use (the window's shared
    one); without it a new one is made, and shut down with the returned client. With a server, word timing runs
    on ``local`` when ``options.aligner`` names an aligner, else it is estimated."""
    if server is not None:
        from app.asr.client.remote import RemoteEngineClient

        if options.aligner is None:
            return RemoteEngineClient(server)
        if local is None:
            from app.asr.client.models import check_local

            check_local(options.aligner, "aligner")
        aligner = local if local is not None else _new_local()
        return RemoteEngineClient(server, aligner=aligner, aligner_options=options, own_aligner=local is None)
    if local is not None:
        return local
    from app.asr.client.models import check_local

    check_local(options.model, "recognizer")
    if options.aligner is not None:
        check_local(options.aligner, "aligner")
    return _new_local()


def _new_local() -> Any:
    from app.asr.client.service import LocalEngineClient

    return LocalEngineClient()


def recognize_file(
    client: EngineClient,
    media: str,
    job: RecognizeJob,
    *,
    on_message: Callable[[EngineMessage], None] = lambda _m: None,
    cancelled: Callable[[], bool] = lambda: False,
) -> FileTranscript | None:
    """Decode ``media`` and recognise it; progress (decoding first, then recognition) goes to ``on_message`` as
    Progress over the whole file. None when cancelled. Raises AppError (MediaError, ModelError, ServerError)."""
    from app.media import DecodeCancelled, decode_audio

    decoding = message("cli.decoding")
    try:
        audio = decode_audio(
            media, progress=lambda f: on_message(Progress(f * DECODE_SHARE, decoding)), cancelled=cancelled
        ).samples
    except DecodeCancelled:
        return None
    if cancelled():
        return None
    cues: list[Cue] = []
    done: RecognitionDone | None = None
    for item in client.run(job, audio, cancelled=cancelled, on_wait=lambda m: on_message(_status(m))):
        if isinstance(item, Cues):
            cues.extend(item.cues)
        elif isinstance(item, RecognitionDone):
            done = item
        elif isinstance(item, Progress):
            on_message(Progress(DECODE_SHARE + (1 - DECODE_SHARE) * item.fraction, item.message))
        else:
            on_message(item)
    if cancelled():
        return None
    done = done or RecognitionDone(None, job.options.device)
    return FileTranscript(tuple(cues), done.language, done.device, done.estimated)


def _status(msg: Any) -> EngineMessage:
    from app.asr.client.protocol import Status

    return Status(msg)
