"""The tcp-echo pair (claims C6, C23): the guide's "Socket Compatibility" section as raw TCP echo servers."""
