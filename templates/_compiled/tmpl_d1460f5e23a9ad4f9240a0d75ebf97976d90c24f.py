# compiled from templates/package/models.py.j2; do not edit
from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'package/models.py.j2'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_classes = resolve('classes')
    l_0_root_classes = resolve('root_classes')
    l_0_aliases = resolve('aliases')
    l_0_param_dicts = resolve('param_dicts')
    pass
    yield from context.blocks['header'][0](context)
    yield from context.blocks['module_docstring'][0](context)
    yield '\n'
    yield from context.blocks['imports'][0](context)
    yield '\n'
    yield from context.blocks['all'][0](context)
    yield '\n'
    l_1_loop = missing
    for l_1_model, l_1_loop in LoopContext((undefined(name='classes') if l_0_classes is missing else l_0_classes), undefined):
        _loop_vars = {}
        pass
        yield from context.blocks['model_class'][0](context.derived({'loop': l_1_loop, 'model': l_1_model}))
    l_1_loop = l_1_model = missing
    l_1_loop = missing
    for l_1_alias, l_1_loop in LoopContext((undefined(name='root_classes') if l_0_root_classes is missing else l_0_root_classes), undefined):
        _loop_vars = {}
        pass
        yield from context.blocks['root_class'][0](context.derived({'alias': l_1_alias, 'loop': l_1_loop}))
    l_1_loop = l_1_alias = missing
    l_1_loop = missing
    for l_1_alias, l_1_loop in LoopContext((undefined(name='aliases') if l_0_aliases is missing else l_0_aliases), undefined):
        _loop_vars = {}
        pass
        yield from context.blocks['alias'][0](context.derived({'alias': l_1_alias, 'loop': l_1_loop}))
    l_1_loop = l_1_alias = missing
    l_1_loop = missing
    for l_1_params, l_1_loop in LoopContext((undefined(name='param_dicts') if l_0_param_dicts is missing else l_0_param_dicts), undefined):
        _loop_vars = {}
        pass
        yield from context.blocks['param_dict'][0](context.derived({'loop': l_1_loop, 'params': l_1_params}))
    l_1_loop = l_1_params = missing
    yield from context.blocks['footer'][0](context)
    yield '\n'

