"""Valid HTML: the Nu HTML checker (vnu.jar, pinned in tests/vnu/package-lock.json) finds no
error on any page of the built sites, Material's markup included."""

import json
import shutil
import subprocess

import pytest

from conftest import PROJECT

VNU_JAR = PROJECT / "tests" / "vnu" / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def nu_errors(site):
    java = shutil.which("java")
    if java is None or not VNU_JAR.is_file():
        pytest.fail("The Nu HTML checker needs Java and tests/vnu: run `make test` (it runs "
                    "`npm ci --prefix tests/vnu`; .ci/run installs a Java runtime).", pytrace=False)
    pages = sorted(str(p) for p in site.rglob("*.html"))
    assert pages, f"no pages in {site}"
    result = subprocess.run([java, "-jar", str(VNU_JAR), "--errors-only", "--format", "json",
                             *pages], capture_output=True, text=True, timeout=300)
    messages = json.loads(result.stderr)["messages"]
    return [f"{m['url'].rsplit('/site/', 1)[-1]}:{m.get('lastLine')}: {m['message']}"
            for m in messages if m["type"] in ("error", "non-document-error")]


@pytest.mark.parametrize("which", ["site_dir", "fabrikam_site_dir"])
def test_nu_html_checker_finds_no_errors_on_any_page(request, which):
    assert nu_errors(request.getfixturevalue(which)) == []
