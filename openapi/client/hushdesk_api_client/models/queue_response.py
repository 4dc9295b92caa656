from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.hyperlink import Hyperlink
    from ..models.record_ref import RecordRef


T = TypeVar("T", bound="QueueResponse")


@_attrs_define
class QueueResponse:
    """A queue.

    Attributes:
        admin_cc (list[RecordRef]):
        cc (list[RecordRef]):
        comment_address (str):
        correspond_address (str):
        created (str):
        creator (RecordRef): A reference to a record; `fields[X]=A,B` expansion adds the requested sub-fields.
        custom_fields (list[RecordRef]):
        default_due_in (str):
        description (str):
        disabled (str):
        final_priority (str):
        initial_priority (str):
        language (str): ISO 639-1 language of the queue (Hushdesk: a queue per language).
        last_updated (str):
        last_updated_by (RecordRef): A reference to a record; `fields[X]=A,B` expansion adds the requested sub-fields.
        lifecycle (str):
        name (str):
        sla_disabled (str):
        sort_order (str):
        ticket_custom_fields (list[RecordRef]):
        ticket_transaction_custom_fields (list[RecordRef]):
        field_hyperlinks (list[Hyperlink]):
        id (int):
    """

    admin_cc: list[RecordRef]
    cc: list[RecordRef]
    comment_address: str
    correspond_address: str
    created: str
    creator: RecordRef
    custom_fields: list[RecordRef]
    default_due_in: str
    description: str
    disabled: str
    final_priority: str
    initial_priority: str
    language: str
    last_updated: str
    last_updated_by: RecordRef
    lifecycle: str
    name: str
    sla_disabled: str
    sort_order: str
    ticket_custom_fields: list[RecordRef]
    ticket_transaction_custom_fields: list[RecordRef]
    field_hyperlinks: list[Hyperlink]
    id: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        admin_cc = []
        for admin_cc_item_data in self.admin_cc:
            admin_cc_item = admin_cc_item_data.to_dict()
            admin_cc.append(admin_cc_item)

        cc = []
        for cc_item_data in self.cc:
            cc_item = cc_item_data.to_dict()
            cc.append(cc_item)

        comment_address = self.comment_address

        correspond_address = self.correspond_address

        created = self.created

        creator = self.creator.to_dict()

        custom_fields = []
        for custom_fields_item_data in self.custom_fields:
            custom_fields_item = custom_fields_item_data.to_dict()
            custom_fields.append(custom_fields_item)

        default_due_in = self.default_due_in

        description = self.description

        disabled = self.disabled

        final_priority = self.final_priority

        initial_priority = self.initial_priority

        language = self.language

        last_updated = self.last_updated

        last_updated_by = self.last_updated_by.to_dict()

        lifecycle = self.lifecycle

        name = self.name

        sla_disabled = self.sla_disabled

        sort_order = self.sort_order

        ticket_custom_fields = []
        for ticket_custom_fields_item_data in self.ticket_custom_fields:
            ticket_custom_fields_item = ticket_custom_fields_item_data.to_dict()
            ticket_custom_fields.append(ticket_custom_fields_item)

        ticket_transaction_custom_fields = []
        for ticket_transaction_custom_fields_item_data in self.ticket_transaction_custom_fields:
            ticket_transaction_custom_fields_item = ticket_transaction_custom_fields_item_data.to_dict()
            ticket_transaction_custom_fields.append(ticket_transaction_custom_fields_item)

        field_hyperlinks = []
        for field_hyperlinks_item_data in self.field_hyperlinks:
            field_hyperlinks_item = field_hyperlinks_item_data.to_dict()
            field_hyperlinks.append(field_hyperlinks_item)

        id = self.id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "AdminCc": admin_cc,
                "Cc": cc,
                "CommentAddress": comment_address,
                "CorrespondAddress": correspond_address,
                "Created": created,
                "Creator": creator,
                "CustomFields": custom_fields,
                "DefaultDueIn": default_due_in,
                "Description": description,
                "Disabled": disabled,
                "FinalPriority": final_priority,
                "InitialPriority": initial_priority,
                "Language": language,
                "LastUpdated": last_updated,
                "LastUpdatedBy": last_updated_by,
                "Lifecycle": lifecycle,
                "Name": name,
                "SLADisabled": sla_disabled,
                "SortOrder": sort_order,
                "TicketCustomFields": ticket_custom_fields,
                "TicketTransactionCustomFields": ticket_transaction_custom_fields,
                "_hyperlinks": field_hyperlinks,
                "id": id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.hyperlink import Hyperlink  # noqa: PLC0415
        from ..models.record_ref import RecordRef  # noqa: PLC0415

        d = dict(src_dict)
        admin_cc = []
        _admin_cc = d.pop("AdminCc")
        for admin_cc_item_data in _admin_cc:
            admin_cc_item = RecordRef.from_dict(admin_cc_item_data)

            admin_cc.append(admin_cc_item)

        cc = []
        _cc = d.pop("Cc")
        for cc_item_data in _cc:
            cc_item = RecordRef.from_dict(cc_item_data)

            cc.append(cc_item)

        comment_address = d.pop("CommentAddress")

        correspond_address = d.pop("CorrespondAddress")

        created = d.pop("Created")

        creator = RecordRef.from_dict(d.pop("Creator"))

        custom_fields = []
        _custom_fields = d.pop("CustomFields")
        for custom_fields_item_data in _custom_fields:
            custom_fields_item = RecordRef.from_dict(custom_fields_item_data)

            custom_fields.append(custom_fields_item)

        default_due_in = d.pop("DefaultDueIn")

        description = d.pop("Description")

        disabled = d.pop("Disabled")

        final_priority = d.pop("FinalPriority")

        initial_priority = d.pop("InitialPriority")

        language = d.pop("Language")

        last_updated = d.pop("LastUpdated")

        last_updated_by = RecordRef.from_dict(d.pop("LastUpdatedBy"))

        lifecycle = d.pop("Lifecycle")

        name = d.pop("Name")

        sla_disabled = d.pop("SLADisabled")

        sort_order = d.pop("SortOrder")

        ticket_custom_fields = []
        _ticket_custom_fields = d.pop("TicketCustomFields")
        for ticket_custom_fields_item_data in _ticket_custom_fields:
            ticket_custom_fields_item = RecordRef.from_dict(ticket_custom_fields_item_data)

            ticket_custom_fields.append(ticket_custom_fields_item)

        ticket_transaction_custom_fields = []
        _ticket_transaction_custom_fields = d.pop("TicketTransactionCustomFields")
        for ticket_transaction_custom_fields_item_data in _ticket_transaction_custom_fields:
            ticket_transaction_custom_fields_item = RecordRef.from_dict(ticket_transaction_custom_fields_item_data)

            ticket_transaction_custom_fields.append(ticket_transaction_custom_fields_item)

        field_hyperlinks = []
        _field_hyperlinks = d.pop("_hyperlinks")
        for field_hyperlinks_item_data in _field_hyperlinks:
            field_hyperlinks_item = Hyperlink.from_dict(field_hyperlinks_item_data)

            field_hyperlinks.append(field_hyperlinks_item)

        id = d.pop("id")

        queue_response = cls(
            admin_cc=admin_cc,
            cc=cc,
            comment_address=comment_address,
            correspond_address=correspond_address,
            created=created,
            creator=creator,
            custom_fields=custom_fields,
            default_due_in=default_due_in,
            description=description,
            disabled=disabled,
            final_priority=final_priority,
            initial_priority=initial_priority,
            language=language,
            last_updated=last_updated,
            last_updated_by=last_updated_by,
            lifecycle=lifecycle,
            name=name,
            sla_disabled=sla_disabled,
            sort_order=sort_order,
            ticket_custom_fields=ticket_custom_fields,
            ticket_transaction_custom_fields=ticket_transaction_custom_fields,
            field_hyperlinks=field_hyperlinks,
            id=id,
        )

        queue_response.additional_properties = d
        return queue_response

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
