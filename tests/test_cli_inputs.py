"""Command-line values a user can type: each gets one line with the fix, never a traceback."""

from __future__ import annotations

import socket

import pytest

from conftest import summary_text
from test_cli import cli


def test_new_with_a_very_long_title_names_the_file_from_its_first_words(project, capsys):
    from evidence.model.scaffold import SLUG_LENGTH

    title = "Communication passports " * 400
    assert cli(project, "new", title) == 0
    (written,) = project.summaries.glob("*.md")
    assert written.stem == "communication-passports-communication-passports"  # one more word would pass the limit
    assert len(written.stem) <= SLUG_LENGTH
    assert f"Wrote research_summaries/{written.name}." in capsys.readouterr().out


def test_new_with_one_enormous_word_cuts_it_to_the_limit(project):
    from evidence.model.scaffold import SLUG_LENGTH

    assert cli(project, "new", "a" * 10_000) == 0
    (written,) = project.summaries.glob("*.md")
    assert written.stem == "a" * SLUG_LENGTH


def test_new_with_a_title_in_another_script_gets_a_readable_file_name(project):
    assert cli(project, "new", "Коммуникационные паспорта") == 0
    assert [p.name for p in project.summaries.glob("*.md")] == ["kommunikatsionnye-pasporta.md"]


@pytest.mark.parametrize("title", ["!!!", "", "   ", "—"])
def test_new_with_a_title_that_names_nothing_asks_for_one(project, capsys, title):
    assert cli(project, "new", title) == 2
    out = capsys.readouterr().out
    assert "has no letters or digits to name the file after. Give the study's plain-English title in quotes" in out
    assert list(project.summaries.iterdir()) == []


def test_new_never_writes_through_a_link_left_where_the_file_would_go(project, capsys, tmp_path):
    outside = tmp_path / "outside.md"
    (project.summaries / "talking-mats.md").symlink_to(outside)
    assert cli(project, "new", "Talking mats") == 1
    assert "research_summaries/talking-mats.md already exists; nothing was written." in capsys.readouterr().out
    assert not outside.exists()


def test_new_where_the_summaries_folder_is_a_file_says_so(project, capsys):
    project.summaries.rmdir()
    project.summaries.write_text("not a folder")
    assert cli(project, "new", "Talking mats") == 1
    assert "Could not write research_summaries/talking-mats.md (" in capsys.readouterr().out


@pytest.fixture
def busy_port():
    with socket.socket() as holder:
        holder.bind(("127.0.0.1", 0))
        holder.listen()
        yield holder.getsockname()[1]


def test_serve_on_a_busy_port_names_a_free_one(project, capsys, busy_port):
    assert cli(project, "serve", "--dev-addr", f"127.0.0.1:{busy_port}") == 2
    (line,) = capsys.readouterr().err.splitlines()
    assert line.startswith(f"port {busy_port} is in use by another program: try --dev-addr 127.0.0.1:")
    suggested = int(line.rsplit(":", 1)[1])
    with socket.socket() as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        probe.bind(("127.0.0.1", suggested))  # the suggestion is free


@pytest.mark.parametrize("address", ["nonsense", "127.0.0.1:99999", "999.1.1.1:8000", "127.0.0.1:", "8000", "127.0.0.1:8O00"])
def test_serve_with_a_malformed_address_shows_the_form(project, capsys, address):
    assert cli(project, "serve", "--dev-addr", address) == 2
    assert capsys.readouterr().err.splitlines() == [
        f"--dev-addr {address!r} is not an address: write it as IP:PORT with a port from 1 to 65535, for example --dev-addr 127.0.0.1:8000"
    ]


def test_site_dir_from_the_command_line_is_refused_in_one_line(project, capsys):
    project.add("talking-mats.md", summary_text())
    assert cli(project, "--site-dir", str(project.root / "content"), "build") == 2
    captured = capsys.readouterr()
    assert captured.out == "" and len(captured.err.splitlines()) == 1
    assert (project.root / "content" / "index.md").exists()


@pytest.mark.parametrize("sizes", ["abc", "0", "-5", "", "1,two"])
def test_bench_sizes_that_are_not_positive_numbers_get_the_form(capsys, sizes):
    from test_cli import build_entry

    with pytest.raises(SystemExit) as stopped:
        build_entry.parse_args(["bench", f"--n={sizes}"])
    assert stopped.value.code == 2
    assert capsys.readouterr().err.splitlines()[-1] == (
        f"python3 build.py bench: error: argument --n: {sizes!r}: write corpus sizes as positive whole numbers separated by commas, for example --n 100,1000"
    )


def test_new_keeps_welsh_letters_as_their_plain_forms(project):
    """â, ŵ and ŷ are everyday Welsh: transliterated (anyascii), never dropped from the address."""
    assert cli(project, "new", "Gŵyl ddysgu â phlant: tŷ ac ŷd") == 0
    assert [p.name for p in project.summaries.glob("*.md")] == ["gwyl-ddysgu-a-phlant-ty-ac-yd.md"]
