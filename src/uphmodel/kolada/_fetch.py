"""Fetching data from Kolada's v3 API (needs the ``kolada`` extra: httpx).

Kolada takes at most 25 ids per path segment, so longer lists of areas or years are asked in
batches; each answer is followed page by page through ``next_url`` until it is empty. Every
request has a timeout, and an answer of 429 (too many requests) is retried after the time the
server asks for (or a short backoff), a few times. Responses are read with numbers exact.
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterable, Iterator
from decimal import Decimal
from typing import Any

from uphmodel._errors import UphError
from uphmodel._extras import need
from uphmodel.kolada._values import _kolada_id

__all__ = ["BASE_URL", "KoladaError", "fetch"]

#: Where the API answers.
BASE_URL = "https://api.kolada.se/v3"
_BATCH = 25  # ids per path segment the API accepts
_RETRIES = 3


class KoladaError(UphError, RuntimeError):
    """Kolada could not be asked or did not answer as expected; the message says which URL and
    what happened."""


def _batches(items: list[str]) -> Iterator[list[str]]:
    for start in range(0, len(items), _BATCH):
        yield items[start : start + _BATCH]


def _get(client: Any, url: str, params: dict[str, Any] | None) -> dict[str, Any]:
    httpx = need("httpx", "kolada")
    for attempt in range(_RETRIES + 1):
        try:
            response = client.get(url, params=params)
        except httpx.HTTPError as exc:
            raise KoladaError(f"{url}: {type(exc).__name__}: {exc}") from None
        if response.status_code == 429 and attempt < _RETRIES:
            wait = response.headers.get("Retry-After", "")
            time.sleep(min(float(wait) if wait.isdigit() else 2.0**attempt, 30.0))
            continue
        if response.status_code != 200:
            raise KoladaError(f"{response.url}: HTTP {response.status_code}: "
                              f"{response.text[:200]!r}")  # fmt: skip
        try:
            data = json.loads(response.content, parse_float=Decimal)
        except ValueError as exc:
            raise KoladaError(f"{response.url}: not JSON: {exc}") from None
        if not isinstance(data, dict):
            raise KoladaError(f"{response.url}: expected a JSON object")
        return data
    raise KoladaError(f"{url}: still too many requests after {_RETRIES} retries")


def fetch(
    kpi: str,
    areas: Iterable[str],
    years: Iterable[int] | None = None,
    *,
    timeout: float = 30.0,
    per_page: int = 5000,
    client: Any = None,
) -> list[dict[str, Any]]:
    """Every page of Kolada's answer for a KPI in some areas (SCB codes, "2380" or "23", or
    Kolada ids) and years (all years when None), to pass to :func:`observations`.

    ``client`` is an ``httpx.Client`` to use (for your own proxy, headers or, in tests, a mock
    transport); one with ``timeout`` is made otherwise. Raises :class:`KoladaError` when the
    API cannot be reached, answers with an error, or does not answer JSON.

    The data are Kolada's (RKA): cite them as "Källa: Kolada".
    """
    httpx = need("httpx", "kolada")
    ids = [_kolada_id(a) for a in areas]
    wanted = [str(y) for y in years] if years is not None else [""]
    own = client is None
    session = client or httpx.Client(timeout=timeout, follow_redirects=True)
    pages: list[dict[str, Any]] = []
    try:
        for some in _batches(ids):
            for years_batch in _batches(wanted) if years is not None else [[""]]:
                url = f"{BASE_URL}/data/kpi/{kpi}/municipality/{','.join(some)}"
                if years_batch != [""]:
                    url += f"/year/{','.join(years_batch)}"
                params: dict[str, Any] | None = {"per_page": per_page}
                next_url: str | None = url
                seen: set[str] = set()
                while next_url:
                    if next_url in seen:
                        raise KoladaError(f"{next_url}: the API pointed back at a page it gave")
                    seen.add(next_url)
                    page = _get(session, next_url, params)
                    pages.append(page)
                    following = page.get("next_url")
                    next_url = following if isinstance(following, str) and following else None
                    params = None  # the next URL carries its own parameters
    finally:
        if own:
            session.close()
    return pages
