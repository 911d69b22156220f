"""Images and video in pages: the checks that stop the build, and the markup readers get.

Run on each page's HTML, once Markdown has made it (so images written in Markdown, in raw
HTML and in included files are all seen); a problem is reported at the line of the page's
source (or included file) that holds it, `file:line: what. Hint: how`:

- every image has alt text, comes from the site (not the internet), and keeps within the budget
  of `extra.image_max_kb` and `extra.image_max_side_px` in mkdocs.yml;
- a writer's `{ width="300" }` is a whole number of pixels, no wider than the file; a height is
  the build's to give (from the file, so the image keeps its shape);
- Material's light and dark variants (`#only-light`, `#only-dark`) come in pairs, side by side;
- a video or another site's page embedded in the page (<video>, <iframe>, <embed>, <object>, or
  an "image" that is a video file) is refused: offline readers can't play it.

Each image then gets `loading="lazy"`, `decoding="async"`, its `width` and `height` (so nothing
moves as it loads) and, unless it already is a link, a link to its own file: `image-zoom.js`
(the theme's) opens that full screen, and without JavaScript the link opens the file.
"""

import posixpath
import re
import xml.etree.ElementTree as ElementTree
from html import escape
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

from PIL import Image

from macros.writer_checks.source_lines import source_place

DEFAULT_MAX_KB = 150
DEFAULT_MAX_SIDE_PX = 1600
EMBEDS = ("video", "iframe", "embed", "object")
VIDEO_SUFFIXES = (".mp4", ".m4v", ".mov", ".webm", ".ogv", ".avi", ".wmv")
VARIANTS = {"#only-light": "#only-dark", "#only-dark": "#only-light"}
VARIANT_NAMES = {"#only-light": "light", "#only-dark": "dark"}
WHOLE_PIXELS = re.compile(r"^[1-9][0-9]*$")
SVG_LENGTH = re.compile(r"^\s*([0-9.]+)\s*(px)?\s*$")

ALT_HINT = ("Hint: say what it shows, for readers who can't see it: "
            "![Company Portal's home screen, with Devices at the bottom](images/home.png), "
            'or alt="…" in an <img> tag.')
INTERNET_HINT = "Hint: save the image under docs/images/ and link to it relative to this page."
KILOBYTES_HINT = ("Hint: readers on phones and slow networks wait for every kilobyte: crop it to "
                  "what matters, shrink it, and save screenshots as PNG with fewer colours "
                  "(e.g. pngquant) and photos as JPEG.")
PIXELS_HINT = ("Hint: shrink it to at most {max_side} pixels on its longer side; a phone "
               "screenshot at half size is still sharp when readers zoom it.")
WIDTH_HINT = ('Hint: give the width the image should have on the page, in pixels and without a '
              'unit: { width="300" }; the build adds the height that keeps its shape.')
VIDEO_HINT = ("Hint: link to the video instead, e.g. [Watch how to sign in (video, needs "
              "internet)](https://…), and write the steps it shows as text and screenshots.")


class MediaTags(HTMLParser):
    """The <img> tags of a page's HTML (with where they start and end, and whether they are in
    a link already) and its embedded players."""

    def __init__(self, html):
        super().__init__(convert_charrefs=True)
        self.line_starts = [0] + [match.end() for match in re.finditer("\n", html)]
        self.images, self.embeds, self.open_links = [], [], 0
        self.feed(html)
        self.close()

    def source_offset(self):
        line, column = self.getpos()
        return self.line_starts[line - 1] + column

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            self.open_links += 1
        elif tag == "img":
            start = self.source_offset()
            self.images.append({"attrs": dict(attrs), "start": start,
                                "end": start + len(self.get_starttag_text()),
                                "in_link": self.open_links > 0})
        elif tag in EMBEDS:
            self.embeds.append({"tag": tag, "attrs": dict(attrs)})

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag == "a":
            self.open_links -= 1

    def handle_endtag(self, tag):
        if tag == "a" and self.open_links:
            self.open_links -= 1


def variant(src):
    """'#only-light' or '#only-dark' for Material's light and dark variants, else None."""
    return next((fragment for fragment in VARIANTS if src.endswith(fragment)), None)


def is_from_internet(src):
    return bool(urlsplit(src).scheme in ("http", "https") or src.startswith("//"))


def file_of(src, page, files_by_url):
    """The MkDocs file an image's src points at (relative to the page's address), or None."""
    path = unquote(urlsplit(src).path)
    if not path or urlsplit(src).scheme or path.startswith("/"):
        return None
    return files_by_url.get(posixpath.normpath(posixpath.join(posixpath.dirname(page.file.dest_uri),
                                                              path)))


def pixel_size(path):
    """(width, height) of an image file in pixels, or None when the file doesn't say."""
    if path.suffix.lower() == ".svg":
        return svg_size(path)
    try:
        with Image.open(path) as image:
            return image.size
    except OSError:
        return None


def svg_size(path):
    try:
        root = ElementTree.parse(path).getroot()
    except (OSError, ElementTree.ParseError):
        return None
    width, height = (SVG_LENGTH.match(root.get(name) or "") for name in ("width", "height"))
    if width and height:
        return round(float(width.group(1))), round(float(height.group(1)))
    box = (root.get("viewBox") or "").replace(",", " ").split()
    if len(box) == 4:
        return round(float(box[2])), round(float(box[3]))
    return None


def budget(config):
    extra = config.extra
    return (extra.get("image_max_kb", DEFAULT_MAX_KB),
            extra.get("image_max_side_px", DEFAULT_MAX_SIDE_PX))


