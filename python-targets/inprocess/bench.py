"""The runner every in-process benchmark program shares: pyperf does the measuring, this adds the counts and the
hand-over to the harness.

A program defines its cases (one pyperf benchmark each, a step of the workload) and calls ``main``:

- each case's ``time_func(loops)`` returns the seconds ``loops`` operations took (``pyperf.Runner.bench_time_func``:
  pyperf's calibration, warm-ups, worker processes and CPU-affinity handling apply unchanged; pyperf options such
  as ``--fast``, ``--processes``, ``--values``, ``--loops`` come from the workload's profile);
- the ``pairbench`` pyperf hook samples threads and fds around every value and, once per worker process, runs the
  case's ``census()`` with the instruments of ``census.py`` on; both land in the run's metadata
  (``pairbench_*``);
- ``--cases a,b`` runs only those cases (in the order given);
- the manager process prints one line ``PAIRBENCH-PYPERF <json>`` at the end: ``{"suite": <pyperf's JSON with
  every value and warm-up>, "checks": {case: [pyperf's warnings]}}``; the harness reads it from the program's
  output, which works the same for a local process and a container.

Run from ``python-targets/``, e.g. ``python inprocess/tasks_asyncio.py --fast --cases spawn-join``.
"""

import json
import sys

import pyperf
from pyperf._cli import format_checks

from inprocess import census as census_mod

RESULT_MARK = "PAIRBENCH-PYPERF "
META_PREFIX = "pairbench_"


class Case:
    """One benchmark: ``time_func(loops) -> seconds``; ``census(c)`` runs the pattern a fixed number of times under
    the ``census.Census`` ``c`` (it may call ``c.sample()`` between operations and put case-specific counts in
    ``c.extra``); ``inner_loops`` operations per loop (pyperf divides by it)."""

    def __init__(self, name, time_func, census=None, inner_loops=None):
        self.name = name
        self.time_func = time_func
        self.census = census
        self.inner_loops = inner_loops


class _CaseHolder:
    current = None


class PairbenchHook:
    """A pyperf hook (``--hook pairbench``): entered around every value of a worker; its ``teardown`` writes the
    counts into the run's metadata."""

    name = "pairbench"

    @classmethod
    def load(cls):
        return cls

    def __init__(self):
        self.watch = census_mod.ProcessWatch()

    def __enter__(self):
        self.watch.sample()

    def __exit__(self, *exc):
        self.watch.sample()

    def teardown(self, metadata):
        figures = self.watch.figures()
        case = _CaseHolder.current
        if case is not None and case.census is not None and not getattr(case, "_census_done", False):
            # once per worker, after the timed values of this call (never inside one)
            case._census_done = True
            with census_mod.Census() as c:
                case.census(c)
            figures.update(c.figures())
        for key, value in figures.items():
            metadata[META_PREFIX + key] = value


def main(cases, add_arguments=None, forward=()):
    """Runs ``cases`` (a list of ``Case`` or a function of the parsed args returning one) under pyperf.

    ``add_arguments(parser)`` adds the program's own options; ``forward`` names them (dest names) so pyperf
    passes them on to its worker processes."""
    if "--hook" not in sys.argv:
        sys.argv[1:1] = ["--hook", PairbenchHook.name]

    def add_cmdline_args(cmd, args):
        if args.cases:
            cmd.extend(["--cases", args.cases])
        for dest in forward:
            value = getattr(args, dest)
            if value is not None:
                cmd.extend(["--" + dest.replace("_", "-"), str(value)])

    runner = pyperf.Runner(add_cmdline_args=add_cmdline_args, hooks=[PairbenchHook])
    runner.argparser.add_argument("--cases", help="comma-separated case names to run (default: all)")
    if add_arguments is not None:
        add_arguments(runner.argparser)
    args = runner.parse_args()
    all_cases = cases(args) if callable(cases) else cases
    by_name = {c.name: c for c in all_cases}
    names = args.cases.split(",") if args.cases else list(by_name)
    unknown = [n for n in names if n not in by_name]
    if unknown:
        runner.argparser.error("unknown case(s) %s (known: %s)" % (", ".join(unknown), ", ".join(by_name)))
    benches = []
    for name in names:
        case = by_name[name]
        _CaseHolder.current = case
        bench = runner.bench_time_func(case.name, case.time_func, inner_loops=case.inner_loops)
        if bench is not None:
            benches.append(bench)
    if not args.worker and benches:
        emit(benches)


def emit(benches):
    suite = pyperf.BenchmarkSuite(benches)
    checks = {}
    for bench in benches:
        lines = [line for line in format_checks(bench) if line.startswith("* ")]
        checks[bench.get_name()] = [line[2:] for line in lines]
    out = {"suite": suite._as_json(), "checks": checks}
    sys.stdout.flush()
    print(RESULT_MARK + json.dumps(out, separators=(",", ":"), sort_keys=True), flush=True)

