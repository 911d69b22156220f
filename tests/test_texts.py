"""Reader texts per language: the situation words beside their keys (macros/situations.yml), the
site's own words (macros/messages.yml) and the organization profile's texts, each in English and
German, with clear errors where a language is missing and English where a profile leaves one out."""

import re
import string

import pytest
import yaml

from macros.languages import LANGUAGES
from macros.messages import MESSAGES_FILE
from macros.organization import page_html as org_pages
from macros.organization.profile import load
from macros.situations import Registry, SituationError
from macros.situations.guide_index import Guide, guide_list
from macros.situations.outline import outline
from macros.situations.registry import REGISTRY_FILE
from support.project import PROJECT

PROFILES = PROJECT / "profiles"


def texts_in(node, path=""):
    """(path, text) for every per-language text in a data file: a mapping whose keys are
    languages (or should be: any mapping holding 'en')."""
    if isinstance(node, dict):
        if "en" in node:
            yield path, node
            return
        for key, child in node.items():
            yield from texts_in(child, f"{path}.{key}")
    elif isinstance(node, list):
        for number, child in enumerate(node):
            key = child.get("key", number) if isinstance(child, dict) else number
            yield from texts_in(child, f"{path}[{key}]")


def fields(text):
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_every_situation_text_is_given_in_every_language():
    data = yaml.safe_load(REGISTRY_FILE.read_text(encoding="utf-8"))
    found = list(texts_in(data))
    # 3 legends, 8 values with label, only and phrase, 2 reasons.
    assert len(found) == 3 + 8 * 3 + 2
    for path, text in found:
        assert sorted(text) == sorted(LANGUAGES), path
        assert all(isinstance(words, str) and words.strip() for words in text.values()), path
        assert len(set(text.values())) == len(text), \
            f"{path}: the same words in two languages ({text})"


def test_every_message_is_given_in_every_language_with_the_same_fields():
    data = yaml.safe_load(MESSAGES_FILE.read_text(encoding="utf-8"))
    for group in ("browser", "pages"):
        for name, text in data[group].items():
            assert sorted(text) == sorted(LANGUAGES), f"{group}.{name}"
            english = text["en"]
            for language, words in text.items():
                if isinstance(english, dict):
                    assert sorted(words) == ["one", "other"], f"{group}.{name}.{language}"
                    pairs = [(english[form], words[form]) for form in ("one", "other")]
                else:
                    pairs = [(english, words)]
                for source, translated in pairs:
                    assert fields(translated) == fields(source), f"{group}.{name}.{language}"


def test_the_registry_speaks_german_with_the_same_keys_and_rules():
    english, german = Registry.load(), Registry.load(language="de")
    assert [(d.key, [v.key for v in d.values]) for d in german.dimensions] == \
        [(d.key, [v.key for v in d.values]) for d in english.dimensions]
    assert german.possible_choices() == english.possible_choices()
    assert german.dimension("mfa").legend == "Wie nutzen Sie MFA heute?"
    assert german.label({"mfa": ("sms",)}) == "Nur wenn Sie SMS oder Anruf verwenden"
    assert german.label({"mfa": ("app", "sms"), "from": ("iphone",)}) == \
        "Nur für: Authenticator-App oder SMS oder Anruf · altes iPhone"
    assert english.label({"mfa": ("app", "sms"), "from": ("iphone",)}) == \
        "Only for: Authenticator app or text message or call · old iPhone"
    assert german.summary({"mfa": "app", "transfer": "none", "from": "android"}) == \
        "Authenticator-App · keine Übertragung · altes Android-Telefon"
    rule = german.rule_against({"mfa": "app", "transfer": "phone", "from": "android"})
    assert rule.because == "Die direkte Übertragung von Apple funktioniert nur zwischen iPhones."
    # A guide's view keeps the language (its picker and the browser's JSON speak German).
    guide = german.for_guide({"asks": ["from", "mfa"]}).restricted_to({"mfa": ("app", "sms")})
    assert guide.language == "de"
    assert guide.dimension("from").value("android").label == "Ein Android-Telefon"


