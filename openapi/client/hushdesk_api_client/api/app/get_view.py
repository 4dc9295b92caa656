from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_body import ErrorBody
from ...models.view_name import ViewName
from ...models.view_page import ViewPage
from ...types import UNSET, Response, Unset


def _get_kwargs(
    view: ViewName,
    *,
    queue: int | Unset = UNSET,
    language: str | Unset = UNSET,
    page: int | Unset = UNSET,
    per_page: int | Unset = UNSET,
    query: str | Unset = UNSET,
    text: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["queue"] = queue

    params["language"] = language

    params["page"] = page

    params["per_page"] = per_page

    params["query"] = query

    params["text"] = text

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/REST/2.0/hushdesk/view/{view}".format(
            view=quote(str(view), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> ErrorBody | ViewPage | None:
    if response.status_code == 200:
        response_200 = ViewPage.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = ErrorBody.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = ErrorBody.from_dict(response.json())

        return response_401

    if response.status_code == 404:
        response_404 = ErrorBody.from_dict(response.json())

        return response_404

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ErrorBody | ViewPage]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    view: ViewName,
    *,
    client: AuthenticatedClient | Client,
    queue: int | Unset = UNSET,
    language: str | Unset = UNSET,
    page: int | Unset = UNSET,
    per_page: int | Unset = UNSET,
    query: str | Unset = UNSET,
    text: str | Unset = UNSET,
) -> Response[ErrorBody | ViewPage]:
    """A page of a view: `needs-answer` (oldest waiting first, with age), `mine`, `unowned`
    (oldest update first) or `search` (TicketSQL in `query` and/or plain words in `text`).

    Args:
        view (ViewName): The views of the app.
        queue (int | Unset):
        language (str | Unset):
        page (int | Unset):
        per_page (int | Unset):
        query (str | Unset):
        text (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorBody | ViewPage]
    """

    kwargs = _get_kwargs(
        view=view,
        queue=queue,
        language=language,
        page=page,
        per_page=per_page,
        query=query,
        text=text,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    view: ViewName,
    *,
    client: AuthenticatedClient | Client,
    queue: int | Unset = UNSET,
    language: str | Unset = UNSET,
    page: int | Unset = UNSET,
    per_page: int | Unset = UNSET,
    query: str | Unset = UNSET,
    text: str | Unset = UNSET,
) -> ErrorBody | ViewPage | None:
    """A page of a view: `needs-answer` (oldest waiting first, with age), `mine`, `unowned`
    (oldest update first) or `search` (TicketSQL in `query` and/or plain words in `text`).

    Args:
        view (ViewName): The views of the app.
        queue (int | Unset):
        language (str | Unset):
        page (int | Unset):
        per_page (int | Unset):
        query (str | Unset):
        text (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorBody | ViewPage
    """

    return sync_detailed(
        view=view,
        client=client,
        queue=queue,
        language=language,
        page=page,
        per_page=per_page,
        query=query,
        text=text,
    ).parsed


async def asyncio_detailed(
    view: ViewName,
    *,
    client: AuthenticatedClient | Client,
    queue: int | Unset = UNSET,
    language: str | Unset = UNSET,
    page: int | Unset = UNSET,
    per_page: int | Unset = UNSET,
    query: str | Unset = UNSET,
    text: str | Unset = UNSET,
) -> Response[ErrorBody | ViewPage]:
    """A page of a view: `needs-answer` (oldest waiting first, with age), `mine`, `unowned`
    (oldest update first) or `search` (TicketSQL in `query` and/or plain words in `text`).

    Args:
        view (ViewName): The views of the app.
        queue (int | Unset):
        language (str | Unset):
        page (int | Unset):
        per_page (int | Unset):
        query (str | Unset):
        text (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorBody | ViewPage]
    """

    kwargs = _get_kwargs(
        view=view,
        queue=queue,
        language=language,
        page=page,
        per_page=per_page,
        query=query,
        text=text,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    view: ViewName,
    *,
    client: AuthenticatedClient | Client,
    queue: int | Unset = UNSET,
    language: str | Unset = UNSET,
    page: int | Unset = UNSET,
    per_page: int | Unset = UNSET,
    query: str | Unset = UNSET,
    text: str | Unset = UNSET,
) -> ErrorBody | ViewPage | None:
    """A page of a view: `needs-answer` (oldest waiting first, with age), `mine`, `unowned`
    (oldest update first) or `search` (TicketSQL in `query` and/or plain words in `text`).

    Args:
        view (ViewName): The views of the app.
        queue (int | Unset):
        language (str | Unset):
        page (int | Unset):
        per_page (int | Unset):
        query (str | Unset):
        text (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorBody | ViewPage
    """

    return (
        await asyncio_detailed(
            view=view,
            client=client,
            queue=queue,
            language=language,
            page=page,
            per_page=per_page,
            query=query,
            text=text,
        )
    ).parsed
