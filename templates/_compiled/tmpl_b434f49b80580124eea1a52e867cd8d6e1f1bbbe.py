# compiled from templates/package/resources/__init__.py.j2; do not edit
from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'package/resources/__init__.py.j2'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    pass
    yield from context.blocks['header'][0](context)
    yield from context.blocks['module_docstring'][0](context)
    yield '\n'
    yield from context.blocks['all'][0](context)

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
    l_0_resources = resolve('resources')
    pass
    yield '"""The API\'s operations, grouped as the client\'s attributes (`client.'
    yield str((environment.getattr(environment.getitem((undefined(name='resources') if l_0_resources is missing else l_0_resources), 0), 'attribute') if (undefined(name='resources') if l_0_resources is missing else l_0_resources) else '...'))
    yield '`).\n\nEach module is imported when its attribute is first used.\n"""\n'

def block_all(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    l_0_resources = resolve('resources')
    try:
        t_1 = environment.filters['pystr']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'pystr' found.")
    pass
    yield '__all__ = [\n'
    for l_1_r in (undefined(name='resources') if l_0_resources is missing else l_0_resources):
        _loop_vars = {}
        pass
        yield '    '
        yield str(t_1(environment.getattr(l_1_r, 'module')))
        yield ',\n'
    l_1_r = missing
    yield ']\n'

blocks = {'header': block_header, 'module_docstring': block_module_docstring, 'all': block_all}
debug_info = '2=11&5=12&12=14&2=16&3=25&5=28&6=38&12=41&14=57&15=61'
