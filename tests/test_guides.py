"""A site of many guides, in Chromium: each guide asks its own questions, answers carry across
guides, and shared steps come from included files.

The situations each guide is walked through are generated from its declaration (its front
matter `situations:`, read by macros.situations.guides without a build). What each situation
must show is written here by hand, per guide: the questions, the step headings and every part
that applies to some situations only, with whom it is for.
"""


import pytest
from axe_playwright_python.sync_playwright import Axe
from bs4 import BeautifulSoup

from conftest import PROJECT, build_site, run_make
from macros.situations import guides
from readers import ChromiumReader, WebKitReader

SITE = PROJECT / "tests" / "sites" / "many-guides" / "docs"
WCAG_22_AA = {"runOnly": {"type": "tag", "values": [
    "wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]}}

ALL = {}
MFA = "How do you do MFA today?"
TRANSFER = "How will you move your data?"
FROM = "What is your old phone?"
SCREEN = "Does the old phone's screen work?"
# The shared part, tests/sites/many-guides/docs/includes/old-phone-nearby.md.
NEARBY = [("Keep the old iPhone next to the new one.", {"from": {"iphone"}}),
          ("Keep the Android phone switched on.", {"from": {"android"}}),
          ("Charge both phones.", ALL),
          ("Update the old iPhone.", {"from": {"iphone"}})]

# Per guide, by hand: its questions in order, how many situations are possible, what it shows
# before anyone answers, its step headings and its conditional parts, each with whom it is for.
EXPECTED = {
    "sign-in.md": {
        "questions": [MFA],
        "possible": 3,
        "default": {"mfa": "sms"},
        "steps": [("step-1-sign-in", ALL), ("step-2-register-this-phone", {"mfa": {"none"}}),
                  ("step-3-finish", ALL)],
        "parts": [("Open a work app.", ALL),
                  ("Approve the sign-in in the app.", {"mfa": {"app"}}),
                  ("Type the code you get.", {"mfa": {"sms", "none"}}),
                  ("Register this phone for MFA.", {"mfa": {"none"}})],
    },
    "old-phone.md": {
        "questions": [FROM, TRANSFER],
        "possible": 4,  # an Android phone moves nothing (macros/situations.yml `impossible`)
        "default": {"from": "iphone", "transfer": "icloud"},
        "steps": [("step-1-get-ready", ALL),
                  ("step-2-move-your-data", {"transfer": {"icloud", "phone"}}),
                  ("step-3-finish", ALL)],
        "parts": [*NEARBY,
                  ("Turn on the new phone.", {"transfer": {"icloud", "phone"}}),
                  ("Choose the cloud backup.", {"transfer": {"icloud"}}),
                  ("Choose the old phone.", {"transfer": {"phone"}})],
    },
    "back-up.md": {
        "questions": [SCREEN, FROM, MFA],
        "possible": 12,
        "default": {"screen": "works", "from": "android", "mfa": "app"},
        "steps": [("step-1-get-ready", ALL), ("step-2-back-up", ALL)],
        "parts": [*NEARBY,
                  ("Open the settings on the old phone.", {"screen": {"works"}}),
                  ("Take the old phone to the service desk.", {"screen": {"broken"}}),
                  ("Tap the backup button.", {"screen": {"works"}, "from": {"iphone"}}),
                  ("Check that the app's own backup is on.", {"mfa": {"app"}})],
    },
}
# The guides of the site itself, by hand in the same way. The migration guide's table is
# tests/test_situations.py (GUIDE_STEPS), which walks the same situations as its declaration;
# writing/syntax.md asks questions only to show its examples.
# The Authenticator guide, from the source article (as tests/test_authenticator_backup.py PATHS):
# backup and restore need an old iPhone that is set up for MFA; every other reader is told the
# guide isn't for them. Setting up hands over to the migration guide: from its Step 1 for a
# reader who moves data in Setup Assistant, from its Step 2 otherwise.
BACKUP = {"from": {"iphone"}, "mfa": {"app", "sms"}}
SITE_EXPECTED = {
    "authenticator-backup.md": {
        "questions": [FROM, MFA, TRANSFER],
        "possible": 12,
        # profiles/contoso.yml, the site's profile
        "default": {"from": "iphone", "mfa": "app", "transfer": "icloud"},
        "steps": [("step-1-back-up-on-the-old-iphone", BACKUP),
                  ("step-2-set-up-the-new-iphone", BACKUP),
                  ("step-3-restore-on-the-new-iphone", BACKUP)],
        "parts": [("To back up your data, you need two accounts:", BACKUP),
                  ("Before you start, your old phone must already be able to reach protected "
                   "work resources. It must also be set up for multifactor authentication (MFA).",
                   BACKUP),
                  ("An Authenticator backup made on Android can't be restored on an iPhone, so "
                   "this guide isn't for you: if your Android phone still works and has two-step "
                   "verification set up, you use it to get work access on the new iPhone, as "
                   "Migrate to a new iPhone for work shows.",
                   {"from": {"android"}, "mfa": {"app", "sms"}}),
                  # An Android phone that can't be used for MFA doesn't help with it either.
                  ("An Authenticator backup made on Android can't be restored on an iPhone, so "
                   "this guide isn't for you: you set up MFA on the new iPhone instead, as "
                   "Migrate to a new iPhone for work shows.", {"from": {"android"}, "mfa": {"none"}}),
                  ("This guide's backup is made on an old iPhone that is set up for MFA, and "
                   "yours can't be used for MFA, so this guide isn't for you: you set up MFA on "
                   "the new iPhone instead, as Migrate to a new iPhone for work shows.",
                   {"from": {"iphone"}, "mfa": {"none"}}),
                  ("Do this on the old iPhone, before you set up the new one.", BACKUP),
                  ("Set up recovery in Microsoft Authenticator. This creates a recovery account "
                   "for your work account credentials. On your old phone:", BACKUP),
                  ("Note", BACKUP),  # the work account is set up again on the new phone
                  ("You restore the backup once your new iPhone is enrolled for work, so set "
                   "that up first.", BACKUP),
                  ("Set up your new iPhone, move your data to it and enroll it for work: follow "
                   "Migrate to a new iPhone for work from its step \"Before you begin\" up to and "
                   "including the action \"Get access\". The first action of that step is the "
                   "Authenticator backup you've just made. Then come back here.",
                   {**BACKUP, "transfer": {"icloud", "phone"}}),
                  ("Set up your new iPhone and enroll it for work: follow Migrate to a new iPhone "
                   "for work from its step \"Power on the new device\" up to and including the "
                   "action \"Get access\". Then come back here.",
                   {**BACKUP, "transfer": {"none"}}),
                  ("Do this on the new iPhone, once it's enrolled.", BACKUP),
                  ("Restore your Authenticator backup. In Authenticator, tap Begin recovery, then "
                   "sign in with your personal Microsoft account. This brings back the MFA "
                   "credentials that are allowed to be restored, plus your saved passwords.", BACKUP),
                  # Text or call without a work account in Authenticator: nothing to tap.
                  ("No placeholder, because your work account was never in Authenticator? Then "
                   "there's nothing to tap. You can keep using the text message or call for "
                   "two-step verification. We still suggest phone sign-in, the easiest way to "
                   "prove it's you: sign in to your work account in Authenticator and set it up "
                   "there.", {**BACKUP, "mfa": {"sms"}}),
                  ("Keep your old phone until the new one works", {**BACKUP, "mfa": {"app"}}),
                  ("Either phone can take the text or call", {**BACKUP, "mfa": {"sms"}})],
    },
}
WALKED_ELSEWHERE = {"migrate-iphone.md", "writing/syntax.md"}
DECLARED = guides(SITE)
SITE_DECLARED = guides(PROJECT / "docs")
SITUATIONS = [("many-guides", path, choice) for path, guide in DECLARED.items()
              for choice in guide.possible_choices()] + [
              ("site", path, choice) for path, guide in SITE_DECLARED.items()
              if path not in WALKED_ELSEWHERE for choice in guide.possible_choices()]
IDS = [f"{site}:{path}?{'&'.join(f'{k}={v}' for k, v in choice.items())}"
       for site, path, choice in SITUATIONS]


def html(path):
    return path.replace(".md", ".html")


def query(choice):
    return "&".join(f"{key}={value}" for key, value in choice.items())


def applies(condition, choice):
    return all(choice[key] in values for key, values in condition.items())


@pytest.fixture(scope="module")
def guide_page(browser, request):
    """Each guide opened once per situation (a deep link), shared by the read-only checks."""
    context = browser.new_context()
    pages = {}
    roots = {"many-guides": "guides_root", "site": "http_root"}

    def open_guide(site, path, situation):
        if (site, path, situation) not in pages:
            root = request.getfixturevalue(roots[site])
            pages[site, path, situation] = context.new_page()
            pages[site, path, situation].goto(f"{root}{html(path)}?{situation}")
        return pages[site, path, situation]

    yield open_guide
    context.close()


def test_every_guide_has_a_hand_written_table_and_its_number_of_situations():
    assert set(DECLARED) == set(EXPECTED)
    assert set(SITE_DECLARED) - WALKED_ELSEWHERE == set(SITE_EXPECTED)
    for path, guide in [*DECLARED.items(), *SITE_DECLARED.items()]:
        expected = {**EXPECTED, **SITE_EXPECTED}.get(path)
        if expected:
            assert len(guide.possible_choices()) == expected["possible"], path
    assert len(SITE_DECLARED["migrate-iphone.md"].possible_choices()) == 12


def expected_for(site, path):
    return (EXPECTED if site == "many-guides" else SITE_EXPECTED)[path]


READ_PAGE = """() => {
  const shown = (el) => !el.closest('[hidden]') && el.checkVisibility();
  return {
    legends: [...document.querySelectorAll('.situation-picker legend')].map((l) => l.textContent),
    checked: Object.fromEntries([...document.querySelectorAll('.situation-picker :checked')]
      .map((radio) => [radio.name, radio.value])),
    steps: [...document.querySelectorAll('article h2.step')].filter(shown)
      .map((h) => [h.id, h.firstChild.textContent.trim()]),
    toc: [...document.querySelectorAll('.md-nav--secondary a.md-nav__link')].filter(shown)
      .map((a) => a.hash.slice(1)),
    text: [...document.querySelectorAll('article li, article p')].filter(shown).map((el) => {
      const copy = el.cloneNode(true);
      copy.querySelectorAll('.situation__label, ol, ul').forEach((label) => label.remove());
      return copy.textContent.trim();
    }),
    summary: document.querySelector('[data-situation-summary]').textContent,
    // The actions a reader can tick off (issue 16): the items of the numbered lists that follow
    // a Step heading, up to the next h2.
    actions: (() => {
      let inStep = false, count = 0;
      const walker = document.createTreeWalker(document.querySelector('article'), 1);
      for (let el = walker.nextNode(); el; el = walker.nextNode()) {
        if (el.tagName === 'H2') inStep = el.classList.contains('step');
        else if (inStep && el.tagName === 'OL' && !el.parentElement.closest('li')) {
          count += [...el.children].filter(shown).length;
        }
      }
      return count;
    })(),
  };
}"""


@pytest.mark.parametrize("site, path, choice", SITUATIONS, ids=IDS)
def test_each_guide_in_each_situation_asks_its_questions_and_shows_its_steps(
        guide_page, site, path, choice):
    check_guide_page(guide_page(site, path, query(choice)).evaluate(READ_PAGE),
                     expected_for(site, path), choice)


def check_guide_page(shown, expected, choice):
    """READ_PAGE's result against a guide's hand-written table (test_webkit.py uses it too)."""
    assert shown["legends"] == expected["questions"]
    assert shown["checked"] == choice
    steps = [step_id for step_id, condition in expected["steps"] if applies(condition, choice)]
    assert [step_id for step_id, _ in shown["steps"]] == steps
    assert [title.split(":")[0] for _, title in shown["steps"]] == [
        f"Step {n}" for n in range(1, len(steps) + 1)]
    hidden_steps = {step_id for step_id, _ in expected["steps"]} - set(steps)
    assert set(steps) <= set(shown["toc"]) and not hidden_steps & set(shown["toc"])
    for text, condition in expected["parts"]:
        assert (text in shown["text"]) == applies(condition, choice), (text, shown["text"])
    actions = shown["actions"]
    if actions:
        assert shown["summary"].endswith(f": 0 of {actions} step{'' if actions == 1 else 's'} done")
    else:  # a path without steps (the guide isn't for this reader) shows the situation alone
        assert "steps done" not in shown["summary"] and shown["summary"]


# The site's Authenticator guide is left out here: test_axe_finds_nothing_in_any_situation in
# tests/test_authenticator_backup.py runs the same axe check (Chromium, context "article",
# WCAG_22_AA) on the same page in each of these situations, plus show=all.
AXE_ELSEWHERE = {("site", "authenticator-backup.md")}
AXE_SITUATIONS = [(site, path, choice) for site, path, choice in SITUATIONS
                  if (site, path) not in AXE_ELSEWHERE]


@pytest.mark.parametrize("site, path, choice", AXE_SITUATIONS,
                         ids=[IDS[SITUATIONS.index(s)] for s in AXE_SITUATIONS])
def test_axe_finds_nothing_in_any_guide_in_any_situation(guide_page, site, path, choice):
    results = Axe().run(guide_page(site, path, query(choice)), context="article",
                        options=WCAG_22_AA)
    assert results.violations_count == 0, results.generate_report()


CHECKED = """() => [...document.querySelectorAll('.situation-picker :checked')]
  .map((radio) => [radio.name, radio.value])"""


def checked(page_or_reader):
    if isinstance(page_or_reader, (ChromiumReader, WebKitReader)):
        return dict(page_or_reader.run(CHECKED))
    return dict(page_or_reader.evaluate(CHECKED))


def test_a_guide_opened_fresh_shows_its_own_default(new_visit, guides_root):
    visit = new_visit(guides_root)
    for path, expected in EXPECTED.items():
        assert checked(visit.open(html(path))) == expected["default"], path


def test_an_answer_carries_to_every_guide_that_asks_it_and_a_query_wins(new_visit, guides_root):
    answer_carries_to_every_guide_that_asks_it(ChromiumReader(new_visit(guides_root).page,
                                                              guides_root))


def answer_carries_to_every_guide_that_asks_it(reader):
    """The scenario in either engine (a reader from readers.py; test_webkit.py runs it too)."""
    reader.open("sign-in.html")
    reader.click("input[name=mfa][value=none]")  # "My old phone can't be used for MFA"

    reader.open("back-up.html")  # asks mfa too; its own default is app
    assert checked(reader) == {**EXPECTED["back-up.md"]["default"], "mfa": "none"}
    assert "Check that the app's own backup is on." not in reader.run(READ_PAGE)["text"]

    reader.open("back-up.html?mfa=sms")
    assert checked(reader)["mfa"] == "sms"
    reader.open("sign-in.html")  # the query was an answer too, and the latest one
    assert checked(reader) == {"mfa": "sms"}


def test_a_default_is_not_an_answer_even_after_a_reload(new_visit, guides_root):
    visit = new_visit(guides_root)
    page = visit.open("sign-in.html")  # shows mfa=sms, its default, and puts it in the URL
    assert "mfa=sms" in page.url
    page.reload()
    assert checked(visit.open("back-up.html"))["mfa"] == "app"  # back-up's own default


def test_guides_without_common_questions_keep_their_own_answers(new_visit, guides_root):
    visit = new_visit(guides_root)
    page = visit.open("old-phone.html")
    page.get_by_label("An Android phone").check()
    assert checked(page) == {"from": "android", "transfer": "none"}
    page = visit.open("sign-in.html")
    page.get_by_label("Microsoft Authenticator app").check()
    assert page.url.endswith("sign-in.html?mfa=app")  # only its own question in its link
    assert checked(visit.open("old-phone.html")) == {"from": "android", "transfer": "none"}


def test_a_conditional_section_in_an_included_file_is_shown_and_hidden(new_visit, guides_root):
    page = new_visit(guides_root).open("old-phone.html?from=iphone&transfer=phone")
    page.get_by_role("button", name="Change").click()  # the picker is folded (issue 16)
    iphone, android = "Keep the old iPhone next to the new one.", "Keep the Android phone switched on."
    shown = page.evaluate(READ_PAGE)["text"]
    assert iphone in shown and android not in shown and "Update the old iPhone." in shown
    page.get_by_label("An Android phone").check()
    shown = page.evaluate(READ_PAGE)["text"]
    assert iphone not in shown and android in shown and "Update the old iPhone." not in shown


def test_a_page_that_asks_nothing_loads_none_of_the_picker(new_visit, guides_root):
    visit = new_visit(guides_root)
    requests = []
    visit.page.on("request", lambda request: requests.append(request.url))
    page = visit.open("index.html")
    assert not [url for url in requests if "situations." in url]
    assert page.evaluate("typeof window.situationRegistry") == "undefined"
    assert "situations" not in page.content()
    page = visit.open("sign-in.html")
    assert any(url.endswith("situations.js") for url in requests)


def test_make_new_guide_starts_a_guide_that_asks_its_questions(tmp_path):
    docs = tmp_path / "docs"
    made = run_make("new-guide", "NAME=back-up-authenticator", "ASKS=from,mfa", f"DOCS_DIR={docs}")
    assert made.returncode == 0, made.stderr
    build = build_site(tmp_path / "site", docs_dir=docs)
    assert build.returncode == 0, build.stderr
    page = BeautifulSoup((tmp_path / "site" / "back-up-authenticator.html").read_text(
        encoding="utf-8"), "html.parser")
    assert [legend.get_text() for legend in page.select(".situation-picker legend")] == [
        FROM, MFA]
    assert run_make("lint", f"LINT_PAGES={docs}").returncode == 0


def test_make_new_guide_refuses_an_unknown_question(tmp_path):
    made = run_make("new-guide", "NAME=guide", "ASKS=mfa,old_phone", f"DOCS_DIR={tmp_path}")
    assert made.returncode != 0
    assert "unknown situation dimension 'old_phone'" in made.stderr
    assert list(tmp_path.iterdir()) == []
