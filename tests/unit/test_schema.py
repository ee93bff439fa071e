import jsonschema
import pytest

from enricher.record import InvalidRecord, Record, Source, schema, validate


def test_schema_is_valid_draft_2020_12():
    jsonschema.Draft202012Validator.check_schema(schema())


def test_minimal_failed_record_validates_with_both_validators():
    record = Record(status="failed", reason="x", source=Source(), pipeline={"version": "1", "settings": {}}).to_dict()
    jsonschema.validate(record, schema())
    validate(record)


@pytest.mark.parametrize(
    "change",
    [
        {"status": "weird"},
        {"schema_version": "2.0"},
        {"tags": [{"label": "x", "kind": "colour", "score": 1}]},
        {"source": {}},
    ],
)
def test_runtime_validator_rejects_what_the_reference_rejects(change):
    record = Record(status="ok", source=Source(), pipeline={"version": "1", "settings": {}}).to_dict()
    record.update(change)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(record, schema())
    with pytest.raises(InvalidRecord):
        validate(record)
