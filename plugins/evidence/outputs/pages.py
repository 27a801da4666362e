"""The generated pages of the site as plain data: source path, template and context.

The MkDocs plugin turns each ``GeneratedPage`` into a virtual file and hands its
context to the page's template. Nothing here knows about MkDocs or Jinja.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from ..model.events import past, upcoming
from ..model.facet import Facet, FacetTerm
from ..model.framework import Framework, Standard
from ..model.library import Library
from ..model.reading_path import audience_labels
from ..model.scaffold import PLACEHOLDER, scaffold
from ..model.summary import Summary
from ..read import routes
from ..read.schema import Schema
from ..read.site_identity import SiteIdentity
from .calendar_file import calendar
from .catalogue import Licence, columns
from .citations.citing import Download, cite_summary
from .event_feed import events_atom, events_ics
from .field_reference import field_reference
from .per_summary import PerSummary


@dataclass
class GeneratedPage:
    src: str
    template: str
    title: str
    description: str
    context: dict[str, Any] = field(default_factory=dict)
    markdown: str = ""
    in_nav: bool = False  # summaries and browse pages never enter the nav: it would grow with them
    downloads: tuple = ()  # files written beside the page (a summary's RIS and BibTeX), each with .path and .content

    @property
    def url(self) -> str:
        return routes.url_of(self.src)

    def source(self) -> str:
        """Markdown for MkDocs. Front matter carries only the template: never editors' text."""
        return f"---\ntemplate: {self.template}\n---\n\n{self.markdown}"


def site_pages(library: Library, site: SiteIdentity, today: dt.date | None = None) -> list[GeneratedPage]:
    """``today`` decides which events are past: the build's date, unless a test fixes it."""
    pages = [_summary_page(library, s, site) for s in library.summaries]
    if library.settings.contribute:
        pages += [_reference_page(library), _starter_page(library)]
    pages.append(GeneratedPage(routes.browse_index(), "browse-index.html", "Browse research", "Browse the research summaries by topic, population, study design and more.", {"facets": library.facets}))
    for facet in library.facets:
        pages.append(_facet_page(facet))
        for term in facet.used_terms:
            pages.extend(_term_pages(facet, term, library.settings.per_page))
    pages.extend(_reading_path_pages(library))
    pages.extend(_cpd_pages(library))
    pages.append(_open_data_page(library))
    pages.extend(_practice_week_pages(library, site))
    pages.extend(_event_pages(library, site, today or dt.date.today()))
    return pages


def _event_pages(library: Library, site: SiteIdentity, today: dt.date) -> list[GeneratedPage]:
    """What is coming and the record of what happened; the feed and calendar beside the list (with a site_url)."""
    events = library.events
    files: tuple = ()
    if events and site.url:
        files = (
            Download(routes.events_feed("xml"), "Atom feed", "feed readers, Teams and Outlook", events_atom(events, site)),
            Download(routes.events_feed("ics"), "Calendar", "Outlook, Google Calendar, Apple Calendar", events_ics(events, site)),
        )
    context = {"upcoming": upcoming(events, today), "past": past(events, today), "files": files}
    intro = "Sessions to come, what to read before each, and a record of past sessions with their materials."
    pages = [GeneratedPage(routes.events(), "events.html", "Events", intro, context, in_nav=True, downloads=files)]
    for event in events:
        context = {"event": event, "is_past": event.is_past(today)}
        pages.append(GeneratedPage(routes.event(event.slug), "event.html", event.title, event.summary, context))
    return pages


def _practice_week_pages(library: Library, site: SiteIdentity) -> list[GeneratedPage]:
    """The list of weeks, and per week its programme (with the calendar file beside it) and printable pack."""
    intro = "A week of short sessions, one read a day, for a team or a service: a programme, a printable pack of flyers and a calendar file."
    pages = [GeneratedPage(routes.practice_weeks(), "practice-weeks.html", "Practice weeks", intro, {"weeks": library.practice_weeks}, in_nav=True)]
    for week in library.practice_weeks:
        ics = calendar(week.title, ((week.slug, s) for s in week.sessions), week.timezone, site)
        download = Download(routes.practice_week_calendar(week.slug), "Calendar file", "Outlook, Google Calendar, Apple Calendar", ics)
        sheets = [(session, _reading_detail(library, session.reading)) for session in week.sessions]
        context = {"week": week, "sheets": sheets, "calendar": download}
        pages.append(GeneratedPage(routes.practice_week(week.slug), "practice-week.html", week.title, week.summary, context, downloads=(download,)))
        pages.append(GeneratedPage(routes.practice_week_pack(week.slug), "practice-week-pack.html", f"{week.title}: printable pack", week.summary, context))
    return pages


