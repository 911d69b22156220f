"""Help that goes with the reader (issue 24), on every guide of the reader site
(tests/sites/reader-site, built with Contoso's profile and with Fabrikam's), in Chromium:

- "Continue on another device": the QR code, scanned as a phone camera reads it (zxing-cpp, as
  the IT page's codes are), and the copied link open this guide on the organization's site with
  the reader's answers, and at the Step they are at once they have ticked actions; from disk
  (file://) there is no such button; the keyboard reaches it and axe finds nothing.
- "Stuck here?": each Step's mail draft goes to the profile's support address, with the guide,
  the Step, the answers in words, what is done, the language, the review date and the link, in
  the page's language; the phone is a tel: link; a profile without an email address (Fabrikam)
  has the phone only, and its privacy note promises nothing about a draft.

Every expectation is read from what the reader sees (the picker's answers, the headings, the
page's review date) or from the profile file itself. The situation is carried by the address
alone: storage is blocked, so no remembered answer can stand in for it.
"""

import re
from urllib.parse import parse_qs, parse_qsl, urljoin, urlsplit

import pytest
import yaml

from support import scenarios
from support.axe import violations
from support.project import PROJECT
from support.qr import codes_in

LANGUAGE_NAMES = {"en": "English", "de": "Deutsch"}


def profile(name):
    return yaml.safe_load((PROJECT / "profiles" / name).read_text(encoding="utf-8"))


def language_of(page_path):
    return "de" if page_path.startswith("de/") else "en"


def open_guide(new_visit, root, page_path, query=""):
    """The guide as a reader whose browser keeps nothing (storage blocked)."""
    visit = new_visit(root, storage="blocked", device_scale_factor=2)
    return visit.open(page_path + (f"?{query}" if query else ""))


# --- What the reader sees -----------------------------------------------------------------

# The picker's answers: {question key: value} of each checked radio, and the words beside it.
ANSWERS = """() => [...document.querySelectorAll('.situation-picker fieldset')].map((set) => {
  const radio = set.querySelector('input:checked');
  return [radio.name, radio.value, set.querySelector('legend').textContent.trim(),
          radio.closest('label').textContent.trim()];
})"""
# Each Step heading the reader sees, as [id, words], in order.
STEPS = """() => [...document.querySelectorAll('article h2.step')]
  .filter((h) => h.checkVisibility())
  .map((h) => [h.id, h.firstChild.textContent.trim()])"""
# Tick every action the reader sees in the Step with this id; return how many.
TICK_STEP = """(id) => {
  const steps = [...document.querySelectorAll('article h2.step')];
  const stepOf = (node) => steps.filter((h) =>
    h.compareDocumentPosition(node) & Node.DOCUMENT_POSITION_FOLLOWING).pop();
  const boxes = [...document.querySelectorAll('article .progress__box')]
    .filter((box) => box.checkVisibility() && stepOf(box).id === id);
  boxes.forEach((box) => box.click());
  return boxes.length;
}"""
VISIBLE_BOXES = """() => [...document.querySelectorAll('article .progress__box')]
  .filter((box) => box.checkVisibility()).length"""


def choose_other_answers(page):
    """As a reader would: a different answer to each question, where one can be chosen."""
    change = page.locator(".progress__change[aria-expanded='false']")
    if change.count():
        change.click()
    for fieldset in page.locator(".situation-picker fieldset").all():
        other = fieldset.locator("input:not(:checked):not(:disabled)")
        if other.count():
            other.last.check()


def situation_shown(page):
    """{key: value} of the reader's answers, plus each question the organization answers alone
    (a single value: no radios, but part of the situation)."""
    choice = {key: value for key, value, _, _ in page.evaluate(ANSWERS)}
    for dimension in page.evaluate("window.situationRegistry.dimensions"):
        if len(dimension["values"]) == 1:
            choice[dimension["key"]] = next(iter(dimension["values"]))
    return choice


def decode_qr_code(element):
    """What a phone camera reads from the QR code as Chromium draws it."""
    element.evaluate("(img) => img.decode()")
    return codes_in(element.screenshot())


