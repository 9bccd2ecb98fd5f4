"""clientgen's own build hook: the built-in templates compiled when clientgen is installed.

hatchling runs it (`[tool.hatch.build.hooks.custom]` in pyproject.toml) in a
build environment that has clientgen's run-time dependencies, so the templates
are compiled by the Jinja that pip resolves for the install, not by whatever
Jinja a checked-in copy was made with.

- A wheel gets them as `generator/templates/_compiled/`, beside the templates.
- An editable install (`pip install -e .`, the README's set-up) reads the
  templates from the checkout, so they are compiled into `templates/_compiled/`
  there (git-ignored, rewritten by every install) and byte-compiled, since an
  editable install is not byte-compiled by pip.

This is not the hook users build their clients with (`generator/hatch_hook.py`).
"""

from __future__ import annotations

import compileall
import shutil
import sys
import tempfile
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface


class CompileTemplatesHook(BuildHookInterface):  # type: ignore[type-arg]
    PLUGIN_NAME = "custom"
    _scratch: Path | None = None

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        if self.target_name != "wheel":
            return  # an sdist carries the templates only
        if self.root not in sys.path:
            sys.path.insert(0, self.root)  # the build environment has its dependencies, not the generator itself
        from generator.emit.cache import disabled
        from generator.emit.templating.precompiled import FOLDER, compile_into
        from generator.emit.templating.render import environment

        with disabled():  # no cache folder made in the home of whoever builds
            env = environment()

        templates = Path(self.root) / "templates"
        if version == "editable":
            target = templates / FOLDER
            compile_into(env, templates, target)
            compileall.compile_dir(str(target), quiet=1)
        else:
            self._scratch = Path(tempfile.mkdtemp(prefix="clientgen-templates-"))
            target = self._scratch / FOLDER
            compile_into(env, templates, target)
            build_data["force_include"][str(target)] = f"generator/templates/{FOLDER}"
        self.app.display_info(f"clientgen: built-in templates compiled into {target}")

    def finalize(self, version: str, build_data: dict[str, Any], artifact_path: str) -> None:
        if self._scratch is not None:
            shutil.rmtree(self._scratch, ignore_errors=True)
            self._scratch = None
