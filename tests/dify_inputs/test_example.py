"""examples/dify-typed-inputs/: the flagship config plus the overlay `clientgen dify-inputs` made
from specs/dify-parameters.example.json (Params by default), checked in and held to the
standard of generated/ (byte for byte, mypy --strict); user code with a wrong input key or type
fails mypy --strict, right code passes. Its live calls are in tests/e2e/test_typed_inputs.py."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from tests.example_snapshots import assert_matches_snapshot

ROOT = Path(__file__).resolve().parent.parent.parent
EXAMPLE = ROOT / "examples" / "dify-typed-inputs"
GENERATED = EXAMPLE / "generated"
COMMAND = ["generate", "specs/dify-chatflow.json", "--config", "examples/dify-typed-inputs/clientgen.yaml"]
REGENERATE = "python -m generator " + " ".join(COMMAND) + " --output examples/dify-typed-inputs/generated"


@pytest.fixture(scope="module")
def fresh(tmp_path_factory: pytest.TempPathFactory) -> Path:
    output = tmp_path_factory.mktemp("typed") / "out"
    result = subprocess.run([sys.executable, "-m", "generator", *COMMAND, "--output", str(output)],
                            cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    return output


def test_example_matches_its_snapshot_byte_for_byte(fresh: Path) -> None:
    assert_matches_snapshot(fresh, "examples/dify-typed-inputs/generated/", REGENERATE)


def test_config_is_the_flagship_one_plus_the_overlay() -> None:
    def lines(path: Path) -> list[str]:
        return [line for line in path.read_text(encoding="utf-8").splitlines() if not line.lstrip().startswith("#")]

    flagship, example = lines(ROOT / "specs" / "dify-chatflow.clientgen.yaml"), lines(EXAMPLE / "clientgen.yaml")
    assert example[:1] == ["overlays: [trip-planner.overlay.yaml]"]
    renamed = [line.replace("dify_chatflow", "dify_trip_planner").replace("dify-chatflow", "dify-trip-planner")
               for line in flagship]
    assert example[1:] == renamed


def test_inputs_take_the_model_or_its_typed_dict(fresh: Path) -> None:
    chat = (fresh / "dify_trip_planner" / "resources" / "chat.py").read_text(encoding="utf-8")
    assert chat.count("inputs: Union[AppInputs, AppInputsParam],") == 8  # 4 signatures, sync and async
    models = (fresh / "dify_trip_planner" / "models.py").read_text(encoding="utf-8")
    assert "class AppInputsParam(TypedDict):" in models and "class ChatRequestFilesItemParam(TypedDict):" in models
    assert '    style: Literal["relaxed", "packed", "budget"]\n    """Travel style"""' in models
    assert "    photos: NotRequired[Sequence[Union[ChatRequestFilesItem, ChatRequestFilesItemParam]]]" in models
    flagship = (ROOT / "generated" / "dify_chatflow" / "resources" / "chat.py").read_text(encoding="utf-8")
    assert "inputs: Dict[str, Any]," in flagship  # without the overlay, `inputs` is an untyped object


GOOD = """\
from dify_trip_planner import DifyChatflow
from dify_trip_planner.models import AppInputs, AppInputsParam

client = DifyChatflow(api_key="k")
inputs: AppInputsParam = {"city": "Lisbon", "style": "packed", "days": 3,
                          "photos": [{"type": "image", "transfer_method": "local_file", "upload_file_id": "f"}]}
client.chat.send_message(query="q", user="u", inputs=inputs)
client.chat.send_message(query="q", user="u", inputs={"city": "Oslo", "style": "budget", "notes": "x"})
client.chat.send_message(query="q", user="u", inputs=AppInputs(city="Rome", style="relaxed"))
"""

BAD = """\
from dify_trip_planner import DifyChatflow

client = DifyChatflow(api_key="k")
client.chat.send_message(query="q", user="u", inputs={"city": "Oslo", "style": "budget", "town": "x"})
client.chat.send_message(query="q", user="u", inputs={"city": "Oslo", "style": "cheap"})
client.chat.send_message(query="q", user="u", inputs={"city": 7, "style": "budget"})
client.chat.send_message(query="q", user="u", inputs={"style": "budget"})
"""


def test_mypy_strict_checks_the_inputs_of_user_code(tmp_path: Path) -> None:
    (tmp_path / "good.py").write_text(GOOD, encoding="utf-8")
    (tmp_path / "bad.py").write_text(BAD, encoding="utf-8")
    env = {**os.environ, "MYPYPATH": str(GENERATED)}
    result = subprocess.run([sys.executable, "-m", "mypy", "--strict", "--cache-dir", str(tmp_path / ".cache"),
                             "good.py", "bad.py"], cwd=tmp_path, capture_output=True, text=True, env=env)
    errors = [line for line in result.stdout.splitlines() if ": error:" in line]
    assert not [e for e in errors if e.startswith("good.py")], result.stdout
    lines = sorted({int(e.split(":")[1]) for e in errors if e.startswith("bad.py")})
    assert lines == [4, 5, 6, 7], textwrap.indent(result.stdout, "  ")


def test_example_passes_mypy_strict() -> None:
    result = subprocess.run([sys.executable, "-m", "mypy", "--strict", "--no-incremental", "dify_trip_planner",
                             "tests"], cwd=GENERATED, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
