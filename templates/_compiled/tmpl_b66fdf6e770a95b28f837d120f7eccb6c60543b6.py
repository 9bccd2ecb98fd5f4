# compiled from templates/package/pyproject.toml.j2; do not edit
from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'package/pyproject.toml.j2'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    pass
    yield from context.blocks['header'][0](context)
    yield from context.blocks['build_system'][0](context)
    yield '\n'
    yield from context.blocks['project'][0](context)
    yield '\n'
    yield from context.blocks['wheel'][0](context)
    yield from context.blocks['extra'][0](context)

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

def block_build_system(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    pass
    yield '[build-system]\nrequires = ["hatchling>=1.25"]\nbuild-backend = "hatchling.build"\n'

def block_project(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    l_0_distribution_name = resolve('distribution_name')
    l_0_version = resolve('version')
    l_0_description = resolve('description')
    l_0_dependencies = resolve('dependencies')
    try:
        t_1 = environment.filters['tomlstr']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'tomlstr' found.")
    pass
    yield '[project]\nname = '
    yield str(t_1((undefined(name='distribution_name') if l_0_distribution_name is missing else l_0_distribution_name)))
    yield '\nversion = '
    yield str(t_1((undefined(name='version') if l_0_version is missing else l_0_version)))
    yield '\ndescription = '
    yield str(t_1((undefined(name='description') if l_0_description is missing else l_0_description)))
    yield '\nreadme = "README.md"\nrequires-python = ">=3.9"\ndependencies = [\n'
    for l_1_requirement in (undefined(name='dependencies') if l_0_dependencies is missing else l_0_dependencies):
        _loop_vars = {}
        pass
        yield '    '
        yield str(t_1(l_1_requirement))
        yield ',\n'
    l_1_requirement = missing
    yield ']\n'

def block_wheel(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    l_0_package_name = resolve('package_name')
    try:
        t_1 = environment.filters['tomlstr']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'tomlstr' found.")
    pass
    yield '[tool.hatch.build.targets.wheel]\npackages = ['
    yield str(t_1((undefined(name='package_name') if l_0_package_name is missing else l_0_package_name)))
    yield ']\n'

def block_extra(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    pass

blocks = {'header': block_header, 'build_system': block_build_system, 'project': block_project, 'wheel': block_wheel, 'extra': block_extra}
debug_info = '2=11&5=12&11=14&25=16&29=17&2=19&3=28&5=31&11=41&13=60&14=62&15=64&19=66&20=70&25=75&27=91&29=94'
