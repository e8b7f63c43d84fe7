import eventlet
from eventlet.db_pool import ConnectionPool

def db_connect():
    # Create a database connection
    return db_connection

# Create a pool of database connections
pool = ConnectionPool(db_connect, max_size=10)

def use_db():
    conn = pool.get()
    try:
        # Use the connection
        conn.execute("SELECT * FROM table")
    finally:
        pool.put(conn)
