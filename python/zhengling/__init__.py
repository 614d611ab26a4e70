"""zhengling (政令) from Python: Chinese government and news pages about epidemic-prevention
directives to clean text, spanned entities and typed directive records, at Rust speed.

Each record is a dict, exactly the JSON object ``zhengling --json`` prints (``CONTRACT.md``;
its JSON Schema is :func:`record_schema`).

>>> import zhengling
>>> page = "关于做好疫情防控工作的通知\\n\\n各地要严格落实核酸检测。".encode()
>>> record = zhengling.process(page, input="notice.txt")
>>> record["title"]
'关于做好疫情防控工作的通知'
>>> [m["oxcgrt"] for i in record["directive"]["items"] for m in i["measures"]]
['H2']

- :func:`process` one page (bytes as served; the encoding is detected), :func:`process_many`
  many pages on all cores with the GIL released, :func:`iter_warc` the records of a
  WARC/WET/WAT file, a JSON Lines file, a page file or a directory, like the binary.
- :class:`Pipeline` holds the built pipeline and its settings; the module functions share
  one default pipeline built on first use.
- :func:`to_frames` turns records into pandas tables (pages, measures), ``zhengling.spark``
  runs the pipeline as a Spark job over many WARC files.

Errors: :func:`process` raises :class:`ZhenglingError` (a ``ValueError``) naming the input
and the reason; ``TypeError`` for data that is not bytes. :func:`process_many` and
:func:`iter_warc` never raise for a bad page: like the binary, they yield a record with
``error`` and ``error_kind`` set in its place, and go on.
"""

from __future__ import annotations

import json
import os
import threading
from typing import Any, Dict, Iterable, List, Optional, Union

from ._zhengling import (
    DEFAULT_MAX_BYTES,
    MEASURE_COLUMNS,
    Pipeline,
    RecordIter,
    ZhenglingError,
    __version__,
    record_schema_json,
)
from .frames import MEASURE_COLUMNS_NEXT, MEASURE_TABLE_COLUMNS, PAGE_COLUMNS, to_frames

__all__ = [
    "DEFAULT_MAX_BYTES",
    "MEASURE_COLUMNS",
    "MEASURE_COLUMNS_NEXT",
    "MEASURE_TABLE_COLUMNS",
    "PAGE_COLUMNS",
    "Pipeline",
    "RecordIter",
    "ZhenglingError",
    "__version__",
    "default_pipeline",
    "iter_warc",
    "process",
    "process_many",
    "record_schema",
    "to_frames",
]

Record = Dict[str, Any]
PageLike = Union[bytes, bytearray, memoryview, "tuple[str, bytes]", Dict[str, Any]]

_default: Optional[Pipeline] = None
_default_lock = threading.Lock()


def default_pipeline() -> Pipeline:
    """The shared pipeline of the module functions, built on first use (about 15 ms)."""
    global _default
    if _default is None:
        with _default_lock:
            if _default is None:
                _default = Pipeline()
    return _default


def process(
    data: Union[bytes, bytearray, memoryview],
    *,
    input: Optional[str] = None,
    url: Optional[str] = None,
    http_charset: Optional[str] = None,
    format: Optional[str] = None,
) -> Record:
    """Processes one page and returns its record (a dict, as ``zhengling --json`` prints it).

    :param data: the page's bytes as served (any encoding; it is detected the way a browser
        does, helped by ``http_charset`` and ``url``).
    :param input: the page's name in the record (``record["input"]``); default ``url``, else
        ``"<bytes>"``.
    :param url: the page's URL (a hint for the encoding and the record's ``url``).
    :param http_charset: the charset of the HTTP ``Content-Type`` header.
    :param format: ``"html"`` or ``"text"``; detected when ``None``.
    :raises ZhenglingError: when the page cannot be processed (too large, not text, a
        pipeline failure); its message names the input and the reason.
    :raises TypeError: when ``data`` is not bytes-like (a ``str`` is refused: pass the bytes).
    """
    return default_pipeline().process(
        data, input=input, url=url, http_charset=http_charset, format=format
    )


def process_many(pages: Iterable[PageLike], *, threads: Optional[int] = None) -> List[Record]:
    """Processes many pages on all cores (the GIL released) and returns their records in order.

    Each page is ``bytes``, an ``(input, bytes)`` pair, or a dict with ``"data"`` and any of
    ``"input"``, ``"url"``, ``"http_charset"``, ``"format"``. A page that fails yields a record
    with ``error`` and ``error_kind`` set; nothing is raised for it.
    """
    return default_pipeline().process_many(pages, threads=threads)


def iter_warc(
    path: Union[str, "os.PathLike[str]"],
    *,
    threads: Optional[int] = None,
    chunk: Optional[int] = None,
    json: bool = False,
) -> RecordIter:
    """Yields the records of a WARC/WET/WAT file (gzip or not), a JSON Lines file of
    ``{"url", "html" | "text", "headers"}`` objects, a page file or a directory, in input order,
    as ``zhengling --json`` would print them.

    Pages are read lazily and processed ``chunk`` at a time (default 16 per thread) on
    ``threads`` cores. A broken record yields an error record. The iterator's ``summary``
    counts pages in, records out, errors by kind and skipped records (requests, metadata,
    redirects, images) once it is exhausted. With ``json=True`` it yields each record's JSON
    text instead of a dict: the binary's output line, made without the GIL (for writing
    records out, as the Spark job does).

    :raises FileNotFoundError: when ``path`` does not exist.
    """
    return default_pipeline().iter_warc(os.fspath(path), threads=threads, chunk=chunk, json=json)


_schema: Optional[Dict[str, Any]] = None


def record_schema() -> Dict[str, Any]:
    """The JSON Schema (draft 2020-12) of a record, generated from the Rust types (the same
    as the repository's ``schema/record.schema.json``). Returns a fresh copy."""
    global _schema
    if _schema is None:
        _schema = json.loads(record_schema_json())
    return json.loads(json.dumps(_schema))
