"""The content checks themselves (support/expected.py, support/guide_checks.py): a mistake in a
guide or in its expected file fails with the file and line to change and a hint, like a build
error. Tried on the reader-site scenario site's guide with what a reader would see, written out
here (the browser runs are tests/test_situations.py and tests/test_content_guides.py)."""

import shutil

import pytest

from support import expected, guide_checks
from support.content import guides
from support.project import PROJECT, SITES

SITE = SITES / "reader-site" / "docs"
GUIDE = "new-phone.md"
REGISTRY = guides(SITE)[GUIDE]
EXPECTED_FILE = "tests/sites/reader-site/docs/new-phone.expected.yml"
SMS_NOTHING_MOVED = {"mfa": "sms", "transfer": "none", "from": "android"}


def line_of(path, text):
    lines = (PROJECT / path).read_text(encoding="utf-8").splitlines()
    return next(number for number, line in enumerate(lines, 1) if text in line)


def shown_path(steps, boxes=(), blocks=()):
    """What a reader sees, as seen.READ_GUIDE returns it: steps as (id, title, [action, ...]),
    an action being its words, or (its words, [the steps inside it])."""
    def items(actions):
        for number, action in enumerate(actions, 1):
            words, inner = (action, []) if isinstance(action, str) else action
            yield [number, words, 0]
            yield from ([n, w, 1] for n, w in enumerate(inner, 1))

    actions = sum(len(actions) for *_, actions in steps)
    return {
        "steps": [{"id": step_id, "title": title, "actions": list(items(step_actions))}
                  for step_id, title, step_actions in steps],
        "stray": [], "labels": [], "numbering": [], "parts": [], "ticks": actions,
        "boxes": [[title, title] for title in boxes], "blocks": list(blocks),
        "summary": f"…: 0 of {actions} steps done",
    }


# What a reader with SMS, moving nothing from an Android phone, sees (the expected file's path).
STEP_2 = ("step-2-start-the-new-phone", "Step 1: Start the new phone", [
    ("Start the new phone:", ["Switch it on and choose a language.",
                              "Choose how your data moves:"]),
    ("Sign in to a work app:", ["Open a work app and sign in with your work account.",
                                "Finish MFA with the text message or call."])])
STEP_3 = ("step-3-enroll-the-phone", "Step 2: Enroll the phone",
          ["Install Company Portal from the App Store.",
           "Install the mobile device management (MDM) profile from Company Portal.",
           "Sync your phone.", "Check compliance in Company Portal.",
           "Optional: add phone sign-in."])
BOXES = ["Either phone can take the text"]


@pytest.fixture(scope="module")
def wanted():
    return expected.load(SITE, GUIDE, REGISTRY, PROJECT)


def test_the_path_the_file_gives_passes(wanted):
    assert wanted.problems(shown_path([STEP_2, STEP_3], BOXES), SMS_NOTHING_MOVED,
                           "new-phone.html") == []


def test_a_step_its_readers_dont_see_is_named_at_its_line_in_the_file(wanted):
    problems = wanted.problems(shown_path([STEP_3], BOXES), SMS_NOTHING_MOVED, "new-phone.html")
    line = line_of(EXPECTED_FILE, "id: step-2-start-the-new-phone")
    assert problems == [
        f"{EXPECTED_FILE}:{line}: readers of "
        "new-phone.html?mfa=sms&transfer=none&from=android don't see Step 'Start the new phone' "
        f"(tests/sites/reader-site/docs/new-phone.md:{line_of(SITE / GUIDE, '{ #step-2-start')}),"
        " though this file says it is for them. Hint: if it is not for them, change its `for:` "
        "here; if it is, check the situation(...) around the step."]


def test_an_action_shown_to_readers_it_is_not_for_is_named_in_the_guide(wanted):
    step_3 = (*STEP_3[:2], [*STEP_3[2], "Finish setting up MFA on this phone."])
    problems = wanted.problems(shown_path([STEP_2, step_3], BOXES), SMS_NOTHING_MOVED,
                               "new-phone.html")
    guide_line = line_of(SITE / GUIDE, "Finish setting up MFA on this phone.")
    assert problems == [
        f"tests/sites/reader-site/docs/new-phone.md:{guide_line}: in 'Step 2: Enroll the phone', "
        "readers of new-phone.html?mfa=sms&transfer=none&from=android see 'Finish setting up MFA "
        f"on this phone.', which {EXPECTED_FILE} doesn't expect for them. Hint: give it the "
        "only(...) of its readers, or list it in the expected file (with its `for:`)."]