def _reading_detail(library: Library, reading) -> Any:
    """What a day's flyer shows: the summary, the reading path, or the topic's newest summaries."""
    if reading.kind == "summary":
        return library.summary(reading.id)
    if reading.kind == "reading_path":
        return next(p for p in library.reading_paths if p.slug == reading.id)
    facet = next(f for f in library.facets if f.spec.field == "topics")
    return facet.term(reading.id).summaries[:4]


def _open_data_page(library: Library) -> GeneratedPage:
    """How to reuse the catalogue: the files, the licence and every column, from the summary schema."""
    fields = {f.name: f.description for f in library.schema.fields}
    context = {
        "licence": Licence.from_settings(library.settings),
        "columns": [(name, fields.get(name, "")) for name in columns(library.schema)],
        "count": len(library.summaries),
    }
    description = "Everything this site holds about its research summaries, as JSON and CSV files anyone can reuse."
    return GeneratedPage(routes.open_data(), "open-data.html", "Open data", description, context, in_nav=True)


def _reference_page(library: Library) -> GeneratedPage:
    text = "# Field reference\n\n" + field_reference(library.schema, library.vocabularies)
    return GeneratedPage(routes.field_reference(), "main.html", "Field reference", "Every field of a research summary, what to write and the allowed values.", markdown=text, in_nav=True)


def _starter_page(library: Library) -> GeneratedPage:
    """The scaffold as a page, for editors working in GitHub's web editor without Python."""
    blank = scaffold(PLACEHOLDER, library.schema, library.vocabularies, today=None)
    text = (
        "# Starter file\n\n"
        "Copy everything in the box below into a new file in the `research_summaries/` folder, "
        "then replace every FILL IN. Between the two `---` lines, a line that starts with `#` is a note for you, "
        "which the site ignores; keep the `##` headings below them. "
        "[Add a summary in your browser](web-editor.md) explains each step, and the "
        "[field reference](reference.md) explains each field.\n\n"
        f"````markdown\n{blank}````\n"
    )
    description = "A blank research summary with every field and heading in place, to copy into a new file."
    return GeneratedPage(routes.starter(), "main.html", "Starter file", description, markdown=text, in_nav=True)


_citation = PerSummary(cite_summary)  # a summary's reference, RIS and BibTeX are made again only when its file is edited


def _summary_page(library: Library, summary: Summary, site: SiteIdentity) -> GeneratedPage:
    citation = _citation(summary, site)
    context = {"summary": summary, "related": library.related(summary), "citation": citation}
    return GeneratedPage(routes.summary(summary.slug), "research.html", summary.title, summary.one_liner, context, summary.body, downloads=citation.downloads)


def _facet_page(facet: Facet) -> GeneratedPage:
    return GeneratedPage(routes.facet(facet.name), "facet.html", f"Browse by {facet.label.lower()}", facet.description, {"facet": facet})


def _chunks(items: list, per_page: int) -> list[list]:
    """A long listing as numbered pages, so no page grows with the catalogue (one empty page for none)."""
    return [items[i : i + per_page] for i in range(0, len(items), per_page)] or [[]]


def _term_pages(facet: Facet, term: FacetTerm, per_page: int) -> list[GeneratedPage]:
    """Split a long listing into numbered pages so no page grows without limit."""
    chunks = _chunks(term.summaries, per_page)
    pager = [routes.url_of(routes.facet_value(facet.name, term.id, n)) for n in range(1, len(chunks) + 1)]
    pages = []
    for number, chunk in enumerate(chunks, start=1):
        title = f"{facet.label}: {term.label}" + (f" (page {number} of {len(chunks)})" if len(chunks) > 1 else "")
        context = {"facet": facet, "term": term, "items": chunk, "page_number": number, "pager": pager}
        pages.append(GeneratedPage(routes.facet_value(facet.name, term.id, number), "facet-term.html", title, term.description or title, context))
    return pages


