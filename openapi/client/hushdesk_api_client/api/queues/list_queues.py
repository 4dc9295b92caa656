from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.collection import Collection
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    find_disabled_rows: int | Unset = UNSET,
    fields: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["find_disabled_rows"] = find_disabled_rows

    params["fields"] = fields

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/REST/2.0/queues/all",
        "params": params,
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Collection | None:
    if response.status_code == 200:
        response_200 = Collection.from_dict(response.json())

        return response_200

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Collection]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    find_disabled_rows: int | Unset = UNSET,
    fields: str | Unset = UNSET,
) -> Response[Collection]:
    """Every queue the caller can see (`find_disabled_rows=1` includes disabled ones).

    Args:
        find_disabled_rows (int | Unset):
        fields (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Collection]
    """

    kwargs = _get_kwargs(
        find_disabled_rows=find_disabled_rows,
        fields=fields,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    find_disabled_rows: int | Unset = UNSET,
    fields: str | Unset = UNSET,
) -> Collection | None:
    """Every queue the caller can see (`find_disabled_rows=1` includes disabled ones).

    Args:
        find_disabled_rows (int | Unset):
        fields (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Collection
    """

    return sync_detailed(
        client=client,
        find_disabled_rows=find_disabled_rows,
        fields=fields,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    find_disabled_rows: int | Unset = UNSET,
    fields: str | Unset = UNSET,
) -> Response[Collection]:
    """Every queue the caller can see (`find_disabled_rows=1` includes disabled ones).

    Args:
        find_disabled_rows (int | Unset):
        fields (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Collection]
    """

    kwargs = _get_kwargs(
        find_disabled_rows=find_disabled_rows,
        fields=fields,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    find_disabled_rows: int | Unset = UNSET,
    fields: str | Unset = UNSET,
) -> Collection | None:
    """Every queue the caller can see (`find_disabled_rows=1` includes disabled ones).

    Args:
        find_disabled_rows (int | Unset):
        fields (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Collection
    """

    return (
        await asyncio_detailed(
            client=client,
            find_disabled_rows=find_disabled_rows,
            fields=fields,
        )
    ).parsed
