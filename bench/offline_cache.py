"""Part 6: what a reader's phone keeps for reading offline, per language, against the budget.

Read from the built site's service worker (`sw.js`, macros/offline/): its file list per language,
each file weighed as stored (uncompressed, as the Cache API keeps a response's body).
"""

import json
import re

from macros.offline import precache

FILE_LISTS = re.compile(r"var FILES = (\{.*?\});", re.DOTALL)


def measure(site):
    worker = (site / precache.WORKER_NAME).read_text(encoding="utf-8")
    lists = json.loads(FILE_LISTS.search(worker).group(1))
    languages = {}
    for language, files in lists.items():
        # A versioned site's worker also keeps ../versions.js, written beside the versions.
        inside = [site / path for path, _ in files if not path.startswith("../")]
        languages[language] = {"files": len(files),
                               "bytes": sum(file.stat().st_size for file in inside)}
    return {"budget_bytes": precache.BUDGET_BYTES, "languages": languages}


def report(figures):
    budget = figures["budget_bytes"]
    print(f"\n6. Kept for reading offline (sw.js), per language, as stored; budget "
          f"{budget / 1024:.0f} KB")
    for language, kept in figures["languages"].items():
        print(f"   {language}: {kept['files']} files, {kept['bytes'] / 1024:.0f} KB  "
              f"{'met' if kept['bytes'] <= budget else 'MISSED'}")
