"""The guide's reader scenarios, written once and run in Chromium (Playwright) and WebKit
(Selenium + WebKitGTK): test_situations.py and test_webkit.py call the same functions with a
reader from readers.py.

The expected paths below are the guide's logic stated from the source article, independently of
the Markdown markup: each step section (by heading id), who it is for, and each action and
sub-action in document order with who it is for. A sub-action also needs its parent action.
"""

import json
from urllib.parse import parse_qs, urlsplit

from macros.situations import Registry

GUIDE = "migrate-iphone.html"
REGISTRY = Registry.load()

EVERYONE = {}
# Step 1 is done on the old iPhone before moving data from it in Setup Assistant (an Android
# phone has no iCloud backup; the source skips Step 1 for readers who restore nothing). Its
# first action, Microsoft Authenticator's own backup, needs an old iPhone set up for MFA (the
# source's prerequisite; its FAQ sends a reader whose old phone can't be used for MFA to set up
# MFA on the new phone instead), whatever the transfer: Authenticator restores it itself after
# enrollment (Begin recovery), not Setup Assistant. So a reader with such an old iPhone who moves
# nothing in Setup Assistant still backs Authenticator up first, in a Step 1 of its own.
MOVES_DATA_FROM_OLD_IPHONE = {"from": {"iphone"}, "transfer": {"icloud", "phone"}}
AUTHENTICATOR_BACKUP = {"from": {"iphone"}, "mfa": {"app", "sms"}}
AUTHENTICATOR_BACKUP_ONLY = {**AUTHENTICATOR_BACKUP, "transfer": {"none"}}
AUTHENTICATOR_BACKUP_ACTIONS = [
    "Open Microsoft Authenticator", "Go to Settings", "Optional: you can also sync"]

