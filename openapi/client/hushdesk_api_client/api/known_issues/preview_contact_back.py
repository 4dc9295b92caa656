from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.contact_back_request import ContactBackRequest
from ...models.contact_back_response import ContactBackResponse
from ...models.error_body import ErrorBody
from ...types import Response


def _get_kwargs(
    id: int,
    *,
    body: ContactBackRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/REST/2.0/known-issue/{id}/contact-back/preview".format(
            id=quote(str(id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ContactBackResponse | ErrorBody | None:
    if response.status_code == 200:
        response_200 = ContactBackResponse.from_dict(response.json())

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

    if response.status_code == 409:
        response_409 = ErrorBody.from_dict(response.json())

        return response_409

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ContactBackResponse | ErrorBody]:
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
    body: ContactBackRequest,
) -> Response[ContactBackResponse | ErrorBody]:
    """Dry run of the contact-back action: how many replies would go out, to which tickets, in
    which languages, with each language's text rendered for its first ticket. Sends nothing.
    The issue must be marked fixed (409 otherwise).

    Args:
        id (int):
        body (ContactBackRequest): `POST /REST/2.0/known-issue/{id}/contact-back[/preview]`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ContactBackResponse | ErrorBody]
    """

    kwargs = _get_kwargs(
        id=id,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    id: int,
    *,
    client: AuthenticatedClient | Client,
    body: ContactBackRequest,
) -> ContactBackResponse | ErrorBody | None:
    """Dry run of the contact-back action: how many replies would go out, to which tickets, in
    which languages, with each language's text rendered for its first ticket. Sends nothing.
    The issue must be marked fixed (409 otherwise).

    Args:
        id (int):
        body (ContactBackRequest): `POST /REST/2.0/known-issue/{id}/contact-back[/preview]`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ContactBackResponse | ErrorBody
    """

    return sync_detailed(
        id=id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    id: int,
    *,
    client: AuthenticatedClient | Client,
    body: ContactBackRequest,
) -> Response[ContactBackResponse | ErrorBody]:
    """Dry run of the contact-back action: how many replies would go out, to which tickets, in
    which languages, with each language's text rendered for its first ticket. Sends nothing.
    The issue must be marked fixed (409 otherwise).

    Args:
        id (int):
        body (ContactBackRequest): `POST /REST/2.0/known-issue/{id}/contact-back[/preview]`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ContactBackResponse | ErrorBody]
    """

    kwargs = _get_kwargs(
        id=id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    id: int,
    *,
    client: AuthenticatedClient | Client,
    body: ContactBackRequest,
) -> ContactBackResponse | ErrorBody | None:
    """Dry run of the contact-back action: how many replies would go out, to which tickets, in
    which languages, with each language's text rendered for its first ticket. Sends nothing.
    The issue must be marked fixed (409 otherwise).

    Args:
        id (int):
        body (ContactBackRequest): `POST /REST/2.0/known-issue/{id}/contact-back[/preview]`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ContactBackResponse | ErrorBody
    """

    return (
        await asyncio_detailed(
            id=id,
            client=client,
            body=body,
        )
    ).parsed
