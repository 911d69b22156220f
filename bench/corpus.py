"""A synthetic help corpus: N guide-like pages written in the writers' real syntax.

Each page is shaped like docs/migrate-iphone.md (about 1,000 words; the guide has 1,800):
front matter, the situation picker, conditional blocks (`{% call situation(...) %}`) holding
admonitions and headings, single conditional steps (`{{ only(...) }}`), nested lists,
`> [!NOTE]` alerts, fixed heading ids, links to anchors on its neighbours, and the organization's
values (`{{ org_name() }}`, `{{ support_contacts() }}`). Pages sit in topic folders of
PAGES_PER_TOPIC, as a large help site would be organized. The text varies from page to page
(seeded, so every run writes the same text) so that the search index is realistic.

Usage: python -m bench.corpus N FOLDER
"""

import json
import random
import shutil
import sys
from datetime import date
from pathlib import Path

DOCS = Path(__file__).resolve().parent.parent / "docs"
PAGES_PER_TOPIC = 50
APPS = ["Company Portal", "Microsoft Authenticator", "Outlook", "Teams", "OneDrive", "Edge",
        "Word", "Excel", "SharePoint", "Defender", "the VPN app", "Intune", "OneNote",
        "Planner", "Viva Engage", "PowerPoint", "the Wi-Fi profile", "Bookings", "To Do",
        "Loop"]
DEVICES = ["iPhone", "iPad", "Android phone", "Android tablet", "work phone"]
ACTIONS = ["Set up", "Move", "Reinstall", "Recover", "Enroll", "Sign in to", "Reset", "Update"]
SENTENCES = [
    "Open {app} on your {old} and make sure you're signed in with your work account.",
    "Your organization's rules (compliance) decide which settings {app} needs on the {new}.",
    "If {app} asks for multifactor authentication (MFA), approve the request on your {old}.",
    "Wait while {app} syncs. This can take a few minutes on a slow Wi-Fi network.",
    "Don't remove {app} from the {old} until the {new} is fully set up.",
    "Conditional Access may block you at this point. That's expected: enroll the {new} first.",
    "Check that the {new} shows as compliant in Company Portal before you go on.",
    "Tap **Settings** > **Accounts** and pick your employee email address.",
    "Your IT support person can reset {app} for you if the recovery doesn't work.",
    "Restore your backup from iCloud so that your apps and data come back on the {new}.",
    "Turn on *phone sign-in* in Microsoft Authenticator: it's the simplest way to prove it's you.",
    "Keep the {old} charged and nearby: some steps need both devices at the same time.",
    "A text message or call works for two-step verification on any phone with an active number.",
    "Download the management profile, then open the Settings app to finish installing it.",
    "Sign out of {app} on the {old} once everything works on the {new}.",
]


def sentences(rng, count, **names):
    return " ".join(rng.choice(SENTENCES).format(**names) for _ in range(count))


def front_matter(title, description):
    """The fields every page must have (macros/front_matter.schema.yml), reviewed today."""
    return "\n".join([f"title: {title}", f"description: {json.dumps(description)}",
                      f"last_reviewed: {date.today().isoformat()}", "audience: employees",
                      "owner: IT service desk"])


def page_path(number):
    """Where guide `number` (1-based) lives, relative to the docs folder."""
    return f"topic-{(number - 1) // PAGES_PER_TOPIC + 1:02d}/guide-{number:04d}.md"


def link_from_a_guide(number):
    """The relative link to guide `number` from any guide (all guides sit one folder deep)."""
    return "../" + page_path(number)


def page_title(number):
    rng = random.Random(number)
    return (f"{rng.choice(ACTIONS)} {rng.choice(APPS)} on a new {rng.choice(DEVICES)} "
            f"(guide {number})")


