"""Reading offline after the first visit in WebKit: WebKitGTK's MiniBrowser runs service workers
on http://127.0.0.1 (a secure context, as https:// is on an iPhone). The journey of
offline_scenarios.py, as test_offline.py runs it in Chromium, in the WebKit session the other
WebKit tests share (conftest.webkit), on a server port of its own, so it starts with no worker
and no cache."""

import pytest

from support import offline_scenarios as offline
from support.offline_scenarios import host  # noqa: F401 (a fixture)
from support.readers import WebKitReader

pytestmark = pytest.mark.xdist_group("webkit")


@pytest.fixture
def reader(webkit, host):
    return WebKitReader(webkit, host.root)


def test_versions_new_release_and_reading_offline(reader, host):
    offline.versions_new_release_and_reading_offline(reader, host)
