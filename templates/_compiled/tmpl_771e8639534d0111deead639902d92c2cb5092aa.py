# compiled from templates/package/resources/resource.py.j2; do not edit
from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'package/resources/resource.py.j2'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_variants = resolve('variants')
    l_0_signature = l_0_call = missing
    try:
        t_1 = environment.filters['indent']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'indent' found.")
    try:
        t_2 = environment.tests['none']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No test named 'none' found.")
    pass
    yield from context.blocks['header'][0](context)
    yield from context.blocks['module_docstring'][0](context)
    yield '\n'
    yield from context.blocks['imports'][0](context)
    yield '\n'
    yield from context.blocks['all'][0](context)
    yield from context.blocks['constants'][0](context)
    yield '\n'
    def macro(l_1_s, l_1_is_async, l_1_after):
        t_3 = []
        l_1_split_subscript = resolve('split_subscript')
        if l_1_s is missing:
            l_1_s = undefined("parameter 's' was not provided", name='s')
        if l_1_is_async is missing:
            l_1_is_async = undefined("parameter 'is_async' was not provided", name='is_async')
        if l_1_after is missing:
            l_1_after = 1
        pass
        t_3.append(
            '(\n        self,\n',
        )
        for l_2_p in environment.getattr(l_1_s, 'positional'):
            _loop_vars = {}
            pass
            t_3.extend((
                '        ',
                str(context.call((undefined(name='split_subscript') if l_1_split_subscript is missing else l_1_split_subscript), str_join((environment.getattr(l_2_p, 'name'), ': ', )), environment.getattr(l_2_p, 'annotation'), ',', indent=8, _loop_vars=_loop_vars)),
                '\n',
            ))
        l_2_p = missing
        t_3.append(
            '        *,\n',
        )
        for l_2_p in environment.getattr(l_1_s, 'keyword'):
            _loop_vars = {}
            pass
            t_3.extend((
                '        ',
                str(context.call((undefined(name='split_subscript') if l_1_split_subscript is missing else l_1_split_subscript), str_join((environment.getattr(l_2_p, 'name'), ': ', )), environment.getattr(l_2_p, 'annotation'), str_join(((str_join((' = ', environment.getattr(l_2_p, 'default'), )) if (not t_2(environment.getattr(l_2_p, 'default'))) else ''), ',', )), indent=8, _loop_vars=_loop_vars)),
                '\n',
            ))
        l_2_p = missing
        t_3.extend((
            '    ',
            str(context.call((undefined(name='split_subscript') if l_1_split_subscript is missing else l_1_split_subscript), ') -> ', (environment.getattr(l_1_s, 'async_returns') if l_1_is_async else environment.getattr(l_1_s, 'returns')), '', indent=4, after=l_1_after)),
        ))
        return concat(t_3)
    context.exported_vars.add('signature')
    context.vars['signature'] = l_0_signature = Macro(environment, macro, 'signature', ('s', 'is_async', 'after'), False, False, False, context.eval_ctx.autoescape)
    yield '\n'
    def macro(l_1_m, l_1_is_async):
        t_4 = []
        l_1_client_await = missing
        if l_1_m is missing:
            l_1_m = undefined("parameter 'm' was not provided", name='m')
        if l_1_is_async is missing:
            l_1_is_async = undefined("parameter 'is_async' was not provided", name='is_async')
        pass
        l_1_client_await = ('await ' if (l_1_is_async and (not environment.getattr(l_1_m, 'page_spec'))) else '')
        t_4.append(
            '_options = make_request_options(\n            extra_headers=extra_headers,\n            extra_query=extra_query,\n            extra_body=extra_body,\n            timeout=timeout,\n            max_retries=max_retries,\n        )\n',
        )
        def t_5(fiter):
            for (l_2_keyword, l_2_expression) in fiter:
                if (l_2_expression != '{}'):
                    yield (l_2_keyword, l_2_expression)
        for (l_2_keyword, l_2_expression) in t_5(environment.getattr(l_1_m, 'body_args')):
            _loop_vars = {}
            pass
            t_4.extend((
                '        _',
                str(l_2_keyword),
                ' = ',
                str(l_2_expression),
                '\n',
            ))
        l_2_keyword = l_2_expression = missing
        if (environment.getattr(l_1_m, 'stream_mode') == 'True'):
            pass
            t_4.extend((
                '        return ',
                str((undefined(name='client_await') if l_1_client_await is missing else l_1_client_await)),
                'self._client.request_stream(\n            ',
                str(environment.getattr(l_1_m, 'http_method')),
                ',\n            ',
                str(environment.getattr(l_1_m, 'path')),
                ',\n            cast_to=',
                str(environment.getattr(l_1_m, 'stream_cast')),
                ',\n            stream_spec=',
                str(environment.getattr(l_1_m, 'stream_spec')),
                ',\n',
            ))
            if environment.getattr(l_1_m, 'path_params'):
                pass
                t_4.extend((
                    '            path_params=',
                    str(environment.getattr(l_1_m, 'path_params')),
                    ',\n',
                ))
            if environment.getattr(l_1_m, 'query'):
                pass
                t_4.extend((
                    '            query=',
                    str(environment.getattr(l_1_m, 'query')),
                    ',\n',
                ))
            if environment.getattr(l_1_m, 'headers'):
                pass
                t_4.extend((
                    '            headers=',
                    str(environment.getattr(l_1_m, 'headers')),
                    ',\n',
                ))
            if environment.getattr(l_1_m, 'cookies'):
                pass
                t_4.extend((
                    '            cookies=',
                    str(environment.getattr(l_1_m, 'cookies')),
                    ',\n',
                ))
            if environment.getattr(l_1_m, 'errors'):
                pass
                t_4.extend((
                    '            errors=',
                    str(environment.getattr(l_1_m, 'errors')),
                    ',\n',
                ))
            for (l_2_keyword, l_2_expression) in environment.getattr(l_1_m, 'body_args'):
                _loop_vars = {}
                pass
                t_4.extend((
                    '            ',
                    str(l_2_keyword),
                    '=',
                    str(('{}' if (l_2_expression == '{}') else str_join(('_', l_2_keyword, )))),
                    ',\n',
                ))
            l_2_keyword = l_2_expression = missing
            t_4.extend((
                '            idempotent=',
                str(environment.getattr(l_1_m, 'idempotent')),
                ',\n',
            ))
            if environment.getattr(l_1_m, 'security'):
                pass
                t_4.extend((
                    '            security=',
                    str(environment.getattr(l_1_m, 'security')),
                    ',\n',
                ))
            if environment.getattr(l_1_m, 'servers'):
                pass
                t_4.extend((
                    '            servers=',
                    str(environment.getattr(l_1_m, 'servers')),
                    ',\n',
                ))
            t_4.append(
                '            options=_options,\n        )\n',
            )
        else:
            pass
            if environment.getattr(l_1_m, 'stream_mode'):
                pass
                t_4.extend((
                    '        if ',
                    str(environment.getattr(l_1_m, 'stream_mode')),
                    ':\n            return ',
                    str((undefined(name='client_await') if l_1_client_await is missing else l_1_client_await)),
                    'self._client.request_stream(\n                ',
                    str(environment.getattr(l_1_m, 'http_method')),
                    ',\n                ',
                    str(environment.getattr(l_1_m, 'path')),
                    ',\n                cast_to=',
                    str(environment.getattr(l_1_m, 'stream_cast')),
                    ',\n                stream_spec=',
                    str(environment.getattr(l_1_m, 'stream_spec')),
                    ',\n',
                ))
                if environment.getattr(l_1_m, 'path_params'):
                    pass
                    t_4.extend((
                        '                path_params=',
                        str(t_1(environment.getattr(l_1_m, 'path_params'), 4)),
                        ',\n',
                    ))
                if environment.getattr(l_1_m, 'query'):
                    pass
                    t_4.extend((
                        '                query=',
                        str(t_1(environment.getattr(l_1_m, 'query'), 4)),
                        ',\n',
                    ))
                if environment.getattr(l_1_m, 'headers'):
                    pass
                    t_4.extend((
                        '                headers=',
                        str(t_1(environment.getattr(l_1_m, 'headers'), 4)),
                        ',\n',
                    ))
                if environment.getattr(l_1_m, 'cookies'):
                    pass
                    t_4.extend((
                        '                cookies=',
                        str(t_1(environment.getattr(l_1_m, 'cookies'), 4)),
                        ',\n',
                    ))
                if environment.getattr(l_1_m, 'errors'):
                    pass
                    t_4.extend((
                        '                errors=',
                        str(t_1(environment.getattr(l_1_m, 'errors'), 4)),
                        ',\n',
                    ))
                for (l_2_keyword, l_2_expression) in environment.getattr(l_1_m, 'body_args'):
                    _loop_vars = {}
                    pass
                    t_4.extend((
                        '                ',
                        str(l_2_keyword),
                        '=',
                        str(('{}' if (l_2_expression == '{}') else str_join(('_', l_2_keyword, )))),
                        ',\n',
                    ))
                l_2_keyword = l_2_expression = missing
                t_4.extend((
                    '                idempotent=',
                    str(environment.getattr(l_1_m, 'idempotent')),
                    ',\n',
                ))
                if environment.getattr(l_1_m, 'security'):
                    pass
                    t_4.extend((
                        '                security=',
                        str(environment.getattr(l_1_m, 'security')),
                        ',\n',
                    ))
                if environment.getattr(l_1_m, 'servers'):
                    pass
                    t_4.extend((
                        '                servers=',
                        str(t_1(environment.getattr(l_1_m, 'servers'), 4)),
                        ',\n',
                    ))
                t_4.append(
                    '                options=_options,\n            )\n',
                )
            if environment.getattr(l_1_m, 'page_spec'):
                pass
                t_4.extend((
                    '        return self._client.get_page(\n            ',
                    str(environment.getattr(l_1_m, 'path')),
                    ',\n            cast_to=',
                    str(environment.getattr(l_1_m, 'cast_to')),
                    ',\n            item_type=',
                    str(environment.getattr(l_1_m, 'page_item')),
                    ',\n            page_spec=',
                    str(environment.getattr(l_1_m, 'page_spec')),
                    ',\n',
                ))
            else:
                pass
                t_4.extend((
                    '        return ',
                    str((undefined(name='client_await') if l_1_client_await is missing else l_1_client_await)),
                    'self._client.request(\n            ',
                    str(environment.getattr(l_1_m, 'http_method')),
                    ',\n            ',
                    str(environment.getattr(l_1_m, 'path')),
                    ',\n            cast_to=',
                    str(environment.getattr(l_1_m, 'cast_to')),
                    ',\n',
                ))
            if environment.getattr(l_1_m, 'path_params'):
                pass
                t_4.extend((
                    '            path_params=',
                    str(environment.getattr(l_1_m, 'path_params')),
                    ',\n',
                ))
            if environment.getattr(l_1_m, 'query'):
                pass
                t_4.extend((
                    '            query=',
                    str(environment.getattr(l_1_m, 'query')),
                    ',\n',
                ))
            if environment.getattr(l_1_m, 'headers'):
                pass
                t_4.extend((
                    '            headers=',
                    str(environment.getattr(l_1_m, 'headers')),
                    ',\n',
                ))
            if environment.getattr(l_1_m, 'cookies'):
                pass
                t_4.extend((
                    '            cookies=',
                    str(environment.getattr(l_1_m, 'cookies')),
                    ',\n',
                ))
            if environment.getattr(l_1_m, 'errors'):
                pass
                t_4.extend((
                    '            errors=',
                    str(environment.getattr(l_1_m, 'errors')),
                    ',\n',
                ))
            if (not environment.getattr(l_1_m, 'page_spec')):
                pass
                for (l_2_keyword, l_2_expression) in environment.getattr(l_1_m, 'body_args'):
                    _loop_vars = {}
                    pass
                    t_4.extend((
                        '            ',
                        str(l_2_keyword),
                        '=',
                        str(('{}' if (l_2_expression == '{}') else str_join(('_', l_2_keyword, )))),
                        ',\n',
                    ))
                l_2_keyword = l_2_expression = missing
                t_4.extend((
                    '            idempotent=',
                    str(environment.getattr(l_1_m, 'idempotent')),
                    ',\n',
                ))
                if environment.getattr(l_1_m, 'accept'):
                    pass
                    t_4.extend((
                        '            accept=',
                        str(environment.getattr(l_1_m, 'accept')),
                        ',\n',
                    ))
                if environment.getattr(l_1_m, 'answers'):
                    pass
                    t_4.extend((
                        '            answers=',
                        str(environment.getattr(l_1_m, 'answers')),
                        ',\n',
                    ))
            if environment.getattr(l_1_m, 'security'):
                pass
                t_4.extend((
                    '            security=',
                    str(environment.getattr(l_1_m, 'security')),
                    ',\n',
                ))
            if environment.getattr(l_1_m, 'servers'):
                pass
                t_4.extend((
                    '            servers=',
                    str(environment.getattr(l_1_m, 'servers')),
                    ',\n',
                ))
            t_4.append(
                '            options=_options,\n        )\n',
            )
        return concat(t_4)
    context.exported_vars.add('call')
    context.vars['call'] = l_0_call = Macro(environment, macro, 'call', ('m', 'is_async'), False, False, False, context.eval_ctx.autoescape)
    yield '\n'
    l_1_loop = missing
    for l_1_is_async, l_1_loop in LoopContext((undefined(name='variants') if l_0_variants is missing else l_0_variants), undefined):
        l_1_prefix = l_1_asyncdef = missing
        _loop_vars = {}
        pass
        l_1_prefix = ('Async' if l_1_is_async else '')
        _loop_vars['prefix'] = l_1_prefix
        l_1_asyncdef = ('async def' if l_1_is_async else 'def')
        _loop_vars['asyncdef'] = l_1_asyncdef
        yield from context.blocks['resource_class'][0](context.derived({'asyncdef': l_1_asyncdef, 'is_async': l_1_is_async, 'loop': l_1_loop, 'prefix': l_1_prefix, 'call': l_0_call, 'signature': l_0_signature}))
    l_1_loop = l_1_is_async = l_1_prefix = l_1_asyncdef = missing
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
    l_0_r = resolve('r')
    pass
    yield '"""'
    yield str(environment.getattr((undefined(name='r') if l_0_r is missing else l_0_r), 'doc'))
    yield '"""\n'

