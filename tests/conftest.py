"""Suite-wide settings: no network, no screen, no writes outside temporary folders."""

from __future__ import annotations

import os
import tempfile

# Set before anything imports Qt or huggingface_hub.
os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ["HF_HUB_OFFLINE"] = "1"
os.environ["TRANSFORMERS_OFFLINE"] = "1"
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
_scratch = tempfile.mkdtemp(prefix="qss-tests-")
os.environ["XDG_CACHE_HOME"] = os.path.join(_scratch, "cache")
os.environ["XDG_CONFIG_HOME"] = os.path.join(_scratch, "config")
os.environ["XDG_DATA_HOME"] = os.path.join(_scratch, "data")
os.environ["HF_HOME"] = os.path.join(_scratch, "hf")

# nagisa (imported by qwen_asr's Japanese aligner path) loads dynet, which turns on flush-to-zero for the
# whole process; hypothesis then refuses float strategies that may draw subnormals. Every st.floats in
# the suite therefore says allow_subnormal=False, whatever order the tests run in.
