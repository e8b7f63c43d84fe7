"""Reading integer query parameters the same way on every server of a workload.

Each framework parses the query string itself (``request.query``, ``request.args``, ``parse_qs``); this only
turns the text into a bounded integer, so that every variant accepts and refuses the same values. A refused
value raises ``ValueError`` and the server answers ``400``.
"""


def bounded_int(text, name, low, high, default=None):
    if text is None or text == "":
        if default is None:
            raise ValueError(f"missing {name}")
        return default
    if not text.isascii() or not text.isdigit():
        raise ValueError(f"{name} must be a whole number")
    value = int(text)
    if not low <= value <= high:
        raise ValueError(f"{name} must be between {low} and {high}")
    return value
