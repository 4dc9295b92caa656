from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.custom_field_values import CustomFieldValues
    from ..models.hyperlink import Hyperlink
    from ..models.record_ref import RecordRef


T = TypeVar("T", bound="TicketResponse")


@_attrs_define
class TicketResponse:
    """`GET /REST/2.0/ticket/{id}`.

    Attributes:
        admin_cc (list[RecordRef]):
        cc (list[RecordRef]):
        created (str):
        creator (RecordRef): A reference to a record; `fields[X]=A,B` expansion adds the requested sub-fields.
        custom_fields (list[CustomFieldValues]):
        due (str):
        effective_id (RecordRef): A reference to a record; `fields[X]=A,B` expansion adds the requested sub-fields.
        final_priority (str):
        initial_priority (str):
        last_updated (str):
        last_updated_by (RecordRef): A reference to a record; `fields[X]=A,B` expansion adds the requested sub-fields.
        owner (RecordRef): A reference to a record; `fields[X]=A,B` expansion adds the requested sub-fields.
        priority (str):
        queue (RecordRef): A reference to a record; `fields[X]=A,B` expansion adds the requested sub-fields.
        requestor (list[RecordRef]):
        resolved (str):
        started (str):
        starts (str):
        status (str):
        subject (str):
        time_estimated (str):
        time_left (str):
        time_worked (str):
        told (str):
        type_ (str):
        field_hyperlinks (list[Hyperlink]):
        id (int):
        abuse_flag (bool | Unset): Hushdesk: a requestor of this ticket is flagged for abuse (score at or over the
            threshold).
        sla (None | str | Unset):
    """

    admin_cc: list[RecordRef]
    cc: list[RecordRef]
    created: str
    creator: RecordRef
    custom_fields: list[CustomFieldValues]
    due: str
    effective_id: RecordRef
    final_priority: str
    initial_priority: str
    last_updated: str
    last_updated_by: RecordRef
    owner: RecordRef
    priority: str
    queue: RecordRef
    requestor: list[RecordRef]
    resolved: str
    started: str
    starts: str
    status: str
    subject: str
    time_estimated: str
    time_left: str
    time_worked: str
    told: str
    type_: str
    field_hyperlinks: list[Hyperlink]
    id: int
    abuse_flag: bool | Unset = UNSET
    sla: None | str | Unset = UNSET
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

        created = self.created

        creator = self.creator.to_dict()

        custom_fields = []
        for custom_fields_item_data in self.custom_fields:
            custom_fields_item = custom_fields_item_data.to_dict()
            custom_fields.append(custom_fields_item)

        due = self.due

        effective_id = self.effective_id.to_dict()

        final_priority = self.final_priority

        initial_priority = self.initial_priority

        last_updated = self.last_updated

        last_updated_by = self.last_updated_by.to_dict()

        owner = self.owner.to_dict()

        priority = self.priority

        queue = self.queue.to_dict()

        requestor = []
        for requestor_item_data in self.requestor:
            requestor_item = requestor_item_data.to_dict()
            requestor.append(requestor_item)

        resolved = self.resolved

        started = self.started

        starts = self.starts

        status = self.status

        subject = self.subject

        time_estimated = self.time_estimated

        time_left = self.time_left

        time_worked = self.time_worked

        told = self.told

        type_ = self.type_

        field_hyperlinks = []
        for field_hyperlinks_item_data in self.field_hyperlinks:
            field_hyperlinks_item = field_hyperlinks_item_data.to_dict()
            field_hyperlinks.append(field_hyperlinks_item)

        id = self.id

        abuse_flag = self.abuse_flag

        sla: None | str | Unset
        if isinstance(self.sla, Unset):
            sla = UNSET
        else:
            sla = self.sla

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "AdminCc": admin_cc,
                "Cc": cc,
                "Created": created,
                "Creator": creator,
                "CustomFields": custom_fields,
                "Due": due,
                "EffectiveId": effective_id,
                "FinalPriority": final_priority,
                "InitialPriority": initial_priority,
                "LastUpdated": last_updated,
                "LastUpdatedBy": last_updated_by,
                "Owner": owner,
                "Priority": priority,
                "Queue": queue,
                "Requestor": requestor,
                "Resolved": resolved,
                "Started": started,
                "Starts": starts,
                "Status": status,
                "Subject": subject,
                "TimeEstimated": time_estimated,
                "TimeLeft": time_left,
                "TimeWorked": time_worked,
                "Told": told,
                "Type": type_,
                "_hyperlinks": field_hyperlinks,
                "id": id,
            }
        )
        if abuse_flag is not UNSET:
            field_dict["AbuseFlag"] = abuse_flag
        if sla is not UNSET:
            field_dict["SLA"] = sla

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.custom_field_values import CustomFieldValues  # noqa: PLC0415
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

        created = d.pop("Created")

        creator = RecordRef.from_dict(d.pop("Creator"))

        custom_fields = []
        _custom_fields = d.pop("CustomFields")
        for custom_fields_item_data in _custom_fields:
            custom_fields_item = CustomFieldValues.from_dict(custom_fields_item_data)

            custom_fields.append(custom_fields_item)

        due = d.pop("Due")

        effective_id = RecordRef.from_dict(d.pop("EffectiveId"))

        final_priority = d.pop("FinalPriority")

        initial_priority = d.pop("InitialPriority")

        last_updated = d.pop("LastUpdated")

        last_updated_by = RecordRef.from_dict(d.pop("LastUpdatedBy"))

        owner = RecordRef.from_dict(d.pop("Owner"))

        priority = d.pop("Priority")

        queue = RecordRef.from_dict(d.pop("Queue"))

        requestor = []
        _requestor = d.pop("Requestor")
        for requestor_item_data in _requestor:
            requestor_item = RecordRef.from_dict(requestor_item_data)

            requestor.append(requestor_item)

        resolved = d.pop("Resolved")

        started = d.pop("Started")

        starts = d.pop("Starts")

        status = d.pop("Status")

        subject = d.pop("Subject")

        time_estimated = d.pop("TimeEstimated")

        time_left = d.pop("TimeLeft")

        time_worked = d.pop("TimeWorked")

        told = d.pop("Told")

        type_ = d.pop("Type")

        field_hyperlinks = []
        _field_hyperlinks = d.pop("_hyperlinks")
        for field_hyperlinks_item_data in _field_hyperlinks:
            field_hyperlinks_item = Hyperlink.from_dict(field_hyperlinks_item_data)

            field_hyperlinks.append(field_hyperlinks_item)

        id = d.pop("id")

        abuse_flag = d.pop("AbuseFlag", UNSET)

        def _parse_sla(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        sla = _parse_sla(d.pop("SLA", UNSET))

        ticket_response = cls(
            admin_cc=admin_cc,
            cc=cc,
            created=created,
            creator=creator,
            custom_fields=custom_fields,
            due=due,
            effective_id=effective_id,
            final_priority=final_priority,
            initial_priority=initial_priority,
            last_updated=last_updated,
            last_updated_by=last_updated_by,
            owner=owner,
            priority=priority,
            queue=queue,
            requestor=requestor,
            resolved=resolved,
            started=started,
            starts=starts,
            status=status,
            subject=subject,
            time_estimated=time_estimated,
            time_left=time_left,
            time_worked=time_worked,
            told=told,
            type_=type_,
            field_hyperlinks=field_hyperlinks,
            id=id,
            abuse_flag=abuse_flag,
            sla=sla,
        )

        ticket_response.additional_properties = d
        return ticket_response

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
