"""Command line: parse arguments, run the pipeline, map failures to exit codes.

Exit codes: 0 done, 1 `check` found a stale directory, 2 bad input (one line
on stderr saying what, where and how to fix it; never a traceback), 3 a bug in
clientgen itself (one line; --debug or CLIENTGEN_DEBUG=1 shows the traceback),
130 Ctrl-C and 143 SIGTERM (one line; the output as it was).
"""

from __future__ import annotations

import argparse
import gc
import os
import signal
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn, Sequence

from generator import cli_args, stamp

if TYPE_CHECKING:
    from generator.progress import Progress

EXIT_STALE = 1
EXIT_BAD_INPUT = 2
EXIT_INTERNAL = 3


def run() -> NoReturn:
    """The `clientgen` command: `main`, then, after a success, exit without the interpreter's
    teardown.

    When `main` succeeds everything is on disk and every worker has stopped; what is left is
    freeing the run's objects one by one (the IR, the views, the output), which took 1.7 s
    after a 20 MB spec was written (bench/generate.py --scale). So the streams are flushed
    and the process ends at once, as mypy's does. Any other outcome exits as usual: after a
    failure or Ctrl-C the interpreter's exit waits for the formatting workers to stop (they
    finish the piece they hold), so none outlives the run. `main` itself always returns (for
    tests, the build hook and other callers in a process of their own).

    The cyclic GC stays off for the whole command: the pipeline turns it off while it runs
    (generator/pipeline.py) and on again after, when its first collections walk every object the
    run made (the IR and the output are still alive) to find nothing: 1.1 s of CPU at 20 MB
    (perf, while the files were written)."""
    gc.disable()
    code = main()
    if code != 0:
        sys.exit(code)
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except (OSError, ValueError):  # a closed pipe (`clientgen ... | head`): exit as Python would
        sys.exit(1)
    os._exit(0)


def main(argv: Sequence[str] | None = None) -> int:
    parser = cli_args.build_parser()
    args = parser.parse_args(argv)
    _RUN.clear()
    previous = _terminate_as_interrupt()
    try:
        if args.command == "diff":
            return _diff(args)
        if args.command == "drift":
            return _drift(args)
        if args.command == "dify-inputs":
            return _dify_inputs(args)
        return _generate_or_check(args)
    except KeyboardInterrupt as exc:
        return _interrupted(args, exc)
    finally:
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)


class _Terminated(KeyboardInterrupt):
    """SIGTERM, handled like Ctrl-C: clean up, one line, exit 143."""


def _terminate_as_interrupt() -> Any:
    """Install the SIGTERM handler; returns the one it replaced (None: could not)."""

    def handler(signum: int, frame: Any) -> None:
        raise _Terminated()

    try:
        return signal.signal(signal.SIGTERM, handler)
    except ValueError:
        return None  # not the main thread (main() called from a test or a tool): leave it be


# What the interrupted-run message needs to know: where, and the stamp of the package being written.
_RUN: dict[str, object] = {}


def _interrupted(args: argparse.Namespace, exc: KeyboardInterrupt) -> int:
    output, text = _RUN.get("output"), _RUN.get("stamp")
    if isinstance(output, Path) and isinstance(text, str) and _stamp_on_disk(output) == text:
        outcome = f"the new package was already in place in {args.output}"
    elif args.command == "generate":
        outcome = f"{args.output} left as it was"
    else:
        outcome = "nothing written"
    print(f"clientgen: interrupted; {outcome}", file=sys.stderr)
    return 143 if isinstance(exc, _Terminated) else 130


def _stamp_on_disk(output: Path) -> str | None:
    try:
        return (output / stamp.STAMP_NAME).read_text(encoding="utf-8")
    except OSError:
        return None


