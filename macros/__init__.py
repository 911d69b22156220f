"""Macros for the help site (the mkdocs-macros-plugin module).

`define_env` runs once per build. It registers what pages can call:

- `{% call situation(mfa="app, sms") %} … {% endcall %}`: Markdown that applies only to some
  situations (one keyword per dimension of macros/situations.yml, comma-separated values);
- `{{ only(mfa="app") }}`: at the start of a list item, marks that single step;
- `{{ situation_picker() }}`: the "your situation" form at the top of a guide;
- the organization's values (macros/org_macros.py): `{{ org_name() }}`, `{{ support_contacts() }}`,
  `{{ guide_links_table() }}`, `{{ company_portal_fields() }}`.

The organization profile (`extra.org_profile` in mkdocs.yml) narrows the situations: the picker
offers only the organization's values, and content for the others is left out of its build.
The narrowed registry reaches the theme templates as `config.extra.situations`.
"""

from . import front_matter, template_errors, writer_mistakes, writing_examples
from .conditional_sections import SituationMarkupExtension, picker, section_block, step_marker
from .org_macros import define_org_env
from .progress_steps import StepIdExtension
from .situations import Registry


def define_env(env):
    """Register the site's macros with mkdocs-macros-plugin."""
    # A Jinja mistake in a page stops the build as `file:line: message. Hint: ...`.
    template_errors.install(env)
    # The writing guide (docs/writing/): its examples, front matter fields and error table.
    env.macro(writing_examples.make_example_macro(env), "example")
    env.macro(front_matter.fields_table, "front_matter_fields")
    env.macro(writer_mistakes.mistakes_table)

    guide = Registry.load()
    profile = define_org_env(env, guide)
    registry = guide.restricted_to(profile.allowed, profile.default)
    env.conf["extra"]["situations"] = registry.as_json()
    env.conf["markdown_extensions"].append(SituationMarkupExtension())
    # Ids for the actions a reader ticks off (progress.js): after the situation markup.
    env.conf["markdown_extensions"].append(StepIdExtension())

    def condition(values_by_dimension):
        """Checked against the whole guide, then narrowed to the organization's values."""
        return registry.narrow(guide.condition(**values_by_dimension))

    @env.macro
    def situation(caller, **values_by_dimension):
        """Markdown between `{% call situation(...) %}` and `{% endcall %}` for some situations."""
        return section_block(registry, condition(values_by_dimension), caller())

    @env.macro
    def only(**values_by_dimension):
        """Mark the list item it starts as applying to some situations only."""
        return step_marker(registry, condition(values_by_dimension))

    @env.macro
    def situation_picker():
        return picker(registry)