def block_imports(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    l_0_r = resolve('r')
    l_0_import_from = resolve('import_from')
    l_0_with_async = resolve('with_async')
    l_0_with_sync = resolve('with_sync')
    try:
        t_6 = environment.filters['join']
    except KeyError:
        @internalcode
        def t_6(*unused):
            raise TemplateRuntimeError("No filter named 'join' found.")
    try:
        t_7 = environment.filters['sort']
    except KeyError:
        @internalcode
        def t_7(*unused):
            raise TemplateRuntimeError("No filter named 'sort' found.")
    pass
    yield 'from __future__ import annotations\n\nimport builtins as _builtins\n'
    if environment.getattr((undefined(name='r') if l_0_r is missing else l_0_r), 'datetime_names'):
        pass
        yield 'from datetime import '
        yield str(t_6(context.eval_ctx, environment.getattr((undefined(name='r') if l_0_r is missing else l_0_r), 'datetime_names'), ', '))
        yield '\n'
    yield 'from functools import cached_property\n'
    yield str(context.call((undefined(name='import_from') if l_0_import_from is missing else l_0_import_from), 'typing', environment.getattr((undefined(name='r') if l_0_r is missing else l_0_r), 'typing_names'), _block_vars=_block_vars))
    yield '\n\n'
    if (environment.getattr((undefined(name='r') if l_0_r is missing else l_0_r), 'aliases') or environment.getattr((undefined(name='r') if l_0_r is missing else l_0_r), 'removed')):
        pass
        yield 'from typing_extensions import deprecated\n\n'
    if environment.getattr((undefined(name='r') if l_0_r is missing else l_0_r), 'uses_adapter'):
        pass
        yield 'from pydantic import TypeAdapter\n\n'
    yield str(context.call((undefined(name='import_from') if l_0_import_from is missing else l_0_import_from), '.._base_client', ((['AsyncAPIClient'] if (undefined(name='with_async') if l_0_with_async is missing else l_0_with_async) else []) + (['SyncAPIClient'] if (undefined(name='with_sync') if l_0_with_sync is missing else l_0_with_sync) else [])), _block_vars=_block_vars))
    yield '\n'
    if environment.getattr((undefined(name='r') if l_0_r is missing else l_0_r), 'uses_part'):
        pass
        yield 'from .._forms import Part\n'
    if environment.getattr((undefined(name='r') if l_0_r is missing else l_0_r), 'uses_pages'):
        pass
        yield str(context.call((undefined(name='import_from') if l_0_import_from is missing else l_0_import_from), '.._pagination', t_7(environment, (((['SyncPage'] if (undefined(name='with_sync') if l_0_with_sync is missing else l_0_with_sync) else []) + (['AsyncPaginator'] if (undefined(name='with_async') if l_0_with_async is missing else l_0_with_async) else [])) + ['PageSpec'])), _block_vars=_block_vars))
        yield '\n'
    if environment.getattr((undefined(name='r') if l_0_r is missing else l_0_r), 'uses_styled'):
        pass
        yield 'from .._params import Styled\n'
    if environment.getattr((undefined(name='r') if l_0_r is missing else l_0_r), 'uses_media_choice'):
        pass
        yield 'from .._parsing import ByMediaType\n'
    yield 'from .._response import (\n'
    if (undefined(name='with_async') if l_0_with_async is missing else l_0_with_async):
        pass
        yield '    async_to_raw_response_wrapper,\n    async_to_streamed_response_wrapper,\n'
    if (undefined(name='with_sync') if l_0_with_sync is missing else l_0_with_sync):
        pass
        yield '    to_raw_response_wrapper,\n    to_streamed_response_wrapper,\n'
    yield ')\n'
    if environment.getattr((undefined(name='r') if l_0_r is missing else l_0_r), 'uses_stream'):
        pass
        yield str(context.call((undefined(name='import_from') if l_0_import_from is missing else l_0_import_from), '.._streaming', t_7(environment, (((['Stream'] if (undefined(name='with_sync') if l_0_with_sync is missing else l_0_with_sync) else []) + (['AsyncStream'] if (undefined(name='with_async') if l_0_with_async is missing else l_0_with_async) else [])) + ['StreamSpec'])), _block_vars=_block_vars))
        yield '\n'
    yield str(context.call((undefined(name='import_from') if l_0_import_from is missing else l_0_import_from), '.._types', ((['FileInput'] if environment.getattr((undefined(name='r') if l_0_r is missing else l_0_r), 'uses_files') else []) + ['Headers', 'NOT_GIVEN', 'NotGiven', 'Query', 'Timeout', 'make_request_options']), _block_vars=_block_vars))
    yield '\n'
    for l_1_line in environment.getattr((undefined(name='r') if l_0_r is missing else l_0_r), 'extra_imports'):
        _loop_vars = {}
        pass
        yield str(l_1_line)
        yield '\n'
    l_1_line = missing
    if environment.getattr((undefined(name='r') if l_0_r is missing else l_0_r), 'model_imports'):
        pass
        yield str(context.call((undefined(name='import_from') if l_0_import_from is missing else l_0_import_from), '..models', environment.getattr((undefined(name='r') if l_0_r is missing else l_0_r), 'model_imports'), _block_vars=_block_vars))
        yield '\n'
    if environment.getattr((undefined(name='r') if l_0_r is missing else l_0_r), 'children'):
        pass
        yield '\nif TYPE_CHECKING:\n'
        for l_1_c in environment.getattr((undefined(name='r') if l_0_r is missing else l_0_r), 'children'):
            l_1_variants = resolve('variants')
            l_1_names = missing
            _loop_vars = {}
            pass
            l_1_names = []
            _loop_vars['names'] = l_1_names
            for l_2_is_async in (undefined(name='variants') if l_1_variants is missing else l_1_variants):
                l_2_p = l_2__ = missing
                _loop_vars = {}
                pass
                l_2_p = ('Async' if l_2_is_async else '')
                _loop_vars['p'] = l_2_p
                l_2__ = context.call(environment.getattr((undefined(name='names') if l_1_names is missing else l_1_names), 'extend'), [str_join(((undefined(name='p') if l_2_p is missing else l_2_p), environment.getattr(l_1_c, 'class_name'), )), str_join(((undefined(name='p') if l_2_p is missing else l_2_p), environment.getattr(l_1_c, 'class_name'), 'WithRawResponse', )), str_join(((undefined(name='p') if l_2_p is missing else l_2_p), environment.getattr(l_1_c, 'class_name'), 'WithStreamingResponse', ))], _loop_vars=_loop_vars)
                _loop_vars['_'] = l_2__
            l_2_is_async = l_2_p = l_2__ = missing
            yield '    '
            yield str(context.call((undefined(name='import_from') if l_0_import_from is missing else l_0_import_from), str_join(('.', environment.getattr(l_1_c, 'module'), )), t_7(environment, (undefined(name='names') if l_1_names is missing else l_1_names)), indent=4, _loop_vars=_loop_vars))
            yield '\n'
        l_1_c = l_1_names = l_1_variants = missing

def block_all(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    l_0_split_subscript = resolve('split_subscript')
    l_0_class_names = missing
    try:
        t_8 = environment.filters['pystr']
    except KeyError:
        @internalcode
        def t_8(*unused):
            raise TemplateRuntimeError("No filter named 'pystr' found.")
    pass
    l_1_variants = resolve('variants')
    t_9 = []
    pass
    l_2_loop = missing
    for l_2_is_async, l_2_loop in LoopContext((undefined(name='variants') if l_1_variants is missing else l_1_variants), undefined):
        l_2_r = resolve('r')
        _loop_vars = {}
        pass
        t_9.extend((
            str(t_8(str_join((('Async' if l_2_is_async else ''), environment.getattr((undefined(name='r') if l_2_r is missing else l_2_r), 'class_name'), )))),
            str((', ' if (not environment.getattr(l_2_loop, 'last')) else cond_expr_undefined("the inline if-expression on line 75 in 'package/resources/resource.py.j2' evaluated to false and no else section was defined."))),
        ))
    l_2_loop = l_2_is_async = l_2_r = missing
    l_0_class_names = (Markup if context.eval_ctx.autoescape else identity)(concat(t_9))
    _block_vars['class_names'] = l_0_class_names
    l_1_variants = missing
    yield str(context.call((undefined(name='split_subscript') if l_0_split_subscript is missing else l_0_split_subscript), '__all__ = ', str_join(('[', (undefined(name='class_names') if l_0_class_names is missing else l_0_class_names), ']', )), '', indent=0, _block_vars=_block_vars))
    yield '\n'

def block_constants(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    l_0_r = resolve('r')
    pass
    for (l_1_name, l_1_annotation, l_1_expression) in environment.getattr((undefined(name='r') if l_0_r is missing else l_0_r), 'constants'):
        _loop_vars = {}
        pass
        yield '\n'
        yield str(l_1_name)
        yield ': '
        yield str(l_1_annotation)
        yield ' = '
        yield str(l_1_expression)
        yield '\n'
    l_1_name = l_1_annotation = l_1_expression = missing

def block_resource_class(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    l_0_r = resolve('r')
    pass
    yield from context.blocks['class_header'][0](context.derived({}))
    yield from context.blocks['class_docstring'][0](context.derived({}))
    yield from context.blocks['class_init'][0](context.derived({}))
    yield from context.blocks['children'][0](context.derived({}))
    l_1_loop = missing
    for l_1_m, l_1_loop in LoopContext((environment.getattr((undefined(name='r') if l_0_r is missing else l_0_r), 'methods') + environment.getattr((undefined(name='r') if l_0_r is missing else l_0_r), 'aliases')), undefined):
        l_1_asyncdef = resolve('asyncdef')
        l_1_method_def = missing
        _loop_vars = {}
        pass
        l_1_method_def = ('def' if environment.getattr(l_1_m, 'page_spec') else (undefined(name='asyncdef') if l_1_asyncdef is missing else l_1_asyncdef))
        _loop_vars['method_def'] = l_1_method_def
        yield from context.blocks['method'][0](context.derived({'loop': l_1_loop, 'm': l_1_m, 'method_def': l_1_method_def}))
    l_1_loop = l_1_m = l_1_asyncdef = l_1_method_def = missing
    for (l_1_name, l_1_message) in environment.getattr((undefined(name='r') if l_0_r is missing else l_0_r), 'removed'):
        _loop_vars = {}
        pass
        yield '\n    @deprecated('
        yield str(l_1_message)
        yield ')\n    def '
        yield str(l_1_name)
        yield '(self, *args: Any, **kwargs: Any) -> NoReturn:\n        """Removed from the API: calling it raises NotImplementedError."""\n        raise NotImplementedError('
        yield str(l_1_message)
        yield ')\n'
    l_1_name = l_1_message = missing
    yield from context.blocks['class_extra'][0](context.derived({}))
    yield from context.blocks['wrapper_classes'][0](context.derived({}))

def block_class_header(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    l_0_prefix = resolve('prefix')
    l_0_r = resolve('r')
    pass
    yield '\n\nclass '
    yield str((undefined(name='prefix') if l_0_prefix is missing else l_0_prefix))
    yield str(environment.getattr((undefined(name='r') if l_0_r is missing else l_0_r), 'class_name'))
    yield ':\n'

def block_class_docstring(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    l_0_r = resolve('r')
    try:
        t_10 = environment.filters['docindent']
    except KeyError:
        @internalcode
        def t_10(*unused):
            raise TemplateRuntimeError("No filter named 'docindent' found.")
    pass
    yield '    """'
    yield str(t_10(environment.getattr((undefined(name='r') if l_0_r is missing else l_0_r), 'doc'), 4))
    yield '"""\n'

def block_class_init(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    l_0_is_async = resolve('is_async')
    l_0_lay_out_def = resolve('lay_out_def')
    l_0_prefix = resolve('prefix')
    l_0_r = resolve('r')
    pass
    yield '\n    def __init__(self, client: '
    yield str(('AsyncAPIClient' if (undefined(name='is_async') if l_0_is_async is missing else l_0_is_async) else 'SyncAPIClient'))
    yield ') -> None:\n        self._client = client\n\n    @cached_property\n    '
    yield str(context.call((undefined(name='lay_out_def') if l_0_lay_out_def is missing else l_0_lay_out_def), 'def with_raw_response(', ['self'], str_join((') -> ', (undefined(name='prefix') if l_0_prefix is missing else l_0_prefix), environment.getattr((undefined(name='r') if l_0_r is missing else l_0_r), 'class_name'), 'WithRawResponse:', )), indent=4, _block_vars=_block_vars))
    yield '\n        """Call any method and get the HTTP response (status, headers) with `.parse()`."""\n        return '
    yield str((undefined(name='prefix') if l_0_prefix is missing else l_0_prefix))
    yield str(environment.getattr((undefined(name='r') if l_0_r is missing else l_0_r), 'class_name'))
    yield 'WithRawResponse(self)\n\n    @cached_property\n    '
    yield str(context.call((undefined(name='lay_out_def') if l_0_lay_out_def is missing else l_0_lay_out_def), 'def with_streaming_response(', ['self'], str_join((') -> ', (undefined(name='prefix') if l_0_prefix is missing else l_0_prefix), environment.getattr((undefined(name='r') if l_0_r is missing else l_0_r), 'class_name'), 'WithStreamingResponse:', )), indent=4, _block_vars=_block_vars))
    yield '\n        """Like `with_raw_response`, but the body is not read: for large downloads."""\n        return '
    yield str((undefined(name='prefix') if l_0_prefix is missing else l_0_prefix))
    yield str(environment.getattr((undefined(name='r') if l_0_r is missing else l_0_r), 'class_name'))
    yield 'WithStreamingResponse(self)\n'

def block_children(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    l_0_r = resolve('r')
    try:
        t_10 = environment.filters['docindent']
    except KeyError:
        @internalcode
        def t_10(*unused):
            raise TemplateRuntimeError("No filter named 'docindent' found.")
    pass
    for l_1_c in environment.getattr((undefined(name='r') if l_0_r is missing else l_0_r), 'children'):
        l_1_lay_out_def = resolve('lay_out_def')
        l_1_prefix = resolve('prefix')
        l_1_import_from = resolve('import_from')
        _loop_vars = {}
        pass
        yield '\n    @cached_property\n    '
        yield str(context.call((undefined(name='lay_out_def') if l_1_lay_out_def is missing else l_1_lay_out_def), str_join(('def ', environment.getattr(l_1_c, 'attribute'), '(', )), ['self'], str_join((') -> ', (undefined(name='prefix') if l_1_prefix is missing else l_1_prefix), environment.getattr(l_1_c, 'class_name'), ':', )), indent=4, _loop_vars=_loop_vars))
        yield '\n        """'
        yield str(t_10(environment.getattr(l_1_c, 'doc'), 8))
        yield '"""\n        '
        yield str(context.call((undefined(name='import_from') if l_1_import_from is missing else l_1_import_from), str_join(('.', environment.getattr(l_1_c, 'module'), )), [str_join(((undefined(name='prefix') if l_1_prefix is missing else l_1_prefix), environment.getattr(l_1_c, 'class_name'), ))], indent=8, _loop_vars=_loop_vars))
        yield '\n\n        return '
        yield str((undefined(name='prefix') if l_1_prefix is missing else l_1_prefix))
        yield str(environment.getattr(l_1_c, 'class_name'))
        yield '(self._client)\n'
    l_1_c = l_1_lay_out_def = l_1_prefix = l_1_import_from = missing

def block_method(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    l_0_method_def = resolve('method_def')
    l_0_m = resolve('m')
    l_0_signature = resolve('signature')
    l_0_is_async = resolve('is_async')
    pass
    yield from context.blocks['method_overloads'][0](context.derived({}))
    yield '\n'
    yield from context.blocks['method_decorators'][0](context.derived({}))
    yield '    '
    yield str((undefined(name='method_def') if l_0_method_def is missing else l_0_method_def))
    yield ' '
    yield str(environment.getattr((undefined(name='m') if l_0_m is missing else l_0_m), 'name'))
    yield str(context.call((undefined(name='signature') if l_0_signature is missing else l_0_signature), environment.getattr((undefined(name='m') if l_0_m is missing else l_0_m), 'signature'), (undefined(name='is_async') if l_0_is_async is missing else l_0_is_async), _block_vars=_block_vars))
    yield ':\n'
    yield from context.blocks['method_docstring'][0](context.derived({}))
    yield from context.blocks['method_body'][0](context.derived({}))

def block_method_overloads(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    l_0_m = resolve('m')
    pass
    for l_1_o in environment.getattr((undefined(name='m') if l_0_m is missing else l_0_m), 'overloads'):
        l_1_method_def = resolve('method_def')
        l_1_signature = resolve('signature')
        l_1_is_async = resolve('is_async')
        _loop_vars = {}
        pass
        yield '\n    @overload\n    '
        yield str((undefined(name='method_def') if l_1_method_def is missing else l_1_method_def))
        yield ' '
        yield str(environment.getattr((undefined(name='m') if l_0_m is missing else l_0_m), 'name'))
        yield str(context.call((undefined(name='signature') if l_1_signature is missing else l_1_signature), l_1_o, (undefined(name='is_async') if l_1_is_async is missing else l_1_is_async), after=5, _loop_vars=_loop_vars))
        yield ': ...\n'
    l_1_o = l_1_method_def = l_1_signature = l_1_is_async = missing

def block_method_decorators(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    l_0_m = resolve('m')
    pass
    if environment.getattr((undefined(name='m') if l_0_m is missing else l_0_m), 'deprecation'):
        pass
        yield '    @deprecated('
        yield str(environment.getattr((undefined(name='m') if l_0_m is missing else l_0_m), 'deprecation'))
        yield ')\n'

def block_method_docstring(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    l_0_m = resolve('m')
    try:
        t_10 = environment.filters['docindent']
    except KeyError:
        @internalcode
        def t_10(*unused):
            raise TemplateRuntimeError("No filter named 'docindent' found.")
    pass
    if environment.getattr((undefined(name='m') if l_0_m is missing else l_0_m), 'doc'):
        pass
        yield '        """'
        yield str(t_10(environment.getattr((undefined(name='m') if l_0_m is missing else l_0_m), 'doc'), 8))
        yield '"""\n'

def block_method_body(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    l_0_call = resolve('call')
    l_0_m = resolve('m')
    l_0_is_async = resolve('is_async')
    try:
        t_11 = environment.filters['trim']
    except KeyError:
        @internalcode
        def t_11(*unused):
            raise TemplateRuntimeError("No filter named 'trim' found.")
    pass
    yield '        '
    yield str(t_11(context.call((undefined(name='call') if l_0_call is missing else l_0_call), (undefined(name='m') if l_0_m is missing else l_0_m), (undefined(name='is_async') if l_0_is_async is missing else l_0_is_async), _block_vars=_block_vars)))
    yield '\n'

def block_class_extra(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    pass

def block_wrapper_classes(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    pass
    yield '\n\n'
    for (l_1_kind, l_1_wrapper_name) in [('WithRawResponse', 'to_raw_response_wrapper'), ('WithStreamingResponse', 'to_streamed_response_wrapper')]:
        l_1_is_async = resolve('is_async')
        l_1_prefix = resolve('prefix')
        l_1_r = resolve('r')
        l_1_wrapper = missing
        _loop_vars = {}
        pass
        l_1_wrapper = str_join((('async_' if (undefined(name='is_async') if l_1_is_async is missing else l_1_is_async) else ''), l_1_wrapper_name, ))
        _loop_vars['wrapper'] = l_1_wrapper
        yield '\n\nclass '
        yield str((undefined(name='prefix') if l_1_prefix is missing else l_1_prefix))
        yield str(environment.getattr((undefined(name='r') if l_1_r is missing else l_1_r), 'class_name'))
        yield str(l_1_kind)
        yield ':\n    def __init__(self, resource: '
        yield str((undefined(name='prefix') if l_1_prefix is missing else l_1_prefix))
        yield str(environment.getattr((undefined(name='r') if l_1_r is missing else l_1_r), 'class_name'))
        yield ') -> None:\n'
        if environment.getattr((undefined(name='r') if l_1_r is missing else l_1_r), 'children'):
            pass
            yield '        self._resource = resource\n'
        for l_2_m in environment.getattr((undefined(name='r') if l_1_r is missing else l_1_r), 'methods'):
            l_2_assigned_call = resolve('assigned_call')
            _loop_vars = {}
            pass
            yield '        self.'
            yield str(environment.getattr(l_2_m, 'name'))
            yield ' = '
            yield str(context.call((undefined(name='assigned_call') if l_2_assigned_call is missing else l_2_assigned_call), str_join(('self.', environment.getattr(l_2_m, 'name'), )), (undefined(name='wrapper') if l_1_wrapper is missing else l_1_wrapper), [str_join(('resource.', environment.getattr(l_2_m, 'name'), ))], indent=8, _loop_vars=_loop_vars))
            yield '\n'
        l_2_m = l_2_assigned_call = missing
        if ((not environment.getattr((undefined(name='r') if l_1_r is missing else l_1_r), 'children')) and (not environment.getattr((undefined(name='r') if l_1_r is missing else l_1_r), 'methods'))):
            pass
            yield '        pass\n'
        for l_2_c in environment.getattr((undefined(name='r') if l_1_r is missing else l_1_r), 'children'):
            l_2_lay_out_def = resolve('lay_out_def')
            l_2_import_from = resolve('import_from')
            _loop_vars = {}
            pass
            yield '\n    @cached_property\n    '
            yield str(context.call((undefined(name='lay_out_def') if l_2_lay_out_def is missing else l_2_lay_out_def), str_join(('def ', environment.getattr(l_2_c, 'attribute'), '(', )), ['self'], str_join((') -> ', (undefined(name='prefix') if l_1_prefix is missing else l_1_prefix), environment.getattr(l_2_c, 'class_name'), l_1_kind, ':', )), indent=4, _loop_vars=_loop_vars))
            yield '\n        '
            yield str(context.call((undefined(name='import_from') if l_2_import_from is missing else l_2_import_from), str_join(('.', environment.getattr(l_2_c, 'module'), )), [str_join(((undefined(name='prefix') if l_1_prefix is missing else l_1_prefix), environment.getattr(l_2_c, 'class_name'), l_1_kind, ))], indent=8, _loop_vars=_loop_vars))
            yield '\n\n        return '
            yield str((undefined(name='prefix') if l_1_prefix is missing else l_1_prefix))
            yield str(environment.getattr(l_2_c, 'class_name'))
            yield str(l_1_kind)
            yield '(self._resource.'
            yield str(environment.getattr(l_2_c, 'attribute'))
            yield ')\n'
        l_2_c = l_2_lay_out_def = l_2_import_from = missing
    l_1_kind = l_1_wrapper_name = l_1_is_async = l_1_wrapper = l_1_prefix = l_1_r = missing

def block_footer(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    pass

blocks = {'header': block_header, 'module_docstring': block_module_docstring, 'imports': block_imports, 'all': block_all, 'constants': block_constants, 'resource_class': block_resource_class, 'class_header': block_class_header, 'class_docstring': block_class_docstring, 'class_init': block_class_init, 'children': block_children, 'method': block_method, 'method_overloads': block_method_overloads, 'method_decorators': block_method_decorators, 'method_docstring': block_method_docstring, 'method_body': block_method_body, 'class_extra': block_class_extra, 'wrapper_classes': block_wrapper_classes, 'footer': block_footer}
debug_info = '2=25&5=26&9=28&74=30&78=31&86=33&89=46&90=51&93=58&94=63&96=69&99=75&100=83&108=87&109=96&111=102&112=106&113=108&114=110&115=112&116=114&117=117&118=121&120=124&121=128&123=131&124=135&126=138&127=142&129=145&130=149&132=152&133=157&135=165&136=168&137=172&139=175&140=179&145=187&146=191&147=193&148=195&149=197&150=199&151=201&152=204&153=208&155=211&156=215&158=218&159=222&161=225&162=229&164=232&165=236&167=239&168=244&170=252&171=255&172=259&174=262&175=266&180=272&182=276&183=278&184=280&185=282&187=289&188=291&189=293&190=295&192=298&193=302&195=305&196=309&198=312&199=316&201=319&202=323&204=326&205=330&207=333&208=335&209=340&211=348&212=351&213=355&215=358&216=362&219=365&220=369&222=372&223=376&230=387&231=391&232=393&233=395&334=397&2=399&3=408&5=411&6=421&9=424&13=449&14=452&17=455&19=457&23=460&27=463&28=465&31=468&32=470&34=472&37=475&41=479&45=482&50=486&51=488&53=490&54=492&55=495&57=498&58=500&60=502&63=505&64=510&65=512&66=516&67=518&69=522&74=526&75=546&76=558&78=561&79=570&81=574&233=582&234=591&239=592&242=593&257=594&268=596&269=601&270=603&295=605&297=609&298=611&300=613&302=616&304=617&234=619&237=630&239=634&240=650&242=653&244=666&248=668&250=670&253=673&255=675&257=679&258=694&261=701&262=703&263=705&265=707&270=712&271=724&279=726&284=728&285=733&290=734&271=736&272=745&275=752&279=759&280=768&281=771&285=774&286=789&287=792&290=795&291=813&302=816&304=825&307=834&308=841&311=844&312=848&313=851&316=854&317=859&319=864&322=867&325=873&326=875&328=877&334=886'