GUIDE_STEPS = [
    ("step-1-before-you-begin", MOVES_DATA_FROM_OLD_IPHONE, [
        ("Set up recovery in Microsoft Authenticator", {"mfa": {"app", "sms"}},
         AUTHENTICATOR_BACKUP_ACTIONS),
        ("Turn on automatic app downloads", EVERYONE, [
            "On your old phone, go to Settings > App Store", "Go to Automatic Downloads"]),
        ("Turn on iCloud backup", EVERYONE, [
            "On your old phone, go to Settings. Tap your Apple ID", "Turn on iCloud Backup"]),
        ("Review your iCloud backup settings", EVERYONE, [
            "Go back to iCloud", "Make sure the apps you want back"]),
    ]),
    ("step-1-back-up-authenticator", AUTHENTICATOR_BACKUP_ONLY, [
        ("Set up recovery in Microsoft Authenticator", EVERYONE, AUTHENTICATOR_BACKUP_ACTIONS),
    ]),
    ("step-2-power-on-the-new-device", EVERYONE, [
        ("Go through Setup Assistant", EVERYONE, [
            "Turn on the new phone",
            # The old phone stays beside the new one for MFA; without MFA on it, only to transfer.
            ("When you see the Quick Start menu, put your old phone next to the new one. Leave it",
             {"from": {"iphone"}, "mfa": {"app", "sms"}}),
            ("When you see the Quick Start menu, put your old phone next to the new one for the "
             "transfer", {"from": {"iphone"}, "mfa": {"none"}, "transfer": {"phone"}}),
            # The source's choice of how to move the data, skipped when nothing moves.
            ("Pick how to move your data", {"transfer": {"icloud", "phone"}}),
            ("Transfer from iCloud:", {"transfer": {"icloud"}}),
            ("Transfer from the old phone:", {"transfer": {"phone"}}),
            ("When Setup Assistant asks how to move your data, skip", {"transfer": {"none"}})]),
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
        ("Restore your Authenticator backup", AUTHENTICATOR_BACKUP, []),
        ("Turn on phone sign-in. After the restore", AUTHENTICATOR_BACKUP, []),
        # No backup from Android: the work account is set up in Authenticator before anything
        # else there.
        ("Set up Authenticator on this phone", {"mfa": {"app"}, "from": {"android"}}, []),
        ("Optional: turn on phone sign-in", {"mfa": {"sms"}, "from": {"android"}}, []),
        ("Finish setting up MFA on this phone", {"mfa": {"none"}}, []),
    ]),
]
STEP_TITLES = {"step-1-before-you-begin": "Before you begin",
               "step-1-back-up-authenticator": "Back up Authenticator on your old iPhone",
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


# What the reader sees, not what the markup says: rendered (no display: none on the way up, no
# ancestor skipped by content-visibility, as hidden="until-found" does) and with its own content
# rendered (an until-found element keeps its box, with nothing drawn in it).
READ_PATH = """() => {
  const shown = (el) => el.checkVisibility({visibilityProperty: true, opacityProperty: true})
    && getComputedStyle(el).contentVisibility !== 'hidden';
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




def path_cases():
    """(guide page, choice) for every possible situation of every guide with a path table here:
    the one list of cases both engines run."""
    return [(GUIDE, choice) for choice in REGISTRY.possible_choices()]


def case_id(case):
    guide, choice = case
    return f"{guide.removesuffix('.html')}?{query(choice)}"


def assert_path(shown, choice):
    """`shown` (READ_PATH's result) is exactly the path the guide's logic gives for `choice`."""
    steps, actions = expected_path(choice)
    assert [step_id for step_id, _ in shown["steps"]] == steps, "steps shown"
    assert [title for _, title in shown["steps"]] == [
        f"Step {n}: {STEP_TITLES[step_id]}" for n, step_id in enumerate(steps, 1)], "step titles"
    assert len(shown["actions"]) == len(actions), ("actions shown", shown["actions"])
    for (depth, text), (shown_depth, shown_text) in zip(actions, shown["actions"]):
        assert shown_depth == depth and shown_text.startswith(text), (text, shown_text)
    for numbers in shown["numbering"]:
        assert numbers == list(range(1, len(numbers) + 1)), "numbering of the shown actions"
    hidden_steps = {step_id for step_id, *_ in GUIDE_STEPS} - set(steps)
    assert not hidden_steps & set(shown["toc"]), "table of contents lists a hidden step"
    assert set(steps) <= set(shown["toc"]), "table of contents misses a shown step"
    assert PREREQUISITE_BOXES[choice["mfa"]] in shown["boxes"], "the MFA box for this choice"
    assert not set(PREREQUISITE_BOXES.values()) - {PREREQUISITE_BOXES[choice["mfa"]]} & set(
        shown["boxes"]), "an MFA box for another choice"
    assert shown["summary"] == progress_summary(
        REGISTRY.summary(choice), len([text for depth, text in actions if depth == 0])), "summary"


def progress_summary(situation, actions):
    """The picker's summary with nothing ticked yet (issue 16): "<situation>: 0 of N steps done",
    N the actions of the Step sections on the path."""
    return f"{situation}: 0 of {actions} {'step' if actions == 1 else 'steps'} done"


# Every action of the Step sections when every situation shows.
ALL_ACTIONS = sum(len(actions) for _, _, actions in GUIDE_STEPS)


# --- Scenarios: each takes a reader (readers.py) ------------------------------------------------

CHECKED = """(names) => Object.fromEntries(names.map((name) => [name,
  (document.querySelector(`input[name="${name}"]:checked`) || {}).value || null]))"""
SHOWN = """(selector) => [...document.querySelectorAll(selector)].some((el) =>
  el.checkVisibility() && getComputedStyle(el).contentVisibility !== 'hidden')"""
# An action (list item or paragraph) whose own words, without its label and sub-actions, start
# with `text`, rendered for the reader.
SHOWN_TEXT = """(text) => [...document.querySelectorAll('article li, article p')].some((el) => {
  const copy = el.cloneNode(true);
  copy.querySelectorAll('ol, ul, .situation__label').forEach((part) => part.remove());
  return copy.textContent.trim().replace(/\\s+/g, ' ').startsWith(text)
    && el.checkVisibility() && getComputedStyle(el).contentVisibility !== 'hidden';
})"""
TEXT_OF = "(selector) => document.querySelector(selector).textContent"
DIMENSION_KEYS = [dimension.key for dimension in REGISTRY.dimensions]


def checked(reader):
    return reader.run(CHECKED, DIMENSION_KEYS)


def url_choice(url):
    return {k: v[0] for k, v in parse_qs(urlsplit(url).query).items()}


FOLDED_CHANGE = ".progress__change[aria-expanded='false']"


def choose(reader, key, value):
    """Pick an answer; a reader who arrived with a situation first opens the folded picker."""
    if reader.run(SHOWN, FOLDED_CHANGE):
        reader.click(FOLDED_CHANGE)
    reader.click(f"input[name='{key}'][value='{value}']")


def deep_link_selects_its_radios(reader):
    choice = {"mfa": "sms", "transfer": "phone", "from": "iphone"}
    reader.open(f"{GUIDE}?{query(choice)}")
    assert checked(reader) == choice, "the deep link's situation is not the one selected"
    assert reader.run(TEXT_OF, "[data-situation-summary]").startswith(
        "text message or call · transfer from the old iPhone · old iPhone")
    assert_path(reader.run(READ_PATH), choice)


def choice_follows_into_the_url_and_survives_a_reload(reader):
    """Radios → URL; then the same page without a query brings the remembered choice back."""
    reader.open(GUIDE)
    reader.run("() => localStorage.clear()")
    reader.open(GUIDE)
    choose(reader, "mfa", "sms")
    choose(reader, "transfer", "phone")
    choice = {"mfa": "sms", "transfer": "phone", "from": "iphone"}
    assert url_choice(reader.url) == choice, "the chosen radios are not in the address"
    reader.open(GUIDE)  # no query: the remembered choice comes back
    assert checked(reader) == choice, "the choice was not remembered"
    assert url_choice(reader.url) == choice
    assert reader.run(SHOWN, "#step-1-before-you-begin")
    assert reader.run(SHOWN_TEXT, "Finish MFA with the text message or call")
    assert not reader.run(SHOWN_TEXT, "Finish MFA, or passwordless sign-in")
    reader.reload()
    assert checked(reader) == choice, "a reload lost the choice"


def choice_is_remembered_across_pages(reader, guides):
    """A choice made in one guide is what every other guide (and a later visit) starts with."""
    reader.open(GUIDE)
    reader.run("() => localStorage.clear()")
    reader.open(f"{GUIDE}?mfa=none&transfer=icloud&from=iphone")
    choose(reader, "from", "android")  # the registry turns the transfer into "none"
    expected = {"mfa": "none", "transfer": "none", "from": "android"}
    reader.open("index.html")
    for guide in guides:
        reader.open(guide)
        shown = checked(reader)
        asked = {key: value for key, value in shown.items() if value is not None}
        assert asked == {key: expected[key] for key in asked}, (guide, asked)


SEARCH_FIELD = "input[data-md-component=search-query]"
SEARCH_READY = """() => [...document.querySelectorAll('.md-search-result__meta')]
  .some((meta) => meta.textContent.includes('Type to start searching'))"""
SEARCH_HIT = """(href) => [...document.querySelectorAll('.md-search-result__item a')]
  .map((a) => a.href).find((url) => url.includes(href)) || null"""


def search(reader, words):
    """Type into Material's search as a reader would, once it says it is ready."""
    reader.click(SEARCH_FIELD)
    reader.wait(SEARCH_READY, timeout=30)
    reader.type(SEARCH_FIELD, words)


def search_finds(reader, page, words, href):
    reader.open(page)
    search(reader, words)
    reader.wait(SEARCH_HIT, href, timeout=30)
    return reader.run(SEARCH_HIT, href)


def search_result_reveals_a_hidden_part(reader):
    reader.open(f"{GUIDE}?mfa=app&transfer=none&from=android")
    assert not reader.run(SHOWN, "#step-1-before-you-begin"), "step 1 is not for this reader"
    search(reader, "Back Up Now")
    hit = ".md-search-result__item a[href*='#step-1-before-you-begin']"
    reader.wait(SEARCH_HIT, "#step-1-before-you-begin", timeout=30)
    if not reader.run(SHOWN, hit):  # Material folds a page's further sections: "N more"
        # (the fold of the guide's own result: other guides have hits for these words too)
        reader.click(".md-search-result__item:has(a[href*='#step-1-before-you-begin'])"
                     " .md-search-result__more summary")
    reader.click(hit)
    reader.wait(SHOWN, "#step-1-before-you-begin")
    note = reader.run(TEXT_OF, "[data-situation-note]")
    assert "not in your chosen steps" in note and "old iPhone" in note, note


# Without JavaScript: every section shows, each saying whom it is for; no picker (it needs JS).
NO_SCRIPT_VIEW = """() => {
  const shown = (el) => el.checkVisibility() && getComputedStyle(el).contentVisibility !== 'hidden';
  return {sections: [...document.querySelectorAll('article .situation')].map((section) =>
            [shown(section), (section.querySelector('.situation__label') || {}).textContent || '']),
          picker: shown(document.querySelector('.situation-picker'))};
}"""


def without_javascript_every_section_shows_with_its_label(reader):
    reader.open(GUIDE)
    view = reader.run(NO_SCRIPT_VIEW)
    assert len(view["sections"]) >= 20, "the guide's conditional sections"
    hidden = [label for visible, label in view["sections"] if not visible]
    assert hidden == [], "without JavaScript these parts are hidden: " + "; ".join(hidden)
    unlabelled = [label for _, label in view["sections"] if not label.startswith("Only")]
    assert unlabelled == [], "a conditional part without its 'Only …' label"
    assert not view["picker"], "the picker shows, but cannot work without JavaScript"


FOCUSED = """() => {
  const el = document.activeElement;
  return {tag: el.tagName, name: el.name || '', value: el.value || '',
          text: (el.textContent || '').trim().slice(0, 40)};
}"""


def tab_until(reader, wanted, presses=60):
    """Press Tab until `wanted(focused)` holds; the focus path, for a failure message."""
    path = []
    for _ in range(presses):
        reader.press("Tab")
        focused = reader.run(FOCUSED)
        path.append(focused["name"] or focused["text"] or focused["tag"])
        if wanted(focused):
            return path
    raise AssertionError(f"{presses} presses of Tab never got there: " + " → ".join(path))


def keyboard_alone_can_change_the_situation(reader):
    """From the top of the page: "Skip to content", then Tab to the picker's radios (the route
    that works in both engines, see test_webkit.py on Tab from the search field)."""
    reader.open(f"{GUIDE}?mfa=app&transfer=icloud&from=iphone")
    tab_until(reader, lambda focused: focused["text"] == "Skip to content", presses=3)
    reader.press("Enter")
    # The reader arrived with a situation: the picker is folded behind "Change" (issue 16).
    tab_until(reader, lambda focused: focused["text"] == "Change")
    reader.press("Enter")
    tab_until(reader, lambda focused: focused["name"] == "mfa")
    assert reader.run(FOCUSED)["value"] == "app", "the checked radio takes the focus"
    reader.press("ArrowDown")
    assert url_choice(reader.url)["mfa"] == "sms", "an arrow key changes the MFA answer"
    reader.press("Tab")  # to the transfer question's checked radio
    reader.press("ArrowDown")
    assert url_choice(reader.url)["transfer"] == "phone"
    assert reader.run(SHOWN_TEXT, "Finish MFA with the text message or call")


BEGIN_RECOVERY = """() => {
  const item = [...document.querySelectorAll('li.situation')]
    .find((li) => li.textContent.includes('Begin recovery'));
  return {hidden: item.getAttribute('hidden'),
          shown: item.checkVisibility() && getComputedStyle(item).contentVisibility !== 'hidden'};
}"""


def text_fragment_reveals_a_hidden_part(reader):
    """hidden="until-found": a link to words in a hidden part (a text fragment, as find-in-page
    does) reveals it."""
    situation = f"{GUIDE}?mfa=sms&transfer=none&from=android"
    reader.open(situation)
    assert reader.run(BEGIN_RECOVERY) == {"hidden": "until-found", "shown": False}
    reader.open("index.html")  # then a fresh load of the guide, as from a shared link
    reader.open(situation + "#:~:text=Begin%20recovery")
    reader.wait(f"() => ({BEGIN_RECOVERY})().shown")
    assert reader.run(BEGIN_RECOVERY)["hidden"] is None


TRANSFER_ANSWERS = """() => Object.fromEntries([...document.querySelectorAll('input[name=transfer]')]
  .map((radio) => [radio.value, {disabled: radio.disabled,
                                 colour: getComputedStyle(radio.closest('label')).color}]))"""


def impossible_answers_are_greyed_out(reader):
    """An Android phone has no iCloud backup and can't transfer to an iPhone: those answers are
    disabled, and their labels look it (label:has(input:disabled) in situations.css)."""
    reader.open(f"{GUIDE}?mfa=app&transfer=icloud&from=iphone")
    choose(reader, "from", "android")
    assert checked(reader)["transfer"] == "none"
    answers = reader.run(TRANSFER_ANSWERS)
    assert [value for value, answer in answers.items() if answer["disabled"]] == [
        "icloud", "phone"]
    assert answers["icloud"]["colour"] == answers["phone"]["colour"] != answers["none"]["colour"], (
        "disabled answers look the same as the one that can be chosen")


# The "done" boxes a reader can see (issue 16), with their names and whether they are ticked.
READ_BOXES = """() => [...document.querySelectorAll('article input[type=checkbox]')]
  .filter((box) => box.checkVisibility())
  .map((box) => [box.getAttribute('aria-label'), box.checked])"""


def ticks_survive_a_reload(reader):
    """Tick two actions, reload: the same two are ticked and the summary counts them."""
    choice = {"mfa": "sms", "transfer": "icloud", "from": "iphone"}
    reader.open(GUIDE)
    reader.run("() => localStorage.clear()")
    reader.open(f"{GUIDE}?{query(choice)}")
    names = [name for name, _ in reader.run(READ_BOXES)]
    ticked = [names[0], names[3]]
    for name in ticked:
        label = json.dumps(name, ensure_ascii=False)  # a quoted CSS string
        reader.click(f"article input[type=checkbox][aria-label={label}]")
    assert [name for name, box_ticked in reader.run(READ_BOXES) if box_ticked] == ticked
    reader.reload()
    assert [name for name, box_ticked in reader.run(READ_BOXES) if box_ticked] == ticked, (
        "a reload lost the ticks")
    total = len([text for depth, text in expected_path(choice)[1] if depth == 0])
    assert reader.run(TEXT_OF, "[data-situation-summary]") == (
        f"{REGISTRY.summary(choice)}: 2 of {total} steps done")
