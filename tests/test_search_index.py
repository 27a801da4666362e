"""Search: what Pagefind indexes, the filter groups, the Content Security Policy.

Pure tests of the plan and the policy from inline strings, then one real build
of a tiny site to check which pages carry a searchable body and which filters.
The browser side (ranking, filters, keyboard) is in tests/browser/test_search.py.
"""

from __future__ import annotations

import base64
import gzip
import hashlib
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import yaml

from conftest import REPO, summary_text
from evidence.outputs.csp import BASE_DIRECTIVES, BlockedScripts, KnownScripts, Policy, inline_script_hashes, with_policy
from evidence.outputs.search_index import CONTENT_TYPES, IndexPlan, build_index, search_filters, search_words

# The shape of Material's bootstrap in partials/javascripts/base.html.
THEME_TEMPLATE = '<script>__md_scope=new URL("{{ config.extra.scope | d(base_url) }}",location),__md_get=e=>e</script>'
KNOWN = KnownScripts.from_templates([THEME_TEMPLATE])
ATTACK = "<script>alert(1)</script>"
EXPECTED_POLICY = (
    "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; "
    "font-src 'self'; connect-src 'self'; worker-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'"
)


class IndexedText(HTMLParser):
    """What Pagefind reads from a page: text inside data-pagefind-body but not in data-pagefind-ignore, and the type filter."""

    VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}

    def __init__(self, html: str):
        super().__init__()
        self.stack: list[tuple[bool, bool, bool]] = []  # (in body, ignored, in a type filter)
        self.text: list[str] = []
        self.types: list[str] = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        if tag in self.VOID:
            return
        found = dict(attrs)
        body, ignored, _ = self.stack[-1] if self.stack else (False, False, False)
        self.stack.append((body or "data-pagefind-body" in found, ignored or "data-pagefind-ignore" in found,
                           found.get("data-pagefind-filter") == "type"))
        if (found.get("data-pagefind-filter") or "").startswith("type:"):
            self.types.append(found["data-pagefind-filter"][5:])

    def handle_endtag(self, tag):
        if tag not in self.VOID and self.stack:
            self.stack.pop()

    def handle_data(self, data):
        body, ignored, type_filter = self.stack[-1] if self.stack else (False, False, False)
        if body and type_filter:
            self.types.append(data.strip())
        elif body and not ignored:
            self.text.append(data)

    @property
    def words(self) -> str:
        return " ".join(" ".join(self.text).split())


def indexed_content(site: Path, url: str) -> str:
    """The text Pagefind indexed for a page (what its results' excerpts are cut from), from the built index."""
    for path in (site / "pagefind" / "fragment").iterdir():
        data = gzip.decompress(path.read_bytes())
        page = json.loads(data[data.index(b"{"):])
        if page["url"] == url:
            return page["content"]
    raise AssertionError(f"{url} is not in the index")


