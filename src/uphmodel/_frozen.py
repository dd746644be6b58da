"""Immutable containers used inside the records: a hashable mapping and frozen JSON values."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from decimal import Decimal
from typing import TYPE_CHECKING, Any, TypeAlias, TypeVar, overload

from uphmodel._limits import MAX_DEPTH, MAX_DIGITS, width
from uphmodel._text import shown

K = TypeVar("K")
V = TypeVar("V")
D = TypeVar("D")


class FrozenMap(Mapping[K, V]):
    """An immutable, hashable mapping that keeps insertion order.

    Records hold these instead of ``dict`` so that a record is immutable all the way down and can
    be hashed and compared. Equality ignores order, as for ``dict``.

    >>> m = FrozenMap({"sex": "flickor", "grade": "Gy"})
    >>> m["grade"], len(m), m == FrozenMap({"grade": "Gy", "sex": "flickor"})
    ('Gy', 2, True)
    """

    __slots__ = ("_data", "_hash")

    _data: dict[K, V]
    _hash: int | None

    @overload
    def __init__(self) -> None: ...
    @overload
    def __init__(self, items: Mapping[K, V] | Iterable[tuple[K, V]]) -> None: ...
    def __init__(self, items: Mapping[K, V] | Iterable[tuple[K, V]] = ()) -> None:
        object.__setattr__(self, "_data", dict(items))
        object.__setattr__(self, "_hash", None)

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError("FrozenMap is immutable")

    def __getitem__(self, key: K) -> V:
        return self._data[key]

    def __iter__(self) -> Iterator[K]:
        return iter(self._data)

    def __len__(self) -> int:
        return len(self._data)

    def __hash__(self) -> int:
        h = self._hash
        if h is None:
            h = hash(frozenset(self._data.items()))
            object.__setattr__(self, "_hash", h)
        return h

    def __eq__(self, other: object) -> bool:
        if isinstance(other, FrozenMap):
            return self._data == other._data
        if isinstance(other, Mapping):
            return self._data == dict(other)
        return NotImplemented

    def __repr__(self) -> str:
        return f"FrozenMap({self._data!r})"

    def __reduce__(self) -> tuple[Any, ...]:
        return (FrozenMap, (list(self._data.items()),))

    def set(self, key: K, value: V) -> FrozenMap[K, V]:
        """Return a copy with ``key`` set to ``value``."""
        data = dict(self._data)
        data[key] = value
        return FrozenMap(data)

    def delete(self, key: K) -> FrozenMap[K, V]:
        """Return a copy without ``key`` (a ``KeyError`` if it is absent)."""
        data = dict(self._data)
        del data[key]
        return FrozenMap(data)


#: A JSON value as records hold it: numbers are ``int`` or ``Decimal`` (never ``float``), arrays are
#: tuples and objects are :class:`FrozenMap`, so the value is immutable and hashable.
if TYPE_CHECKING:
    JsonValue: TypeAlias = (
        bool | int | Decimal | str | tuple["JsonValue", ...] | FrozenMap[str, "JsonValue"] | None
    )
else:  # a recursive alias cannot be evaluated at run time; records only need it for typing
    JsonValue = object

#: Unknown fields of a record: name to frozen JSON value.
Extra: TypeAlias = FrozenMap[str, JsonValue]

EMPTY: FrozenMap[Any, Any] = FrozenMap()


def freeze(value: object, depth: int = 0) -> JsonValue:
    """Turn a parsed JSON value (dicts, lists, numbers) into its frozen form.

    Raises ``TypeError`` for anything that is not JSON, and for ``float``: JSON numbers must be
    read exactly (``Decimal``); ``ValueError`` for a value nested deeper than
    :data:`~uphmodel.MAX_DEPTH` levels, an infinite number, or one of more than
    :data:`~uphmodel.MAX_DIGITS` digits.
    """
    if value is None or isinstance(value, (bool, str)):
        return value
    if isinstance(value, (int, Decimal)):
        if isinstance(value, Decimal) and not value.is_finite():
            raise ValueError(f"a JSON number must be finite (got {value})")
        if width(value) > MAX_DIGITS:
            raise ValueError(
                f"a number may need at most {MAX_DIGITS:,} digits (got {shown(value)})"
            )
        return value
    if isinstance(value, float):
        raise TypeError(f"a float ({value!r}) cannot be held exactly; read numbers as Decimal")
    if depth >= MAX_DEPTH:
        raise ValueError(f"a value may be nested at most {MAX_DEPTH} levels deep")
    if isinstance(value, Mapping):
        out: dict[str, JsonValue] = {}
        for key, item in value.items():
            if not isinstance(key, str):
                raise TypeError(f"JSON object keys must be strings (got {shown(key)})")
            out[key] = freeze(item, depth + 1)
        return FrozenMap(out)
    if isinstance(value, (list, tuple)):
        return tuple(freeze(item, depth + 1) for item in value)
    raise TypeError(f"not a JSON value: {shown(value)}")


def thaw(value: JsonValue) -> object:
    """The inverse of :func:`freeze`: plain dicts and lists, keys of objects sorted."""
    if isinstance(value, FrozenMap):
        return {key: thaw(value[key]) for key in sorted(value)}
    if isinstance(value, tuple):
        return [thaw(item) for item in value]
    return value
