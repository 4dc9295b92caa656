from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.person_ref import PersonRef


T = TypeVar("T", bound="SupporterActivity")


@_attrs_define
class SupporterActivity:
    """What one supporter did since the chosen time.

    Attributes:
        comments (int):
        replies (int): Correspond transactions (replies sent).
        resolved (int): Tickets they set to resolved.
        supporter (PersonRef): A user as the app shows them.
    """

    comments: int
    replies: int
    resolved: int
    supporter: PersonRef
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        comments = self.comments

        replies = self.replies

        resolved = self.resolved

        supporter = self.supporter.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "comments": comments,
                "replies": replies,
                "resolved": resolved,
                "supporter": supporter,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.person_ref import PersonRef  # noqa: PLC0415

        d = dict(src_dict)
        comments = d.pop("comments")

        replies = d.pop("replies")

        resolved = d.pop("resolved")

        supporter = PersonRef.from_dict(d.pop("supporter"))

        supporter_activity = cls(
            comments=comments,
            replies=replies,
            resolved=resolved,
            supporter=supporter,
        )

        supporter_activity.additional_properties = d
        return supporter_activity

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
