# compiled from templates/package/tests/conftest.py.j2; do not edit
from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'package/tests/conftest.py.j2'

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
    yield '\n'
    yield from context.blocks['settings'][0](context)
    yield from context.blocks['fixtures'][0](context)

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
    yield '"""Clients for the tests, pointed at `TEST_API_BASE_URL` (default: Prism\'s port, 4010).\n\nStart a mock server for the spec first, e.g. `prism mock openapi.yaml`.\n"""\n'

def block_imports(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    l_0_with_sync = resolve('with_sync')
    l_0_with_async = resolve('with_async')
    l_0_import_from = resolve('import_from')
    l_0_package_name = resolve('package_name')
    l_0_client_name = resolve('client_name')
    pass
    yield 'from __future__ import annotations\n\nimport os\nfrom typing import '
    yield str(('AsyncIterator, Iterator' if ((undefined(name='with_sync') if l_0_with_sync is missing else l_0_with_sync) and (undefined(name='with_async') if l_0_with_async is missing else l_0_with_async)) else ('Iterator' if (undefined(name='with_sync') if l_0_with_sync is missing else l_0_with_sync) else 'AsyncIterator')))
    yield '\n\nimport pytest\n\n'
    yield str(context.call((undefined(name='import_from') if l_0_import_from is missing else l_0_import_from), (undefined(name='package_name') if l_0_package_name is missing else l_0_package_name), (([str_join(('Async', (undefined(name='client_name') if l_0_client_name is missing else l_0_client_name), ))] if (undefined(name='with_async') if l_0_with_async is missing else l_0_with_async) else []) + ([(undefined(name='client_name') if l_0_client_name is missing else l_0_client_name)] if (undefined(name='with_sync') if l_0_with_sync is missing else l_0_with_sync) else [])), _block_vars=_block_vars))
    yield '\n'

def block_settings(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    l_0_auth = resolve('auth')
    try:
        t_1 = environment.filters['pystr']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'pystr' found.")
    try:
        t_2 = environment.filters['upper']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'upper' found.")
    pass
    yield 'BASE_URL = os.environ.get("TEST_API_BASE_URL", "http://127.0.0.1:4010")\n'
    if environment.getattr((undefined(name='auth') if l_0_auth is missing else l_0_auth), 'arguments'):
        pass
        yield '# A mock server only checks that a credential is sent; give a real one for a real server.\n'
    def t_3(fiter):
        for l_1_a in fiter:
            if environment.getattr(l_1_a, 'in_tests'):
                yield l_1_a
    for l_1_a in t_3(environment.getattr((undefined(name='auth') if l_0_auth is missing else l_0_auth), 'arguments')):
        _loop_vars = {}
        pass
        yield str(t_2(environment.getattr(l_1_a, 'argument')))
        yield ' = os.environ.get('
        yield str(t_1(environment.getattr(l_1_a, 'test_env')))
        yield ', '
        yield str(t_1(environment.getattr(l_1_a, 'test_value')))
        yield ')\n'
    l_1_a = missing

def block_fixtures(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    l_0_with_sync = resolve('with_sync')
    l_0_client_name = resolve('client_name')
    l_0_with_async = resolve('with_async')
    l_0_credentials = missing
    try:
        t_2 = environment.filters['upper']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'upper' found.")
    pass
    l_1_auth = resolve('auth')
    t_4 = []
    pass
    def t_5(fiter):
        for l_2_a in fiter:
            if environment.getattr(l_2_a, 'in_tests'):
                yield l_2_a
    for l_2_a in t_5(environment.getattr((undefined(name='auth') if l_1_auth is missing else l_1_auth), 'arguments')):
        _loop_vars = {}
        pass
        t_4.extend((
            str(environment.getattr(l_2_a, 'argument')),
            '=',
            str(t_2(environment.getattr(l_2_a, 'argument'))),
            ', ',
        ))
    l_2_a = missing
    l_0_credentials = (Markup if context.eval_ctx.autoescape else identity)(concat(t_4))
    _block_vars['credentials'] = l_0_credentials
    l_1_auth = missing
    yield '\n\n@pytest.fixture\ndef anyio_backend() -> str:\n    return "asyncio"\n'
    if (undefined(name='with_sync') if l_0_with_sync is missing else l_0_with_sync):
        pass
        yield '\n\n@pytest.fixture\ndef client() -> Iterator['
        yield str((undefined(name='client_name') if l_0_client_name is missing else l_0_client_name))
        yield ']:\n    with '
        yield str((undefined(name='client_name') if l_0_client_name is missing else l_0_client_name))
        yield '(base_url=BASE_URL, '
        yield str((undefined(name='credentials') if l_0_credentials is missing else l_0_credentials))
        yield 'max_retries=0) as client:\n        yield client\n'
    if (undefined(name='with_async') if l_0_with_async is missing else l_0_with_async):
        pass
        yield '\n\n@pytest.fixture\nasync def async_client() -> AsyncIterator[Async'
        yield str((undefined(name='client_name') if l_0_client_name is missing else l_0_client_name))
        yield ']:\n    async with Async'
        yield str((undefined(name='client_name') if l_0_client_name is missing else l_0_client_name))
        yield '(base_url=BASE_URL, '
        yield str((undefined(name='credentials') if l_0_credentials is missing else l_0_credentials))
        yield 'max_retries=0) as client:\n        yield client\n'

blocks = {'header': block_header, 'module_docstring': block_module_docstring, 'imports': block_imports, 'settings': block_settings, 'fixtures': block_fixtures}
debug_info = '2=11&5=12&12=14&23=16&32=17&2=19&3=28&5=31&12=41&16=55&20=57&23=60&25=82&28=85&29=92&32=100&33=121&39=139&43=142&44=144&47=148&51=151&52=153'
