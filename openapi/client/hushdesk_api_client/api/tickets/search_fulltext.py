from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_body import ErrorBody
from ...models.full_text_response import FullTextResponse
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    q: str,
    queue: str | Unset = UNSET,
    status: str | Unset = UNSET,
    language: str | Unset = UNSET,
    from_: str | Unset = UNSET,
    to: str | Unset = UNSET,
    tails_version: str | Unset = UNSET,
    hardware: str | Unset = UNSET,
    page: int | Unset = UNSET,
    per_page: int | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["q"] = q

    params["queue"] = queue

    params["status"] = status

    params["language"] = language

    params["from"] = from_

    params["to"] = to

    params["tails_version"] = tails_version

    params["hardware"] = hardware

    params["page"] = page

    params["per_page"] = per_page

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/REST/2.0/search",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorBody | FullTextResponse | None:
    if response.status_code == 200:
        response_200 = FullTextResponse.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = ErrorBody.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = ErrorBody.from_dict(response.json())

        return response_401

    if response.status_code == 503:
        response_503 = ErrorBody.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ErrorBody | FullTextResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    q: str,
    queue: str | Unset = UNSET,
    status: str | Unset = UNSET,
    language: str | Unset = UNSET,
    from_: str | Unset = UNSET,
    to: str | Unset = UNSET,
    tails_version: str | Unset = UNSET,
    hardware: str | Unset = UNSET,
    page: int | Unset = UNSET,
    per_page: int | Unset = UNSET,
) -> Response[ErrorBody | FullTextResponse]:
    """Find tickets by the words in their subject, messages, comments and text attachments.

    Args:
        q (str):
        queue (str | Unset):
        status (str | Unset):
        language (str | Unset):
        from_ (str | Unset):
        to (str | Unset):
        tails_version (str | Unset):
        hardware (str | Unset):
        page (int | Unset):
        per_page (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorBody | FullTextResponse]
    """

    kwargs = _get_kwargs(
        q=q,
        queue=queue,
        status=status,
        language=language,
        from_=from_,
        to=to,
        tails_version=tails_version,
        hardware=hardware,
        page=page,
        per_page=per_page,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    q: str,
    queue: str | Unset = UNSET,
    status: str | Unset = UNSET,
    language: str | Unset = UNSET,
    from_: str | Unset = UNSET,
    to: str | Unset = UNSET,
    tails_version: str | Unset = UNSET,
    hardware: str | Unset = UNSET,
    page: int | Unset = UNSET,
    per_page: int | Unset = UNSET,
) -> ErrorBody | FullTextResponse | None:
    """Find tickets by the words in their subject, messages, comments and text attachments.

    Args:
        q (str):
        queue (str | Unset):
        status (str | Unset):
        language (str | Unset):
        from_ (str | Unset):
        to (str | Unset):
        tails_version (str | Unset):
        hardware (str | Unset):
        page (int | Unset):
        per_page (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorBody | FullTextResponse
    """

    return sync_detailed(
        client=client,
        q=q,
        queue=queue,
        status=status,
        language=language,
        from_=from_,
        to=to,
        tails_version=tails_version,
        hardware=hardware,
        page=page,
        per_page=per_page,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    q: str,
    queue: str | Unset = UNSET,
    status: str | Unset = UNSET,
    language: str | Unset = UNSET,
    from_: str | Unset = UNSET,
    to: str | Unset = UNSET,
    tails_version: str | Unset = UNSET,
    hardware: str | Unset = UNSET,
    page: int | Unset = UNSET,
    per_page: int | Unset = UNSET,
) -> Response[ErrorBody | FullTextResponse]:
    """Find tickets by the words in their subject, messages, comments and text attachments.

    Args:
        q (str):
        queue (str | Unset):
        status (str | Unset):
        language (str | Unset):
        from_ (str | Unset):
        to (str | Unset):
        tails_version (str | Unset):
        hardware (str | Unset):
        page (int | Unset):
        per_page (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorBody | FullTextResponse]
    """

    kwargs = _get_kwargs(
        q=q,
        queue=queue,
        status=status,
        language=language,
        from_=from_,
        to=to,
        tails_version=tails_version,
        hardware=hardware,
        page=page,
        per_page=per_page,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    q: str,
    queue: str | Unset = UNSET,
    status: str | Unset = UNSET,
    language: str | Unset = UNSET,
    from_: str | Unset = UNSET,
    to: str | Unset = UNSET,
    tails_version: str | Unset = UNSET,
    hardware: str | Unset = UNSET,
    page: int | Unset = UNSET,
    per_page: int | Unset = UNSET,
) -> ErrorBody | FullTextResponse | None:
    """Find tickets by the words in their subject, messages, comments and text attachments.

    Args:
        q (str):
        queue (str | Unset):
        status (str | Unset):
        language (str | Unset):
        from_ (str | Unset):
        to (str | Unset):
        tails_version (str | Unset):
        hardware (str | Unset):
        page (int | Unset):
        per_page (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorBody | FullTextResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            q=q,
            queue=queue,
            status=status,
            language=language,
            from_=from_,
            to=to,
            tails_version=tails_version,
            hardware=hardware,
            page=page,
            per_page=per_page,
        )
    ).parsed
