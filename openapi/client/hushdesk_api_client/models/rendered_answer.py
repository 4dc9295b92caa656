from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="RenderedAnswer")


@_attrs_define
class RenderedAnswer:
    """The answer with its variables filled for a ticket.

    Attributes:
        answer_id (int):
        body (str):
        ticket (int):
        unknown_variables (list[str]): Variables in the body that are not known (left as written).
        usage_count (int):
    """

    answer_id: int
    body: str
    ticket: int
    unknown_variables: list[str]
    usage_count: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        answer_id = self.answer_id

        body = self.body

        ticket = self.ticket

        unknown_variables = self.unknown_variables

        usage_count = self.usage_count

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "answer_id": answer_id,
                "body": body,
                "ticket": ticket,
                "unknown_variables": unknown_variables,
                "usage_count": usage_count,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        answer_id = d.pop("answer_id")

        body = d.pop("body")

        ticket = d.pop("ticket")

        unknown_variables = cast(list[str], d.pop("unknown_variables"))

        usage_count = d.pop("usage_count")

        rendered_answer = cls(
            answer_id=answer_id,
            body=body,
            ticket=ticket,
            unknown_variables=unknown_variables,
            usage_count=usage_count,
        )

        rendered_answer.additional_properties = d
        return rendered_answer

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
