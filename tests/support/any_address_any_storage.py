"""A guide that survives any address and any storage: reader scenarios written once and run in
Chromium (test_any_address_any_storage.py) and WebKit (test_webkit_any_address_any_storage.py),
each with a reader from readers.py, on the reader site (tests/sites/reader-site).

- A malformed #hash (not valid percent-encoding) is ignored: the picker and the ticks still work.
- With storage blocked, search and Material's colour switch work, and the reader is told once,
  at their first tick, that ticks won't be kept.
- Stored values of the wrong shape (damaged, or written by something else) are repaired: the
  reader's next answers and ticks are remembered again.
"""

import json

from support.scenarios import (GUIDE, READ_BOXES, SEARCH_HIT, SHOWN, TEXT_OF, checked, choose,
                               query, search, url_choice)

SITUATION = {"mfa": "app", "transfer": "icloud", "from": "iphone"}
MALFORMED_HASHES = ["#100%", "#%E0%A4%A", "#step-2-start-the-new-phone%"]
SUMMARY = "[data-situation-summary]"
NOTE = ".progress__note"
NOT_KEPT = {"en": "your ticks will be gone when you leave this page",
            "de": "Ihre Häkchen weg, sobald Sie die Seite verlassen"}
PALETTE_SWITCH = "[data-md-component=palette] label:not([hidden])"
SCHEME = "() => document.body.getAttribute('data-md-color-scheme')"
SITUATION_KEY = "work-phone-help.situation"
# Stored values of every wrong shape: damaged JSON, another type, a list where an object goes.
WRONG_SITUATIONS = ['{"choice": []}', "[]", '"sms"', "5", "null", '{"choice": "sms", "all": "yes"}',
                    "{not json", '{"choice": {"mfa": ["sms"], "from": {"x": 1}}}']
WRONG_TICKS = ['{"a": 1}', '"tick"', "{not json", "[1, null, {}]"]


def boxes(reader):
    return reader.run(READ_BOXES)


def tick(reader, number):
    name = boxes(reader)[number][0]
    reader.click(f"article input[type=checkbox][aria-label={json.dumps(name, ensure_ascii=False)}]")
    return name


def ticked(reader):
    return [name for name, box_ticked in boxes(reader) if box_ticked]


def malformed_hash_is_ignored(reader, hash_):
    """The address ends in a #hash that is not valid percent-encoding: choosing an answer and
    ticking an action work as without it."""
    reader.open("index.html")
    reader.run("() => localStorage.clear()")  # no ticks from an earlier visit
    reader.open(f"{GUIDE}?{query(SITUATION)}{hash_}")
    assert checked(reader) == SITUATION
    choose(reader, "mfa", "sms")
    assert url_choice(reader.url)["mfa"] == "sms", "choosing an answer did nothing"
    assert reader.run(TEXT_OF, SUMMARY).startswith("text message or call"), "the summary"
    name = tick(reader, 0)
    assert ticked(reader) == [name]
    assert ": 1 of " in reader.run(TEXT_OF, SUMMARY), "the count of ticked steps"


def search_and_colour_switch_work_with_storage_blocked(reader):
    reader.open("index.html")
    search(reader, "Company Portal")
    reader.wait(SEARCH_HIT, GUIDE, timeout=30)
    reader.open(f"{GUIDE}?{query(SITUATION)}")
    assert reader.run(SHOWN, PALETTE_SWITCH), "Material's colour switch is missing"
    scheme = reader.run(SCHEME)
    reader.click(PALETTE_SWITCH)
    reader.wait(f"() => ({SCHEME})() !== {json.dumps(scheme)}")


def reader_is_told_once_that_ticks_are_not_kept(reader, language_folder="", language="en"):
    reader.open(f"{language_folder}{GUIDE}?{query(SITUATION)}")
    assert reader.run(TEXT_OF, NOTE) == "", "told before ticking anything"
    first = tick(reader, 0)
    note = reader.run(TEXT_OF, NOTE)
    assert NOT_KEPT[language] in note, note
    second = tick(reader, 1)
    assert reader.run(TEXT_OF, NOTE) == "", "told again at the second tick"
    assert ticked(reader) == [first, second], "ticking still works for the open page"
    choose(reader, "transfer", "phone")
    assert url_choice(reader.url)["transfer"] == "phone", "the picker still works"


def stored(reader, key):
    return reader.run("(key) => localStorage.getItem(key)", key)


def wrong_shapes_are_repaired(reader, situation_value, ticks_value):
    """Storage holds values this site never wrote, also in Material's colour setting: the guide
    opens with its default, and the reader's next answer and tick are remembered again."""
    reader.open("index.html")
    progress_key = reader.run(
        "() => 'work-phone-help.progress:' + new URL('" + GUIDE + "', location.href).pathname"
        ".slice(new URL('.', location.href).pathname.length)")
    reader.run("""([situationKey, situation, progressKey, ticks]) => {
      localStorage.clear();
      localStorage.setItem(situationKey, situation);
      localStorage.setItem(progressKey, ticks);
      localStorage.setItem(__md_scope.pathname + '.__palette', '{not json');
    }""", [SITUATION_KEY, situation_value, progress_key, ticks_value])
    reader.open(GUIDE)
    assert reader.run(SHOWN, PALETTE_SWITCH), "Material's colour switch is missing"
    assert ticked(reader) == []
    choose(reader, "mfa", "sms")
    name = tick(reader, 0)

    reader.open(GUIDE)  # no query: what is remembered comes back
    assert checked(reader)["mfa"] == "sms", f"the answer was not remembered over {situation_value}"
    assert ticked(reader) == [name], f"the tick was not remembered over {ticks_value}"
    repaired = json.loads(stored(reader, SITUATION_KEY))
    assert isinstance(repaired["choice"], dict) and repaired["choice"]["mfa"] == "sms", repaired
    ids = json.loads(stored(reader, progress_key))
    assert isinstance(ids, list) and len(ids) == 1 and isinstance(ids[0], str), ids
