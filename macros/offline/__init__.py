"""Reading offline after the first visit (issue 24): a service worker and a web app manifest.

- `precache`: which files each language's worker keeps (the pages in the readers' navigation,
  what they load, the search of that language) and the worker written from them;
- `home_screen`: the web app manifest and the home-screen icons, from the organization profile;
- `plugin`: `help-offline` (mkdocs.yml), which writes them after the build.

The browser side: `service-worker.js` here (the template of each language's `sw.js`) and
overrides/assets/offline/offline.js (registers it; says when a newer version is available).
"""
