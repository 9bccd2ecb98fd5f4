"""Model building, checked by generating tiny specs and using the models they give."""

from __future__ import annotations

import typing
from pathlib import Path

import pydantic
import pytest
from pydantic import TypeAdapter

from tests.generator.conftest import GenerateFn, minimal_spec

SPECS = Path(__file__).parent / "specs"


def test_ref_to_another_file(generate_models: GenerateFn) -> None:
    models = generate_models(SPECS / "external" / "root.yaml")
    owner = models.Owner.model_validate({"name": "ann", "pet": {"name": "rex", "tag": {"label": "good"}}})
    assert isinstance(owner.pet, models.Pet)
    assert isinstance(owner.pet.tag, models.Tag)
    assert owner.pet.tag.label == "good"


def test_cyclic_schema(generate_models: GenerateFn) -> None:
    models = generate_models(
        minimal_spec(
            {
                "Node": {
                    "type": "object",
                    "properties": {
                        "value": {"type": "integer"},
                        "children": {"type": "array", "items": {"$ref": "#/components/schemas/Node"}},
                        "parent": {"$ref": "#/components/schemas/Node"},
                    },
                }
            }
        )
    )
    tree = models.Node.model_validate({"value": 1, "children": [{"value": 2, "children": [{"value": 3}]}]})
    assert tree.children[0].children[0].value == 3
    assert isinstance(tree.children[0], models.Node)


def test_all_of_merges_properties_and_required(generate_models: GenerateFn) -> None:
    models = generate_models(
        minimal_spec(
            {
                "Base": {"type": "object", "required": ["id"], "properties": {"id": {"type": "string"}}},
                "Timestamps": {"type": "object", "properties": {"created_at": {"type": "integer"}}},
                "Item": {
                    "allOf": [
                        {"$ref": "#/components/schemas/Base"},
                        {"$ref": "#/components/schemas/Timestamps"},
                        {"type": "object", "required": ["name"], "properties": {"name": {"type": "string"}}},
                    ]
                },
            }
        )
    )
    item = models.Item.model_validate({"id": "1", "created_at": 5, "name": "x"})
    assert (item.id, item.created_at, item.name) == ("1", 5, "x")
    assert set(models.Item.model_fields) == {"id", "created_at", "name"}
    with pytest.raises(pydantic.ValidationError):
        models.Item.model_validate({"created_at": 5, "name": "x"})  # `id` is required via Base
    assert models.Item.__mro__[1].__name__ == "OpenModel"  # flattened, no inheritance chain


def test_one_of_without_discriminator_picks_by_unique_key(generate_models: GenerateFn) -> None:
    wrapper = {
        "A": {"type": "object", "properties": {"text-input": {"type": "object", "properties": {"label": {"type": "string"}}}}},
        "B": {"type": "object", "properties": {"select": {"type": "object", "properties": {"options": {"type": "array", "items": {"type": "string"}}}}}},
        "Item": {"oneOf": [{"$ref": "#/components/schemas/A"}, {"$ref": "#/components/schemas/B"}]},
        "Scalar": {"oneOf": [{"type": "string"}, {"type": "integer"}]},
    }
    models = generate_models(minimal_spec(wrapper))
    adapter = TypeAdapter(typing.List[models.Item])
    items = adapter.validate_python([{"select": {"options": ["x"]}}, {"text-input": {"label": "l"}}, {"number": {}}])
    assert [type(i).__name__ for i in items] == ["B", "A", "ItemUnknown"]
    assert items[0].select.options == ["x"]
    assert items[2].model_extra == {"number": {}}
    scalars = TypeAdapter(typing.List[models.Scalar]).validate_python(["a", 3])
    assert scalars == ["a", 3]


def _pets(discriminator: dict[str, object]) -> dict[str, object]:
    return {
        "Cat": {"type": "object", "required": ["pet_type"], "properties": {"pet_type": {"type": "string"}, "meows": {"type": "boolean"}}},
        "Dog": {"type": "object", "required": ["pet_type"], "properties": {"pet_type": {"type": "string"}, "barks": {"type": "boolean"}}},
        "Pet": {
            "oneOf": [{"$ref": "#/components/schemas/Cat"}, {"$ref": "#/components/schemas/Dog"}],
            "discriminator": discriminator,
        },
    }


