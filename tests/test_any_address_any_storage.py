"""A guide that survives any address and any storage, in Chromium (the scenarios are
any_address_any_storage.py's, shared with WebKit: test_webkit_any_address_any_storage.py)."""

import pytest

from support import any_address_any_storage as scenarios
from support.readers import ChromiumReader


@pytest.mark.parametrize("hash_", scenarios.MALFORMED_HASHES)
def test_a_malformed_hash_is_ignored(new_visit, reader_root, hash_):
    visit = new_visit(reader_root)
    scenarios.malformed_hash_is_ignored(ChromiumReader(visit.page, reader_root), hash_)
    assert visit.console_errors == []  # uncaught errors of any script, console errors


def test_search_and_the_colour_switch_work_with_storage_blocked(new_visit, reader_root):
    visit = new_visit(reader_root, storage="blocked")
    scenarios.search_and_colour_switch_work_with_storage_blocked(
        ChromiumReader(visit.page, reader_root))
    assert visit.console_errors == []  # uncaught errors of any script, console errors


@pytest.mark.parametrize("language_folder, language", [("", "en"), ("de/", "de")])
def test_the_reader_is_told_once_that_ticks_are_not_kept(new_visit, reader_http, language_folder,
                                                        language):
    visit = new_visit(reader_http, storage="blocked")
    scenarios.reader_is_told_once_that_ticks_are_not_kept(
        ChromiumReader(visit.page, reader_http), language_folder, language)
    assert visit.console_errors == []  # uncaught errors of any script, console errors


@pytest.mark.parametrize("situation_value, ticks_value", list(zip(
    scenarios.WRONG_SITUATIONS,
    scenarios.WRONG_TICKS * 2)), ids=scenarios.WRONG_SITUATIONS)
def test_stored_values_of_the_wrong_shape_are_repaired(new_visit, reader_http, situation_value,
                                                       ticks_value):
    visit = new_visit(reader_http)
    scenarios.wrong_shapes_are_repaired(ChromiumReader(visit.page, reader_http), situation_value,
                                        ticks_value)
    assert visit.console_errors == []  # uncaught errors of any script, console errors
