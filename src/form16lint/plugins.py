"""Setting up the plugin manager: add the hook specs, register the built-ins, load entry points.

Built-in readers, reporters and the built-in rule pack are registered by module name, the same
call a third-party pack goes through; third-party packs come from the ``form16lint`` entry-point
group unless ``FORM16LINT_DISABLE_PLUGIN_AUTOLOAD`` is set. A pack that fails to load is reported
and skipped: one broken pack never stops the others.
"""

from __future__ import annotations

import importlib
import os
from dataclasses import dataclass, field

import pluggy

from form16lint import hookspecs

ENTRY_POINT_GROUP = "form16lint"
AUTOLOAD_OFF = "FORM16LINT_DISABLE_PLUGIN_AUTOLOAD"

BUILTIN_PLUGINS = (
    "form16lint.readers.edgar_xml",
    "form16lint.readers.edgar_submission",
    "form16lint.readers.canonical_json",
    "form16lint.readers.pdf",
    "form16lint.readers.extracted_text",
    "form16lint.reporters.rich_report",
    "form16lint.reporters.concise",
    "form16lint.reporters.json_report",
    "form16lint.reporters.sarif",
    "form16lint.reporters.github",
    "form16lint.reporters.junit",
    "form16lint.reporters.html",
    "form16lint_rules",
)


@dataclass
class Plugins:
    manager: pluggy.PluginManager
    load_errors: list[str] = field(default_factory=list)

    @property
    def hook(self):
        return self.manager.hook

    def filing_rules(self):
        return self._collect(self.hook.form16lint_filing_rules)

    def collection_rules(self):
        return self._collect(self.hook.form16lint_collection_rules)

    def all_rules(self):
        return sorted(self.filing_rules() + self.collection_rules(), key=lambda rule: rule.code)

    def output_formats(self) -> dict:
        formats: dict = {}
        for provided in reversed(self.hook.form16lint_output_formats()):
            formats.update(provided or {})
        return formats

    def _collect(self, hook_caller) -> list:
        rules = []
        for impl in hook_caller.get_hookimpls():
            for rule in impl.function() or ():
                rule.pack = impl.plugin_name
                rules.append(rule)
        return rules


def load_plugins(*, autoload: bool | None = None, extra: tuple = (), blocked: tuple = ()) -> Plugins:
    """The plugin manager for one run. ``extra`` are further plugin objects or module names
    (tests use it to add a pack); ``blocked`` names plugins not to register."""
    manager = pluggy.PluginManager(ENTRY_POINT_GROUP)
    manager.add_hookspecs(hookspecs)
    plugins = Plugins(manager)
    for name in blocked:
        manager.set_blocked(name)
    for name in BUILTIN_PLUGINS:
        _register(plugins, name, lambda name=name: importlib.import_module(name))
    if autoload is None:
        autoload = not os.environ.get(AUTOLOAD_OFF)
    if autoload:
        from importlib.metadata import entry_points

        for entry in entry_points(group=ENTRY_POINT_GROUP):
            _register(plugins, entry.name, entry.load)
    for plugin in extra:
        if isinstance(plugin, str):
            _register(plugins, plugin, lambda plugin=plugin: importlib.import_module(plugin))
        else:
            _register(plugins, getattr(plugin, "__name__", None) or repr(plugin), lambda plugin=plugin: plugin)
    return plugins


def _register(plugins: Plugins, name: str, load) -> None:
    manager = plugins.manager
    if manager.is_blocked(name) or manager.has_plugin(name):
        return
    try:
        plugin = load()
        manager.register(plugin, name=name)
        manager.check_pending()
    except Exception as error:  # a broken pack is reported, never fatal
        if manager.get_plugin(name) is not None:
            manager.unregister(name=name)
        plugins.load_errors.append(f"plugin {name!r} could not be loaded: {type(error).__name__}: {error}")
