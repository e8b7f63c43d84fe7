"""Runs one guide snippet of this directory, the way the guide's text around it implies, and prints what happened.

Usage: python run_snippet.py SNIPPET_ID FILE

The harness (``./pairbench snippets``, and a step of every run) starts this once per snippet, in a process of its
own, with the targets' virtual environment and a time limit, and reads the last line that starts with
``PAIRBENCH-SNIPPET `` (a JSON object):

- ``outcome``: ``raised`` (the snippet's code raised, or raised where its library caught and logged it),
  ``exited`` (it called ``sys.exit``) or ``ran`` (it ran to the end, or served what it was sent)
- ``type``, ``message``: the exception (``module.Class`` unless a builtin) and its text; empty when it ran
- ``at``: ``file:line`` of the innermost frame in the snippet's file (else of the innermost frame at all)
- ``context``: the exception being handled when it was raised (``Type: message``), e.g. one the snippet's own
  ``except`` caught; empty when none
- ``observed``: what the driver saw besides the exception (a server's answer, file descriptors left open...)
- ``warnings``: the ResourceWarnings and RuntimeWarnings issued, ``Category xN: message``

The snippet's file holds the guide's code exactly as written (a test compares it with the page); what this
process adds around it is in ``drivers.py``, one function per snippet. Every socket this process opens must be on
the loopback (``loopback_only.py``): a snippet that starts working would otherwise fetch example.com.
"""

import gc
import json
import os
import re
import sys
import traceback
import warnings

import drivers
import loopback_only

MARKER = "PAIRBENCH-SNIPPET "
_show_warning = warnings.showwarning


class Report:
    """What one snippet run produced; drivers add observations, and the exception the snippet raised if a library
    caught it before it reached the driver."""

    def __init__(self, path):
        self.path = os.path.abspath(path)
        self.observed = []
        self.caught = None
        self._warnings = {}

    def observe(self, text):
        self.observed.append(text)

    def raised(self, exc):
        """An exception of the snippet's code that its library caught and logged (the first one counts)."""
        if self.caught is None:
            self.caught = exc

    def warn(self, message, category, *args, **kwargs):
        if not issubclass(category, (ResourceWarning, RuntimeWarning)):
            return _show_warning(message, category, *args, **kwargs)
        # object addresses differ between runs: drop them so equal warnings count as one
        text = re.sub(r" at 0x[0-9a-f]+", "", str(message))
        key = f"{category.__name__}: {text}"
        self._warnings[key] = self._warnings.get(key, 0) + 1

    def result(self, exc=None, exit_code=None):
        exc = exc or self.caught
        out = {"outcome": "ran", "type": "", "message": "", "at": "", "context": "",
               "observed": "; ".join(self.observed), "warnings": self.warning_lines()}
        if exit_code is not None:
            out.update(outcome="exited", message=f"exit code {exit_code}")
        elif exc is not None:
            out.update(outcome="raised", type=type_name(exc), message=str(exc), at=self.where(exc),
                       context=describe(exc.__context__) if exc.__context__ is not None else "")
        return out

    def warning_lines(self):
        return [key.replace(": ", f" x{n}: ", 1) for key, n in sorted(self._warnings.items())]

    def where(self, exc):
        frames = traceback.extract_tb(exc.__traceback__)
        mine = [f for f in frames if os.path.abspath(f.filename) == self.path]
        frame = (mine or frames or [None])[-1]
        return "" if frame is None else f"{os.path.basename(frame.filename)}:{frame.lineno}"


def type_name(exc):
    cls = type(exc)
    return cls.__qualname__ if cls.__module__ == "builtins" else f"{cls.__module__}.{cls.__qualname__}"


def describe(exc):
    return f"{type_name(exc)}: {exc}"


def finish(report, exc=None, exit_code=None):
    """Prints the result line and ends the process at once (a server the snippet started may still run)."""
    gc.collect()  # unclosed loops and sockets warn when collected: count them now
    line = MARKER + json.dumps(report.result(exc, exit_code), sort_keys=True)
    sys.stderr.flush()
    sys.stdout.write("\n" + line + "\n")
    sys.stdout.flush()
    os._exit(0)


def main(argv):
    if len(argv) != 3:
        sys.exit("usage: run_snippet.py SNIPPET_ID FILE")
    snippet_id, path = argv[1], argv[2]
    driver = drivers.DRIVERS.get(snippet_id)
    if driver is None:
        sys.exit(f"no driver for snippet {snippet_id!r} in drivers.py (known: {', '.join(sorted(drivers.DRIVERS))})")
    loopback_only.install()
    report = Report(path)
    warnings.simplefilter("always", ResourceWarning)
    warnings.simplefilter("always", RuntimeWarning)
    warnings.showwarning = report.warn
    try:
        driver(path, report, lambda: finish(report))
    except SystemExit as e:
        finish(report, exit_code=0 if e.code is None else e.code)
    except BaseException as e:  # noqa: B902: whatever the snippet raises is the finding
        finish(report, exc=e)
    finish(report)


if __name__ == "__main__":
    main(sys.argv)
