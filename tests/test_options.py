"""A broken mkdocs.yml or impossible plugin options: one ``mkdocs.yml:LINE: message`` with the fix.

The options schema (plugins/evidence/schemas/options.schema.json) is checked by
``check``, by the build and by MkDocs itself (the plugin's ``load_config``), so
options that pass ``check`` are options the build accepts.
"""

from __future__ import annotations

import subprocess
import sys

import pytest

from conftest import summary_text
from evidence_cli.check import check

OPTIONS = "      data_dir: data\n"


def with_options(project, old: str, new: str) -> str:
    config = project.root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert old in text, "the fixture's mkdocs.yml changed shape"
    config.write_text(text.replace(old, new, 1), encoding="utf-8")
    return config.read_text(encoding="utf-8")


def line_of(text: str, start: str) -> int:
    return next(n for n, line in enumerate(text.splitlines(), 1) if line.strip().startswith(start))


def check_output(project, capsys) -> tuple[int, list[str]]:
    code = check(project.root)
    return code, capsys.readouterr().out.splitlines()


CASES = [
    ("browse_per_page: 0", "'browse_per_page' must be 1 or more"),
    ("browse_per_page: -1", "'browse_per_page' must be 1 or more"),
    ("browse_per_page: many", "'browse_per_page' must be a whole number, not \"many\""),
    ("related_count: -3", "'related_count' must be 0 or more"),
    ("review_after_years: 0", "'review_after_years' must be 1 or more"),
    ("csp_enabled: yes", "'csp_enabled' must be true or false, not \"yes\": 'yes' is read as text here; write true"),
    ("csp_sources: {img-src: https://images.example.org}", "'csp_sources.img-src' must be a list (one '- item' per line), not \"https://images.example.org\""),
    ("csp_sources: [img-src]", "'csp_sources' must be a group of indented fields, not [\"img-src\"]"),
    ("csp_sources: {imgsrc: [https://images.example.org]}", "unknown directive 'imgsrc' in 'csp_sources'; did you mean 'img-src'?"),
    ("summary_dir: research_summaries", "unknown option 'summary_dir'; did you mean 'summaries_dir'?"),
    ("reading_paths_dir: /etc", "'reading_paths_dir' must be a folder inside the project, written from where mkdocs.yml is, such as research_summaries or content/data (not an absolute path, no '..' and no backslashes); got \"/etc\""),
    ("reading_paths_dir: ../elsewhere", "'reading_paths_dir' must be a folder inside the project, written from where mkdocs.yml is, such as research_summaries or content/data (not an absolute path, no '..' and no backslashes); got \"../elsewhere\""),
]


@pytest.mark.parametrize(("option", "message"), CASES, ids=[c[0] for c in CASES])
def test_an_impossible_option_is_one_located_error(project, capsys, option, message):
    project.add("study.md", summary_text())
    text = with_options(project, OPTIONS, OPTIONS + f"      {option}\n")
    code, out = check_output(project, capsys)
    assert (code, out[:-1]) == (1, [f"mkdocs.yml:{line_of(text, option)}: {message}"])


def test_facets_in_the_wrong_shape_are_located(project, capsys):
    text = with_options(project, "      facets:\n        - field: topics\n          name: topic\n", "      facets:\n        - name: topic\n        - field: year\n          name: Year\n")
    code, out = check_output(project, capsys)
    assert code == 1
    assert out[:-1] == [
        f"mkdocs.yml:{line_of(text, '- name: topic')}: missing required option 'field' in 'facets' item 1: add 'field:' (the front-matter field to browse by, such as topics or strength.level)",
        f"mkdocs.yml:{line_of(text, 'name: Year')}: 'name' in 'facets' item 2 must be lowercase words joined by hyphens, for example people-with-learning-disabilities; got \"Year\"",
    ]


def test_a_syntax_error_in_mkdocs_yml_is_the_only_message(project, capsys):
    project.add("study.md", summary_text())
    text = with_options(project, "site_name: ", 'site_name: "')
    code, out = check_output(project, capsys)
    assert (code, out[:-1]) == (1, [f"mkdocs.yml:{line_of(text, 'site_name:')}: a double quote (\") opened on this line is never closed: add the closing quote at the end of the value"])


def test_options_not_a_mapping(project, capsys):
    text = with_options(project, "  - evidence:\n", "  - evidence: 3\n  - unused:\n")
    code, out = check_output(project, capsys)
    assert (code, out[:-1]) == (1, [f"mkdocs.yml:{line_of(text, '- evidence: 3')}: the evidence plugin's options must be indented 'option: value' lines under '- evidence:', for example 'browse_per_page: 50' (every option is described in plugins/evidence/schemas/options.schema.json)"])


def test_the_build_says_the_same_and_mkdocs_never_speaks(project, capsys):
    project.add("study.md", summary_text())
    text = with_options(project, OPTIONS, OPTIONS + "      browse_per_page: 0\n")
    assert project.build() == 1
    shown = capsys.readouterr()
    assert f"mkdocs.yml:{line_of(text, 'browse_per_page')}: 'browse_per_page' must be 1 or more" in shown.out
    assert "Config value" not in shown.out + shown.err and "Traceback" not in shown.err
    assert not (project.root / "site").exists()


