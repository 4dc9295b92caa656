from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="Answer")


@_attrs_define
class Answer:
    """A template answer (in the spirit of RT Articles).

    Attributes:
        body (str): Text with variables: `{{requester_name}}`, `{{ticket_id}}`, `{{queue}}`,
            `{{supporter_name}}`, `{{subject}}`.
        category (str):
        created (str):
        id (int):
        language (str): ISO 639-1 code.
        last_updated (str):
        title (str):
        usage_count (int):
    """

    body: str
    category: str
    created: str
    id: int
    language: str
    last_updated: str
    title: str
    usage_count: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        body = self.body

        category = self.category

        created = self.created

        id = self.id

        language = self.language

        last_updated = self.last_updated

        title = self.title

        usage_count = self.usage_count

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "body": body,
                "category": category,
                "created": created,
                "id": id,
                "language": language,
                "last_updated": last_updated,
                "title": title,
                "usage_count": usage_count,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        body = d.pop("body")

        category = d.pop("category")

        created = d.pop("created")

        id = d.pop("id")

        language = d.pop("language")

        last_updated = d.pop("last_updated")

        title = d.pop("title")

        usage_count = d.pop("usage_count")

        answer = cls(
            body=body,
            category=category,
            created=created,
            id=id,
            language=language,
            last_updated=last_updated,
            title=title,
            usage_count=usage_count,
        )

        answer.additional_properties = d
        return answer

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
