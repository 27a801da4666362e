"""What readers download: indentation left out of pages, a summary page's parts kept small."""

from __future__ import annotations

import json
import re
from xml.etree import ElementTree

import yaml
from hypothesis import given
from hypothesis import strategies as st

from conftest import BODY, summary_text
from evidence.outputs.html_whitespace import collapsed
from evidence_cli.page_parts import BRIEFING, BUDGET, beyond_briefing, parts


def test_indentation_goes_but_text_code_and_scripts_keep_every_space():
    page = (
        "<ul>\n      <li>\n        One\u00a0 two</li>\n\n\n   <li>Three</li>\n</ul>\n"
        "<pre><code>def f():\n    return 1\n</code></pre>\n  <p>Inline <code>a\n    b</code> code</p>\n"
        "<textarea>\n  kept\n</textarea>\n   <script>\n  var x = `a\n    b`;\n</script>\n  <STYLE>\n  p {}\n</STYLE>"
    )
    assert collapsed(page) == (
        "<ul>\n<li>\nOne\u00a0 two</li>\n<li>Three</li>\n</ul>\n"
        "<pre><code>def f():\n    return 1\n</code></pre>\n<p>Inline <code>a\n    b</code> code</p>\n"
        "<textarea>\n  kept\n</textarea>\n<script>\n  var x = `a\n    b`;\n</script>\n<STYLE>\n  p {}\n</STYLE>"
    )


def test_spaces_within_a_line_are_left_alone():
    """Only runs holding a line break are touched: two words never run together, spacing on a line is the author's."""
    assert collapsed("<p>a  b</p> <span>c</span>\t<b>d</b>") == "<p>a  b</p> <span>c</span>\t<b>d</b>"
    assert collapsed("a\n") == "a\n" and collapsed("") == ""


_RUN = re.compile(r"[ \t\r\f]*\n[ \t\r\n\f]*")  # the rule, as one pattern: a run holding a line break


_PIECES = [" ", "\t", "\r", "\n", "\f", "\v", "\u00a0", "a", "<p>", "<pre>", "</pre>", "<code>", "</code>"]


@given(st.lists(st.sampled_from(_PIECES)).map("".join))
def test_each_run_holding_a_line_break_becomes_that_line_break(text):
    """Whatever mixture of white space, text and kept elements, outside those elements each run of ASCII
    white space that holds a line break becomes one line break, and nothing else changes."""
    kept = re.compile(r"<(pre|textarea|code|script|style)\b.*?</\1\s*>", re.S | re.I)
    pieces, start = [], 0
    for match in kept.finditer(text):
        pieces += [_RUN.sub("\n", text[start : match.start()]), match.group(0)]
        start = match.end()
    assert collapsed(text) == "".join(pieces + [_RUN.sub("\n", text[start:])])


def test_built_pages_carry_no_indentation_and_keep_their_code_blocks(project):
    code = "## Why it matters\n\nSome people find words hard.\n\n```text\nfirst\n    indented\n```\n"
    project.add("talking-mats.md", summary_text(body=BODY.replace("## Why it matters\n\nSome people find words hard.\n", code)))
    assert project.build() == 0
    page = project.page("research/talking-mats")
    outside_pre = re.sub(r"<(pre|script|code|textarea|style)\b.*?</\1>", "<kept/>", page, flags=re.S)
    assert not re.search(r"\n[ \t]+\S|\n\s*\n", outside_pre), "an indented or blank line outside preformatted text"
    assert "first\n    indented" in page