def test_mkdocs_itself_checks_options_with_the_same_schema(project):
    """``mkdocs build`` and ``serve`` run the plugin's load_config: the shared schema speaks, with lines."""
    project.add("study.md", summary_text())
    text = with_options(project, "      facets:\n", "      facets: 3\n      old_facets:\n")
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q"], cwd=project.root, capture_output=True, text=True)
    assert result.returncode == 1
    assert result.stderr.splitlines()[-3:] == [
        "Error: 2 problem(s) in the evidence plugin's options:",
        f"mkdocs.yml:{line_of(text, 'facets: 3')}: 'facets' must be a list (one '- item' per line), not 3",
        f"mkdocs.yml:{line_of(text, 'old_facets')}: unknown option 'old_facets'; did you mean 'facets'?",
    ]


def test_mkdocs_gets_the_options_check_read_not_its_yaml_1_1_reading(project):
    """MkDocs reads YAML 1.1, where a facet named 'on' is true; the plugin hands it what check read."""
    from mkdocs.config import load_config

    with_options(project, "          name: year\n", "          name: on\n")
    config = load_config(config_file=str(project.root / "mkdocs.yml"))
    assert config.plugins["evidence"].config.facets[-1]["name"] == "on"


def test_a_mkdocs_yml_that_is_not_settings_is_one_message(project, capsys):
    (project.root / "mkdocs.yml").write_text("- just\n- a list\n", encoding="utf-8")
    code, out = check_output(project, capsys)
    assert (code, out[:-1]) == (1, ["mkdocs.yml:1: mkdocs.yml must be 'setting: value' lines, such as 'site_name: My site', one per line"])


SEARCH_PLUGIN = "  - pagefind\n"
SEARCH_CASES = [
    ("shard_pages: 0", "'shard_pages' must be 100 or more"),
    ("shard_pages: -2000", "'shard_pages' must be 100 or more"),
    ("shard_pages: 2000.0", "'shard_pages' must be a whole number: YAML reads 2000.0 as a decimal number; write 2000"),
    ("shard_pages: lots", "'shard_pages' must be a whole number, not \"lots\""),
    ("shard_page: 500", "unknown option 'shard_page'; did you mean 'shard_pages'?"),
    ("language: English", "'language' must be a language code as in <html lang>, such as en or cy; got \"English\""),
    ("enabled: yes", "'enabled' must be true or false, not \"yes\": 'yes' is read as text here; write true"),
]


def with_search_option(project, option: str) -> str:
    return with_options(project, SEARCH_PLUGIN, f"  - pagefind:\n      {option}\n")


@pytest.mark.parametrize(("option", "message"), SEARCH_CASES, ids=[c[0] for c in SEARCH_CASES])
def test_an_impossible_search_option_is_one_located_error(project, capsys, option, message):
    project.add("study.md", summary_text())
    text = with_search_option(project, option)
    code, out = check_output(project, capsys)
    assert (code, out[:-1]) == (1, [f"mkdocs.yml:{line_of(text, option)}: {message}"])


def test_search_options_not_a_mapping(project, capsys):
    text = with_options(project, SEARCH_PLUGIN, "  - pagefind: [2000]\n")
    code, out = check_output(project, capsys)
    assert (code, out[:-1]) == (1, [f"mkdocs.yml:{line_of(text, '- pagefind:')}: the pagefind plugin's options must be indented 'option: value' lines under '- pagefind:', for example 'shard_pages: 2000' (every option is described in plugins/evidence/schemas/search_options.schema.json)"])


def test_sound_search_options_pass(project, capsys):
    project.add("study.md", summary_text())
    with_options(project, SEARCH_PLUGIN, "  - pagefind:\n      language: en\n      shard_pages: 100\n")
    code, out = check_output(project, capsys)
    assert code == 0, out


def test_the_build_refuses_a_search_option_before_touching_the_site(project, capsys):
    project.add("study.md", summary_text())
    text = with_search_option(project, "shard_pages: 0")
    assert project.build() == 1
    shown = capsys.readouterr()
    assert f"mkdocs.yml:{line_of(text, 'shard_pages')}: 'shard_pages' must be 100 or more" in shown.out
    assert "Config value" not in shown.out + shown.err and "Traceback" not in shown.err
    assert not (project.root / "site").exists()


def test_mkdocs_itself_checks_search_options_with_their_schema(project):
    """``mkdocs build`` and ``serve`` run the pagefind plugin's load_config: its schema speaks, with lines."""
    project.add("study.md", summary_text())
    text = with_search_option(project, "shard_pages: -1")
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q"], cwd=project.root, capture_output=True, text=True)
    assert result.returncode == 1
    assert result.stderr.splitlines()[-2:] == [
        "Error: 1 problem(s) in the pagefind plugin's options:",
        f"mkdocs.yml:{line_of(text, 'shard_pages')}: 'shard_pages' must be 100 or more",
    ]
