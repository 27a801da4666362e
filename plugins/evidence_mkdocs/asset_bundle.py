"""The project's own stylesheets, and its plain scripts, each written as one file that every page links.

Every page linked five stylesheets (brand, evidence, CPD, print packs, search)
and loaded five plain scripts (helpers first, then the CPD loader, print,
share, the drawer), one element each: 0.5 KB of every page and eight more
requests on a first visit. The build joins each kind into one file, in the
same order, so later rules and scripts still come after the earlier ones they
build on, and puts it where the first of them was. Only a run of neighbouring
plain entries naming the project's own files in the bundle's folder (relative
``url()`` references and ``currentScript`` still resolve) is joined: a copy's own
stylesheets (local/), a module, an async or deferred script, another site's
address keep their own element, in their place. The files stay in the site.
"""

from __future__ import annotations

import posixpath
from pathlib import Path

from mkdocs.structure.files import File

STYLES = "assets/stylesheets/site.css"
SCRIPTS = "assets/javascripts/site.js"


def joinable(entry, own: set[str], folder: str) -> bool:
    """A plain entry (no type, defer or async) naming one of the project's own files in ``folder``."""
    path = str(entry)
    plain = not (getattr(entry, "type", "") or getattr(entry, "defer", False) or getattr(entry, "async_", False))
    return plain and path in own and posixpath.dirname(path) == folder


def bundled(entries: list, own: set[str], bundle: str) -> tuple[list, list[str]]:
    """The entries with ``bundle`` in place of the first run of joinable ones, and the paths joined. Only a run
    of neighbours is joined, so every file still loads after the ones listed before it; with fewer than two
    joinable neighbours there is nothing to gain and the entries stay as they were."""
    can = [joinable(entry, own, posixpath.dirname(bundle)) for entry in entries]
    start = can.index(True) if True in can else len(entries)
    end = start
    while end < len(entries) and can[end]:
        end += 1
    if end - start < 2:
        return list(entries), []
    return [*entries[:start], bundle, *entries[end:]], [str(entry) for entry in entries[start:end]]


def joined_text(texts: list[tuple[str, str]], bundle: str) -> str:
    """The files' texts in order, each named in a comment; scripts end in ';' so none runs into the next."""
    script = bundle.endswith(".js")
    return "".join(f"/* {path} */\n{text.rstrip()}{';' if script else ''}\n" for path, text in texts)


def rewrite(config) -> dict[str, list[str]]:
    """Point the site's stylesheets and scripts at their bundles; each bundle's files, for ``bundle_files``."""
    docs = Path(config.docs_dir)

    def own(entries: list) -> set[str]:
        return {str(entry) for entry in entries if (docs / str(entry)).is_file()}

    config.extra_css, styles = bundled(config.extra_css, own(config.extra_css), STYLES)
    config.extra_javascript, scripts = bundled(config.extra_javascript, own(config.extra_javascript), SCRIPTS)
    return {bundle: paths for bundle, paths in ((STYLES, styles), (SCRIPTS, scripts)) if paths}


def sources(entries: list, bundles: dict[str, list[str]]) -> list[str]:
    """The entries' paths with each bundle as the files joined into it, for what reads the sources themselves."""
    return [path for entry in entries for path in bundles.get(str(entry), [str(entry)])]


def bundle_files(config, files, bundles: dict[str, list[str]]) -> list:
    """The bundles as generated files, from the files' texts as this build has them."""
    made = []
    for bundle, paths in bundles.items():
        texts = [(path, found.content_string) for path in paths if (found := files.get_file_from_path(path))]
        made.append(File.generated(config, bundle, content=joined_text(texts, bundle)))
    return made
