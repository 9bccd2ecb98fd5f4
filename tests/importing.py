"""Importing a package the test just generated, and forgetting it afterwards."""

from __future__ import annotations

import sys


def forget(package: str) -> None:
    """Drop `package` and its submodules from sys.modules, so a later package of the same
    name (another test's, another style's) is imported afresh, not served from the cache."""
    for name in [m for m in sys.modules if m == package or m.startswith(package + ".")]:
        del sys.modules[name]
