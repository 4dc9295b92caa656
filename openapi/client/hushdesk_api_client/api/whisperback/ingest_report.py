from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_body import ErrorBody
from ...models.ingest_response import IngestResponse
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: list[int],
    subject: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    params: dict[str, Any] = {}

    params["subject"] = subject

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/REST/2.0/whisperback",
        "params": params,
    }

    _kwargs["content"] = body.payload
    headers["Content-Type"] = "application/octet-stream"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorBody | IngestResponse | None:
    if response.status_code == 200:
        response_200 = IngestResponse.from_dict(response.json())

        return response_200

    if response.status_code == 201:
        response_201 = IngestResponse.from_dict(response.json())

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

    if response.status_code == 413:
        response_413 = ErrorBody.from_dict(response.json())

        return response_413

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ErrorBody | IngestResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: list[int],
    subject: str | Unset = UNSET,
) -> Response[ErrorBody | IngestResponse]:
    """Ingest a decrypted WhisperBack report (the body as sent, any encoding): a ticket in the
    queue of the user's language (else General), the contact email as requestor, the user's
    text as body and the whole report attached, with its facts stored. A report id already
    ingested returns the existing ticket with 200.

    Args:
        subject (str | Unset):
        body (list[int]):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorBody | IngestResponse]
    """

    kwargs = _get_kwargs(
        body=body,
        subject=subject,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    body: list[int],
    subject: str | Unset = UNSET,
) -> ErrorBody | IngestResponse | None:
    """Ingest a decrypted WhisperBack report (the body as sent, any encoding): a ticket in the
    queue of the user's language (else General), the contact email as requestor, the user's
    text as body and the whole report attached, with its facts stored. A report id already
    ingested returns the existing ticket with 200.

    Args:
        subject (str | Unset):
        body (list[int]):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorBody | IngestResponse
    """

    return sync_detailed(
        client=client,
        body=body,
        subject=subject,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: list[int],
    subject: str | Unset = UNSET,
) -> Response[ErrorBody | IngestResponse]:
    """Ingest a decrypted WhisperBack report (the body as sent, any encoding): a ticket in the
    queue of the user's language (else General), the contact email as requestor, the user's
    text as body and the whole report attached, with its facts stored. A report id already
    ingested returns the existing ticket with 200.

    Args:
        subject (str | Unset):
        body (list[int]):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorBody | IngestResponse]
    """

    kwargs = _get_kwargs(
        body=body,
        subject=subject,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: list[int],
    subject: str | Unset = UNSET,
) -> ErrorBody | IngestResponse | None:
    """Ingest a decrypted WhisperBack report (the body as sent, any encoding): a ticket in the
    queue of the user's language (else General), the contact email as requestor, the user's
    text as body and the whole report attached, with its facts stored. A report id already
    ingested returns the existing ticket with 200.

    Args:
        subject (str | Unset):
        body (list[int]):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorBody | IngestResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            subject=subject,
        )
    ).parsed
