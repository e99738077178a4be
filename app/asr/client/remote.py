"""The server engine: recognition on an OpenAI-compatible server (vLLM serving Qwen3-ASR), behind EngineClient.

The audio is cut and its silent chunks skipped exactly as locally (app.asr.algorithms.chunking, the same limits),
the sounding chunks go to the server concurrently (``concurrency`` requests at once, a thread pool), each retried
with backoff (app.asr.client.server_http), and the answers come back in the recording's order whatever order they
finish in. Each chunk's text is cleaned of Qwen3-ASR's ``language X<asr_text>`` prefix (the language kept), its
words are timed by the forced aligner on this machine (an AlignTextJob on the local engine client, when one is
given and the job names an aligner) or by estimation over the chunk's speech
(app.asr.algorithms.wordmap.words_without_aligner), and segmented into cues with the user's limits for the
chunk's language, as app.asr.runtime.pipeline does for the local engine.

The address, the model, the concurrency and the deadline of one request come from the caller or the environment
(``QSS_SERVER_URL``, ``QSS_SERVER_MODEL``, ``QSS_SERVER_CONCURRENCY``, ``QSS_SERVER_TIMEOUT`` in seconds); the API
key only from the environment (``QSS_SERVER_API_KEY``), a key typed in the window for this session, or the system
keyring (app.asr.client.api_key), never from the command line or a project file. Cancelling ends the run within
about 0.2 s: requests in flight are abandoned (their answers dropped) and no new one starts.
Qt-free and torch-free.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass

import numpy as np

from app.asr.algorithms import chunking
from app.asr.client.api_key import server_api_key
from app.asr.client.languages import CODES, canonical_language
from app.asr.client.protocol import (
    AlignTextJob,
    Cues,
    EngineClient,
    EngineMessage,
    EngineOptions,
    Job,
    Progress,
    RecognitionDone,
    RecognizeJob,
    Status,
    TextAligned,
)
from app.asr.client.server_http import (
    DEFAULT_TIMEOUT_S,
    ServerEndpoint,
    ServerError,
    list_models,
    parse_answer,
    transcribe_chunk,
    wav_bytes,
)
from app.core.checks import Limits
from app.core.messages import Message, message
from app.core.rules import samples_to_ms

__all__ = ["DEFAULT_SERVER_MODEL", "RemoteEngineClient", "ServerConfig", "ServerError"]

DEFAULT_SERVER_MODEL = "Qwen/Qwen3-ASR-1.7B"
DEFAULT_CONCURRENCY = 8
_ISO = {name: code for code, name in CODES.items()}


@dataclass(frozen=True)
class ServerConfig:
    """A recognition server: ``url`` (``http://gpu-box:8000``, with or without ``/v1``), the served model name and
    how many chunks are in flight at once. ``api_key`` is read from the environment by :meth:`from_env`."""

    url: str
    model: str = DEFAULT_SERVER_MODEL
    concurrency: int = DEFAULT_CONCURRENCY
    api_key: str | None = None
    timeout_s: float = DEFAULT_TIMEOUT_S  # the deadline of one request, connect to last byte
    retries: int = 4
    backoff_s: float = 0.5
    chunk_s: float = 30.0  # the longest chunk, as locally

    def __repr__(self) -> str:  # the key never reaches a log
        return f"ServerConfig(url={self.url!r}, model={self.model!r}, concurrency={self.concurrency})"

    @classmethod
    def from_env(
        cls,
        url: str | None = None,
        model: str | None = None,
        concurrency: int | None = None,
        timeout_s: float | None = None,
        **kwargs: object,
    ) -> ServerConfig:
        env = os.environ
        url = url or env.get("QSS_SERVER_URL", "")
        if not url:
            raise ServerError("no recognition server address: give --server URL or set QSS_SERVER_URL")
        if timeout_s is None:
            timeout_s = _seconds(env.get("QSS_SERVER_TIMEOUT"), "QSS_SERVER_TIMEOUT")
        if timeout_s is not None:
            kwargs["timeout_s"] = timeout_s
        return cls(
            url=url,
            model=model or env.get("QSS_SERVER_MODEL") or DEFAULT_SERVER_MODEL,
            concurrency=max(1, concurrency or int(env.get("QSS_SERVER_CONCURRENCY") or DEFAULT_CONCURRENCY)),
            api_key=server_api_key(url),
            **kwargs,  # type: ignore[arg-type]
        )

    @property
    def endpoint(self) -> ServerEndpoint:
        return ServerEndpoint(self.url, self.api_key, self.timeout_s, self.retries, self.backoff_s)


def _seconds(text: str | None, name: str) -> float | None:
    if not text:
        return None
    try:
        value = float(text)
    except ValueError:
        value = 0.0
    if not 0 < value < 86400:
        raise ServerError(f"{name} must be a number of seconds, e.g. 300 (it is {text!r})")
    return value


class RemoteEngineClient:
    """EngineClient for a recognition server. Recognition only: re-timing needs the forced aligner locally.

    ``aligner``: a local engine client that times each chunk's words with the forced aligner named by the job's
    options (``aligner_options`` for the rest: device, threads); without it, or for a job without an aligner,
    word times are estimated. ``own_aligner``: shut it down with this client."""

    def __init__(
        self,
        config: ServerConfig,
        *,
        aligner: EngineClient | None = None,
        aligner_options: EngineOptions | None = None,
        own_aligner: bool = False,
    ) -> None:
        self.config = config
        self.aligner = aligner
        self.aligner_options = aligner_options
        self.own_aligner = own_aligner

    def list_models(self) -> list[str]:
        return list_models(self.config.endpoint)

    def shutdown(self, timeout: float = 3.0) -> None:
        """Nothing of the server's runs between jobs (a run's threads end with it); a local aligner made for this
        client is stopped."""
        if self.aligner is not None and self.own_aligner:
            self.aligner.shutdown(timeout)

    def run(
        self,
        job: Job,
        audio: np.ndarray,
        *,
        cancelled: Callable[[], bool] = lambda: False,
        on_wait: Callable[[Message], None] | None = None,
    ) -> Iterator[EngineMessage]:
        if not isinstance(job, RecognizeJob):
            raise ServerError(message=message("server.no_realign"))
        return self._recognize(job, audio, cancelled)

    def _recognize(
        self, job: RecognizeJob, audio: np.ndarray, cancelled: Callable[[], bool]
    ) -> Iterator[EngineMessage]:
        from app.asr.algorithms.chunking import speech_span
        from app.asr.algorithms.segment import segment_words
        from app.asr.algorithms.wordmap import aligner_language, words_without_aligner

        config = self.config
        forced = canonical_language(job.language)
        samples = np.asarray(audio, dtype=np.float32).reshape(-1)
        audio_end = samples_to_ms(len(samples))
        chunks = chunking.split_at_pauses(samples, max_s=config.chunk_s, target_s=config.chunk_s * 2 / 3)
        todo = [k for k, sound in enumerate(chunking.sounding(samples, chunks)) if sound]
        yield Status(message("server.connecting", url=config.endpoint.base))
        yield Progress(0.0, message("server.progress", done=0, total=len(todo)))
        stop = threading.Event()
        pool = ThreadPoolExecutor(max_workers=max(1, config.concurrency), thread_name_prefix="asr-server")

        def ask(k: int) -> str:
            if stop.is_set():
                return ""
            wav = wav_bytes(samples[chunks[k].start : chunks[k].end])
            return transcribe_chunk(
                config.endpoint, config.model, wav, language=_ISO.get(forced or ""), prompt=job.context,
                stop=stop,
            )  # fmt: skip

        futures: list[Future[str]] = [pool.submit(ask, k) for k in todo]
        languages: dict[str, int] = {}
        estimated = False
        align_with = self._align_options(job)
        try:
            for n, (k, future) in enumerate(zip(todo, futures, strict=True)):
                while not future.done():
                    if cancelled():
                        return
                    pending = [f for f in futures[n:] if not f.done()]
                    wait(pending, timeout=0.1, return_when=FIRST_COMPLETED)
                    failed = next((f for f in futures[n:] if f.done() and f.exception() is not None), None)
                    if failed is not None:  # fail fast: no need to wait for the chunks before it
                        failed.result()
                if cancelled():
                    return
                heard, text = parse_answer(future.result())
                lang = forced or heard
                if text:
                    languages[lang] = languages.get(lang, 0) + len(text)
                    chunk = chunks[k]
                    wav = samples[chunk.start : chunk.end]
                    words: tuple | None = None
                    if align_with is not None and aligner_language(lang) is not None:
                        timed = AlignTextJob(align_with, text, lang, chunk.start_ms, min(chunk.end_ms, audio_end))
                        for item in self.aligner.run(timed, wav, cancelled=cancelled):  # type: ignore[union-attr]
                            if isinstance(item, Status):
                                yield item
                            elif isinstance(item, TextAligned):
                                words, estimated = item.words, estimated or item.estimated
                        if cancelled():
                            return
                    if words is None:
                        start, end = speech_span(wav)
                        words = words_without_aligner(text, chunk.start_ms + start, chunk.start_ms + end, lang or None)
                        estimated = True
                    limits = Limits.for_language(lang or None, **dict(job.limits))
                    cues = segment_words(
                        text, words, language=lang or None, limits=limits,
                        audio_end_ms=max(1, min(chunk.end_ms, audio_end)),
                    )  # fmt: skip
                    yield Cues(tuple(cues))
                yield Progress((n + 1) / len(todo), message("server.progress", done=n + 1, total=len(todo)))
        finally:
            stop.set()
            pool.shutdown(wait=False, cancel_futures=True)
        if cancelled():
            return
        if not todo:
            yield Progress(1.0, message("server.progress", done=0, total=0))
        main = max(languages, key=languages.__getitem__) if languages else None
        yield RecognitionDone(main or None, "server", estimated=estimated)

    def _align_options(self, job: RecognizeJob) -> EngineOptions | None:
        """The options of the local alignment, or None when word times are to be estimated."""
        if self.aligner is None or job.options.aligner is None:
            return None
        from dataclasses import replace

        base = self.aligner_options or job.options
        return replace(base, aligner=job.options.aligner)