def _generate_or_check(args: argparse.Namespace) -> int:
    from generator.progress import NORMAL, QUIET, VERBOSE, Progress

    if args.templates and not Path(args.templates).is_dir():
        return _fail(f"--templates {args.templates}: no such directory (give the folder holding package/...)")
    level = QUIET if args.quiet else VERBOSE if args.verbose else NORMAL
    if args.command == "check":
        folder = Path(args.dir)
        if not folder.is_dir():
            what = "is not a folder" if os.path.lexists(folder) else "does not exist"
            return _fail(f"{args.dir} {what}: nothing to check (write it with "
                         f"`clientgen generate {args.spec} --output {args.dir}`)")
        with Progress(level) as progress:
            return _run(args, progress, None)
    from generator.emit.writing import swap

    output = Path(args.output)
    if os.path.lexists(output) and not output.is_dir():
        return _fail(f"--output {args.output} is a file, not a folder: clientgen replaces the whole folder "
                     "(give a folder path; the file was left as it was)")
    # Absolute from here on: with `--output .` the swap replaces the folder we run in.
    output = output.resolve()

    def waiting(lock: Path) -> None:
        print(f"clientgen: another clientgen run is writing to {args.output}; waiting for it to finish "
              f"(lock file {lock})", file=sys.stderr)

    try:
        with swap.output_lock(output, waiting), Progress(level) as progress:
            for name in swap.recover(output):
                progress.note(f"removed {name}, left beside {args.output} by a run that was killed")
            options = _options(args)
            if not args.force and stamp.is_fresh(output, Path(args.spec), options):
                if level > QUIET:
                    print(f"{args.output} is up to date: spec, config, templates and generator unchanged "
                          "(--force regenerates)", file=sys.stderr)
                return 0
            return _run(args, progress, output)
    except OSError as exc:  # the lock file's folder cannot be made or written
        return _fail(f"{args.output}: cannot write the package: {exc.strerror or exc}")


