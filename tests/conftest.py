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
