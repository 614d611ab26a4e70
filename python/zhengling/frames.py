"""Records to pandas tables: one row per page, and one row per (page, item, group, measure).

The measures table has the columns of the binary's ``--csv`` output (``MEASURE_COLUMNS``,
which end with ``MEASURE_COLUMNS_NEXT``: the columns the directive model's groups, timing and
durations add), computed the same way, so ``to_frames(records, text=True)[1]`` equals
``pandas.read_csv(csv_path, dtype=str, keep_default_na=False)`` cell for cell on the columns
the binary writes. Fields a record does not carry (an older record without ``groups``) read
as empty cells.
"""

from __future__ import annotations

from typing import Any, Dict, Iterable, List, Optional, Sequence, Tuple

from ._zhengling import MEASURE_COLUMNS as _BINARY_COLUMNS

Record = Dict[str, Any]

#: The columns after the first 23 of the binary's: the item's index, its group (one row per
#: group, empty group cells when the item has none), the group's origin, movement, people and
#: excepted groups (``|``-joined), the measure's timing, requirement, duration, window, times,
#: interval (each with its unit where one applies), test days (``/``-joined) and the measure's
#: words as the page writes them (``term`` is the lexicon's term for them).
MEASURE_COLUMNS_NEXT: Tuple[str, ...] = (
    "item",
    "group",
    "origin",
    "movement",
    "people",
    "except",
    "timing",
    "requirement",
    "duration",
    "duration_unit",
    "within",
    "within_unit",
    "times",
    "interval",
    "interval_unit",
    "days",
    "measure_text",
)

#: Every column of the measures table, in order: the binary's, then any of
#: :data:`MEASURE_COLUMNS_NEXT` a binary without them lacks.
MEASURE_TABLE_COLUMNS: Tuple[str, ...] = tuple(_BINARY_COLUMNS) + tuple(
    c for c in MEASURE_COLUMNS_NEXT if c not in _BINARY_COLUMNS
)

_MEASURE_INTS = {"paragraph", "level", "item", "duration", "within", "times", "interval"}
_MEASURE_BOOLS = {"lifted", "targeted", "requirement"}

#: Columns of the pages table, in order.
PAGE_COLUMNS: Tuple[str, ...] = (
    "input",
    "url",
    "title",
    "published",
    "site",
    "source",
    "author",
    "editor",
    "doc_number",
    "format",
    "encoding",
    "encoding_source",
    "malformed",
    "kind",
    "issuer",
    "region",
    "region_code",
    "phase",
    "meeting",
    "meeting_date",
    "valid_from",
    "valid_to",
    "paragraphs",
    "characters",
    "entities",
    "items",
    "measures",
    "oxcgrt",
    "warnings",
    "error",
    "error_kind",
)

_PAGE_INTS = {"malformed", "paragraphs", "characters", "entities", "items", "measures"}


def _get(obj: Any, key: str) -> Any:
    return obj.get(key) if isinstance(obj, dict) else None


def _region_code(record: Record, directive: Dict[str, Any]) -> Optional[str]:
    """The directive's region code, else the code of a place entity naming the region."""
    code = directive.get("region_code")
    if code:
        return code
    region = directive.get("region") or ""
    if not region:
        return None
    for e in record.get("entities") or []:
        if (
            e.get("kind") == "place"
            and e.get("code") is not None
            and (e.get("text") == region or e.get("full") == region)
        ):
            return e["code"]
    return None


def _amount(m: Dict[str, Any], key: str) -> Tuple[Optional[int], Optional[str]]:
    v = m.get(key)
    if isinstance(v, dict):
        return v.get("value"), v.get("unit")
    return None, None


def measure_rows(record: Record, *, by_group: bool = True) -> List[Dict[str, Any]]:
    """The measures-table rows of one record (typed values, ``None`` for unknown); with
    ``by_group=False`` one row per (item, measure), its group cells empty."""
    d = record.get("directive")
    if not isinstance(d, dict):
        return []
    items = d.get("items") or []
    if all(not (i.get("measures") or []) for i in items):
        return []
    meeting = d.get("meeting") or {}
    page = {
        "input": record.get("input"),
        "url": record.get("url"),
        "region": d.get("region"),
        "region_code": _region_code(record, d),
        "date": record.get("published") or _get(meeting, "date"),
        "issuer": d.get("issuer"),
        "kind": d.get("kind"),
    }
    rows: List[Dict[str, Any]] = []
    for index, item in enumerate(items):
        groups: Sequence[Optional[Dict[str, Any]]] = (
            (item.get("groups") if by_group else None) or [None]
        )
        for group in groups:
            g = group or {}
            for m in item.get("measures") or []:
                duration, duration_unit = _amount(m, "duration")
                within, within_unit = _amount(m, "within")
                times, _ = _amount(m, "times")
                interval, interval_unit = _amount(m, "interval")
                days = m.get("days")
                excepted = g.get("except")
                rows.append(
                    {
                        **page,
                        "category": m.get("category"),
                        "oxcgrt": m.get("oxcgrt"),
                        "term": m.get("term"),
                        "modality": item.get("modality"),
                        "sentence": item.get("text"),
                        "paragraph": item.get("paragraph"),
                        "actor": item.get("actor"),
                        "targets": "|".join(item.get("targets") or []),
                        "level": m.get("level"),
                        "lifted": bool(m.get("lifted")),
                        "targeted": bool(m.get("targeted")),
                        "valid_from": m.get("valid_from")
                        or item.get("valid_from")
                        or d.get("valid_from"),
                        "valid_to": m.get("valid_to") or item.get("valid_to") or d.get("valid_to"),
                        "coronanet": m.get("coronanet"),
                        "phsm": m.get("phsm"),
                        "compliance": m.get("compliance"),
                        "item": index,
                        "group": g.get("text"),
                        "origin": g.get("origin"),
                        "movement": g.get("movement"),
                        "people": g.get("people"),
                        "except": "|".join(e.get("text", "") for e in excepted)
                        if excepted
                        else None,
                        "timing": m.get("timing"),
                        "requirement": m.get("requirement"),
                        "duration": duration,
                        "duration_unit": duration_unit,
                        "within": within,
                        "within_unit": within_unit,
                        "times": times,
                        "interval": interval,
                        "interval_unit": interval_unit,
                        "days": "/".join(str(x.get("value")) for x in days) if days else None,
                        "measure_text": m.get("text") or m.get("term"),
                    }
                )
    return rows


