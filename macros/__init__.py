"""Macros for the help site (the mkdocs-macros-plugin module).

The code is grouped by feature, one package each: `situations` (questions per guide and
conditional sections), `organization` (the organization profile), `writer_checks` (build
errors with file, line and hint), `translations` (languages) and `writing_guide` (the writing
guide's generated parts); the MkDocs plugins listed in mkdocs.yml live in their feature's
package (`<feature>/plugin.py`, `<feature>/config.py`; ARCHITECTURE.md lists them).

`define_env` runs once per build. It registers what pages can call:

- `{% call situation(mfa="app, sms") %} … {% endcall %}`: Markdown that applies only to some
  situations (one keyword per dimension of macros/situations.yml, comma-separated values);
- `{{ only(mfa="app") }}`: at the start of a list item (or paragraph), marks that single step;
- either with `any=[{"mfa": "none"}, {"from": "android"}]`: for those situations or these;
- `{{ situation_picker() }}`: the "your situation" form at the top of a guide;
- the organization's values (macros/organization/profile_macros.py): `{{ org_name() }}`,
  `{{ support_contacts() }}`, `{{ guide_links_table() }}`, `{{ company_portal_fields() }}`;
- the site's guides: `{{ guide_list() }}` (home page), `{{ guides_links() }}` (IT page);
- the languages (macros/languages.py): `{{ page_language() }}`, the language the page is written
  in, and `{{ site_language() }}`, the language of the site being built (they differ on a page
  not yet translated, which the German site shows in English).

Each guide declares the questions it asks in its front matter (`situations: {asks: [...]}`);
the macros check every condition against that guide's questions. The organization profile
(`extra.org_profile` in mkdocs.yml) narrows them: the picker offers only the organization's
values, and content for the others is left out of its build. The guide's narrowed registry
reaches the theme templates as `page.meta.situation_registry` (absent on pages that ask
nothing, which then load none of the picker's code).
"""

from macros import languages
from macros.build_cache.fallback_pages import SpokenTexts
from macros.organization.profile_macros import define_org_env
from macros.situations import Registry
from macros.situations.markup import block_start, picker, section_block, step_marker
from macros.situations.page_guides import TOKENS_KEY, PageGuides
from macros.writer_checks import front_matter, template_errors
from macros.writing_guide import examples as writing_examples
from macros.writing_guide import mistakes as writer_mistakes


def define_env(env):
    """Register the site's macros with mkdocs-macros-plugin."""
    # A Jinja mistake in a page stops the build as `file:line: message. Hint: ...`.
    template_errors.install(env)
    # The writing guide (docs/writing/): its examples, front matter fields and error table.
    env.macro(writing_examples.make_example_macro(env), "example")
    env.macro(front_matter.fields_table, "front_matter_fields")
    env.macro(writer_mistakes.mistakes_table)

    # The language of the page being rendered (macros/languages.py says which is which).
    env.macro(lambda: languages.content_language(env.page, env.conf), "page_language")
    env.macro(lambda: languages.build_language(env.conf), "site_language")

    # The registry's words in each language; a guide's picker, labels and browser texts speak
    # its site's (build) language, like Material's interface around them.
    whole = {language: Registry.load(language=language) for language in languages.LANGUAGES}
    profile = define_org_env(env, whole)
    guides = PageGuides(whole, profile, lambda page: languages.build_language(env.conf))
    env.page_guides = guides  # for on_pre_page_macros below
    # The situation macros' words are the build language's. A page not yet translated renders
    # once, in English, and other languages' builds say these words again in their language
    # (macros/build_cache/fallback_pages.py). The macros listed as the same in every language
    # write the same in every build for such a page (in the page's language). A macro in
    # neither list makes its page render again in each language.
    spoken = env.spoken_texts = SpokenTexts(
        voice=lambda page: guides.of(page).shown,
        same_in_every_language={"org_name", "default_situation", "support_contacts",
                                "company_portal_fields", "page_language"},
        spoken_macros={"situation", "only", "situation_picker"},
        neutral_meta={TOKENS_KEY})

    @env.macro
    def situation(caller, **values_by_dimension):
        """Markdown between `{% call situation(...) %}` and `{% endcall %}` for some situations."""
        condition = guides.condition(env.page, values_by_dimension)
        call_site = template_errors.call_site(env.page)
        body = caller()
        start = spoken.say(lambda registry: block_start(registry, condition, call_site), env.page)
        return section_block(start, condition, body)

    @env.macro
    def only(**values_by_dimension):
        """Mark the list item or paragraph it starts as applying to some situations only."""
        condition = guides.condition(env.page, values_by_dimension)
        call_site = template_errors.call_site(env.page)
        return spoken.say(lambda registry: step_marker(registry, condition, call_site), env.page)

    @env.macro
    def situation_picker():
        return spoken.say(picker, env.page)


def on_pre_page_macros(env):
    """Before a page is rendered: check its guide declaration and hand the theme its registry."""
    env.page_guides.prepare(env.page)
