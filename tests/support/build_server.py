"""`mkdocs build` for the tests without paying for Python's imports on every build.

A test session runs about 150 strict builds, most of them of small scenario sites: starting
Python and importing MkDocs, Material, the other plugins and the Markdown extensions took about
0.8 of a small build's 2 seconds. This server imports them once; each build is then a fork of it
that runs MkDocs' own command line (`mkdocs build ...`) with the build's environment, folder and
output files, as a fresh `python -m mkdocs` would, and exits with its exit code. Nothing of a
build reaches the next one: every build is a fresh copy of the server, which never builds.
The project's code must read environment variables when it runs, never when it is imported
(`macros/messages.py`, `macros/situations/registry.py`).

Protocol, one JSON line each way per build, on the server's stdin and stdout:
    -> {"argv": [...], "env": {...}, "cwd": "...", "stdout": "file", "stderr": "file",
        "timeout": seconds}
    <- {"returncode": n, "timed_out": false}    (a build past its timeout is killed: true)

Run by support/project.py (`build_site`), one server per pytest(-xdist) worker.
"""

import importlib
import json
import os
import select
import signal
import sys
import traceback
from importlib import metadata
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[2]


def import_everything_a_build_imports():
    """MkDocs' command line, every MkDocs plugin installed, and mkdocs.yml's Markdown extensions."""
    import mkdocs.__main__  # noqa: F401
    import mkdocs.commands.build  # noqa: F401
    from mkdocs.utils.yaml import get_yaml_loader

    for entry_point in metadata.entry_points(group="mkdocs.plugins"):
        try:
            entry_point.load()
        except Exception:  # a plugin this project doesn't use may need something missing
            pass
    with open(PROJECT / "mkdocs.yml", encoding="utf-8") as file:
        import yaml
        config = yaml.load(file, Loader=get_yaml_loader())
    for extension in config.get("markdown_extensions", []):
        name = next(iter(extension)) if isinstance(extension, dict) else extension
        for module in (name, f"markdown.extensions.{name}"):
            try:
                importlib.import_module(module)
                break
            except Exception:
                continue


def run_build(request):
    """In the forked child: the build, as `python -m mkdocs <argv>` would run it; never returns."""
    code = 1
    try:
        os.chdir(request["cwd"])
        nothing = os.open(os.devnull, os.O_RDONLY)
        os.dup2(nothing, 0)  # the server's requests are not the build's input
        os.close(nothing)
        os.environ.clear()
        os.environ.update(request["env"])
        for fd, name in ((1, "stdout"), (2, "stderr")):
            target = os.open(request[name], os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
            os.dup2(target, fd)
            os.close(target)
        sys.argv = ["mkdocs", *request["argv"]]
        from mkdocs.__main__ import cli
        cli.main(args=request["argv"], prog_name="mkdocs")
        code = 0
    except SystemExit as done:
        code = done.code if isinstance(done.code, int) else (0 if done.code is None else 1)
    except BaseException:
        traceback.print_exc()
    finally:
        for stream in (sys.stdout, sys.stderr):
            try:
                stream.flush()
            except Exception:
                pass
        os._exit(code)


def serve():
    import_everything_a_build_imports()
    replies = sys.stdout
    for line in sys.stdin:
        request = json.loads(line)
        replies.flush()
        sys.stderr.flush()
        pid = os.fork()
        if pid == 0:
            run_build(request)
        child = os.pidfd_open(pid)  # readable once the child has ended
        timed_out = not select.select([child], [], [], request["timeout"])[0]
        os.close(child)
        if timed_out:
            os.kill(pid, signal.SIGKILL)
        _, status = os.waitpid(pid, 0)
        replies.write(json.dumps({"returncode": os.waitstatus_to_exitcode(status),
                                  "timed_out": timed_out}) + "\n")
        replies.flush()


if __name__ == "__main__":
    serve()
