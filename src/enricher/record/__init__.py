"""The output record: schema v1 (v1.py, schema/record-v1.schema.json), canonical JSON, validation."""

from .v1 import SCHEMA_FILE, SCHEMA_VERSION, InvalidRecord, Record, RecordError, Source, schema, validate

__all__ = ["SCHEMA_FILE", "SCHEMA_VERSION", "InvalidRecord", "Record", "RecordError", "Source", "schema", "validate"]
