"""Suite-wide setup: import the checked-in generated client without installing it.

`<repo>/generated` goes first on sys.path so `import dify_chatflow` resolves to
the package under version control, not to some installed copy.
"""

from __future__ import annotations

import sys
from pathlib import Path

GENERATED_DIR = Path(__file__).resolve().parents[1] / "generated"

if str(GENERATED_DIR) in sys.path:
    sys.path.remove(str(GENERATED_DIR))
sys.path.insert(0, str(GENERATED_DIR))
