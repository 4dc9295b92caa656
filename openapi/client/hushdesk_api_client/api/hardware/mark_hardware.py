from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_body import ErrorBody
from ...models.hardware_mark_request import HardwareMarkRequest
from ...models.hardware_mark_response import HardwareMarkResponse
from ...types import Response


def _get_kwargs(
    *,
    body: HardwareMarkRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/REST/2.0/hardware/marks",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorBody | HardwareMarkResponse | None:
    if response.status_code == 201:
        response_201 = HardwareMarkResponse.from_dict(response.json())

        return response_201

    if response.status_code == 400:
        response_400 = ErrorBody.from_dict(response.json())

        return response_400

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
) -> Response[ErrorBody | HardwareMarkResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: HardwareMarkRequest,
) -> Response[ErrorBody | HardwareMarkResponse]:
    """Record a supporter's mark: this device works / fails / works partially on a version.
    The latest mark decides the device's outcome on that version.

    Args:
        body (HardwareMarkRequest): A supporter's mark: "this device works/fails on that version".

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorBody | HardwareMarkResponse]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    body: HardwareMarkRequest,
) -> ErrorBody | HardwareMarkResponse | None:
    """Record a supporter's mark: this device works / fails / works partially on a version.
    The latest mark decides the device's outcome on that version.

    Args:
        body (HardwareMarkRequest): A supporter's mark: "this device works/fails on that version".

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorBody | HardwareMarkResponse
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: HardwareMarkRequest,
) -> Response[ErrorBody | HardwareMarkResponse]:
    """Record a supporter's mark: this device works / fails / works partially on a version.
    The latest mark decides the device's outcome on that version.

    Args:
        body (HardwareMarkRequest): A supporter's mark: "this device works/fails on that version".

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorBody | HardwareMarkResponse]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: HardwareMarkRequest,
) -> ErrorBody | HardwareMarkResponse | None:
    """Record a supporter's mark: this device works / fails / works partially on a version.
    The latest mark decides the device's outcome on that version.

    Args:
        body (HardwareMarkRequest): A supporter's mark: "this device works/fails on that version".

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorBody | HardwareMarkResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
