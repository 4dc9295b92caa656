from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.contact_back_language import ContactBackLanguage
    from ..models.contact_back_reply import ContactBackReply
    from ..models.contact_back_skip import ContactBackSkip


T = TypeVar("T", bound="ContactBackResponse")


@_attrs_define
class ContactBackResponse:
    """What the action did (or, as a preview, would do).

    Attributes:
        count (int): Replies sent (or to be sent).
        dry_run (bool): `true` for the preview: nothing was sent or recorded.
        known_issue (int):
        languages (list[ContactBackLanguage]):
        replies (list[ContactBackReply]):
        skipped (list[ContactBackSkip]):
    """

    count: int
    dry_run: bool
    known_issue: int
    languages: list[ContactBackLanguage]
    replies: list[ContactBackReply]
    skipped: list[ContactBackSkip]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        count = self.count

        dry_run = self.dry_run

        known_issue = self.known_issue

        languages = []
        for languages_item_data in self.languages:
            languages_item = languages_item_data.to_dict()
            languages.append(languages_item)

        replies = []
        for replies_item_data in self.replies:
            replies_item = replies_item_data.to_dict()
            replies.append(replies_item)

        skipped = []
        for skipped_item_data in self.skipped:
            skipped_item = skipped_item_data.to_dict()
            skipped.append(skipped_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "count": count,
                "dry_run": dry_run,
                "known_issue": known_issue,
                "languages": languages,
                "replies": replies,
                "skipped": skipped,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.contact_back_language import ContactBackLanguage  # noqa: PLC0415
        from ..models.contact_back_reply import ContactBackReply  # noqa: PLC0415
        from ..models.contact_back_skip import ContactBackSkip  # noqa: PLC0415

        d = dict(src_dict)
        count = d.pop("count")

        dry_run = d.pop("dry_run")

        known_issue = d.pop("known_issue")

        languages = []
        _languages = d.pop("languages")
        for languages_item_data in _languages:
            languages_item = ContactBackLanguage.from_dict(languages_item_data)

            languages.append(languages_item)

        replies = []
        _replies = d.pop("replies")
        for replies_item_data in _replies:
            replies_item = ContactBackReply.from_dict(replies_item_data)

            replies.append(replies_item)

        skipped = []
        _skipped = d.pop("skipped")
        for skipped_item_data in _skipped:
            skipped_item = ContactBackSkip.from_dict(skipped_item_data)

            skipped.append(skipped_item)

        contact_back_response = cls(
            count=count,
            dry_run=dry_run,
            known_issue=known_issue,
            languages=languages,
            replies=replies,
            skipped=skipped,
        )

        contact_back_response.additional_properties = d
        return contact_back_response

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