def test_a_text_missing_a_language_names_where(tmp_path):
    data = yaml.safe_load(REGISTRY_FILE.read_text(encoding="utf-8"))
    del data["dimensions"][1]["values"][2]["only"]["de"]
    broken = tmp_path / "situations.yml"
    broken.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    assert Registry.load(broken).dimension("transfer").value("none").only == \
        "Only if you don't transfer anything"
    with pytest.raises(SituationError) as refused:
        Registry.load(broken, language="de")
    message = str(refused.value)
    assert "situations.yml: dimensions[transfer].values[none].only has no 'de' text" in message
    assert "Hint:" in message and "de: ..." in message


def test_a_guides_own_dimension_may_be_in_one_language_or_per_language():
    own = {"asks": ["screen"], "dimensions": [{
        "key": "screen", "legend": {"en": "Does the screen work?", "de": "Geht der Bildschirm?"},
        "values": [{"key": "works", "label": "Yes", "only": "Only if it works", "phrase": "works"},
                   {"key": "broken", "label": "No", "only": "Only if broken", "phrase": "broken"}]}]}
    german = Registry.load(language="de").for_guide(own)
    assert german.dimension("screen").legend == "Geht der Bildschirm?"
    assert german.dimension("screen").value("works").label == "Yes"


@pytest.fixture(scope="module")
def contoso():
    return load(PROFILES / "contoso.yml", Registry.load())


def test_profile_texts_per_language_fall_back_to_english(tmp_path):
    profile = tmp_path / "org.yml"
    profile.write_text("""name: Example
site_url: https://help.example.com/
support:
  contact_name: Example Desk
  phone: "+49 30 1234567"
  hours:
    en: Weekdays 9 to 5
    de: Werktags 9 bis 17 Uhr
  additional_information:
    en: Only in English.
""", encoding="utf-8")
    loaded = load(profile, Registry.load())
    german = loaded.support_in("de")
    assert german.hours == "Werktags 9 bis 17 Uhr"
    assert german.contact_name == "Example Desk"            # plain text: every language
    assert german.additional_information == "Only in English."  # left out: English
    assert loaded.support.hours == "Weekdays 9 to 5"
    assert loaded.support_in("en").hours == "Weekdays 9 to 5"


def test_support_contacts_in_german(contoso):
    html = str(org_pages.support_contacts(contoso, "de"))
    text = " ".join(re.sub(r"<[^>]+>", "", html).split())
    assert "Wenden Sie sich an Contoso IT-Servicedesk:" in text
    assert "Erreichbar: Montag bis Freitag, 7:00 bis 19:00 Uhr pazifischer Zeit" in text
    assert "Halten Sie Ihren Gerätenamen bereit." in text
    assert "Unternehmensportal-App" in text
    assert "Get in touch" not in text and "Monday" not in text
    english = " ".join(re.sub(r"<[^>]+>", "", str(org_pages.support_contacts(contoso))).split())
    assert "Get in touch with Contoso IT Service Desk:" in english
    assert "Hours: Monday to Friday, 7:00 to 19:00 Pacific Time" in english


def test_company_portal_fields_in_german(contoso):
    html = str(org_pages.company_portal_fields(contoso, "de"))
    assert "<th scope=\"col\">Was Sie eintragen</th>" in html
    assert "<code>Contoso IT-Servicedesk</code>" in html
    assert "Ein Link aus der Tabelle oben" in html
    # Company Portal's own German field names (Microsoft's German Intune documentation)
    assert "<td>Kontaktname</td>" in html and "<td>Zusätzliche Informationen</td>" in html
    assert "<th scope=\"col\">Max. Zeichen</th>" in html and "Contact name" not in html


