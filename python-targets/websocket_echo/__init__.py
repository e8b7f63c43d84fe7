"""The websocket-echo pair (claim C7): the guide's "WebSocket Support" section as two echo servers."""