def test_discriminator_with_explicit_mapping(generate_models: GenerateFn) -> None:
    models = generate_models(
        minimal_spec(_pets({"propertyName": "pet_type", "mapping": {"cat": "#/components/schemas/Cat", "dog": "Dog"}}))
    )
    adapter = TypeAdapter(models.Pet)
    assert isinstance(adapter.validate_python({"pet_type": "dog", "barks": True}), models.Dog)
    assert isinstance(adapter.validate_python({"pet_type": "cat"}), models.Cat)
    unknown = adapter.validate_python({"pet_type": "parrot", "talks": True})
    assert isinstance(unknown, models.PetUnknown)
    assert unknown.pet_type == "parrot" and unknown.talks is True
    assert typing.get_args(models.Dog.model_fields["pet_type"].annotation) == ("dog",)
    with pytest.raises(pydantic.ValidationError):
        models.Dog.model_validate({"pet_type": "cat"})  # the tag is a closed Literal on the variant


def test_discriminator_with_implicit_mapping(generate_models: GenerateFn) -> None:
    models = generate_models(minimal_spec(_pets({"propertyName": "pet_type"})))
    adapter = TypeAdapter(models.Pet)
    assert isinstance(adapter.validate_python({"pet_type": "Dog"}), models.Dog)
    assert isinstance(adapter.validate_python({"pet_type": "Cat"}), models.Cat)
    assert isinstance(adapter.validate_python({"pet_type": "dog"}), models.PetUnknown)


def test_parent_with_mapping_referenced_by_children(generate_models: GenerateFn) -> None:
    """Dify's pattern: the base holds the mapping, each child is allOf [base, common, own]."""
    base = "#/components/schemas/Event"
    models = generate_models(
        minimal_spec(
            {
                "Event": {
                    "type": "object",
                    "properties": {"event": {"type": "string", "enum": ["message", "end", "ping"]}},
                    "discriminator": {
                        "propertyName": "event",
                        "mapping": {"message": "#/components/schemas/Message", "end": "#/components/schemas/End",
                                    "ping": "#/components/schemas/Ping"},
                    },
                },
                "Common": {"type": "object", "properties": {"task_id": {"type": "string"}}},
                "Message": {"allOf": [{"$ref": base}, {"$ref": "#/components/schemas/Common"},
                                      {"type": "object", "properties": {"answer": {"type": "string"}}}]},
                "End": {"allOf": [{"$ref": base}, {"$ref": "#/components/schemas/Common"},
                                  {"type": "object", "properties": {"metadata": {"type": "object"}}}]},
                "Ping": {"allOf": [{"$ref": base}]},
            }
        )
    )
    adapter = TypeAdapter(models.Event)
    message = adapter.validate_python({"event": "message", "task_id": "t", "answer": "hi"})
    assert isinstance(message, models.Message)
    assert (message.event, message.task_id, message.answer) == ("message", "t", "hi")
    assert isinstance(adapter.validate_python({"event": "end", "metadata": {}}), models.End)
    assert isinstance(adapter.validate_python({"event": "ping"}), models.Ping)
    assert isinstance(adapter.validate_python({"event": "brand_new", "x": 1}), models.EventUnknown)
    assert typing.get_args(models.Message.model_fields["event"].annotation) == ("message",)
    assert set(models.Message.model_fields) == {"event", "task_id", "answer"}


