"""article-enricher: raw article files in, enriched records (schema v1) out."""

__version__ = "1.2.0"

from .options import Options  # noqa: E402
from .pipeline import Enricher, enrich  # noqa: E402
from .record import Record, Source  # noqa: E402

__all__ = ["Enricher", "Options", "Record", "Source", "enrich", "__version__"]
