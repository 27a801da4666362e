"""The plugins' options in mkdocs.yml, checked by the same schema machinery as content.

``schemas/options.schema.json`` is the one description of the evidence plugin's
options, ``schemas/search_options.schema.json`` of the pagefind plugin's. ``check``
reads them from mkdocs.yml here (without MkDocs); the MkDocs plugin checks the
options MkDocs hands it against the same schema before MkDocs' own typed
checks. Either way an impossible value is ``mkdocs.yml:LINE: message`` with the
fix, and a value that passes ``check`` is one the build accepts.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .front_matter import FrontMatterError, build_yaml, compose_yaml, decode
from .problems import Problems
from .schema import Schema



@dataclass(frozen=True)
class PluginSchema:
    """A plugin listed in mkdocs.yml and the schema its options follow."""

    name: str
    schema: str  # plugins/evidence/schemas/<schema>.schema.json
    example: str  # one option line, for the message when the options are not 'option: value' lines


EVIDENCE = PluginSchema("evidence", "options", "browse_per_page: 50")
SEARCH = PluginSchema("pagefind", "search_options", "shard_pages: 2000")


@dataclass
class PluginBlock:
    """A plugin's sound options with their lines, and the problems of the rest."""

    options: dict[str, Any] = field(default_factory=dict)
    lines: dict = field(default_factory=dict)
    problems: Problems = field(default_factory=Problems)
    listed: bool = False  # True: the file lists the plugin, so ``options`` are what it says


@dataclass
class ConfigFile:
    """What mkdocs.yml says about the content: the plugin's options with their lines, and docs_dir."""

    name: str
    options: dict[str, Any] = field(default_factory=dict)
    lines: dict = field(default_factory=dict)
    docs_dir: str = "docs"
    theme_dir: str | None = None  # the theme's custom_dir
    site_url: str | None = None  # MkDocs' own setting: the site's path depends on it
    problems: Problems = field(default_factory=Problems)
    readable: bool = True  # False: mkdocs.yml itself could not be parsed, so no folder is known
    has_block: bool = False  # True: the file lists the plugin, so ``options`` are what it says
    search: PluginBlock = field(default_factory=PluginBlock)  # the pagefind plugin's options


def read_config_file(path: Path) -> ConfigFile:
    """The plugin's options from mkdocs.yml, sound ones only; every problem located in the file."""
    found = ConfigFile(path.name)
    try:
        root = compose_yaml(decode(path.read_bytes()), offset=0)
    except FrontMatterError as exc:
        found.problems.error(path.name, exc.line, exc.message.replace("front matter", "file"))
        found.readable = False
        return found
    except OSError as exc:
        found.problems.error(path.name, 1, f"cannot read {path.name} ({exc.strerror}); check the file exists and can be read")
        found.readable = False
        return found
    if not isinstance(root, yaml.MappingNode):
        line = root.start_mark.line + 1 if root is not None else 1
        found.problems.error(path.name, line, f"{path.name} must be 'setting: value' lines, such as 'site_name: My site', one per line")
        found.readable = False
        return found
    docs_dir = _scalar(_child(root, "docs_dir"))
    found.docs_dir = docs_dir if isinstance(docs_dir, str) and docs_dir else "docs"
    found.theme_dir = _scalar(_child(_child(root, "theme"), "custom_dir")) or None
    site_url = _scalar(_child(root, "site_url"))
    found.site_url = site_url if isinstance(site_url, str) and site_url else None
    plugins = _child(root, "plugins")
    evidence = _read_block(_plugin_block(plugins, EVIDENCE.name), found.name, EVIDENCE, found.problems)
    found.options, found.lines, found.has_block = evidence.options, evidence.lines, evidence.listed
    found.search = _read_block(_plugin_block(plugins, SEARCH.name), found.name, SEARCH)
    return found


