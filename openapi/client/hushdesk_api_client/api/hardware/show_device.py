from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.device_response import DeviceResponse
from ...models.error_body import ErrorBody
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    kind: str,
    key: str,
    version: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["kind"] = kind

    params["key"] = key

    params["version"] = version

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/REST/2.0/hardware/device",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> DeviceResponse | ErrorBody | None:
    if response.status_code == 200:
        response_200 = DeviceResponse.from_dict(response.json())

        return response_200

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
) -> Response[DeviceResponse | ErrorBody]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    kind: str,
    key: str,
    version: str | Unset = UNSET,
) -> Response[DeviceResponse | ErrorBody]:
    """A device's outcomes on every Tails version with evidence (newest first).

    Args:
        kind (str):
        key (str):
        version (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DeviceResponse | ErrorBody]
    """

    kwargs = _get_kwargs(
        kind=kind,
        key=key,
        version=version,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    kind: str,
    key: str,
    version: str | Unset = UNSET,
) -> DeviceResponse | ErrorBody | None:
    """A device's outcomes on every Tails version with evidence (newest first).

    Args:
        kind (str):
        key (str):
        version (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DeviceResponse | ErrorBody
    """

    return sync_detailed(
        client=client,
        kind=kind,
        key=key,
        version=version,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    kind: str,
    key: str,
    version: str | Unset = UNSET,
) -> Response[DeviceResponse | ErrorBody]:
    """A device's outcomes on every Tails version with evidence (newest first).

    Args:
        kind (str):
        key (str):
        version (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DeviceResponse | ErrorBody]
    """

    kwargs = _get_kwargs(
        kind=kind,
        key=key,
        version=version,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    kind: str,
    key: str,
    version: str | Unset = UNSET,
) -> DeviceResponse | ErrorBody | None:
    """A device's outcomes on every Tails version with evidence (newest first).

    Args:
        kind (str):
        key (str):
        version (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DeviceResponse | ErrorBody
    """

    return (
        await asyncio_detailed(
            client=client,
            kind=kind,
            key=key,
            version=version,
        )
    ).parsed