def test_a_summary_page_links_its_flyer_qr_code_instead_of_carrying_it(project):
    """The code is printed only on the flyer: a file beside the page, an SVG image of the page's own address."""
    project.add("talking-mats.md", summary_text())
    assert project.build() == 0
    page = project.page("research/talking-mats")
    assert "<svg role=\"img\" aria-label=\"QR code" not in page
    holder = re.search(r'<div class="ev-flyer-only ev-qr"[^>]* data-qr="([^"]+)"><p>[^<]*<span class="ev-qr__address">([^<]+)<', page)
    address = re.search(r'<link rel="canonical" href="([^"]+)"', page).group(1)
    assert holder and holder.group(2) == address, "print.js names the code after the address printed beside it"
    code = ElementTree.parse(project.root / "site/research/talking-mats" / holder.group(1)).getroot()
    assert code.tag == "{http://www.w3.org/2000/svg}svg" and code.get("aria-label") == f"QR code for {address}"
    assert code.find("{http://www.w3.org/2000/svg}path") is not None


def test_without_a_site_address_there_is_no_qr_code_to_print(project):
    lines = (project.root / "mkdocs.yml").read_text().splitlines()
    (project.root / "mkdocs.yml").write_text("\n".join(line for line in lines if not line.startswith("site_url:")) + "\n")
    project.add("talking-mats.md", summary_text())
    assert project.build() == 0
    assert "data-qr" not in project.page("research/talking-mats")
    assert not list((project.root / "site").rglob("qr.svg"))


def test_an_icon_is_drawn_once_as_a_symbol_and_an_unusual_one_stays_inline():
    from evidence.outputs.svg_symbols import symbol, use

    icon = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><path d="M1 1h2"/></svg>\n'
    assert symbol(icon, "logo") == '<symbol id="ev-icon-logo" viewBox="0 0 24 24"><path d="M1 1h2"/></symbol>'
    assert use(icon, "logo", "../icons.svg") == '<svg viewBox="0 0 24 24"><use href="../icons.svg#ev-icon-logo"/></svg>'
    odd = '<?xml version="1.0"?><svg><path d="M1 1"/></svg>'
    assert symbol(odd, "logo") == "" and use(odd, "logo", "../icons.svg") == odd


def test_every_icon_a_page_uses_is_drawn_once_in_the_site_sprite(project):
    """Icons live in one file the browser keeps (svg_symbols.SPRITE); every reference from every page,
    the not-found page's absolute ones included, reaches a symbol that is drawn there once."""
    from urllib.parse import urljoin, urlsplit

    from evidence.outputs.svg_symbols import SPRITE

    project.add("talking-mats.md", summary_text())
    assert project.build() == 0
    site = project.root / "site"
    sprite = ElementTree.parse(site / SPRITE).getroot()
    drawn = [symbol.get("id") for symbol in sprite.iter("{http://www.w3.org/2000/svg}symbol")]
    assert len(drawn) == len(set(drawn)) and {"ev-icon-logo", "ev-icon-search"} <= set(drawn)
    pages = [p for p in site.rglob("*.html") if "<use " in p.read_text(encoding="utf-8")]
    assert site / "404.html" in pages and site / "research/talking-mats/index.html" in pages
    base = "https://example.org/"
    for page in pages:
        address = urljoin(base, page.relative_to(site).as_posix())
        for href in re.findall(r'<use href="([^"]+)"', page.read_text(encoding="utf-8")):
            target = urlsplit(urljoin(address, href))
            assert target.path == "/" + SPRITE and target.fragment in drawn, f"{page}: {href}"
    assert "<symbol" not in (site / "research/talking-mats/index.html").read_text(encoding="utf-8"), "no page draws its own"


def _primary_nav(page: str) -> str:
    return re.search(r'<nav class="md-nav md-nav--primary".*?</ul>\s*</nav>\s*</div>', page, re.S).group(0)


