# compiled from templates/package/_schemas.py.j2; do not edit
from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'package/_schemas.py.j2'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    pass
    yield from context.blocks['header'][0](context)
    yield from context.blocks['module_docstring'][0](context)
    yield '\nfrom typing import Any, Dict\n\n'
    yield from context.blocks['table'][0](context)

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
    pass
    yield '"""Where each model\'s schema is in the spec, for the drift report (`client.drift`).\n\nImported only when a client records drift. A model\'s row: `pointer` (its schema), `enums`\n(field -> the enum\'s pointer and known values), `open` (its extra keys are declared); a\nunion\'s `...Unknown` model: `union` (the union\'s pointer) and `tag` (its tag property).\n"""\n'

def block_table(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    l_0_rows = resolve('rows')
    pass
    yield 'DRIFT_SCHEMAS: Dict[str, Any] = {\n'
    for l_1_row in (undefined(name='rows') if l_0_rows is missing else l_0_rows):
        _loop_vars = {}
        pass
        yield '    '
        yield str(l_1_row)
        yield ',\n'
    l_1_row = missing
    yield '}\n'

blocks = {'header': block_header, 'module_docstring': block_module_docstring, 'table': block_table}
debug_info = '2=11&5=12&16=14&2=16&3=25&5=28&16=38&18=48&19=52'