def assert_opens(url, page_on_site, situation, step):
    parts = urlsplit(url)
    assert f"{parts.scheme}://{parts.netloc}{parts.path}" == page_on_site
    assert dict(parse_qsl(parts.query)) == situation, "not the reader's answers"
    assert parts.fragment == step, "not the Step the reader is at"


# --- Continue on another device -------------------------------------------------------------

def open_continue_panel(page):
    toggle = page.locator(".handover__toggle")
    toggle.focus()
    page.keyboard.press("Enter")  # the keyboard alone opens it
    assert toggle.get_attribute("aria-expanded") == "true"
    return toggle, page.get_by_role("img", name=re.compile("QR"))


def test_qr_code_opens_the_guide_with_the_answers_at_the_step(new_visit, reader_http,
                                                               reader_guides):
    site_url = profile("contoso.yml")["site_url"]
    for page_path in reader_guides:
        page = open_guide(new_visit, reader_http, page_path)
        choose_other_answers(page)
        situation = situation_shown(page)
        page_on_site = urljoin(site_url, page_path)
        _, code = open_continue_panel(page)
        scanned = decode_qr_code(code)
        assert len(scanned) == 1, f"{page_path}: the code does not scan"
        assert_opens(scanned[0], page_on_site, situation, "")
        assert page.locator(".handover__link a").inner_text() == scanned[0]

        steps = page.evaluate(STEPS)
        if len(steps) > 1:  # done with the first Step: the code opens at the second
            assert page.evaluate(TICK_STEP, steps[0][0]) > 0
            page.wait_for_function("(id) => document.querySelector('.handover__code')"
                                   ".src.endsWith('#' + id)", arg=steps[1][0])
            scanned = decode_qr_code(code)
            assert_opens(scanned[0], page_on_site, situation, steps[1][0])
            assert steps[1][1] in page.locator(".handover__hint").inner_text()
            assert page.locator(".handover__link a").inner_text() == scanned[0]


def test_every_situation_a_reader_can_be_in_has_its_code(new_visit, reader_http):
    """Codes are made for the situations a reader can be in (macros/handover/qr_codes.py leaves
    out what an `impossible` rule changes): each one a reader gets to shows one code, which
    opens the guide in that situation."""
    visit = new_visit(reader_http)
    site_url = profile("contoso.yml")["site_url"]
    missing = []
    for page_path, choice in scenarios.path_cases(every_guide=True):
        visit.open(f"{page_path}?{scenarios.query(choice)}")
        if visit.page.locator(".handover__toggle").count() == 0:
            continue  # a guide with no Step for this reader shows no code
        _, code = open_continue_panel(visit.page)
        shown = (code.evaluate("(img) => img.decode().then(() => true, () => false)")
                 and decode_qr_code(code))
        if not shown or len(shown) != 1:
            missing.append(f"{page_path}?{scenarios.query(choice)}")
            continue
        assert_opens(shown[0], urljoin(site_url, page_path), situation_shown(visit.page), "")
    assert missing == [], "no QR code, or not one, for: " + ", ".join(missing)


def test_copy_link_from_the_keyboard_and_axe_finds_nothing(new_visit, reader_http, reader_guides):
    """Material's own clipboard (its bundle needs storage: not blocked here)."""
    visit = new_visit(reader_http)
    page = visit.open(reader_guides[0])
    toggle, code = open_continue_panel(page)
    code.evaluate("(img) => img.decode()")
    shown = page.locator(".handover__link a").inner_text()
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")  # past the link, to "Copy link"
    assert page.evaluate("document.activeElement.classList.contains('handover__copy')")
    page.keyboard.press("Enter")
    page.locator(".md-dialog__inner").filter(has_text=re.compile(r"\S")).wait_for()  # "Copied"
    page.evaluate("document.body.append("
                  "Object.assign(document.createElement('textarea'), {id: 'paste'}))")
    page.locator("#paste").focus()
    page.keyboard.press("Control+V")
    assert page.locator("#paste").input_value() == shown
    page.locator("#paste").evaluate("(area) => area.remove()")

    for colours in ("light", "dark"):
        page.emulate_media(color_scheme=colours)
        found = violations(page, context=".situation-picker")
        assert found == "", found
    page.locator(".handover__copy").focus()
    page.keyboard.press("Escape")  # folds the panel, back on its button
    assert toggle.get_attribute("aria-expanded") == "false"
    assert page.evaluate("document.activeElement.classList.contains('handover__toggle')")


