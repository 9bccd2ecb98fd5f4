# compiled from templates/package/models_typeddict.py.j2; do not edit
from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'package/models_typeddict.py.j2'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_header = resolve('header')
    l_0_title_literal = resolve('title_literal')
    l_0_uses_discriminators = resolve('uses_discriminators')
    l_0_datetime_names = resolve('datetime_names')
    l_0_typing_names = resolve('typing_names')
    l_0_extensions_names = resolve('extensions_names')
    l_0_helpers = resolve('helpers')
    l_0_extra_imports = resolve('extra_imports')
    l_0_group_imports = resolve('group_imports')
    l_0_import_from = resolve('import_from')
    l_0_runtime = resolve('runtime')
    l_0_names = resolve('names')
    l_0_typed_dicts = resolve('typed_dicts')
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
    yield " as TypedDicts: request bodies, responses and stream events.\n\nResponses are plain dicts checked against these types when they arrive.\nEvery TypedDict keeps keys it does not declare (a newer server's additions),\nevery enum in a response accepts unknown values, and a union routes a tag it\ndoes not know to its `...Unknown` variant, so an older client never crashes.\n"
    if (undefined(name='uses_discriminators') if l_0_uses_discriminators is missing else l_0_uses_discriminators):
        pass
        yield "\nTell a union's variants apart by their tag (or by the key only one variant\nhas). Type checkers do not narrow such a union on that alone (the `...Unknown`\nvariant takes any tag): `typing.cast` a value to its variant once you know it.\n"
    yield '"""\n\n'
    if (undefined(name='datetime_names') if l_0_datetime_names is missing else l_0_datetime_names):
        pass
        yield 'from datetime import '
        yield str(t_2(context.eval_ctx, (undefined(name='datetime_names') if l_0_datetime_names is missing else l_0_datetime_names), ', '))
        yield '\n'
    if (undefined(name='typing_names') if l_0_typing_names is missing else l_0_typing_names):
        pass
        yield 'from typing import '
        yield str(t_2(context.eval_ctx, (undefined(name='typing_names') if l_0_typing_names is missing else l_0_typing_names), ', '))
        yield '\n'
    yield '\nfrom pydantic import ConfigDict as _ConfigDict\nfrom pydantic import with_config as _with_config\n'
    if (undefined(name='uses_discriminators') if l_0_uses_discriminators is missing else l_0_uses_discriminators):
        pass
        yield 'from pydantic import Discriminator as _Discriminator\nfrom pydantic import Tag as _Tag\n'
    yield 'from typing_extensions import '
    yield str(t_2(context.eval_ctx, (undefined(name='extensions_names') if l_0_extensions_names is missing else l_0_extensions_names), ', '))
    yield '\n'
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
    yield ']\n\n# Keys a TypedDict does not declare are kept, not dropped.\n_OPEN = _ConfigDict(extra="allow")\n'
    for l_1_model in (undefined(name='typed_dicts') if l_0_typed_dicts is missing else l_0_typed_dicts):
        _loop_vars = {}
        pass
        yield '\n'
        if environment.getattr(l_1_model, 'functional'):
            pass
            yield '\n'
            yield str(environment.getattr(l_1_model, 'name'))
            yield ' = TypedDict(\n    '
            yield str(t_3(environment.getattr(l_1_model, 'name')))
            yield ',\n    {\n'
            for l_2_key in environment.getattr(l_1_model, 'keys'):
                _loop_vars = {}
                pass
                yield '        '
                yield str(environment.getattr(l_2_key, 'key_literal'))
                yield ': '
                yield str(environment.getattr(l_2_key, 'annotation'))
                yield ',\n'
            l_2_key = missing
            yield '    },\n)\n'
            if environment.getattr(l_1_model, 'doc'):
                pass
                yield '"""'
                yield str(environment.getattr(l_1_model, 'doc'))
                yield '"""\n'
            yield '_with_config(_OPEN)('
            yield str(environment.getattr(l_1_model, 'name'))
            yield ')\n'
        else:
            pass
            yield '\n@_with_config(_OPEN)\nclass '
            yield str(environment.getattr(l_1_model, 'name'))
            yield '(TypedDict):\n'
            if environment.getattr(l_1_model, 'doc'):
                pass
                yield '    """'
                yield str(t_1(environment.getattr(l_1_model, 'doc'), 4))
                yield '"""\n'
            if ((not environment.getattr(l_1_model, 'keys')) and (not environment.getattr(l_1_model, 'doc'))):
                pass
                yield '    pass\n'
            for l_2_key in environment.getattr(l_1_model, 'keys'):
                l_2_split_subscript = resolve('split_subscript')
                _loop_vars = {}
                pass
                yield '\n    '
                yield str(context.call((undefined(name='split_subscript') if l_2_split_subscript is missing else l_2_split_subscript), str_join((environment.getattr(l_2_key, 'key'), ': ', )), environment.getattr(l_2_key, 'annotation'), '', indent=4, _loop_vars=_loop_vars))
                yield '\n'
                if environment.getattr(l_2_key, 'doc'):
                    pass
                    yield '    """'
                    yield str(environment.getattr(l_2_key, 'doc'))
                    yield '"""\n'
            l_2_key = l_2_split_subscript = missing
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
debug_info = '1=43&2=45&8=47&16=51&17=54&19=56&20=59&25=62&29=66&30=68&32=71&33=73&35=75&36=78&38=81&39=84&45=88&46=92&52=96&54=100&56=103&57=105&59=107&60=111&64=117&65=120&67=123&71=128&72=130&73=133&75=135&78=138&80=143&81=145&82=148&87=152&89=157&91=160&93=162&95=166&97=168&98=171'
