"""The http-hello pair (claim C3): the guide's "WSGI Server" section as three servers answering the same routes."""
