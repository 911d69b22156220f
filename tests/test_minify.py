"""Our scripts are minified in the built site (macros/finished_html/minify.py): local names
shortened where calmjs.parse can read the script (ES5), and still minified where it cannot.
What the minified scripts do is what every browser test of the built site runs."""

from macros.finished_html.minify import minified

SCRIPT = """/* The reader's choice, said again. */
(function () {
  "use strict";
  var rememberedChoice = window.situationRegistry;
  function sayChoice(choiceToSay) { document.title = String(choiceToSay); }
  sayChoice(rememberedChoice);
})();
"""


def test_a_script_loses_comments_and_long_local_names_but_keeps_what_others_see():
    smaller = minified("assets/example/example.js", SCRIPT)
    assert "rememberedChoice" not in smaller and "choiceToSay" not in smaller
    assert "The reader's choice" not in smaller
    assert "window.situationRegistry" in smaller and "document.title" in smaller
    assert '"use strict"' in smaller


def test_a_script_in_newer_syntax_is_still_minified():
    newer = SCRIPT.replace("function sayChoice(choiceToSay) {", "const sayChoice = (choiceToSay) => {")
    smaller = minified("assets/example/example.js", newer)
    assert "The reader's choice" not in smaller and "=>" in smaller
