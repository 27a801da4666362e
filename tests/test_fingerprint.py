"""Which pages the preview renders again after an edit: exactly those that show what changed."""

from __future__ import annotations

from conftest import summary_text
from evidence.outputs.fingerprint import fingerprint
from evidence.outputs.pages import site_pages
from evidence.read.site_identity import SiteIdentity

SITE = SiteIdentity("Test site", "https://example.org/", "en")


def fingerprints(project) -> dict[str, str | None]:
    library = project.library()
    return {page.src: fingerprint(page, library) for page in site_pages(library, SITE)}


def test_an_edit_changes_the_fingerprint_of_every_page_that_shows_the_summary_and_no_other(project):
    project.add("talking-mats.md", summary_text(topics=["communication"], standards=["swe:4.2"]))
    project.add("unrelated.md", summary_text(title="A study sharing nothing", topics=["discrimination"], populations=["disabled-people"],
                                             design="survey", year=2019, standards=["pcf:7"]))
    before = fingerprints(project)
    project.add("talking-mats.md", summary_text(title="Talking mats, edited", topics=["communication"], standards=["swe:4.2"]))
    after = fingerprints(project)
    assert before.keys() == after.keys()
    changed = {src for src in after if after[src] is None or after[src] != before[src]}
    for shows_it in ["research/talking-mats.md", "browse/topic/communication/index.md", "browse/year/2021/index.md", "cpd/swe/4.2.md", "cpd/swe/4.md"]:
        assert shows_it in changed, shows_it
    for does_not in ["research/unrelated.md", "browse/topic/discrimination/index.md", "browse/year/2019/index.md", "cpd/pcf/7.md", "cpd/swe/1.md"]:
        assert does_not not in changed, does_not
    assert len(changed) < len(after) / 2, "most pages are left alone"
