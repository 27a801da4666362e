"""Workarounds for citeproc-py's per-reference overheads; the rendered text stays exactly the same.

citeproc-py walks the parsed style once per reference and, on the way, asks
questions whose answers depend only on the style (which XPath node a macro
is, whether a group calls a variable), or only on the bibliography (which
reference an item is). A parsed style never changes, and a bibliography
renders one item here, so each answer is kept after the first time. Together
these cut a summary's Harvard and APA text from about 14 ms to about 5 ms.
``tests/test_citation_speed.py`` renders varied references with and without
them and compares the text. The answers are kept in place of citeproc-py's own
methods only for the release they were checked against: any other release
renders unchanged (slower, never wrong) and that test fails, asking for the
check to be repeated.
"""

from __future__ import annotations

from typing import Any, Callable

import citeproc
from citeproc import CitationItem, model

CHECKED_WITH = "0.11.1"  # the citeproc-py release these answers were compared against

# (id of the style node, question) -> (the node, answer). The node is kept with its answer:
# lxml hands out the same Python object for a node while one is alive, so its id cannot be reused.
_ANSWERS: dict[tuple[int, str], tuple[Any, Any]] = {}


def _remember(element: model.CitationStylesElement, question: str, ask: Callable[[], Any]) -> Any:
    key = (id(element), question)
    hit = _ANSWERS.get(key)
    if hit is None or hit[0] is not element:
        hit = _ANSWERS[key] = (element, ask())
    return hit[1]


def _remembered_xpath(element: model.CitationStylesElement, expression: str) -> list:
    """Workaround: citeproc-py evaluates the same XPath on the same style node for every reference
    (``CitationStylesElement.xpath_search`` in https://github.com/citeproc-py/citeproc-py/blob/master/citeproc/model.py),
    a third of its time."""
    return _remember(element, expression, lambda: element.xpath(expression, namespaces=element.nsmap))


def _remembered_calls_variable(plain: Callable[[Any], bool]) -> Callable[[Any], bool]:
    """Workaround: every ``cs:group`` asks each child whether it calls a variable, which walks the
    child's whole subtree (and its macros) again for every reference (``Parent.calls_variable`` and
    ``Text.calls_variable`` in citeproc/model.py): half of what remains after the XPath answers."""
    return lambda element: _remember(element, "calls_variable", lambda: plain(element))



def _remembered_root(element: model.CitationStylesElement) -> Any:
    """Workaround: style elements ask for their tree's root hundreds of times a reference, on the way to
    the formatter, a term or a macro (``CitationStylesElement.get_root`` in citeproc/model.py)."""
    return _remember(element, "root", lambda: element.getroottree().getroot())


def _remembered_child(plain: Callable[[Any, str], Any]) -> Callable[[Any, str], Any]:
    """Workaround: ``style.bibliography``, ``locale.terms`` and the like search the element's children
    on every use (``SomewhatObjectifiedElement.__getattr__`` in citeproc/model.py)."""
    return lambda element, name: _remember(element, "child " + name, lambda: plain(element, name))


def _remembered_locale_option(plain: Callable[[Any, str], Any]) -> Callable[[Any, str], Any]:
    """Workaround: a locale option (``punctuation-in-quote``) is looked up through the style's locales
    for every piece of quoted or formatted text (``get_locale_option`` in citeproc/model.py)."""
    return lambda element, name: _remember(element.get_root(), "locale option " + name, lambda: plain(element, name))


def _remembered_type_test(element: model.If, item: CitationItem) -> list[bool]:
    """Workaround: each ``cs:if type="..."`` splits and lower-cases its list of types for every
    reference it tests (``If._type`` in citeproc/model.py)."""
    types = _remember(element, "types", lambda: [typ.lower() for typ in element.get("type").split()])
    kind = item.reference.type
    return [typ == kind for typ in types]

class OneReferenceItem(CitationItem):
    """A citation item that looks its reference up once: citeproc-py's ``CitationItem.reference``
    goes through the bibliography's source on every variable the style reads (a quarter of the rest)."""

    @property
    def reference(self):
        found = self.__dict__.get("_reference")
        if found is None:
            found = self.__dict__["_reference"] = self.bibliography.source[self.key]
        return found


if citeproc.__version__ == CHECKED_WITH:
    model.CitationStylesElement.xpath_search = _remembered_xpath
    model.Parent.calls_variable = _remembered_calls_variable(model.Parent.calls_variable)
    model.Text.calls_variable = _remembered_calls_variable(model.Text.calls_variable)
    model.CitationStylesElement.get_root = _remembered_root
    model.SomewhatObjectifiedElement.__getattr__ = _remembered_child(model.SomewhatObjectifiedElement.__getattr__)
    model.CitationStylesElement.get_locale_option = _remembered_locale_option(model.CitationStylesElement.get_locale_option)
    model.If._type = _remembered_type_test