def block_header(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    l_0_header = resolve('header')
    pass
    yield str((undefined(name='header') if l_0_header is missing else l_0_header))
    yield '\n'

def block_module_docstring(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    l_0_title_literal = resolve('title_literal')
    pass
    yield '"""Models of the '
    yield str((undefined(name='title_literal') if l_0_title_literal is missing else l_0_title_literal))
    yield ': request bodies, responses and stream events.\n\nEvery model keeps unknown fields (a newer server\'s additions) and every enum\nin a response accepts unknown values, so an older client never crashes.\n"""\n'

def block_imports(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    l_0_datetime_names = resolve('datetime_names')
    l_0_typing_names = resolve('typing_names')
    l_0_extensions_names = resolve('extensions_names')
    l_0_root_classes = resolve('root_classes')
    l_0_uses_discriminators = resolve('uses_discriminators')
    l_0_import_from = resolve('import_from')
    l_0_runtime = resolve('runtime')
    l_0_helpers = resolve('helpers')
    l_0_extra_imports = resolve('extra_imports')
    l_0_group_imports = resolve('group_imports')
    try:
        t_1 = environment.filters['join']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'join' found.")
    try:
        t_2 = environment.filters['list']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'list' found.")
    pass
    yield 'from __future__ import annotations\n\n'
    if (undefined(name='datetime_names') if l_0_datetime_names is missing else l_0_datetime_names):
        pass
        yield 'from datetime import '
        yield str(t_1(context.eval_ctx, (undefined(name='datetime_names') if l_0_datetime_names is missing else l_0_datetime_names), ', '))
        yield '\n'
    if (undefined(name='typing_names') if l_0_typing_names is missing else l_0_typing_names):
        pass
        yield 'from typing import '
        yield str(t_1(context.eval_ctx, (undefined(name='typing_names') if l_0_typing_names is missing else l_0_typing_names), ', '))
        yield '\n'
    yield '\nfrom pydantic import Field as _Field\n'
    if (undefined(name='extensions_names') if l_0_extensions_names is missing else l_0_extensions_names):
        pass
        yield 'from typing_extensions import '
        yield str(t_1(context.eval_ctx, (undefined(name='extensions_names') if l_0_extensions_names is missing else l_0_extensions_names), ', '))
        yield '\n'
    if (undefined(name='root_classes') if l_0_root_classes is missing else l_0_root_classes):
        pass
        yield 'from pydantic import RootModel as _RootModel\n'
    if (undefined(name='uses_discriminators') if l_0_uses_discriminators is missing else l_0_uses_discriminators):
        pass
        yield 'from pydantic import Discriminator as _Discriminator\nfrom pydantic import Tag as _Tag\n'
    yield '\n'
    yield str(context.call((undefined(name='import_from') if l_0_import_from is missing else l_0_import_from), str_join(((undefined(name='runtime') if l_0_runtime is missing else l_0_runtime), '_models', )), (['OpenModel'] + t_2(context.eval_ctx, (undefined(name='helpers') if l_0_helpers is missing else l_0_helpers))), _block_vars=_block_vars))
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

def block_all(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    l_0_names = resolve('names')
    try:
        t_3 = environment.filters['pystr']
    except KeyError:
        @internalcode
        def t_3(*unused):
            raise TemplateRuntimeError("No filter named 'pystr' found.")
    pass
    yield '__all__ = [\n'
    for l_1_name in (undefined(name='names') if l_0_names is missing else l_0_names):
        _loop_vars = {}
        pass
        yield '    '
        yield str(t_3(l_1_name))
        yield ',\n'
    l_1_name = missing
    yield ']\n'

def block_model_class(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    l_0_model = resolve('model')
    l_0_split_subscript = resolve('split_subscript')
    pass
    yield from context.blocks['model_header'][0](context.derived({}))
    yield from context.blocks['model_docstring'][0](context.derived({}))
    if ((not environment.getattr((undefined(name='model') if l_0_model is missing else l_0_model), 'fields')) and (not environment.getattr((undefined(name='model') if l_0_model is missing else l_0_model), 'doc'))):
        pass
        yield '    pass\n'
    if environment.getattr((undefined(name='model') if l_0_model is missing else l_0_model), 'read_only'):
        pass
        yield "\n    # readOnly fields: the server's to set, left out when this model is sent.\n    "
        yield str(context.call((undefined(name='split_subscript') if l_0_split_subscript is missing else l_0_split_subscript), '__read_only__: ClassVar[FrozenSet[str]] = ', environment.getattr((undefined(name='model') if l_0_model is missing else l_0_model), 'read_only'), '', indent=4, _block_vars=_block_vars))
        yield '\n'
    if environment.getattr((undefined(name='model') if l_0_model is missing else l_0_model), 'extra'):
        pass
        yield '\n    # Keys beyond the fields (additionalProperties): kept, and validated as this type.\n    '
        yield str(context.call((undefined(name='split_subscript') if l_0_split_subscript is missing else l_0_split_subscript), '__pydantic_extra__: ', environment.getattr((undefined(name='model') if l_0_model is missing else l_0_model), 'extra'), ' = _Field(init=False)', indent=4, _block_vars=_block_vars))
        yield '\n'
    l_1_loop = missing
    for l_1_field, l_1_loop in LoopContext(environment.getattr((undefined(name='model') if l_0_model is missing else l_0_model), 'fields'), undefined):
        _loop_vars = {}
        pass
        yield from context.blocks['model_field'][0](context.derived({'field': l_1_field, 'loop': l_1_loop}))
    l_1_loop = l_1_field = missing
    for (l_1_old, l_1_new, l_1_annotation, l_1_message) in environment.getattr((undefined(name='model') if l_0_model is missing else l_0_model), 'renamed'):
        _loop_vars = {}
        pass
        yield '\n    @property\n    @deprecated('
        yield str(l_1_message)
        yield ')\n    '
        yield str(context.call((undefined(name='split_subscript') if l_0_split_subscript is missing else l_0_split_subscript), str_join(('def ', l_1_old, '(self) -> ', )), l_1_annotation, ':', indent=4, _loop_vars=_loop_vars))
        yield '\n        """The name before the spec renamed it: reads `'
        yield str(l_1_new)
        yield '`."""\n        return self.'
        yield str(l_1_new)
        yield '\n'
    l_1_old = l_1_new = l_1_annotation = l_1_message = missing
    yield '\n'

def block_model_header(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    l_0_model = resolve('model')
    pass
    yield '\nclass '
    yield str(environment.getattr((undefined(name='model') if l_0_model is missing else l_0_model), 'name'))
    yield '(OpenModel):\n'

def block_model_docstring(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    l_0_model = resolve('model')
    try:
        t_4 = environment.filters['docindent']
    except KeyError:
        @internalcode
        def t_4(*unused):
            raise TemplateRuntimeError("No filter named 'docindent' found.")
    pass
    if environment.getattr((undefined(name='model') if l_0_model is missing else l_0_model), 'doc'):
        pass
        yield '    """'
        yield str(t_4(environment.getattr((undefined(name='model') if l_0_model is missing else l_0_model), 'doc'), 4))
        yield '"""\n'

def block_model_field(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    l_0_split_subscript = resolve('split_subscript')
    l_0_field = resolve('field')
    pass
    yield '\n    '
    yield str(context.call((undefined(name='split_subscript') if l_0_split_subscript is missing else l_0_split_subscript), str_join((environment.getattr((undefined(name='field') if l_0_field is missing else l_0_field), 'name'), ': ', )), environment.getattr((undefined(name='field') if l_0_field is missing else l_0_field), 'annotation'), environment.getattr((undefined(name='field') if l_0_field is missing else l_0_field), 'assignment'), indent=4, _block_vars=_block_vars))
    yield '\n'
    if environment.getattr((undefined(name='field') if l_0_field is missing else l_0_field), 'doc'):
        pass
        yield '    """'
        yield str(environment.getattr((undefined(name='field') if l_0_field is missing else l_0_field), 'doc'))
        yield '"""\n'

def block_root_class(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    l_0_alias = resolve('alias')
    l_0_split_subscript = resolve('split_subscript')
    try:
        t_4 = environment.filters['docindent']
    except KeyError:
        @internalcode
        def t_4(*unused):
            raise TemplateRuntimeError("No filter named 'docindent' found.")
    pass
    yield '\nclass '
    yield str(environment.getattr((undefined(name='alias') if l_0_alias is missing else l_0_alias), 'name'))
    yield '(_RootModel[Any]):\n'
    if environment.getattr((undefined(name='alias') if l_0_alias is missing else l_0_alias), 'doc'):
        pass
        yield '    """'
        yield str(t_4(environment.getattr((undefined(name='alias') if l_0_alias is missing else l_0_alias), 'doc'), 4))
        yield '"""\n\n'
    yield '    '
    yield str(context.call((undefined(name='split_subscript') if l_0_split_subscript is missing else l_0_split_subscript), 'root: ', environment.getattr((undefined(name='alias') if l_0_alias is missing else l_0_alias), 'expression'), '', indent=4, _block_vars=_block_vars))
    yield '\n\n'

def block_alias(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    l_0_split_subscript = resolve('split_subscript')
    l_0_alias = resolve('alias')
    pass
    yield '\n'
    yield str(context.call((undefined(name='split_subscript') if l_0_split_subscript is missing else l_0_split_subscript), str_join((environment.getattr((undefined(name='alias') if l_0_alias is missing else l_0_alias), 'name'), ' = ', )), environment.getattr((undefined(name='alias') if l_0_alias is missing else l_0_alias), 'expression'), '', indent=0, _block_vars=_block_vars))
    yield '\n'
    if environment.getattr((undefined(name='alias') if l_0_alias is missing else l_0_alias), 'doc'):
        pass
        yield '"""'
        yield str(environment.getattr((undefined(name='alias') if l_0_alias is missing else l_0_alias), 'doc'))
        yield '"""\n'

def block_param_dict(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    l_0_params = resolve('params')
    try:
        t_4 = environment.filters['docindent']
    except KeyError:
        @internalcode
        def t_4(*unused):
            raise TemplateRuntimeError("No filter named 'docindent' found.")
    try:
        t_3 = environment.filters['pystr']
    except KeyError:
        @internalcode
        def t_3(*unused):
            raise TemplateRuntimeError("No filter named 'pystr' found.")
    pass
    yield '\n'
    if environment.getattr((undefined(name='params') if l_0_params is missing else l_0_params), 'functional'):
        pass
        yield '\n'
        yield str(environment.getattr((undefined(name='params') if l_0_params is missing else l_0_params), 'name'))
        yield ' = TypedDict(\n    '
        yield str(t_3(environment.getattr((undefined(name='params') if l_0_params is missing else l_0_params), 'name')))
        yield ',\n    {\n'
        for l_1_key in environment.getattr((undefined(name='params') if l_0_params is missing else l_0_params), 'keys'):
            _loop_vars = {}
            pass
            yield '        '
            yield str(environment.getattr(l_1_key, 'key_literal'))
            yield ': '
            yield str(environment.getattr(l_1_key, 'annotation'))
            yield ',\n'
        l_1_key = missing
        yield '    },\n)\n'
        if environment.getattr((undefined(name='params') if l_0_params is missing else l_0_params), 'doc'):
            pass
            yield '"""'
            yield str(environment.getattr((undefined(name='params') if l_0_params is missing else l_0_params), 'doc'))
            yield '"""\n'
    else:
        pass
        yield '\nclass '
        yield str(environment.getattr((undefined(name='params') if l_0_params is missing else l_0_params), 'name'))
        yield '(TypedDict):\n'
        if environment.getattr((undefined(name='params') if l_0_params is missing else l_0_params), 'doc'):
            pass
            yield '    """'
            yield str(t_4(environment.getattr((undefined(name='params') if l_0_params is missing else l_0_params), 'doc'), 4))
            yield '"""\n'
        if ((not environment.getattr((undefined(name='params') if l_0_params is missing else l_0_params), 'keys')) and (not environment.getattr((undefined(name='params') if l_0_params is missing else l_0_params), 'doc'))):
            pass
            yield '    pass\n'
        for l_1_key in environment.getattr((undefined(name='params') if l_0_params is missing else l_0_params), 'keys'):
            l_1_split_subscript = resolve('split_subscript')
            _loop_vars = {}
            pass
            yield '\n    '
            yield str(context.call((undefined(name='split_subscript') if l_1_split_subscript is missing else l_1_split_subscript), str_join((environment.getattr(l_1_key, 'key'), ': ', )), environment.getattr(l_1_key, 'annotation'), '', indent=4, _loop_vars=_loop_vars))
            yield '\n'
            if environment.getattr(l_1_key, 'doc'):
                pass
                yield '    """'
                yield str(environment.getattr(l_1_key, 'doc'))
                yield '"""\n'
        l_1_key = l_1_split_subscript = missing

def block_footer(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    pass

blocks = {'header': block_header, 'module_docstring': block_module_docstring, 'imports': block_imports, 'all': block_all, 'model_class': block_model_class, 'model_header': block_model_header, 'model_docstring': block_model_docstring, 'model_field': block_model_field, 'root_class': block_root_class, 'alias': block_alias, 'param_dict': block_param_dict, 'footer': block_footer}
debug_info = '2=15&5=16&13=18&44=20&52=23&53=26&96=29&97=32&108=35&109=38&117=41&118=44&152=46&2=49&3=58&5=61&6=71&13=74&16=105&17=108&19=110&20=113&24=116&25=119&27=121&30=124&35=128&36=130&37=133&39=136&40=139&44=143&46=159&47=163&53=168&54=178&58=179&63=180&66=183&69=186&71=188&74=191&76=194&77=197&85=199&88=203&89=205&90=207&91=209&54=214&56=224&58=227&59=242&60=245&77=248&79=259&80=261&81=264&97=267&99=284&100=286&101=289&104=292&109=295&111=306&112=308&113=311&118=314&120=336&122=339&123=341&125=343&126=347&130=353&131=356&135=361&136=363&137=366&139=368&142=371&144=376&145=378&146=381&152=385'
