"""Macros for the help site (mkdocs-macros-plugin module).

`define_env` is called once per build; it registers the variables, macros and filters that
pages can use.
"""

from . import front_matter, template_errors, writer_mistakes, writing_examples


def define_env(env):
    """Register the site's macros with mkdocs-macros-plugin."""
    # A Jinja mistake in a page stops the build as `file:line: message. Hint: ...`.
    template_errors.install(env)
    # The writing guide (docs/writing/): its examples, front matter fields and error table.
    env.macro(writing_examples.make_example_macro(env), "example")
    env.macro(front_matter.fields_table, "front_matter_fields")
    env.macro(writer_mistakes.mistakes_table)
