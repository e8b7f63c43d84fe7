import asyncio
import aiohttp

class AsyncClient:
    """Native asyncio-based implementation."""
    headers = {
        'User-Agent': 'async-client'
    }

    async def request(self, url):
        async with aiohttp.ClientSession(headers=self.headers) as session:
            async with session.get(url) as response:
                return await response.json()

class Client(AsyncClient):
    """Adapter enabling synchronous usage of AsyncClient."""

    def _run_coroutine(self, coro):
        try:
            loop = asyncio.get_running_loop()
            if loop.is_running():
                raise RuntimeError(
                    "Cannot run synchronous call when event loop is already running."
                )
        except RuntimeError:
            loop = asyncio.new_event_loop()
            asyncio.set_event_loop(loop)
            return loop.run_until_complete(coro)

    def request(self, url):
        return self._run_coroutine(super().request(url))
