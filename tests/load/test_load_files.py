"""Reading and validating the root document."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.load import Diagnostic, LoadedSpec, LoadError, load_spec

REPO = Path(__file__).parents[2]


def write(tmp_path: Path, text: str, name: str = "spec.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_yaml_root_3_0(specs: Path) -> None:
    spec = load_spec(specs / "basic.yaml")
    assert isinstance(spec, LoadedSpec)
    assert spec.version == "3.0"
    assert spec.source == specs / "basic.yaml"
    assert spec.warnings == ()
    # Unquoted status codes and dates stay the strings JSON would have.
    responses = spec.document["paths"]["/pets"]["get"]["responses"]
    assert list(responses) == ["200"]
    assert spec.document["components"]["schemas"]["Pet"]["properties"]["born"]["example"] == "2020-01-01"


def test_json_root_3_1(specs: Path) -> None:
    spec = load_spec(specs / "basic.json")
    assert spec.version == "3.1"
    assert spec.document["components"]["schemas"]["Pet"] == {"type": ["object", "null"]}


def test_swagger_2_is_rejected_with_a_conversion_hint(specs: Path) -> None:
    with pytest.raises(LoadError) as info:
        load_spec(specs / "swagger2.yaml")
    assert "Swagger 2.0" in info.value.message
    assert "convert" in info.value.hint


@pytest.mark.parametrize(
    ("text", "needle"),
    [
        ("info: {}\npaths: {}\n", "missing the 'openapi' field"),
        ("openapi: 3.3.0\npaths: {}\n", "unsupported OpenAPI version '3.3.0'"),
        ("openapi: 3.2.0\npaths: {}\njsonSchemaDialect: 3\n", "/jsonSchemaDialect: 'jsonSchemaDialect' must be a URI"),
        ("openapi: [3]\npaths: {}\n", "unsupported OpenAPI version"),
        ("- openapi: 3.0.0\n", "not a mapping"),
        ("", "the document is empty"),
        ("openapi: 3.0.0\npaths: []\n", "'paths' must be a mapping"),
        ("openapi: 3.0.0\npaths:\n", "'paths' must be a mapping, but it is empty"),
        ("openapi: 3.0.0\npaths: {}\ncomponents: {schemas: 1}\n", "'schemas' must be a mapping"),
        ("openapi: 3.0.0\npaths: {}\nx: !!set {a}\n", "no JSON equivalent"),
        ("openapi: 3.0.0\npaths: {}\nx: &a [*a]\n", "refers to a node that contains it"),
    ],
)
def test_invalid_roots(tmp_path: Path, text: str, needle: str) -> None:
    with pytest.raises(LoadError) as info:
        load_spec(write(tmp_path, text))
    assert needle in str(info.value)


def test_3_2_is_read_like_3_1(tmp_path: Path) -> None:
    text = ("openapi: 3.2.0\ninfo: {title: t, version: '1'}\n"
            "jsonSchemaDialect: https://spec.openapis.org/oas/3.2/dialect/2025-09-17\npaths: {}\n"
            "components: {schemas: {Pet: {type: [object, 'null']}}}\n")
    spec = load_spec(write(tmp_path, text))
    assert spec.version == "3.2"
    assert spec.warnings == ()
    other = load_spec(write(tmp_path, text.replace("https://spec.openapis.org/oas/3.2/dialect/2025-09-17",
                                                    "https://example.com/my-dialect")))
    assert [w.pointer for w in other.warnings] == ["/jsonSchemaDialect"]


def test_float_version_is_accepted_with_a_warning(tmp_path: Path) -> None:
    spec = load_spec(write(tmp_path, "openapi: 3.1\ninfo: {title: t, version: '1'}\npaths: {}\n"))
    assert spec.version == "3.1"
    assert [w.pointer for w in spec.warnings] == ["/openapi"]


def test_missing_spec_file(tmp_path: Path) -> None:
    with pytest.raises(LoadError) as info:
        load_spec(tmp_path / "nope.yaml")
    assert info.value.file == tmp_path / "nope.yaml"
    assert "not found" in info.value.message


def test_directory_is_not_a_spec(tmp_path: Path) -> None:
    with pytest.raises(LoadError, match="not a regular file"):
        load_spec(tmp_path)


def test_invalid_yaml_reports_line_and_column(specs: Path) -> None:
    with pytest.raises(LoadError) as info:
        load_spec(specs / "invalid.yaml")
    err = info.value
    assert "line 4" in err.message
    assert err.pointer == ""
    assert "\n" not in str(err) and "Traceback" not in str(err)
    assert str(err).startswith(f"{specs / 'invalid.yaml'}: not valid YAML")


def test_invalid_json_reports_line_and_column(tmp_path: Path) -> None:
    path = write(tmp_path, '{\n  "openapi": "3.0.0",\n  "paths": {,}\n}\n', "spec.json")
    with pytest.raises(LoadError, match=r"not valid JSON: .* at line 3, column 13"):
        load_spec(path)


def test_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "spec.yaml"
    path.write_bytes(b"openapi: 3.0.0\ninfo: {title: \xff}\n")
    with pytest.raises(LoadError, match="not UTF-8"):
        load_spec(path)


def test_duplicate_keys_warn_and_last_wins(tmp_path: Path) -> None:
    spec = load_spec(write(tmp_path, "openapi: 3.0.0\npaths: {}\ninfo: {title: a, version: '1'}\ninfo: {title: b, version: '2'}\n"))
    assert spec.document["info"] == {"title": "b", "version": "2"}
    assert ["duplicate key 'info' at line 4" in w.message for w in spec.warnings] == [True]
    json_spec = load_spec(write(tmp_path, '{"openapi": "3.0.0", "paths": {}, "paths": {}}', "d.json"))
    assert "duplicate key 'paths'" in json_spec.warnings[0].message


def test_yaml_aliases_are_copied_not_shared(tmp_path: Path) -> None:
    spec = load_spec(write(tmp_path, "openapi: 3.0.0\npaths: {}\nx-a: &a {k: 1}\nx-b: *a\n"))
    assert spec.document["x-a"] == spec.document["x-b"]
    assert spec.document["x-a"] is not spec.document["x-b"]


def test_yaml_alias_bomb_is_refused(tmp_path: Path) -> None:
    lines = ["openapi: 3.0.0", "paths: {}", "a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]" for i in range(1, 9)]
    with pytest.raises(LoadError, match="aliases expand"):
        load_spec(write(tmp_path, "\n".join(lines) + "\n"))


def test_error_is_one_line_with_location_and_hint(specs: Path) -> None:
    with pytest.raises(LoadError) as info:
        load_spec(specs / "dangling_local.yaml")
    err = info.value
    assert str(err) == f"{err.file}#{err.pointer}: {err.message} ({err.hint})"


def test_flagship_spec_loads_cleanly() -> None:
    spec = load_spec(REPO / "specs" / "dify-chatflow.json")
    assert spec.version == "3.0"
    assert spec.document["paths"]
    assert all(isinstance(w, Diagnostic) and w.level == "warning" for w in spec.warnings)