def page_row(record: Record) -> Dict[str, Any]:
    """The pages-table row of one record (typed values, ``None`` for unknown)."""
    d = record.get("directive") or {}
    meeting = d.get("meeting") or {}
    paragraphs = record.get("paragraphs") or []
    items = d.get("items") or []
    measures = [m for i in items for m in i.get("measures") or []]
    codes = sorted({m["oxcgrt"] for m in measures if m.get("oxcgrt")})
    warnings = record.get("warnings") or []
    return {
        "input": record.get("input"),
        "url": record.get("url"),
        "title": record.get("title"),
        "published": record.get("published"),
        "site": record.get("site"),
        "source": record.get("source"),
        "author": record.get("author"),
        "editor": record.get("editor"),
        "doc_number": record.get("doc_number"),
        "format": record.get("format"),
        "encoding": record.get("encoding"),
        "encoding_source": record.get("encoding_source"),
        "malformed": record.get("malformed") or 0,
        "kind": d.get("kind"),
        "issuer": d.get("issuer"),
        "region": d.get("region"),
        "region_code": _region_code(record, d) if d else None,
        "phase": d.get("phase"),
        "meeting": meeting.get("name"),
        "meeting_date": meeting.get("date"),
        "valid_from": d.get("valid_from"),
        "valid_to": d.get("valid_to"),
        "paragraphs": len(paragraphs),
        "characters": sum(len(p) for p in paragraphs),
        "entities": len(record.get("entities") or []),
        "items": len(items),
        "measures": len(measures),
        "oxcgrt": "|".join(codes) if codes else None,
        "warnings": "|".join(warnings) if warnings else None,
        "error": record.get("error"),
        "error_kind": record.get("error_kind"),
    }


def _cell(v: Any) -> str:
    """A value as the binary's CSV writes it."""
    if v is None:
        return ""
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    return str(v)


def _frame(rows: List[Dict[str, Any]], columns: Sequence[str], ints, bools, text: bool):
    try:
        import pandas as pd
    except ImportError as e:  # pragma: no cover - depends on the environment
        raise ImportError(
            "zhengling.to_frames needs pandas: pip install pandas (or the package's "
            "[pandas] extra)"
        ) from e
    if text:
        data = {c: [_cell(r.get(c)) for r in rows] for c in columns}
        return pd.DataFrame(data, columns=list(columns), dtype=object)
    frame = pd.DataFrame({c: [r.get(c) for r in rows] for c in columns}, columns=list(columns))
    for c in columns:
        if c in ints:
            frame[c] = pd.array([r.get(c) for r in rows], dtype="Int64")
        elif c in bools:
            frame[c] = pd.array([r.get(c) for r in rows], dtype="boolean")
        else:
            frame[c] = pd.Series([r.get(c) for r in rows], dtype=object)
    return frame


def to_frames(records: Iterable[Record], *, text: bool = False, by_group: bool = True):
    """The pages table and the measures table of ``records`` (dicts, as :func:`process`
    returns them), as two pandas DataFrames.

    - pages: one row per record, columns :data:`PAGE_COLUMNS` (error records included, with
      ``error`` and ``error_kind`` set);
    - measures: one row per (page, item, group, measure), columns ``MEASURE_COLUMNS`` then
      :data:`MEASURE_COLUMNS_NEXT` (an item without groups gives one row per measure with
      empty group cells; pages without measures give none).

    By default the columns are typed: counts, indices and amounts are ``Int64``, flags
    ``boolean``, the rest ``object`` (``str`` or ``None``), missing values ``<NA>``/``None``.
    With ``text=True`` every cell is the string the binary's ``--csv`` writes (``""`` for
    unknown, ``true``/``false``, integers without a decimal point).

    With ``by_group=False`` the measures table has one row per (page, item, measure), its
    group cells empty: the rows of a binary that writes one row per measure.
    """
    rows = list(records)
    pages = _frame([page_row(r) for r in rows], PAGE_COLUMNS, _PAGE_INTS, set(), text)
    measure = [row for r in rows for row in measure_rows(r, by_group=by_group)]
    measures = _frame(measure, MEASURE_TABLE_COLUMNS, _MEASURE_INTS, _MEASURE_BOOLS, text)
    return pages, measures
