"""A guide that survives any address and any storage, in WebKit (WebKitGTK's MiniBrowser, as
test_webkit.py; the scenarios are any_address_any_storage.py's, shared with Chromium).

Storage blocked here is WebKit's own setting (MiniBrowser --enable-html5-local-storage=false:
localStorage is null), in a WebKit session of its own (conftest.webkit_without_storage).
"""

import pytest

from support import any_address_any_storage as scenarios
from support.readers import WebKitReader

pytestmark = pytest.mark.xdist_group("webkit")


@pytest.mark.parametrize("hash_", scenarios.MALFORMED_HASHES)
def test_a_malformed_hash_is_ignored(webkit, reader_root, hash_):
    scenarios.malformed_hash_is_ignored(WebKitReader(webkit, reader_root), hash_)


def test_search_and_the_colour_switch_work_with_storage_blocked(webkit_without_storage,
                                                                reader_root):
    scenarios.search_and_colour_switch_work_with_storage_blocked(
        WebKitReader(webkit_without_storage, reader_root))


def test_the_reader_is_told_once_that_ticks_are_not_kept(webkit_without_storage, reader_http):
    scenarios.reader_is_told_once_that_ticks_are_not_kept(
        WebKitReader(webkit_without_storage, reader_http))


@pytest.mark.parametrize("situation_value, ticks_value", [
    (scenarios.WRONG_SITUATIONS[0], scenarios.WRONG_TICKS[0]),
    (scenarios.WRONG_SITUATIONS[-2], scenarios.WRONG_TICKS[2])])
def test_stored_values_of_the_wrong_shape_are_repaired(webkit, reader_http, situation_value,
                                                       ticks_value):
    scenarios.wrong_shapes_are_repaired(WebKitReader(webkit, reader_http), situation_value,
                                        ticks_value)
