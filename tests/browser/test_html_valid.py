"""HTML validity gate: the Nu HTML Checker reports no errors on any kind of page.

Invalid markup (duplicate ids, labels pointing nowhere, bad attributes) is
what breaks screen readers first, and axe does not check it. One Java run
covers one page per page kind (same discovery as the axe gate); warnings and
info messages are not gates (--errors-only), errors must be zero.
"""

from __future__ import annotations

import pytest

from .browser import format_vnu, run_vnu


def test_nu_html_checker_finds_no_errors(nu_checker, built_site, site_pages):
    """Validate one page per kind in a single Nu run and list every error."""
    files = [path for path in site_pages.values() if path is not None]
    assert files, "no pages found in the built site"
    errors = {path: messages for path, messages in run_vnu(files).items() if messages}
    count = sum(len(messages) for messages in errors.values())
    if errors:
        pytest.fail(
            f"Nu HTML Checker: {count} error(s) in {len(errors)} of {len(files)} page(s):\n"
            + format_vnu(errors, built_site),
            pytrace=False,
        )
