"""The aiohttp.web endpoint of phases 2 to 4: parses ``/item``'s query, awaits ``handle(service, params)`` (the
phase's way into its call chain) and answers its result as JSON (``protocol.py``), the same bytes as the WSGI
side. ``make_app`` also owns the process's ``aiohttp.ClientSession`` to the upstream: made at start-up with
``TCPConnector(limit=--upstream-connections)``, closed at shutdown; ``make_service(upstream, session)`` builds the
phase's layers over it once, shared by every request.
"""

import aiohttp
from aiohttp import web

from migration_path import protocol

SERVICE = web.AppKey("service", object)


def make_app(args, make_service, handle):
    async def item(request):
        try:
            params = protocol.params(request.query.get("id"), request.query.get("delay_ms"))
        except ValueError as e:
            raise web.HTTPBadRequest(text=f"{e}\n")
        body = protocol.encode(await handle(request.app[SERVICE], params))
        # body= with content_type and no charset: "application/json", as on the WSGI side
        return web.Response(body=body, content_type=protocol.CONTENT_TYPE)

    async def client_session(app):
        connector = aiohttp.TCPConnector(limit=args.upstream_connections)
        async with aiohttp.ClientSession(connector=connector) as session:
            app[SERVICE] = make_service(args.upstream, session)
            yield

    app = web.Application()
    app.cleanup_ctx.append(client_session)
    # allow_head=False: GET only, like the WSGI side
    app.add_routes([web.get(protocol.PATH, item, allow_head=False)])
    return app
