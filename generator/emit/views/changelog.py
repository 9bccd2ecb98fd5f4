"""The CHANGELOG section of a `generate --compatible-with` run, and how it joins the user's file.

CHANGELOG.md is the user's file (the generator never owns it): the new section goes on top
and everything already there stays below it, byte for byte.
"""

from __future__ import annotations

from typing import Sequence

from generator.compat import Kept
from generator.diff import Change, suggested_bump
from generator.ir import Api

CHANGELOG_NAME = "CHANGELOG.md"
TITLE = "# Changelog\n"


def changelog_section(old: Api, new: Api, changes: Sequence[Change], kept: Sequence[Kept],
                      old_name: str, new_name: str) -> str:
    """A Markdown section: the suggested bump, the breaking and other changes, the aliases kept."""
    lines = [f"## {new.title} {new.version} (was {old.version})", "",
             f"Suggested version bump: **{suggested_bump(list(changes))}**. "
             f"Generated from `{new_name}` with `--compatible-with {old_name}`.", ""]
    breaking = [c for c in changes if c.breaking]
    other = [c for c in changes if not c.breaking]
    for title, group in (("BREAKING", breaking), ("Other changes", other)):
        if group:
            lines += [f"### {title}", "", *(f"- `{c.where}`: {c.what}" for c in group), ""]
    aliases = [k for k in kept if k.new]
    removed = [k for k in kept if not k.new and not k.note]
    skipped = [k for k in kept if k.note]
    if aliases or removed or skipped:
        lines += ["### Deprecated names kept", ""]
        lines += [f"- `{k.old}` -> `{k.new}` (warns with a DeprecationWarning)" for k in aliases]
        lines += [f"- `{k.old}`: removed from the API; calling it raises NotImplementedError" for k in removed]
        lines += [f"- `{k.old}`: {k.note}" for k in skipped]
        lines.append("")
    if not changes and not kept:
        lines += ["No changes for client users.", ""]
    return "\n".join(lines) + "\n"


def prepend(existing: str | None, section: str) -> str:
    """The file with `section` on top: under its `# Changelog` title when it has one; the same
    text when that section is already the newest (a rerun adds nothing)."""
    if existing is None or not existing.strip():
        return TITLE + "\n" + section
    if existing.startswith(TITLE):
        rest = existing[len(TITLE):].lstrip("\n")
        if rest.startswith(section):
            return existing
        return TITLE + "\n" + section + "\n" + rest
    if existing.startswith(section):
        return existing
    return section + "\n" + existing
