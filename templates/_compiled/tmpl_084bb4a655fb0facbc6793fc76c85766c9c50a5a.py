# compiled from templates/package/models_dataclasses.py.j2; do not edit
from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'package/models_dataclasses.py.j2'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_header = resolve('header')
    l_0_title_literal = resolve('title_literal')
    l_0_datetime_names = resolve('datetime_names')
    l_0_typing_names = resolve('typing_names')
    l_0_uses_discriminators = resolve('uses_discriminators')
    l_0_uses_recursion = resolve('uses_recursion')
    l_0_helpers = resolve('helpers')
    l_0_extra_imports = resolve('extra_imports')
    l_0_group_imports = resolve('group_imports')
    l_0_import_from = resolve('import_from')
    l_0_runtime = resolve('runtime')
    l_0_names = resolve('names')
    l_0_base_module = resolve('base_module')
    l_0_classes = resolve('classes')
    l_0_aliases = resolve('aliases')
    try:
        t_1 = environment.filters['docindent']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'docindent' found.")
    try:
        t_2 = environment.filters['join']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'join' found.")
    try:
        t_3 = environment.filters['pystr']
    except KeyError:
        @internalcode
        def t_3(*unused):
            raise TemplateRuntimeError("No filter named 'pystr' found.")
    pass
    yield str((undefined(name='header') if l_0_header is missing else l_0_header))
    yield '\n"""Models of the '
    yield str((undefined(name='title_literal') if l_0_title_literal is missing else l_0_title_literal))
    yield ' as dataclasses: request bodies, responses and stream events.\n\nEach model is a pydantic dataclass (checked when built) that keeps keys it\ndoes not declare (a newer server\'s additions); every enum in a response\naccepts unknown values, and a union routes a tag it does not know to its\n`...Unknown` variant, so an older client never crashes.\n\nA model is also a read-only mapping of its JSON form, by JSON key:\n`model["new_key"]` reaches a key this client does not declare. That form is\nwhat the client sends: a field left at its `None` default is not sent (to\nsend `null`, pass a dict instead of the model).\n"""\n\nfrom __future__ import annotations\n\n'
    if (undefined(name='datetime_names') if l_0_datetime_names is missing else l_0_datetime_names):
        pass
        yield 'from datetime import '
        yield str(t_2(context.eval_ctx, (undefined(name='datetime_names') if l_0_datetime_names is missing else l_0_datetime_names), ', '))
        yield '\n'
    yield 'from typing import '
    yield str(t_2(context.eval_ctx, (undefined(name='typing_names') if l_0_typing_names is missing else l_0_typing_names), ', '))
    yield '\n\nimport pydantic_core as _pydantic_core\nfrom pydantic import ConfigDict as _ConfigDict\nfrom pydantic import Field as _Field\n'
    if (undefined(name='uses_discriminators') if l_0_uses_discriminators is missing else l_0_uses_discriminators):
        pass
        yield 'from pydantic import Discriminator as _Discriminator\nfrom pydantic import Tag as _Tag\n'
    yield 'from pydantic.dataclasses import dataclass as _dataclass\n'
    if (undefined(name='uses_recursion') if l_0_uses_recursion is missing else l_0_uses_recursion):
        pass
        yield 'from typing_extensions import TypeAliasType\n'
    if (((undefined(name='helpers') if l_0_helpers is missing else l_0_helpers) or (undefined(name='extra_imports') if l_0_extra_imports is missing else l_0_extra_imports)) or (undefined(name='group_imports') if l_0_group_imports is missing else l_0_group_imports)):
        pass
        yield '\n'
        if (undefined(name='helpers') if l_0_helpers is missing else l_0_helpers):
            pass
            yield str(context.call((undefined(name='import_from') if l_0_import_from is missing else l_0_import_from), str_join(((undefined(name='runtime') if l_0_runtime is missing else l_0_runtime), '_models', )), (undefined(name='helpers') if l_0_helpers is missing else l_0_helpers)))
            yield '\n'
        for l_1_line in (undefined(name='extra_imports') if l_0_extra_imports is missing else l_0_extra_imports):
            _loop_vars = {}
            pass
            yield str(l_1_line)
            yield '\n'
        l_1_line = missing
        for (l_1_module, l_1_names) in (undefined(name='group_imports') if l_0_group_imports is missing else l_0_group_imports):
            _loop_vars = {}
            pass
            yield str(context.call((undefined(name='import_from') if l_0_import_from is missing else l_0_import_from), str_join(('.', l_1_module, )), l_1_names, _loop_vars=_loop_vars))
            yield '\n'
        l_1_module = l_1_names = missing
    yield '\n\n__all__ = [\n'
    for l_1_name in (undefined(name='names') if l_0_names is missing else l_0_names):
        _loop_vars = {}
        pass
        yield '    '
        yield str(t_3(l_1_name))
        yield ',\n'
    l_1_name = missing
    yield ']\n\n'
    if (not (undefined(name='base_module') if l_0_base_module is missing else l_0_base_module)):
        pass
        yield '# Keys a model does not declare are kept (as attributes, and in its mapping).\n_OPEN = _ConfigDict(extra="allow", populate_by_name=True)\n\n\nclass _JsonForm(Mapping[str, Any]):\n    """A model read as its JSON data, by JSON key, unknown keys included."""\n\n    def __form(self) -> Dict[str, Any]:\n        fields: Dict[str, Any] = getattr(type(self), "__pydantic_fields__", {})\n        form: Dict[str, Any] = {}\n        for name, info in fields.items():\n            value = getattr(self, name)\n            if value is None and info.default is None:\n                continue\n            form[info.serialization_alias or name] = _json(value)\n        form.update((key, _json(value)) for key, value in vars(self).items() if key not in fields)\n        return form\n\n    def __getitem__(self, key: str) -> Any:\n        return self.__form()[key]\n\n    def __iter__(self) -> Iterator[str]:\n        return iter(self.__form())\n\n    def __len__(self) -> int:\n        return len(self.__form())\n\n\ndef _json(value: Any) -> Any:\n    if isinstance(value, _JsonForm):\n        return value\n    if isinstance(value, (list, tuple)):\n        return [_json(item) for item in value]\n    if isinstance(value, dict):\n        return {key: _json(item) for key, item in value.items()}\n    return _pydantic_core.to_jsonable_python(value)\n'
    for l_1_model in (undefined(name='classes') if l_0_classes is missing else l_0_classes):
        _loop_vars = {}
        pass
        yield '\n\n@_dataclass(config=_OPEN)\nclass '
        yield str(environment.getattr(l_1_model, 'name'))
        yield '(_JsonForm):\n'
        if environment.getattr(l_1_model, 'doc'):
            pass
            yield '    """'
            yield str(t_1(environment.getattr(l_1_model, 'doc'), 4))
            yield '"""\n'
        if ((not environment.getattr(l_1_model, 'fields')) and (not environment.getattr(l_1_model, 'doc'))):
            pass
            yield '    pass\n'
        for l_2_field in environment.getattr(l_1_model, 'fields'):
            l_2_split_subscript = resolve('split_subscript')
            _loop_vars = {}
            pass
            yield '\n    '
            yield str(context.call((undefined(name='split_subscript') if l_2_split_subscript is missing else l_2_split_subscript), str_join((environment.getattr(l_2_field, 'name'), ': ', )), environment.getattr(l_2_field, 'annotation'), environment.getattr(l_2_field, 'assignment'), indent=4, _loop_vars=_loop_vars))
            yield '\n'
            if environment.getattr(l_2_field, 'doc'):
                pass
                yield '    """'
                yield str(environment.getattr(l_2_field, 'doc'))
                yield '"""\n'
        l_2_field = l_2_split_subscript = missing
    l_1_model = missing
    for l_1_alias in (undefined(name='aliases') if l_0_aliases is missing else l_0_aliases):
        l_1_split_subscript = resolve('split_subscript')
        _loop_vars = {}
        pass
        yield '\n'
        if environment.getattr(l_1_alias, 'recursive'):
            pass
            yield 'if TYPE_CHECKING:\n    '
            yield str(context.call((undefined(name='split_subscript') if l_1_split_subscript is missing else l_1_split_subscript), str_join((environment.getattr(l_1_alias, 'name'), ' = ', )), environment.getattr(l_1_alias, 'expression'), '', indent=4, _loop_vars=_loop_vars))
            yield '\nelse:  # pydantic follows a recursive alias only through TypeAliasType\n    '
            yield str(context.call((undefined(name='split_subscript') if l_1_split_subscript is missing else l_1_split_subscript), str_join((environment.getattr(l_1_alias, 'name'), ' = ', )), str_join(('TypeAliasType(', t_3(environment.getattr(l_1_alias, 'name')), ', ', environment.getattr(l_1_alias, 'expression'), ')', )), '', indent=4, _loop_vars=_loop_vars))
            yield '\n'
        else:
            pass
            yield str(context.call((undefined(name='split_subscript') if l_1_split_subscript is missing else l_1_split_subscript), str_join((environment.getattr(l_1_alias, 'name'), ' = ', )), environment.getattr(l_1_alias, 'expression'), '', indent=0, _loop_vars=_loop_vars))
            yield '\n'
        if environment.getattr(l_1_alias, 'doc'):
            pass
            yield '"""'
            yield str(environment.getattr(l_1_alias, 'doc'))
            yield '"""\n'
    l_1_alias = l_1_split_subscript = missing

blocks = {}
debug_info = '1=44&2=46&17=48&18=51&20=54&25=56&30=60&33=63&35=66&36=68&38=70&39=73&41=76&42=79&48=83&49=87&53=91&91=94&95=98&96=100&97=103&99=105&102=108&104=113&105=115&106=118&110=122&112=127&114=130&116=132&118=136&120=138&121=141'
