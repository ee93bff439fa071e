"""Raw bytes to text: decompression, binary sniffing, encoding and format detection."""

from __future__ import annotations

import codecs
import gzip
import io
import json
import re
import zlib

from ..errors import EnricherError
from ..model import Decoded


class DecodeError(EnricherError):
    """Base of the decoder's errors. `status` says which record status it leads to."""

    status = "failed"


class UnsupportedContent(DecodeError):
    """Binary or otherwise non-text content (images, PDFs, archives)."""

    status = "skipped"


class EmptyInput(DecodeError):
    status = "skipped"


class TooLarge(DecodeError):
    status = "skipped"


class BadCompression(DecodeError):
    """Corrupt gzip data, or decompression past the size or ratio cap (a bomb)."""


class BadJson(DecodeError):
    """The input claims to be JSON (by name or content) but does not parse, or has no text field."""


# Magic numbers of common binary formats, recognised by their bytes, not their names.
_MAGIC = (
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"%PDF-", "PDF document"),
    (b"PK\x03\x04", "ZIP archive (or Office document)"),
    (b"RIFF", "RIFF media (WebP, WAV, AVI)"),
    (b"\x7fELF", "ELF executable"),
    (b"BZh", "bzip2 archive"),
    (b"\xfd7zXZ\x00", "xz archive"),
    (b"7z\xbc\xaf\x27\x1c", "7z archive"),
    (b"\x00\x00\x00\x18ftyp", "MP4 video"),
    (b"\x00\x00\x00\x20ftyp", "MP4 video"),
    (b"ID3", "MP3 audio"),
    (b"OggS", "Ogg media"),
    (b"\xd0\xcf\x11\xe0", "OLE document (old Office)"),
)

_JSON_TEXT_FIELDS = ("articleBody", "body", "text", "content", "html", "article")
_JSON_META_FIELDS = {
    "title": ("title", "headline", "name"),
    "byline": ("byline", "author", "authors"),
    "section": ("section", "category", "articleSection"),
    "published": ("published", "datePublished", "date", "published_at"),
    "language": ("language", "lang", "inLanguage"),
}


def decode(data: bytes | str, *, name: str | None = None, max_bytes: int, max_ratio: int) -> Decoded:
    """Turn raw input into text and say what form it has. Raises a DecodeError subclass."""
    if isinstance(data, str):
        text, encoding, compressed = data, "str", False
    else:
        if len(data) > max_bytes:
            raise TooLarge(f"input is over the {max_bytes}-byte limit")
        compressed = data[:2] == b"\x1f\x8b"
        if compressed:
            data = _gunzip(data, max_bytes=max_bytes, max_ratio=max_ratio)
        _refuse_binary(data)
        text, encoding = _to_text(data)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "")
    if not text.strip():
        raise EmptyInput("input is empty or only whitespace")
    fmt = _sniff_format(text, name)
    if fmt == "json":
        return _from_json(text, encoding, compressed)
    return Decoded(text=text, format=fmt, encoding=encoding, compressed=compressed)


def _gunzip(data: bytes, *, max_bytes: int, max_ratio: int) -> bytes:
    limit = min(max_bytes, max(len(data), 1) * max_ratio)
    out = bytearray()
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(data)) as fh:
            while chunk := fh.read(64 * 1024):
                out += chunk
                if len(out) > limit:
                    raise BadCompression(
                        f"decompressed size passes {limit} bytes (size cap {max_bytes}, ratio cap {max_ratio}:1)"
                    )
    except (OSError, EOFError, zlib.error) as exc:
        raise BadCompression(f"corrupt gzip data: {exc}") from exc
    return bytes(out)


# Every byte value except the control bytes text does not use (below 32, other than NUL, tab,
# LF, FF and CR): deleting these from a sample leaves just the suspicious ones to count.
_NOT_CONTROL = bytes(b for b in range(256) if not (b < 32 and b not in (0, 9, 10, 12, 13)))


