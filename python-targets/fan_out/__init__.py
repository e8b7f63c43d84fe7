"""The fan-out workload (claims C4 and C21): one request to the service makes N calls to an upstream."""