@pytest.mark.parametrize(
    ("version", "nullable_schema"),
    [
        ("3.0.3", {"type": "string", "nullable": True}),
        ("3.1.0", {"type": ["string", "null"]}),
        ("3.1.0", {"oneOf": [{"type": "string"}, {"type": "null"}]}),
    ],
)
def test_nullable(generate_models: GenerateFn, version: str, nullable_schema: dict[str, object]) -> None:
    models = generate_models(
        minimal_spec(
            {"Thing": {"type": "object", "required": ["name", "plain"],
                       "properties": {"name": nullable_schema, "plain": {"type": "string"}}}},
            version=version,
        )
    )
    assert models.Thing.model_validate({"name": None, "plain": "p"}).name is None
    assert models.Thing.model_validate({"name": "x", "plain": "p"}).name == "x"
    with pytest.raises(pydantic.ValidationError):
        models.Thing.model_validate({"name": "x", "plain": None})
    with pytest.raises(pydantic.ValidationError):
        models.Thing.model_validate({"plain": "p"})  # nullable is not optional


def test_enum_values_that_are_not_identifiers(generate_models: GenerateFn) -> None:
    values = ["-updated_at", "a b", "class", "1st", "ünï", "quote\"'", "back\\slash"]
    models = generate_models(
        minimal_spec(
            {
                "Sort": {"type": "string", "enum": values},
                "Search": {"type": "object", "properties": {"sort": {"$ref": "#/components/schemas/Sort"}}},
            }
        )
    )
    assert typing.get_args(models.Sort) == tuple(values)
    for value in values:
        assert models.Search.model_validate({"sort": value}).sort == value
    # Forward compatibility: a value this client has not seen is kept, not rejected.
    assert models.Search.model_validate({"sort": "newer_value"}).sort == "newer_value"


def test_property_names_that_are_keywords_or_start_with_digits(generate_models: GenerateFn) -> None:
    props = {name: {"type": "string"} for name in ["class", "from", "2fa", "text-input", "model_id", "json", "self"]}
    models = generate_models(minimal_spec({"Odd": {"type": "object", "properties": props}}))
    wire = {name: f"v-{name}" for name in props}
    odd = models.Odd.model_validate(wire)
    assert odd.class_ == "v-class" and odd.from_ == "v-from" and odd.field_2fa == "v-2fa"
    assert odd.text_input == "v-text-input" and odd.model_id_ == "v-model_id" and odd.json_ == "v-json"
    assert odd.model_dump(by_alias=True, exclude_unset=True) == wire
    assert models.Odd(class_="c").model_dump(by_alias=True, exclude_unset=True) == {"class": "c"}


def test_unknown_fields_are_kept(generate_models: GenerateFn) -> None:
    models = generate_models(minimal_spec({"User": {"type": "object", "properties": {"id": {"type": "string"}}}}))
    user = models.User.model_validate({"id": "1", "added_later": {"x": 1}})
    assert user.added_later == {"x": 1}
    assert user.model_dump() == {"id": "1", "added_later": {"x": 1}}


def test_inline_schemas_get_stable_names(generate_models: GenerateFn) -> None:
    models = generate_models(
        minimal_spec(
            {
                "Order": {
                    "type": "object",
                    "properties": {
                        "lines": {"type": "array", "items": {"type": "object", "properties": {"sku": {"type": "string"}}}},
                        "customer": {"type": "object", "properties": {"name": {"type": "string"}}},
                    },
                }
            }
        )
    )
    order = models.Order.model_validate({"lines": [{"sku": "a"}], "customer": {"name": "n"}})
    assert type(order.lines[0]).__name__ == "OrderLinesItem"
    assert type(order.customer).__name__ == "OrderCustomer"



def test_pointer_through_another_ref_is_followed() -> None:
    """Bundling can leave `.../schema/allOf/0` where `schema` is itself a $ref (PagerDuty)."""
    from generator.builder import pointers

    document = {
        "components": {"schemas": {"Real": {"allOf": [{"type": "integer"}]}, "Alias": {"$ref": "#/components/schemas/Real"}}}
    }
    assert pointers.resolve(document, "#/components/schemas/Alias/allOf/0", "") == {"type": "integer"}


