"""How each library's HTTP server is started, with the fairness settings of every workload applied alike.

One function per server library, used by the targets of the fan-out, flask and blocking workloads (http-hello's
three programs spell the same settings out themselves). What each applies, and why (see ``README.md`` and
``claims.md``, "Fairness"):

- ``eventlet_serve``: ``eventlet.wsgi.server`` on ``eventlet.listen`` with the listen backlog from ``--backlog``
  (eventlet's default is 50), per-request logging off (``log_output=False``; on by default), the cap of
  concurrent connections from ``--max-size`` (default 1024) and the idle keep-alive timeout from
  ``--keepalive-timeout`` (default: none).
- ``aiohttp_run``: ``web.run_app`` on the standard asyncio event loop with the listen backlog from ``--backlog``
  (aiohttp's default is 128), access log and start-up banner off, idle keep-alive timeout from
  ``--keepalive-timeout`` (default 75 s).
- ``uvicorn_run``: ``uvicorn.run`` with the event loop and HTTP parser chosen explicitly (``--loop``,
  ``--http``; uvicorn's ``auto`` silently picks uvloop and httptools when installed), listen backlog from
  ``--backlog`` (default 2048), access log off, no WebSocket protocol, idle keep-alive timeout from
  ``--keepalive-timeout`` (default 5 s), and no lifespan unless the app needs one for its start-up. Programs that
  ask for it take ``--reset-contextvars on|off`` (uvicorn's ``reset_contextvars``, default off: see
  ``flask_work/uvicorn_wsgitoasgi.py`` for why the flask workload turns it on).

Each reports what it runs with before it serves (``common/effective.py``): the running loop or hub, the HTTP
parser, and the settings as the library objects hold them; ``extra(loop)`` (``loop`` is None on eventlet) adds
the program's own (its thread pool, ...), read on the running loop before the first request.

Nothing here imports a server library at module level: a target that monkey-patches with eventlet must do so
before anything else is imported, and then imports this module.
"""

from common import effective


def add_eventlet_arguments(parser):
    parser.add_argument("--max-size", type=int, required=True, help="eventlet.wsgi's cap of concurrent connections")


def eventlet_serve(app, args, extra=None):
    """Serves the WSGI ``app`` with ``eventlet.wsgi.server`` until the process is stopped."""
    import eventlet
    from eventlet import wsgi

    sock = eventlet.listen((args.host, args.port), backlog=args.backlog)
    effective.report({**effective.eventlet_hub_settings(), "backlog": effective.backlog(args.backlog),
                      "max-size": args.max_size, "keepalive-timeout": args.keepalive_timeout, "access-log": "off",
                      **(extra(None) if extra else {})}, ["eventlet", "greenlet"])
    # a number as keepalive is the idle timeout between requests (eventlet keeps idle connections forever by default)
    wsgi.server(sock, app, log_output=False, max_size=args.max_size, keepalive=args.keepalive_timeout)


def aiohttp_run(app, args, extra=None):
    """Serves the ``aiohttp.web.Application`` ``app`` on the standard asyncio loop until the process is stopped.

    What ``web.run_app`` does, spelled out so that the runner's and the site's settings can be read back."""
    import asyncio

    asyncio.run(_aiohttp_serve(app, args, extra))


async def _aiohttp_serve(app, args, extra):
    import asyncio

    from aiohttp import web, web_protocol

    runner = web.AppRunner(app, access_log=None, keepalive_timeout=args.keepalive_timeout)
    await runner.setup()  # runs the app's start-up hooks (a sized executor, ...)
    site = web.TCPSite(runner, args.host, args.port, backlog=args.backlog)
    loop = asyncio.get_running_loop()
    parser = web_protocol.HttpRequestParser
    effective.report({"event-loop": effective.loop_name(loop), "loop": effective.loop_kind(loop),
                      "http-parser": f"{parser.__module__}.{parser.__qualname__}",
                      "backlog": effective.backlog(site._backlog),
                      "keepalive-timeout": runner._kwargs["keepalive_timeout"],
                      "access-log": effective.on_off(runner._kwargs.get("access_log") is not None),
                      "max-size": "none", **(extra(loop) if extra else {})}, ["aiohttp"])
    await site.start()
    try:
        await asyncio.Event().wait()  # until the harness stops the process
    finally:
        await runner.cleanup()


def add_uvicorn_arguments(parser, reset_contextvars=False):
    # no "auto": uvicorn would then pick uvloop and httptools silently, whatever is installed
    parser.add_argument("--loop", required=True, choices=["asyncio", "uvloop"], help="uvicorn event loop")
    parser.add_argument("--http", required=True, choices=["httptools", "h11"], help="uvicorn HTTP protocol")
    if reset_contextvars:
        parser.add_argument("--reset-contextvars", required=True, choices=["on", "off"],
                            help="run each request's task in a fresh contextvars.Context (uvicorn's opt-in fix for "
                                 "context leaking from one request to the next on a keep-alive connection)")


# uvicorn's protocol classes by the name its --http option gives them
_UVICORN_HTTP = {"HttpToolsProtocol": "httptools", "H11Protocol": "h11"}


def uvicorn_run(app, args, interface="asgi3", lifespan="off", extra=None):
    """Serves the ASGI ``app`` with uvicorn until the process is stopped (what ``uvicorn.run`` does, with the
    loaded configuration read back first)."""
    import asyncio

    import uvicorn

    config = uvicorn.Config(app, host=args.host, port=args.port, backlog=args.backlog, loop=args.loop,
                            http=args.http, interface=interface, access_log=False, log_level="warning",
                            lifespan=lifespan, ws="none", timeout_keep_alive=args.keepalive_timeout,
                            reset_contextvars=getattr(args, "reset_contextvars", "off") == "on")
    server = uvicorn.Server(config)

    async def serve():
        config.load()  # picks the protocol classes, as serve() would
        loop = asyncio.get_running_loop()
        protocol = config.http_protocol_class.__name__
        effective.report({"event-loop": effective.loop_name(loop), "uvicorn-loop": effective.loop_kind(loop),
                          "uvicorn-http": _UVICORN_HTTP.get(protocol, protocol),
                          "backlog": effective.backlog(config.backlog),
                          "keepalive-timeout": config.timeout_keep_alive, "access-log": config.access_log,
                          "uvicorn-reset-contextvars": config.reset_contextvars, "max-size": "none",
                          **(extra(loop) if extra else {})}, ["uvicorn", "starlette", "anyio"])
        await server.serve()

    with asyncio.Runner(loop_factory=config.get_loop_factory()) as runner:
        runner.run(serve())
