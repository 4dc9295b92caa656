from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.erase_request import EraseRequest
from ...models.error_body import ErrorBody
from ...models.retention_receipt import RetentionReceipt
from ...types import Response


def _get_kwargs(
    *,
    body: EraseRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/REST/2.0/retention/erase",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorBody | RetentionReceipt | None:
    if response.status_code == 200:
        response_200 = RetentionReceipt.from_dict(response.json())

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
) -> Response[ErrorBody | RetentionReceipt]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: EraseRequest,
) -> Response[ErrorBody | RetentionReceipt]:
    """Erase everything about one requester (identity, their tickets' bodies, abuse signals);
    anonymous ticket skeletons stay for statistics. Answers with the receipt.

    Args:
        body (EraseRequest): `POST /REST/2.0/retention/erase`: erase everything about one
            requester.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorBody | RetentionReceipt]
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
    body: EraseRequest,
) -> ErrorBody | RetentionReceipt | None:
    """Erase everything about one requester (identity, their tickets' bodies, abuse signals);
    anonymous ticket skeletons stay for statistics. Answers with the receipt.

    Args:
        body (EraseRequest): `POST /REST/2.0/retention/erase`: erase everything about one
            requester.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorBody | RetentionReceipt
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: EraseRequest,
) -> Response[ErrorBody | RetentionReceipt]:
    """Erase everything about one requester (identity, their tickets' bodies, abuse signals);
    anonymous ticket skeletons stay for statistics. Answers with the receipt.

    Args:
        body (EraseRequest): `POST /REST/2.0/retention/erase`: erase everything about one
            requester.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorBody | RetentionReceipt]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: EraseRequest,
) -> ErrorBody | RetentionReceipt | None:
    """Erase everything about one requester (identity, their tickets' bodies, abuse signals);
    anonymous ticket skeletons stay for statistics. Answers with the receipt.

    Args:
        body (EraseRequest): `POST /REST/2.0/retention/erase`: erase everything about one
            requester.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorBody | RetentionReceipt
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
