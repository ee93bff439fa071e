"""Object storage behind a small interface: S3 in the function (tests/unit/fakes.py has a dict)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Mapping, Protocol


class StoreError(Exception):
    """Base of the store's errors."""


class ObjectMissing(StoreError):
    """The object (or that version of it) no longer exists."""


class AccessDenied(StoreError):
    """The function may not read the object: a permissions problem, not a passing fault."""


@dataclass(frozen=True)
class Fetched:
    body: bytes
    size: int  # the object's full size; body may be shorter when capped
    content_type: str | None
    etag: str | None
    version_id: str | None


class ObjectStore(Protocol):
    def get(self, bucket: str, key: str, version_id: str | None, max_bytes: int) -> Fetched: ...

    def put(
        self, bucket: str, key: str, body: bytes, content_type: str, metadata: Mapping[str, str],
        sequencer: str | None = None,
    ) -> bool:
        """Write unless a record from a later S3 event (higher sequencer) is already there; True if written."""
        ...

    def head(self, bucket: str, key: str) -> Mapping[str, str] | None:
        """The user metadata of an object, or None when there is none at that key."""
        ...


def newer(a: str | None, b: str | None) -> bool:
    """True when sequencer a comes after sequencer b.

    S3 sequencers of one key are hexadecimal strings compared after right-padding
    the shorter with zeros; they say which event came later when delivery is out of order.
    """
    if not a or not b:
        return False
    width = max(len(a), len(b))
    return int(a.ljust(width, "0"), 16) > int(b.ljust(width, "0"), 16)


SEQUENCER_META = "source-sequencer"


class S3Store:
    """ObjectStore over a boto3 S3 client, made once per process and passed in.

    Transient errors (throttling, 5xx) are retried by the client's own retry
    mode; what still fails is raised unchanged so Lambda retries the event.
    """

    def __init__(self, client: object) -> None:
        self._s3 = client

    def _call(self, op: str, **kwargs: object) -> dict:
        from botocore.exceptions import ClientError

        try:
            return getattr(self._s3, op)(**kwargs)
        except ClientError as exc:
            code = exc.response.get("Error", {}).get("Code", "")
            if code in ("NoSuchKey", "NoSuchVersion", "404", "NotFound"):
                raise ObjectMissing(f"{kwargs.get('Key')} no longer exists ({code})") from exc
            if code in ("AccessDenied", "403", "Forbidden"):
                raise AccessDenied(f"access denied to s3://{kwargs.get('Bucket')}/{kwargs.get('Key')}") from exc
            raise

    def get(self, bucket: str, key: str, version_id: str | None, max_bytes: int) -> Fetched:
        from botocore.exceptions import ClientError

        extra: dict[str, object] = {"VersionId": version_id} if version_id else {}
        # Ask for one byte past the cap: enough to know the object is too large, never the whole of it.
        try:
            resp = self._call("get_object", Bucket=bucket, Key=key, Range=f"bytes=0-{max_bytes}", **extra)
        except ClientError as exc:
            if exc.response.get("Error", {}).get("Code") != "InvalidRange":
                raise
            # S3 answers a ranged read of an empty object with 416: read it whole (it is empty).
            resp = self._call("get_object", Bucket=bucket, Key=key, **extra)
        # The object's full size comes with the response headers (Content-Range), before any of
        # the body is read: an object over the cap is refused without reading a byte of it.
        total = resp.get("ContentRange", "").rpartition("/")[2]
        size = int(total) if total.isdigit() else int(resp.get("ContentLength", 0))
        stream = resp["Body"]
        try:
            body = b"" if size > max_bytes else stream.read(max_bytes + 1)
        finally:
            stream.close()
        return Fetched(
            body=body,
            size=max(size, len(body)),
            content_type=resp.get("ContentType"),
            etag=(resp.get("ETag") or "").strip('"') or None,
            version_id=resp.get("VersionId"),
        )

    def head(self, bucket: str, key: str) -> Mapping[str, str] | None:
        from botocore.exceptions import ClientError

        try:
            return self._s3.head_object(Bucket=bucket, Key=key).get("Metadata", {})
        except ClientError as exc:
            if exc.response.get("Error", {}).get("Code") in ("404", "NoSuchKey", "NotFound"):
                return None
            raise

    def put(
        self, bucket: str, key: str, body: bytes, content_type: str, metadata: Mapping[str, str],
        sequencer: str | None = None,
    ) -> bool:
        from botocore.exceptions import ClientError

        meta = {**metadata, SEQUENCER_META: sequencer or ""}
        # Check-then-write with a conditional put: if another invocation writes between the two,
        # the precondition fails and we look again, so an older version never overwrites a newer one.
        for _ in range(4):
            try:
                head = self._s3.head_object(Bucket=bucket, Key=key)
            except ClientError as exc:
                if exc.response.get("Error", {}).get("Code") not in ("404", "NoSuchKey", "NotFound"):
                    raise
                head = None
            if head is not None and newer(head.get("Metadata", {}).get(SEQUENCER_META), sequencer):
                return False
            condition = {"IfMatch": head["ETag"]} if head is not None else {"IfNoneMatch": "*"}
            try:
                self._s3.put_object(
                    Bucket=bucket, Key=key, Body=body, ContentType=content_type, Metadata=meta, **condition
                )
                return True
            except ClientError as exc:
                if exc.response.get("Error", {}).get("Code") not in ("PreconditionFailed", "ConditionalRequestConflict"):
                    raise
        raise StoreError(f"s3://{bucket}/{key} kept changing under concurrent writes")
