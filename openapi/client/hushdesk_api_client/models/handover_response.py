from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.supporter_activity import SupporterActivity
    from ..models.ticket_summary import TicketSummary


T = TypeVar("T", bound="HandoverResponse")


@_attrs_define
class HandoverResponse:
    """`GET /REST/2.0/hushdesk/handover`: "since last shift".

    Attributes:
        new_tickets (int):
        per_supporter (list[SupporterActivity]):
        replies (int):
        resolved (int):
        since (str):
        unanswered_new (list[TicketSummary]): Tickets created since then that nobody answered yet (oldest first, at most
            200).
        until (str):
    """

    new_tickets: int
    per_supporter: list[SupporterActivity]
    replies: int
    resolved: int
    since: str
    unanswered_new: list[TicketSummary]
    until: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        new_tickets = self.new_tickets

        per_supporter = []
        for per_supporter_item_data in self.per_supporter:
            per_supporter_item = per_supporter_item_data.to_dict()
            per_supporter.append(per_supporter_item)

        replies = self.replies

        resolved = self.resolved

        since = self.since

        unanswered_new = []
        for unanswered_new_item_data in self.unanswered_new:
            unanswered_new_item = unanswered_new_item_data.to_dict()
            unanswered_new.append(unanswered_new_item)

        until = self.until

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "new_tickets": new_tickets,
                "per_supporter": per_supporter,
                "replies": replies,
                "resolved": resolved,
                "since": since,
                "unanswered_new": unanswered_new,
                "until": until,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.supporter_activity import SupporterActivity  # noqa: PLC0415
        from ..models.ticket_summary import TicketSummary  # noqa: PLC0415

        d = dict(src_dict)
        new_tickets = d.pop("new_tickets")

        per_supporter = []
        _per_supporter = d.pop("per_supporter")
        for per_supporter_item_data in _per_supporter:
            per_supporter_item = SupporterActivity.from_dict(per_supporter_item_data)

            per_supporter.append(per_supporter_item)

        replies = d.pop("replies")

        resolved = d.pop("resolved")

        since = d.pop("since")

        unanswered_new = []
        _unanswered_new = d.pop("unanswered_new")
        for unanswered_new_item_data in _unanswered_new:
            unanswered_new_item = TicketSummary.from_dict(unanswered_new_item_data)

            unanswered_new.append(unanswered_new_item)

        until = d.pop("until")

        handover_response = cls(
            new_tickets=new_tickets,
            per_supporter=per_supporter,
            replies=replies,
            resolved=resolved,
            since=since,
            unanswered_new=unanswered_new,
            until=until,
        )

        handover_response.additional_properties = d
        return handover_response

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