def _run(args: argparse.Namespace, progress: Progress, output: Path | None) -> int:
    """Build and render, then write to `output` (generate) or diff against args.dir (check)."""
    # Imported here, after the cheap up-to-date check: jinja2 and black take a while to load.
    from generator.builder import BuildError
    from generator.config import ConfigError, config_path_for, locate_build_error, package_name_problem
    from generator.emit import cache
    from generator.emit.templating.render import TemplateFailure
    from generator.emit.writing.write import ForeignFilesError, diff_tree, write_tree
    from generator.load import LoadError
    from generator.pipeline import generate

    problem = package_name_problem(args.package_name) if getattr(args, "package_name", None) else None
    if problem:
        return _fail(f"--package-name {problem} (choose another lower_snake_case name)")
    try:
        with cache.disabled(args.no_cache):
            result = generate(
                Path(args.spec),
                package_name=getattr(args, "package_name", None),
                config_path=Path(args.config) if args.config else None,
                template_dir=Path(args.templates) if args.templates else None,
                format_code=not args.no_format,
                progress=progress,
                overlays=_overlay_paths(args),
                compatible_with=_compatible_with(args),
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

    if output is None:
        diff = diff_tree(result.files, Path(args.dir))
        if diff:
            sys.stdout.write(diff)
            print(f"{args.dir} is stale: regenerate with `clientgen generate {args.spec} --output {args.dir}`",
                  file=sys.stderr)
            return EXIT_STALE
        return 0
    user_files: dict[str, str] = {}
    if result.changelog:
        from generator.emit.views.changelog import CHANGELOG_NAME, prepend

        try:
            existing = (output / CHANGELOG_NAME).read_text(encoding="utf-8") if (output / CHANGELOG_NAME).exists() else None
        except (OSError, UnicodeDecodeError) as exc:
            return _fail(f"{args.output}/{CHANGELOG_NAME}: cannot read it to add this update's section: "
                         f"{getattr(exc, 'strerror', None) or exc} (nothing written)")
        user_files[CHANGELOG_NAME] = prepend(existing, result.changelog)
    text = stamp.stamp_text(Path(args.spec), result.inputs, _options(args), result.files)
    _RUN.update(output=output, stamp=text)
    in_output = output == Path.cwd()  # asked now: after the swap our working folder is gone
    progress.stage("write", f"{len(result.files)} files to {args.output}")
    try:
        write_tree(result.files, output, force=args.force, stamp=text, user_files=user_files)
    except ForeignFilesError as exc:
        return _fail(
            f"{args.output}: would overwrite or remove files clientgen did not write: {exc} "
            "(move them out of the package, or pass --force)"
        )
    except OSError as exc:
        return _fail(f"{args.output}: cannot write the package: {exc.strerror or exc}")
    progress.close()
    if progress.level >= 0:
        here = " (it replaced the folder this shell is in: `cd .` to see it)" if in_output else ""
        print(f"wrote {len(result.files)} files to {args.output} (package {result.api.package_name}){here}",
              file=sys.stderr)
    return 0


def _diff(args: argparse.Namespace) -> int:
    import json

    from generator.builder import BuildError
    from generator.config import ConfigError, config_path_for
    from generator.diff import diff_apis, report_json, report_text
    from generator.load import LoadError
    from generator.pipeline import build_only

    # Both versions with one config: the new spec's config if given, else the old one's.
    config = Path(args.config) if args.config else None
    try:
        overlays = _overlay_paths(args)
        old = build_only(Path(args.old), config_path=config, config_must_match=False, overlays=overlays)
        new = build_only(Path(args.new), config_path=config or config_path_for(Path(args.old)), config_must_match=False,
                         overlays=overlays)
    except (LoadError, ConfigError, BuildError) as exc:
        return _fail(str(exc))
    changes = diff_apis(old, new, only=args.only or ())
    if args.format == "json":
        sys.stdout.write(json.dumps(report_json(changes), indent=2) + "\n")
    else:
        sys.stdout.write(report_text(changes))
    return EXIT_STALE if args.fail_on_breaking and any(c.breaking for c in changes) else 0


def _drift(args: argparse.Namespace) -> int:
    from generator.drift import DriftReportError, overlay_document, overlay_text, read_report
    from generator.load import LoadError, load_spec

    try:
        report = read_report(Path(args.report))
        spec = load_spec(Path(args.spec)).document if args.spec else None
        text = overlay_text(overlay_document(report, spec, Path(args.report).name))
    except (DriftReportError, LoadError) as exc:
        return _fail(str(exc))
    return _write_overlay(args, text, "")


def _dify_inputs(args: argparse.Namespace) -> int:
    from generator.dify_inputs import inputs_overlay, name_problem, read_parameters, render
    from generator.load import LoadError, load_spec

    problem = name_problem(args.name)
    if problem:
        return _fail(problem)
    try:
        items = read_parameters(Path(args.parameters))
        spec = load_spec(Path(args.spec))
        overlay = inputs_overlay(items, spec.document, Path(args.spec), name=args.name, title=args.title or "")
    except LoadError as exc:
        return _fail(str(exc))
    text = render(overlay, Path(args.parameters).name)
    return _write_overlay(args, text, f"{len(items)} input(s) as {args.name}; ")


def _write_overlay(args: argparse.Namespace, text: str, what: str) -> int:
    """An overlay a command made: on stdout, or into --output with a line saying how to use it."""
    if not args.output:
        sys.stdout.write(text)
        return 0
    try:
        Path(args.output).write_text(text, encoding="utf-8")
    except OSError as exc:
        return _fail(f"--output {args.output}: cannot write the overlay: {exc.strerror or exc}")
    if not getattr(args, "quiet", False):
        print(f"wrote {args.output}: {what}use it with `overlays: [{Path(args.output).name}]` in the config "
              f"or `--overlay {args.output}`", file=sys.stderr)
    return 0


def _options(args: argparse.Namespace) -> dict[str, object]:
    """Everything besides the input files that changes the output."""
    templates = Path(args.templates) if args.templates else _config_templates(args)
    compatible = {"compatible_with": args.compatible_with} if getattr(args, "compatible_with", None) else {}
    return {
        **compatible,
        "package_name": args.package_name,
        "config": args.config,
        "format": not args.no_format,
        "overlays": list(args.overlay or ()),
        "templates": sorted(str(p.relative_to(templates)) for p in templates.rglob("*") if p.is_file())
        if templates and templates.is_dir() else None,
    }


def _compatible_with(args: argparse.Namespace) -> Path | None:
    name = getattr(args, "compatible_with", None)
    return Path(name) if name else None


def _overlay_paths(args: argparse.Namespace) -> tuple[Path, ...]:
    """The `--overlay` files, in the order given (applied after the config's `overlays`)."""
    return tuple(Path(name) for name in args.overlay or ())


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


def _fail(message: str) -> int:
    print(f"clientgen: error: {message}", file=sys.stderr)
    return EXIT_BAD_INPUT


if __name__ == "__main__":
    run()
