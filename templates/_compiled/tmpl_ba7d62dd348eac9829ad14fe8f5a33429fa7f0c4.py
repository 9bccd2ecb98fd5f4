# compiled from templates/package/models/__init__.py.j2; do not edit
from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'package/models/__init__.py.j2'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_groups = resolve('groups')
    l_0_names = resolve('names')
    try:
        t_1 = environment.filters['pystr']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'pystr' found.")
    pass
    yield from context.blocks['header'][0](context)
    yield from context.blocks['module_docstring'][0](context)
    yield '\nfrom __future__ import annotations\n\nimport importlib as _importlib\nimport typing as _typing  # as a module: a schema may be called `Any` or `List`\n\nif _typing.TYPE_CHECKING:\n'
    for (l_1_module, l_1_names) in (undefined(name='groups') if l_0_groups is missing else l_0_groups):
        l_1_import_from = resolve('import_from')
        _loop_vars = {}
        pass
        yield '    '
        yield str(context.call((undefined(name='import_from') if l_1_import_from is missing else l_1_import_from), str_join(('.', l_1_module, )), l_1_names, indent=4, _loop_vars=_loop_vars))
        yield '\n'
    l_1_module = l_1_names = l_1_import_from = missing
    yield '\n__all__ = [\n'
    for l_1_name in (undefined(name='names') if l_0_names is missing else l_0_names):
        _loop_vars = {}
        pass
        yield '    '
        yield str(t_1(l_1_name))
        yield ',\n'
    l_1_name = missing
    yield ']\n\n# The module of each name, read when the name is first used.\n_GROUPS = {\n'
    for (l_1_module, l_1_names) in (undefined(name='groups') if l_0_groups is missing else l_0_groups):
        _loop_vars = {}
        pass
        yield '    '
        yield str(t_1(str_join(('.', l_1_module, ))))
        yield ': (\n'
        for l_2_name in l_1_names:
            _loop_vars = {}
            pass
            yield '        '
            yield str(t_1(l_2_name))
            yield ',\n'
        l_2_name = missing
        yield '    ),\n'
    l_1_module = l_1_names = missing
    yield '}\n_MODULE_OF = {name: module for module, names in _GROUPS.items() for name in names}\n\nif not _typing.TYPE_CHECKING:  # type checkers see the imports above; a misspelt name stays an error\n\n    def __getattr__(name: str) -> _typing.Any:\n        module = _MODULE_OF.get(name)\n        if module is None:\n            raise AttributeError(f"module {__name__!r} has no attribute {name!r}")\n        value = getattr(_importlib.import_module(module, __name__), name)\n        globals()[name] = value  # later look-ups find it without this function\n        return value\n\n\ndef __dir__() -> _typing.List[str]:\n    return sorted({*globals(), *__all__})\n'

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
    l_0_split_above = resolve('split_above')
    l_0_package_name = resolve('package_name')
    pass
    yield '"""Models of the '
    yield str((undefined(name='title_literal') if l_0_title_literal is missing else l_0_title_literal))
    yield ', each module imported on first use.\n\nThe spec has more than '
    yield str((undefined(name='split_above') if l_0_split_above is missing else l_0_split_above))
    yield ' schemas, so its models live in private\nmodules: one per resource (what only its operations reach), `_common` (what\nseveral resources reach) and `_other` (what no operation reaches). A name is looked up in its module\nthe first time it is used, so a call loads only the models it needs; import\nthem from here (`from '
    yield str((undefined(name='package_name') if l_0_package_name is missing else l_0_package_name))
    yield '.models import Name`), never from the\nprivate modules, whose layout follows the spec.\n"""\n'

blocks = {'header': block_header, 'module_docstring': block_module_docstring}
debug_info = '2=19&5=20&23=22&24=27&28=31&29=35&35=39&36=43&37=45&38=49&2=56&3=65&5=68&6=80&8=82&12=84'
