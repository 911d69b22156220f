"""A page not yet translated has its macros rendered once, in the source language's build.

static-i18n builds English first, then German inside English's on_post_build (ARCHITECTURE.md),
and shows a page that has no German translation (a *fallback* page) in English there too, with
a note. Its Markdown is the English page's, but the macros write some words in the language of
the site being built: the situation picker, the labels of conditional sections and steps
("Only if you use …" / "Nur wenn Sie … verwenden"). Everything else they write reads the same in
every language's build (the organization's macros write in the page's own language).

So the English build keeps, per page, what mkdocs-macros made of its Markdown and every text a
macro *said* in the build's language together with how to say it in another (`SpokenTexts`);
the German build gives a fallback page that Markdown with those texts said in German, instead
of rendering the page's Jinja again (the Markdown then converts through the render cache as any
page's does). Only a page whose template can't read anything else that differs between the two
builds is reused: it names no variable or macro but the ones listed as the same in every
language (`SAME_IN_EVERY_LANGUAGE` in macros/__init__.py) and the spoken ones, uses no filter of
the site's and includes no other template; every text said in English is found in its output;
and its render changed no page metadata but the listed keys. Any other page is rendered again,
as before. The German site's HTML is the same either way (tests/test_fallback_pages.py).
"""

from contextlib import contextmanager
from dataclasses import dataclass

from jinja2 import nodes
from jinja2.filters import FILTERS

from macros import languages

# Names every Jinja template may use whatever the site (its default globals such as `range`).
JINJA_GLOBALS = {"range", "dict", "lipsum", "cycler", "joiner", "namespace"}
# Tags that bring in another template, whose names the page's own don't show.
OTHER_TEMPLATES = (nodes.Include, nodes.Import, nodes.FromImport, nodes.Extends)


def template_facts(ast):
    """What decides whether a page's render can be reused in another language: the names it
    reads that it doesn't set itself (macros, variables: Jinja's own `find_undeclared_variables`
    leaves out the environment's globals, which are the macros), the filters it uses, whether it
    pulls in another template."""
    names = list(ast.find_all(nodes.Name))
    own = {name.name for name in names if name.ctx in ("store", "param")}
    return (tuple(sorted({name.name for name in names} - own)),
            tuple(sorted({node.name for node in ast.find_all(nodes.Filter)})),
            any(True for _ in ast.find_all(OTHER_TEMPLATES)))


class SpokenTexts:
    """The texts macros write in the build's language, kept while a page renders.

    `say(words, page)` returns `words(voice(page))` — `voice` gives the page's words in the
    build's language (for the situation macros, its guide's registry) — and, while recording,
    keeps that text with `words`, to say it again in another language's build."""

    def __init__(self, voice, same_in_every_language, spoken_macros, neutral_meta):
        self.voice = voice
        self.same_in_every_language = set(same_in_every_language)
        self.spoken_macros = set(spoken_macros)
        self.neutral_meta = set(neutral_meta)
        self.said = None

    def say(self, words, page):
        text = words(self.voice(page))
        if self.said is not None and text:
            self.said.append((text, words))
        return text

    @contextmanager
    def recording(self):
        self.said = said = []
        try:
            yield said
        finally:
            self.said = None

    def reusable_names(self, facts):
        names, filters, other_templates = facts
        allowed = self.same_in_every_language | self.spoken_macros | JINJA_GLOBALS
        return (not other_templates and set(names) <= allowed
                and all(name in FILTERS for name in filters))


@dataclass
class SourceRender:
    """What the source language's build made of a page's Markdown."""
    markdown: str       # after the macros
    said: list          # [(text as said in the source language, words)]
    meta: dict          # page metadata the render set or changed
    facts: tuple        # template_facts of the page, None if it was not compiled


class FallbackPages:
    """mkdocs-macros' page render, kept in the source build and reused for fallback pages."""

    def __init__(self):
        # {(page's src_uri, Markdown before the macros): SourceRender}, from the source
        # language's build, read by the other languages' builds inside it.
        self.source_renders = {}

    def start_build(self, config):
        """The source language's build starts over (a new build, or `mkdocs serve`'s next)."""
        if languages.build_language(config) == languages.SOURCE_LANGUAGE:
            self.source_renders = {}

    def render(self, render, markdown, page, config, spoken, facts_of):
        """`render(markdown)` (mkdocs-macros' own), or its output kept from the source build."""
        key = (page.file.src_uri, markdown)
        if spoken.said is not None:
            return render(markdown)  # a file a macro renders inside the page (`render_file`)
        if languages.build_language(config) == languages.SOURCE_LANGUAGE:
            meta_before = dict(page.meta)
            with spoken.recording() as said:
                output = render(markdown)
            changed = {name: value for name, value in page.meta.items()
                       if name not in meta_before or meta_before[name] is not value}
            self.source_renders[key] = SourceRender(output, said, changed, facts_of(markdown))
            return output
        kept = self.source_renders.get(key)
        if (kept is None or languages.content_language(page, config) != languages.SOURCE_LANGUAGE
                or not reusable(kept, spoken)):
            return render(markdown)
        output = said_again(kept, spoken, page)
        if output is None:
            return render(markdown)
        page.meta.update(kept.meta)
        return output


def reusable(kept, spoken):
    return (kept.facts is not None and spoken.reusable_names(kept.facts)
            and set(kept.meta) <= spoken.neutral_meta)


def said_again(kept, spoken, page):
    """The source render's Markdown with every spoken text said in this build's language, or
    None when a text isn't where the macro put it (a filter or string operation changed it)."""
    voice = spoken.voice(page) if kept.said else None
    again = {}
    for text, words in kept.said:
        said = words(voice)
        if again.setdefault(text, said) != said:
            return None
    places = sorted((start, text) for text in again for start in occurrences(kept.markdown, text))
    if len({text for _, text in places}) != len(again):
        return None
    parts, end = [], 0
    for start, text in places:
        if start < end:
            return None  # two texts overlap: not what the macros wrote
        parts += [kept.markdown[end:start], again[text]]
        end = start + len(text)
    return "".join(parts) + kept.markdown[end:]


def occurrences(markdown, text):
    start = markdown.find(text)
    while start != -1:
        yield start
        start = markdown.find(text, start + len(text))
