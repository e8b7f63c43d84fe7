"""The command-line options every HTTP target takes, so that every server of a pair is configured alike.

``--host`` (always 127.0.0.1 from the harness), ``--port`` (chosen by the harness), ``--backlog`` (listen
backlog, equalized across servers) and ``--keepalive-timeout`` (seconds an idle keep-alive connection is kept).
"""

import argparse


def http_server_parser(description):
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--backlog", type=int, required=True, help="listen backlog")
    parser.add_argument("--keepalive-timeout", type=int, required=True,
                        help="seconds an idle keep-alive connection is kept open")
    return parser
