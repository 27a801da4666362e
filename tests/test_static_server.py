"""The server the browser tests and the search bench open built sites through."""

from __future__ import annotations

from urllib.request import urlopen

from evidence_cli.static_server import serve_folder


def test_serves_a_site_folder_with_the_types_browsers_and_pagefind_need(tmp_path):
    (tmp_path / "about").mkdir()
    (tmp_path / "about" / "index.html").write_text("<h1>About</h1>", encoding="utf-8")
    (tmp_path / "pagefind").mkdir()
    files = {"search.js": "text/javascript", "pagefind/wasm.en.pagefind": "application/octet-stream",
             "pagefind/x.wasm": "application/wasm", "pagefind/en_1.pf_fragment": "application/octet-stream",
             "pagefind/en_1.pf_meta": "application/octet-stream", "pagefind/en_1.pf_index": "application/octet-stream",
             "pagefind/en_1.pf_filter": "application/octet-stream"}
    for name in files:
        (tmp_path / name).write_bytes(b"\x1f\x8b data")
    with serve_folder(tmp_path) as base, serve_folder(tmp_path) as other:
        assert base.startswith("http://127.0.0.1:") and base != other, "each server gets a free port of its own"
        with urlopen(f"{base}/about/") as response:
            assert response.read() == b"<h1>About</h1>" and response.headers["Content-Type"].startswith("text/html")
        for name, kind in files.items():
            with urlopen(f"{base}/{name}") as response:
                assert response.headers.get_content_type() == kind, name
                assert response.headers["Content-Encoding"] is None, "Pagefind unpacks its own files"