def _reading_path_pages(library: Library) -> list[GeneratedPage]:
    """The list of paths (in the nav: it stays short) and one page per path."""
    audiences = audience_labels(Schema("reading_path"))
    options, filters = _standard_filters(library)
    used = {a for path in library.reading_paths for a in path.audience}
    audience_options = [(key, label) for key, label in audiences.items() if key in used]
    context = {"paths": library.reading_paths, "audiences": audiences, "audience_options": audience_options, "standard_options": options, "path_standards": filters}
    description = "Short, ordered reading on one theme, mapped to professional standards, with questions to reflect on and notes for running a team session."
    pages = [GeneratedPage(routes.reading_paths(), "reading-paths.html", "Reading paths", description, context, in_nav=True)]
    for path in library.reading_paths:
        context = {"path": path, "audiences": audiences}
        pages.append(GeneratedPage(routes.reading_path(path.slug), "reading-path.html", path.title, path.summary, context, path.body))
    return pages


def _standard_filters(library: Library) -> tuple[list[Standard], dict[str, str]]:
    """Filter options (each path's standards and their parents, in framework order) and,
    per path, the ids it matches, so choosing 'SWE 4' also finds a path mapped to 'SWE 4.2'."""
    matches: dict[str, str] = {}
    used: set[str] = set()
    for path in library.reading_paths:
        standards = [s for s in map(library.standard, path.standards) if s]
        ids = {node.qualified for s in standards for node in [s, *s.ancestors()]}
        matches[path.slug] = " ".join(sorted(ids))
        used |= ids
    options = [s for s in library.frameworks.standards() if s.qualified in used]
    return options, matches


def _cpd_pages(library: Library) -> list[GeneratedPage]:
    """Frameworks, one page per framework and per standard, the coverage matrix and My CPD."""
    intro = "The professional standards and frameworks that summaries and reading paths are mapped to, with links to the official texts."
    pages = [
        GeneratedPage(routes.cpd_index(), "cpd-index.html", "CPD standards", intro, {"frameworks": list(library.frameworks.values())}, in_nav=True),
        GeneratedPage(routes.coverage(), "coverage.html", "Evidence coverage by standard", "Where the site has evidence for each professional standard, by strand and topic, and where it has none yet.", {"matrices": library.coverage}),
        GeneratedPage(routes.my_cpd(), "my-cpd.html", "My CPD", "Your CPD record, kept only in this browser: list, edit, export and print your entries.", {}, in_nav=True),
    ]
    if library.cpd:
        record = f"The fields of a {library.cpd.regulator} CPD record with space to write, to print and fill in by hand."
        pages.append(GeneratedPage(routes.cpd_record(), "cpd-record.html", "A blank CPD record to print", record))
    for framework in library.frameworks.values():
        pages.append(_framework_page(framework))
        for standard in framework.walk():
            pages.extend(_standard_pages(library, standard))
    return pages


def _framework_page(framework: Framework) -> GeneratedPage:
    description = f"{framework.title}: every standard, with the summaries and reading paths mapped to it."
    return GeneratedPage(routes.framework(framework.id), "framework.html", framework.title, description, {"framework": framework})


def _standard_pages(library: Library, standard: Standard) -> list[GeneratedPage]:
    """A standard and what is mapped to it; its summaries split into numbered pages like a browse listing."""
    heading = standard.name
    description = f"Research summaries and reading paths mapped to {standard.title} ({standard.framework.title})."
    mapped = library.mapped(standard)
    chunks = _chunks(mapped.all_summaries, library.settings.per_page)
    sources = [routes.standard(standard.framework.id, standard.id, n) for n in range(1, len(chunks) + 1)]
    pager = [routes.url_of(src) for src in sources]
    pages = []
    for number, chunk in enumerate(chunks, start=1):
        title = heading + (f" (page {number} of {len(chunks)})" if len(chunks) > 1 else "")
        context = {"framework": standard.framework, "standard": standard, "mapped": mapped, "items": chunk, "page_number": number, "pager": pager}
        pages.append(GeneratedPage(sources[number - 1], "standard.html", title, description, context))
    return pages
