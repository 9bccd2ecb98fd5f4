"""datamodel-code-generator as a differential oracle for our models (issue #17).

For each spec below, both generators make pydantic v2 models; both are imported and every
component schema is compared (tests/oracle/oracle.py): which ones are object models, their
fields by wire name, required-ness and a coarse type category. A difference fails unless it is
listed below with why we differ and who is right. An entry nothing matches fails too, so the list
cannot outlive what it excuses.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.oracle.oracle import Shape, differences, ours, theirs

CORPUS = Path(__file__).resolve().parents[2].parent / "shared" / "corpus"
# The small specs of the corpus with component schemas (a few seconds each at most): OpenAPI's and
# openapi-python-client's examples, datamodel-code-generator's own discriminator cases, Dify.
SPECS = [
    "dify/chatflow-7ccb166c-2026-07-09.json",
    "tricky/adyen-webhooks-only-ManagementNotificationService-v3.json",
    "tricky/adyen-webhooks-only-TokenizationNotification-v1.json",
    "tricky/dcg-discriminator.yaml",
    "tricky/dcg-discriminator_allof.yaml",
    "tricky/dcg-discriminator_allof_no_subtypes.yaml",
    "tricky/dcg-discriminator_duplicate_value.yaml",
    "tricky/dcg-discriminator_enum.yaml",
    "tricky/dcg-discriminator_enum_duplicate.yaml",
    "tricky/dcg-discriminator_enum_single_value_anyof.yaml",
    "tricky/dcg-discriminator_float_mapping.yaml",
    "tricky/dcg-discriminator_force_optional.yaml",
    "tricky/dcg-discriminator_in_array_oneof.yaml",
    "tricky/dcg-discriminator_in_array_underscore.yaml",
    "tricky/dcg-discriminator_integer_mapping.yaml",
    "tricky/dcg-discriminator_no_mapping.yaml",
    "tricky/dcg-discriminator_short_mapping_names.yaml",
    "tricky/dcg-discriminator_with_properties.yaml",
    "tricky/dcg-recursive_ref_discriminator.yaml",
    "tricky/dcg-usable_discriminator_invalid_dotted_models.yaml",
    "tricky/oai-v3.0-link-example.yaml",
    "tricky/oai-v3.0-petstore-expanded.yaml",
    "tricky/oai-v3.0-uspto.yaml",
    "tricky/opc-baseline_openapi_3.1.yaml",
    "tricky/opc-docstrings_on_attributes.yml",
    "tricky/opc-openapi_3.1_enums.yaml",
    "apisguru/ably.io_1.1.0.yaml",
    "apisguru/fulfillment.com_2.0.yaml",
]
# Left out: tricky/dcg-openapi_discriminated_oneof_allof_cycle.json, whose datamodel-code-generator
# module (0.89.0) names a class `B3` it never defines, so it cannot be imported.

_BASE_DISCRIMINATOR = (
    "a discriminator's base schema with subtypes: ours is the union of its subtypes, each a model; "
    "theirs is a model of the base fields as well. Ours is right: a value is always one of the subtypes"
)
_TAG_NOT_REQUIRED = (
    "a discriminator's property the schema does not list as required: theirs makes it required in "
    "every variant, ours follows the schema's `required`. Ours is right to parse what the schema allows"
)
_DECIMAL = (
    "`type: string, format: decimal`: theirs is Decimal, ours a plain str (an unknown format: warned "
    "about). Both keep the exact digits; theirs is the better type (ours could map `decimal` too)"
)
# (spec, component pointer, field or "" for the whole schema, the difference): why.
ALLOWED: dict[tuple[str, str, str, str], str] = {
    **{("dify/chatflow-7ccb166c-2026-07-09.json", "/components/schemas/Usage", field, "type: ours str, theirs float"):
       _DECIMAL for field in ("completion_price", "completion_price_unit", "completion_unit_price", "prompt_price",
                              "prompt_price_unit", "prompt_unit_price", "total_price")},
    ("dify/chatflow-7ccb166c-2026-07-09.json", "/components/schemas/ChunkChatEvent", "",
     "object model only in theirs"):
        "the base schema of the chat stream's events: ours is the union of the events (the stream's "
        "item type, tagged by `event`), theirs a model of the base fields. Ours is right",
    ("tricky/dcg-discriminator.yaml", "/components/schemas/UpdateObjectRequest", "", "object model only in theirs"):
        "`allOf: [$ref: ObjectBase]` with nothing added: ours is an alias of ObjectBase, theirs a "
        "subclass with no fields of its own. The same fields either way",
    ("tricky/dcg-discriminator.yaml", "/components/schemas/ObjectBase", "type", "required: ours False, theirs True"):
        _TAG_NOT_REQUIRED,
    ("tricky/dcg-discriminator_allof.yaml", "/components/schemas/Pet", "", "object model only in theirs"):
        _BASE_DISCRIMINATOR,
    ("tricky/dcg-discriminator_allof_no_subtypes.yaml", "/components/schemas/BaseItem", "",
     "object model only in theirs"):
        "a discriminator on a schema no other extends: ours is the union of its mapping's models, "
        "theirs a model of its own fields. Ours follows the mapping; theirs what the schema declares",
    ("tricky/dcg-discriminator_enum_single_value_anyof.yaml", "/components/schemas/CustomToolCall", "type",
     "required: ours False, theirs True"): _TAG_NOT_REQUIRED,
    ("tricky/dcg-discriminator_in_array_oneof.yaml", "/components/schemas/UpdateObjectRequest", "",
     "object model only in theirs"):
        "`allOf: [$ref: ObjectBase]` with nothing added: an alias here, an empty subclass there",
    ("tricky/dcg-discriminator_in_array_oneof.yaml", "/components/schemas/ObjectBase", "type",
     "required: ours False, theirs True"): _TAG_NOT_REQUIRED,
    ("tricky/dcg-discriminator_no_mapping.yaml", "/components/schemas/BaseItem", "", "object model only in theirs"):
        _BASE_DISCRIMINATOR,
    ("tricky/dcg-discriminator_short_mapping_names.yaml", "/components/schemas/BaseItem", "",
     "object model only in theirs"):
        "a discriminator on a schema no other extends (as in dcg-discriminator_allof_no_subtypes)",
    ("tricky/opc-baseline_openapi_3.1.yaml", "/components/schemas/Aliased", "", "object model only in theirs"):
        "`allOf: [$ref: AModel]` alone: an alias of AModel here, an empty subclass there; the same fields",
}


def _tag_defaults_itself(mine: Shape | None, what: str) -> bool:
    """`version: Literal["v1"] = "v1"` in the variant for tag v1: ours fills the tag in, so it is not
    a required argument (parsing still checks it); theirs makes every caller repeat it. Ours is
    right; recognised here rather than listed, since every tagged variant has one."""
    return mine is not None and mine.defaults_to_its_tag and what == "required: ours False, theirs True"


@pytest.fixture(scope="module")
def compared(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[list[tuple[str, str, str]], int, int]]:
    """{spec: (its differences the tag rule does not excuse, schemas compared, fields compared)}."""
    if not CORPUS.is_dir():
        pytest.skip(f"spec corpus not found at {CORPUS} (shared/ beside the repo)")
    pytest.importorskip("datamodel_code_generator", reason="the oracle is in the dev extra: pip install -e '.[dev]'")
    found = {}
    for index, spec in enumerate(SPECS):
        work = tmp_path_factory.mktemp("oracle")
        (mine, _), other = ours(CORPUS / spec, work, f"oracle_ours_{index}"), theirs(CORPUS / spec, work,
                                                                                      f"oracle_theirs_{index}")
        left = [(pointer, field, what) for pointer, field, what in differences(mine, other)
                if not _tag_defaults_itself(mine.get(pointer, {}).get(field), what)]
        both = mine.keys() & other.keys()
        found[spec] = (left, len(both), sum(len(mine[p].keys() & other[p].keys()) for p in both))
    return found


def test_our_models_agree_with_datamodel_code_generator(
    compared: dict[str, tuple[list[tuple[str, str, str]], int, int]],
) -> None:
    unexplained = [f"{spec}#{pointer} {field}: {what}" for spec, (left, _, _) in compared.items()
                   for pointer, field, what in left if (spec, pointer, field, what) not in ALLOWED]
    assert unexplained == [], "\n".join(unexplained)
    # Enough compared that an agreement means something (a run that silently compares nothing fails).
    assert sum(schemas for _, schemas, _ in compared.values()) >= 150
    assert sum(fields for _, _, fields in compared.values()) >= 500


def test_every_allowed_difference_still_occurs(compared: dict[str, tuple[list[tuple[str, str, str]], int, int]]) -> None:
    seen = {(spec, *difference) for spec, (left, _, _) in compared.items() for difference in left}
    assert sorted(set(ALLOWED) - seen) == []
