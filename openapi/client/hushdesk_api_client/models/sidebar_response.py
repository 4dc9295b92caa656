from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.queue_counts import QueueCounts


T = TypeVar("T", bound="SidebarResponse")


@_attrs_define
class SidebarResponse:
    """`GET /REST/2.0/hushdesk/sidebar`: every queue the caller may see, with counts.
    Meant to be polled (the app polls every 30 s; the query is one grouped count).

        Attributes:
            generated_at (str): Server time of the counts.
            poll_seconds (int): Suggested polling interval.
            queues (list[QueueCounts]):
    """

    generated_at: str
    poll_seconds: int
    queues: list[QueueCounts]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        generated_at = self.generated_at

        poll_seconds = self.poll_seconds

        queues = []
        for queues_item_data in self.queues:
            queues_item = queues_item_data.to_dict()
            queues.append(queues_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "generated_at": generated_at,
                "poll_seconds": poll_seconds,
                "queues": queues,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.queue_counts import QueueCounts  # noqa: PLC0415

        d = dict(src_dict)
        generated_at = d.pop("generated_at")

        poll_seconds = d.pop("poll_seconds")

        queues = []
        _queues = d.pop("queues")
        for queues_item_data in _queues:
            queues_item = QueueCounts.from_dict(queues_item_data)

            queues.append(queues_item)

        sidebar_response = cls(
            generated_at=generated_at,
            poll_seconds=poll_seconds,
            queues=queues,
        )

        sidebar_response.additional_properties = d
        return sidebar_response

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
