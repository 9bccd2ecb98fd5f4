# compiled from templates/package/README.md.j2; do not edit
from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'package/README.md.j2'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_client_name = resolve('client_name')
    l_0_api = resolve('api')
    l_0_auth = resolve('auth')
    l_0_aclient = l_0_typed_dicts = l_0_credentials = missing
    pass
    l_0_aclient = str_join(('Async', (undefined(name='client_name') if l_0_client_name is missing else l_0_client_name), ))
    context.vars['aclient'] = l_0_aclient
    context.exported_vars.add('aclient')
    l_0_typed_dicts = (environment.getattr((undefined(name='api') if l_0_api is missing else l_0_api), 'model_style') == 'typeddict')
    context.vars['typed_dicts'] = l_0_typed_dicts
    context.exported_vars.add('typed_dicts')
    l_0_credentials = environment.getattr((undefined(name='auth') if l_0_auth is missing else l_0_auth), 'readme')
    context.vars['credentials'] = l_0_credentials
    context.exported_vars.add('credentials')
    yield from context.blocks['header'][0](context)
    yield from context.blocks['title'][0](context)
    yield '\n'
    yield from context.blocks['install'][0](context)
    yield '\n'
    yield from context.blocks['usage'][0](context)
    yield from context.blocks['authentication'][0](context)
    yield from context.blocks['streaming'][0](context)
    yield from context.blocks['pagination'][0](context)
    yield from context.blocks['files'][0](context)
    yield '\n'
    yield from context.blocks['errors'][0](context)
    yield '\n'
    yield from context.blocks['retries'][0](context)
    yield '\n'
    yield from context.blocks['async_usage'][0](context)
    yield from context.blocks['tests'][0](context)
    yield from context.blocks['drift'][0](context)
    yield from context.blocks['logging'][0](context)
    yield '\n'
    yield from context.blocks['methods'][0](context)
    yield from context.blocks['footer'][0](context)

