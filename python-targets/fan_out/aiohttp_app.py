"""The aiohttp.web side of the fan-out protocol, shared by the three asyncio variants (they differ only in how
they make the upstream calls). ``make_app(upstream, fetch_all)`` returns an ``aiohttp.web.Application`` whose
``/fanout`` route awaits ``fetch_all(app, urls)`` (the upstream bodies, as ``bytes`` or ``str``) and answers with
their total length in bytes.
"""

from aiohttp import web

from fan_out import protocol


def make_app(upstream, fetch_all):
    async def fanout(request):
        try:
            n, delay_ms = protocol.params(request.query.get("n"), request.query.get("delay_ms"))
        except ValueError as e:
            raise web.HTTPBadRequest(text=f"{e}\n")
        bodies = await fetch_all(request.app, protocol.item_urls(upstream, n, delay_ms))
        total = sum(len(b.encode("utf-8") if isinstance(b, str) else b) for b in bodies)
        # text= gives "text/plain; charset=utf-8", as on the eventlet side
        return web.Response(text=protocol.answer(n, total))

    app = web.Application()
    # allow_head=False: GET only, like the WSGI side
    app.add_routes([web.get(protocol.PATH, fanout, allow_head=False)])
    return app
