"""Root of the package's exceptions.

Each module defines its own base exception deriving from EnricherError, with
specific subclasses, so that callers can catch one stage's failures or all.
"""


class EnricherError(Exception):
    """Base of every error raised on purpose by the enricher core."""


class ResourceMissing(EnricherError):
    """A data file the core needs (NLTK data, schema) cannot be found."""
