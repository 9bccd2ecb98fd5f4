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
    l_0_auth = resolve('auth')
    l_0_resources = resolve('resources')
    l_0_import_from = resolve('import_from')
    l_0_with_async = resolve('with_async')
    l_0_with_sync = resolve('with_sync')
    try:
        t_1 = environment.tests['none']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No test named 'none' found.")
    pass
    yield 'from __future__ import annotations\n\n'
    if ((not t_1((undefined(name='auth') if l_0_auth is missing else l_0_auth))) and (environment.getattr((undefined(name='auth') if l_0_auth is missing else l_0_auth), 'kind') == 'basic')):
        pass
        yield 'import base64\n'
    yield 'import os\nfrom functools import cached_property\nfrom typing import '
    if (undefined(name='resources') if l_0_resources is missing else l_0_resources):
        pass
        yield 'TYPE_CHECKING, '
    yield 'Mapping, Optional, Union\n\nimport httpx\n\n'
    yield str(context.call((undefined(name='import_from') if l_0_import_from is missing else l_0_import_from), '._base_client', ((['AsyncAPIClient'] if (undefined(name='with_async') if l_0_with_async is missing else l_0_with_async) else []) + (['SyncAPIClient'] if (undefined(name='with_sync') if l_0_with_sync is missing else l_0_with_sync) else [])), _block_vars=_block_vars))
    yield '\n'
    if (not t_1((undefined(name='auth') if l_0_auth is missing else l_0_auth))):
        pass
        yield 'from ._base_common import check_credential\n'
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

