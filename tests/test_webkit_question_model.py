"""The question model in WebKit (tests/sites/question-model): the same scenarios as
test_question_model.py in Chromium (question_model.py), read by WebKitGTK's MiniBrowser.

Each scenario starts with storage cleared, so what the address carries is all the page has
(WebDriver cannot block WebKit's storage before a page's scripts run; Chromium's runs do).
"""

import pytest

from support import question_model as model
from support.servers import serve
from support.sites import shared_folder
from support.readers import WebKitReader

pytestmark = pytest.mark.xdist_group("webkit")


@pytest.fixture(scope="module")
def reader(request, webkit):
    site = shared_folder(request, "site-question-model", model.build_question_model) / "site"
    server, root = serve(site)
    yield WebKitReader(webkit, root)
    server.shutdown()


@pytest.mark.parametrize("situation", list(model.SITUATIONS))
def test_a_link_to_each_situation_shows_its_steps(reader, situation):
    model.each_situation_shows_its_steps(reader, situation)


def test_a_question_is_asked_only_when_another_answer_makes_it_relevant(reader):
    model.a_question_is_asked_only_when_another_answer_makes_it_relevant(reader)


def test_a_link_with_a_question_not_asked_leaves_it_out(reader):
    model.a_link_with_a_question_not_asked_leaves_it_out(reader)


def test_an_impossible_combination_is_greyed_out_and_a_link_to_it_corrected(reader):
    model.an_impossible_combination_is_greyed_out_and_a_link_to_it_corrected(reader)


def test_labels_hide_alike_in_tight_and_loose_lists(reader):
    model.labels_hide_alike_in_tight_and_loose_lists(reader)