def test_build_and_load_share_one_pointer_escape_and_join() -> None:
    from generator.builder import pointers
    from generator.load import pointer

    assert pointers.escape is pointer.escape and pointers.join is pointer.join
    assert pointer.join("/paths", "/pets/{id}", "get", 0) == "/paths/~1pets~1{id}/get/0"
    assert pointer.join("", "a~b") == "/a~0b"
    document = {"paths": {"/a~b": {"get": {"x": [1, 2]}}}}
    assert pointers.resolve(document, "#" + pointer.join("/paths", "/a~b", "get", "x", 1), "") == 2


def test_defaults_the_schema_rejects_are_dropped_with_a_warning(generate_models: GenerateFn) -> None:
    models = generate_models(
        minimal_spec(
            {
                "Inner": {"type": "object", "properties": {"x": {"type": "integer"}}},
                "Thing": {
                    "type": "object",
                    "properties": {
                        "count": {"type": "integer", "default": "many"},
                        "inner": {"$ref": "#/components/schemas/Inner", "default": {}},
                        "size": {"type": "integer", "default": 3},
                    },
                },
            }
        )
    )
    thing = models.Thing()
    assert (thing.count, thing.inner, thing.size) == (None, None, 3)
    warnings = generate_models.last_result.warnings  # type: ignore[attr-defined]
    assert any("properties/count: warning: default 'many'" in w for w in warnings), warnings
    assert any("properties/inner: warning: default {}" in w for w in warnings), warnings


def test_collisions_and_duplicates_are_warned_and_resolved(generate_models: GenerateFn) -> None:
    models = generate_models(
        minimal_spec(
            {
                "pet": {"type": "object", "properties": {"a": {"type": "string"}}},
                "Pet": {
                    "type": "object",
                    "properties": {"fooBar": {"type": "string"}, "foo_bar": {"type": "integer"},
                                   "kind": {"type": "string", "enum": ["a", "b", "a"]}},
                },
            }
        )
    )
    pet = models.Pet.model_validate({"fooBar": "s", "foo_bar": 1, "kind": "a"})
    assert models.Pet2.model_validate({"a": "x"}).a == "x"  # schema `pet`, second to claim the name
    assert (pet.foo_bar, pet.foo_bar2, pet.kind) == ("s", 1, "a")
    assert typing.get_args(models.Pet.model_fields["kind"].annotation)[0] == typing.Literal["a", "b"]
    warnings = "\n".join(generate_models.last_result.warnings)  # type: ignore[attr-defined]
    assert "#/components/schemas/pet: warning: schema 'pet' is also class 'Pet'" in warnings
    assert "properties/foo_bar: warning: property 'foo_bar' is also 'foo_bar' in Python; this one is 'foo_bar2'" in warnings
    assert "properties/kind: warning: duplicate enum value(s) 'a'; kept once" in warnings


def test_variant_selected_by_several_tags_requires_its_tag(generate_models: GenerateFn) -> None:
    models = generate_models(
        minimal_spec(_pets({"propertyName": "pet_type", "mapping": {"cat": "Cat", "kitten": "Cat", "dog": "Dog"}}))
    )
    adapter = TypeAdapter(models.Pet)
    assert isinstance(adapter.validate_python({"pet_type": "kitten"}), models.Cat)
    assert typing.get_args(models.Cat.model_fields["pet_type"].annotation) == ("cat", "kitten")
    assert models.Cat.model_fields["pet_type"].is_required()  # no single default to fall back on
    assert models.Dog().pet_type == "dog"