def test_a_box_for_other_readers_and_words_not_for_them_are_named(wanted):
    blocks = [["li", "", "Choose how your data moves: Transfer from iCloud"]]
    boxes = BOXES + ["Register the new phone for MFA"]
    problems = wanted.problems(shown_path([STEP_2, STEP_3], boxes, blocks), SMS_NOTHING_MOVED,
                               "new-phone.html")
    assert len(problems) == 2
    assert problems[0].startswith("tests/sites/reader-site/docs/includes/sign-in-method.md:")
    assert "see the box 'Register the new phone for MFA'" in problems[0]
    assert f"{EXPECTED_FILE}:{line_of(EXPECTED_FILE, 'text: iCloud')}" in problems[1]
    assert "Hint:" in problems[1]


@pytest.mark.parametrize("mistake, says", [
    ("for: {transfer: [icloud, phone]}", "the guide doesn't ask 'moves' (it asks mfa, "
     "transfer, from)"),
    ("for: {mfa: app}", "'ap' is not an answer to 'mfa' (did you mean 'app'?); its answers are "
     "app, sms, none"),
])
def test_a_mistake_in_the_expected_file_names_its_line(tmp_path, mistake, says):
    docs = tmp_path / "docs"
    shutil.copytree(SITE, docs)
    path = docs / "new-phone.expected.yml"
    text = path.read_text(encoding="utf-8")
    wrong = mistake.replace("transfer:", "moves:").replace("app}", "ap}")
    assert mistake in text
    path.write_text(text.replace(mistake, wrong, 1), encoding="utf-8")
    with pytest.raises(expected.ExpectedError) as error:
        expected.load(docs, GUIDE, REGISTRY, tmp_path)
    line = line_of(path, wrong)
    assert str(error.value).startswith(f"docs/new-phone.expected.yml:{line}: {says}. Hint: ")


def test_an_empty_step_and_a_gap_in_the_numbers_are_named_in_the_guide():
    shown = shown_path([STEP_2, (*STEP_3[:2], [])])
    shown["numbering"] = [["step-2-start-the-new-phone", [1, 2]],
                          ["step-3-enroll-the-phone", [1, 3]]]
    shown["summary"] = "…: 0 of 2 steps done"
    problems = guide_checks.problems(guide_checks.Guide(SITE, GUIDE, PROJECT), shown,
                                     "mfa=sms&transfer=none&from=android")
    heading = line_of(SITE / GUIDE, "{ #step-3-enroll-the-phone")
    assert problems == [
        f"tests/sites/reader-site/docs/new-phone.md:{heading}: readers of new-phone.html?mfa=sms"
        "&transfer=none&from=android see 'Step 2: Enroll the phone' with no action under it. "
        "Hint: put the heading inside the situation(...) of its actions, or add an action for "
        "these readers.",
        f"tests/sites/reader-site/docs/new-phone.md:{heading}: readers of new-phone.html?mfa=sms"
        "&transfer=none&from=android see a numbered list of this Step counting 1, 3. Hint: keep "
        "a list's items together: a blank line, a box or a paragraph between two items starts a "
        "new list."]


def test_the_steps_inside_an_action_are_for_the_actions_readers_only(tmp_path):
    """A step listed inside an action with a `for:` is expected only where the action is (a
    reader without the action doesn't miss its steps), and its own `for:` narrows that."""
    (tmp_path / "guide.expected.yml").write_text(
        "steps:\n"
        "  - id: step-1-restore\n"
        "    title: Restore\n"
        "    actions:\n"
        "      - Open a work app.\n"
        "      - text: Restore the backup.\n"
        "        for: {mfa: [app, sms]}\n"
        "        steps: [Tap Begin recovery., {text: Keep the text., for: {mfa: sms}}]\n",
        encoding="utf-8")
    wanted = expected.load(tmp_path, "guide.md", REGISTRY, tmp_path)
    step = ("step-1-restore", "Step 1: Restore", ["Open a work app."])
    with_backup = (*step[:2], [*step[2], ("Restore the backup.", ["Tap Begin recovery."])])
    for shown, mfa in [(step, "none"), (with_backup, "app")]:
        choice = {"mfa": mfa, "transfer": "none", "from": "iphone"}
        assert wanted.problems(shown_path([shown]), choice, "guide.html") == [], mfa


@pytest.mark.parametrize("steps, summary, sound", [
    ([], "text message or call · no transfer · old Android phone", True),
    ([], "text message or call · no transfer · old Android phone: 0 of 0 steps done", False),
    ([STEP_3], "text message or call · no transfer · old Android phone", False),
])
def test_a_situation_without_steps_shows_the_situation_alone(steps, summary, sound):
    """A guide may have nothing for a reader (it says it isn't for them): the summary then names
    the situation without counting steps; where there are steps, it counts them."""
    shown = {**shown_path(steps), "summary": summary}
    problems = guide_checks.problems(guide_checks.Guide(SITE, GUIDE, PROJECT), shown,
                                     "mfa=sms&transfer=none&from=android")
    assert (problems == []) == sound, problems
