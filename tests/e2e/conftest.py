"""Fixtures of the end-to-end tier."""

from __future__ import annotations

import logging
from collections.abc import Iterator

import pytest


@pytest.fixture
def moto_endpoint() -> Iterator[str]:
    """moto's threaded server on a free loopback port, as a real endpoint URL for clients and
    subprocesses (the CLI); stopped after the test."""
    from moto.server import ThreadedMotoServer

    logging.getLogger("werkzeug").setLevel(logging.ERROR)  # the server's request log
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    try:
        yield f"http://{host}:{port}"
    finally:
        server.stop()