def _read_block(node: yaml.Node | None, name: str, plugin: PluginSchema, problems: Problems | None = None) -> PluginBlock:
    block = PluginBlock(problems=Problems() if problems is None else problems, listed=node is not None)
    if node is None:
        return block
    try:
        options, lines = build_yaml(node)
    except FrontMatterError as exc:
        block.problems.error(name, exc.line, exc.message)
        return block
    if isinstance(node, yaml.ScalarNode) and options in (None, plugin.name):
        return block  # '- evidence' alone, or '- evidence:' with nothing under it: every option at its default
    block.lines = lines
    block.options = sound_options(options, lines, name, block.problems, node.start_mark.line + 1, plugin)
    return block


def sound_options(options: Any, lines: dict, config_file: str, problems: Problems, line: int = 1, plugin: PluginSchema = EVIDENCE) -> dict[str, Any]:
    """Check options against the schema; report each issue at its line; return the options that passed.

    An option that failed is left out, so its default applies and the rest of
    the content is still checked in the same run (the run fails on the error anyway).
    """
    if not isinstance(options, dict):
        problems.error(config_file, line, f"the {plugin.name} plugin's options must be indented 'option: value' lines under '- {plugin.name}:', for example '{plugin.example}' (every option is described in plugins/evidence/schemas/{plugin.schema}.schema.json)")
        return {}
    options = {key: value for key, value in options.items() if value is not None}  # 'option:' left empty: the default
    issues = Schema(plugin.schema).validate(options)
    for issue in issues:
        problems.error(config_file, issue.line_in(lines, line), issue.message)
    flawed = [issue.path for issue in issues]
    kept = {key: _sound(key, value, flawed) for key, value in options.items() if (key,) not in flawed}
    return {key: value for key, value in kept.items() if value is not None}


def _sound(key: str, value: Any, flawed: list[tuple]) -> Any:
    """A list keeps its sound items (one bad facet does not hide the others); any other value is whole or gone."""
    inside = [path[1:] for path in flawed if path[:1] == (key,) and len(path) > 1]
    if not inside:
        return value
    if isinstance(value, list):
        return [item for index, item in enumerate(value) if not any(path[:1] == (index,) for path in inside)]
    return None


def _child(node: yaml.Node | None, key: str) -> yaml.Node | None:
    if not isinstance(node, yaml.MappingNode):
        return None
    return next((value for name, value in node.value if isinstance(name, yaml.ScalarNode) and name.value == key), None)


def _scalar(node: yaml.Node | None) -> str | None:
    return node.value if isinstance(node, yaml.ScalarNode) else None


def _plugin_block(plugins: yaml.Node | None, name: str) -> yaml.Node | None:
    """A plugin's entry in 'plugins:', written as a list (the usual form) or as a mapping."""
    if isinstance(plugins, yaml.MappingNode):
        return _child(plugins, name)
    for item in plugins.value if isinstance(plugins, yaml.SequenceNode) else []:
        if isinstance(item, yaml.ScalarNode) and item.value == name:
            return item
        if _child(item, name) is not None:
            return _child(item, name)
    return None


def plugin_options(options: Any, config_file_path: str | None, plugin: PluginSchema) -> tuple[Problems, dict[str, Any]]:
    """What a plugin's ``load_config`` checks: the options ``check`` read from mkdocs.yml when the file lists
    the plugin (MkDocs reads YAML 1.1, where a facet named ``on`` is true, and check passing must mean the
    build passes), else the options MkDocs hands over (tests, a config without the file)."""
    path = Path(config_file_path) if config_file_path else None
    found = read_config_file(path) if path and path.is_file() else None
    block = None if found is None else (found.search if plugin == SEARCH else _evidence_block(found))
    if block is not None and block.listed:
        return block.problems, block.options
    problems = Problems()
    return problems, sound_options(options, {}, path.name if path else "mkdocs.yml", problems, plugin=plugin)


def _evidence_block(found: ConfigFile) -> PluginBlock:
    return PluginBlock(found.options, found.lines, found.problems, found.has_block)
