"""Shared fixtures. The handler module reads its settings at import, so they are set here first."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
EVENTS = ROOT / "events"

# Settings the Lambda adapter reads at INIT; fake credentials so no test can reach AWS.
os.environ.setdefault("OUTPUT_BUCKET", "test-output")
os.environ.setdefault("AWS_DEFAULT_REGION", "eu-west-1")
os.environ.setdefault("AWS_ACCESS_KEY_ID", "testing")
os.environ.setdefault("AWS_SECRET_ACCESS_KEY", "testing")
os.environ.setdefault("POWERTOOLS_SERVICE_NAME", "article-enricher")
os.environ.setdefault("POWERTOOLS_METRICS_NAMESPACE", "ArticleEnricherTest")


@pytest.fixture(scope="session")
def root() -> Path:
    return ROOT


@pytest.fixture(scope="session")
def articles() -> Path:
    return EVENTS / "articles"


@pytest.fixture(scope="session")
def sam_template() -> dict:
    """template.yaml as plain data (short-form intrinsics in their long JSON form), for tests
    outside tests/e2e/test_template.py that need a resource's properties."""
    import yaml

    class Loader(yaml.SafeLoader):
        pass

    def intrinsic(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> dict:
        if isinstance(node, yaml.ScalarNode):
            value: object = loader.construct_scalar(node)
        elif isinstance(node, yaml.SequenceNode):
            value = loader.construct_sequence(node, deep=True)
        else:
            value = loader.construct_mapping(node, deep=True)
        if suffix in ("Ref", "Condition"):
            return {suffix: value}
        if suffix == "GetAtt" and isinstance(value, str):
            value = value.split(".", 1)
        return {f"Fn::{suffix}": value}

    Loader.add_multi_constructor("!", intrinsic)
    with (ROOT / "template.yaml").open(encoding="utf-8") as fh:
        return yaml.load(fh, Loader=Loader)  # noqa: S506 - SafeLoader subclass