def test_a_tag_the_variant_cannot_take_leaves_the_union_matched_by_shape(generate_models: GenerateFn) -> None:
    # Linode's tagged objects: the implicit tag `Dog` names a variant whose `pet_type` is an
    # enum without it, so a discriminated union would refuse every real Dog.
    schemas = _pets({"propertyName": "pet_type"})
    schemas["Dog"]["properties"]["pet_type"] = {"type": "string", "enum": ["hound", "terrier"]}  # type: ignore[index]
    schemas["Dog"]["required"] = ["pet_type", "barks"]  # type: ignore[index]
    models = generate_models(minimal_spec(schemas))
    adapter = TypeAdapter(models.Pet)
    dog = adapter.validate_python({"pet_type": "hound", "barks": True})
    assert isinstance(dog, models.Dog) and dog.pet_type == "hound"
    assert isinstance(adapter.validate_python({"pet_type": "Cat", "meows": True}), models.Cat)
    assert models.Cat.model_validate({"pet_type": "anything"}).pet_type == "anything"  # not narrowed either
    warnings = "\n".join(generate_models.last_result.warnings)  # type: ignore[attr-defined]
    assert ("#/components/schemas/Pet/discriminator: warning: discriminator 'pet_type' is ignored: its tag 'Dog' "
            "for #/components/schemas/Dog is not among the values its 'pet_type' allows ('hound', 'terrier')") in warnings


def test_a_required_name_the_properties_do_not_declare_is_warned(generate_models: GenerateFn) -> None:
    generate_models(minimal_spec({"Invite": {"type": "object", "required": ["id", "login"],
                                             "properties": {"login": {"type": "string"}}}}))
    warnings = "\n".join(generate_models.last_result.warnings)  # type: ignore[attr-defined]
    assert ("#/components/schemas/Invite: warning: `required` names 'id', which `properties` does not declare: "
            "the model has no field for it (declare it under properties)") in warnings
    assert "'login'" not in warnings


def test_an_all_of_whose_other_parts_only_annotate_is_the_one_schema(generate_models: GenerateFn) -> None:
    # Box's sequence_id: `allOf: [{type: string, nullable: true}, {nullable: false}]` is a string
    models = generate_models(minimal_spec({
        "Tag": {"type": "object", "properties": {"name": {"type": "string"}}},
        "File": {"type": "object", "required": ["sequence_id"], "properties": {
            "sequence_id": {"allOf": [{"type": "string", "nullable": True, "example": "3"}, {"nullable": False}]},
            "tag": {"allOf": [{"$ref": "#/components/schemas/Tag"}, {"description": "the file's tag"}]},
            "maybe": {"allOf": [{"$ref": "#/components/schemas/Tag"}, {"nullable": True}]},
            # Box's metadata: values of any kind, said only by annotations
            "metadata": {"type": "object", "additionalProperties": {"allOf": [{}, {"example": "Aaron"}]}},
        }},
    }))
    file = models.File.model_validate({"sequence_id": "3", "tag": {"name": "a"}, "maybe": None,
                                       "metadata": {"name": "Aaron", "tags": ["a"]}})
    assert file.metadata == {"name": "Aaron", "tags": ["a"]}
    assert file.sequence_id == "3" and isinstance(file.tag, models.Tag) and file.maybe is None
    with pytest.raises(pydantic.ValidationError):
        models.File.model_validate({"sequence_id": None})


def test_an_integer_enum_that_quotes_its_numbers_is_read_as_integers(generate_models: GenerateFn) -> None:
    # whatsapp's shards: `type: integer, enum: ['1', '2', '4']`
    models = generate_models(minimal_spec({"Shards": {"type": "object", "required": ["shards"], "properties": {
        "shards": {"type": "integer", "enum": ["1", "2", "4"]}, "kind": {"type": "string", "enum": ["1", "x"]}}}}))
    assert typing.get_args(models.Shards.model_fields["shards"].annotation) == (1, 2, 4)
    assert typing.get_args(models.Shards.model_fields["kind"].annotation)[0] == typing.Literal["1", "x"]
    warnings = "\n".join(generate_models.last_result.warnings)  # type: ignore[attr-defined]
    assert "properties/shards: warning: enum values are strings in an integer schema" in warnings


