from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.custom_field_values import CustomFieldValues
    from ..models.history_entry import HistoryEntry
    from ..models.link_entry import LinkEntry
    from ..models.person_ref import PersonRef
    from ..models.requester_details import RequesterDetails
    from ..models.ticket_summary import TicketSummary


T = TypeVar("T", bound="TicketPage")


@_attrs_define
class TicketPage:
    """`GET /REST/2.0/hushdesk/ticket/{id}`: everything the ticket page shows, in one call.

    Attributes:
        admin_cc (list[PersonRef]):
        can (list[str]): What the caller may do here (RT right names: ReplyToTicket, CommentOnTicket,
            ModifyTicket, OwnTicket, TakeTicket, StealTicket).
        cc (list[PersonRef]):
        custom_fields (list[CustomFieldValues]):
        history (list[HistoryEntry]): Oldest first. Comments are left out when the caller may not see them.
        links (list[LinkEntry]):
        merged (list[int]): Tickets merged into this one.
        priority (int):
        requestors (list[RequesterDetails]):
        ticket (TicketSummary): A row of a ticket view.
        resolved (None | str | Unset):
    """

    admin_cc: list[PersonRef]
    can: list[str]
    cc: list[PersonRef]
    custom_fields: list[CustomFieldValues]
    history: list[HistoryEntry]
    links: list[LinkEntry]
    merged: list[int]
    priority: int
    requestors: list[RequesterDetails]
    ticket: TicketSummary
    resolved: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        admin_cc = []
        for admin_cc_item_data in self.admin_cc:
            admin_cc_item = admin_cc_item_data.to_dict()
            admin_cc.append(admin_cc_item)

        can = self.can

        cc = []
        for cc_item_data in self.cc:
            cc_item = cc_item_data.to_dict()
            cc.append(cc_item)

        custom_fields = []
        for custom_fields_item_data in self.custom_fields:
            custom_fields_item = custom_fields_item_data.to_dict()
            custom_fields.append(custom_fields_item)

        history = []
        for history_item_data in self.history:
            history_item = history_item_data.to_dict()
            history.append(history_item)

        links = []
        for links_item_data in self.links:
            links_item = links_item_data.to_dict()
            links.append(links_item)

        merged = self.merged

        priority = self.priority

        requestors = []
        for requestors_item_data in self.requestors:
            requestors_item = requestors_item_data.to_dict()
            requestors.append(requestors_item)

        ticket = self.ticket.to_dict()

        resolved: None | str | Unset
        if isinstance(self.resolved, Unset):
            resolved = UNSET
        else:
            resolved = self.resolved

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "admin_cc": admin_cc,
                "can": can,
                "cc": cc,
                "custom_fields": custom_fields,
                "history": history,
                "links": links,
                "merged": merged,
                "priority": priority,
                "requestors": requestors,
                "ticket": ticket,
            }
        )
        if resolved is not UNSET:
            field_dict["resolved"] = resolved

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.custom_field_values import CustomFieldValues  # noqa: PLC0415
        from ..models.history_entry import HistoryEntry  # noqa: PLC0415
        from ..models.link_entry import LinkEntry  # noqa: PLC0415
        from ..models.person_ref import PersonRef  # noqa: PLC0415
        from ..models.requester_details import RequesterDetails  # noqa: PLC0415
        from ..models.ticket_summary import TicketSummary  # noqa: PLC0415

        d = dict(src_dict)
        admin_cc = []
        _admin_cc = d.pop("admin_cc")
        for admin_cc_item_data in _admin_cc:
            admin_cc_item = PersonRef.from_dict(admin_cc_item_data)

            admin_cc.append(admin_cc_item)

        can = cast(list[str], d.pop("can"))

        cc = []
        _cc = d.pop("cc")
        for cc_item_data in _cc:
            cc_item = PersonRef.from_dict(cc_item_data)

            cc.append(cc_item)

        custom_fields = []
        _custom_fields = d.pop("custom_fields")
        for custom_fields_item_data in _custom_fields:
            custom_fields_item = CustomFieldValues.from_dict(custom_fields_item_data)

            custom_fields.append(custom_fields_item)

        history = []
        _history = d.pop("history")
        for history_item_data in _history:
            history_item = HistoryEntry.from_dict(history_item_data)

            history.append(history_item)

        links = []
        _links = d.pop("links")
        for links_item_data in _links:
            links_item = LinkEntry.from_dict(links_item_data)

            links.append(links_item)

        merged = cast(list[int], d.pop("merged"))

        priority = d.pop("priority")

        requestors = []
        _requestors = d.pop("requestors")
        for requestors_item_data in _requestors:
            requestors_item = RequesterDetails.from_dict(requestors_item_data)

            requestors.append(requestors_item)

        ticket = TicketSummary.from_dict(d.pop("ticket"))

        def _parse_resolved(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        resolved = _parse_resolved(d.pop("resolved", UNSET))

        ticket_page = cls(
            admin_cc=admin_cc,
            can=can,
            cc=cc,
            custom_fields=custom_fields,
            history=history,
            links=links,
            merged=merged,
            priority=priority,
            requestors=requestors,
            ticket=ticket,
            resolved=resolved,
        )

        ticket_page.additional_properties = d
        return ticket_page

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