def test_guide_list_and_anchor_of_a_german_guide():
    registry = Registry.load(language="de").for_guide({"asks": ["mfa", "transfer", "from"]})
    guide = Guide("new-phone.de.md", "de/new-phone.html", "Auf ein neues iPhone",
                  "Beschreibung.", registry)
    assert guide.anchor == "new-phone"
    listed = guide_list([guide], "index.de.md", "de")
    assert "[**Auf ein neues iPhone**](new-phone.de.md)" in listed
    assert "Stellt 3 Fragen zu Ihrer Situation." in listed
    assert "Asks 3 questions about your situation." in guide_list([guide], "index.md")


def test_outline_renumbers_german_step_headings():
    html = """
<h2 class="step" id="a">Schritt 1: Vorbereiten</h2><ol><li>Laden Sie das Telefon.</li></ol>
<div class="situation" data-mfa="app"><h2 class="step" id="b">Schritt 2: App</h2>
<ol><li>Öffnen Sie die App.</li></ol></div>
<h2 class="step" id="c">Schritt 3: Fertig</h2><ol><li>Fertig. Danke.</li></ol>"""
    steps = outline(html, {"mfa": "sms"}, "de")
    assert [step.title for step in steps] == ["Schritt 1: Vorbereiten", "Schritt 2: Fertig"]
    assert steps[1].actions == ("Fertig.",)
    outlined = str(org_pages.outline_html(steps, "de"))
    assert "<p>2 Schritte:</p>" in outlined


def outdated_banner(**globals_):
    """The versioning layer's banner on an older version, rendered alone."""
    import jinja2
    loader = jinja2.DictLoader({
        "main.html": (PROJECT / "versioning" / "theme" / "main.html").read_text(encoding="utf-8"),
        "release-main.html": "{% block outdated %}{% endblock %}",
    })
    env = jinja2.Environment(loader=loader)
    env.filters["url"] = lambda path: path  # MkDocs' filter, for the blocks not rendered here
    env.globals.update(globals_)
    config = {"extra": {"release": {"title": "2.0"}, "version": {"default": "latest"}}}
    template = env.get_template("main.html")
    html = "".join(template.blocks["outdated"](template.new_context(
        {"config": config, "base_url": ".."})))
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def test_the_older_version_banner_speaks_the_builds_language():
    from macros.theme import plugin as theme_texts

    german = jinja_globals(theme_texts, "de")
    assert outdated_banner(**german) == (
        "Sie lesen Version 2.0 dieser Hilfe, nicht die neueste. "
        "Diese Seite in der neuesten Version lesen.")
    assert outdated_banner(**jinja_globals(theme_texts, "en")) == (
        "You are reading version 2.0 of this help, not the latest one. "
        "Read this page in the latest version.")
    # A release made before the site had languages (no site_text): English, as it was.
    assert outdated_banner() == outdated_banner(**jinja_globals(theme_texts, "en"))


def jinja_globals(theme_texts, language):
    """The globals the theme plugin's on_env gives templates in a build of `language`."""
    import jinja2
    from unittest import mock
    env = jinja2.Environment()
    with mock.patch.object(theme_texts.languages, "build_language", lambda config: language):
        theme_texts.ThemePlugin().on_env(env, {}, None)
    return {name: env.globals[name] for name in ("site_text", "reviewed_on")}


def test_an_edited_messages_file_is_read_again(tmp_path):
    """`make serve` keeps one process: a saved messages.yml must show on the next rebuild."""
    from macros.messages import messages
    import os
    edited = tmp_path / "messages.yml"
    edited.write_text("pages:\n  undo: {en: Undo, de: Rückgängig}\n", encoding="utf-8")
    assert messages("pages", "de", edited) == {"undo": "Rückgängig"}
    edited.write_text("pages:\n  undo: {en: Undo, de: Zurücknehmen}\n", encoding="utf-8")
    os.utime(edited, ns=(1, 10**18))  # a later modification time, however fast the disk
    assert messages("pages", "de", edited) == {"undo": "Zurücknehmen"}
