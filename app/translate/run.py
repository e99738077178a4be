"""A translation run over many cues: batches of numbered lines sent by N threads, a bad answer asked again in
smaller pieces, a cue that still fails marked for review, cancel seen within a fraction of a second.

The chat itself is a plain callable (``complete(messages, cancel) -> answer``): :class:`ChatClient.complete
<app.translate.client.ChatClient.complete>` in use, anything in tests. The run's result becomes one undo step
(:meth:`TranslationResult.command`); cues already translated are skipped on a resume
(:func:`cues_to_translate`). The calling thread only waits and collects, so the window's task can run it as is.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from app.core.commands import SetTranslations
from app.core.document import Cue, Document
from app.core.errors import AppError
from app.translate.checks import OtherLanguage, in_wrong_language
from app.translate.client import Cancel, Cancelled, ChatClient, ChatServer, TranslateError
from app.translate.prompt import Instructions, messages, parse_glossary, read_answer

Complete = Callable[[list[dict[str, str]], Cancel], str]
Progress = Callable[[int, int], None]  # cues done (translated or given up), cues asked
POLL_S = 0.1  # how often the waiting thread looks at cancel


def _never() -> bool:
    return False


@dataclass(frozen=True)
class TranslateOptions:
    instructions: Instructions
    batch_size: int = 20
    neighbours: int = 3  # cues shown before and after a batch, for context
    concurrency: int = 1
    single_tries: int = 2  # a cue asked alone this often before it is given up
    # tells an answer in another language of the target's script (English for French): the caller's detector
    # (app.text.language_detect.in_other_language); without one only the script is looked at
    other_language: OtherLanguage | None = None


@dataclass
class TranslationResult:
    translations: dict[int, str] = field(default_factory=dict)  # cue index -> its translation
    untranslated: list[int] = field(default_factory=list)  # no usable line even alone: flagged for review
    wrong_language: list[int] = field(default_factory=list)  # translated, but not in the target language: flagged
    requests: int = 0  # answers received (the client's own retries not counted)
    cancelled: bool = False
    error: TranslateError | None = None  # what stopped the run; what was done before it is kept

    def command(self, label: str = "Translate") -> SetTranslations:
        """The run as one undo step: each translation set (flagged when in the wrong script), each cue given up
        left empty and flagged."""
        done = sorted(self.translations)
        failed = sorted(set(self.untranslated) - set(done))
        wrong = set(self.wrong_language)
        return SetTranslations(
            tuple(done) + tuple(failed),
            tuple(self.translations[i] for i in done) + ("",) * len(failed),
            tuple(i in wrong for i in done) + (True,) * len(failed),
            label,
        )


@dataclass(frozen=True)
class TranslationJob:
    """Everything a run needs but the cues: the chat server (its key included) and what to ask it."""

    server: ChatServer
    options: TranslateOptions


def read_glossary(path: str, names_only: bool = False) -> tuple[tuple[str, str], ...]:
    """A glossary file's terms ('term = translation' a line, any encoding; ``names_only``: see parse_glossary);
    raises AppError naming the file."""
    from app.formats.textio import read_text

    try:
        return parse_glossary(read_text(path).text, names_only)
    except ValueError as exc:
        raise AppError(f"{path}: {exc}") from None


def translation_job(
    url: str,
    model: str,
    target: str,
    original: str = "",
    *,
    context: str = "",
    glossary: tuple[tuple[str, str], ...] = (),
    concurrency: int = 4,
    batch_size: int = 20,
    deadline_s: float = 120.0,
    stream: bool = True,
    other_language: OtherLanguage | None = None,
) -> TranslationJob:
    """The run the command line, the window's Translate… and the batch queue ask for alike; the key looked up now
    (QSS_LLM_API_KEY, the key typed for this session or the system keyring: app.translate.client.api_key)."""
    from app.translate import client  # looked up when asked: a test's stand-in for the keyring is seen

    server = ChatServer(url, model, client.api_key(url), deadline_s=deadline_s, stream=stream)
    instructions = Instructions(target, context, glossary, original)
    options = TranslateOptions(instructions, batch_size=batch_size, concurrency=concurrency,
                               other_language=other_language)  # fmt: skip
    return TranslationJob(server, options)


def translate_transcript(
    cues: Sequence[Cue], job: TranslationJob, cancel: Cancel = _never, progress: Progress | None = None
) -> tuple[list[Cue], TranslationResult]:
    """Freshly recognised cues with their translations (``transcribe --translate-to`` and the batch queue): every
    cue with text asked, one client for the run. What was translated before an error or a cancel is kept on its
    cue; the result says what stopped the run."""
    client = ChatClient(job.server)
    try:
        todo = cues_to_translate(cues, resume=False)
        result = translate_cues([c.text for c in cues], todo, client.complete, job.options, cancel, progress)
    finally:
        client.close()
    doc = Document.from_cues(cues)
    result.command().apply(doc)
    return list(doc.cues), result


def cues_to_translate(cues: Sequence[Cue], resume: bool = True) -> list[int]:
    """The cues a run asks for: every cue with text, or on a resume only those without a translation; a locked
    cue keeps the translation it has."""
    return [i for i, cue in enumerate(cues) if cue.text.strip() and not (cue.translation and (resume or cue.locked))]


def translate_cues(
    texts: Sequence[str],
    todo: Sequence[int],
    complete: Complete,
    options: TranslateOptions,
    cancel: Cancel = _never,
    progress: Progress | None = None,
) -> TranslationResult:
    """Translate ``texts[i]`` for every i in ``todo``; the numbers the model sees are the cue numbers (i + 1)."""
    asked = ask_by_number(texts, todo, complete, lambda batch: _batch_messages(texts, batch, options), options,
                          cancel, progress)  # fmt: skip
    target = options.instructions.target_language
    answered = list(asked.lines)
    verdicts = in_wrong_language([asked.lines[i] for i in answered], target, options.other_language)
    wrong = [i for i, bad in zip(answered, verdicts, strict=True) if bad]
    return TranslationResult(asked.lines, asked.failed, wrong, asked.requests, asked.cancelled, asked.error)


@dataclass
class Answers:
    """What a run of numbered requests brought back, whatever was asked (a translation, a proofreading)."""

    lines: dict[int, str] = field(default_factory=dict)  # cue index -> the line answered for it
    failed: list[int] = field(default_factory=list)  # no usable line even when asked alone
    requests: int = 0
    cancelled: bool = False
    error: TranslateError | None = None


def ask_by_number(
    texts: Sequence[str],
    todo: Sequence[int],
    complete: Complete,
    build: Callable[[tuple[int, ...]], list[dict[str, str]]],
    options: TranslateOptions,
    cancel: Cancel = _never,
    progress: Progress | None = None,
) -> Answers:
    """Ask for a line for ``texts[i]``, i in ``todo``, in batches of numbered lines (``build`` makes a batch's
    messages) on ``options.concurrency`` threads; a batch whose answer is not exactly its numbers is asked again
    in halves, a cue that still fails alone is given up: a line is never put on another cue."""
    result = Answers()
    size = max(options.batch_size, 1)
    work: queue.Queue[tuple[tuple[int, ...], int] | None] = queue.Queue()
    answers: queue.Queue[tuple[tuple[int, ...], int, dict[int, str] | None, TranslateError | None]] = queue.Queue()
    stop = threading.Event()
    pending = 0
    for at in range(0, len(todo), size):
        work.put((tuple(todo[at : at + size]), 0))
        pending += 1

    def stopped() -> bool:
        return stop.is_set()

    def worker() -> None:
        while not stop.is_set():
            item = work.get()
            if item is None:
                return
            batch, tries = item
            try:
                answer = complete(build(batch), stopped)
                answers.put((batch, tries, read_answer(answer, [i + 1 for i in batch]), None))
            except TranslateError as exc:
                answers.put((batch, tries, None, exc))
            except Exception as exc:  # a defect: the run ends with it rather than hanging
                answers.put((batch, tries, None, TranslateError(f"unexpected {type(exc).__name__}: {exc}")))

    threads = [threading.Thread(target=worker, daemon=True, name=f"translate-{n}")
               for n in range(max(1, min(options.concurrency, pending)))]  # fmt: skip
    for thread in threads:
        thread.start()
    done = 0
    try:
        while pending:
            if cancel():
                result.cancelled = True
                break
            try:
                batch, tries, lines, error = answers.get(timeout=POLL_S)
            except queue.Empty:
                continue
            pending -= 1
            result.requests += 1
            if error is not None:
                if not isinstance(error, Cancelled):
                    result.error = error
                break
            if lines is not None:
                result.lines.update({i: lines[i + 1] for i in batch})
                done += len(batch)
            elif len(batch) > 1:  # asked again in halves: a bad line can only spoil its own half
                half = (len(batch) + 1) // 2
                for piece in (batch[:half], batch[half:]):
                    work.put((piece, 0))
                    pending += 1
            elif tries + 1 < options.single_tries:
                work.put((batch, tries + 1))
                pending += 1
            else:
                result.failed.append(batch[0])
                done += 1
            if progress is not None:
                progress(done, len(todo))
    finally:
        stop.set()
        for _ in threads:
            work.put(None)
    return result


def _batch_messages(texts: Sequence[str], batch: tuple[int, ...], options: TranslateOptions) -> list[dict[str, str]]:
    before, asked, after = batch_lines(texts, batch, options.neighbours)
    return messages(options.instructions, asked, before, after)


def batch_lines(
    texts: Sequence[str], batch: tuple[int, ...], neighbours: int
) -> tuple[dict[int, str], dict[int, str], dict[int, str]]:
    """A batch's numbered lines (cue number -> text), with up to ``neighbours`` cues before and after it."""
    first, last, k = batch[0], batch[-1], neighbours
    asked = set(batch)
    before = {i + 1: texts[i] for i in range(max(first - k, 0), first) if i not in asked and texts[i].strip()}
    after = {i + 1: texts[i] for i in range(last + 1, min(last + 1 + k, len(texts))) if texts[i].strip()}
    return before, {i + 1: texts[i] for i in batch}, after
