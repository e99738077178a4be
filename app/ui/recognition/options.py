"""The recognition options: what the dialog edits, the preferences keep, and a run needs (the engine client).

Nothing here imports torch or qwen_asr: the engine client is made on demand (app.asr.client).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from app.asr.client.models import DEFAULT_ALIGNER, DEFAULT_RECOGNIZER
from app.asr.client.remote import DEFAULT_SERVER_MODEL
from app.session.context import EngineClients
from app.ui.host import Host


def engine_client(engine_options: Any, server: Any = None) -> Any:
    """The one factory of engine clients (app.asr.client.batch.make_client, as the command line)."""
    from app.asr.client.batch import make_client
    from app.asr.client.service import local_engine

    return make_client(engine_options, server, local=local_engine())


@dataclass(frozen=True)
class RecognitionOptions:
    model: str = DEFAULT_RECOGNIZER
    aligner: str | None = DEFAULT_ALIGNER
    language: str | None = None  # None: detect
    device: str = "auto"
    context: str = ""
    cpu_int8: bool = False  # older form of cpu_precision="int8"
    cpu_precision: str = "auto"  # on the CPU (app.asr.runtime.precision): auto|fp32|bf16|int8; a GPU computes in bf16
    max_new_tokens: int | None = None  # not in the dialog: the tests keep tiny models' runs short
    server_url: str = ""  # an OpenAI-compatible server (vllm serve); empty: this computer. Key: QSS_SERVER_API_KEY
    server_model: str = ""  # empty: Qwen/Qwen3-ASR-1.7B

    def __post_init__(self) -> None:
        if self.cpu_int8 is True:  # one choice, two spellings (see EngineOptions)
            object.__setattr__(self, "cpu_precision", "int8")
        elif self.cpu_precision == "int8":
            object.__setattr__(self, "cpu_int8", True)

    def engine_name(self) -> str:
        if self.server_url:
            return self.server_model or DEFAULT_SERVER_MODEL
        return self.model

    def client(self, engines: EngineClients | None = None) -> Any:
        """The engine client these options run on: the server's, with this computer's forced aligner when one is
        chosen, or this computer's engine process; from the context's factories (``engines``) when given."""
        server = None
        if self.server_url:
            from app.asr.client.remote import ServerConfig

            server = ServerConfig.from_env(self.server_url, self.server_model or None)
        if engines is not None:
            return engines.create("server" if server else "local", self.engine_options(), server)
        return engine_client(self.engine_options(), server)

    def engine_options(self) -> Any:
        from app.asr.client.protocol import EngineOptions

        extra = {"max_new_tokens": self.max_new_tokens} if self.max_new_tokens else {}
        return EngineOptions(
            model=self.model, aligner=self.aligner, device=self.device, cpu_int8=self.cpu_int8,
            cpu_precision=self.cpu_precision, **extra,
        )  # fmt: skip


def load_options(host: Host) -> RecognitionOptions:
    p = host.prefs
    aligner = p.recognition_aligner or DEFAULT_ALIGNER
    return RecognitionOptions(
        model=p.recognition_model or DEFAULT_RECOGNIZER,
        aligner=None if aligner == "none" else aligner,
        language=p.recognition_language or None,
        device=p.recognition_device,
        context=p.recognition_context,
        cpu_precision=p.recognition_precision,
        server_url=p.server_url,
        server_model=p.server_model,
    )


def save_options(host: Host, options: RecognitionOptions) -> None:
    p = host.prefs
    p.recognition_model = options.model
    p.recognition_aligner = options.aligner or "none"
    p.recognition_language = options.language or ""
    p.recognition_device = options.device
    p.recognition_context = options.context
    p.recognition_precision = options.cpu_precision
    p.server_url = options.server_url  # the key: environment or keyring, never here
    p.server_model = options.server_model
