# compiled from templates/package/webhooks.py.j2; do not edit
from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'package/webhooks.py.j2'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_signature = resolve('signature')
    l_0_headers_param = l_0_secret_param = missing
    try:
        t_1 = environment.tests['none']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No test named 'none' found.")
    pass
    yield from context.blocks['header'][0](context)
    yield from context.blocks['module_docstring'][0](context)
    yield '\n'
    yield from context.blocks['imports'][0](context)
    yield '\n'
    yield from context.blocks['all'][0](context)
    yield '\n'
    yield from context.blocks['constants'][0](context)
    l_0_headers_param = ('headers: HeadersLike' if (not t_1((undefined(name='signature') if l_0_signature is missing else l_0_signature))) else 'headers: Optional[HeadersLike] = None')
    context.vars['headers_param'] = l_0_headers_param
    context.exported_vars.add('headers_param')
    l_0_secret_param = (', secret: Optional[str] = None' if (not t_1((undefined(name='signature') if l_0_signature is missing else l_0_signature))) else '')
    context.vars['secret_param'] = l_0_secret_param
    context.exported_vars.add('secret_param')
    yield '\n\n'
    yield from context.blocks['class_header'][0](context)
    yield from context.blocks['class_docstring'][0](context)
    yield from context.blocks['unwrap'][0](context)
    if (not t_1((undefined(name='signature') if l_0_signature is missing else l_0_signature))):
        pass
        yield from context.blocks['verify_signature'][0](context)
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
    l_0_title_literal = resolve('title_literal')
    pass
    yield '"""Webhooks of the '
    yield str((undefined(name='title_literal') if l_0_title_literal is missing else l_0_title_literal))
    yield ': `client.webhooks.unwrap(body, headers)`."""\n'