def guide_page(number, total):
    """The Markdown of guide `number` of `total`, in the writers' macro syntax."""
    rng = random.Random(number)
    title = page_title(number)
    names = {"app": rng.choice(APPS), "old": "old " + rng.choice(DEVICES),
             "new": "new " + rng.choice(DEVICES)}
    say = lambda count: sentences(rng, count, **names)  # noqa: E731
    following = number % total + 1
    previous = (number - 2) % total + 1
    return f"""---
{front_matter(title, say(1))}
situations: {{asks: [mfa, transfer, from]}}
---

# {title}

This guide is for {{{{ org_name() }}}} employees. {say(2)}

{say(2)}

{{{{ situation_picker() }}}}

## Prerequisites {{ #prerequisites }}

{{% call situation(mfa="app") %}}
!!! warning "Keep your {names['old']} until the {names['new']} works"
    {say(3)}
{{% endcall %}}

{{% call situation(mfa="sms, none") %}}
!!! note "You can finish MFA on either phone"
    {say(2)}
{{% endcall %}}

{say(2)} See [Step 3: Sign in](#step-3-sign-in).

## Step 1: Prepare {names['app']} {{ #step-1-prepare .step }}

{say(2)}

1. {{{{ only(mfa="app") }}}} {say(1)}
    1. {say(1)}
    2. {say(1)}
    3. {say(1)}

    > [!NOTE]
    > {say(2)}

2. {say(2)}
    1. {say(1)}
    2. {say(1)}

3. {{{{ only(transfer="icloud") }}}} {say(2)}
4. {{{{ only(transfer="phone") }}}} {say(2)}
5. {say(2)}

{{% call situation(from="iphone", transfer="icloud, phone") %}}
## Step 2: Move your data {{ #step-2-move-your-data .step }}

{say(3)}

1. {say(1)}
2. {{{{ only(mfa="app") }}}} {say(2)}
3. {say(1)}
{{% endcall %}}

## Step 3: Sign in {{ #step-3-sign-in .step }}

{say(2)}

1. {say(1)}
    1. {{{{ only(mfa="app") }}}} {say(1)}
    2. {{{{ only(mfa="sms") }}}} {say(1)}
    3. {{{{ only(mfa="none") }}}} {say(1)}
2. {say(2)}
3. {say(2)}
4. {{{{ only(mfa="app", transfer="icloud, phone") }}}} {say(2)}
5. {say(1)}

> [!CAUTION]
> {say(2)}

## Frequently asked questions {{ #frequently-asked-questions }}

### What if {names['app']} doesn't open? {{ #what-if-it-doesnt-open }}

{say(3)}

### Can I use an Android phone? {{ #can-i-use-an-android-phone }}

{{% call situation(from="android") %}}
{say(2)}
{{% endcall %}}

{say(2)}

## Related guides {{ #related-guides }}

- [{page_title(following)}]({link_from_a_guide(following)}#step-2-move-your-data)
- [{page_title(previous)}]({link_from_a_guide(previous)}#frequently-asked-questions)
- [All guides](../index.md)

## Still need help? {{ #still-need-help }}

{{{{ support_contacts() }}}}
"""


def home_page(total):
    topics = range(1, (total - 1) // PAGES_PER_TOPIC + 2)
    first_of_topic = [(t - 1) * PAGES_PER_TOPIC + 1 for t in topics]
    links = "\n".join(f"- [{page_title(n)}]({page_path(n)})" for n in first_of_topic)
    return f"""---
{front_matter("Work phone help", "Offline help for your work phone.")}
---

# Work phone help

{total} guides in {len(first_of_topic)} topics. Start with one of these:

{links}
"""


def write_corpus(folder, total):
    """Write the home page, `total` guides and the site's own assets into `folder`.

    Files of docs/ other than pages are copied too (the scripts, stylesheets and vendored
    polyfill come with the theme, overrides/assets/). Returns the guides' paths.
    """
    folder = Path(folder)
    shutil.copytree(DOCS, folder, ignore=shutil.ignore_patterns("*.md"), dirs_exist_ok=True)
    (folder / "index.md").write_text(home_page(total), encoding="utf-8")
    paths = []
    for number in range(1, total + 1):
        path = folder / page_path(number)
        path.parent.mkdir(exist_ok=True)
        path.write_text(guide_page(number, total), encoding="utf-8")
        paths.append(path)
    return paths


if __name__ == "__main__":
    write_corpus(Path(sys.argv[2]), int(sys.argv[1]))
