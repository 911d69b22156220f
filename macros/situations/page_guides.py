"""Which questions the page being built asks: its guide declaration, checked once per page.

A guide declares its questions in its front matter (`situations: {asks: [...]}`, see
situations.GUIDE_FIELD). For each page that does, `PageGuides` keeps three views of the registry:

- `known`: every site-wide dimension plus the guide's own, so a misspelled key gets the usual
  "unknown situation dimension" message;
- `guide`: only what the guide asks, in its order, with its default;
- `shown`: that, narrowed to the organization's values (what the picker offers and the
  browser gets as `page.meta.situation_registry`).

All three speak the language of the site being built (macros/languages.py: the interface's,
the same as Material's around them); the browser's registry carries the words of situations.js
and progress.js in that language too (`texts`, from macros/messages.yml).
"""

import re
from dataclasses import dataclass

from mkdocs.exceptions import PluginError

from macros.languages import translation_suffix
from macros.messages import messages
from macros.situations.registry import GUIDE_FIELD, AnyOf, Registry, SituationError
from macros.yaml_places import front_matter_line, key_path

THEME_KEY = "situation_registry"
# On a page with any=[...] conditions: every situation's token (Registry.token), for the rules
# that hide those parts before the first paint (overrides/main.html).
TOKENS_KEY = "situation_tokens"
DECLARE_HINT = ("Hint: list the questions the page asks in its front matter, e.g. "
                "`situations: {asks: [mfa, transfer, from]}` (keys from macros/situations.yml); "
                "see 'Questions per guide' in the writing guide.")

# What to do about a mistake in one part of the declaration.
FIELD_HINTS = {
    "dimensions": ("Hint: a question of the guide's own has a `key`, a `legend` and two or more "
                   "`values`, each with `key`, `label`, `only` and `phrase`; each text is plain "
                   "or per language, `legend: {en: 'Who owns the iPhone?', de: 'Wem gehört das "
                   "iPhone?'}` (quotes around a text with `?`, `,` or `:`); `asked_if: {owner: employee}` asks it only after that answer."),
    "impossible": ("Hint: each combination nobody can be in has `when` (the answers that can't "
                   "go together), `because` (why, as readers see it, plain or per language) and "
                   "`instead` (the answer that gives way), e.g. `{when: {owner: organization, "
                   "protect: apps}, because: ..., instead: {protect: device}}`."),
    "default": ("Hint: `default` gives a value to some of the questions the guide asks, e.g. "
                "`default: {from: iphone}`, and must be a situation that can happen."),
}


@dataclass(frozen=True)
class PageGuide:
    known: Registry
    guide: Registry
    shown: Registry

    def asked(self, condition):
        return self.guide.require_asked(condition, self.guide)


class PageGuides:
    def __init__(self, whole_by_language, profile, language_of):
        self.whole_by_language = whole_by_language  # {language: the whole Registry in it}
        self.profile = profile
        self.language_of = language_of  # page -> the language its guide speaks
        self.cache = {}

    def key(self, page):
        return page.file.src_uri, self.language_of(page)

    def whole(self, page):
        return self.whole_by_language[self.language_of(page)]

    def of(self, page):
        """The page's guide; a page that declares no questions can have no conditions."""
        guide = self.cache.get(self.key(page)) or self.build(page)
        if guide is None:
            raise SituationError("this page has conditional sections but asks no questions. "
                                 + DECLARE_HINT)
        return guide

    def condition(self, page, values_by_dimension):
        """Macro arguments checked against every dimension the page knows (so a misspelling
        is reported as such first), then against the questions its guide asks and the
        situations it allows, then narrowed to the organization's values (None: left out; {}:
        for everyone)."""
        guide = self.cache.get(self.key(page)) or self.build(page)
        known = guide.known if guide else self.whole(page)
        condition = known.condition(**values_by_dimension)
        guide = self.of(page)
        guide.asked(condition)
        if not guide.guide.matching(condition):
            raise SituationError(
                f"this condition holds in no situation the guide allows: "
                f"{guide.guide.why_never(condition)} Hint: a reader can't be in it, so nobody "
                "would see this part; check its values against the guide's impossible "
                "combinations and its questions asked only if (`asked_if`).")
        narrowed = guide.shown.narrow(condition)
        if isinstance(narrowed, AnyOf):
            # The theme hides such parts before the first paint by the situation's token.
            page.meta[TOKENS_KEY] = [guide.shown.token(choice)
                                     for choice in guide.shown.possible_choices()]
        return narrowed

    def build(self, page):
        declared = page.meta.get(GUIDE_FIELD)
        if declared is None:
            return None
        whole = self.whole(page)
        # A translated page needs its own language's words; a page shown untranslated may
        # use English ones.
        fall_back = translation_suffix(page.file.src_uri) is None
        known = whole.with_own_dimensions(declared, fall_back)
        guide = whole.for_guide(declared, fall_back)
        shown = guide.restricted_to(self.profile.allowed, self.profile.default)
        self.cache[self.key(page)] = PageGuide(known, guide, shown)
        return self.cache[self.key(page)]

    def prepare(self, page):
        """Check the page's declaration (file:line on a mistake) and give the theme its
        registry; pages without one get none."""
        self.cache.pop(self.key(page), None)  # `mkdocs serve` rebuilds: read it again
        try:
            guide = self.build(page)
        except SituationError as error:
            where = (f"{key_path((GUIDE_FIELD, *error.path))}: " if error.path else "")
            hint = "" if "Hint:" in str(error) else " " + FIELD_HINTS.get(
                (error.path or ("asks",))[0], DECLARE_HINT)
            raise PluginError(f"{page.file.src_uri}:{declaration_line(page, error)}: "
                              f"{where}{error}{hint}") from None
        if guide is not None:
            page.meta[THEME_KEY] = {
                **guide.shown.as_json(),
                # A deep link may ask for a value of the guide that this organization leaves
                # out: the page says so (situations.js), naming it as the picker would.
                "organization": self.profile.name,
                # Every word situations.js and progress.js show, in the page's language.
                "texts": messages("browser", guide.shown.language),
                "not_offered": {d.key: {v.key: v.label for v in d.values
                                        if v not in guide.shown.dimension(d.key).values}
                                for d in guide.guide.dimensions},
            }


def declaration_line(page, error):
    """The front matter line of the field the error is about (its `path`); else the line that
    names what the error quotes, else the `situations:` line."""
    if error.path:
        return front_matter_line(page.file.content_string, (GUIDE_FIELD, *error.path))
    lines = page.file.content_string.splitlines()
    quoted = re.findall(r"'([^']+)'", str(error))
    start = next((n for n, line in enumerate(lines[:200], 1)
                  if re.match(rf"{GUIDE_FIELD}\s*:", line)), 1)
    for number in range(start, len(lines) + 1):
        text = lines[number - 1]
        if number > 1 and text.strip() in ("---", "..."):
            break
        if quoted and re.search(rf"\b{re.escape(quoted[0])}\b", text):
            return number
    return start
