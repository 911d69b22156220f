"""MkDocs hook: the theme templates' own words (overrides/main.html) in the build's language.

Material's interface follows `theme.language`, which the languages plugin sets for each
language's build; our texts around the page (when it was last reviewed, where progress is kept)
follow the same language, from macros/messages.yml. Templates call:

- `site_text("progress_privacy")`: a message of messages.yml's `pages` group (HTML: its words
  escaped; `site_text("last_reviewed", date=...)` fills in a field, escaped unless Markup);
- `reviewed_on(date)`: `<time>` with the date as the language writes it ("27 November 2026",
  "27. November 2026").
"""

from babel.dates import format_date
from markupsafe import Markup, escape

from macros import languages
from macros.messages import say, template


def on_env(env, config, files):
    language = languages.build_language(config)
    env.globals["site_text"] = lambda name, **fields: Markup(
        escape(template(name, language))).format(**fields)
    env.globals["reviewed_on"] = lambda date: Markup('<time datetime="{}">{}</time>').format(
        date.isoformat(), format_date(date, "long", locale=say("date_locale", language)))
    return env
