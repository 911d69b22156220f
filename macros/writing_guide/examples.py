"""Examples in the writing guide: each file of docs/writing/examples/ shown as written, then
rendered as readers see it, by the same build. So every example is Markdown that builds."""

import re
import textwrap
from pathlib import Path

EXAMPLES = "writing/examples"


def fenced(text, language="markdown"):
    """A fenced code block that shows `text` as it is, even when it holds fences itself."""
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    fence = "`" * max(3, longest + 1)
    return f"{fence}{language}\n{text.rstrip()}\n{fence}"


def make_example_macro(env):
    """The `example(name)` macro, bound to this build's macros plugin (`env`)."""

    def example(name, rendered=True):
        """Show docs/writing/examples/<name> as written and, unless rendered=False, rendered."""
        path = f"{EXAMPLES}/{name}"
        source = Path(env.conf["docs_dir"], path).read_text(encoding="utf-8")
        parts = [fenced(source, "yaml" if name.endswith(".yml") else "markdown")]
        if rendered:
            markdown = env.env.get_template(path).render(**env.variables)
            parts.append('!!! example "What readers see"\n\n' + textwrap.indent(markdown, "    "))
        return "\n\n".join(parts)

    return example
