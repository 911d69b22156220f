"""`make bench` cannot rot: a smoke run of its parts 1-3 on a 10-page corpus.

It checks that every measurement runs and lands in the results file with sane figures; it sets no
timing targets (those are the benchmark's business, on a quiet machine, see README "Performance").
"""

import json
import subprocess
import sys

import pytest

from support.project import PROJECT

# One smoke run serves every test here: keep them on one pytest-xdist worker (`--dist loadgroup`).
pytestmark = [pytest.mark.xdist_group("bench-smoke"), pytest.mark.slow]


@pytest.fixture(scope="module")
def smoke(site_dir, tmp_path_factory):
    output = tmp_path_factory.mktemp("bench") / "results.json"
    run = subprocess.run(
        [sys.executable, "-m", "bench.run", "--smoke", "--project-site", str(site_dir),
         "--output", str(output)],
        cwd=PROJECT, capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stdout + run.stderr
    return run.stdout, json.loads(output.read_text(encoding="utf-8"))


def test_smoke_run_prints_a_table_per_part(smoke):
    printed, _ = smoke
    for title in ("1. Build scaling", "2. Page weight", "3. Search", "6. Kept for reading offline",
                  "Targets"):
        assert title in printed


def test_builds_of_both_configurations_are_timed(smoke):
    _, results = smoke
    size, = results["build_scaling"]["sizes"]
    assert size["pages"] == 10
    for config in ("project", "bare"):
        assert size["wall_seconds"][config]["median"] > 0
        assert size["cpu_seconds"][config]["median"] > 0
        assert size["serve_rebuild_seconds"][config]["median"] > 0
        assert size["site_bytes"][config] > size["guide_html_bytes"][config] > 0


def test_first_views_are_weighed_by_kind_and_stay_inside_the_site(smoke):
    _, results = smoke
    for page in ("home", "guide"):
        views = results["page_weight"][page]
        for config in ("project", "bare"):
            by_kind = views[config]["by_kind"]
            # The project loads its search index only once the reader opens search.
            kinds = ("html", "css", "js") + (("search index",) if config == "bare" else ())
            for kind in kinds:
                assert by_kind[kind]["raw"] > by_kind[kind]["gzip"] > 0, (page, config, kind)
        assert views["project"]["outside_requests"] == []
        # A first view is the page itself: not the search index (loaded when search is opened)
        # nor the other pages the service worker keeps for offline reading afterwards (part 6).
        assert views["project"]["by_kind"]["search index"]["files"] == 0, views["project"]["files"]
        assert views["project"]["by_kind"]["html"]["files"] == 1, views["project"]["files"]
        assert 0 < views["floor"]["gzip"] < views["project"]["total"]["gzip"]
        assert views["ratio_gzip"] > 0


def test_every_query_finds_results_and_is_timed(smoke):
    _, results = smoke
    search = results["search"]["sites"]["project"]
    assert search["index"]["raw"] > search["index"]["gzip"] > 0
    assert search["ready_after_ms"] > search["longest_task_until_ready_ms"] >= 0
    assert search["slowest_ms"] >= search["median_ms"] > 0
    assert len(search["queries"]) >= 2
    for query in search["queries"]:
        assert query["ms"] > 0 and query["matching_documents"] > 0, query


def test_results_record_the_machine_load_and_the_targets(smoke):
    _, results = smoke
    for moment in ("machine_before", "machine_after"):
        assert len(results[moment]["load_average"]) == 3
        assert results[moment]["cpus"] >= 1
    assert {type(check["met"]) for check in results["targets"]} == {bool}


def test_the_it_page_is_weighed_too(smoke):
    _, results = smoke
    views = results["page_weight"]["it"]
    for config in ("project", "bare"):
        assert views[config]["total"]["gzip"] > 0
    assert views["project"]["outside_requests"] == []


def test_what_is_kept_offline_is_weighed_per_language(smoke):
    _, results = smoke
    kept = results["offline_cache"]
    assert set(kept["languages"]) == {"en", "de"}
    for language in kept["languages"].values():
        assert language["files"] > 10 and language["bytes"] > 100_000
    assert any(check["target"].startswith("kept for reading offline")
               for check in results["targets"])
