"""Macros for the help site (mkdocs-macros-plugin module).

`define_env` is called once per build; it registers the variables, macros and filters that
pages can use.
"""

from .org_macros import define_org_env


def define_env(env):
    """Register the site's macros with mkdocs-macros-plugin."""
    define_org_env(env)
