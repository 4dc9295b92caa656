from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.snippet_piece import SnippetPiece


T = TypeVar("T", bound="FullTextHit")


@_attrs_define
class FullTextHit:
    """One ticket found.

    Attributes:
        field_url (str):
        created (str):
        id (int):
        language (str): ISO 639-1 language of the ticket (mail, else WhisperBack report, else queue).
        last_updated (str):
        queue (str):
        snippet (list[SnippetPiece]): The stretch of text that matched, in reading order.
        status (str):
        subject (str):
    """

    field_url: str
    created: str
    id: int
    language: str
    last_updated: str
    queue: str
    snippet: list[SnippetPiece]
    status: str
    subject: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        field_url = self.field_url

        created = self.created

        id = self.id

        language = self.language

        last_updated = self.last_updated

        queue = self.queue

        snippet = []
        for snippet_item_data in self.snippet:
            snippet_item = snippet_item_data.to_dict()
            snippet.append(snippet_item)

        status = self.status

        subject = self.subject

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "_url": field_url,
                "created": created,
                "id": id,
                "language": language,
                "last_updated": last_updated,
                "queue": queue,
                "snippet": snippet,
                "status": status,
                "subject": subject,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.snippet_piece import SnippetPiece  # noqa: PLC0415

        d = dict(src_dict)
        field_url = d.pop("_url")

        created = d.pop("created")

        id = d.pop("id")

        language = d.pop("language")

        last_updated = d.pop("last_updated")

        queue = d.pop("queue")

        snippet = []
        _snippet = d.pop("snippet")
        for snippet_item_data in _snippet:
            snippet_item = SnippetPiece.from_dict(snippet_item_data)

            snippet.append(snippet_item)

        status = d.pop("status")

        subject = d.pop("subject")

        full_text_hit = cls(
            field_url=field_url,
            created=created,
            id=id,
            language=language,
            last_updated=last_updated,
            queue=queue,
            snippet=snippet,
            status=status,
            subject=subject,
        )

        full_text_hit.additional_properties = d
        return full_text_hit

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
