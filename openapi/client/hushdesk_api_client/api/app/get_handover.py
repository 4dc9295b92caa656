from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_body import ErrorBody
from ...models.handover_response import HandoverResponse
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    since: str | Unset = UNSET,
    queue: int | Unset = UNSET,
    language: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["since"] = since

    params["queue"] = queue

    params["language"] = language

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/REST/2.0/hushdesk/handover",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorBody | HandoverResponse | None:
    if response.status_code == 200:
        response_200 = HandoverResponse.from_dict(response.json())

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
) -> Response[ErrorBody | HandoverResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    since: str | Unset = UNSET,
    queue: int | Unset = UNSET,
    language: str | Unset = UNSET,
) -> Response[ErrorBody | HandoverResponse]:
    """Replies sent, tickets resolved and comments per supporter since `since`, how many tickets
    came in, and those of them nobody answered yet (oldest first).

    Args:
        since (str | Unset):
        queue (int | Unset):
        language (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorBody | HandoverResponse]
    """

    kwargs = _get_kwargs(
        since=since,
        queue=queue,
        language=language,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    since: str | Unset = UNSET,
    queue: int | Unset = UNSET,
    language: str | Unset = UNSET,
) -> ErrorBody | HandoverResponse | None:
    """Replies sent, tickets resolved and comments per supporter since `since`, how many tickets
    came in, and those of them nobody answered yet (oldest first).

    Args:
        since (str | Unset):
        queue (int | Unset):
        language (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorBody | HandoverResponse
    """

    return sync_detailed(
        client=client,
        since=since,
        queue=queue,
        language=language,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    since: str | Unset = UNSET,
    queue: int | Unset = UNSET,
    language: str | Unset = UNSET,
) -> Response[ErrorBody | HandoverResponse]:
    """Replies sent, tickets resolved and comments per supporter since `since`, how many tickets
    came in, and those of them nobody answered yet (oldest first).

    Args:
        since (str | Unset):
        queue (int | Unset):
        language (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorBody | HandoverResponse]
    """

    kwargs = _get_kwargs(
        since=since,
        queue=queue,
        language=language,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    since: str | Unset = UNSET,
    queue: int | Unset = UNSET,
    language: str | Unset = UNSET,
) -> ErrorBody | HandoverResponse | None:
    """Replies sent, tickets resolved and comments per supporter since `since`, how many tickets
    came in, and those of them nobody answered yet (oldest first).

    Args:
        since (str | Unset):
        queue (int | Unset):
        language (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorBody | HandoverResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            since=since,
            queue=queue,
            language=language,
        )
    ).parsed
