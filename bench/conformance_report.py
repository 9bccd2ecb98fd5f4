"""The rows bench/conformance.py measures, and how they are reported: the table, the totals
per folder and the last line; the measured part of docs/conformance.md; saved runs read back."""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

CLASSES = ("rejected", "parse", "other")


@dataclass
class Failure:
    operation: str  # operationId
    kind: str  # one of CLASSES
    line: str  # the first line of what went wrong
    test: str = ""  # the first failing test
    blocked: str = ""  # "prism: why" / "spec: why" when the mock or the document is at fault (conformance_causes)


@dataclass
class Row:
    name: str  # "folder/spec.yaml"
    kind: str = "ran"  # "ran" | "prism cannot load" | "generate failed" | "no operations"
    operations: int = 0
    passed: int = 0
    seconds: float = 0.0  # the test run only
    note: str = ""
    failures: list[Failure] = field(default_factory=list)

    def count(self, kind: str) -> int:
        return sum(1 for f in self.failures if f.kind == kind)

    @property
    def blocked(self) -> int:
        """Failed operations the mock server or the document itself is at fault for (a refused
        spec's one failure "*" stands for all its operations)."""
        return sum(self.operations if f.operation == "*" else 1 for f in self.failures if f.blocked)

    @property
    def group(self) -> str:
        return self.name.split("/")[0]


def report(rows: list[Row]) -> str:
    width = max([len(r.name) for r in rows] + [10])
    lines = [f"{'spec':<{width}}  {'ops':>5} {'passed':>6} {'rejected':>8} {'parse':>5} {'other':>5} {'seconds':>7}  note"]
    for r in rows:
        if r.kind == "prism cannot load":
            lines.append(f"{r.name:<{width}}  {'-':>5} {'-':>6} {'-':>8} {'-':>5} {'-':>5} {'-':>7}  prism cannot load: {r.note}")
            continue
        other = r.operations if r.kind == "generate failed" else r.count("other")
        note = (f"{r.kind}: {r.note}" if r.note else r.kind) if r.kind != "ran" else ""
        lines.append(f"{r.name:<{width}}  {r.operations:>5} {r.passed:>6} {r.count('rejected'):>8} "
                     f"{r.count('parse'):>5} {other:>5} {r.seconds:>7.1f}  {note}".rstrip())
    failures = [(r.name, f) for r in rows for f in r.failures]
    if failures:
        lines += ["", "failures:"]
        lines += [f"  {name} {f.operation} [{f.kind}] {f.line}" + (f" (blocked: {f.blocked})" if f.blocked else "")
                  for name, f in failures]
    lines += ["", "by folder:"]
    for group in sorted({r.group for r in rows}):
        members = [r for r in rows if r.group == group and r.kind != "prism cannot load"]
        passed, total = sum(r.passed for r in members), sum(r.operations for r in members)
        unloadable = sum(1 for r in rows if r.group == group and r.kind == "prism cannot load")
        kinds = Counter(f.kind for r in members for f in r.failures)
        blocked = sum(r.blocked for r in members)
        lines.append(f"  {group}: {passed}/{total} operations pass ({len(members)} specs"
                     + (f", {unloadable} Prism cannot load" if unloadable else "") + ")"
                     + "".join(f", {kinds[k]} {k}" for k in CLASSES if kinds[k])
                     + (f"; {blocked} of the failures blocked by Prism or the spec" if blocked else ""))
    counted = [r for r in rows if r.kind != "prism cannot load"]
    passed, total = sum(r.passed for r in counted), sum(r.operations for r in counted)
    if rows and all(r.kind == "opc counted" for r in rows):
        lines += ["", f"openapi-python-client: {passed}/{total} operations callable (counted; it ships no tests to run)"]
    else:
        open_total = total - sum(r.blocked for r in counted)
        share = f" = {100 * passed / open_total:.1f}%" if open_total else ""
        lines += ["", f"not blocked by Prism or the spec: {passed}/{open_total} operations pass{share}",
                  f"conformance: {passed}/{total} operations pass"]
    return "\n".join(lines)


BEGIN = "<!-- BEGIN measured: written by `python bench/conformance.py ... --markdown docs/conformance.md` -->"
END = "<!-- END measured -->"


def markdown(rows: list[Row]) -> str:
    """The measured part of docs/conformance.md: totals per folder, one row per spec, every failure."""
    lines = [BEGIN, "", "| folder | specs | Prism cannot load | operations | passed | rejected | parse | other |",
             "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
    for group in sorted({r.group for r in rows}):
        members = [r for r in rows if r.group == group]
        counted = [r for r in members if r.kind != "prism cannot load"]
        other = sum(r.operations if r.kind == "generate failed" else r.count("other") for r in counted)
        lines.append(f"| {group} | {len(members)} | {len(members) - len(counted)} | "
                     f"{sum(r.operations for r in counted)} | {sum(r.passed for r in counted)} | "
                     f"{sum(r.count('rejected') for r in counted)} | {sum(r.count('parse') for r in counted)} | {other} |")
    causes: dict[str, int] = {}
    for r in rows:
        for f in r.failures:
            if f.blocked:
                why = f.blocked.split(" — ", 1)[0]  # conformance_answers.DETAIL
                causes[why] = causes.get(why, 0) + (r.operations if f.operation == "*" else 1)
    lines += ["", "What blocked the blocked failures (the runner's evidence, bench/conformance_causes.py):", "",
              "| blocked by | operations |", "| --- | ---: |"]
    lines += [f"| {why.replace('|', '/')} | {count} |" for why, count in sorted(causes.items(), key=lambda kv: (-kv[1], kv[0]))]
    lines += ["", "| spec | operations | passed | rejected | parse | other | test run (s) | note |",
              "| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |"]
    for r in rows:
        note = r.kind if r.kind != "ran" else ""
        note += f": {r.note}" if r.note else ""
        lines.append(f"| {r.name} | {r.operations} | {r.passed} | {r.count('rejected')} | {r.count('parse')} | "
                     f"{r.count('other')} | {r.seconds:.1f} | {note.replace('|', '/')[:160]} |")
    lines += ["", "Every failure (spec, operationId, class, first line; what blocked it, where the runner saw why):", ""]
    for r in rows:
        for f in r.failures:
            blocked = f" **blocked** ({f.blocked})" if f.blocked else ""
            lines.append(f"- `{r.name}` `{f.operation}` [{f.kind}] {f.line.replace('|', '/')}{blocked}")
    return "\n".join(lines + ["", END])


def write_markdown(path: Path, rows: list[Row]) -> None:
    """Replace the measured part of `path` (keeping the hand-written causes around it)."""
    text = path.read_text(encoding="utf-8") if path.exists() else f"{BEGIN}\n{END}\n"
    if BEGIN not in text or END not in text:
        text += f"\n{BEGIN}\n{END}\n"
    head, rest = text.split(BEGIN, 1)
    path.write_text(head + markdown(rows) + rest.split(END, 1)[1], encoding="utf-8")


def saved_rows(paths: list[Path]) -> list[Row]:
    rows: dict[str, Row] = {}
    for path in paths:
        text = path.read_text(encoding="utf-8")
        saved = [json.loads(line) for line in text.splitlines()] if path.suffix == ".jsonl" else json.loads(text)
        for data in saved:
            failures = [Failure(**f) for f in data.pop("failures")]
            rows[data["name"]] = Row(**data, failures=failures)
    return sorted(rows.values(), key=lambda r: r.name)
