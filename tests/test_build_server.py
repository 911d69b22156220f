"""The tests' builds (support/build_server.py: forks of one process that has imported MkDocs)
behave as `python -m mkdocs build` in a fresh process: the same exit code, the same messages,
the same site; and each build reads its own environment, never the one the server started with.
"""

import re

import pytest

from support.project import SITES, build_site
from support.sites import same_site

# A writer's mistake that names its file and line, and a site that builds.
SCENARIOS = ["broken-link", "alerts"]
TIMING = re.compile(r"Documentation built in [\d.]+ seconds")


def messages(result, site_dir=None):
    """What a build said, without its timing and the name of the folder it wrote."""
    said = TIMING.sub("Documentation built in … seconds", result.stdout + result.stderr)
    return said.replace(str(site_dir), "SITE") if site_dir else said


@pytest.mark.slow  # a fresh Python process per build, as before the server
@pytest.mark.parametrize("scenario", SCENARIOS)
def test_a_build_is_the_same_as_in_a_fresh_process(scenario, tmp_path):
    docs = SITES / scenario / "docs"
    forked = build_site(tmp_path / "forked", docs_dir=docs)
    fresh = build_site(tmp_path / "fresh", docs_dir=docs, fresh_process=True)  # as a writer's

    assert forked.returncode == fresh.returncode
    assert messages(forked, tmp_path / "forked") == messages(fresh, tmp_path / "fresh")
    if fresh.returncode == 0:
        assert same_site(tmp_path / "forked", tmp_path / "fresh") == []


def test_each_build_reads_its_own_environment(tmp_path):
    scenario = SITES / "messages-field-mismatch"
    own_texts = {"HELP_MESSAGES_FILE": str(scenario / "macros" / "messages.yml")}
    with_own_texts = build_site(tmp_path / "one", docs_dir=scenario / "docs", env=own_texts)
    assert with_own_texts.returncode == 1
    assert "tests/sites/messages-field-mismatch/macros/messages.yml" in messages(with_own_texts)

    after = build_site(tmp_path / "two", docs_dir=scenario / "docs")
    assert after.returncode == 0, messages(after)
