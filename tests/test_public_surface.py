"""The generated package's public surface: what `import dify_chatflow` offers, and what it costs."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import dify_chatflow
from dify_chatflow import (
    APIConnectionError,
    APIError,
    APIStatusError,
    APITimeoutError,
    AuthenticationError,
    BadRequestError,
    ConflictError,
    InternalServerError,
    NotFoundError,
    PermissionDeniedError,
    RateLimitError,
    UnprocessableEntityError,
)

GENERATED = Path(__file__).resolve().parent.parent / "generated"


def test_every_exported_name_exists_and_is_public() -> None:
    assert sorted(dify_chatflow.__all__) == list(dify_chatflow.__all__)
    for name in dify_chatflow.__all__:
        assert not name.startswith("_")
        assert getattr(dify_chatflow, name) is not None
    assert {"DifyChatflow", "AsyncDifyChatflow", "Stream", "AsyncStream", "SyncPage", "NOT_GIVEN"} <= set(
        dify_chatflow.__all__
    )


def test_exception_hierarchy() -> None:
    assert issubclass(APIConnectionError, APIError) and issubclass(APITimeoutError, APIConnectionError)
    assert issubclass(APIStatusError, APIError)
    for error in (BadRequestError, AuthenticationError, PermissionDeniedError, NotFoundError, ConflictError,
                  UnprocessableEntityError, RateLimitError, InternalServerError):
        assert issubclass(error, APIStatusError)


def test_import_does_not_load_the_models() -> None:
    """Models load with the first resource used, not with the package (slow-import complaints of big SDKs)."""
    code = (
        "import sys, dify_chatflow\n"
        "assert 'dify_chatflow.models' not in sys.modules\n"
        "client = dify_chatflow.DifyChatflow(api_key='k')\n"
        "client.chat\n"
        "assert 'dify_chatflow.models' in sys.modules\n"
        "assert 'dify_chatflow.resources.files' not in sys.modules\n"
        "client.close()\n"
    )
    subprocess.run([sys.executable, "-c", code], cwd=GENERATED, check=True)


def _third_party_imports(folder: Path) -> set[str]:
    import ast

    third_party = set()
    for path in folder.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            modules = []
            if isinstance(node, ast.Import):
                modules = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                modules = [node.module]
            third_party |= {m.split(".")[0] for m in modules if m.split(".")[0] not in sys.stdlib_module_names}
    return third_party


def test_runtime_dependencies_are_only_httpx_httpx_sse_pydantic() -> None:
    """The package itself: what `pip install` of it needs. The shipped tests/ beside it is not
    part of the package (its pytest is a test dependency), and is checked on its own below."""
    third_party = _third_party_imports(GENERATED / "dify_chatflow")
    assert third_party <= {"httpx", "httpx_sse", "pydantic", "typing_extensions"}, third_party
    assert "pydantic" in third_party and "httpx" in third_party


def test_shipped_tests_import_only_the_package_and_test_tools() -> None:
    third_party = _third_party_imports(GENERATED / "tests")
    allowed = {"dify_chatflow", "pytest", "anyio", "httpx", "httpx_sse", "pydantic", "typing_extensions"}
    assert third_party <= allowed, third_party - allowed
    assert {"dify_chatflow", "pytest"} <= third_party
