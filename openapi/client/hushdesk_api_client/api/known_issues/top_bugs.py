from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_body import ErrorBody
from ...models.top_bugs_response import TopBugsResponse
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    from_: str | Unset = UNSET,
    to: str | Unset = UNSET,
    queue: str | Unset = UNSET,
    language: str | Unset = UNSET,
    all_: bool | Unset = UNSET,
    limit: int | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["from"] = from_

    params["to"] = to

    params["queue"] = queue

    params["language"] = language

    params["all"] = all_

    params["limit"] = limit

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/REST/2.0/known-issues/top",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorBody | TopBugsResponse | None:
    if response.status_code == 200:
        response_200 = TopBugsResponse.from_dict(response.json())

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
) -> Response[ErrorBody | TopBugsResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    from_: str | Unset = UNSET,
    to: str | Unset = UNSET,
    queue: str | Unset = UNSET,
    language: str | Unset = UNSET,
    all_: bool | Unset = UNSET,
    limit: int | Unset = UNSET,
) -> Response[ErrorBody | TopBugsResponse]:
    """Top bugs: open known issues ranked by linked tickets created in the window (then by
    distinct requestors), optionally for one queue or one language.

    Args:
        from_ (str | Unset):
        to (str | Unset):
        queue (str | Unset):
        language (str | Unset):
        all_ (bool | Unset):
        limit (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorBody | TopBugsResponse]
    """

    kwargs = _get_kwargs(
        from_=from_,
        to=to,
        queue=queue,
        language=language,
        all_=all_,
        limit=limit,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    from_: str | Unset = UNSET,
    to: str | Unset = UNSET,
    queue: str | Unset = UNSET,
    language: str | Unset = UNSET,
    all_: bool | Unset = UNSET,
    limit: int | Unset = UNSET,
) -> ErrorBody | TopBugsResponse | None:
    """Top bugs: open known issues ranked by linked tickets created in the window (then by
    distinct requestors), optionally for one queue or one language.

    Args:
        from_ (str | Unset):
        to (str | Unset):
        queue (str | Unset):
        language (str | Unset):
        all_ (bool | Unset):
        limit (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorBody | TopBugsResponse
    """

    return sync_detailed(
        client=client,
        from_=from_,
        to=to,
        queue=queue,
        language=language,
        all_=all_,
        limit=limit,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    from_: str | Unset = UNSET,
    to: str | Unset = UNSET,
    queue: str | Unset = UNSET,
    language: str | Unset = UNSET,
    all_: bool | Unset = UNSET,
    limit: int | Unset = UNSET,
) -> Response[ErrorBody | TopBugsResponse]:
    """Top bugs: open known issues ranked by linked tickets created in the window (then by
    distinct requestors), optionally for one queue or one language.

    Args:
        from_ (str | Unset):
        to (str | Unset):
        queue (str | Unset):
        language (str | Unset):
        all_ (bool | Unset):
        limit (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorBody | TopBugsResponse]
    """

    kwargs = _get_kwargs(
        from_=from_,
        to=to,
        queue=queue,
        language=language,
        all_=all_,
        limit=limit,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    from_: str | Unset = UNSET,
    to: str | Unset = UNSET,
    queue: str | Unset = UNSET,
    language: str | Unset = UNSET,
    all_: bool | Unset = UNSET,
    limit: int | Unset = UNSET,
) -> ErrorBody | TopBugsResponse | None:
    """Top bugs: open known issues ranked by linked tickets created in the window (then by
    distinct requestors), optionally for one queue or one language.

    Args:
        from_ (str | Unset):
        to (str | Unset):
        queue (str | Unset):
        language (str | Unset):
        all_ (bool | Unset):
        limit (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorBody | TopBugsResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            from_=from_,
            to=to,
            queue=queue,
            language=language,
            all_=all_,
            limit=limit,
        )
    ).parsed
