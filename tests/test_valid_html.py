"""Valid HTML: the Nu HTML checker (vnu.jar, pinned in tests/vnu/package-lock.json) finds no
error on any page of the built sites, Material's markup included."""

import json
import shutil
import subprocess
from pathlib import Path
from urllib.parse import urlparse

import pytest

from support.project import PROJECT

VNU_JAR = PROJECT / "tests" / "vnu" / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
SITES = ["site_dir", "fabrikam_site_dir"]
# Java's start dominates a run over a few dozen pages: the quick (C1) compiler alone halves its
# CPU time. It needs a larger thread stack than the default for the HTML schema (vnu says so).
JAVA_OPTIONS = ["-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xss16m"]
# One Java run serves both tests: keep them on one pytest-xdist worker (`--dist loadgroup`).
pytestmark = [pytest.mark.xdist_group("nu-html-checker"), pytest.mark.slow]
# The one message of vnu 26.9.27 that the HTML Standard contradicts: `<link rel=expect
# blocking=render>` (whatwg/html#9970, 2023; Chromium 124+, WebKit) keeps a guide from being
# painted half parsed (overrides/main.html). vnu still allows `blocking` on stylesheet links
# only. Only this message on a rel="expect" link is let through.
LINK_BLOCKING = ("A “link” element with a “blocking” attribute must have a “rel” attribute whose "
                 "value is “stylesheet”.")


def allowed_by_the_standard(message):
    return message["message"] == LINK_BLOCKING and 'rel="expect"' in message.get("extract", "")


@pytest.fixture(scope="module")
def nu_errors_by_site(request):
    """One Java run over every page of both sites: {fixture name: ["page:line: message", ...]}."""
    java = shutil.which("java")
    if java is None or not VNU_JAR.is_file():
        pytest.fail("The Nu HTML checker needs Java and tests/vnu: run `make test` (it runs "
                    "`npm ci --prefix tests/vnu`; .ci/run installs a Java runtime).", pytrace=False)
    sites = {which: request.getfixturevalue(which) for which in SITES}
    pages = {which: sorted(site.rglob("*.html")) for which, site in sites.items()}
    for which, found in pages.items():
        assert found, f"no pages in {sites[which]}"
    result = subprocess.run([java, *JAVA_OPTIONS, "-jar", str(VNU_JAR), "--errors-only",
                             "--format", "json", *[str(p) for found in pages.values() for p in found]],
                            capture_output=True, text=True, timeout=300)
    try:
        messages = json.loads(result.stderr)["messages"]
    except json.JSONDecodeError:
        pytest.fail(f"the Nu HTML checker did not run:\n{result.stderr[-2000:]}", pytrace=False)
    errors = {which: [] for which in SITES}
    for message in messages:
        if message["type"] not in ("error", "non-document-error"):
            continue
        if allowed_by_the_standard(message):
            continue
        path = Path(urlparse(message.get("url", "")).path)
        page = message.get("url", "").rsplit("/site/", 1)[-1]
        # A message about no page of either site (Java's own trouble) fails both tests.
        for which in [w for w, site in sites.items() if path.is_relative_to(site)] or SITES:
            errors[which].append(f"{page}:{message.get('lastLine')}: {message['message']}")
    return errors


@pytest.mark.parametrize("which", SITES)
def test_nu_html_checker_finds_no_errors_on_any_page(nu_errors_by_site, which):
    assert nu_errors_by_site[which] == []
