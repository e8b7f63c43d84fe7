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

Nothing here imports a server library at module level: a target that monkey-patches with eventlet must do so
before anything else is imported, and then imports this module.
"""


def add_eventlet_arguments(parser):
    parser.add_argument("--max-size", type=int, required=True, help="eventlet.wsgi's cap of concurrent connections")


def eventlet_serve(app, args):
    """Serves the WSGI ``app`` with ``eventlet.wsgi.server`` until the process is stopped."""
    import eventlet
    from eventlet import wsgi

    sock = eventlet.listen((args.host, args.port), backlog=args.backlog)
    # a number as keepalive is the idle timeout between requests (eventlet keeps idle connections forever by default)
    wsgi.server(sock, app, log_output=False, max_size=args.max_size, keepalive=args.keepalive_timeout)


def aiohttp_run(app, args):
    """Serves the ``aiohttp.web.Application`` ``app`` with ``web.run_app`` until the process is stopped."""
    from aiohttp import web

    web.run_app(app, host=args.host, port=args.port, backlog=args.backlog, access_log=None, print=None,
                keepalive_timeout=args.keepalive_timeout)


def add_uvicorn_arguments(parser, reset_contextvars=False):
    # no "auto": uvicorn would then pick uvloop and httptools silently, whatever is installed
    parser.add_argument("--loop", required=True, choices=["asyncio", "uvloop"], help="uvicorn event loop")
    parser.add_argument("--http", required=True, choices=["httptools", "h11"], help="uvicorn HTTP protocol")
    if reset_contextvars:
        parser.add_argument("--reset-contextvars", required=True, choices=["on", "off"],
                            help="run each request's task in a fresh contextvars.Context (uvicorn's opt-in fix for "
                                 "context leaking from one request to the next on a keep-alive connection)")


def uvicorn_run(app, args, interface="asgi3", lifespan="off"):
    """Serves the ASGI ``app`` with ``uvicorn.run`` until the process is stopped."""
    import uvicorn

    uvicorn.run(app, host=args.host, port=args.port, backlog=args.backlog, loop=args.loop, http=args.http,
                interface=interface, access_log=False, log_level="warning", lifespan=lifespan, ws="none",
                timeout_keep_alive=args.keepalive_timeout,
                reset_contextvars=getattr(args, "reset_contextvars", "off") == "on")
