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
    l_0_root_classes = resolve('root_classes')
    l_0_uses_discriminators = resolve('uses_discriminators')
    l_0_import_from = resolve('import_from')
    l_0_helpers = resolve('helpers')
    l_0_extra_imports = resolve('extra_imports')
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
    if (undefined(name='root_classes') if l_0_root_classes is missing else l_0_root_classes):
        pass
        yield 'from pydantic import RootModel as _RootModel\n'
    if (undefined(name='uses_discriminators') if l_0_uses_discriminators is missing else l_0_uses_discriminators):
        pass
        yield 'from pydantic import Discriminator as _Discriminator\nfrom pydantic import Tag as _Tag\n'
    yield '\n'
    yield str(context.call((undefined(name='import_from') if l_0_import_from is missing else l_0_import_from), '._models', (['OpenModel'] + t_2(context.eval_ctx, (undefined(name='helpers') if l_0_helpers is missing else l_0_helpers))), _block_vars=_block_vars))
    yield '\n'
    for l_1_line in (undefined(name='extra_imports') if l_0_extra_imports is missing else l_0_extra_imports):
        _loop_vars = {}
        pass
        yield str(l_1_line)
        yield '\n'
    l_1_line = missing

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

def block_footer(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    pass

blocks = {'header': block_header, 'module_docstring': block_module_docstring, 'imports': block_imports, 'all': block_all, 'model_class': block_model_class, 'model_header': block_model_header, 'model_docstring': block_model_docstring, 'model_field': block_model_field, 'root_class': block_root_class, 'alias': block_alias, 'footer': block_footer}
debug_info = '2=14&5=15&13=17&38=19&46=22&47=25&82=28&83=31&94=34&95=37&103=39&2=42&3=51&5=54&6=64&13=67&16=95&17=98&19=100&20=103&24=106&27=109&32=113&33=115&34=118&38=122&40=138&41=142&47=147&48=157&52=158&57=159&60=162&63=165&65=167&68=170&70=173&71=176&48=180&50=190&52=193&53=208&54=211&71=214&73=225&74=227&75=230&83=233&85=250&86=252&87=255&90=258&95=261&97=272&98=274&99=277&103=280'
