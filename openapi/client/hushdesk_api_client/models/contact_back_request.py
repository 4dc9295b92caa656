from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="ContactBackRequest")


@_attrs_define
class ContactBackRequest:
    """`POST /REST/2.0/known-issue/{id}/contact-back[/preview]`.

    Attributes:
        answers (list[int]): Template answers to reply with, at most one per language (each answer's own language
            decides which tickets get it).
        default_language (None | str | Unset): Language whose answer goes to tickets in a language without one (default
            `en`).
        expected_count (int | None | Unset): Real run only, required: the `count` the preview returned. A different
            count (tickets
            linked, merged or answered meanwhile) is refused with 409 and nothing is sent.
        status (None | str | Unset): Status to set with each reply (e.g. `resolved`); absent: a reply opens new and
            resolved tickets, as in RT.
    """

    answers: list[int]
    default_language: None | str | Unset = UNSET
    expected_count: int | None | Unset = UNSET
    status: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        answers = self.answers

        default_language: None | str | Unset
        if isinstance(self.default_language, Unset):
            default_language = UNSET
        else:
            default_language = self.default_language

        expected_count: int | None | Unset
        if isinstance(self.expected_count, Unset):
            expected_count = UNSET
        else:
            expected_count = self.expected_count

        status: None | str | Unset
        if isinstance(self.status, Unset):
            status = UNSET
        else:
            status = self.status

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "answers": answers,
            }
        )
        if default_language is not UNSET:
            field_dict["default_language"] = default_language
        if expected_count is not UNSET:
            field_dict["expected_count"] = expected_count
        if status is not UNSET:
            field_dict["status"] = status

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        answers = cast(list[int], d.pop("answers"))

        def _parse_default_language(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        default_language = _parse_default_language(d.pop("default_language", UNSET))

        def _parse_expected_count(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        expected_count = _parse_expected_count(d.pop("expected_count", UNSET))

        def _parse_status(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        status = _parse_status(d.pop("status", UNSET))

        contact_back_request = cls(
            answers=answers,
            default_language=default_language,
            expected_count=expected_count,
            status=status,
        )

        return contact_back_request
