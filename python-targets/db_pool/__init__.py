"""The db-pool pair (claim C12): the guide's "Resource Pooling" section as HTTP services over a real PostgreSQL."""
