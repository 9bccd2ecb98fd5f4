"""A package's formatted modules are cached in one file (generator/emit/formatting/pack.py): a
second run reads them from it, and a pack that is damaged in any way is only a miss."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.emit import formatting
from generator.emit.formatting.pack import ModulePack
from generator.pipeline import generate

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "specs" / "dify-chatflow.json"
# Unformatted on purpose: each needs black, so a run that formats anything is caught.
SOURCES = {
    "pkg/a.py": "x  =  1\n",
    "pkg/b.py": "def f( a ):\n  return a\n",
    "pkg/c.py": "class C:\n  y=[1,2]\n",
}


@pytest.fixture()
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("CLIENTGEN_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("CLIENTGEN_NO_CACHE", raising=False)
    return tmp_path / "cache"


def _packs(cache: Path) -> list[Path]:
    return sorted(p for p in cache.glob("*/packs/*") if p.is_file())


def _no_black(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(source: str, line_length: int) -> str:
        raise AssertionError("black called although the pack holds every module")

    monkeypatch.setattr(formatting, "_black", refuse)
    monkeypatch.setattr(formatting, "is_black_clean", lambda piece, line_length: False)


def test_a_package_is_cached_as_one_file_and_the_next_run_formats_nothing(
        cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    files = generate(SPEC).files
    packs = _packs(cache)
    assert len(packs) == 1
    # Every module of the flagship is vouched for, so nothing else was written: one file in all.
    assert [p for p in cache.rglob("*") if p.is_file() and p.name != ".last-pruned"] == packs
    modules = [name for name in files if name.endswith(".py")]
    assert len(modules) > 20
    written = packs[0].stat().st_mtime_ns
    _no_black(monkeypatch)
    assert generate(SPEC).files == files
    assert packs[0].stat().st_mtime_ns >= written  # used, so pruning keeps it ...
    assert _packs(cache) == packs  # ... and not rewritten: there was nothing new in it


def test_a_changed_module_is_formatted_and_the_pack_then_holds_this_runs_modules(cache: Path) -> None:
    first = formatting.format_sources(SOURCES, pack="pkg")
    changed = {**SOURCES, "pkg/b.py": "def g( a ):\n  return a\n"}
    del changed["pkg/c.py"]
    second = formatting.format_sources(changed, pack="pkg")
    assert second["pkg/b.py"] == "def g(a):\n    return a\n"
    assert second["pkg/a.py"] == first["pkg/a.py"]
    [path] = _packs(cache)
    pack = ModulePack(path, b"100\n")
    assert set(pack.index) == {pack.key(source) for source in changed.values()}  # c.py is gone
    pack.close()


def test_packages_have_packs_of_their_own(cache: Path) -> None:
    formatting.format_sources(SOURCES, pack="one")
    formatting.format_sources(SOURCES, pack="two")
    formatting.format_sources(SOURCES, pack="two", line_length=88)
    assert len(_packs(cache)) == 3


@pytest.mark.parametrize("damage", ["truncated", "flipped", "trailer", "empty", "garbage"])
def test_a_damaged_pack_is_a_miss_and_the_output_is_still_blacks(
        cache: Path, monkeypatch: pytest.MonkeyPatch, damage: str) -> None:
    expected = formatting.format_sources(SOURCES, pack="pkg")
    [path] = _packs(cache)
    data = path.read_bytes()
    if damage == "truncated":
        data = data[: len(data) // 2]
    elif damage == "flipped":  # one byte of a module changed: its checksum fails
        data = data.replace(b"x = 1", b"x = 2")
    elif damage == "trailer":
        data = data[:-3] + b"9\n"
    elif damage == "empty":
        data = b""
    else:
        data = b"\x00\xff" * 1000 + b"\nclientgen-pack 1 x y z\n"
    path.write_bytes(data)
    for piece in [p for p in cache.rglob("*") if p.is_file() and p.parent.name != "packs"]:
        piece.unlink()  # black's pieces, cached one by one: a missed module then needs black
    calls: list[str] = []
    real = formatting._black

    def counted(source: str, line_length: int) -> str:
        calls.append(source)
        return real(source, line_length)

    monkeypatch.setattr(formatting, "_black", counted)
    assert formatting.format_sources(SOURCES, pack="pkg") == expected
    # Only the damaged module is formatted again where the rest of the pack checks out.
    assert len(calls) == 1 if damage == "flipped" else len(calls) == len(SOURCES)
    assert formatting.format_sources(SOURCES, pack="pkg") == expected  # rewritten whole
    calls.clear()
    _no_black(monkeypatch)
    assert formatting.format_sources(SOURCES, pack="pkg") == expected


def test_a_pack_that_cannot_be_written_only_costs_speed(cache: Path) -> None:
    expected = formatting.format_sources(SOURCES)  # no pack: only black's pieces are cached
    [folder] = cache.glob("black-*")
    (folder / "packs").write_text("a file where the packs folder goes")
    assert formatting.format_sources(SOURCES, pack="pkg") == expected
    assert (folder / "packs").is_file()
