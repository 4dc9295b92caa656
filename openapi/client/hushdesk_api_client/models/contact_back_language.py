from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="ContactBackLanguage")


@_attrs_define
class ContactBackLanguage:
    """The rendered text for one language.

    Attributes:
        answer (int):
        answer_title (str):
        language (str): ISO 639-1 language of the answer sent.
        sample_ticket (int): The answer rendered for the first of them.
        text (str):
        tickets (list[int]): Tickets replied to (or, in a preview, to be replied to) in this language.
        unknown_variables (list[str]): Variables of the answer that are not known (left as written).
    """

    answer: int
    answer_title: str
    language: str
    sample_ticket: int
    text: str
    tickets: list[int]
    unknown_variables: list[str]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        answer = self.answer

        answer_title = self.answer_title

        language = self.language

        sample_ticket = self.sample_ticket

        text = self.text

        tickets = self.tickets

        unknown_variables = self.unknown_variables

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "answer": answer,
                "answer_title": answer_title,
                "language": language,
                "sample_ticket": sample_ticket,
                "text": text,
                "tickets": tickets,
                "unknown_variables": unknown_variables,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        answer = d.pop("answer")

        answer_title = d.pop("answer_title")

        language = d.pop("language")

        sample_ticket = d.pop("sample_ticket")

        text = d.pop("text")

        tickets = cast(list[int], d.pop("tickets"))

        unknown_variables = cast(list[str], d.pop("unknown_variables"))

        contact_back_language = cls(
            answer=answer,
            answer_title=answer_title,
            language=language,
            sample_ticket=sample_ticket,
            text=text,
            tickets=tickets,
            unknown_variables=unknown_variables,
        )

        contact_back_language.additional_properties = d
        return contact_back_language

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
