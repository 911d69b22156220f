"""Reading offline after the first visit in WebKit: WebKitGTK's MiniBrowser runs service workers
on http://127.0.0.1 (a secure context, as https:// is on an iPhone). The scenarios of
offline_scenarios.py, as test_offline.py runs them in Chromium; one WebKit session serves them
(conftest.webkit), each test on its own server port, so each starts with no worker and no cache."""

import pytest

import offline_scenarios as offline
from offline_scenarios import host, next_release_dir  # noqa: F401 (fixtures)
from readers import WebKitReader

pytestmark = pytest.mark.xdist_group("webkit")


@pytest.fixture
def reader(webkit, host):
    return WebKitReader(webkit, host.root)


def test_reads_searches_ticks_and_switches_offline(reader, host):
    offline.reads_searches_ticks_and_switches_offline(reader, host)


def test_other_language_and_writing_guide_stay_online_only(reader, host):
    offline.other_language_and_writing_guide_stay_online_only(reader, host)


def test_new_release_while_a_page_is_open_and_each_version_keeps_its_own(reader, host):
    offline.new_release_and_versions(reader, host)
