# compiled from templates/package/__init__.py.j2; do not edit
from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'package/__init__.py.j2'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_version = resolve('version')
    try:
        t_1 = environment.filters['pystr']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'pystr' found.")
    pass
    yield from context.blocks['header'][0](context)
    yield from context.blocks['module_docstring'][0](context)
    yield '\n'
    yield from context.blocks['imports'][0](context)
    yield '\n__version__ = '
    yield str(t_1((undefined(name='version') if l_0_version is missing else l_0_version)))
    yield '\n\n'
    yield from context.blocks['all'][0](context)
    yield from context.blocks['footer'][0](context)

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
    l_0_with_sync = resolve('with_sync')
    l_0_client_name = resolve('client_name')
    l_0_title_literal = resolve('title_literal')
    l_0_package_name = resolve('package_name')
    l_0_api_key_env = resolve('api_key_env')
    l_0_example_client = missing
    pass
    l_0_example_client = ((undefined(name='client_name') if l_0_client_name is missing else l_0_client_name) if (undefined(name='with_sync') if l_0_with_sync is missing else l_0_with_sync) else str_join(('Async', (undefined(name='client_name') if l_0_client_name is missing else l_0_client_name), )))
    _block_vars['example_client'] = l_0_example_client
    yield '"""Python client for the '
    yield str((undefined(name='title_literal') if l_0_title_literal is missing else l_0_title_literal))
    yield '.\n\n    from '
    yield str((undefined(name='package_name') if l_0_package_name is missing else l_0_package_name))
    yield ' import '
    yield str((undefined(name='example_client') if l_0_example_client is missing else l_0_example_client))
    yield '\n\n    client = '
    yield str((undefined(name='example_client') if l_0_example_client is missing else l_0_example_client))
    yield '()  # reads '
    yield str((undefined(name='api_key_env') if l_0_api_key_env is missing else l_0_api_key_env))
    yield '\n\nModels live in `'
    yield str((undefined(name='package_name') if l_0_package_name is missing else l_0_package_name))
    yield '.models`; they are imported on first use.\n"""\n'

def block_imports(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    l_0_import_from = resolve('import_from')
    l_0_with_async = resolve('with_async')
    l_0_client_name = resolve('client_name')
    l_0_with_sync = resolve('with_sync')
    l_0_exceptions = resolve('exceptions')
    l_0_api = resolve('api')
    try:
        t_2 = environment.tests['none']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No test named 'none' found.")
    pass
    yield str(context.call((undefined(name='import_from') if l_0_import_from is missing else l_0_import_from), '._client', ((['API_KEY_ENV', 'BASE_URL_ENV', 'DEFAULT_BASE_URL'] + ([str_join(('Async', (undefined(name='client_name') if l_0_client_name is missing else l_0_client_name), ))] if (undefined(name='with_async') if l_0_with_async is missing else l_0_with_async) else [])) + ([(undefined(name='client_name') if l_0_client_name is missing else l_0_client_name)] if (undefined(name='with_sync') if l_0_with_sync is missing else l_0_with_sync) else [])), _block_vars=_block_vars))
    yield '\nfrom ._exceptions import (\n'
    for l_1_name in (undefined(name='exceptions') if l_0_exceptions is missing else l_0_exceptions):
        _loop_vars = {}
        pass
        yield '    '
        yield str(l_1_name)
        yield ',\n'
    l_1_name = missing
    yield ')\n'
    yield str(context.call((undefined(name='import_from') if l_0_import_from is missing else l_0_import_from), '._pagination', ((['AsyncPage', 'AsyncPaginator'] if (undefined(name='with_async') if l_0_with_async is missing else l_0_with_async) else []) + (['SyncPage'] if (undefined(name='with_sync') if l_0_with_sync is missing else l_0_with_sync) else [])), _block_vars=_block_vars))
    yield '\n'
    yield str(context.call((undefined(name='import_from') if l_0_import_from is missing else l_0_import_from), '._response', ((['APIResponse'] if (undefined(name='with_sync') if l_0_with_sync is missing else l_0_with_sync) else []) + (['AsyncAPIResponse'] if (undefined(name='with_async') if l_0_with_async is missing else l_0_with_async) else [])), _block_vars=_block_vars))
    yield '\n'
    yield str(context.call((undefined(name='import_from') if l_0_import_from is missing else l_0_import_from), '._streaming', (((['AsyncStream'] if (undefined(name='with_async') if l_0_with_async is missing else l_0_with_async) else []) + (['Stream'] if (undefined(name='with_sync') if l_0_with_sync is missing else l_0_with_sync) else [])) + ['StreamResult']), _block_vars=_block_vars))
    yield '\nfrom ._types import NOT_GIVEN, FileInput, NotGiven\n'
    if (not t_2(environment.getattr((undefined(name='api') if l_0_api is missing else l_0_api), 'webhooks'))):
        pass
        yield 'from ._webhooks import WebhookError, WebhookPayloadError, WebhookSignatureError\n'

def block_all(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    l_0_exports = resolve('exports')
    try:
        t_1 = environment.filters['pystr']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'pystr' found.")
    pass
    yield '__all__ = [\n'
    for l_1_name in (undefined(name='exports') if l_0_exports is missing else l_0_exports):
        _loop_vars = {}
        pass
        yield '    '
        yield str(t_1(l_1_name))
        yield ',\n'
    l_1_name = missing
    yield ']\n'

def block_footer(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    pass

blocks = {'header': block_header, 'module_docstring': block_module_docstring, 'imports': block_imports, 'all': block_all, 'footer': block_footer}
debug_info = '2=18&5=19&17=21&33=23&35=25&42=26&2=28&3=37&5=40&6=54&7=57&9=59&11=63&13=67&17=70&18=90&20=92&21=96&24=100&25=102&26=104&28=106&35=110&37=126&38=130&42=135'
