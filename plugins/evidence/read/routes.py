"""One address format per page kind. URLs are bookmarked and cited, so they live here only.

Each function returns the source path of a (virtual) page, as MkDocs expects;
``url_of`` turns it into the site-relative URL readers see.
"""

from __future__ import annotations

from .sections import CONTRIBUTE


def summary(slug: str) -> str:
    return f"research/{slug}.md"


def field_reference() -> str:
    return f"{CONTRIBUTE}reference.md"


def starter() -> str:
    return f"{CONTRIBUTE}starter.md"


def feed(page_url: str = "") -> str:
    """The Atom feed beside a page: ``feed.xml`` for the site, ``browse/topic/x/feed.xml`` for a value."""
    return f"{page_url}feed.xml"


def browse_index() -> str:
    return "browse/index.md"


def facet(name: str) -> str:
    return f"browse/{name}/index.md"


def facet_value(name: str, value: str, page: int = 1) -> str:
    """Page 1 of a term lives at its own address; later pages add /page/N/."""
    suffix = "index.md" if page == 1 else f"page/{page}/index.md"
    return f"browse/{name}/{value}/{suffix}"


def reading_paths() -> str:
    return "reading-paths/index.md"


def reading_path(slug: str) -> str:
    return f"reading-paths/{slug}.md"


def cpd_index() -> str:
    return "cpd/index.md"


def framework(framework_id: str) -> str:
    return f"cpd/{framework_id}/index.md"


def standard(framework_id: str, standard_id: str, page: int = 1) -> str:
    """``swe``, ``4.2`` -> ``/cpd/swe/4.2/``: the id as the owner writes it; later pages add /page/N/."""
    return f"cpd/{framework_id}/{standard_id}.md" if page == 1 else f"cpd/{framework_id}/{standard_id}/page/{page}.md"


def coverage() -> str:
    return "cpd/coverage.md"


def my_cpd() -> str:
    return "my-cpd/index.md"


def cpd_record() -> str:
    """The blank record to print: what readers without JavaScript use instead of the form."""
    return "my-cpd/record.md"


def cpd_rules_script() -> str:
    """The CPD rules and record fields as data, one file for every page (``cpd_rules.browser_script``)."""
    return "assets/javascripts/cpd-rules.js"


def url_of(src: str) -> str:
    """``research/x.md`` -> ``research/x/``; ``browse/index.md`` -> ``browse/``."""
    if src == "index.md":
        return ""
    if src.endswith("/index.md"):
        return src[: -len("index.md")]
    return src[: -len(".md")] + "/"


def citation_file(slug: str, extension: str) -> str:
    """Reference-manager downloads beside the summary page: ``research/<slug>/citation.ris`` and ``.bib``."""
    return f"research/{slug}/citation.{extension}"


def search_words(language: str) -> str:
    """The words search suggests from when a query finds little: one list per language, beside the search page.

    Only the letters, digits and hyphens of the language code name the file, so
    no setting can put it anywhere else."""
    code = "".join(ch for ch in str(language) if ch.isascii() and (ch.isalnum() or ch == "-")) or "und"
    return f"search/words.{code}.json"


def share_image() -> str:
    """The picture link previews show (OpenGraph and Twitter cards): one for the whole site."""
    return "assets/images/share.png"


def catalogue(extension: str) -> str:
    """Open data at stable addresses: ``catalogue.json``, ``catalogue.schema.json``, ``catalogue.csv``."""
    return f"catalogue.{extension}"


def open_data() -> str:
    return "open-data.md"


def practice_weeks() -> str:
    return "practice-weeks/index.md"


def practice_week(slug: str) -> str:
    """A week's programme at ``/practice-weeks/<slug>/``, its printable pack at ``.../pack/``."""
    return f"practice-weeks/{slug}/index.md"


def practice_week_pack(slug: str) -> str:
    return f"practice-weeks/{slug}/pack.md"


def practice_week_calendar(slug: str) -> str:
    return f"practice-weeks/{slug}/sessions.ics"


def events() -> str:
    """Sessions coming up and the record of past ones: ``/events/``; each at ``/events/<slug>/``."""
    return "events/index.md"


def event(slug: str) -> str:
    return f"events/{slug}.md"


def events_feed(extension: str) -> str:
    """``events/feed.xml`` (Atom) and ``events/events.ics`` (a calendar to subscribe to)."""
    return "events/feed.xml" if extension == "xml" else "events/events.ics"
