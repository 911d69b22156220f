"""A guide that survives any address and any storage, in WebKit (WebKitGTK's MiniBrowser, as
test_webkit.py; the scenarios are any_address_any_storage.py's, shared with Chromium).

Storage blocked here is WebKit's own setting (MiniBrowser --enable-html5-local-storage=false:
localStorage is null), in a WebKit session of its own (conftest.webkit_without_storage).
"""

import pytest

from support import any_address_any_storage as scenarios
from support.readers import WebKitReader

pytestmark = pytest.mark.xdist_group("webkit")


@pytest.fixture(params=["file", "http"])
def root(request, site_dir):
    if request.param == "file":
        return site_dir.as_uri() + "/"
    return request.getfixturevalue("http_root")


@pytest.mark.parametrize("hash_", scenarios.MALFORMED_HASHES)
def test_a_malformed_hash_is_ignored(webkit, root, hash_):
    scenarios.malformed_hash_is_ignored(WebKitReader(webkit, root), hash_)


def test_search_and_the_colour_switch_work_with_storage_blocked(webkit_without_storage, root):
    scenarios.search_and_colour_switch_work_with_storage_blocked(
        WebKitReader(webkit_without_storage, root))


def test_the_reader_is_told_once_that_ticks_are_not_kept(webkit_without_storage, http_root):
    scenarios.reader_is_told_once_that_ticks_are_not_kept(
        WebKitReader(webkit_without_storage, http_root))


@pytest.mark.parametrize("situation_value, ticks_value", [
    (scenarios.WRONG_SITUATIONS[0], scenarios.WRONG_TICKS[0]),
    (scenarios.WRONG_SITUATIONS[-2], scenarios.WRONG_TICKS[2])])
def test_stored_values_of_the_wrong_shape_are_repaired(webkit, http_root, situation_value,
                                                       ticks_value):
    scenarios.wrong_shapes_are_repaired(WebKitReader(webkit, http_root), situation_value,
                                        ticks_value)
