"""Qwen3-ASR recognition and forced alignment. Imports torch and qwen_asr lazily, never at import time."""
