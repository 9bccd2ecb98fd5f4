"""The intermediate representation: what the client package is, with no I/O.

The builder turns a loaded spec into an `Api`; the emitter renders it. Every
node is a frozen dataclass and every collection a tuple, so an `Api` can be
compared, hashed and shared without defensive copies.
"""

from generator.ir.types import (
    AnyType,
    ListType,
    LiteralType,
    MapType,
    NamedType,
    NullableType,
    PrimitiveType,
    TupleType,
    TypeRef,
    UnionType,
)
from generator.ir.schemas import (
    Discriminator,
    EnumDef,
    Field,
    ModelDef,
    AliasDef,
    SchemaDef,
    UnionDef,
    ValueHints,
)
from generator.ir.operations import (
    Api,
    Operation,
    PageInfo,
    Parameter,
    PartEncoding,
    RequestBody,
    Resource,
    Response,
    CredentialArgument,
    Requirement,
    SecurityScheme,
    Server,
    SpanInfo,
    SpanLogInfo,
    StopInfo,
    StreamInfo,
)

__all__ = [
    "AliasDef",
    "AnyType",
    "Api",
    "Discriminator",
    "EnumDef",
    "Field",
    "ListType",
    "LiteralType",
    "MapType",
    "ModelDef",
    "NamedType",
    "NullableType",
    "Operation",
    "PageInfo",
    "Parameter",
    "PartEncoding",
    "PrimitiveType",
    "RequestBody",
    "Resource",
    "Response",
    "SchemaDef",
    "CredentialArgument",
    "Requirement",
    "SecurityScheme",
    "Server",
    "SpanInfo",
    "SpanLogInfo",
    "StopInfo",
    "StreamInfo",
    "TupleType",
    "TypeRef",
    "UnionDef",
    "UnionType",
    "ValueHints",
]
