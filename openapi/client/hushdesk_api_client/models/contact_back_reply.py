from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="ContactBackReply")


@_attrs_define
class ContactBackReply:
    """One reply.

    Attributes:
        answer (int):
        language (str): The language of the answer used (the default language when the ticket's had none).
        ticket (int):
        ticket_language (str): The ticket's language: its report's, else its queue's.
        transaction (int | None | Unset): The Correspond transaction (absent in a preview).
    """

    answer: int
    language: str
    ticket: int
    ticket_language: str
    transaction: int | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        answer = self.answer

        language = self.language

        ticket = self.ticket

        ticket_language = self.ticket_language

        transaction: int | None | Unset
        if isinstance(self.transaction, Unset):
            transaction = UNSET
        else:
            transaction = self.transaction

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "answer": answer,
                "language": language,
                "ticket": ticket,
                "ticket_language": ticket_language,
            }
        )
        if transaction is not UNSET:
            field_dict["transaction"] = transaction

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        answer = d.pop("answer")

        language = d.pop("language")

        ticket = d.pop("ticket")

        ticket_language = d.pop("ticket_language")

        def _parse_transaction(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        transaction = _parse_transaction(d.pop("transaction", UNSET))

        contact_back_reply = cls(
            answer=answer,
            language=language,
            ticket=ticket,
            ticket_language=ticket_language,
            transaction=transaction,
        )

        contact_back_reply.additional_properties = d
        return contact_back_reply

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
