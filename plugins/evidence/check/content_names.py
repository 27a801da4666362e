"""Ids and classes written in content never take over the page's own elements.

A heading with ``{: #cpd-rules }`` (or one simply called "Standards") would
share an id with the template's CPD rules or standards list: the browser, the
scripts and in-page links then find the editor's heading instead, and a CPD
record is silently not saved. A class such as ``md-nav`` or ``cpd-hidden``
picks up the theme's styles and can hide text. So the sanitiser renames every
content id the templates also use (``cpd-rules`` becomes ``content-cpd-rules``,
and links to it on the page follow) and drops every class in the theme's and the
site's own namespaces. The page's own ids are read from the templates
themselves, so a new template id is protected without a list to keep.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable, Iterable

RENAMED = "content-"
OWN_PREFIXES = ("md-", "md_", "ev-", "cpd-", "evidence-", "is-", "__")  # Material's, ours, and state classes
OWN_CLASSES = frozenset({"js", "no-js", "focus-visible"})

_TEMPLATE_ID = re.compile(r"""\bid=["']([^"'{}$]*)(\{|\$)?""")
_CONTENT_ID = re.compile(r"""\bid="([^"]*)\"""")


@dataclass(frozen=True)
class OwnNames:
    """The ids the page's templates use: exact ones, and the fixed start of ones they build (``step-{{ n }}``)."""

    ids: frozenset[str] = frozenset()
    prefixes: tuple[str, ...] = OWN_PREFIXES

    @classmethod
    def from_templates(cls, templates: Iterable[str]) -> "OwnNames":
        ids, prefixes = set(), list(OWN_PREFIXES)
        for text in templates:
            for match in _TEMPLATE_ID.finditer(text):
                if match.group(2) and match.group(1):
                    prefixes.append(match.group(1))
                elif not match.group(2) and match.group(1):
                    ids.add(match.group(1))
        return cls(frozenset(ids), tuple(dict.fromkeys(prefixes)))

    def taken(self, name: str) -> bool:
        return name in self.ids or name.startswith(self.prefixes)

    def renames(self, html: str) -> dict[str, str]:
        """Content ids the page already uses, and what each becomes."""
        return {name: RENAMED + name for name in _CONTENT_ID.findall(html) if self.taken(name)}

    def attribute_filter(self, html: str) -> Callable[[str, str, str], str | None]:
        """For the sanitiser: rename taken ids and the in-page links to them, drop the page's own classes."""
        renames = self.renames(html)

        def keep(tag: str, attribute: str, value: str) -> str | None:
            if attribute == "id":
                return renames.get(value, value)
            if attribute == "href" and value.startswith("#") and value[1:] in renames:
                return "#" + renames[value[1:]]
            if attribute == "class":
                return " ".join(name for name in value.split() if not _own_class(name)) or None
            return value

        return keep


def _own_class(name: str) -> bool:
    return name in OWN_CLASSES or name.startswith(OWN_PREFIXES)
