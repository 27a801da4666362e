"""Compiled templates are kept in the build cache, and an edited template is never served from it."""

from __future__ import annotations

from conftest import summary_text


def test_a_template_edited_between_builds_shows_its_edit(project):
    project.add("talking-mats.md", summary_text())
    assert project.build() == 0
    assert list((project.root / ".cache/evidence/templates").iterdir()), "compiled templates are kept"
    template = project.root / "overrides/research.html"
    text = template.read_text(encoding="utf-8")
    template.write_text(text.replace("</article>", '<p class="edited-template">Edited</p></article>', 1), encoding="utf-8")
    assert project.build() == 0
    assert '<p class="edited-template">Edited</p>' in project.page("research/talking-mats")


def test_a_build_cache_that_cannot_be_written_only_costs_time(project):
    project.add("talking-mats.md", summary_text())
    (project.root / ".cache").write_text("a file where the cache folder would be", encoding="utf-8")
    assert project.build() == 0
    assert "Talking mats" in project.page("research/talking-mats")
