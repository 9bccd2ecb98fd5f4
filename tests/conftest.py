"""Suite-wide setup: import the checked-in generated client without installing it.

`<repo>/generated` goes first on sys.path so `import dify_chatflow` resolves to
the package under version control, not to some installed copy.
"""

from __future__ import annotations

import atexit
import os
import shutil
import sys
import tempfile
from pathlib import Path

GENERATED_DIR = Path(__file__).resolve().parents[1] / "generated"

if str(GENERATED_DIR) in sys.path:
    sys.path.remove(str(GENERATED_DIR))
sys.path.insert(0, str(GENERATED_DIR))

# black's chunk cache (generator/emit/formatting.py) in a fresh folder: no test depends on,
# or fills, the user's cache. Subprocesses inherit it.
os.environ["CLIENTGEN_CACHE_DIR"] = tempfile.mkdtemp(prefix="clientgen-test-cache-")
atexit.register(shutil.rmtree, os.environ["CLIENTGEN_CACHE_DIR"], True)
# No progress lines from runs that are slow only because the machine is busy: stderr stays what
# the tests assert (one error line). Tests of progress set their own (tests/test_cli_conventions.py).
os.environ["CLIENTGEN_PROGRESS_AFTER"] = "3600"
