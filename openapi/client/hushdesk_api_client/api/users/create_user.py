from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_body import ErrorBody
from ...models.record_ref import RecordRef
from ...models.user_fields import UserFields
from ...types import Response


def _get_kwargs(
    *,
    body: UserFields,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/REST/2.0/user",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> ErrorBody | RecordRef | None:
    if response.status_code == 201:
        response_201 = RecordRef.from_dict(response.json())

        return response_201

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
) -> Response[ErrorBody | RecordRef]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: UserFields,
) -> Response[ErrorBody | RecordRef]:
    """Create a user (needs AdminUsers); answers with the user's name as RT does.

    Args:
        body (UserFields): A user's fields as `POST /REST/2.0/user` and `PUT /REST/2.0/user/{id}`
            take them. RT's
            other user fields (Address1, Address2, City, State, Zip, Country, HomePhone, WorkPhone,
            MobilePhone, PagerPhone, ContactInfo, Signature, Timezone…) are taken as strings too; any
            other name is a 400. Only describes the wire.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorBody | RecordRef]
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
    body: UserFields,
) -> ErrorBody | RecordRef | None:
    """Create a user (needs AdminUsers); answers with the user's name as RT does.

    Args:
        body (UserFields): A user's fields as `POST /REST/2.0/user` and `PUT /REST/2.0/user/{id}`
            take them. RT's
            other user fields (Address1, Address2, City, State, Zip, Country, HomePhone, WorkPhone,
            MobilePhone, PagerPhone, ContactInfo, Signature, Timezone…) are taken as strings too; any
            other name is a 400. Only describes the wire.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorBody | RecordRef
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: UserFields,
) -> Response[ErrorBody | RecordRef]:
    """Create a user (needs AdminUsers); answers with the user's name as RT does.

    Args:
        body (UserFields): A user's fields as `POST /REST/2.0/user` and `PUT /REST/2.0/user/{id}`
            take them. RT's
            other user fields (Address1, Address2, City, State, Zip, Country, HomePhone, WorkPhone,
            MobilePhone, PagerPhone, ContactInfo, Signature, Timezone…) are taken as strings too; any
            other name is a 400. Only describes the wire.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorBody | RecordRef]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: UserFields,
) -> ErrorBody | RecordRef | None:
    """Create a user (needs AdminUsers); answers with the user's name as RT does.

    Args:
        body (UserFields): A user's fields as `POST /REST/2.0/user` and `PUT /REST/2.0/user/{id}`
            take them. RT's
            other user fields (Address1, Address2, City, State, Zip, Country, HomePhone, WorkPhone,
            MobilePhone, PagerPhone, ContactInfo, Signature, Timezone…) are taken as strings too; any
            other name is a 400. Only describes the wire.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorBody | RecordRef
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
