from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.collection import Collection
from ...models.error_body import ErrorBody
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    query: str | Unset = UNSET,
    orderby: str | Unset = UNSET,
    order: str | Unset = UNSET,
    page: int | Unset = UNSET,
    per_page: int | Unset = UNSET,
    fields: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["query"] = query

    params["orderby"] = orderby

    params["order"] = order

    params["page"] = page

    params["per_page"] = per_page

    params["fields"] = fields

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/REST/2.0/tickets",
        "params": params,
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Collection | ErrorBody | None:
    if response.status_code == 200:
        response_200 = Collection.from_dict(response.json())

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
) -> Response[Collection | ErrorBody]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    query: str | Unset = UNSET,
    orderby: str | Unset = UNSET,
    order: str | Unset = UNSET,
    page: int | Unset = UNSET,
    per_page: int | Unset = UNSET,
    fields: str | Unset = UNSET,
) -> Response[Collection | ErrorBody]:
    """Search tickets with TicketSQL; bad queries are RT's 400 naming the position.

    Args:
        query (str | Unset):
        orderby (str | Unset):
        order (str | Unset):
        page (int | Unset):
        per_page (int | Unset):
        fields (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Collection | ErrorBody]
    """

    kwargs = _get_kwargs(
        query=query,
        orderby=orderby,
        order=order,
        page=page,
        per_page=per_page,
        fields=fields,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    query: str | Unset = UNSET,
    orderby: str | Unset = UNSET,
    order: str | Unset = UNSET,
    page: int | Unset = UNSET,
    per_page: int | Unset = UNSET,
    fields: str | Unset = UNSET,
) -> Collection | ErrorBody | None:
    """Search tickets with TicketSQL; bad queries are RT's 400 naming the position.

    Args:
        query (str | Unset):
        orderby (str | Unset):
        order (str | Unset):
        page (int | Unset):
        per_page (int | Unset):
        fields (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Collection | ErrorBody
    """

    return sync_detailed(
        client=client,
        query=query,
        orderby=orderby,
        order=order,
        page=page,
        per_page=per_page,
        fields=fields,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    query: str | Unset = UNSET,
    orderby: str | Unset = UNSET,
    order: str | Unset = UNSET,
    page: int | Unset = UNSET,
    per_page: int | Unset = UNSET,
    fields: str | Unset = UNSET,
) -> Response[Collection | ErrorBody]:
    """Search tickets with TicketSQL; bad queries are RT's 400 naming the position.

    Args:
        query (str | Unset):
        orderby (str | Unset):
        order (str | Unset):
        page (int | Unset):
        per_page (int | Unset):
        fields (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Collection | ErrorBody]
    """

    kwargs = _get_kwargs(
        query=query,
        orderby=orderby,
        order=order,
        page=page,
        per_page=per_page,
        fields=fields,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    query: str | Unset = UNSET,
    orderby: str | Unset = UNSET,
    order: str | Unset = UNSET,
    page: int | Unset = UNSET,
    per_page: int | Unset = UNSET,
    fields: str | Unset = UNSET,
) -> Collection | ErrorBody | None:
    """Search tickets with TicketSQL; bad queries are RT's 400 naming the position.

    Args:
        query (str | Unset):
        orderby (str | Unset):
        order (str | Unset):
        page (int | Unset):
        per_page (int | Unset):
        fields (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Collection | ErrorBody
    """

    return (
        await asyncio_detailed(
            client=client,
            query=query,
            orderby=orderby,
            order=order,
            page=page,
            per_page=per_page,
            fields=fields,
        )
    ).parsed
