# Option 1: Use an async framework like FastAPI
from fastapi import FastAPI
import uvicorn

app = FastAPI()

@app.get('/')
async def index():
    return {"message": "Hello, World!"}

if __name__ == '__main__':
    uvicorn.run(app, host='0.0.0.0', port=8000)

# Option 2: Use ASGI adapters for existing frameworks
# For Flask:
from flask import Flask
import asyncio
from asgiref.wsgi import WsgiToAsgi
import uvicorn

app = Flask(__name__)

@app.route('/')
def index():
    return "Hello, World!"

asgi_app = WsgiToAsgi(app)

if __name__ == '__main__':
    uvicorn.run(asgi_app, host='0.0.0.0', port=8000)
