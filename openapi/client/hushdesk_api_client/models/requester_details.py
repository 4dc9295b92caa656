from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.person_ref import PersonRef


T = TypeVar("T", bound="RequesterDetails")


@_attrs_define
class RequesterDetails:
    """A requestor (or Cc) with what the desk knows of them.

    Attributes:
        lang (str):
        organization (str):
        other_tickets (int): Other tickets they requested (count, this one excluded).
        person (PersonRef): A user as the app shows them.
    """

    lang: str
    organization: str
    other_tickets: int
    person: PersonRef
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        lang = self.lang

        organization = self.organization

        other_tickets = self.other_tickets

        person = self.person.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "lang": lang,
                "organization": organization,
                "other_tickets": other_tickets,
                "person": person,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.person_ref import PersonRef  # noqa: PLC0415

        d = dict(src_dict)
        lang = d.pop("lang")

        organization = d.pop("organization")

        other_tickets = d.pop("other_tickets")

        person = PersonRef.from_dict(d.pop("person"))

        requester_details = cls(
            lang=lang,
            organization=organization,
            other_tickets=other_tickets,
            person=person,
        )

        requester_details.additional_properties = d
        return requester_details

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
