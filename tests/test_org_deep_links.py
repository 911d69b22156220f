"""Honest deep links: a link asking for a value that this organization's build leaves out
(Fabrikam has no `mfa: none` and no `transfer: phone`) says so, politely, and what it shows; on
the reader-site scenario site."""

import pytest
import yaml

from support.project import PROJECT
from support.scenarios import GUIDE

SITUATIONS = yaml.safe_load((PROJECT / "macros" / "situations.yml").read_text(encoding="utf-8"))


def value(key, value_key):
    """A value's English words (the registry gives each text per language)."""
    dimension = next(d for d in SITUATIONS["dimensions"] if d["key"] == key)
    found = next(v for v in dimension["values"] if v["key"] == value_key)
    return {field: text["en"] for field, text in found.items() if field != "key"}


def open_guide(new_visit, site, query):
    page = new_visit(site.as_uri() + "/").open(GUIDE + query)
    return page, page.locator("form.situation-picker [data-situation-note]").inner_text()


def checked(page, key):
    return page.locator(f"form.situation-picker input[name={key}]:checked").get_attribute("value")


def test_link_to_a_value_fabrikam_leaves_out_says_what_it_shows_instead(new_visit,
                                                                         reader_site_fabrikam):
    page, note = open_guide(new_visit, reader_site_fabrikam, "?mfa=none&transfer=icloud")
    shown = checked(page, "mfa")
    assert shown == "app"  # Fabrikam's default
    assert note == (f"Fabrikam doesn't use \u201c{value('mfa', 'none')['label']}\u201d, "
                    f"showing {value('mfa', shown)['phrase']} instead.")
    assert checked(page, "transfer") == "icloud"  # the part of the link Fabrikam offers is kept


def test_two_values_left_out_get_one_sentence_each(new_visit, reader_site_fabrikam):
    page, note = open_guide(new_visit, reader_site_fabrikam,
                            "?mfa=none&transfer=phone&from=iphone")
    assert note.count("Fabrikam doesn't use") == 2
    assert value("transfer", "phone")["label"] in note and value("mfa", "none")["label"] in note


@pytest.mark.parametrize("query", ["?mfa=sms", "?mfa=nonsense", ""])
def test_no_note_when_nothing_offered_was_refused(new_visit, reader_site_fabrikam, query):
    _, note = open_guide(new_visit, reader_site_fabrikam, query)
    assert note == ""


def test_contoso_offers_the_value_so_no_note(new_visit, reader_site):
    page, note = open_guide(new_visit, reader_site, "?mfa=none")
    assert note == "" and checked(page, "mfa") == "none"
