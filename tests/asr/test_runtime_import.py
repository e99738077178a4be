"""app.asr.runtime.loading.import_runtime: what the engine process imports, and what it leaves out (issue 28)."""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.skipif(importlib.util.find_spec("sklearn") is None, reason="scikit-learn is not installed here")
def test_the_runtime_leaves_scikit_learn_out():
    """transformers imports scikit-learn and pandas (47 MB resident) for assisted generation alone when they are
    installed; the engine process does without them and can still load and generate (a fresh interpreter, so
    that nothing another test imported counts)."""
    code = (
        "import json, sys\n"
        "from app.asr.runtime.loading import import_runtime\n"
        "import_runtime()\n"
        "from transformers.generation.candidate_generator import AssistedCandidateGenerator\n"
        "from qwen_asr import Qwen3ASRModel\n"
        "print(json.dumps({m: m in sys.modules for m in ('sklearn', 'pandas', 'qwen_asr', 'transformers')}))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr[-2000:]
    found = json.loads(out.stdout.strip().splitlines()[-1])
    assert found == {"sklearn": False, "pandas": False, "qwen_asr": True, "transformers": True}
