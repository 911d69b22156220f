"""What the tests share, written once. Test modules import from here, never from each other.

- `project`: where the project is, and how tests run MkDocs and `make`;
- `build_server`: MkDocs' builds, each a fork of a process that has imported MkDocs once;
- `sites`: builds of the site and of scenario sites (`tests/sites/`), shared by the workers;
- `servers`: a static web server on loopback;
- `browsers`: Chromium through Playwright (launch options, a recorded visit, Material's search);
- `readers`: one small interface over Chromium and WebKit, so a scenario is written once;
- `seen`: the one rule for "what the reader sees", and the scripts that read a page with it;
- `axe`: the accessibility rules every axe run uses, and how a failure is reported;
- `policy`: Content-Security-Policy violations recorded in a page;
- `linkcheck`: LinkChecker as the tests run it.

Fixtures (the built sites, the browsers) are in tests/conftest.py.
"""