def test_from_disk_there_is_nothing_to_scan(new_visit, reader_site, reader_guides):
    page = open_guide(new_visit, reader_site.as_uri() + "/", reader_guides[0])
    page.locator(".situation-picker [role=status]").wait_for()
    assert page.locator(".handover__toggle").count() == 0, "nothing to scan from disk"
    assert page.locator(".handover__stuck").count() > 0, "Stuck here? works from disk too"


# --- Stuck here? ----------------------------------------------------------------------------

def mail_draft(link):
    """(to, subject, body) of a mailto: link, as a mail app reads it (RFC 6068)."""
    link.focus()  # the draft is written as the reader reaches the link
    parts = urlsplit(link.get_attribute("href"))
    assert parts.scheme == "mailto"
    fields = parse_qs(parts.query)
    return parts.path, fields["subject"][0], fields["body"][0]


@pytest.mark.parametrize("language", ["en", "de"])
def test_stuck_here_drafts_a_mail_with_where_the_reader_is(new_visit, reader_http, reader_guides,
                                                          language):
    contoso = profile("contoso.yml")
    page_path = next(path for path in reader_guides if language_of(path) == language)
    page = open_guide(new_visit, reader_http, page_path)
    choose_other_answers(page)
    steps = page.evaluate(STEPS)
    done = page.evaluate(TICK_STEP, steps[0][0])
    step_id, step_words = steps[-1]  # stuck further on, with the first Step done
    stuck = page.locator(f"article h2#{step_id} ~ .handover__stuck, "
                         f"article :has(> h2#{step_id}) > .handover__stuck").first
    to, subject, body = mail_draft(stuck.locator("a[href^='mailto:']"))

    guide = page.locator("article h1").first.inner_text().replace("¶", "").strip()
    assert to == contoso["support"]["email"]
    assert guide in subject and step_words in subject
    assert "\r\n" in body, "line breaks in a mailto: body are CRLF"
    for _, _, question, answer in page.evaluate(ANSWERS):
        assert f"{question} {answer}" in body or f"{question}: {answer}" in body
    assert guide in body and step_words in body
    assert re.search(rf"\b{done}\D+{page.evaluate(VISIBLE_BOXES)}\b", body), "steps done"
    assert LANGUAGE_NAMES[language] in body
    assert page.locator(".help-last-reviewed time").inner_text() in body
    site_url = contoso["site_url"]
    link = re.search(r"https?://\S+", body).group()
    assert_opens(link, urljoin(site_url, page_path), situation_shown(page), step_id)

    phone = contoso["support"]["phone"]
    call = stuck.locator("a[href^='tel:']")
    assert call.get_attribute("href") == "tel:" + re.sub(r"[^\d+]", "", phone)
    assert phone in call.inner_text()
    privacy = page.locator(".progress-privacy")
    assert stuck.locator("strong").inner_text() in privacy.text_content(), (
        "the privacy note says what Stuck here? does")


def test_without_a_support_email_stuck_here_offers_the_phone_only(new_visit, reader_site_fabrikam,
                                                                  reader_guides):
    fabrikam = profile("fabrikam.yml")
    assert not fabrikam["support"]["email"]
    page = open_guide(new_visit, reader_site_fabrikam.as_uri() + "/", reader_guides[0])
    stuck = page.locator(".handover__stuck").first
    stuck.wait_for()
    assert stuck.locator("a[href^='mailto:']").count() == 0
    assert stuck.locator("a[href^='tel:']").get_attribute("href") == (
        "tel:" + re.sub(r"[^\d+]", "", fabrikam["support"]["phone"]))
    privacy = page.locator(".progress-privacy").text_content()
    assert stuck.locator("strong").inner_text() not in privacy
