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
    l_0_api = resolve('api')
    l_0_basic_auth = missing
    pass
    l_0_basic_auth = (environment.getattr((undefined(name='api') if l_0_api is missing else l_0_api), 'security') and (environment.getattr(environment.getitem(environment.getattr((undefined(name='api') if l_0_api is missing else l_0_api), 'security'), 0), 'kind') == 'basic'))
    _block_vars['basic_auth'] = l_0_basic_auth
    yield 'BASE_URL = os.environ.get("TEST_API_BASE_URL", "http://127.0.0.1:4010")\n# A mock server only checks that a credential is sent; give a real one for a real server.\n'
    if (undefined(name='basic_auth') if l_0_basic_auth is missing else l_0_basic_auth):
        pass
        yield 'USERNAME = os.environ.get("TEST_API_USERNAME", "test-user")\nPASSWORD = os.environ.get("TEST_API_PASSWORD", "test-password")\n'
    else:
        pass
        yield 'API_KEY = os.environ.get("TEST_API_KEY", "test-api-key")\n'

def block_fixtures(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    l_0_api = resolve('api')
    l_0_with_sync = resolve('with_sync')
    l_0_client_name = resolve('client_name')
    l_0_with_async = resolve('with_async')
    l_0_credentials = missing
    pass
    l_0_credentials = ('username=USERNAME, password=PASSWORD' if (environment.getattr((undefined(name='api') if l_0_api is missing else l_0_api), 'security') and (environment.getattr(environment.getitem(environment.getattr((undefined(name='api') if l_0_api is missing else l_0_api), 'security'), 0), 'kind') == 'basic')) else 'api_key=API_KEY')
    _block_vars['credentials'] = l_0_credentials
    yield '\n\n@pytest.fixture\ndef anyio_backend() -> str:\n    return "asyncio"\n'
    if (undefined(name='with_sync') if l_0_with_sync is missing else l_0_with_sync):
        pass
        yield '\n\n@pytest.fixture\ndef client() -> Iterator['
        yield str((undefined(name='client_name') if l_0_client_name is missing else l_0_client_name))
        yield ']:\n    with '
        yield str((undefined(name='client_name') if l_0_client_name is missing else l_0_client_name))
        yield '(base_url=BASE_URL, '
        yield str((undefined(name='credentials') if l_0_credentials is missing else l_0_credentials))
        yield ', max_retries=0) as client:\n        yield client\n'
    if (undefined(name='with_async') if l_0_with_async is missing else l_0_with_async):
        pass
        yield '\n\n@pytest.fixture\nasync def async_client() -> AsyncIterator[Async'
        yield str((undefined(name='client_name') if l_0_client_name is missing else l_0_client_name))
        yield ']:\n    async with Async'
        yield str((undefined(name='client_name') if l_0_client_name is missing else l_0_client_name))
        yield '(base_url=BASE_URL, '
        yield str((undefined(name='credentials') if l_0_credentials is missing else l_0_credentials))
        yield ', max_retries=0) as client:\n        yield client\n'

blocks = {'header': block_header, 'module_docstring': block_module_docstring, 'imports': block_imports, 'settings': block_settings, 'fixtures': block_fixtures}
debug_info = '2=11&5=12&12=14&23=16&34=17&2=19&3=28&5=31&12=41&16=55&20=57&23=60&24=70&27=73&34=80&35=93&41=96&45=99&46=101&49=105&53=108&54=110'
