"""The command line's grammar: the commands, their arguments and their help (`cli.py` runs them)."""

from __future__ import annotations

import argparse


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="clientgen",
        description="Generate a typed Python client package from an OpenAPI 3.0/3.1/3.2 spec.",
        epilog="Exit codes: 0 done, 1 check/diff found a difference, 2 bad input, 3 a bug in clientgen, "
        "130 interrupted. `clientgen COMMAND --help` describes each command.",
    )
    parser.add_argument("--version", action=_VersionAction, nargs=0, help="show the version and exit")
    _verbosity(parser, False)
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    generate_cmd = commands.add_parser(
        "generate", help="write the client package to a folder",
        description="Write the client package for SPEC into the folder --output, replacing it in one step: "
        "a failed or interrupted run leaves the old folder as it was. Does nothing when nothing changed.",
    )
    generate_cmd.add_argument("spec", metavar="SPEC", help="the OpenAPI 3.0/3.1/3.2 document (JSON or YAML)")
    generate_cmd.add_argument("--output", "-o", required=True, metavar="DIR",
                              help="folder of the package (created or replaced; files clientgen does not own "
                              "at its top are kept)")
    generate_cmd.add_argument("--package-name", metavar="NAME", help="import name of the package (overrides the config)")
    generate_cmd.add_argument("--force", action="store_true",
                              help="regenerate even if up to date, and overwrite or remove files in the "
                              "package that clientgen did not write")
    check_cmd = commands.add_parser(
        "check", help="exit 1 with a diff when DIR differs from what generate would write",
        description="Compare the folder DIR with what `clientgen generate SPEC --output DIR` would write. "
        "Exit 0 when they match; else print a unified diff on stdout and exit 1 (for CI).",
    )
    check_cmd.add_argument("spec", metavar="SPEC", help="the OpenAPI 3.0/3.1/3.2 document (JSON or YAML)")
    check_cmd.add_argument("dir", metavar="DIR", help="a folder written by `clientgen generate` (e.g. generated)")
    check_cmd.add_argument("--package-name", metavar="NAME", help="import name the package was generated with")
    diff_cmd = commands.add_parser(
        "diff", help="what changes for client users between two versions of a spec",
        description="List what changes for users of the generated client between two versions of a spec "
        "(methods, arguments, models, enum values), each marked BREAKING or ok, with a suggested version bump.",
    )
    diff_cmd.add_argument("old", metavar="OLD", help="the spec the current client was generated from")
    diff_cmd.add_argument("new", metavar="NEW", help="the updated spec")
    diff_cmd.add_argument("--config", metavar="FILE", help="config for both (default: the one beside OLD)")
    diff_cmd.add_argument("--only", action="append", metavar="OPERATION_ID",
                          help="compare only this operation (repeat for more)")
    diff_cmd.add_argument("--format", choices=("text", "json"), default="text",
                          help="text for people (default), json for tools")
    diff_cmd.add_argument("--fail-on-breaking", action="store_true", help="exit 1 when a change breaks client code")
    diff_cmd.add_argument("--overlay", action="append", metavar="FILE",
                          help="an OpenAPI Overlay 1.0 document applied to both versions after the config's "
                          "`overlays` (repeat for more, applied in order)")
    drift_cmd = commands.add_parser(
        "drift", help="turn a saved drift report (client.drift.save) into an OpenAPI Overlay",
        description="Write an OpenAPI Overlay 1.0 document adding what a server sent beyond the spec, as a "
        "client's drift report recorded it: new properties, enum values and union variants. Apply it with "
        "`generate --overlay` (or the config's `overlays`); `diff` shows what it changes.",
    )
    drift_cmd.add_argument("report", metavar="REPORT", help="the JSON file client.drift.save() wrote")
    drift_cmd.add_argument("--spec", metavar="SPEC",
                           help="the spec the client was generated from: aims each change where the schema "
                           "really is and leaves out what the spec already has")
    drift_cmd.add_argument("--output", "-o", metavar="FILE", help="write the overlay here (default: stdout)")
    inputs_cmd = commands.add_parser(
        "dify-inputs", help="type a Dify app's `inputs` from its saved `GET /parameters` answer",
        description="Turn a saved Dify `GET /parameters` answer into an OpenAPI Overlay 1.0 document that "
        "types `inputs` in every request body of the spec with the app's `user_input_form` (one property per "
        "form item). Generate with it (`overlays:` in the config, or --overlay) and `inputs=` takes a "
        "TypedDict. See docs/dify-inputs.md.",
    )
    inputs_cmd.add_argument("parameters", metavar="PARAMETERS",
                            help="the JSON body of the app's `GET /parameters`, saved to a file")
    inputs_cmd.add_argument("--spec", default="specs/dify-chatflow.json", metavar="SPEC",
                            help="the Dify spec the overlay is for (default: specs/dify-chatflow.json)")
    inputs_cmd.add_argument("--output", "-o", metavar="FILE", help="write the overlay here (default: stdout)")
    inputs_cmd.add_argument("--name", default="AppInputs", metavar="NAME",
                            help="name of the inputs schema, and of its model (default: AppInputs)")
    inputs_cmd.add_argument("--title", metavar="TEXT", help="the app's name, for the overlay's title and docstring")
    for command in (generate_cmd, check_cmd):
        command.add_argument("--config", metavar="FILE",
                             help="config file, YAML or a pyproject.toml with [tool.clientgen] "
                             "(default: <spec stem>.clientgen.yaml beside the spec)")
        command.add_argument("--templates", metavar="DIR", help="folder of templates overriding the built-in ones")
        command.add_argument("--overlay", action="append", metavar="FILE",
                             help="an OpenAPI Overlay 1.0 document applied to the spec after the config's "
                             "`overlays` (repeat for more, applied in order)")
        command.add_argument("--compatible-with", metavar="OLD_SPEC",
                             help="the spec the current client was made from: methods and model fields the new "
                             "spec renamed or removed keep their old names as deprecated aliases, and (generate) "
                             "CHANGELOG.md in the output gets this update's section on top")
        command.add_argument("--strict", action="store_true", help="treat warnings as errors")
        command.add_argument("--no-format", action="store_true", help="skip black (format the output yourself)")
        command.add_argument("--no-cache", action="store_true",
                             help="neither read nor write the cache of formatted code and compiled templates")
        command.add_argument("--debug", action="store_true", help="show the traceback of an internal error")
    for command in (generate_cmd, check_cmd, diff_cmd, drift_cmd, inputs_cmd):
        _verbosity(command, argparse.SUPPRESS)
    return parser


def _verbosity(parser: argparse.ArgumentParser, default: object) -> None:
    """-q/-v before or after the command: the command's own default must not undo the main one."""
    group = parser.add_mutually_exclusive_group()
    group.add_argument("-q", "--quiet", action="store_true", default=default,
                       help="print only errors and warnings (no progress, no summary)")
    group.add_argument("-v", "--verbose", action="store_true", default=default,
                       help="print every stage as it starts, and what was cleaned up")


class _VersionAction(argparse.Action):
    """argparse's `version` action, reading the version only when asked (importlib.metadata is
    25 ms of every run's start-up otherwise)."""

    def __call__(self, parser: argparse.ArgumentParser, namespace: argparse.Namespace, values: object,
                 option_string: str | None = None) -> None:
        print(f"{parser.prog} {_version()}")
        parser.exit()


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("clientgen")
    except PackageNotFoundError:
        return "(not installed)"