def image_problems(image, file, size, max_kb, max_side):
    """What is wrong with one image (texts without the place), and the size it gets on the
    page: (problems, (width, height) or None)."""
    attrs, problems = image["attrs"], []
    src = attrs.get("src") or ""
    name = f"the image '{src}'"
    if not (attrs.get("alt") or "").strip():
        problems.append(f"{name} has no alt text. {ALT_HINT}")
    if is_from_internet(src):
        problems.append(f"{name} comes from the internet: offline readers don't see it. "
                        f"{INTERNET_HINT}")
    if urlsplit(src).path.lower().endswith(VIDEO_SUFFIXES):
        problems.append(f"{name} is a video: offline readers can't play it. {VIDEO_HINT}")
    if file is not None:
        kilobytes = Path(file.abs_src_path).stat().st_size / 1024
        if kilobytes > max_kb:
            problems.append(f"{name} is {kilobytes:.0f} KB, more than the {max_kb} KB an image "
                            f"may have (extra.image_max_kb in mkdocs.yml). {KILOBYTES_HINT}")
    if size and max(size) > max_side:
        problems.append(f"{name} is {size[0]}×{size[1]} pixels, more than the {max_side} an "
                        f"image may have on its longer side (extra.image_max_side_px in "
                        f"mkdocs.yml). {PIXELS_HINT.format(max_side=max_side)}")
    if "height" in attrs:
        problems.append(f'{name} has a height (height="{attrs["height"]}"). {WIDTH_HINT}')
    width = attrs.get("width")
    if width is None:
        return problems, size
    if not WHOLE_PIXELS.match(width.strip()):
        problems.append(f'{name} has width="{width}", which is not a number of pixels. '
                        f"{WIDTH_HINT}")
        return problems, None
    if size and int(width) > size[0]:
        problems.append(f'{name} has width="{width}", wider than the file ({size[0]} pixels), '
                        "which blurs it. Hint: leave the width out, or give at most "
                        f"{size[0]}; to show more detail, use a larger file.")
    if not size:
        return problems, None
    return problems, (int(width), round(int(width) * size[1] / size[0]))


def unpaired_variants(html, images):
    """The images whose light or dark variant is not right beside them (only white space in
    between)."""
    unpaired, index = [], 0
    while index < len(images):
        image = images[index]
        kind = variant(image["attrs"].get("src") or "")
        if kind is None:
            index += 1
            continue
        following = images[index + 1] if index + 1 < len(images) else None
        if (following and variant(following["attrs"].get("src") or "") == VARIANTS[kind]
                and not html[image["end"]:following["start"]].strip()):
            index += 2
            continue
        unpaired.append((image, kind))
        index += 1
    return unpaired


def variant_problem(image, kind):
    other = VARIANTS[kind]
    return (f"the {VARIANT_NAMES[kind]} variant '{image['attrs'].get('src')}' has no "
            f"{VARIANT_NAMES[other]} variant beside it. Hint: put the other one right after it, "
            f"in the same paragraph, with the same alt text: ![…](images/name-"
            f"{VARIANT_NAMES[other]}.png{other}); readers see only the variant of their colour "
            "scheme.")


def embed_problem(embed):
    article = "an" if embed["tag"][0] in "aeiou" else "a"
    return (f"the page embeds {article} <{embed['tag']}> (a video, or another site's page): offline "
            f"readers can't play or open it. {VIDEO_HINT}")


def image_markup(attrs, size):
    """The <img> readers get: lazy, with its width and height."""
    attrs = {key: value for key, value in attrs.items() if key not in ("width", "height")}
    if size:
        attrs["width"], attrs["height"] = str(size[0]), str(size[1])
    attrs.setdefault("loading", "lazy")
    attrs.setdefault("decoding", "async")
    text = " ".join(key if value is None else f'{key}="{escape(value)}"'
                    for key, value in attrs.items())
    return f"<img {text}>"


def check_and_mark_images(html, page, config, files):
    """The page's HTML with its images marked up for readers; raises ValueError with every
    problem found, one `file:line: what. Hint: how` a line."""
    if "<img" not in html and not any(f"<{tag}" in html for tag in EMBEDS):
        return html
    tags = MediaTags(html)
    files_by_url = {file.dest_uri: file for file in files}
    max_kb, max_side = budget(config)
    docs_dir, source = Path(config.docs_dir), page.file.src_uri

    def at(needles, problem):
        return f"{source_place(docs_dir, source, needles) or source}: {problem}"

    problems, marked = [], []
    for image in tags.images:
        src = image["attrs"].get("src") or ""
        file = file_of(src, page, files_by_url)
        size = pixel_size(Path(file.abs_src_path)) if file else None
        found, shown_size = image_problems(image, file, size, max_kb, max_side)
        problems += [at((f"]({src}", f'"{src}"', src, "<img"), problem) for problem in found]
        marked.append((image, shown_size))
    for image, kind in unpaired_variants(html, tags.images):
        src = image["attrs"].get("src")
        problems.append(at((f"]({src}", f'"{src}"', src), variant_problem(image, kind)))
    for embed in tags.embeds:
        src = embed["attrs"].get("src") or embed["attrs"].get("data")
        problems.append(at((src, f"<{embed['tag']}") if src else (f"<{embed['tag']}",),
                           embed_problem(embed)))
    if problems:
        raise ValueError("\n".join(problems))
    for image, size in reversed(marked):
        markup = image_markup(image["attrs"], size)
        if not image["in_link"]:
            href = escape(image["attrs"].get("src") or "")
            markup = f'<a class="image-zoom" href="{href}">{markup}</a>'
        html = html[:image["start"]] + markup + html[image["end"]:]
    return html
