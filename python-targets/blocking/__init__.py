"""The blocking workload (claims C10 and C15): a blocking call in a request handler, and its neighbours' latency."""
