from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_body import ErrorBody
from ...models.ticket_response import TicketResponse
from ...types import UNSET, Response, Unset


def _get_kwargs(
    id: int,
    *,
    fields_queue: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["fields[Queue]"] = fields_queue

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/REST/2.0/ticket/{id}".format(
            id=quote(str(id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorBody | TicketResponse | None:
    if response.status_code == 200:
        response_200 = TicketResponse.from_dict(response.json())

        return response_200

    if response.status_code == 403:
        response_403 = ErrorBody.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = ErrorBody.from_dict(response.json())

        return response_404

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ErrorBody | TicketResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    id: int,
    *,
    client: AuthenticatedClient | Client,
    fields_queue: str | Unset = UNSET,
) -> Response[ErrorBody | TicketResponse]:
    """Show a ticket; a merged ticket's number shows the ticket it was merged into.

    Args:
        id (int):
        fields_queue (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorBody | TicketResponse]
    """

    kwargs = _get_kwargs(
        id=id,
        fields_queue=fields_queue,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    id: int,
    *,
    client: AuthenticatedClient | Client,
    fields_queue: str | Unset = UNSET,
) -> ErrorBody | TicketResponse | None:
    """Show a ticket; a merged ticket's number shows the ticket it was merged into.

    Args:
        id (int):
        fields_queue (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorBody | TicketResponse
    """

    return sync_detailed(
        id=id,
        client=client,
        fields_queue=fields_queue,
    ).parsed


async def asyncio_detailed(
    id: int,
    *,
    client: AuthenticatedClient | Client,
    fields_queue: str | Unset = UNSET,
) -> Response[ErrorBody | TicketResponse]:
    """Show a ticket; a merged ticket's number shows the ticket it was merged into.

    Args:
        id (int):
        fields_queue (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorBody | TicketResponse]
    """

    kwargs = _get_kwargs(
        id=id,
        fields_queue=fields_queue,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    id: int,
    *,
    client: AuthenticatedClient | Client,
    fields_queue: str | Unset = UNSET,
) -> ErrorBody | TicketResponse | None:
    """Show a ticket; a merged ticket's number shows the ticket it was merged into.

    Args:
        id (int):
        fields_queue (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorBody | TicketResponse
    """

    return (
        await asyncio_detailed(
            id=id,
            client=client,
            fields_queue=fields_queue,
        )
    ).parsed
