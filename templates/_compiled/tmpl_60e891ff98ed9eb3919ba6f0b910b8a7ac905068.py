# compiled from templates/package/tests/test_resource.py.j2; do not edit
from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'package/tests/test_resource.py.j2'

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
    yield from context.blocks['imports'][0](context)
    yield from context.blocks['tests'][0](context)

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
    yield '"""Each method called with values from the spec; the answer must parse into its declared type."""\n'

def block_imports(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    l_0_t = resolve('t')
    l_0_import_from = resolve('import_from')
    l_0_package_name = resolve('package_name')
    l_0_with_async = resolve('with_async')
    l_0_client_name = resolve('client_name')
    l_0_with_sync = resolve('with_sync')
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
    if environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'datetime_names'):
        pass
        yield 'from datetime import '
        yield str(t_1(context.eval_ctx, environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'datetime_names'), ', '))
        yield '\n'
    if environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'typing_names'):
        pass
        yield str(context.call((undefined(name='import_from') if l_0_import_from is missing else l_0_import_from), 'typing', environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'typing_names'), _block_vars=_block_vars))
        yield '\n'
    if (environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'datetime_names') or environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'typing_names')):
        pass
        yield '\n'
    yield 'import pytest\n'
    if environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'uses_adapter'):
        pass
        yield 'from pydantic import TypeAdapter\n'
    yield '\n'
    yield str(context.call((undefined(name='import_from') if l_0_import_from is missing else l_0_import_from), (undefined(name='package_name') if l_0_package_name is missing else l_0_package_name), ((([str_join(('Async', (undefined(name='client_name') if l_0_client_name is missing else l_0_client_name), ))] if (undefined(name='with_async') if l_0_with_async is missing else l_0_with_async) else []) + ([(undefined(name='client_name') if l_0_client_name is missing else l_0_client_name)] if (undefined(name='with_sync') if l_0_with_sync is missing else l_0_with_sync) else [])) + (t_2(context.eval_ctx, environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'runtime_names')) if (undefined(name='with_sync') if l_0_with_sync is missing else l_0_with_sync) else [])), _block_vars=_block_vars))
    yield '\n'
    if environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'model_imports'):
        pass
        yield str(context.call((undefined(name='import_from') if l_0_import_from is missing else l_0_import_from), str_join(((undefined(name='package_name') if l_0_package_name is missing else l_0_package_name), '.models', )), environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'model_imports'), _block_vars=_block_vars))
        yield '\n'

def block_tests(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    l_0_t = resolve('t')
    pass
    for l_1_case in environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'cases'):
        l_1_variants = resolve('variants')
        _loop_vars = {}
        pass
        for l_2_is_async in (undefined(name='variants') if l_1_variants is missing else l_1_variants):
            l_2_client_name = resolve('client_name')
            l_2_assigned_call = resolve('assigned_call')
            l_2_lay_out_def = resolve('lay_out_def')
            l_2_call = missing
            _loop_vars = {}
            pass
            l_2_call = (str_join(('await ', environment.getattr(l_1_case, 'async_callee'), )) if l_2_is_async else environment.getattr(l_1_case, 'callee'))
            _loop_vars['call'] = l_2_call
            if l_2_is_async:
                pass
                yield '\n\n@pytest.mark.anyio\nasync def test_async_'
                yield str(environment.getattr(l_1_case, 'name'))
                yield '(async_client: Async'
                yield str((undefined(name='client_name') if l_2_client_name is missing else l_2_client_name))
                yield ') -> None:\n'
            else:
                pass
                yield '\n\ndef test_'
                yield str(environment.getattr(l_1_case, 'name'))
                yield '(client: '
                yield str((undefined(name='client_name') if l_2_client_name is missing else l_2_client_name))
                yield ') -> None:\n'
            if environment.getattr(l_1_case, 'target'):
                pass
                yield '    '
                yield str(environment.getattr(l_1_case, 'target'))
                yield ' = '
                yield str(context.call((undefined(name='assigned_call') if l_2_assigned_call is missing else l_2_assigned_call), environment.getattr(l_1_case, 'target'), (undefined(name='call') if l_2_call is missing else l_2_call), environment.getattr(l_1_case, 'arguments'), indent=4, _loop_vars=_loop_vars))
                yield '\n'
            else:
                pass
                yield '    '
                yield str(context.call((undefined(name='lay_out_def') if l_2_lay_out_def is missing else l_2_lay_out_def), str_join(((undefined(name='call') if l_2_call is missing else l_2_call), '(', )), environment.getattr(l_1_case, 'arguments'), ')', indent=4, _loop_vars=_loop_vars))
                yield '\n'
            if (environment.getattr(l_1_case, 'kind') == 'stream'):
                pass
                yield '    events = 0\n    '
                yield str(('async for' if l_2_is_async else 'for'))
                yield ' event in stream:\n        '
                yield str(environment.getattr(l_1_case, 'check'))
                yield '\n        events += 1\n    assert events > 0, "the stream carried no event"\n'
            elif environment.getattr(l_1_case, 'check'):
                pass
                yield '    '
                yield str(environment.getattr(l_1_case, 'check'))
                yield '\n'
        l_2_is_async = l_2_call = l_2_client_name = l_2_assigned_call = l_2_lay_out_def = missing
    l_1_case = l_1_variants = missing

blocks = {'header': block_header, 'module_docstring': block_module_docstring, 'imports': block_imports, 'tests': block_tests}
debug_info = '2=11&5=12&9=14&31=15&2=17&3=26&5=29&9=39&12=66&13=69&15=71&16=73&18=75&22=79&26=83&27=85&28=87&31=90&32=99&33=103&34=110&35=112&39=115&43=122&45=126&46=129&48=136&50=138&52=141&53=143&56=145&57=148'
