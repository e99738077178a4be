"""Qwen3-ASR recognition and forced alignment, in three packages named for where their code runs:
app.asr.client (the user's process), app.asr.runtime (the engine process: torch and qwen_asr, imported lazily)
and app.asr.algorithms (pure numpy, both sides)."""
