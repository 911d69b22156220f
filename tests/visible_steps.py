"""What a reader sees of a guide in the browser: its visible step headings and numbered actions.

Read from the page as Chromium shows it (hidden sections left out, numbers as displayed), for
the path tables and for checking the IT page's outlines against the guide itself.
"""

READ_STEPS = """() => {
  const shown = (el) => !el.closest('[hidden]') && el.checkVisibility();
  const words = (el) => {
    const copy = el.cloneNode(true);
    copy.querySelectorAll('ol, ul, .situation__label, .admonition, a.headerlink')
      .forEach((extra) => extra.remove());
    return copy.textContent.trim().replace(/\\s+/g, ' ');
  };
  return [...document.querySelectorAll('article h2.step')].filter(shown).map((heading) => {
    let list = heading.nextElementSibling;
    while (list && list.tagName !== 'OL' && !/^H[12]$/.test(list.tagName)) {
      list = list.nextElementSibling;
    }
    const items = list && list.tagName === 'OL' ? [...list.children] : [];
    return {
      id: heading.id,
      title: words(heading),
      actions: items.filter(shown).map((item) =>
        [item.hasAttribute('value') ? item.value : items.indexOf(item) + 1, words(item)]),
    };
  });
}"""


def visible_steps(page):
    """[{id, title, actions: [[number shown, text], ...]}, ...] for the guide open in `page`."""
    return page.evaluate(READ_STEPS)
