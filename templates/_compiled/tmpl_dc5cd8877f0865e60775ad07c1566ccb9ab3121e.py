# compiled from templates/package/_client.py.j2; do not edit
from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'package/_client.py.j2'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_variants = resolve('variants')
    pass
    yield from context.blocks['header'][0](context)
    yield from context.blocks['module_docstring'][0](context)
    yield '\n'
    yield from context.blocks['imports'][0](context)
    yield '\n'
    yield from context.blocks['all'][0](context)
    yield '\n'
    yield from context.blocks['constants'][0](context)
    yield '\n\n'
    yield from context.blocks['auth'][0](context)
    l_1_loop = missing
    for l_1_is_async, l_1_loop in LoopContext((undefined(name='variants') if l_0_variants is missing else l_0_variants), undefined):
        l_1_prefix = l_1_base = missing
        _loop_vars = {}
        pass
        l_1_prefix = ('Async' if l_1_is_async else '')
        _loop_vars['prefix'] = l_1_prefix
        l_1_base = ('AsyncAPIClient' if l_1_is_async else 'SyncAPIClient')
        _loop_vars['base'] = l_1_base
        yield from context.blocks['client_class'][0](context.derived({'base': l_1_base, 'is_async': l_1_is_async, 'loop': l_1_loop, 'prefix': l_1_prefix}))
    l_1_loop = l_1_is_async = l_1_prefix = l_1_base = missing
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
    l_0_with_async = resolve('with_async')
    l_0_client_name = resolve('client_name')
    pass
    if ((undefined(name='with_sync') if l_0_with_sync is missing else l_0_with_sync) and (undefined(name='with_async') if l_0_with_async is missing else l_0_with_async)):
        pass
        yield '"""The '
        yield str((undefined(name='client_name') if l_0_client_name is missing else l_0_client_name))
        yield ' client and its async twin."""\n'
    else:
        pass
        yield '"""The '
        yield str(('Async' if (undefined(name='with_async') if l_0_with_async is missing else l_0_with_async) else ''))
        yield str((undefined(name='client_name') if l_0_client_name is missing else l_0_client_name))
        yield ' client."""\n'

