"""Errors the user sees as one readable line."""


class UrgentError(Exception):
    """Base of every error urgent reports to a user instead of a traceback."""


class ReadError(UrgentError):
    """A document could not be read: empty, binary, truncated, encrypted, too big…"""
