"""Every entry of the build cache proves itself before it is used.

An entry is written as a header, a SHA-256 checksum of its key and its content, and the content
(compiled code, rendered HTML). Read back, an entry whose checksum does not match (cut short by a
full disk or a kill, overwritten with garbage, edited in place, copied under another key) or
that can't be read is dropped, and the build makes it again as if it had never been there.
Without the checksum, an edit that keeps the length (one letter of the HTML) passed every check
and was served on every build after; a damaged Jinja bytecode file failed every build with an
`UnpicklingError` blamed on the page that included the file.

The first bad entry of a build is told once, naming the cache folder, as a warning that does not
fail the strict build: nothing in the pages is wrong.
"""

import hashlib
import os
import shutil
import tempfile

from jinja2 import BytecodeCache

from macros.writer_checks.page_checks import review_log

HEADER = b"help-site build cache entry 1\n"
CHECKSUM_SIZE = hashlib.sha256().digest_size


def entry_path(folder, key):
    """Where the entry with this (hex) key lives."""
    return folder / key[:2] / key


def checksum(key, content):
    return hashlib.sha256(key.encode() + b"\0" + content).digest()


def sealed(key, content):
    return HEADER + checksum(key, content) + content


def opened(key, data):
    """The content of a sealed entry, or None when it fails its check."""
    start = len(HEADER) + CHECKSUM_SIZE
    if not data.startswith(HEADER) or len(data) < start:
        return None
    content = data[start:]
    return content if data[len(HEADER):start] == checksum(key, content) else None


class BadEntries:
    """Drops entries that fail their check, and warns about the first one of the build."""

    def __init__(self, shown_folder):
        self.shown_folder = shown_folder  # the cache folder as the user configured it
        self.count = 0

    def drop(self, path, why):
        try:
            shutil.rmtree(path) if path.is_dir() else path.unlink()
        except OSError:
            pass  # written over when the entry is made again
        self.count += 1
        if self.count == 1:
            review_log.warning(
                f"{self.shown_folder}: a build cache entry {why} ({path.parent.parent.name}/"
                f"{path.parent.name}/{path.name[:12]}…), so it was dropped and is made again; "
                "other bad entries of this build are dropped without another warning. Nothing in "
                f"the pages is wrong. Hint: nothing to do; {self.shown_folder} is safe to delete "
                "at any time if this repeats.")


def read_entry(path, key, bad_entries):
    """The content of the entry at `path`, or None when there is none or it is bad (dropped)."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return None
    except OSError:
        bad_entries.drop(path, "could not be read")
        return None
    content = opened(key, data)
    if content is None:
        bad_entries.drop(path, "failed its checksum")
    return content


def made_once(folder, bad_entries, key_text, make):
    """The bytes `make()` returns for an output that depends on `key_text` alone (a QR code of
    an address), made on the first build that needs it and read back on later ones."""
    key = hashlib.sha256(key_text.encode()).hexdigest()
    path = entry_path(folder, key)
    content = read_entry(path, key, bad_entries)
    if content is None:
        content = make()
        write_entry(path, key, content)
    else:
        os.utime(path)  # still in use: see compiled_pages.prune()
    return content


def write_entry(path, key, content):
    """Written under a temporary name, then renamed: parallel builds never read half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile(dir=path.parent, delete=False) as temporary:
        temporary.write(sealed(key, content))
    os.replace(temporary.name, path)


class CheckedBytecodeCache(BytecodeCache):
    """Jinja's bytecode cache for templates read from files (the theme's, files pulled in with
    `{% include %}`), with checked entries. Jinja's own bucket format inside still compares the
    template's text, so an edited template is compiled again (not a bad entry)."""

    def __init__(self, folder, bad_entries):
        self.folder = folder
        self.bad_entries = bad_entries

    def load_bytecode(self, bucket):
        path = entry_path(self.folder, bucket.key)
        content = read_entry(path, bucket.key, self.bad_entries)
        if content is not None:
            bucket.bytecode_from_string(content)

    def dump_bytecode(self, bucket):
        write_entry(entry_path(self.folder, bucket.key), bucket.key, bucket.bytecode_to_string())
