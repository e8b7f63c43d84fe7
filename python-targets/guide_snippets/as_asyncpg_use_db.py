import asyncio
import asyncpg

async def use_db():
    # Using connection pools with AsyncIO
    pool = await asyncpg.create_pool(dsn="postgres://user:pass@host/db", 
                                     min_size=5,
                                     max_size=10)
    async with pool.acquire() as conn:
        # Use the connection
        result = await conn.fetch("SELECT * FROM table")
    
    await pool.close()  # Close the pool when done
