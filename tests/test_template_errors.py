"""Jinja mistakes point at the file and line where the writer made them, with a hint."""

import textwrap

from macros.writer_checks.template_errors import is_in_code_sample
from support.project import build_site

FRONT_MATTER = """---
title: Page
description: A scenario page made by the test.
last_reviewed: 2026-11-27
audience: writers
owner: IT service desk
---

"""


def build_page(tmp_path, body, **other_files):
    docs = tmp_path / "docs"
    for name, text in {"index.md": FRONT_MATTER + body, **other_files}.items():
        (docs / name).parent.mkdir(parents=True, exist_ok=True)
        (docs / name).write_text(text, encoding="utf-8")
    result = build_site(tmp_path / "site", docs_dir=docs)
    return result.returncode, result.stdout + result.stderr


def test_misspelled_macro_gets_the_nearest_name(tmp_path):
    code, output = build_page(tmp_path, "# Page\n\n{{ situation_pickr() }}\n")
    assert code == 1
    assert ("index.md:11: 'situation_pickr' is undefined. Did you mean 'situation_picker'? "
            "Hint: check the spelling") in output


def test_mistake_in_an_example_file_names_that_file_and_its_line(tmp_path):
    example = "Line one.\n\n!!! note\n    Call {{ helpdesk_phone }}.\n"
    code, output = build_page(tmp_path, '# Page\n\n{{ example("broken.md") }}\n',
                              **{"writing/examples/broken.md": example})
    assert code == 1
    assert "writing/examples/broken.md:4: 'helpdesk_phone' is undefined." in output


def test_macro_called_the_wrong_way_gets_a_hint(tmp_path):
    code, output = build_page(tmp_path, '# Page\n\n1. {{ only("app") }} Open the app.\n')
    assert code == 1
    assert "index.md:11: TypeError: " in output and "Hint: check how the macro is called" in output


def test_code_samples_are_recognised_at_any_indentation():
    page = textwrap.dedent("""\
        Text with `{{ inline }}` code.
        !!! note
            ~~~~yaml
            value: {{ x }}
            ```
            ~~~~
        After {{ y }}.
        """).splitlines()
    assert [is_in_code_sample(page, line) for line in range(1, 8)] == [
        True, False, True, True, True, True, False]
