""""Your situation" in Chromium: the reader picks MFA method, transfer and old phone, and sees
only their steps — from a deep link, after a reload, in print, and without JavaScript."""

from urllib.parse import parse_qs, urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe

from conftest import search_site
from macros.situations import Registry

GUIDE = "migrate-iphone.html"
REGISTRY = Registry.load()
WCAG_22_AA = {"runOnly": {"type": "tag", "values": [
    "wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]}}

EVERYONE = {}
# Step 1 is done on the old iPhone before restoring from it: the source skips it for readers who
# restore nothing, and its FAQ sends a reader whose old phone can't be used for MFA to set up MFA
# on the new phone instead. The source's backup steps have no further condition.
BACKUP_FROM_OLD_IPHONE = {"mfa": {"app", "sms"}, "from": {"iphone"},
                          "transfer": {"icloud", "phone"}}

# The guide's logic, stated from the source article independently of the Markdown markup:
# each step section (by heading id), who it is for, and each action and sub-action in document
# order with who it is for. A sub-action also needs its parent action to apply.
GUIDE_STEPS = [
    ("step-1-before-you-begin", BACKUP_FROM_OLD_IPHONE, [
        ("Set up recovery in Microsoft Authenticator", EVERYONE, [
            "Open Microsoft Authenticator", "Go to Settings", "Optional: you can also sync"]),
        ("Turn on automatic app downloads", EVERYONE, [
            "On your old phone, go to Settings > App Store", "Go to Automatic Downloads"]),
        ("Turn on iCloud backup", EVERYONE, [
            "On your old phone, go to Settings. Tap your Apple ID", "Turn on iCloud Backup"]),
        ("Review your iCloud backup settings", EVERYONE, [
            "Go back to iCloud", "Make sure the apps you want back"]),
    ]),
    ("step-2-power-on-the-new-device", EVERYONE, [
        ("Go through Setup Assistant", EVERYONE, [
            "Turn on the new phone",
            # The old phone stays beside the new one for MFA; without MFA on it, only to transfer.
            ("When you see the Quick Start menu, put your old phone next to the new one. Leave it",
             {"from": {"iphone"}, "mfa": {"app", "sms"}}),
            ("When you see the Quick Start menu, put your old phone next to the new one for the "
             "transfer", {"from": {"iphone"}, "mfa": {"none"}, "transfer": {"phone"}}),
            "Pick how to move your data",
            ("Transfer from iCloud:", {"transfer": {"icloud"}}),
            ("Transfer from the old phone:", {"transfer": {"phone"}})]),
        ("The phone restarts", {"transfer": {"icloud", "phone"}}, []),
        ("Before you go on, check that Microsoft Authenticator is installed", EVERYONE, []),
        ("Start device enrollment", EVERYONE, [
            "On the new phone, open a work app",
            ("Finish MFA, or passwordless sign-in, with Authenticator", {"mfa": {"app"}}),
            ("Finish MFA with the text message or call", {"mfa": {"sms"}}),
            ("Register and set up MFA on this new phone", {"mfa": {"none"}}),
            "Conditional Access blocks you"]),
    ]),
    ("step-3-device-enrollment", EVERYONE, [
        ("Install Intune Company Portal", EVERYONE, []),
        ("Install the mobile device management (MDM) profile", EVERYONE, [
            "Sign in to Company Portal", "Tap through the setup screens",
            "Download the management profile", "Open the Settings app"]),
        ("Sync your phone", EVERYONE, []),
        ("Wait while your work apps install", EVERYONE, []),
        ("Make your iPhone compliant", EVERYONE, []),
        ("Check compliance again", EVERYONE, []),
        ("Get access", EVERYONE, []),
        # Restoring needs the backup made in Step 1 (an Android backup can't be restored on iOS).
        ("Restore your Authenticator backup", BACKUP_FROM_OLD_IPHONE, []),
        ("Turn on phone sign-in. After the restore", BACKUP_FROM_OLD_IPHONE, []),
        # No backup: the work account is set up in Authenticator before anything else there.
        ("Set up Authenticator on this phone", {"mfa": {"app"}, "transfer": {"none"}}, []),
        ("Optional: add phone sign-in", {"mfa": {"sms"}, "transfer": {"none"}}, []),
        ("Finish setting up MFA on this phone", {"mfa": {"none"}}, []),
    ]),
]
STEP_TITLES = {"step-1-before-you-begin": "Before you begin",
               "step-2-power-on-the-new-device": "Power on the new device",
               "step-3-device-enrollment": "Device enrollment"}
PREREQUISITE_BOXES = {"app": "Keep your old phone until the new one works",
                      "sms": "Either phone can take the text or call",
                      "none": "Set up MFA on the new phone"}


def applies(condition, choice):
    return all(choice[key] in values for key, values in condition.items())


def expected_path(choice):
    """(visible step ids, visible actions as (depth, text start)) for a choice."""
    steps, actions = [], []
    for step_id, step_condition, step_actions in GUIDE_STEPS:
        if not applies(step_condition, choice):
            continue
        steps.append(step_id)
        for text, condition, subactions in step_actions:
            if not applies(condition, choice):
                continue
            actions.append((0, text))
            for sub in subactions:
                sub_text, sub_condition = sub if isinstance(sub, tuple) else (sub, EVERYONE)
                if applies(sub_condition, choice):
                    actions.append((1, sub_text))
    return steps, actions


def query(choice):
    return "&".join(f"{key}={value}" for key, value in choice.items())


READ_PATH = """() => {
  const shown = (el) => !el.closest('[hidden]');
  const steps = [...document.querySelectorAll('article h2.step')].filter(shown);
  const actions = [];
  const numbering = [];
  for (const heading of steps) {
    const section = heading.closest('.situation') || heading.parentElement;
    let list = heading.nextElementSibling;
    while (list && list.tagName !== 'OL') list = list.nextElementSibling;
    for (const item of list.querySelectorAll('li')) {
      if (!shown(item)) continue;
      const copy = item.cloneNode(true);
      copy.querySelectorAll('ol, ul, .situation__label').forEach((el) => el.remove());
      const depth = item.parentElement === list ? 0 : 1;
      actions.push([depth, copy.textContent.trim().replace(/\\s+/g, ' ')]);
    }
    for (const ol of [list, ...list.querySelectorAll('ol')]) {
      if (!shown(ol)) continue;
      const items = [...ol.children];
      numbering.push(items.filter(shown).map((li) =>
        li.hasAttribute('value') ? li.value : items.indexOf(li) + 1));
    }
  }
  const toc = [...document.querySelectorAll('.md-nav--secondary a.md-nav__link')]
    .filter(shown).map((a) => a.hash.slice(1));
  const boxes = [...document.querySelectorAll('article .admonition-title')]
    .filter(shown).map((t) => t.textContent.trim());
  return {steps: steps.map((h) => [h.id, h.firstChild.textContent.trim()]), actions, numbering,
          toc, boxes, summary: document.querySelector('[data-situation-summary]').textContent};
}"""


@pytest.mark.parametrize("choice", REGISTRY.possible_choices(), ids=query)
def test_each_situation_shows_exactly_its_steps(guide_in_situation, choice):
    shown = guide_in_situation(query(choice)).evaluate(READ_PATH)
    steps, actions = expected_path(choice)

    assert [step_id for step_id, _ in shown["steps"]] == steps
    assert [title for _, title in shown["steps"]] == [
        f"Step {n}: {STEP_TITLES[step_id]}" for n, step_id in enumerate(steps, 1)]
    assert len(shown["actions"]) == len(actions), shown["actions"]
    for (depth, text), (shown_depth, shown_text) in zip(actions, shown["actions"]):
        assert shown_depth == depth and shown_text.startswith(text), (text, shown_text)
    for numbers in shown["numbering"]:
        assert numbers == list(range(1, len(numbers) + 1))
    hidden_steps = {step_id for step_id, *_ in GUIDE_STEPS} - set(steps)
    assert not hidden_steps & set(shown["toc"])
    assert set(steps) <= set(shown["toc"])
    assert PREREQUISITE_BOXES[choice["mfa"]] in shown["boxes"]
    assert not set(PREREQUISITE_BOXES.values()) - {PREREQUISITE_BOXES[choice["mfa"]]} & set(
        shown["boxes"])
    plural = "step" if len(steps) == 1 else "steps"
    assert shown["summary"] == f"{REGISTRY.summary(choice)}: {len(steps)} {plural}"


def checked(page):
    return {name: page.locator(f"input[name={name}]:checked").get_attribute("value")
            for name in ("mfa", "transfer", "from")}


def url_choice(page):
    return {k: v[0] for k, v in parse_qs(urlsplit(page.url).query).items()}


def test_deep_link_selects_its_radios(new_visit, site_root):
    choice = {"mfa": "sms", "transfer": "phone", "from": "iphone"}
    page = new_visit(site_root).open(f"{GUIDE}?{query(choice)}")
    assert checked(page) == choice
    assert page.locator("[data-situation-summary]").inner_text().startswith(
        "text message or call · transfer from the old iPhone · old iPhone")


def test_choice_follows_into_the_url_and_survives_a_reload(new_visit, site_root):
    visit = new_visit(site_root)
    page = visit.open(GUIDE)
    page.get_by_label("Text message or phone call").check()
    page.get_by_label("Transfer directly from the old iPhone").check()
    assert url_choice(page) == {"mfa": "sms", "transfer": "phone", "from": "iphone"}

    page.goto(site_root + GUIDE)  # no query: the remembered choice comes back
    assert checked(page) == {"mfa": "sms", "transfer": "phone", "from": "iphone"}
    assert url_choice(page) == {"mfa": "sms", "transfer": "phone", "from": "iphone"}
    assert not page.locator("#step-1-before-you-begin").is_hidden()
    assert page.get_by_text("Finish MFA with the text message or call").is_visible()
    assert page.get_by_text("Finish MFA, or passwordless sign-in").is_hidden()


def test_impossible_deep_link_gets_the_nearest_choice_and_a_note(new_visit, site_root):
    page = new_visit(site_root).open(f"{GUIDE}?mfa=app&transfer=icloud&from=android")
    assert checked(page) == {"mfa": "app", "transfer": "none", "from": "android"}
    assert url_choice(page)["transfer"] == "none"
    note = page.locator("[data-situation-note]")
    assert note.is_visible()
    assert "An Android phone has no iCloud backup" in note.inner_text()


def test_impossible_combinations_cannot_be_chosen(new_visit, http_root):
    page = new_visit(http_root).open(f"{GUIDE}?mfa=app&transfer=icloud&from=iphone")
    page.get_by_label("An Android phone").check()
    assert checked(page)["transfer"] == "none"
    assert page.get_by_label("Transfer from iCloud").is_disabled()
    assert page.get_by_label("Transfer directly from the old iPhone").is_disabled()
    assert "An Android phone has no iCloud backup" in page.locator(
        "[data-situation-note]").inner_text()
    page.get_by_label("An iPhone").check()
    assert page.get_by_label("Transfer from iCloud").is_enabled()


HOSTILE = "mfa=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E&transfer=__proto__&from=constructor&x=1"


def test_unknown_and_hostile_query_values_are_ignored(new_visit, site_root):
    visit = new_visit(site_root)
    dialogs = []
    visit.page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page = visit.open(f"{GUIDE}?{HOSTILE}")
    assert checked(page) == REGISTRY.default
    assert dialogs == [] and visit.console_errors == []
    html = page.content()
    assert "onerror" not in html and "__proto__" not in html and "constructor" not in html
    assert page.locator("article img").count() == 0


def test_print_shows_only_the_chosen_path_and_says_for_whom(new_visit, http_root):
    page = new_visit(http_root).open(f"{GUIDE}?mfa=sms&transfer=icloud&from=iphone")
    page.emulate_media(media="print")
    assert page.locator(".situation-picker").is_hidden()
    assert page.locator("[data-situation-print-note]").inner_text() == (
        "This copy is for: text message or call · transfer from iCloud · old iPhone.")
    assert page.get_by_text("Finish MFA, or passwordless sign-in").is_hidden()
    assert page.get_by_text("Finish MFA with the text message or call").is_visible()
    pdf = page.pdf()
    assert pdf.startswith(b"%PDF")


def test_without_javascript_every_section_shows_with_its_label(new_visit, site_root):
    page = new_visit(site_root, java_script_enabled=False).open(GUIDE)
    sections = page.locator("article .situation")
    assert sections.count() >= 20
    for index in range(sections.count()):
        section = sections.nth(index)
        assert section.is_visible()
        assert section.locator(".situation__label").first.inner_text().startswith("Only")
    assert page.locator(".situation-picker").is_hidden()


def test_search_result_in_a_hidden_section_reveals_it(new_visit, site_root):
    visit = new_visit(site_root)
    page = visit.open(f"{GUIDE}?mfa=app&transfer=none&from=android")
    assert page.locator("#step-1-before-you-begin").is_hidden()
    step_1_hit = search_site(page, "Back Up Now").and_(
        page.locator("a[href*='#step-1-before-you-begin']"))
    step_1_hit.wait_for(state="attached")
    if not step_1_hit.is_visible():  # Material folds a page's further sections: "N more"
        page.locator(".md-search-result__more summary").first.click()
    step_1_hit.click()
    heading = page.locator("#step-1-before-you-begin")
    heading.wait_for(state="visible")
    note = page.locator("[data-situation-note]").inner_text()
    assert "not in your chosen steps" in note and "old iPhone" in note


def test_anchor_link_into_a_hidden_section_reveals_and_scrolls_to_it(new_visit, site_root):
    page = new_visit(site_root).open(f"{GUIDE}?from=android#step-1-before-you-begin")
    heading = page.locator("#step-1-before-you-begin")
    assert heading.is_visible()
    page.wait_for_function(
        "el => Math.abs(el.getBoundingClientRect().top) < 200", arg=heading.element_handle())
    note = page.locator("[data-situation-note]").inner_text()
    assert "not in your chosen steps" in note and "old iPhone" in note


def test_hidden_sections_stay_findable_with_find_in_page(new_visit, http_root):
    """hidden="until-found": Chromium's find-in-page and text fragments reveal them."""
    page = new_visit(http_root).open(f"{GUIDE}?mfa=sms&transfer=none&from=iphone")
    restore = page.locator("li.situation", has_text="Begin recovery")
    assert restore.get_attribute("hidden") == "until-found"
    page.goto(f"{http_root}{GUIDE}?mfa=sms&transfer=none&from=iphone#:~:text=Begin%20recovery")
    restore.wait_for(state="visible")
    assert restore.get_attribute("hidden") is None


def test_other_paths_are_hidden_before_the_first_paint(new_visit, http_root):
    """While the page is still being parsed, sections that don't apply are already hidden."""
    visit = new_visit(http_root)
    visit.page.add_init_script("""
      window.seenWhileParsing = [];
      new MutationObserver((records) => {
        if (document.documentElement.classList.contains('situations-ready')) return;
        for (const record of records) for (const node of record.addedNodes) {
          if (node.nodeType === 1 && node.matches('.situation')) {
            seenWhileParsing.push([node.dataset.mfa || '', getComputedStyle(node).display]);
          }
        }
      }).observe(document, {childList: true, subtree: true});
    """)
    page = visit.open(f"{GUIDE}?mfa=sms&transfer=icloud&from=iphone")
    seen = page.evaluate("seenWhileParsing")
    assert any(mfa == "app" for mfa, _ in seen)
    for mfa, display in seen:
        if mfa and "sms" not in mfa.split():
            assert display == "none", (mfa, display)
    shift = page.evaluate("""() => new Promise((done) => new PerformanceObserver((list) =>
        done(list.getEntries().reduce((sum, e) => sum + e.value, 0)))
      .observe({type: 'layout-shift', buffered: true}) || setTimeout(() => done(0), 500))""")
    assert shift == 0


def test_show_every_situation_and_back(new_visit, http_root):
    page = new_visit(http_root).open(f"{GUIDE}?mfa=sms&transfer=none&from=android")
    button = page.get_by_role("button", name="Show every situation")
    button.click()
    assert button.get_attribute("aria-pressed") == "true"
    assert url_choice(page) == {"show": "all"}
    assert page.locator("article .situation[hidden]").count() == 0
    assert page.locator("[data-situation-summary]").inner_text() == "Every situation: 3 steps"
    page.reload()
    assert page.locator("article .situation[hidden]").count() == 0
    page.get_by_label("Text message or phone call").check()
    assert button.get_attribute("aria-pressed") == "false"
    assert page.locator("article .situation[hidden]").count() > 0


def test_keyboard_alone_can_change_the_situation(new_visit, http_root):
    page = new_visit(http_root).open(f"{GUIDE}?mfa=app&transfer=icloud&from=iphone")
    for _ in range(60):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.name") == "mfa":
            break
    assert page.evaluate("document.activeElement.value") == "app"
    page.keyboard.press("ArrowDown")
    assert url_choice(page)["mfa"] == "sms"
    page.keyboard.press("Tab")  # to the transfer fieldset's checked radio
    page.keyboard.press("ArrowDown")
    assert url_choice(page)["transfer"] == "phone"
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")  # past the old-phone fieldset to "Show every situation"
    assert page.evaluate("document.activeElement.textContent") == "Show every situation"
    page.keyboard.press("Space")
    assert page.locator("article .situation[hidden]").count() == 0
    status = page.get_by_role("status")
    assert status.inner_text().endswith("Every situation: 3 steps")


def describe_violations(results):
    return "\n".join(f"- {v['id']}: {v['help']} at "
                     + "; ".join(", ".join(n["target"]) for n in v["nodes"])
                     for v in results.response["violations"])


@pytest.mark.parametrize("situation", [query(c) for c in REGISTRY.possible_choices()]
                         + ["show=all"])
def test_axe_finds_nothing_in_any_situation(guide_in_situation, situation):
    """Only the article changes with the situation; test_browser.py checks the whole page."""
    results = Axe().run(guide_in_situation(situation), context="article", options=WCAG_22_AA)
    assert results.violations_count == 0, describe_violations(results)
