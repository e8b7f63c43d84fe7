import asyncio
import aiohttp
import awaitlet

async def fetch_data_async(url):
    async with aiohttp.ClientSession() as session:
        async with session.get(url) as response:
            return await response.read()

def fetch_data(url):
    # Individual calls use awaitlet to bridge sync and async
    return awaitlet.awaitlet(fetch_data_async(url))

def process_urls(urls):
    # Function remains synchronous
    results = []
    for url in urls:
        results.append(fetch_data(url))
    return results

# Usage remains unchanged
urls = ['http://example.com', 'http://example.org']
results = process_urls(urls)