def block_header(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    l_0_header_lines = resolve('header_lines')
    try:
        t_1 = environment.filters['join']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'join' found.")
    pass
    yield '<!-- '
    yield str(t_1(context.eval_ctx, (undefined(name='header_lines') if l_0_header_lines is missing else l_0_header_lines), '\n     '))
    yield ' -->\n'

def block_title(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    l_0_distribution_name = resolve('distribution_name')
    l_0_title = resolve('title')
    l_0_with_sync = resolve('with_sync')
    l_0_with_async = resolve('with_async')
    l_0_typed_dicts = resolve('typed_dicts')
    l_0_api = resolve('api')
    l_0_stream = resolve('stream')
    l_0_page = resolve('page')
    l_0_description = resolve('description')
    pass
    yield '# '
    yield str((undefined(name='distribution_name') if l_0_distribution_name is missing else l_0_distribution_name))
    yield '\n\nA typed Python client for the '
    yield str((undefined(name='title') if l_0_title is missing else l_0_title))
    yield ': '
    yield str(('sync and async' if ((undefined(name='with_sync') if l_0_with_sync is missing else l_0_with_sync) and (undefined(name='with_async') if l_0_with_async is missing else l_0_with_async)) else ('async' if (undefined(name='with_async') if l_0_with_async is missing else l_0_with_async) else 'sync')))
    yield ', '
    yield str(('TypedDict' if (undefined(name='typed_dicts') if l_0_typed_dicts is missing else l_0_typed_dicts) else ('dataclass' if (environment.getattr((undefined(name='api') if l_0_api is missing else l_0_api), 'model_style') == 'dataclasses') else 'pydantic v2')))
    yield '\nmodels, typed errors, retries and timeouts'
    if (undefined(name='stream') if l_0_stream is missing else l_0_stream):
        pass
        yield ', typed streaming'
    if (undefined(name='page') if l_0_page is missing else l_0_page):
        pass
        yield ', pagination'
    yield '.\n\n'
    yield str((undefined(name='description') if l_0_description is missing else l_0_description))
    yield '\n'

def block_install(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    l_0_extra_dependencies = resolve('extra_dependencies')
    pass
    yield '## Install\n\n```sh\npip install .        # in this folder, the one holding this README and pyproject.toml\n```\n\n'
    if (undefined(name='extra_dependencies') if l_0_extra_dependencies is missing else l_0_extra_dependencies):
        pass
        yield 'It needs `httpx`, `httpx-sse`, `pydantic`'
        l_1_loop = missing
        for l_1_name, l_1_loop in LoopContext((undefined(name='extra_dependencies') if l_0_extra_dependencies is missing else l_0_extra_dependencies), undefined):
            _loop_vars = {}
            pass
            yield str((' and ' if environment.getattr(l_1_loop, 'last') else ', '))
            yield '`'
            yield str(l_1_name)
            yield '`'
        l_1_loop = l_1_name = missing
        yield ' at run time.\n'
    else:
        pass
        yield 'It needs only `httpx`, `httpx-sse` and `pydantic` at run time.\n'

def block_usage(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    l_0_datetime_names = resolve('datetime_names')
    l_0_with_sync = resolve('with_sync')
    l_0_package_name = resolve('package_name')
    l_0_client_name = resolve('client_name')
    l_0_credentials = resolve('credentials')
    l_0_base_url_env = resolve('base_url_env')
    l_0_base_url = resolve('base_url')
    l_0_simple = resolve('simple')
    l_0_aclient = resolve('aclient')
    l_0_typed_dicts = resolve('typed_dicts')
    l_0_api = resolve('api')
    l_0_params = resolve('params')
    try:
        t_1 = environment.filters['join']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'join' found.")
    pass
    yield '## Usage\n\n```python\n'
    if (undefined(name='datetime_names') if l_0_datetime_names is missing else l_0_datetime_names):
        pass
        yield 'from datetime import '
        yield str(t_1(context.eval_ctx, (undefined(name='datetime_names') if l_0_datetime_names is missing else l_0_datetime_names), ', '))
        yield '\n\n'
    if (undefined(name='with_sync') if l_0_with_sync is missing else l_0_with_sync):
        pass
        yield 'from '
        yield str((undefined(name='package_name') if l_0_package_name is missing else l_0_package_name))
        yield ' import '
        yield str((undefined(name='client_name') if l_0_client_name is missing else l_0_client_name))
        yield '\n\nclient = '
        yield str((undefined(name='client_name') if l_0_client_name is missing else l_0_client_name))
        yield '()  # '
        yield str((undefined(name='credentials') if l_0_credentials is missing else l_0_credentials))
        yield ', base_url from '
        yield str((undefined(name='base_url_env') if l_0_base_url_env is missing else l_0_base_url_env))
        yield ' or '
        yield str((undefined(name='base_url') if l_0_base_url is missing else l_0_base_url))
        yield '\n'
        if (undefined(name='simple') if l_0_simple is missing else l_0_simple):
            pass
            yield 'result = client.'
            yield str(environment.getattr((undefined(name='simple') if l_0_simple is missing else l_0_simple), 'resource'))
            yield '.'
            yield str(environment.getattr((undefined(name='simple') if l_0_simple is missing else l_0_simple), 'method'))
            yield '('
            yield str(environment.getattr((undefined(name='simple') if l_0_simple is missing else l_0_simple), 'arguments'))
            yield ')\nprint(result)\n'
    else:
        pass
        yield 'import asyncio\n\nfrom '
        yield str((undefined(name='package_name') if l_0_package_name is missing else l_0_package_name))
        yield ' import '
        yield str((undefined(name='aclient') if l_0_aclient is missing else l_0_aclient))
        yield '\n\n\nasync def main() -> None:\n    # '
        yield str((undefined(name='credentials') if l_0_credentials is missing else l_0_credentials))
        yield ', base_url from '
        yield str((undefined(name='base_url_env') if l_0_base_url_env is missing else l_0_base_url_env))
        yield ' or '
        yield str((undefined(name='base_url') if l_0_base_url is missing else l_0_base_url))
        yield '\n    async with '
        yield str((undefined(name='aclient') if l_0_aclient is missing else l_0_aclient))
        yield '() as client:\n'
        if (undefined(name='simple') if l_0_simple is missing else l_0_simple):
            pass
            yield '        result = await client.'
            yield str(environment.getattr((undefined(name='simple') if l_0_simple is missing else l_0_simple), 'resource'))
            yield '.'
            yield str(environment.getattr((undefined(name='simple') if l_0_simple is missing else l_0_simple), 'method'))
            yield '('
            yield str(environment.getattr((undefined(name='simple') if l_0_simple is missing else l_0_simple), 'arguments'))
            yield ')\n        print(result)\n'
        else:
            pass
            yield '        ...\n'
        yield '\n\nasyncio.run(main())\n'
    yield '```\n\nEvery method takes keyword arguments typed from the spec; optional ones\ndefault to `NOT_GIVEN` and are not sent. '
    if (undefined(name='typed_dicts') if l_0_typed_dicts is missing else l_0_typed_dicts):
        pass
        yield 'Answers are plain dicts typed by\nTypedDicts; keys this client does not know yet stay in them'
    elif (environment.getattr((undefined(name='api') if l_0_api is missing else l_0_api), 'model_style') == 'dataclasses'):
        pass
        yield 'Models are dataclasses\nthat keep keys this client does not know yet (`model["key"]`)'
    else:
        pass
        yield 'Models keep fields this client does\nnot know yet (`model.model_extra`)'
    yield ', and enums accept values it has not seen.\n'
    if (undefined(name='params') if l_0_params is missing else l_0_params):
        pass
        yield "An argument that takes a model also takes a plain dict typed by the model's\n`<Model>Param` TypedDict from `models`, so mypy checks its keys and value\ntypes; the model itself is still accepted. The Params: "
        yield str((undefined(name='params') if l_0_params is missing else l_0_params))
        yield '.\n'

def block_authentication(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    l_0_auth = resolve('auth')
    l_0_servers = resolve('servers')
    l_0_base_url_env = resolve('base_url_env')
    try:
        t_2 = environment.filters['length']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'length' found.")
    pass
    if (t_2(environment.getattr((undefined(name='auth') if l_0_auth is missing else l_0_auth), 'arguments')) > 1):
        pass
        yield "\n## Authentication\n\nEach credential is a keyword argument of the client, else the environment\nvariable beside it. Give the ones the methods you call need: a method sends\nwhat its operation's security asks for, and where the spec offers\nalternatives, the first one you gave; a method that needs a credential you\ndid not give raises before anything is sent.\n\n| argument | environment variable | what it is |\n| --- | --- | --- |\n"
        for l_1_a in environment.getattr((undefined(name='auth') if l_0_auth is missing else l_0_auth), 'arguments'):
            _loop_vars = {}
            pass
            yield '| `'
            yield str(environment.getattr(l_1_a, 'argument'))
            yield '` | `'
            yield str(environment.getattr(l_1_a, 'env'))
            yield '` | '
            yield str(environment.getattr(l_1_a, 'summary'))
            yield ' |\n'
        l_1_a = missing
    if (undefined(name='servers') if l_0_servers is missing else l_0_servers):
        pass
        yield '\n## Servers\n\n`base_url=` (or `'
        yield str((undefined(name='base_url_env') if l_0_base_url_env is missing else l_0_base_url_env))
        yield '`) takes any URL; `server=` picks one the spec\nlists, by index or name, and `server_variables=` fills its variables (checked\nagainst the values the spec allows). Methods whose operation names servers of\nits own use those.\n\n| choose with | URL | variables | description |\n| --- | --- | --- | --- |\n'
        for l_1_s in (undefined(name='servers') if l_0_servers is missing else l_0_servers):
            _loop_vars = {}
            pass
            yield '| '
            yield str(environment.getattr(l_1_s, 'choice'))
            yield ' | `'
            yield str(environment.getattr(l_1_s, 'url'))
            yield '` | '
            yield str(environment.getattr(l_1_s, 'variables'))
            yield ' | '
            yield str(environment.getattr(l_1_s, 'description'))
            yield ' |\n'
        l_1_s = missing

def block_streaming(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    l_0_stream = resolve('stream')
    l_0_with_sync = resolve('with_sync')
    l_0_typed_dicts = resolve('typed_dicts')
    l_0_stream_tag = resolve('stream_tag')
    l_0_stream_text_event = resolve('stream_text_event')
    l_0_aclient = resolve('aclient')
    l_0_stream_stop = resolve('stream_stop')
    l_0_stream_spans = resolve('stream_spans')
    try:
        t_1 = environment.filters['join']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'join' found.")
    try:
        t_3 = environment.filters['pystr']
    except KeyError:
        @internalcode
        def t_3(*unused):
            raise TemplateRuntimeError("No filter named 'pystr' found.")
    pass
    if (undefined(name='stream') if l_0_stream is missing else l_0_stream):
        pass
        yield '\n## Streaming\n\n```python\n'
        if (undefined(name='with_sync') if l_0_with_sync is missing else l_0_with_sync):
            pass
            yield 'with client.'
            yield str(environment.getattr((undefined(name='stream') if l_0_stream is missing else l_0_stream), 'resource'))
            yield '.'
            yield str(environment.getattr((undefined(name='stream') if l_0_stream is missing else l_0_stream), 'method'))
            yield '('
            yield str(environment.getattr((undefined(name='stream') if l_0_stream is missing else l_0_stream), 'arguments'))
            yield ') as stream:\n'
            if (undefined(name='typed_dicts') if l_0_typed_dicts is missing else l_0_typed_dicts):
                pass
                yield '    for event in stream:  # dicts typed by a union of TypedDicts, told apart by '
                yield str(t_3((undefined(name='stream_tag') if l_0_stream_tag is missing else l_0_stream_tag)))
                yield '\n        print(event['
                yield str(t_3((undefined(name='stream_tag') if l_0_stream_tag is missing else l_0_stream_tag)))
                yield '])\n'
            else:
                pass
                yield '    for event in stream:  # a typed union: narrow with isinstance or on the tag\n        print(type(event).__name__)\n'
            if (undefined(name='stream_text_event') if l_0_stream_text_event is missing else l_0_stream_text_event):
                pass
                yield '\nresult = client.'
                yield str(environment.getattr((undefined(name='stream') if l_0_stream is missing else l_0_stream), 'resource'))
                yield '.'
                yield str(environment.getattr((undefined(name='stream') if l_0_stream is missing else l_0_stream), 'method'))
                yield '('
                yield str(environment.getattr((undefined(name='stream') if l_0_stream is missing else l_0_stream), 'arguments'))
                yield ').until_done()\nprint(result.text, result.final)\n'
        else:
            pass
            yield 'async def stream_events() -> None:\n    async with '
            yield str((undefined(name='aclient') if l_0_aclient is missing else l_0_aclient))
            yield '() as client:\n        async with await client.'
            yield str(environment.getattr((undefined(name='stream') if l_0_stream is missing else l_0_stream), 'resource'))
            yield '.'
            yield str(environment.getattr((undefined(name='stream') if l_0_stream is missing else l_0_stream), 'method'))
            yield '('
            yield str(environment.getattr((undefined(name='stream') if l_0_stream is missing else l_0_stream), 'arguments'))
            yield ') as stream:\n'
            if (undefined(name='typed_dicts') if l_0_typed_dicts is missing else l_0_typed_dicts):
                pass
                yield '            async for event in stream:  # dicts typed by a union of TypedDicts, told apart by '
                yield str(t_3((undefined(name='stream_tag') if l_0_stream_tag is missing else l_0_stream_tag)))
                yield '\n                print(event['
                yield str(t_3((undefined(name='stream_tag') if l_0_stream_tag is missing else l_0_stream_tag)))
                yield '])\n'
            else:
                pass
                yield '            async for event in stream:  # a typed union: narrow with isinstance or on the tag\n                print(type(event).__name__)\n'
            if (undefined(name='stream_text_event') if l_0_stream_text_event is missing else l_0_stream_text_event):
                pass
                yield '\n        stream = await client.'
                yield str(environment.getattr((undefined(name='stream') if l_0_stream is missing else l_0_stream), 'resource'))
                yield '.'
                yield str(environment.getattr((undefined(name='stream') if l_0_stream is missing else l_0_stream), 'method'))
                yield '('
                yield str(environment.getattr((undefined(name='stream') if l_0_stream is missing else l_0_stream), 'arguments'))
                yield ')\n        result = await stream.until_done()\n        print(result.text, result.final)\n'
            yield '\n\nasyncio.run(stream_events())\n'
        yield '```\n\nKeep-alive events are skipped, an error event raises `StreamError` (an\n`APIStatusError`, with `status_code`, `code`, `message` and `body`), and a\nstream cut short raises `APIConnectionError` instead of ending quietly.\nLeaving the loop early (`break`) closes the connection at once, with or\nwithout `with`.\n'
        if (undefined(name='stream_stop') if l_0_stream_stop is missing else l_0_stream_stop):
            pass
            yield "Closing the stream before its end (`stream.close()` after a `break`, or\nleaving its `with` block early) also stops the server's work: it calls\n`"
            yield str((undefined(name='stream_stop') if l_0_stream_stop is missing else l_0_stream_stop))
            yield '` once with the task id the events carried (best effort:\none short attempt; a failure is logged, never raised).\n'
        if (undefined(name='stream_text_event') if l_0_stream_text_event is missing else l_0_stream_text_event):
            pass
            yield '`until_done()` reads everything and returns `.text` (the concatenated\n`'
            yield str((undefined(name='stream_text_event') if l_0_stream_text_event is missing else l_0_stream_text_event))
            yield '` text) and `.final` (the closing event).\n'
        if (undefined(name='stream_spans') if l_0_stream_spans is missing else l_0_stream_spans):
            pass
            yield "`.trace` is the run's tree of spans ("
            yield str(t_1(context.eval_ctx, (undefined(name='stream_spans') if l_0_stream_spans is missing else l_0_stream_spans), ', '))
            yield '), each with\nits `name`, `status`, `inputs`, `outputs`, `elapsed` time, `tokens`, `error`,\n`children` and `logs`; `print(result.trace.render())` shows it as short text.\n`stream.trace` is the tree so far, also after an early `break`.\n'
        yield '\n'

def block_pagination(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    l_0_page = resolve('page')
    l_0_with_sync = resolve('with_sync')
    l_0_aclient = resolve('aclient')
    pass
    if (undefined(name='page') if l_0_page is missing else l_0_page):
        pass
        yield '\n## Pagination\n\n```python\n'
        if (undefined(name='with_sync') if l_0_with_sync is missing else l_0_with_sync):
            pass
            yield 'for item in client.'
            yield str(environment.getattr((undefined(name='page') if l_0_page is missing else l_0_page), 'resource'))
            yield '.'
            yield str(environment.getattr((undefined(name='page') if l_0_page is missing else l_0_page), 'method'))
            yield '('
            yield str(environment.getattr((undefined(name='page') if l_0_page is missing else l_0_page), 'arguments'))
            yield '):\n    print(item)  # pages are fetched lazily as the loop goes on\n\nfirst = client.'
            yield str(environment.getattr((undefined(name='page') if l_0_page is missing else l_0_page), 'resource'))
            yield '.'
            yield str(environment.getattr((undefined(name='page') if l_0_page is missing else l_0_page), 'method'))
            yield '('
            yield str(environment.getattr((undefined(name='page') if l_0_page is missing else l_0_page), 'arguments'))
            yield ')\nprint(first.items, first.has_next_page())\n'
        else:
            pass
            yield 'async def pages() -> None:\n    async with '
            yield str((undefined(name='aclient') if l_0_aclient is missing else l_0_aclient))
            yield '() as client:\n        async for item in client.'
            yield str(environment.getattr((undefined(name='page') if l_0_page is missing else l_0_page), 'resource'))
            yield '.'
            yield str(environment.getattr((undefined(name='page') if l_0_page is missing else l_0_page), 'method'))
            yield '('
            yield str(environment.getattr((undefined(name='page') if l_0_page is missing else l_0_page), 'arguments'))
            yield '):\n            print(item)  # pages are fetched lazily as the loop goes on\n\n        first = await client.'
            yield str(environment.getattr((undefined(name='page') if l_0_page is missing else l_0_page), 'resource'))
            yield '.'
            yield str(environment.getattr((undefined(name='page') if l_0_page is missing else l_0_page), 'method'))
            yield '('
            yield str(environment.getattr((undefined(name='page') if l_0_page is missing else l_0_page), 'arguments'))
            yield ')\n        print(first.items, first.has_next_page())\n\n\nasyncio.run(pages())\n'
        yield '```\n'

def block_files(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    l_0_upload = resolve('upload')
    l_0_with_sync = resolve('with_sync')
    l_0_aclient = resolve('aclient')
    l_0_upload_field = resolve('upload_field')
    l_0_download = resolve('download')
    pass
    if (undefined(name='upload') if l_0_upload is missing else l_0_upload):
        pass
        yield '\n## Files\n\n```python\nfrom pathlib import Path\n\n'
        if (undefined(name='with_sync') if l_0_with_sync is missing else l_0_with_sync):
            pass
            yield 'client.'
            yield str(environment.getattr((undefined(name='upload') if l_0_upload is missing else l_0_upload), 'resource'))
            yield '.'
            yield str(environment.getattr((undefined(name='upload') if l_0_upload is missing else l_0_upload), 'method'))
            yield '('
            yield str(environment.getattr((undefined(name='upload') if l_0_upload is missing else l_0_upload), 'arguments'))
            yield ')\n'
        else:
            pass
            yield '\nasync def upload() -> None:\n    async with '
            yield str((undefined(name='aclient') if l_0_aclient is missing else l_0_aclient))
            yield '() as client:\n        await client.'
            yield str(environment.getattr((undefined(name='upload') if l_0_upload is missing else l_0_upload), 'resource'))
            yield '.'
            yield str(environment.getattr((undefined(name='upload') if l_0_upload is missing else l_0_upload), 'method'))
            yield '('
            yield str(environment.getattr((undefined(name='upload') if l_0_upload is missing else l_0_upload), 'arguments'))
            yield ')\n\n\nasyncio.run(upload())\n'
        yield '```\n\n`'
        yield str((undefined(name='upload_field') if l_0_upload_field is missing else l_0_upload_field))
        yield '` takes a path, `bytes`, an open binary file, or a\n`(filename, content[, content_type])` tuple.\n'
    if (undefined(name='download') if l_0_download is missing else l_0_download):
        pass
        yield '\nBinary answers come back as `bytes`; to stream a large one to disk:\n\n```python\n'
        if (undefined(name='with_sync') if l_0_with_sync is missing else l_0_with_sync):
            pass
            yield 'with client.'
            yield str(environment.getattr((undefined(name='download') if l_0_download is missing else l_0_download), 'resource'))
            yield '.with_streaming_response.'
            yield str(environment.getattr((undefined(name='download') if l_0_download is missing else l_0_download), 'method'))
            yield '('
            yield str(environment.getattr((undefined(name='download') if l_0_download is missing else l_0_download), 'arguments'))
            yield ') as response:\n    response.write_to_file("out.bin")\n'
        else:
            pass
            yield 'async def download() -> None:\n    async with '
            yield str((undefined(name='aclient') if l_0_aclient is missing else l_0_aclient))
            yield '() as client:\n        async with client.'
            yield str(environment.getattr((undefined(name='download') if l_0_download is missing else l_0_download), 'resource'))
            yield '.with_streaming_response.'
            yield str(environment.getattr((undefined(name='download') if l_0_download is missing else l_0_download), 'method'))
            yield '('
            yield str(environment.getattr((undefined(name='download') if l_0_download is missing else l_0_download), 'arguments'))
            yield ') as response:\n            await response.write_to_file("out.bin")\n\n\nasyncio.run(download())\n'
        yield '```\n'

def block_errors(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    l_0_package_name = resolve('package_name')
    pass
    yield '## Errors\n\n```python\nfrom '
    yield str((undefined(name='package_name') if l_0_package_name is missing else l_0_package_name))
    yield ' import APIConnectionError, APIStatusError, NotFoundError, RateLimitError\n\ntry:\n    ...\nexcept NotFoundError as err:\n    print(err.status_code, err.code, err.message, err.request_id)\nexcept RateLimitError:\n    ...  # already retried with backoff, honouring Retry-After\nexcept APIStatusError as err:\n    print(err.status_code, err.body)\nexcept APIConnectionError:\n    ...  # network trouble or a timeout (APITimeoutError)\n```\n'

def block_retries(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    l_0_with_sync = resolve('with_sync')
    l_0_client_name = resolve('client_name')
    l_0_simple = resolve('simple')
    l_0_aclient = resolve('aclient')
    pass
    yield '## Retries, timeouts, raw responses\n\n```python\n'
    if (undefined(name='with_sync') if l_0_with_sync is missing else l_0_with_sync):
        pass
        yield 'patient = '
        yield str((undefined(name='client_name') if l_0_client_name is missing else l_0_client_name))
        yield '(timeout=20.0, max_retries=3)  # per client; per call: timeout=..., max_retries=...\nfast = client.with_options(timeout=5.0, max_retries=0)  # shares the connection pool\n'
        if (undefined(name='simple') if l_0_simple is missing else l_0_simple):
            pass
            yield 'raw = client.'
            yield str(environment.getattr((undefined(name='simple') if l_0_simple is missing else l_0_simple), 'resource'))
            yield '.with_raw_response.'
            yield str(environment.getattr((undefined(name='simple') if l_0_simple is missing else l_0_simple), 'method'))
            yield '('
            yield str(environment.getattr((undefined(name='simple') if l_0_simple is missing else l_0_simple), 'arguments'))
            yield ')\nprint(raw.status_code, raw.headers)\nparsed = raw.parse()\n'
    else:
        pass
        yield 'async def options() -> None:\n    async with '
        yield str((undefined(name='aclient') if l_0_aclient is missing else l_0_aclient))
        yield '(timeout=20.0, max_retries=3) as patient:  # per call: timeout=..., max_retries=...\n        fast = patient.with_options(timeout=5.0, max_retries=0)  # shares the connection pool\n'
        if (undefined(name='simple') if l_0_simple is missing else l_0_simple):
            pass
            yield '        raw = await fast.'
            yield str(environment.getattr((undefined(name='simple') if l_0_simple is missing else l_0_simple), 'resource'))
            yield '.with_raw_response.'
            yield str(environment.getattr((undefined(name='simple') if l_0_simple is missing else l_0_simple), 'method'))
            yield '('
            yield str(environment.getattr((undefined(name='simple') if l_0_simple is missing else l_0_simple), 'arguments'))
            yield ')\n        print(raw.status_code, raw.headers)\n        parsed = await raw.parse()\n        print(parsed)\n'
        yield '\n\nasyncio.run(options())\n'
    yield '```\n\nConnection errors, timeouts, 408, 429 and 5xx are retried with exponential\nbackoff and jitter (`Retry-After` honoured); requests that are not idempotent\nare retried only when the server cannot have acted on them.\n'

def block_async_usage(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    l_0_with_sync = resolve('with_sync')
    l_0_with_async = resolve('with_async')
    l_0_package_name = resolve('package_name')
    l_0_client_name = resolve('client_name')
    l_0_simple = resolve('simple')
    pass
    if ((undefined(name='with_sync') if l_0_with_sync is missing else l_0_with_sync) and (undefined(name='with_async') if l_0_with_async is missing else l_0_with_async)):
        pass
        yield '## Async\n\n```python\nimport asyncio\nfrom '
        yield str((undefined(name='package_name') if l_0_package_name is missing else l_0_package_name))
        yield ' import Async'
        yield str((undefined(name='client_name') if l_0_client_name is missing else l_0_client_name))
        yield '\n\n\nasync def main() -> None:\n    async with Async'
        yield str((undefined(name='client_name') if l_0_client_name is missing else l_0_client_name))
        yield '() as client:\n'
        if (undefined(name='simple') if l_0_simple is missing else l_0_simple):
            pass
            yield '        print(await client.'
            yield str(environment.getattr((undefined(name='simple') if l_0_simple is missing else l_0_simple), 'resource'))
            yield '.'
            yield str(environment.getattr((undefined(name='simple') if l_0_simple is missing else l_0_simple), 'method'))
            yield '('
            yield str(environment.getattr((undefined(name='simple') if l_0_simple is missing else l_0_simple), 'arguments'))
            yield '))\n'
        else:
            pass
            yield '        ...\n'
        yield '\n\nasyncio.run(main())\n```\n\n'

def block_tests(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    l_0_tests = resolve('tests')
    l_0_api = resolve('api')
    l_0_auth = resolve('auth')
    l_0_test_envs = resolve('test_envs')
    try:
        t_2 = environment.filters['length']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'length' found.")
    try:
        t_4 = environment.filters['list']
    except KeyError:
        @internalcode
        def t_4(*unused):
            raise TemplateRuntimeError("No filter named 'list' found.")
    try:
        t_5 = environment.filters['map']
    except KeyError:
        @internalcode
        def t_5(*unused):
            raise TemplateRuntimeError("No filter named 'map' found.")
    try:
        t_6 = environment.filters['replace']
    except KeyError:
        @internalcode
        def t_6(*unused):
            raise TemplateRuntimeError("No filter named 'replace' found.")
    try:
        t_7 = environment.filters['selectattr']
    except KeyError:
        @internalcode
        def t_7(*unused):
            raise TemplateRuntimeError("No filter named 'selectattr' found.")
    pass
    if (undefined(name='tests') if l_0_tests is missing else l_0_tests):
        pass
        yield "## Tests\n\n`tests/` calls every method once per response mode, with values taken from\nthe spec's examples (or made to fit its schemas), and checks that each\nanswer parses into its declared type. Run it against a mock server of the\nspec, e.g. [Prism](https://github.com/stoplightio/prism):\n\n```sh\nprism mock "
        yield str(t_6(context.eval_ctx, environment.getattr((undefined(name='api') if l_0_api is missing else l_0_api), 'source_name'), '`', ''))
        yield '      # listens on http://127.0.0.1:4010\npip install -e . pytest anyio\npython -m pytest tests\n```\n\n`TEST_API_BASE_URL` points the tests at another server and\n'
        l_0_test_envs = t_4(context.eval_ctx, t_5(context, t_7(context, environment.getattr((undefined(name='auth') if l_0_auth is missing else l_0_auth), 'arguments'), 'in_tests'), attribute='test_env'))
        _block_vars['test_envs'] = l_0_test_envs
        if (undefined(name='test_envs') if l_0_test_envs is missing else l_0_test_envs):
            pass
            l_1_loop = missing
            for l_1_e, l_1_loop in LoopContext((undefined(name='test_envs') if l_0_test_envs is missing else l_0_test_envs), undefined):
                _loop_vars = {}
                pass
                yield '`'
                yield str(l_1_e)
                yield '`'
                yield str(('/' if (not environment.getattr(l_1_loop, 'last')) else cond_expr_undefined("the inline if-expression on line 343 in 'package/README.md.j2' evaluated to false and no else section was defined.")))
            l_1_loop = l_1_e = missing
            yield ' '
            yield str(('give' if (t_2((undefined(name='test_envs') if l_0_test_envs is missing else l_0_test_envs)) > 1) else 'gives'))
            yield ' them real credentials'
        else:
            pass
            yield '`default_headers` can give them real credentials'
        yield '.\n\n'

def block_drift(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    l_0_api = resolve('api')
    l_0_with_sync = resolve('with_sync')
    l_0_client_name = resolve('client_name')
    l_0_aclient = resolve('aclient')
    try:
        t_6 = environment.filters['replace']
    except KeyError:
        @internalcode
        def t_6(*unused):
            raise TemplateRuntimeError("No filter named 'replace' found.")
    pass
    if (environment.getattr((undefined(name='api') if l_0_api is missing else l_0_api), 'model_style') == 'pydantic'):
        pass
        yield '## What the server sends beyond the spec\n\n`'
        yield str(((undefined(name='client_name') if l_0_client_name is missing else l_0_client_name) if (undefined(name='with_sync') if l_0_with_sync is missing else l_0_with_sync) else (undefined(name='aclient') if l_0_aclient is missing else l_0_aclient)))
        yield '(drift=True)` (or `client.drift.enable()`) counts each\nfield, enum value and union variant an answer carries that this client does not know, under\nthe JSON pointer of the schema it broke, with one example each (answers only; values under\nsecret-looking keys are redacted). `client.drift.report()` is the count as a dict and\n`client.drift.save("drift.json")` writes it; `clientgen drift drift.json --spec\n'
        yield str(t_6(context.eval_ctx, environment.getattr((undefined(name='api') if l_0_api is missing else l_0_api), 'source_name'), '`', ''))
        yield ' --output drift.yaml` turns it into an OpenAPI Overlay that\nadds what was seen, for the next `clientgen generate --overlay drift.yaml`.\n\n'

def block_logging(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    l_0_package_name = resolve('package_name')
    l_0_api = resolve('api')
    l_0_with_sync = resolve('with_sync')
    l_0_client_name = resolve('client_name')
    l_0_aclient = resolve('aclient')
    pass
    yield '## Logging and hooks\n\nLogging goes through the standard `logging` module under the logger\n`'
    yield str((undefined(name='package_name') if l_0_package_name is missing else l_0_package_name))
    yield '` (off unless you configure it). `'
    yield str(environment.getattr((undefined(name='api') if l_0_api is missing else l_0_api), 'log_env'))
    yield "=debug`\n(or `info`) in the environment adds a handler on stderr. Each attempt is\nlogged with its headers; credentials are masked (`'***'`) in every log line.\n\nTo see or change every request and response, give the client your own httpx\nclient with [event hooks](https://www.python-httpx.org/advanced/event-hooks/);\nthey run on every attempt, retries included, and see the request as sent,\ncredentials and all, so keep them out of your logs:\n\n```python\nimport httpx\n"
    if (undefined(name='with_sync') if l_0_with_sync is missing else l_0_with_sync):
        pass
        yield 'from '
        yield str((undefined(name='package_name') if l_0_package_name is missing else l_0_package_name))
        yield ' import '
        yield str((undefined(name='client_name') if l_0_client_name is missing else l_0_client_name))
        yield '\n\n\ndef on_response(response: httpx.Response) -> None:\n    print(response.request.method, response.request.url, response.status_code)\n\n\nhttp = httpx.Client(event_hooks={"response": [on_response]})  # yours to close\nhooked = '
        yield str((undefined(name='client_name') if l_0_client_name is missing else l_0_client_name))
        yield '(http_client=http)\n'
    else:
        pass
        yield 'from '
        yield str((undefined(name='package_name') if l_0_package_name is missing else l_0_package_name))
        yield ' import '
        yield str((undefined(name='aclient') if l_0_aclient is missing else l_0_aclient))
        yield '\n\n\nasync def on_response(response: httpx.Response) -> None:\n    print(response.request.method, response.request.url, response.status_code)\n\n\nhttp = httpx.AsyncClient(event_hooks={"response": [on_response]})  # yours to close\nhooked = '
        yield str((undefined(name='aclient') if l_0_aclient is missing else l_0_aclient))
        yield '(http_client=http)\n'
    yield '```\n'

def block_methods(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    l_0_rows = resolve('rows')
    pass
    yield '## Methods\n\n| Method | HTTP | Summary |\n| --- | --- | --- |\n'
    for l_1_row in (undefined(name='rows') if l_0_rows is missing else l_0_rows):
        _loop_vars = {}
        pass
        yield '| `'
        yield str(environment.getattr(l_1_row, 'call'))
        yield '` | `'
        yield str(environment.getattr(l_1_row, 'http'))
        yield '` | '
        yield str(environment.getattr(l_1_row, 'summary'))
        yield ' |\n'
    l_1_row = missing

def block_footer(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    pass

blocks = {'header': block_header, 'title': block_title, 'install': block_install, 'usage': block_usage, 'authentication': block_authentication, 'streaming': block_streaming, 'pagination': block_pagination, 'files': block_files, 'errors': block_errors, 'retries': block_retries, 'async_usage': block_async_usage, 'tests': block_tests, 'drift': block_drift, 'logging': block_logging, 'methods': block_methods, 'footer': block_footer}
debug_info = '2=15&3=18&4=21&5=24&8=25&17=27&31=29&79=30&112=31&179=32&206=33&251=35&270=37&303=39&326=40&347=41&361=42&400=44&409=45&5=47&6=63&8=66&9=84&11=86&12=92&14=99&17=102&24=112&25=116&31=129&35=156&36=159&39=161&40=164&42=168&43=176&44=179&50=188&54=192&55=198&56=200&57=203&69=214&70=217&73=224&76=227&79=230&80=247&92=250&93=254&96=261&100=264&107=266&108=270&112=280&113=308&118=311&119=314&120=320&121=323&122=325&127=330&129=333&134=342&135=344&136=350&137=353&138=355&143=360&145=363&160=371&163=374&166=376&168=379&170=381&171=384&179=388&180=399&185=402&186=405&189=411&193=420&194=422&197=428&206=436&207=449&214=452&215=455&219=464&220=466&227=473&230=475&235=478&236=481&240=490&241=492&251=500&255=510&270=513&274=526&275=529&277=531&278=534&284=543&286=545&287=548&303=557&304=570&309=573&313=577&314=579&315=582&326=593&327=635&336=638&342=640&343=642&347=661&348=679&351=682&356=684&361=687&365=701&376=705&377=708&385=712&387=717&395=721&400=725&405=735&406=739&409=747'