def block_all(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    l_0_split_subscript = resolve('split_subscript')
    l_0_client_names = l_0_basic_names = missing
    try:
        t_2 = environment.filters['pystr']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'pystr' found.")
    try:
        t_1 = environment.tests['none']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No test named 'none' found.")
    pass
    l_1_variants = resolve('variants')
    t_3 = []
    pass
    for l_2_is_async in (undefined(name='variants') if l_1_variants is missing else l_1_variants):
        l_2_client_name = resolve('client_name')
        _loop_vars = {}
        pass
        t_3.extend((
            str(t_2(str_join((('Async' if l_2_is_async else ''), (undefined(name='client_name') if l_2_client_name is missing else l_2_client_name), )))),
            ', ',
        ))
    l_2_is_async = l_2_client_name = missing
    l_0_client_names = (Markup if context.eval_ctx.autoescape else identity)(concat(t_3))
    _block_vars['client_names'] = l_0_client_names
    l_1_variants = missing
    l_1_auth = resolve('auth')
    t_4 = []
    pass
    if ((not t_1((undefined(name='auth') if l_1_auth is missing else l_1_auth))) and (environment.getattr((undefined(name='auth') if l_1_auth is missing else l_1_auth), 'kind') == 'basic')):
        pass
        t_4.append(
            ', "USERNAME_ENV", "PASSWORD_ENV"',
        )
    l_0_basic_names = (Markup if context.eval_ctx.autoescape else identity)(concat(t_4))
    _block_vars['basic_names'] = l_0_basic_names
    l_1_auth = missing
    yield str(context.call((undefined(name='split_subscript') if l_0_split_subscript is missing else l_0_split_subscript), '__all__ = ', str_join(('[', (undefined(name='client_names') if l_0_client_names is missing else l_0_client_names), '"DEFAULT_BASE_URL", "API_KEY_ENV", "BASE_URL_ENV"', (undefined(name='basic_names') if l_0_basic_names is missing else l_0_basic_names), ']', )), '', indent=0, _block_vars=_block_vars))
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
    l_0_auth = resolve('auth')
    l_0_user_agent = resolve('user_agent')
    try:
        t_2 = environment.filters['pystr']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'pystr' found.")
    try:
        t_1 = environment.tests['none']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No test named 'none' found.")
    pass
    yield 'DEFAULT_BASE_URL = '
    yield str(t_2((undefined(name='base_url') if l_0_base_url is missing else l_0_base_url)))
    yield '\nAPI_KEY_ENV = '
    yield str(t_2((undefined(name='api_key_env') if l_0_api_key_env is missing else l_0_api_key_env)))
    yield '\nBASE_URL_ENV = '
    yield str(t_2((undefined(name='base_url_env') if l_0_base_url_env is missing else l_0_base_url_env)))
    yield '\n'
    if ((not t_1((undefined(name='auth') if l_0_auth is missing else l_0_auth))) and (environment.getattr((undefined(name='auth') if l_0_auth is missing else l_0_auth), 'kind') == 'basic')):
        pass
        yield 'USERNAME_ENV = '
        yield str(t_2(environment.getattr((undefined(name='auth') if l_0_auth is missing else l_0_auth), 'username_env')))
        yield '\nPASSWORD_ENV = '
        yield str(t_2(environment.getattr((undefined(name='auth') if l_0_auth is missing else l_0_auth), 'password_env')))
        yield '\n'
    yield '_USER_AGENT = '
    yield str(t_2((undefined(name='user_agent') if l_0_user_agent is missing else l_0_user_agent)))
    yield '\n'

def block_auth(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    l_0_auth = resolve('auth')
    try:
        t_2 = environment.filters['pystr']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'pystr' found.")
    try:
        t_1 = environment.tests['none']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No test named 'none' found.")
    pass
    if ((not t_1((undefined(name='auth') if l_0_auth is missing else l_0_auth))) and (environment.getattr((undefined(name='auth') if l_0_auth is missing else l_0_auth), 'kind') == 'basic')):
        pass
        yield 'def _auth(username: Optional[str], password: Optional[str]) -> dict[str, Mapping[str, str]]:\n    user = username if username is not None else os.environ.get(USERNAME_ENV)\n    if not user:\n        raise ValueError(\n            f"no user name: pass username=... or set the {USERNAME_ENV} environment variable"\n        )\n    secret = password if password is not None else os.environ.get(PASSWORD_ENV, "")\n    check_credential(user, "the user name", in_header=False)\n    check_credential(secret, "the password", in_header=False)\n    if ":" in user:\n        raise ValueError("the user name contains \':\', which HTTP basic auth cannot carry")\n    token = base64.b64encode(f"{user}:{secret}".encode()).decode()\n    return {"auth_headers": {"Authorization": f"Basic {token}"}}\n'
    elif t_1((undefined(name='auth') if l_0_auth is missing else l_0_auth)):
        pass
        yield 'def _auth(api_key: Optional[str]) -> dict[str, Mapping[str, str]]:\n    # The spec declares no security scheme: no key is sent, so none is required.\n    return {}\n'
    else:
        pass
        yield 'def _api_key(api_key: Optional[str]) -> str:\n    key = api_key if api_key is not None else os.environ.get(API_KEY_ENV)\n    if not key:\n        raise ValueError(\n            f"no API key: pass api_key=... or set the {API_KEY_ENV} environment variable"\n        )\n    where = "api_key=..." if api_key is not None else API_KEY_ENV\n'
        if (((not t_1((undefined(name='auth') if l_0_auth is missing else l_0_auth))) and (environment.getattr((undefined(name='auth') if l_0_auth is missing else l_0_auth), 'kind') == 'api_key')) and (environment.getattr((undefined(name='auth') if l_0_auth is missing else l_0_auth), 'location') == 'query')):
            pass
            yield '    return check_credential(key, f"the API key ({where})", in_header=False)\n'
        else:
            pass
            yield '    return check_credential(key, f"the API key ({where})")\n'
        yield '\n\ndef _auth(api_key: str) -> dict[str, Mapping[str, str]]:\n'
        if (environment.getattr((undefined(name='auth') if l_0_auth is missing else l_0_auth), 'kind') == 'bearer'):
            pass
            yield '    return {"auth_headers": {"Authorization": f"Bearer {api_key}"}}\n'
        elif ((environment.getattr((undefined(name='auth') if l_0_auth is missing else l_0_auth), 'kind') == 'api_key') and (environment.getattr((undefined(name='auth') if l_0_auth is missing else l_0_auth), 'location') == 'query')):
            pass
            yield '    return {"auth_query": { '
            yield str(t_2(environment.getattr((undefined(name='auth') if l_0_auth is missing else l_0_auth), 'name')))
            yield ': api_key}}\n'
        elif ((environment.getattr((undefined(name='auth') if l_0_auth is missing else l_0_auth), 'kind') == 'api_key') and (environment.getattr((undefined(name='auth') if l_0_auth is missing else l_0_auth), 'location') == 'cookie')):
            pass
            yield '    return {"auth_headers": {"Cookie": f"{ '
            yield str(t_2(environment.getattr((undefined(name='auth') if l_0_auth is missing else l_0_auth), 'name')))
            yield ' }={api_key}"}}\n'
        elif (environment.getattr((undefined(name='auth') if l_0_auth is missing else l_0_auth), 'kind') == 'api_key'):
            pass
            yield '    return {"auth_headers": '
            yield str(str_join(('{', t_2(environment.getattr((undefined(name='auth') if l_0_auth is missing else l_0_auth), 'name')), ': api_key}', )))
            yield '}\n'
        else:
            pass
            yield '    return {}\n'

def block_client_class(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    l_0_resources = resolve('resources')
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
    l_0_api_key_env = resolve('api_key_env')
    l_0_base_url_env = resolve('base_url_env')
    l_0_base_url_doc = resolve('base_url_doc')
    l_0_is_async = resolve('is_async')
    try:
        t_5 = environment.filters['doc']
    except KeyError:
        @internalcode
        def t_5(*unused):
            raise TemplateRuntimeError("No filter named 'doc' found.")
    try:
        t_6 = environment.filters['indent']
    except KeyError:
        @internalcode
        def t_6(*unused):
            raise TemplateRuntimeError("No filter named 'indent' found.")
    try:
        t_1 = environment.tests['none']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No test named 'none' found.")
    pass
    yield '    """'
    yield str(t_6((undefined(name='doc') if l_0_doc is missing else l_0_doc), 4))
    yield '\n\n    Args:\n'
    if ((not t_1((undefined(name='auth') if l_0_auth is missing else l_0_auth))) and (environment.getattr((undefined(name='auth') if l_0_auth is missing else l_0_auth), 'kind') == 'basic')):
        pass
        yield '        username: the user name for HTTP basic auth; defaults to the `'
        yield str(environment.getattr((undefined(name='auth') if l_0_auth is missing else l_0_auth), 'username_env'))
        yield '`\n            environment variable.\n        password: the password for HTTP basic auth; defaults to the `'
        yield str(environment.getattr((undefined(name='auth') if l_0_auth is missing else l_0_auth), 'password_env'))
        yield '`\n            environment variable, else empty (for APIs that take a key as the user name).\n'
    elif ((not t_1((undefined(name='auth') if l_0_auth is missing else l_0_auth))) and (environment.getattr((undefined(name='auth') if l_0_auth is missing else l_0_auth), 'kind') == 'api_key')):
        pass
        yield '        api_key: the API key, sent as the `'
        yield str(t_5(environment.getattr((undefined(name='auth') if l_0_auth is missing else l_0_auth), 'name')))
        yield '` '
        yield str(('query parameter' if (environment.getattr((undefined(name='auth') if l_0_auth is missing else l_0_auth), 'location') == 'query') else environment.getattr((undefined(name='auth') if l_0_auth is missing else l_0_auth), 'location')))
        yield '; defaults to\n            the `'
        yield str((undefined(name='api_key_env') if l_0_api_key_env is missing else l_0_api_key_env))
        yield '` environment variable.\n'
    elif (not t_1((undefined(name='auth') if l_0_auth is missing else l_0_auth))):
        pass
        yield '        api_key: the API key, sent as `Authorization: Bearer <api_key>`; defaults to the\n            `'
        yield str((undefined(name='api_key_env') if l_0_api_key_env is missing else l_0_api_key_env))
        yield '` environment variable.\n'
    else:
        pass
        yield '        api_key: not used: the spec declares no security scheme (send credentials with\n            `default_headers`).\n'
    yield '        base_url: where the API lives; defaults to the `'
    yield str((undefined(name='base_url_env') if l_0_base_url_env is missing else l_0_base_url_env))
    yield '` environment\n            variable, else `'
    yield str((undefined(name='base_url_doc') if l_0_base_url_doc is missing else l_0_base_url_doc))
    yield '`.\n        timeout: seconds (or an `httpx.Timeout`) for each request; None waits forever.\n        max_retries: how often a failed request is retried (connection errors, 408, 429, 5xx).\n        default_headers: headers sent with every request.\n        http_client: your own `httpx.'
    yield str(('AsyncClient' if (undefined(name='is_async') if l_0_is_async is missing else l_0_is_async) else 'Client'))
    yield '` (proxies, transports); you close it.\n    """\n'

def block_init(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    l_0_auth = resolve('auth')
    l_0_is_async = resolve('is_async')
    try:
        t_1 = environment.tests['none']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No test named 'none' found.")
    pass
    yield '\n    def __init__(\n        self,\n        *,\n'
    if ((not t_1((undefined(name='auth') if l_0_auth is missing else l_0_auth))) and (environment.getattr((undefined(name='auth') if l_0_auth is missing else l_0_auth), 'kind') == 'basic')):
        pass
        yield '        username: Optional[str] = None,\n        password: Optional[str] = None,\n'
    else:
        pass
        yield '        api_key: Optional[str] = None,\n'
    yield '        base_url: Union[str, httpx.URL, None] = None,\n        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,\n        max_retries: int = 2,\n        default_headers: Optional[Mapping[str, str]] = None,\n        default_query: Optional[Mapping[str, object]] = None,\n        http_client: Optional[httpx.'
    yield str(('AsyncClient' if (undefined(name='is_async') if l_0_is_async is missing else l_0_is_async) else 'Client'))
    yield '] = None,\n    ) -> None:\n        super().__init__(\n            base_url=base_url or os.environ.get(BASE_URL_ENV) or DEFAULT_BASE_URL,\n            timeout=timeout,\n            max_retries=max_retries,\n            default_headers=default_headers,\n            default_query=default_query,\n            http_client=http_client,\n            user_agent=_USER_AGENT,\n'
    if ((not t_1((undefined(name='auth') if l_0_auth is missing else l_0_auth))) and (environment.getattr((undefined(name='auth') if l_0_auth is missing else l_0_auth), 'kind') == 'basic')):
        pass
        yield '            **_auth(username, password),\n'
    elif t_1((undefined(name='auth') if l_0_auth is missing else l_0_auth)):
        pass
        yield '            **_auth(api_key),\n'
    else:
        pass
        yield '            **_auth(_api_key(api_key)),\n'
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
        t_7 = environment.filters['docindent']
    except KeyError:
        @internalcode
        def t_7(*unused):
            raise TemplateRuntimeError("No filter named 'docindent' found.")
    pass
    yield '\n    @cached_property\n    '
    yield str(context.call((undefined(name='lay_out_def') if l_0_lay_out_def is missing else l_0_lay_out_def), str_join(('def ', environment.getattr((undefined(name='r') if l_0_r is missing else l_0_r), 'attribute'), '(', )), ['self'], str_join((') -> ', (undefined(name='prefix') if l_0_prefix is missing else l_0_prefix), environment.getattr((undefined(name='r') if l_0_r is missing else l_0_r), 'class_name'), ':', )), indent=4, _block_vars=_block_vars))
    yield '\n        """'
    yield str(t_7(environment.getattr((undefined(name='r') if l_0_r is missing else l_0_r), 'doc'), 8))
    yield '"""\n        '
    yield str(context.call((undefined(name='import_from') if l_0_import_from is missing else l_0_import_from), str_join(('.resources.', environment.getattr((undefined(name='r') if l_0_r is missing else l_0_r), 'module'), )), [str_join(((undefined(name='prefix') if l_0_prefix is missing else l_0_prefix), environment.getattr((undefined(name='r') if l_0_r is missing else l_0_r), 'class_name'), ))], indent=8, _block_vars=_block_vars))
    yield '\n\n        return '
    yield str((undefined(name='prefix') if l_0_prefix is missing else l_0_prefix))
    yield str(environment.getattr((undefined(name='r') if l_0_r is missing else l_0_r), 'class_name'))
    yield '(self)\n'

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

blocks = {'header': block_header, 'module_docstring': block_module_docstring, 'imports': block_imports, 'all': block_all, 'constants': block_constants, 'auth': block_auth, 'client_class': block_client_class, 'class_header': block_class_header, 'class_docstring': block_class_docstring, 'init': block_init, 'resource_property': block_resource_property, 'class_extra': block_class_extra, 'footer': block_footer}
debug_info = '2=12&5=13&13=15&39=17&45=19&57=21&105=23&106=27&107=29&108=31&191=33&2=35&3=44&5=47&6=58&7=61&9=66&13=70&16=90&21=94&25=98&26=100&31=104&33=107&34=111&39=115&40=140&41=155&42=163&45=166&46=192&47=194&48=196&49=198&50=201&51=203&53=206&57=209&58=230&72=233&84=239&92=246&94=249&95=252&96=254&97=257&98=259&99=262&108=268&109=277&114=278&141=279&176=281&177=284&187=286&109=288&112=300&114=306&115=339&118=341&119=344&121=346&123=348&124=351&125=355&126=357&128=360&133=366&134=368&138=370&141=373&146=390&157=397&167=399&169=402&177=410&180=429&181=431&182=433&184=435&187=439&191=448'
