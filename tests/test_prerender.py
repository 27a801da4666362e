"""Citation text and QR codes are computed ahead (on every core) and kept in the build cache:
the pages are the same as when each is computed on the spot, and the cache never reaches the site."""

from __future__ import annotations

import functools
import json
import re
from pathlib import Path

import pytest

from conftest import summary_text


@pytest.fixture
def fresh(monkeypatch):
    """Answers kept by earlier tests in this process would hide what prerender and the cache do."""
    from evidence.outputs.citations.cite_styles import CITED
    from evidence.outputs.qr import DRAWN

    for function in (CITED, DRAWN):
        monkeypatch.setattr(function, "answers", {})
    return CITED, DRAWN


def small_project(project, count: int = 3):
    for number in range(count):
        project.add(f"study-{number}.md", summary_text(
            title=f"Study {number} & <b>its</b> findings",
            source={"citation": f"Example findings {number}", "url": f"https://example.org/findings-{number}.pdf", "open_access": True},
            authors=["Ann Example", "van der Berg, Piet"][: number + 1],
        ))
    return project


def counting(compute):
    """``compute`` under its own name (so workers import the real one), noting each key it answers in this process."""
    here: list[str] = []
    return here, functools.wraps(compute)(lambda key: here.append(key) or compute(key))


def cache_files(root: Path) -> dict[str, dict]:
    return {p.name.split("-")[0]: json.loads(p.read_text()) for p in (root / ".cache/evidence").glob("*.json")}


def test_answers_from_worker_processes_are_the_ones_computed_here(project, fresh, monkeypatch):
    from evidence.outputs import worker_pool
    from evidence.outputs.citations.citing import citation_keys
    from evidence.outputs.precomputed import Precomputed
    from evidence.read.site_identity import SiteIdentity

    monkeypatch.setattr(worker_pool, "cores", lambda: 3)  # three workers, on any machine
    cited = fresh[0]
    library = small_project(project, count=6).library()
    keys = [key for s in library.summaries for key in citation_keys(s, SiteIdentity("Site", "https://example.org/"))]
    here, counted = counting(cited.compute)
    in_workers = Precomputed("test", counted)
    worker_pool.answer_all([(in_workers, keys)], min_parallel=1)
    assert in_workers.answers == {key: cited.compute(key) for key in keys}
    assert here == [], "every answer came from a worker"


def test_a_worker_that_fails_costs_time_not_answers(project, fresh, monkeypatch):
    from evidence.outputs import worker_pool
    from evidence.outputs.precomputed import Precomputed
    from evidence.outputs.qr import draw

    monkeypatch.setattr(worker_pool, "cores", lambda: 2)  # a worker even on a one-core machine
    monkeypatch.setattr(worker_pool.sys, "executable", "/bin/false")  # every worker exits at once with an error
    keys = [f"https://example.org/research/study-{number}/" for number in range(8)]
    here, counted = counting(draw)
    function = Precomputed("test", counted)
    worker_pool.answer_all([(function, keys)], min_parallel=1)
    assert function.answers == {key: draw(key) for key in keys}
    assert sorted(here) == sorted(keys), "all computed in this process instead"


def test_every_summary_page_finds_its_citations_and_qr_code_ready_in_the_cache(project, fresh):
    small_project(project)
    assert project.build() == 0
    cached = cache_files(project.root)
    for summary in project.library().summaries:
        page = project.page(f"research/{summary.slug}")
        address = re.search(r'class="ev-qr__address">([^<]+)<', page).group(1)
        code = (project.root / "site" / "research" / summary.slug / "qr.svg").read_text(encoding="utf-8")
        assert code == cached["qr"][address].replace("<svg ", '<svg xmlns="http://www.w3.org/2000/svg" ', 1), "the flyer's code, beside the page"
        texts = [text for answer in cached["citations"].values() for text in json.loads(answer)]
        assert sum(text in page for text in texts) == 4, "Harvard and APA, for the study and for the summary"
    site_files = [p.name for p in (project.root / "site").rglob("*")]
    assert not [name for name in site_files if name.startswith(("citations-", "qr-codes-", ".cache"))]


def test_answers_kept_in_the_cache_are_used_and_a_damaged_cache_is_ignored(project, fresh, monkeypatch):
    from evidence.outputs.prerender import prerender
    from evidence.read.site_identity import SiteIdentity

    cited, drawn = fresh
    library, site, cache = small_project(project).library(), SiteIdentity("Site", "https://example.org/"), project.root / "cache"
    prerender(library, site, cache).finish()
    computed = dict(drawn.answers)
    stored = next(cache.glob("qr-codes-*.json"))
    address = sorted(computed)[0]
    stored.write_text(json.dumps({address: "<svg>kept</svg>"}))
    monkeypatch.setattr(drawn, "answers", {})
    prerender(library, site, cache).finish()
    assert drawn.answers[address] == "<svg>kept</svg>", "read from the cache, not computed again"
    assert {k: v for k, v in drawn.answers.items() if k != address} == {k: v for k, v in computed.items() if k != address}
    stored.write_text("{not json")
    monkeypatch.setattr(drawn, "answers", {})
    prerender(library, site, cache).finish()
    assert drawn.answers == computed
    assert json.loads(stored.read_text()) == computed, "the damaged file is replaced"


def test_a_new_version_of_a_function_replaces_its_cache_file(tmp_path):
    from evidence.outputs import answer_store
    from evidence.outputs.precomputed import Precomputed
    from evidence.outputs.qr import draw

    old, new = Precomputed("codes", draw), Precomputed("codes", draw, ("segno",))
    for function in (old, new):
        function("https://example.org/")
        answer_store.save(tmp_path, function, ["https://example.org/"])
    assert [p.name for p in tmp_path.iterdir()] == [f"codes-{new.version}.json"]
    assert answer_store.load(tmp_path, old) == {}


def test_the_cache_is_never_inside_the_site(tmp_path):
    from evidence.outputs.prerender import cache_folder

    assert cache_folder(tmp_path, tmp_path / "site") == (tmp_path / ".cache/evidence").resolve()
    assert cache_folder(tmp_path, tmp_path / ".cache") is None
    assert cache_folder(tmp_path, tmp_path / ".cache/evidence") is None
