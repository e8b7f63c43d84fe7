# Example: Converting an API endpoint to fully async
from aiohttp import web

# Async API handler
async def handle_data_request(request):
    data_id = request.match_info.get('id')
    service = request.app['analytics_service']
    
    # Directly use async methods
    result = await service.process_data_async(data_id)
    return web.json_response(result)

# Configure async web app
app = web.Application()
app.router.add_get('/data/{id}', handle_data_request)

# Initialize services
async def init_app():
    db_client = DBClient()
    cache_service = CacheService()
    app['analytics_service'] = NewAnalyticsService(db_client, cache_service)

if __name__ == '__main__':
    web.run_app(app, host='0.0.0.0', port=8080, on_startup=[init_app])