def test_pages_outside_the_navigation_show_each_section_as_one_link(project):
    """A summary is in no section, so the drawer offers each section as a link to its first page;
    a page in the section still lists every page of it."""
    config_path = project.root / "mkdocs.yml"
    config = yaml.safe_load(config_path.read_text(encoding="utf-8"))
    section = ["about.md", "accessibility.md", "privacy.md"]
    config["nav"] = [item for item in config["nav"] if not (isinstance(item, dict) and list(item.values())[0] in section)]
    config["nav"].append({"About this site": section})
    config_path.write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    project.add("talking-mats.md", summary_text())
    assert project.build() == 0
    outside = _primary_nav(project.page("research/talking-mats"))
    assert re.search(r'<a href="\.\./\.\./about/" class="md-nav__link">About this site<', outside)
    assert "accessibility/" not in outside and "privacy/" not in outside
    inside = _primary_nav(project.page("accessibility"))
    assert all(f'href="../{name[:-3]}/"' in inside for name in ("about.md", "privacy.md")), "the section's own pages list it whole"


def test_the_pager_stays_the_same_size_however_long_a_listing_grows_and_reaches_every_page(project):
    project.set_options(browse_per_page=1)
    for day in range(1, 13):
        project.add(f"study-{day:02d}.md", summary_text(title=f"Study number {day} of talking mats", published=f"2026-01-{day:02d}"))
    assert project.build() == 0
    listing = "browse/topic/communication"
    page_of = lambda n: project.page(listing if n == 1 else f"{listing}/page/{n}")  # noqa: E731
    pager = lambda n: re.search(r'<nav class="ev-pager".*?</nav>', page_of(n), re.S).group(0)  # noqa: E731
    linked = lambda n: [int(m) for m in re.findall(r'<a href="[^"]*">Page (\d+)</a>', pager(n))]  # noqa: E731
    assert linked(6) == [1, 4, 5, 7, 8, 12] and 'aria-current="page">Page 6<' in pager(6)
    assert linked(1) == [2, 3, 12] and linked(12) == [1, 10, 11]
    seen, number = {1}, 1
    while number + 1 in linked(number):
        number += 1
        seen.add(number)
    assert seen == set(range(1, 13)), "each page links the next"


def _full_summary(number: int) -> str:
    """A summary with every part a page can show, at the length of the bundled ones: a title (60 characters)
    and a one-line summary (150) as long as theirs, authors, organisation and funder, a setting, lived experience, two standards,
    three reflection questions and, with its neighbours, three related summaries."""
    return summary_text(
        title=f"Talking mats for people with learning disabilities, study {number}",
        summary="Staff who used picture boards understood residents' wishes better, and residents took a larger part "
                "in decisions about their own care and support.",
        authors=["Jill Bradshaw", "Ann Example"], organisation="Kent University", funder="NIHR School for Social Care Research",
        setting="Four care homes for adults with learning disabilities", standards=["swe:4.2", "pcf:7"],
        lived_experience={"involvement": "co-produced"}, topics=["communication", "information-sharing"],
        reflection_questions=["How do you check what someone has understood?", "When did a picture say more than words?",
                              "What would help you use talking mats in your own work?"],
    )


def test_a_summary_page_carries_at_most_its_budget_beyond_the_briefing(project):
    """Everything a summary page holds besides the editor's briefing (head, header, navigation, evidence card,
    sharing, citing, CPD panel, related summaries, scripts) stays within the budget (README, "Page weight").
    The fixture's name and address are the bundled ones, so a copy that renames itself in mkdocs.yml measures
    the same pages (the name stands in the title, header, footer, structured data and citations)."""
    config = project.root / "mkdocs.yml"
    text = re.sub(r"(?m)^site_name:.*$", "site_name: Research which matters", config.read_text(encoding="utf-8"), count=1)
    config.write_text(re.sub(r"(?m)^site_url:.*$", "site_url: https://example.org/", text, count=1), encoding="utf-8")
    for number in range(1, 5):
        project.add(f"study-{number}.md", _full_summary(number))
    assert project.build() == 0
    pages = sorted((project.root / "site" / "research").glob("*/index.html"))
    assert pages
    for path in pages:
        page = path.read_text(encoding="utf-8")
        shown = parts(page)
        assert shown[BRIEFING] > 0 and "related summaries" in shown and "CPD panel" in shown, "the budget counts every part"
        assert beyond_briefing(page) <= BUDGET, f"{path.parent.name}: {beyond_briefing(page)} bytes beyond the briefing, by part {shown}"


