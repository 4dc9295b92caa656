from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_body import ErrorBody
from ...models.top_failing_response import TopFailingResponse
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    version: str | Unset = UNSET,
    role: str | Unset = UNSET,
    limit: int | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["version"] = version

    params["role"] = role

    params["limit"] = limit

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/REST/2.0/hardware/top-failing",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorBody | TopFailingResponse | None:
    if response.status_code == 200:
        response_200 = TopFailingResponse.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = ErrorBody.from_dict(response.json())

        return response_400

    if response.status_code == 403:
        response_403 = ErrorBody.from_dict(response.json())

        return response_403

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ErrorBody | TopFailingResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    version: str | Unset = UNSET,
    role: str | Unset = UNSET,
    limit: int | Unset = UNSET,
) -> Response[ErrorBody | TopFailingResponse]:
    """Devices ranked by problem reports (fails + partial, i.e. needed a workaround), then by
    outright failures; from reports linked to known issues and from supporters' marks.

    Args:
        version (str | Unset):
        role (str | Unset):
        limit (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorBody | TopFailingResponse]
    """

    kwargs = _get_kwargs(
        version=version,
        role=role,
        limit=limit,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    version: str | Unset = UNSET,
    role: str | Unset = UNSET,
    limit: int | Unset = UNSET,
) -> ErrorBody | TopFailingResponse | None:
    """Devices ranked by problem reports (fails + partial, i.e. needed a workaround), then by
    outright failures; from reports linked to known issues and from supporters' marks.

    Args:
        version (str | Unset):
        role (str | Unset):
        limit (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorBody | TopFailingResponse
    """

    return sync_detailed(
        client=client,
        version=version,
        role=role,
        limit=limit,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    version: str | Unset = UNSET,
    role: str | Unset = UNSET,
    limit: int | Unset = UNSET,
) -> Response[ErrorBody | TopFailingResponse]:
    """Devices ranked by problem reports (fails + partial, i.e. needed a workaround), then by
    outright failures; from reports linked to known issues and from supporters' marks.

    Args:
        version (str | Unset):
        role (str | Unset):
        limit (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorBody | TopFailingResponse]
    """

    kwargs = _get_kwargs(
        version=version,
        role=role,
        limit=limit,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    version: str | Unset = UNSET,
    role: str | Unset = UNSET,
    limit: int | Unset = UNSET,
) -> ErrorBody | TopFailingResponse | None:
    """Devices ranked by problem reports (fails + partial, i.e. needed a workaround), then by
    outright failures; from reports linked to known issues and from supporters' marks.

    Args:
        version (str | Unset):
        role (str | Unset):
        limit (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorBody | TopFailingResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            version=version,
            role=role,
            limit=limit,
        )
    ).parsed