def test_a_lone_all_of_ref_with_its_own_required_is_a_model_requiring_them(generate_models: GenerateFn) -> None:
    # datamodel-code-generator's dcg-discriminator.yaml: `allOf: [$ref]` is the conjunction of
    # the part and its siblings, so a sibling `required` must not be lost to an alias.
    base = {"$ref": "#/components/schemas/ObjectBase"}
    models = generate_models(minimal_spec({
        "ObjectBase": {"type": "object", "properties": {"name": {"type": "string"}, "kind": {"type": "string"}}},
        "CreateObjectRequest": {"type": "object", "allOf": [base], "required": ["name", "kind"]},
        "UpdateObjectRequest": {"type": "object", "description": "Only annotated.", "allOf": [base]},
        "Loose": {"allOf": [base], "additionalProperties": True},  # plaid's GetRecipientResponse
        "Holder": {"type": "object", "properties": {"inline": {"allOf": [base], "required": ["name"]}}},
    }))
    with pytest.raises(pydantic.ValidationError):
        models.CreateObjectRequest.model_validate({"name": "a"})
    made = models.CreateObjectRequest.model_validate({"name": "a", "kind": "b"})
    assert (made.name, made.kind) == ("a", "b")
    assert models.ObjectBase.model_validate({}).name is None  # the base itself still requires nothing
    assert models.UpdateObjectRequest is models.ObjectBase  # annotations only: still another name
    assert models.Loose is models.ObjectBase  # every model keeps unknown keys already
    with pytest.raises(pydantic.ValidationError):
        models.Holder.model_validate({"inline": {"kind": "b"}})
    assert models.Holder.model_validate({"inline": {"name": "a"}}).inline.name == "a"


def _items_by_mapping(**extra: object) -> dict[str, object]:
    # dcg-discriminator_allof_no_subtypes.yaml: the mapping names models that never declare `itemType`
    return {
        "BaseItem": {"type": "object", "required": ["itemType"], "properties": {"itemType": {"type": "string"}},
                     "discriminator": {"propertyName": "itemType",
                                       "mapping": {"foo": "#/components/schemas/FooItem", "bar": "BarItem"}}},
        "FooItem": {"type": "object", "properties": {"fooValue": {"type": "string"}}},
        "BarItem": {"type": "object", "properties": {"barValue": {"type": "integer"}}},
        **extra,
    }


def test_a_variant_that_does_not_declare_the_tag_still_carries_it(generate_models: GenerateFn) -> None:
    models = generate_models(minimal_spec(_items_by_mapping()))
    built = models.FooItem(fooValue="x")
    assert built.model_dump(by_alias=True, exclude_none=True) == {"itemType": "foo", "fooValue": "x"}
    assert typing.get_args(models.BarItem.model_fields["item_type"].annotation) == ("bar",)
    adapter = TypeAdapter(models.BaseItem)
    assert isinstance(adapter.validate_python({"itemType": "bar", "barValue": 1}), models.BarItem)
    assert isinstance(adapter.validate_python({"itemType": "foo"}), models.FooItem)
    with pytest.raises(pydantic.ValidationError):
        models.BarItem.model_validate({"itemType": "foo"})


def test_a_variant_of_two_unions_without_their_tags_carries_both(generate_models: GenerateFn) -> None:
    # FooItem is picked by `itemType` in BaseItem and by `kind` in Other, and declares neither;
    # a standalone FooItem (Holder.plain) still parses without them.
    models = generate_models(minimal_spec(_items_by_mapping(
        Other={"oneOf": [{"$ref": "#/components/schemas/FooItem"}, {"$ref": "#/components/schemas/Plain"}],
               "discriminator": {"propertyName": "kind"}},
        Plain={"type": "object", "required": ["kind"], "properties": {"kind": {"type": "string"}}},
        Holder={"type": "object", "properties": {"plain": {"$ref": "#/components/schemas/FooItem"}}},
    )))
    built = models.FooItem(fooValue="x")
    assert built.model_dump(by_alias=True, exclude_none=True) == {"itemType": "foo", "kind": "FooItem", "fooValue": "x"}
    assert isinstance(TypeAdapter(models.Other).validate_python({"kind": "FooItem"}), models.FooItem)
    assert isinstance(TypeAdapter(models.BaseItem).validate_python({"itemType": "foo"}), models.FooItem)
    assert models.Holder.model_validate({"plain": {"fooValue": "y"}}).plain.foo_value == "y"
