from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="QueueCounts")


@_attrs_define
class QueueCounts:
    """One queue in the sidebar.

    Attributes:
        id (int):
        language (str): ISO 639-1 code.
        name (str):
        needs_answer (int): Waiting for a supporter: last correspondence came from a requestor, not yet resolved.
        new (int): Status `new`.
        open_ (int): Status `open`.
    """

    id: int
    language: str
    name: str
    needs_answer: int
    new: int
    open_: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        language = self.language

        name = self.name

        needs_answer = self.needs_answer

        new = self.new

        open_ = self.open_

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "language": language,
                "name": name,
                "needs_answer": needs_answer,
                "new": new,
                "open": open_,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        language = d.pop("language")

        name = d.pop("name")

        needs_answer = d.pop("needs_answer")

        new = d.pop("new")

        open_ = d.pop("open")

        queue_counts = cls(
            id=id,
            language=language,
            name=name,
            needs_answer=needs_answer,
            new=new,
            open_=open_,
        )

        queue_counts.additional_properties = d
        return queue_counts

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