def block_imports(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    l_0_resources = resolve('resources')
    l_0_auth = resolve('auth')
    l_0_import_from = resolve('import_from')
    l_0_with_async = resolve('with_async')
    l_0_with_sync = resolve('with_sync')
    l_0_servers = resolve('servers')
    l_0_api = resolve('api')
    try:
        t_1 = environment.filters['list']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'list' found.")
    try:
        t_2 = environment.filters['reject']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'reject' found.")
    try:
        t_3 = environment.tests['none']
    except KeyError:
        @internalcode
        def t_3(*unused):
            raise TemplateRuntimeError("No test named 'none' found.")
    pass
    yield 'from __future__ import annotations\n\nimport os\nfrom functools import cached_property\nfrom typing import '
    if (undefined(name='resources') if l_0_resources is missing else l_0_resources):
        pass
        yield 'TYPE_CHECKING, '
    yield 'Mapping, Optional, Union\n\nimport httpx\n\n'
    if environment.getattr((undefined(name='auth') if l_0_auth is missing else l_0_auth), 'arguments'):
        pass
        yield str(context.call((undefined(name='import_from') if l_0_import_from is missing else l_0_import_from), '._auth', (['Security'] + t_1(context.eval_ctx, t_2(context, environment.getattr((undefined(name='auth') if l_0_auth is missing else l_0_auth), 'factories'), 'equalto', 'client_credentials_flow'))), _block_vars=_block_vars))
        yield '\n'
    yield str(context.call((undefined(name='import_from') if l_0_import_from is missing else l_0_import_from), '._base_client', ((['AsyncAPIClient'] if (undefined(name='with_async') if l_0_with_async is missing else l_0_with_async) else []) + (['SyncAPIClient'] if (undefined(name='with_sync') if l_0_with_sync is missing else l_0_with_sync) else [])), _block_vars=_block_vars))
    yield '\n'
    if ('client_credentials_flow' in environment.getattr((undefined(name='auth') if l_0_auth is missing else l_0_auth), 'factories')):
        pass
        yield 'from ._oauth import client_credentials_flow\n'
    if (undefined(name='servers') if l_0_servers is missing else l_0_servers):
        pass
        yield str(context.call((undefined(name='import_from') if l_0_import_from is missing else l_0_import_from), '._servers', ((['Server'] + (['Variable'] if ('Variable(' in (undefined(name='servers') if l_0_servers is missing else l_0_servers)) else [])) + ['pick_base_url']), _block_vars=_block_vars))
        yield '\n'
    yield 'from ._types import NOT_GIVEN, NotGiven, Timeout\n\n'
    if (undefined(name='resources') if l_0_resources is missing else l_0_resources):
        pass
        yield 'if TYPE_CHECKING:\n'
        for l_1_r in (undefined(name='resources') if l_0_resources is missing else l_0_resources):
            _loop_vars = {}
            pass
            yield '    '
            yield str(context.call((undefined(name='import_from') if l_0_import_from is missing else l_0_import_from), str_join(('.resources.', environment.getattr(l_1_r, 'module'), )), (([str_join(('Async', environment.getattr(l_1_r, 'class_name'), ))] if (undefined(name='with_async') if l_0_with_async is missing else l_0_with_async) else []) + ([environment.getattr(l_1_r, 'class_name')] if (undefined(name='with_sync') if l_0_with_sync is missing else l_0_with_sync) else [])), indent=4, _loop_vars=_loop_vars))
            yield '\n'
        l_1_r = missing
    if (not t_3(environment.getattr((undefined(name='api') if l_0_api is missing else l_0_api), 'webhooks'))):
        pass
        if (not (undefined(name='resources') if l_0_resources is missing else l_0_resources)):
            pass
            yield 'from typing import TYPE_CHECKING\n'
        yield '\nif TYPE_CHECKING:\n    from .webhooks import Webhooks\n'

def block_all(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    l_0_split_subscript = resolve('split_subscript')
    l_0_client_names = l_0_credential_names = missing
    try:
        t_4 = environment.filters['pystr']
    except KeyError:
        @internalcode
        def t_4(*unused):
            raise TemplateRuntimeError("No filter named 'pystr' found.")
    pass
    l_1_variants = resolve('variants')
    t_5 = []
    pass
    for l_2_is_async in (undefined(name='variants') if l_1_variants is missing else l_1_variants):
        l_2_client_name = resolve('client_name')
        _loop_vars = {}
        pass
        t_5.extend((
            str(t_4(str_join((('Async' if l_2_is_async else ''), (undefined(name='client_name') if l_2_client_name is missing else l_2_client_name), )))),
            ', ',
        ))
    l_2_is_async = l_2_client_name = missing
    l_0_client_names = (Markup if context.eval_ctx.autoescape else identity)(concat(t_5))
    _block_vars['client_names'] = l_0_client_names
    l_1_variants = missing
    l_1_auth = resolve('auth')
    l_1_servers = resolve('servers')
    t_6 = []
    pass
    def t_7(fiter):
        for l_2_a in fiter:
            if (environment.getattr(l_2_a, 'constant') != 'API_KEY_ENV'):
                yield l_2_a
    for l_2_a in t_7(environment.getattr((undefined(name='auth') if l_1_auth is missing else l_1_auth), 'arguments')):
        _loop_vars = {}
        pass
        t_6.extend((
            ', ',
            str(t_4(environment.getattr(l_2_a, 'constant'))),
        ))
    l_2_a = missing
    if (undefined(name='servers') if l_1_servers is missing else l_1_servers):
        pass
        t_6.append(
            ', "SERVERS"',
        )
    l_0_credential_names = (Markup if context.eval_ctx.autoescape else identity)(concat(t_6))
    _block_vars['credential_names'] = l_0_credential_names
    l_1_auth = l_1_servers = missing
    yield str(context.call((undefined(name='split_subscript') if l_0_split_subscript is missing else l_0_split_subscript), '__all__ = ', str_join(('[', (undefined(name='client_names') if l_0_client_names is missing else l_0_client_names), '"DEFAULT_BASE_URL", "API_KEY_ENV", "BASE_URL_ENV", "LOG_ENV"', (undefined(name='credential_names') if l_0_credential_names is missing else l_0_credential_names), ']', )), '', indent=0, _block_vars=_block_vars))
    yield '\n'

def block_constants(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    l_0_base_url = resolve('base_url')
    l_0_api_key_env = resolve('api_key_env')
    l_0_base_url_env = resolve('base_url_env')
    l_0_api = resolve('api')
    l_0_auth = resolve('auth')
    l_0_servers = resolve('servers')
    l_0_user_agent = resolve('user_agent')
    try:
        t_4 = environment.filters['pystr']
    except KeyError:
        @internalcode
        def t_4(*unused):
            raise TemplateRuntimeError("No filter named 'pystr' found.")
    pass
    yield 'DEFAULT_BASE_URL = '
    yield str(t_4((undefined(name='base_url') if l_0_base_url is missing else l_0_base_url)))
    yield '\nAPI_KEY_ENV = '
    yield str(t_4((undefined(name='api_key_env') if l_0_api_key_env is missing else l_0_api_key_env)))
    yield '\nBASE_URL_ENV = '
    yield str(t_4((undefined(name='base_url_env') if l_0_base_url_env is missing else l_0_base_url_env)))
    yield '\nLOG_ENV = '
    yield str(t_4(environment.getattr((undefined(name='api') if l_0_api is missing else l_0_api), 'log_env')))
    yield '\n'
    def t_8(fiter):
        for l_1_a in fiter:
            if (environment.getattr(l_1_a, 'constant') != 'API_KEY_ENV'):
                yield l_1_a
    for l_1_a in t_8(environment.getattr((undefined(name='auth') if l_0_auth is missing else l_0_auth), 'arguments')):
        _loop_vars = {}
        pass
        yield str(environment.getattr(l_1_a, 'constant'))
        yield ' = '
        yield str(t_4(environment.getattr(l_1_a, 'env')))
        yield '\n'
    l_1_a = missing
    if (undefined(name='servers') if l_0_servers is missing else l_0_servers):
        pass
        yield 'SERVERS = '
        yield str((undefined(name='servers') if l_0_servers is missing else l_0_servers))
        yield '\n'
    yield '_USER_AGENT = '
    yield str(t_4((undefined(name='user_agent') if l_0_user_agent is missing else l_0_user_agent)))
    yield '\n'

def block_auth(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    l_0_auth = resolve('auth')
    l_0_cc = resolve('cc')
    pass
    if environment.getattr((undefined(name='auth') if l_0_auth is missing else l_0_auth), 'arguments'):
        pass
        l_0_cc = ('client_credentials_flow' in environment.getattr((undefined(name='auth') if l_0_auth is missing else l_0_auth), 'factories'))
        _block_vars['cc'] = l_0_cc
        yield 'def _security(\n'
        for l_1_a in environment.getattr((undefined(name='auth') if l_0_auth is missing else l_0_auth), 'arguments'):
            _loop_vars = {}
            pass
            yield '    '
            yield str(environment.getattr(l_1_a, 'argument'))
            yield ': Optional[str],\n'
        l_1_a = missing
        if (undefined(name='cc') if l_0_cc is missing else l_0_cc):
            pass
            yield '    base_url: str,\n'
        yield ') -> Security:\n    return Security(\n        {\n'
        for (l_1_key, l_1_expression) in environment.getattr((undefined(name='auth') if l_0_auth is missing else l_0_auth), 'credentials'):
            _loop_vars = {}
            pass
            yield '            '
            yield str(l_1_key)
            yield ': '
            yield str(l_1_expression)
            yield ',\n'
        l_1_key = l_1_expression = missing
        yield '        },\n        default='
        yield str(environment.getattr((undefined(name='auth') if l_0_auth is missing else l_0_auth), 'default'))
        yield ',\n        how={\n'
        for (l_1_key, l_1_how) in environment.getattr((undefined(name='auth') if l_0_auth is missing else l_0_auth), 'how'):
            _loop_vars = {}
            pass
            yield '            '
            yield str(l_1_key)
            yield ': '
            yield str(l_1_how)
            yield ',\n'
        l_1_key = l_1_how = missing
        yield '        },\n'
        if environment.getattr((undefined(name='auth') if l_0_auth is missing else l_0_auth), 'required'):
            pass
            yield '        required='
            yield str(environment.getattr((undefined(name='auth') if l_0_auth is missing else l_0_auth), 'required'))
            yield ',\n'
        yield '    )\n'

def block_client_class(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    l_0_resources = resolve('resources')
    l_0_api = resolve('api')
    try:
        t_3 = environment.tests['none']
    except KeyError:
        @internalcode
        def t_3(*unused):
            raise TemplateRuntimeError("No test named 'none' found.")
    pass
    yield from context.blocks['class_header'][0](context.derived({}))
    yield from context.blocks['class_docstring'][0](context.derived({}))
    yield from context.blocks['init'][0](context.derived({}))
    l_1_loop = missing
    for l_1_r, l_1_loop in LoopContext((undefined(name='resources') if l_0_resources is missing else l_0_resources), undefined):
        _loop_vars = {}
        pass
        yield from context.blocks['resource_property'][0](context.derived({'loop': l_1_loop, 'r': l_1_r}))
    l_1_loop = l_1_r = missing
    if (not t_3(environment.getattr((undefined(name='api') if l_0_api is missing else l_0_api), 'webhooks'))):
        pass
        yield from context.blocks['webhooks_property'][0](context.derived({}))
    yield from context.blocks['class_extra'][0](context.derived({}))

def block_class_header(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    l_0_prefix = resolve('prefix')
    l_0_client_name = resolve('client_name')
    l_0_base = resolve('base')
    pass
    yield '\n\nclass '
    yield str((undefined(name='prefix') if l_0_prefix is missing else l_0_prefix))
    yield str((undefined(name='client_name') if l_0_client_name is missing else l_0_client_name))
    yield '('
    yield str((undefined(name='base') if l_0_base is missing else l_0_base))
    yield '):\n'

def block_class_docstring(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    l_0_doc = resolve('doc')
    l_0_auth = resolve('auth')
    l_0_base_url_env = resolve('base_url_env')
    l_0_base_url_doc = resolve('base_url_doc')
    l_0_servers = resolve('servers')
    l_0_is_async = resolve('is_async')
    try:
        t_9 = environment.filters['indent']
    except KeyError:
        @internalcode
        def t_9(*unused):
            raise TemplateRuntimeError("No filter named 'indent' found.")
    pass
    yield '    """'
    yield str(t_9((undefined(name='doc') if l_0_doc is missing else l_0_doc), 4))
    yield '\n\n    Args:\n'
    t_10 = 1
    for l_1_a in environment.getattr((undefined(name='auth') if l_0_auth is missing else l_0_auth), 'arguments'):
        _loop_vars = {}
        pass
        yield '        '
        yield str(environment.getattr(l_1_a, 'argument'))
        yield ': '
        yield str(environment.getattr(l_1_a, 'doc'))
        yield '\n'
        t_10 = 0
    l_1_a = missing
    if t_10:
        pass
        yield '        api_key: not used: the spec declares no security scheme (send credentials with\n            `default_headers`).\n'
    yield '        base_url: where the API lives; defaults to the `'
    yield str((undefined(name='base_url_env') if l_0_base_url_env is missing else l_0_base_url_env))
    yield '` environment\n            variable, else `'
    yield str((undefined(name='base_url_doc') if l_0_base_url_doc is missing else l_0_base_url_doc))
    yield '`.\n'
    if (undefined(name='servers') if l_0_servers is missing else l_0_servers):
        pass
        yield "        server: which of `SERVERS` to use, by index or name; the first by default.\n        server_variables: values for the server URL's variables, checked against their `enum`.\n"
    yield '        timeout: seconds (or an `httpx.Timeout`) for each request; None waits forever.\n        max_retries: how often a failed request is retried (connection errors, 408, 429, 5xx).\n        default_headers: headers sent with every request.\n        http_client: your own `httpx.'
    yield str(('AsyncClient' if (undefined(name='is_async') if l_0_is_async is missing else l_0_is_async) else 'Client'))
    yield '` (proxies, transports); you close it.\n        drift: record what the server sends that the spec does not describe (`client.drift`).\n    """\n'

def block_init(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    l_0_auth = resolve('auth')
    l_0_servers = resolve('servers')
    l_0_is_async = resolve('is_async')
    l_0_idempotency_header = resolve('idempotency_header')
    try:
        t_11 = environment.filters['join']
    except KeyError:
        @internalcode
        def t_11(*unused):
            raise TemplateRuntimeError("No filter named 'join' found.")
    try:
        t_1 = environment.filters['list']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'list' found.")
    try:
        t_12 = environment.filters['map']
    except KeyError:
        @internalcode
        def t_12(*unused):
            raise TemplateRuntimeError("No filter named 'map' found.")
    pass
    yield '\n    def __init__(\n        self,\n        *,\n'
    t_13 = 1
    for l_1_a in environment.getattr((undefined(name='auth') if l_0_auth is missing else l_0_auth), 'arguments'):
        _loop_vars = {}
        pass
        yield '        '
        yield str(environment.getattr(l_1_a, 'argument'))
        yield ': Optional[str] = None,\n'
        t_13 = 0
    l_1_a = missing
    if t_13:
        pass
        yield '        api_key: Optional[str] = None,\n'
    yield '        base_url: Union[str, httpx.URL, None] = None,\n'
    if (undefined(name='servers') if l_0_servers is missing else l_0_servers):
        pass
        yield '        server: Union[int, str, None] = None,\n        server_variables: Optional[Mapping[str, str]] = None,\n'
    yield '        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,\n        max_retries: int = 2,\n        default_headers: Optional[Mapping[str, str]] = None,\n        default_query: Optional[Mapping[str, object]] = None,\n        http_client: Optional[httpx.'
    yield str(('AsyncClient' if (undefined(name='is_async') if l_0_is_async is missing else l_0_is_async) else 'Client'))
    yield '] = None,\n        drift: bool = False,\n    ) -> None:\n'
    if (undefined(name='servers') if l_0_servers is missing else l_0_servers):
        pass
        yield '        url, choice = pick_base_url(\n            base_url, BASE_URL_ENV, SERVERS, server, server_variables, DEFAULT_BASE_URL\n        )\n'
    else:
        pass
        yield '        url = str(base_url or os.environ.get(BASE_URL_ENV) or DEFAULT_BASE_URL)\n'
    yield '        super().__init__(\n            base_url=url,\n'
    if (undefined(name='servers') if l_0_servers is missing else l_0_servers):
        pass
        yield '            server_choice=choice,\n'
    yield '            timeout=timeout,\n            max_retries=max_retries,\n            default_headers=default_headers,\n            default_query=default_query,\n            http_client=http_client,\n            user_agent=_USER_AGENT,\n            log_env=LOG_ENV,\n            drift=drift,\n'
    if (undefined(name='idempotency_header') if l_0_idempotency_header is missing else l_0_idempotency_header):
        pass
        yield '            idempotency_header='
        yield str((undefined(name='idempotency_header') if l_0_idempotency_header is missing else l_0_idempotency_header))
        yield ',\n'
    if environment.getattr((undefined(name='auth') if l_0_auth is missing else l_0_auth), 'arguments'):
        pass
        yield '            security=_security('
        yield str(t_11(context.eval_ctx, (t_1(context.eval_ctx, t_12(context, environment.getattr((undefined(name='auth') if l_0_auth is missing else l_0_auth), 'arguments'), attribute='argument')) + (['url'] if ('client_credentials_flow' in environment.getattr((undefined(name='auth') if l_0_auth is missing else l_0_auth), 'factories')) else [])), ', '))
        yield '),\n'
    yield '        )\n'

def block_resource_property(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    l_0_lay_out_def = resolve('lay_out_def')
    l_0_r = resolve('r')
    l_0_prefix = resolve('prefix')
    l_0_import_from = resolve('import_from')
    try:
        t_14 = environment.filters['docindent']
    except KeyError:
        @internalcode
        def t_14(*unused):
            raise TemplateRuntimeError("No filter named 'docindent' found.")
    pass
    yield '\n    @cached_property\n    '
    yield str(context.call((undefined(name='lay_out_def') if l_0_lay_out_def is missing else l_0_lay_out_def), str_join(('def ', environment.getattr((undefined(name='r') if l_0_r is missing else l_0_r), 'attribute'), '(', )), ['self'], str_join((') -> ', (undefined(name='prefix') if l_0_prefix is missing else l_0_prefix), environment.getattr((undefined(name='r') if l_0_r is missing else l_0_r), 'class_name'), ':', )), indent=4, _block_vars=_block_vars))
    yield '\n        """'
    yield str(t_14(environment.getattr((undefined(name='r') if l_0_r is missing else l_0_r), 'doc'), 8))
    yield '"""\n        '
    yield str(context.call((undefined(name='import_from') if l_0_import_from is missing else l_0_import_from), str_join(('.resources.', environment.getattr((undefined(name='r') if l_0_r is missing else l_0_r), 'module'), )), [str_join(((undefined(name='prefix') if l_0_prefix is missing else l_0_prefix), environment.getattr((undefined(name='r') if l_0_r is missing else l_0_r), 'class_name'), ))], indent=8, _block_vars=_block_vars))
    yield '\n\n        return '
    yield str((undefined(name='prefix') if l_0_prefix is missing else l_0_prefix))
    yield str(environment.getattr((undefined(name='r') if l_0_r is missing else l_0_r), 'class_name'))
    yield '(self)\n'

def block_webhooks_property(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    l_0_api = resolve('api')
    pass
    yield '\n    @cached_property\n    def '
    yield str(environment.getattr(environment.getattr((undefined(name='api') if l_0_api is missing else l_0_api), 'webhooks'), 'attribute'))
    yield '(self) -> Webhooks:\n        """The webhooks this API sends, parsed (and checked): `.unwrap(body, headers)`."""\n        from .webhooks import Webhooks\n\n        return Webhooks()\n'

def block_class_extra(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    pass

def block_footer(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    pass

blocks = {'header': block_header, 'module_docstring': block_module_docstring, 'imports': block_imports, 'all': block_all, 'constants': block_constants, 'auth': block_auth, 'client_class': block_client_class, 'class_header': block_class_header, 'class_docstring': block_class_docstring, 'init': block_init, 'resource_property': block_resource_property, 'webhooks_property': block_webhooks_property, 'class_extra': block_class_extra, 'footer': block_footer}
debug_info = '2=12&5=13&13=15&50=17&56=19&71=21&100=23&101=27&102=29&103=31&208=33&2=35&3=44&5=47&6=58&7=61&9=66&13=70&18=104&22=108&23=110&25=112&26=114&29=117&30=119&34=122&36=125&37=129&40=132&41=134&50=139&51=158&52=174&53=194&56=197&57=219&58=221&59=223&60=225&61=227&62=234&64=239&65=242&67=245&71=248&72=258&73=260&75=263&76=267&78=270&84=274&85=278&88=284&90=286&91=290&94=296&95=299&103=303&104=319&109=320&132=321&182=323&183=326&193=328&194=330&204=331&104=333&107=345&109=351&110=372&113=375&114=379&119=389&120=391&121=393&128=397&132=400&137=432&138=436&143=444&151=448&154=450&163=457&174=461&175=464&177=466&178=469&183=473&186=492&187=494&188=496&190=498&194=502&197=512&204=515&208=524'