def test_a_summary_page_is_measured_by_its_parts():
    page = (
        '<!doctype html><head></head><body><header></header><div class="md-content"><article>'
        '<div class="ev-summary__body"><p>Briefing</p></div><section class="ev-cite">Cite</section>'
        "</article></div><footer></footer></body>"
    )
    shown = parts(page)
    assert list(shown) == ["head", "header", "title and topics", BRIEFING, "citing", "footer and scripts"]
    assert sum(shown.values()) == len(page.encode()) and shown[BRIEFING] == len('<div class="ev-summary__body"><p>Briefing</p></div>')
    assert beyond_briefing(page) == len(page.encode()) - shown[BRIEFING]


def test_the_theme_configuration_keeps_what_its_script_reads():
    from evidence_mkdocs.theme_config import lean

    words = {"clipboard.copy": "Copy", "search.result.none": "None", "select.version": "Version"}
    script = ('<script id="__config" type="application/json">'
              + json.dumps({"base": "..", "features": ["navigation.top"], "translations": words, "search": "w.js", "tags": None, "version": None})
              + "</script>")
    kept = str(lean(script, search=False))
    assert kept.startswith('<script id="__config" type="application/json">{') and kept.endswith("}</script>")
    assert json.loads(kept.split(">", 1)[1].rsplit("<", 1)[0]) == {"base": "..", "features": ["navigation.top"], "translations": {"clipboard.copy": "Copy"}}
    with_search = json.loads(str(lean(script, search=True)).split(">", 1)[1].rsplit("<", 1)[0])
    assert with_search["search"] == "w.js" and "search.result.none" in with_search["translations"]
    assert str(lean("<p>not the configuration</p>", search=False)) == "<p>not the configuration</p>"


def test_pages_carry_no_inline_script_the_site_does_not_use_and_the_theme_still_starts(project):
    """Material's storage and content-tab scripts are written only for the features that use them;
    its configuration is still on every page, as its bundle needs, and nothing of it is escaped."""
    from evidence.outputs.csp import inline_scripts

    project.add("talking-mats.md", summary_text())
    assert project.build() == 0
    for path in (project.root / "site").rglob("*.html"):
        page = path.read_text(encoding="utf-8")
        if "bundle." not in page:
            continue
        assert inline_scripts(page) == (), path
        config = re.search(r'<script id="__config" type="application/json">(.*?)</script>', page)
        assert config and json.loads(config.group(1))["base"], f"{path}: the theme's configuration"


def test_a_run_of_the_project_s_own_plain_files_is_joined_in_order_and_the_rest_keep_their_element():
    from evidence_mkdocs.asset_bundle import bundled, joined_text, sources

    class Module(str):
        type = "module"

    folder = "assets/javascripts/"
    own = {folder + name for name in ("a.js", "b.js", "c.js", "d.js", "sub/e.js")}
    entries = ["https://cdn.example/x.js", folder + "a.js", folder + "b.js", folder + "local.js", folder + "c.js", folder + "d.js"]
    assert bundled(entries, own, folder + "site.js") == (["https://cdn.example/x.js", folder + "site.js", *entries[3:]], [folder + "a.js", folder + "b.js"])
    assert bundled([folder + "a.js", Module(folder + "b.js"), folder + "sub/e.js"], own, folder + "site.js")[1] == [], "nothing to join"
    assert joined_text([("a.js", "f()\n"), ("b.js", "g()")], folder + "site.js") == "/* a.js */\nf();\n/* b.js */\ng();\n"
    assert sources(["x.css", "site.css"], {"site.css": ["brand.css", "search.css"]}) == ["x.css", "brand.css", "search.css"]
