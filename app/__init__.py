"""Qwen Subtitle Studio: a subtitle editor built on Qwen3-ASR."""

__version__ = "0.1.0"
APP_NAME = "Qwen Subtitle Studio"