def block_imports(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    l_0_extra_imports = resolve('extra_imports')
    l_0_typing_names = resolve('typing_names')
    l_0_signature = resolve('signature')
    try:
        t_2 = environment.filters['join']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'join' found.")
    try:
        t_1 = environment.tests['none']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No test named 'none' found.")
    pass
    yield 'from __future__ import annotations\n\n'
    def t_3(fiter):
        for l_1_line in fiter:
            if (not context.call(environment.getattr(l_1_line, 'startswith'), 'from .')):
                yield l_1_line
    for l_1_line in t_3((undefined(name='extra_imports') if l_0_extra_imports is missing else l_0_extra_imports)):
        _loop_vars = {}
        pass
        yield str(l_1_line)
        yield '\n'
    l_1_line = missing
    yield 'from typing import '
    yield str(t_2(context.eval_ctx, (undefined(name='typing_names') if l_0_typing_names is missing else l_0_typing_names), ', '))
    yield '\n\nfrom . import models\n'
    def t_4(fiter):
        for l_1_line in fiter:
            if context.call(environment.getattr(l_1_line, 'startswith'), 'from .'):
                yield l_1_line
    for l_1_line in t_4((undefined(name='extra_imports') if l_0_extra_imports is missing else l_0_extra_imports)):
        _loop_vars = {}
        pass
        yield str(l_1_line)
        yield '\n'
    l_1_line = missing
    if (not t_1((undefined(name='signature') if l_0_signature is missing else l_0_signature))):
        pass
        yield 'from ._webhooks import HeadersLike, SignatureSpec, WebhookParser, verify_signature\n'
    else:
        pass
        yield 'from ._webhooks import HeadersLike, WebhookParser\n'

def block_all(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    l_0_signature = resolve('signature')
    try:
        t_1 = environment.tests['none']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No test named 'none' found.")
    pass
    yield '__all__ = ['
    if (not t_1((undefined(name='signature') if l_0_signature is missing else l_0_signature))):
        pass
        yield '"WEBHOOK_SECRET_ENV", '
    yield '"WebhookEvent", "WebhookName", "Webhooks"]\n'

def block_constants(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    l_0_signature = resolve('signature')
    l_0_secret_env = resolve('secret_env')
    l_0_names = resolve('names')
    l_0_event = resolve('event')
    l_0_payloads = resolve('payloads')
    l_0_fallback = resolve('fallback')
    l_0_tag = resolve('tag')
    l_0_tags = resolve('tags')
    l_0_order = resolve('order')
    try:
        t_5 = environment.filters['pystr']
    except KeyError:
        @internalcode
        def t_5(*unused):
            raise TemplateRuntimeError("No filter named 'pystr' found.")
    try:
        t_1 = environment.tests['none']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No test named 'none' found.")
    pass
    if (not t_1((undefined(name='signature') if l_0_signature is missing else l_0_signature))):
        pass
        yield 'WEBHOOK_SECRET_ENV = '
        yield str((undefined(name='secret_env') if l_0_secret_env is missing else l_0_secret_env))
        yield '\n'
    yield 'WebhookName = '
    yield str((undefined(name='names') if l_0_names is missing else l_0_names))
    yield '\nWebhookEvent = '
    yield str((undefined(name='event') if l_0_event is missing else l_0_event))
    yield '\n\n_PARSER = WebhookParser(\n    {\n'
    for (l_1_name, l_1_type) in (undefined(name='payloads') if l_0_payloads is missing else l_0_payloads):
        _loop_vars = {}
        pass
        yield '        '
        yield str(l_1_name)
        yield ': '
        yield str(l_1_type)
        yield ',\n'
    l_1_name = l_1_type = missing
    yield '    },\n    fallback='
    yield str((undefined(name='fallback') if l_0_fallback is missing else l_0_fallback))
    yield ',\n    tag='
    yield str((undefined(name='tag') if l_0_tag is missing else l_0_tag))
    yield ',\n    tags='
    yield str((undefined(name='tags') if l_0_tags is missing else l_0_tags))
    yield ',\n    order='
    yield str((undefined(name='order') if l_0_order is missing else l_0_order))
    yield ',\n)\n'
    if (not t_1((undefined(name='signature') if l_0_signature is missing else l_0_signature))):
        pass
        yield '_SIGNATURE = SignatureSpec(\n    '
        yield str(t_5(environment.getattr((undefined(name='signature') if l_0_signature is missing else l_0_signature), 'scheme')))
        yield ',\n    header='
        yield str(t_5(environment.getattr((undefined(name='signature') if l_0_signature is missing else l_0_signature), 'header')))
        yield ',\n    secret_env=WEBHOOK_SECRET_ENV,\n    tolerance='
        yield str(environment.getattr((undefined(name='signature') if l_0_signature is missing else l_0_signature), 'tolerance'))
        yield ',\n)\n'

def block_class_header(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    pass
    yield 'class Webhooks:\n'

def block_class_docstring(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    l_0_doc = resolve('doc')
    try:
        t_6 = environment.filters['docindent']
    except KeyError:
        @internalcode
        def t_6(*unused):
            raise TemplateRuntimeError("No filter named 'docindent' found.")
    pass
    yield '    """'
    yield str(t_6((undefined(name='doc') if l_0_doc is missing else l_0_doc), 4))
    yield '\n\n    One object serves the sync and the async client: nothing here does I/O.\n    """\n'

def block_unwrap(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    l_0_overloads = resolve('overloads')
    l_0_headers_param = resolve('headers_param')
    l_0_secret_param = resolve('secret_param')
    l_0_signature = resolve('signature')
    l_0_fallback = resolve('fallback')
    try:
        t_1 = environment.tests['none']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No test named 'none' found.")
    pass
    for l_1_o in (undefined(name='overloads') if l_0_overloads is missing else l_0_overloads):
        _loop_vars = {}
        pass
        yield '\n    @overload\n    def unwrap(self, body: Union[str, bytes], '
        yield str((undefined(name='headers_param') if l_0_headers_param is missing else l_0_headers_param))
        yield ', *, webhook: '
        yield str(environment.getattr(l_1_o, 'names'))
        yield str((undefined(name='secret_param') if l_0_secret_param is missing else l_0_secret_param))
        yield ') -> '
        yield str(environment.getattr(l_1_o, 'returns'))
        yield ': ...\n'
    l_1_o = missing
    yield '\n    @overload\n    def unwrap(self, body: Union[str, bytes], '
    yield str((undefined(name='headers_param') if l_0_headers_param is missing else l_0_headers_param))
    yield ', *, webhook: None = None'
    yield str((undefined(name='secret_param') if l_0_secret_param is missing else l_0_secret_param))
    yield ') -> WebhookEvent: ...\n\n    def unwrap(self, body: Union[str, bytes], '
    yield str((undefined(name='headers_param') if l_0_headers_param is missing else l_0_headers_param))
    yield ', *, webhook: Optional[WebhookName] = None'
    yield str((undefined(name='secret_param') if l_0_secret_param is missing else l_0_secret_param))
    yield ') -> WebhookEvent:\n        """Parse a received webhook body (the raw bytes or text) into its payload.\n\n'
    if (not t_1((undefined(name='signature') if l_0_signature is missing else l_0_signature))):
        pass
        yield '        The signature ('
        yield str(environment.getattr((undefined(name='signature') if l_0_signature is missing else l_0_signature), 'scheme'))
        yield ') is checked first, with `secret` or else the\n        `'
        yield str(environment.getattr((undefined(name='signature') if l_0_signature is missing else l_0_signature), 'secret_env'))
        yield '` environment variable: `WebhookSignatureError` when it does\n        not match (see `verify_signature`).\n\n'
    yield '        `webhook` names the webhook if you know it (from the URL it came to); else the payload\n        is found by its tag property, if the payloads have one, then by trying the untagged\n        ones (the most required fields first). A body no webhook sends is\n        `'
    yield str((undefined(name='fallback') if l_0_fallback is missing else l_0_fallback))
    yield '`, with every field kept. `WebhookPayloadError`: the body is no\n        JSON, or does not fit its webhook.\n        """\n'
    if (not t_1((undefined(name='signature') if l_0_signature is missing else l_0_signature))):
        pass
        yield '        self.verify_signature(body, headers, secret=secret)\n'
    yield '        return cast(WebhookEvent, _PARSER.parse(body, webhook))\n'

def block_verify_signature(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    l_0_signature = resolve('signature')
    pass
    yield '\n    def verify_signature(self, body: Union[str, bytes], headers: HeadersLike, *, secret: Optional[str] = None, tolerance: Optional[int] = None) -> None:\n        """Raise `WebhookSignatureError` unless `headers` sign `body` ('
    yield str(environment.getattr((undefined(name='signature') if l_0_signature is missing else l_0_signature), 'scheme'))
    yield ').\n\n        `secret` defaults to the `'
    yield str(environment.getattr((undefined(name='signature') if l_0_signature is missing else l_0_signature), 'secret_env'))
    yield '` environment variable;\n'
    if (environment.getattr((undefined(name='signature') if l_0_signature is missing else l_0_signature), 'scheme') == 'standard-webhooks'):
        pass
        yield '        `tolerance` (seconds, default '
        yield str(environment.getattr((undefined(name='signature') if l_0_signature is missing else l_0_signature), 'tolerance'))
        yield ') bounds how far the timestamp may be off.\n'
    else:
        pass
        yield '        `tolerance` is not used by this scheme (it signs no timestamp).\n'
    yield '        """\n        verify_signature(_SIGNATURE, body, headers, secret=secret, tolerance=tolerance)\n'

def block_footer(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    pass

blocks = {'header': block_header, 'module_docstring': block_module_docstring, 'imports': block_imports, 'all': block_all, 'constants': block_constants, 'class_header': block_class_header, 'class_docstring': block_class_docstring, 'unwrap': block_unwrap, 'verify_signature': block_verify_signature, 'footer': block_footer}
debug_info = '2=19&5=20&9=22&28=24&32=26&59=27&60=30&63=34&66=35&72=36&102=37&103=39&118=40&2=42&3=51&5=54&6=64&9=67&12=91&13=98&15=102&18=104&19=111&21=114&28=121&29=137&32=142&33=171&34=174&36=177&37=179&41=181&42=185&45=191&46=193&47=195&48=197&50=199&52=202&53=204&55=206&63=209&66=219&67=235&72=238&73=257&76=261&80=270&82=274&85=278&86=281&87=283&94=286&97=288&103=293&106=303&108=305&109=307&110=310&118=317'
