from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_body import ErrorBody
from ...models.stats_kind import StatsKind
from ...models.stats_response import StatsResponse
from ...types import UNSET, Response, Unset


def _get_kwargs(
    kind: StatsKind,
    *,
    from_: str | Unset = UNSET,
    to: str | Unset = UNSET,
    period: str | Unset = UNSET,
    queue: int | Unset = UNSET,
    language: str | Unset = UNSET,
    group: str | Unset = UNSET,
    format_: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["from"] = from_

    params["to"] = to

    params["period"] = period

    params["queue"] = queue

    params["language"] = language

    params["group"] = group

    params["format"] = format_

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/REST/2.0/hushdesk/stats/{kind}".format(
            kind=quote(str(kind), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorBody | StatsResponse | None:
    if response.status_code == 200:
        response_200 = StatsResponse.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = ErrorBody.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = ErrorBody.from_dict(response.json())

        return response_401

    if response.status_code == 404:
        response_404 = ErrorBody.from_dict(response.json())

        return response_404

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ErrorBody | StatsResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    kind: StatsKind,
    *,
    client: AuthenticatedClient | Client,
    from_: str | Unset = UNSET,
    to: str | Unset = UNSET,
    period: str | Unset = UNSET,
    queue: int | Unset = UNSET,
    language: str | Unset = UNSET,
    group: str | Unset = UNSET,
    format_: str | Unset = UNSET,
) -> Response[ErrorBody | StatsResponse]:
    """New tickets per day/week, backlog (open at the end of each day), first-response time
    distribution (buckets `<1h`, `1-4h`, `4-24h`, `1-3d`, `3-7d`, `>7d`, `no reply`) or
    resolved per week/day; for all visible queues, one queue or one language, optionally one
    series per queue or language. `format=csv` answers `text/csv` (`series,label,value`).

    Args:
        kind (StatsKind): Which statistic.
        from_ (str | Unset):
        to (str | Unset):
        period (str | Unset):
        queue (int | Unset):
        language (str | Unset):
        group (str | Unset):
        format_ (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorBody | StatsResponse]
    """

    kwargs = _get_kwargs(
        kind=kind,
        from_=from_,
        to=to,
        period=period,
        queue=queue,
        language=language,
        group=group,
        format_=format_,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    kind: StatsKind,
    *,
    client: AuthenticatedClient | Client,
    from_: str | Unset = UNSET,
    to: str | Unset = UNSET,
    period: str | Unset = UNSET,
    queue: int | Unset = UNSET,
    language: str | Unset = UNSET,
    group: str | Unset = UNSET,
    format_: str | Unset = UNSET,
) -> ErrorBody | StatsResponse | None:
    """New tickets per day/week, backlog (open at the end of each day), first-response time
    distribution (buckets `<1h`, `1-4h`, `4-24h`, `1-3d`, `3-7d`, `>7d`, `no reply`) or
    resolved per week/day; for all visible queues, one queue or one language, optionally one
    series per queue or language. `format=csv` answers `text/csv` (`series,label,value`).

    Args:
        kind (StatsKind): Which statistic.
        from_ (str | Unset):
        to (str | Unset):
        period (str | Unset):
        queue (int | Unset):
        language (str | Unset):
        group (str | Unset):
        format_ (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorBody | StatsResponse
    """

    return sync_detailed(
        kind=kind,
        client=client,
        from_=from_,
        to=to,
        period=period,
        queue=queue,
        language=language,
        group=group,
        format_=format_,
    ).parsed


async def asyncio_detailed(
    kind: StatsKind,
    *,
    client: AuthenticatedClient | Client,
    from_: str | Unset = UNSET,
    to: str | Unset = UNSET,
    period: str | Unset = UNSET,
    queue: int | Unset = UNSET,
    language: str | Unset = UNSET,
    group: str | Unset = UNSET,
    format_: str | Unset = UNSET,
) -> Response[ErrorBody | StatsResponse]:
    """New tickets per day/week, backlog (open at the end of each day), first-response time
    distribution (buckets `<1h`, `1-4h`, `4-24h`, `1-3d`, `3-7d`, `>7d`, `no reply`) or
    resolved per week/day; for all visible queues, one queue or one language, optionally one
    series per queue or language. `format=csv` answers `text/csv` (`series,label,value`).

    Args:
        kind (StatsKind): Which statistic.
        from_ (str | Unset):
        to (str | Unset):
        period (str | Unset):
        queue (int | Unset):
        language (str | Unset):
        group (str | Unset):
        format_ (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorBody | StatsResponse]
    """

    kwargs = _get_kwargs(
        kind=kind,
        from_=from_,
        to=to,
        period=period,
        queue=queue,
        language=language,
        group=group,
        format_=format_,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    kind: StatsKind,
    *,
    client: AuthenticatedClient | Client,
    from_: str | Unset = UNSET,
    to: str | Unset = UNSET,
    period: str | Unset = UNSET,
    queue: int | Unset = UNSET,
    language: str | Unset = UNSET,
    group: str | Unset = UNSET,
    format_: str | Unset = UNSET,
) -> ErrorBody | StatsResponse | None:
    """New tickets per day/week, backlog (open at the end of each day), first-response time
    distribution (buckets `<1h`, `1-4h`, `4-24h`, `1-3d`, `3-7d`, `>7d`, `no reply`) or
    resolved per week/day; for all visible queues, one queue or one language, optionally one
    series per queue or language. `format=csv` answers `text/csv` (`series,label,value`).

    Args:
        kind (StatsKind): Which statistic.
        from_ (str | Unset):
        to (str | Unset):
        period (str | Unset):
        queue (int | Unset):
        language (str | Unset):
        group (str | Unset):
        format_ (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorBody | StatsResponse
    """

    return (
        await asyncio_detailed(
            kind=kind,
            client=client,
            from_=from_,
            to=to,
            period=period,
            queue=queue,
            language=language,
            group=group,
            format_=format_,
        )
    ).parsed
