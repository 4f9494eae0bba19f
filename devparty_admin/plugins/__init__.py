"""The plugin contract: what a sector plugin may provide and how the core finds it.

A plugin is a package with ``manifest = Manifest(...)`` in its ``__init__.py`` and its hook
implementations, marked ``@hookimpl``, in ``hooks.py``. See docs/plugins.md.
"""
from .extension import CandidateExtension
from .loader import PluginError, plugins
from .manifest import Manifest, Role, record_permissions
from .scales import Scale
from .settings import setting
from .spec import hookimpl

__all__ = ["CandidateExtension", "Manifest", "PluginError", "Role", "Scale", "hookimpl",
           "plugins", "record_permissions", "setting"]