def _refuse_binary(data: bytes) -> None:
    head = data[:16]
    for magic, what in _MAGIC:
        if head.startswith(magic):
            raise UnsupportedContent(f"unsupported content: {what}")
    if data[:4] in (b"\x00\x00\x00\x1c", b"\x00\x00\x00\x14") and data[4:8] == b"ftyp":
        raise UnsupportedContent("unsupported content: MP4/MOV media")
    sample = data[:8192]
    if not sample or sample.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return
    # Text has few control bytes; UTF-16 without BOM has NULs in every other byte.
    if sample.count(0) > len(sample) * 0.3 and _looks_utf16(sample):
        return
    controls = len(sample.translate(None, _NOT_CONTROL))  # in C, not a loop over 8 KB
    nuls = sample.count(0)
    if controls + nuls > len(sample) * 0.1:
        raise UnsupportedContent("unsupported content: binary data (not text)")


def _looks_utf16(sample: bytes) -> bool:
    even = sample[0::2].count(0)
    odd = sample[1::2].count(0)
    half = len(sample) / 2
    return even > 0.4 * half or odd > 0.4 * half


def _to_text(data: bytes) -> tuple[str, str]:
    for bom, enc in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            return data.decode(enc, errors="replace"), enc.replace("-sig", "")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    # charset-normalizer is imported only for inputs that are not UTF-8.
    from charset_normalizer import from_bytes

    best = from_bytes(data[:200_000]).best()
    encoding = best.encoding if best is not None else None
    if encoding is None or _mostly_utf8(data):
        # Mostly UTF-8 with a few bad bytes: keep UTF-8 and mark the bad bytes.
        return data.decode("utf-8", errors="replace"), "utf-8"
    if encoding in ("latin_1", "iso8859_1", "ascii"):
        # cp1252 is a superset of Latin-1 for the printable range and is what such files usually are.
        encoding = "cp1252"
    try:
        return data.decode(encoding, errors="replace"), encoding
    except LookupError:
        return data.decode("cp1252", errors="replace"), "cp1252"


def _mostly_utf8(data: bytes) -> bool:
    text = data[:200_000].decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    non_ascii = sum(1 for ch in text if ord(ch) > 127)
    return non_ascii > 0 and bad <= 0.05 * non_ascii and bad < 20


_HTML_HINT = re.compile(r"<(?:!doctype html|html|head|body|article|p|div|meta|title)\b", re.I)


def _sniff_format(text: str, name: str | None) -> str:
    lowered = (name or "").lower()
    for suffix in (".gz",):
        if lowered.endswith(suffix):
            lowered = lowered[: -len(suffix)]
    if lowered.endswith((".html", ".htm", ".xhtml")):
        return "html"
    if lowered.endswith(".json"):
        return "json"
    if lowered.endswith((".md", ".markdown")):
        return "markdown"
    head = text.lstrip()[:2000]
    if head[:1] in "{[" and not lowered.endswith(".txt"):
        return "json"
    if head.startswith("<") and _HTML_HINT.search(head):
        return "html"
    return "dump"


def _from_json(text: str, encoding: str, compressed: bool) -> Decoded:
    try:
        obj = json.loads(text)
    except json.JSONDecodeError as exc:
        raise BadJson(f"malformed JSON: {exc.msg} at line {exc.lineno} column {exc.colno}") from exc
    if isinstance(obj, list) and len(obj) == 1:
        obj = obj[0]
    if not isinstance(obj, dict):
        raise BadJson(f"JSON input must be an object with a text field, got {type(obj).__name__}")
    fields = {k: _as_text(v) for k, v in obj.items()}
    body_key = next((k for k in _JSON_TEXT_FIELDS if fields.get(k)), None)
    if body_key is None:
        raise BadJson(f"JSON object has no text field (expected one of: {', '.join(_JSON_TEXT_FIELDS)})")
    body = fields[body_key]
    meta = {}
    for key, candidates in _JSON_META_FIELDS.items():
        value = next((fields[c] for c in candidates if fields.get(c)), None)
        if value:
            meta[key] = value
    fmt = "html" if body_key == "html" or (body.lstrip().startswith("<") and _HTML_HINT.search(body[:2000])) else "dump"
    return Decoded(text=body, format=fmt, encoding=encoding, compressed=compressed, fields=meta)


def _as_text(value: object) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, list):
        parts = [_as_text(v) for v in value]
        return ("\n\n" if any(len(p) > 80 for p in parts) else ", ").join(p for p in parts if p)
    if isinstance(value, dict):
        return _as_text(value.get("name") or value.get("text") or "")
    if value is None or isinstance(value, bool):
        return ""
    return str(value)
