from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_body import ErrorBody
from ...models.known_issue_request import KnownIssueRequest
from ...models.known_issue_response import KnownIssueResponse
from ...types import Response


def _get_kwargs(
    *,
    body: KnownIssueRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/REST/2.0/known-issues",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorBody | KnownIssueResponse | None:
    if response.status_code == 201:
        response_201 = KnownIssueResponse.from_dict(response.json())

        return response_201

    if response.status_code == 400:
        response_400 = ErrorBody.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = ErrorBody.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = ErrorBody.from_dict(response.json())

        return response_403

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ErrorBody | KnownIssueResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: KnownIssueRequest,
) -> Response[ErrorBody | KnownIssueResponse]:
    """Create a known issue (status defaults to `open`, hardware roles to all four).

    Args:
        body (KnownIssueRequest): Create or change a known issue; absent fields stay unchanged on
            update, and an empty
            string clears `fixed_in` or `tracker_url`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorBody | KnownIssueResponse]
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
    body: KnownIssueRequest,
) -> ErrorBody | KnownIssueResponse | None:
    """Create a known issue (status defaults to `open`, hardware roles to all four).

    Args:
        body (KnownIssueRequest): Create or change a known issue; absent fields stay unchanged on
            update, and an empty
            string clears `fixed_in` or `tracker_url`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorBody | KnownIssueResponse
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: KnownIssueRequest,
) -> Response[ErrorBody | KnownIssueResponse]:
    """Create a known issue (status defaults to `open`, hardware roles to all four).

    Args:
        body (KnownIssueRequest): Create or change a known issue; absent fields stay unchanged on
            update, and an empty
            string clears `fixed_in` or `tracker_url`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorBody | KnownIssueResponse]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: KnownIssueRequest,
) -> ErrorBody | KnownIssueResponse | None:
    """Create a known issue (status defaults to `open`, hardware roles to all four).

    Args:
        body (KnownIssueRequest): Create or change a known issue; absent fields stay unchanged on
            update, and an empty
            string clears `fixed_in` or `tracker_url`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorBody | KnownIssueResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
