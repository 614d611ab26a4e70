"""Type stubs of the Rust core (``zhengling._zhengling``); see ``zhengling`` for the docs."""

from os import PathLike
from typing import Any, Dict, Iterable, Iterator, List, Optional, Tuple, Union, final

_Record = Dict[str, Any]
_BytesLike = Union[bytes, bytearray, memoryview]
_PageLike = Union[_BytesLike, Tuple[str, _BytesLike], Dict[str, Any]]

__all__ = [
    "DEFAULT_MAX_BYTES",
    "MEASURE_COLUMNS",
    "Pipeline",
    "RecordIter",
    "ZhenglingError",
    "__version__",
    "record_schema_json",
]

__version__: str
#: The columns the binary's ``--csv`` writes, in order.
MEASURE_COLUMNS: List[str]
#: The default page size limit (50 MiB).
DEFAULT_MAX_BYTES: int

class ZhenglingError(ValueError):
    """A page that could not be processed: ``str(e)`` is ``INPUT: KIND: REASON``."""

    #: The page's name (``input``, else ``url``, else ``"<bytes>"``).
    input: str
    #: ``too-large``, ``undecodable``, ``process`` or ``panic``.
    kind: str
    #: Why, without the input and kind.
    reason: str

@final
class RecordIter(Iterator[Any]):
    """Records of one input, read lazily and processed a chunk at a time on all cores."""

    #: The input's path.
    @property
    def path(self) -> str: ...
    #: ``pages_in``, ``records_out``, ``ok``, ``errors`` (by kind), ``skipped`` (by reason),
    #: ``bytes_in``; complete once the iterator is exhausted.
    @property
    def summary(self) -> Dict[str, Any]: ...
    def __iter__(self) -> RecordIter: ...
    def __next__(self) -> Any:
        """A record: a dict, or its JSON text when made with ``json=True``."""

@final
class Pipeline:
    """The composed pipeline: build it once, reuse it for every page (thread-safe).

    :param max_bytes: the largest page accepted (larger: a ``too-large`` error).
    :param threads: worker threads of ``process_many`` and ``iter_warc`` (default: all cores).
    :param timeout: seconds per page in ``process_many`` and ``iter_warc`` (``None``: none);
        a page past it yields a ``timeout`` error record.
    """

    def __new__(
        cls,
        *,
        max_bytes: int = ...,
        threads: Optional[int] = None,
        timeout: Optional[float] = ...,  # 30.0
    ) -> Pipeline: ...
    @property
    def max_bytes(self) -> int: ...
    @property
    def threads(self) -> int: ...
    @property
    def timeout(self) -> Optional[float]: ...
    def process(
        self,
        data: _BytesLike,
        *,
        input: Optional[str] = None,
        url: Optional[str] = None,
        http_charset: Optional[str] = None,
        format: Optional[str] = None,
    ) -> _Record:
        """One page's record; raises ``ZhenglingError`` when it cannot be processed."""
    def process_many(self, pages: Iterable[_PageLike], *, threads: Optional[int] = None) -> List[_Record]:
        """Records of many pages in order, on all cores; a failed page yields an error record."""
    def iter_warc(
        self,
        path: Union[str, PathLike[str]],
        *,
        threads: Optional[int] = None,
        chunk: Optional[int] = None,
        json: bool = False,
    ) -> RecordIter:
        """Records of a WARC/WET/WAT or JSON Lines file, a page file or a directory (their
        JSON text with ``json=True``)."""

def record_schema_json() -> str:
    """The JSON Schema of the record, as JSON text."""
