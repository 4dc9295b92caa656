from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_body import ErrorBody
from ...models.view_counts import ViewCounts
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    queue: int | Unset = UNSET,
    language: str | Unset = UNSET,
    page: int | Unset = UNSET,
    per_page: int | Unset = UNSET,
    query: str | Unset = UNSET,
    text: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["queue"] = queue

    params["language"] = language

    params["page"] = page

    params["per_page"] = per_page

    params["query"] = query

    params["text"] = text

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/REST/2.0/hushdesk/view-counts",
        "params": params,
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> ErrorBody | ViewCounts | None:
    if response.status_code == 200:
        response_200 = ViewCounts.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = ErrorBody.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = ErrorBody.from_dict(response.json())

        return response_401

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ErrorBody | ViewCounts]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    queue: int | Unset = UNSET,
    language: str | Unset = UNSET,
    page: int | Unset = UNSET,
    per_page: int | Unset = UNSET,
    query: str | Unset = UNSET,
    text: str | Unset = UNSET,
) -> Response[ErrorBody | ViewCounts]:
    """Totals of the needs-answer, mine and unowned views (same `queue`/`language` filters).

    Args:
        queue (int | Unset):
        language (str | Unset):
        page (int | Unset):
        per_page (int | Unset):
        query (str | Unset):
        text (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorBody | ViewCounts]
    """

    kwargs = _get_kwargs(
        queue=queue,
        language=language,
        page=page,
        per_page=per_page,
        query=query,
        text=text,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    queue: int | Unset = UNSET,
    language: str | Unset = UNSET,
    page: int | Unset = UNSET,
    per_page: int | Unset = UNSET,
    query: str | Unset = UNSET,
    text: str | Unset = UNSET,
) -> ErrorBody | ViewCounts | None:
    """Totals of the needs-answer, mine and unowned views (same `queue`/`language` filters).

    Args:
        queue (int | Unset):
        language (str | Unset):
        page (int | Unset):
        per_page (int | Unset):
        query (str | Unset):
        text (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorBody | ViewCounts
    """

    return sync_detailed(
        client=client,
        queue=queue,
        language=language,
        page=page,
        per_page=per_page,
        query=query,
        text=text,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    queue: int | Unset = UNSET,
    language: str | Unset = UNSET,
    page: int | Unset = UNSET,
    per_page: int | Unset = UNSET,
    query: str | Unset = UNSET,
    text: str | Unset = UNSET,
) -> Response[ErrorBody | ViewCounts]:
    """Totals of the needs-answer, mine and unowned views (same `queue`/`language` filters).

    Args:
        queue (int | Unset):
        language (str | Unset):
        page (int | Unset):
        per_page (int | Unset):
        query (str | Unset):
        text (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorBody | ViewCounts]
    """

    kwargs = _get_kwargs(
        queue=queue,
        language=language,
        page=page,
        per_page=per_page,
        query=query,
        text=text,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    queue: int | Unset = UNSET,
    language: str | Unset = UNSET,
    page: int | Unset = UNSET,
    per_page: int | Unset = UNSET,
    query: str | Unset = UNSET,
    text: str | Unset = UNSET,
) -> ErrorBody | ViewCounts | None:
    """Totals of the needs-answer, mine and unowned views (same `queue`/`language` filters).

    Args:
        queue (int | Unset):
        language (str | Unset):
        page (int | Unset):
        per_page (int | Unset):
        query (str | Unset):
        text (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorBody | ViewCounts
    """

    return (
        await asyncio_detailed(
            client=client,
            queue=queue,
            language=language,
            page=page,
            per_page=per_page,
            query=query,
            text=text,
        )
    ).parsed
