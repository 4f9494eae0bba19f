"""``flask devparty plugins new``: a working sector plugin as a pip package, from the files in
this folder (``*.tmpl``, with ``${name}``, ``${Name}``, ``${NAME_UPPER}``, ``${sector}``,
``${label}``, ``${revision}``, ``${core}``, ``${package}`` filled in). The package passes
its own tests at once; docs/plugins.md walks through it."""
from __future__ import annotations

import re
import secrets
from pathlib import Path
from string import Template

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

from ..migrations import CORE_CANDIDATE_REVISION

TEMPLATES = Path(__file__).parent
NAME = re.compile(r"^[a-z][a-z0-9_]{1,30}$")
# template file -> path in the package (``pkg`` is the Python package's folder)
FILES = {
    "pyproject.toml.tmpl": "pyproject.toml",
    "README.md.tmpl": "README.md",
    "init.py.tmpl": "pkg/__init__.py",
    "hooks.py.tmpl": "pkg/hooks.py",
    "models.py.tmpl": "pkg/models.py",
    "rules.py.tmpl": "pkg/rules.py",
    "admin.py.tmpl": "pkg/admin.py",
    "reports.py.tmpl": "pkg/reports.py",
    "demo.py.tmpl": "pkg/demo.py",
    "migration.py.tmpl": "pkg/migrations/versions/${revision}_${name}_profile.py",
    "messages.po.tmpl": "pkg/translations/en/LC_MESSAGES/messages.po",
    "conftest.py.tmpl": "tests/conftest.py",
    "test_plugin.py.tmpl": "tests/test_${name}.py",
}


class ScaffoldError(ValueError):
    """The name is not usable or the folder exists; nothing was written."""


def new_plugin(name: str, sector: str, label: str, parent: Path, taken: set[str]) -> Path:
    """Write the package ``devparty-<name>`` under ``parent``; return its folder."""
    if not NAME.match(name) or not NAME.match(sector):
        raise ScaffoldError("The name and the sector are lower-case letters, digits and _ "
                            "(2–31 characters), starting with a letter.")
    if name in taken:
        raise ScaffoldError(f"A plugin named '{name}' is already installed.")
    root = parent / f"devparty-{name.replace('_', '-')}"
    if root.exists():
        raise ScaffoldError(f"{root} already exists.")
    values = {"name": name, "Name": "".join(p.title() for p in name.split("_")),
              "NAME_UPPER": name.upper(),
              "sector": sector, "label": label, "revision": secrets.token_hex(6),
              "core": CORE_CANDIDATE_REVISION, "package": f"devparty_{name}"}
    for template, target in FILES.items():
        path = root / Template(target.replace("pkg/", "${package}/")).substitute(values)
        path.parent.mkdir(parents=True, exist_ok=True)
        text = Template((TEMPLATES / template).read_text(encoding="utf-8")).substitute(values)
        path.write_text(text, encoding="utf-8")
        if path.suffix == ".po":  # compiled at once: the package runs from its folder
            with path.open("rb") as source, path.with_suffix(".mo").open("wb") as compiled:
                write_mo(compiled, read_po(source))
    return root
