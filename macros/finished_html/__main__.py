"""`python -m macros.finished_html SITE_DIR`: the finishing step on a site built by any
generator (e.g. Zensical, which runs no MkDocs plugins): minified assets and the policy."""

import argparse
import sys
from pathlib import Path

from mkdocs.config import load_config

from macros.finished_html import finish_site


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site_dir")
    parser.add_argument("--config-file", default="mkdocs.yml",
                        help="where the theme folder (custom_dir) and extra.polyfills are read")
    args = parser.parse_args(argv)
    config = load_config(args.config_file)
    finish_site(Path(args.site_dir), config.theme.custom_dir, config.extra.get("polyfills", []))
    return 0


if __name__ == "__main__":
    sys.exit(main())
