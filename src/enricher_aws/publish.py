"""EventBridge publisher of "Article Enriched" events (detail built by enricher.event)."""

from __future__ import annotations

from typing import Any, Mapping, Protocol

from enricher.record.event import DETAIL_TYPE, SOURCE, to_json


class PublishFailed(Exception):
    """PutEvents did not accept the event: transient, the invocation is retried."""


class Publisher(Protocol):
    def publish(self, detail: Mapping[str, Any]) -> None: ...


class EventBridgePublisher:
    """Puts one event per written record on the named bus (a boto3 events client, made once)."""

    def __init__(self, client: Any, bus_name: str) -> None:
        self._events = client
        self.bus_name = bus_name

    def publish(self, detail: Mapping[str, Any]) -> None:
        entry = {"Source": SOURCE, "DetailType": DETAIL_TYPE, "Detail": to_json(detail), "EventBusName": self.bus_name}
        resp = self._events.put_events(Entries=[entry])
        if resp.get("FailedEntryCount"):
            failed = (resp.get("Entries") or [{}])[0]
            raise PublishFailed(f"PutEvents refused the event: {failed.get('ErrorCode')}: {failed.get('ErrorMessage')}")