def sha256(text: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode()


# ---- The plan and the runner -------------------------------------------


def test_plan_runs_the_bundled_binary_over_a_folder_into_a_bundle(tmp_path):
    command = IndexPlan(tmp_path / "site").command(tmp_path / "pages", tmp_path / "site" / "pagefind", python="py")
    assert command[:3] == ["py", "-m", "pagefind"], "the binary pagefind[bin] ships: nothing is downloaded"
    assert command[command.index("--site") + 1] == str(tmp_path / "pages")
    assert command[command.index("--output-path") + 1] == str(tmp_path / "site" / "pagefind")
    assert command[command.index("--force-language") + 1] == "en"
    excluded = [command[i + 1] for i, part in enumerate(command) if part == "--exclude-selectors"]
    assert "[data-pagefind-ignore]" in excluded and ".headerlink" in excluded


def test_runner_clears_the_old_index_and_reports_its_size(tmp_path):
    site = tmp_path / "site"
    (site / "pagefind").mkdir(parents=True)
    (site / "pagefind" / "stale.pf_index").write_text("old")
    (site / "index.html").write_text('<html lang="en"><body><main data-pagefind-body><h1>Hello</h1><p>Words here.</p></main></body></html>')
    stats = build_index(IndexPlan(site))
    assert not (site / "pagefind" / "stale.pf_index").exists()
    assert (site / "pagefind" / "pagefind.js").is_file() and (site / "pagefind" / "pagefind-entry.json").is_file()
    assert stats["files"] > 3 and stats["bytes"] > 10_000


def page_counts(site: Path) -> dict[str, int]:
    entry = json.loads((site / "pagefind" / "pagefind-entry.json").read_text())
    return {code: language["page_count"] for code, language in entry["languages"].items()}


def write_page(site: Path, rel: str, marked: bool) -> None:
    (site / rel).parent.mkdir(parents=True, exist_ok=True)
    body = "<main data-pagefind-body>" if marked else "<main>"
    (site / rel).write_text(f'<html lang="en"><body>{body}<h1>{rel}</h1><p>Words about {rel}.</p></main></body></html>')


def test_every_marked_page_is_indexed_in_any_folder_and_others_are_not(tmp_path):
    site = tmp_path / "site"
    for rel, marked in [("index.html", True), ("research/a/index.html", True), ("new-kind/b/index.html", True), ("browse/c/index.html", False)]:
        write_page(site, rel, marked)
    build_index(IndexPlan(site))
    assert page_counts(site) == {"en": 3}, "every marked page, in any folder, is indexed"
    assert json.loads((site / "pagefind" / "shards.json").read_text()) == {"en": []}, "a small site is one bundle"


def test_a_site_without_marked_pages_is_indexed_whole(tmp_path):
    site = tmp_path / "site"
    for rel in ("index.html", "guide/index.html", "guide/more/index.html"):
        write_page(site, rel, marked=False)
    build_index(IndexPlan(site))
    assert page_counts(site) == {"en": 3}


# ---- Words and filters from the facet declarations -----------------------


def test_summary_is_found_by_labels_and_synonyms_of_its_terms(project):
    project.add("talking-mats.md", summary_text(topics=["communication", "behaviour-that-challenges"]))
    library = project.library()
    words = search_words(library, library.summaries[0])
    assert {"Communication", "AAC", "Behaviour that challenges", "challenging behavior"} <= set(words)
    assert {"People with learning disabilities", "intellectual disability"} <= set(words)
    assert len(words) == len(set(words)), "each word once"
    assert "Discrimination" not in words, "only the summary's own terms"


def test_filter_groups_follow_the_facets_then_standard_and_type(project):
    project.add("talking-mats.md", summary_text(standards=["swe:4.2"]))
    library = project.library()
    groups = search_filters(library)
    assert [g.key for g in groups] == [f.name for f in library.facets] + ["standard", "type"]
    topic = groups[0]
    assert topic.label == "Topic" and [(v.value, v.param) for v in topic.values] == [("Communication", "communication")]
    year = next(g for g in groups if g.key == "year")
    assert [(v.value, v.param, v.text) for v in year.values] == [("2021", "2021", "2021")]
    standard = next(g for g in groups if g.key == "standard")
    assert [(v.value, v.param) for v in standard.values] == [("swe:4.2", "swe:4.2")]
    assert standard.values[0].text.startswith("SWE 4.2: ")
    assert [(v.param, v.value) for v in groups[-1].values] == list(CONTENT_TYPES.items())


# ---- Content Security Policy ---------------------------------------------


def test_policy_allows_only_this_site_plus_what_pagefind_needs():
    assert Policy().header_value() == EXPECTED_POLICY
    assert "unsafe-inline" not in EXPECTED_POLICY and "https:" not in EXPECTED_POLICY
    assert set(BASE_DIRECTIVES) >= {"script-src", "worker-src", "connect-src", "object-src", "base-uri", "form-action"}


def test_policy_takes_extra_sources_from_configuration():
    value = Policy({"connect-src": ("https://stats.example.org",), "frame-src": ("https://video.example.org",)}).header_value()
    assert "connect-src 'self' https://stats.example.org;" in value
    assert value.endswith("frame-src https://video.example.org")


def test_only_inline_scripts_that_run_are_hashed():
    html = (
        '<script>var a=1</script><script src="x.js"></script><script type="application/json">{"a":1}</script>'
        '<script type="application/ld+json">{}</script><script type="module">import "./y.js"</script>'
    )
    assert inline_script_hashes(html) == (sha256("var a=1"), sha256('import "./y.js"'))


def test_policy_goes_right_after_the_charset_before_any_script():
    bootstrap = '__md_scope=new URL("..",location),__md_get=e=>e'
    html = f'<!doctype html><html><head><meta charset="utf-8"><script>{bootstrap}</script></head><body></body></html>'
    out = with_policy(html, Policy(), KNOWN)
    meta = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">', out)
    assert meta and out.index(meta.group(0)) < out.index("<script>")
    assert f"'{sha256(bootstrap)}'" in meta.group(1).replace("&quot;", '"')
    assert with_policy("<?xml version='1.0'?><urlset/>", Policy(), KNOWN) == "<?xml version='1.0'?><urlset/>"


def test_only_the_theme_s_own_inline_scripts_are_hashed():
    """Material's bootstrap at any depth is allowed; a script of anyone else's is not, even one dressed up as it."""
    pages = {depth: f'__md_scope=new URL("{depth}",location),__md_get=e=>e' for depth in [".", "..", "../../..", "/"]}
    for script in pages.values():
        assert KNOWN.allows(script), script
    lookalike = '__md_scope=new URL("x",location),alert(1),new URL("",location),__md_get=e=>e'
    for script in ["alert(1)", lookalike, pages[".."] + ";alert(1)", 'var x="'+"a" * 10 + '"']:
        assert not KNOWN.allows(script), script
    html = f'<meta charset="utf-8"><script>{pages[".."]}</script><p>Hi</p>{ATTACK}'
    policy = re.search(r'content="([^"]+)"', with_policy(html, Policy(), KNOWN)).group(1)
    assert f"'{sha256(pages['..'])}'" in policy.replace("&quot;", '"') and sha256("alert(1)") not in policy


def test_blocked_scripts_are_one_warning_each_pointing_at_their_source():
    blocked = BlockedScripts()
    source = ("content/about.md", "---\ntitle: About\nsubtitle: <script>alert(1)</script>\n---\n")
    blocked.record("index.html", f"<p>{ATTACK}</p>", KNOWN)
    blocked.record("about/index.html", f"<p>{ATTACK}</p>", KNOWN, source)
    blocked.record("privacy/index.html", '<script>__md_scope=new URL(".",location),__md_get=e=>e</script>', KNOWN)
    [warning] = blocked.problems()
    assert not warning.is_error and (warning.path, warning.line) == ("content/about.md", 3)
    assert '"alert(1)" on about/index.html and 1 other page is not one of the theme' in warning.message


# ---- A real build ---------------------------------------------------------


def test_built_pages_carry_search_marks_and_the_policy(project):
    project.add("talking-mats.md", summary_text(topics=["communication", "behaviour-that-challenges"]))
    assert project.build() == 0
    summary = project.page("research/talking-mats")
    assert summary.count("data-pagefind-body") == 1
    for mark in ['data-pagefind-filter="type:Research summary"', 'data-pagefind-filter="strength:Moderate" data-pagefind-meta="strength:Moderate"',
                 'data-pagefind-filter="year:2021"', 'data-pagefind-filter="topic">Communication<', 'data-pagefind-meta="design"',
                 'data-pagefind-sort="date:2026-01-15"']:
        assert mark in summary, mark
    indexed = indexed_content(project.root / "site", "/research/talking-mats/")
    for shown in ["Research summary", "Study published 2021.", "Moderate"]:
        assert indexed.count(shown) == 1, f"filters and sort keys are not indexed as text a second time: {shown!r} in {indexed}"
    assert "challenging behavior" in indexed and "intellectual disability" in indexed, "synonyms are indexed"
    assert "challenging behavior" not in re.sub(r'data-search-words="[^"]*"', "", summary), "and never shown or read out"
    assert indexed.count("Communication") == 1, "labels are on the page already: only synonyms are added"
    for same_everywhere in ["Read this summary online", "Labels are short summaries", "can help you show", "Print this summary"]:
        assert same_everywhere not in indexed, f"text on every summary is not indexed: {same_everywhere!r}"

    about = project.page("about")
    assert 'data-pagefind-body data-pagefind-filter="type:Page" data-pagefind-meta="summary:How this site helps' in about
    for url in ["browse", "browse/topic", "search"]:
        assert "data-pagefind-body" not in project.page(url), f"{url} is a list or a tool, not content"
    search_page = project.page("search")
    assert 'name="topic" value="communication" data-value="Communication"' in search_page
    assert "<noscript>" in search_page and 'href="../browse/"' in search_page


def test_every_page_has_a_policy_that_allows_its_own_inline_scripts(project):
    project.add("talking-mats.md", summary_text())
    assert project.build() == 0
    site = project.root / "site"
    pages = sorted(site.rglob("*.html"))
    assert pages and (site / "404.html") in pages
    for page in pages:
        text = page.read_text(encoding="utf-8")
        policy = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">', text)
        assert policy, f"{page.relative_to(site)} has no Content Security Policy"
        assert text.index(policy.group(0)) < text.index("<script"), "the policy must come before every script"
        for digest in inline_script_hashes(text):
            assert f"'{digest}'" in policy.group(1), f"{page.relative_to(site)}: an inline script is not allowed by hash"
        assert "https://fonts" not in text, "no third-party fonts"
    assert (site / "pagefind" / "pagefind.js").is_file()


def test_a_script_in_a_template_override_is_blocked_and_named(project, capsys):
    """A council's pasted snippet in overrides/ never meets the sanitiser: the policy must leave it out.
    Material's own bootstrap (written when a feature reads the browser's storage, here linked tabs) still runs."""
    config_path = project.root / "mkdocs.yml"
    config = yaml.safe_load(config_path.read_text(encoding="utf-8"))
    config["theme"]["features"] = config["theme"].get("features", []) + ["content.tabs.link"]
    config_path.write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    with (project.root / "overrides" / "main.html").open("a", encoding="utf-8") as template:
        template.write("{% block analytics %}" + ATTACK + "{% endblock %}\n")
    project.add("talking-mats.md", summary_text())
    assert project.build() == 0, "a blocked script is a warning, not a failed build"
    page = project.page("about")
    assert ATTACK in page, "the test needs a script that reaches the finished page"
    policy = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">', page).group(1)
    assert sha256("alert(1)") not in policy and "unsafe-inline" not in policy
    bootstrap = re.search(r"<script>(__md_scope=.*?)</script>", page).group(1)
    assert f"'{sha256(bootstrap)}'" in policy.replace("&quot;", '"'), "Material's own bootstrap still runs"
    out = capsys.readouterr().out
    assert re.search(r'^overrides/:1: warning: the inline script "alert\(1\)" on \S+ and \d+ other pages .* look for it in the templates in overrides/\. To run a script, put it in a \.js file', out, re.M), out
    assert out.count("alert(1)") == 1, "one warning per script, not one per page"


def test_front_matter_subtitle_is_shown_as_text_not_run(project):
    """Material prints a page's subtitle in the navigation unescaped; the plugin escapes it first."""
    (project.root / "content/about.md").write_text(f"---\ntitle: About\nsubtitle: {ATTACK}\n---\n\n# About\n", encoding="utf-8")
    project.add("talking-mats.md", summary_text())
    assert project.build() == 0
    page = project.page("privacy")
    assert ATTACK not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_pages_that_list_summaries_do_not_index_their_titles(bundled_site):
    """A study's title finds the study: standard, framework, coverage and path pages only link to it."""
    from evidence.model.library import Library
    from evidence.read.settings import Settings

    library = Library.load(Settings.from_mkdocs_yml(REPO / "mkdocs.yml"))
    listing = sorted(bundled_site.glob("cpd/**/index.html")) + sorted(bundled_site.glob("reading-paths/*/index.html"))
    assert (bundled_site / "cpd/coverage/index.html") in listing
    for page in listing:
        html = page.read_text(encoding="utf-8")
        indexed = IndexedText(html).words
        assert indexed, f"{page.relative_to(bundled_site)} should still be searchable by its own words"
        for summary in library.summaries:
            if summary.title in html:
                assert summary.title not in indexed, f"{page.relative_to(bundled_site)} indexes the title of {summary.slug}"


def test_every_searchable_page_has_a_type_the_search_page_offers(bundled_site):
    """Otherwise ticking any content type in the search page's filter hides the page."""
    untyped = []
    for page in sorted(bundled_site.rglob("*.html")):
        html = page.read_text(encoding="utf-8")
        types = IndexedText(html).types
        if "data-pagefind-body" in html and (len(types) != 1 or types[0] not in CONTENT_TYPES.values()):
            untyped.append(f"{page.relative_to(bundled_site)}: {types}")
    assert not untyped, "\n".join(untyped)


def test_material_search_stays_off(project):
    project.add("talking-mats.md", summary_text())
    assert project.build() == 0
    page = project.page("about")
    assert "md-search" not in page and 'for="__search"' not in page
    assert not (project.root / "site" / "search" / "search_index.json").exists(), "no lunr index"
