"""Command line: parse arguments, run the pipeline, map failures to exit codes.

Exit codes: 0 done, 1 `check` found a stale directory, 2 bad input (one line
on stderr saying what, where and how to fix it; never a traceback), 3 a bug in
clientgen itself (one line; --debug or CLIENTGEN_DEBUG=1 shows the traceback).
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Sequence

from generator import stamp

EXIT_STALE = 1
EXIT_BAD_INPUT = 2
EXIT_INTERNAL = 3
# A build error at one of these pointers is about the config file, not the spec.


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    if args.command == "diff":
        return _diff(args)
    if args.templates and not Path(args.templates).is_dir():
        return _fail(f"--templates {args.templates}: no such directory (give the folder holding package/...)")
    options = _options(args)
    if args.command == "generate" and not args.force and stamp.is_fresh(Path(args.output), Path(args.spec), options):
        print(f"{args.output} is up to date: spec, config, templates and generator unchanged "
              "(--force regenerates)", file=sys.stderr)
        return 0
    # Imported here, after the cheap up-to-date check: jinja2 and black take a while to load.
    from generator.build import BuildError
    from generator.config import ConfigError, config_path_for, locate_build_error, package_name_problem
    from generator.emit.write import ForeignFilesError, diff_tree, write_tree
    from generator.emit.render import TemplateFailure
    from generator.load import LoadError
    from generator.pipeline import generate

    problem = package_name_problem(args.package_name) if getattr(args, "package_name", None) else None
    if problem:
        return _fail(f"--package-name {problem} (choose another lower_snake_case name)")
    try:
        result = generate(
            Path(args.spec),
            package_name=getattr(args, "package_name", None),
            config_path=Path(args.config) if args.config else None,
            template_dir=Path(args.templates) if args.templates else None,
            format_code=not args.no_format,
        )
    except (LoadError, ConfigError) as exc:
        return _fail(str(exc))
    except TemplateFailure as exc:
        if args.debug or os.environ.get("CLIENTGEN_DEBUG"):
            raise  # the traceback runs through the template's lines
        return _fail(f"template error: {exc} (fix the template, or remove it to use the built-in one)")
    except BuildError as exc:
        config_file = Path(args.config) if args.config else config_path_for(Path(args.spec))
        return _fail(locate_build_error(str(exc), exc.pointer, Path(args.spec), config_file))
    except Exception as exc:  # a bug of ours, not bad input: say so, keep the output as it was
        if args.debug or os.environ.get("CLIENTGEN_DEBUG"):
            raise
        print(
            f"clientgen: internal error on {args.spec}: {type(exc).__name__}: {exc} "
            "(a bug in clientgen; rerun with --debug for the traceback and report it)",
            file=sys.stderr,
        )
        return EXIT_INTERNAL
    for warning in result.warnings:
        print(warning, file=sys.stderr)
    if args.strict and result.warnings:
        return _fail(f"{len(result.warnings)} warning(s) and --strict: nothing written")

    if args.command == "generate":
        try:
            write_tree(result.files, Path(args.output), force=args.force)
        except ForeignFilesError as exc:
            return _fail(
                f"{args.output}: would overwrite or remove files clientgen did not write: {exc} "
                "(move them out of the package, or pass --force)"
            )
        except OSError as exc:
            return _fail(f"{args.output}: cannot write the package: {exc.strerror or exc}")
        stamp.write_stamp(Path(args.output), Path(args.spec), result.inputs, options, result.files)
        print(f"wrote {len(result.files)} files to {args.output} (package {result.api.package_name})", file=sys.stderr)
        return 0
    diff = diff_tree(result.files, Path(args.dir))
    if diff:
        sys.stdout.write(diff)
        print(f"{args.dir} is stale: regenerate with `clientgen generate {args.spec} --output {args.dir}`", file=sys.stderr)
        return EXIT_STALE
    return 0


def _diff(args: argparse.Namespace) -> int:
    import json

    from generator.build import BuildError
    from generator.config import ConfigError, config_path_for
    from generator.diff import diff_apis, report_json, report_text
    from generator.load import LoadError
    from generator.pipeline import build_only

    # Both versions with one config: the new spec's config if given, else the old one's.
    config = Path(args.config) if args.config else None
    try:
        old = build_only(Path(args.old), config_path=config, config_must_match=False)
        new = build_only(Path(args.new), config_path=config or config_path_for(Path(args.old)), config_must_match=False)
    except (LoadError, ConfigError, BuildError) as exc:
        return _fail(str(exc))
    changes = diff_apis(old, new, only=args.only or ())
    if args.format == "json":
        sys.stdout.write(json.dumps(report_json(changes), indent=2) + "\n")
    else:
        sys.stdout.write(report_text(changes))
    return EXIT_STALE if args.fail_on_breaking and any(c.breaking for c in changes) else 0


def _options(args: argparse.Namespace) -> dict[str, object]:
    """Everything besides the input files that changes the output."""
    templates = Path(args.templates) if args.templates else _config_templates(args)
    return {
        "package_name": args.package_name,
        "config": args.config,
        "format": not args.no_format,
        "templates": sorted(str(p.relative_to(templates)) for p in templates.rglob("*") if p.is_file())
        if templates and templates.is_dir() else None,
    }


def _config_templates(args: argparse.Namespace) -> Path | None:
    """The config's `templates` directory, so a template added there makes the stamp stale."""
    # config.config_path_for's rule, without importing config (yaml and all) when there is no need.
    spec = Path(args.spec)
    path = Path(args.config) if args.config else spec.with_name(spec.stem + ".clientgen.yaml")
    try:
        if b"templates" not in path.read_bytes():
            return None  # cannot set it: skip loading and validating the config (~0.1 s)
    except OSError:
        return None  # no config file: the defaults (generate reports an unreadable one)
    from generator.config import ConfigError, load_config

    try:
        return load_config(path).templates
    except ConfigError:
        return None  # generate reports it


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="clientgen", description="Generate a typed Python client from an OpenAPI spec.")
    commands = parser.add_subparsers(dest="command", required=True)
    generate_cmd = commands.add_parser("generate", help="write the client package to a directory")
    generate_cmd.add_argument("spec", help="OpenAPI 3.0/3.1 document (JSON or YAML)")
    generate_cmd.add_argument("--output", "-o", required=True, help="directory of the package (replaced atomically)")
    generate_cmd.add_argument("--package-name", help="import name of the package (overrides the config)")
    generate_cmd.add_argument("--force", action="store_true",
                              help="overwrite or remove files in the output that clientgen did not write")
    check_cmd = commands.add_parser("check", help="exit 1 with a diff when DIR differs from what generate would write")
    check_cmd.add_argument("spec")
    check_cmd.add_argument("dir")
    check_cmd.add_argument("--package-name")
    diff_cmd = commands.add_parser("diff", help="what changes for client users between two versions of a spec")
    diff_cmd.add_argument("old")
    diff_cmd.add_argument("new")
    diff_cmd.add_argument("--config", help="config for both (default: the one beside OLD)")
    diff_cmd.add_argument("--only", action="append", metavar="OPERATION_ID", help="compare only these operations")
    diff_cmd.add_argument("--format", choices=("text", "json"), default="text")
    diff_cmd.add_argument("--fail-on-breaking", action="store_true", help="exit 1 when a change breaks client code")
    for command in (generate_cmd, check_cmd):
        command.add_argument("--config", help="config file (default: <spec stem>.clientgen.yaml beside the spec)")
        command.add_argument("--templates", help="directory of templates overriding the built-in ones")
        command.add_argument("--strict", action="store_true", help="treat warnings as errors")
        command.add_argument("--no-format", action="store_true", help="skip black (format the output yourself)")
        command.add_argument("--debug", action="store_true", help="show the traceback of an internal error")
    return parser


def _fail(message: str) -> int:
    print(f"clientgen: error: {message}", file=sys.stderr)
    return EXIT_BAD_INPUT


if __name__ == "__main__":
    sys.exit(main())
