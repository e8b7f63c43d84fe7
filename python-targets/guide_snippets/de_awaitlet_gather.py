import awaitlet
import asyncio
import aiohttp

async def fetch_all_async(urls):
    async with aiohttp.ClientSession() as session:
        tasks = []
        for url in urls:
            tasks.append(fetch_one_async(session, url))
        return await asyncio.gather(*tasks)

async def fetch_one_async(session, url):
    async with session.get(url) as response:
        return await response.text()

def process_urls(urls):
    # Single awaitlet call for multiple concurrent async operations
    results = awaitlet.awaitlet(fetch_all_async(urls))
    return results

# Usage remains unchanged
urls = ['http://example.com', 'http://example.org']
results = process_urls(urls)
