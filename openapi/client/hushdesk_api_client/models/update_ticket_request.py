from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.update_ticket_request_custom_fields_type_0 import UpdateTicketRequestCustomFieldsType0


T = TypeVar("T", bound="UpdateTicketRequest")


@_attrs_define
class UpdateTicketRequest:
    """`PUT /REST/2.0/ticket/{id}`: the fields to change (RT's names); fields not listed here
    are passed on as RT would take them. Only describes the wire: the server reads a JSON object.

        Attributes:
            add_depended_on_by (list[str] | None | str | Unset):
            add_depends_on (list[str] | None | str | Unset):
            add_member_of (list[str] | None | str | Unset):
            add_members (list[str] | None | str | Unset):
            add_referred_to_by (list[str] | None | str | Unset):
            add_refers_to (list[str] | None | str | Unset):
            admin_cc (list[str] | None | str | Unset):
            cc (list[str] | None | str | Unset):
            custom_fields (None | Unset | UpdateTicketRequestCustomFieldsType0): Values by custom field name: a string or a
                list of strings.
            delete_depended_on_by (list[str] | None | str | Unset):
            delete_depends_on (list[str] | None | str | Unset):
            delete_member_of (list[str] | None | str | Unset):
            delete_members (list[str] | None | str | Unset):
            delete_referred_to_by (list[str] | None | str | Unset):
            delete_refers_to (list[str] | None | str | Unset):
            due (None | str | Unset):
            final_priority (int | None | str | Unset):
            initial_priority (int | None | str | Unset):
            merge_into (int | None | str | Unset):
            owner (None | str | Unset): User name or id.
            priority (int | None | str | Unset):
            queue (int | None | str | Unset):
            requestor (list[str] | None | str | Unset):
            resolved (None | str | Unset):
            started (None | str | Unset):
            starts (None | str | Unset):
            status (None | str | Unset):
            subject (None | str | Unset):
            time_estimated (int | None | str | Unset):
            time_left (int | None | str | Unset):
            time_worked (int | None | str | Unset):
            told (None | str | Unset):
            type_ (None | str | Unset):
    """

    add_depended_on_by: list[str] | None | str | Unset = UNSET
    add_depends_on: list[str] | None | str | Unset = UNSET
    add_member_of: list[str] | None | str | Unset = UNSET
    add_members: list[str] | None | str | Unset = UNSET
    add_referred_to_by: list[str] | None | str | Unset = UNSET
    add_refers_to: list[str] | None | str | Unset = UNSET
    admin_cc: list[str] | None | str | Unset = UNSET
    cc: list[str] | None | str | Unset = UNSET
    custom_fields: None | Unset | UpdateTicketRequestCustomFieldsType0 = UNSET
    delete_depended_on_by: list[str] | None | str | Unset = UNSET
    delete_depends_on: list[str] | None | str | Unset = UNSET
    delete_member_of: list[str] | None | str | Unset = UNSET
    delete_members: list[str] | None | str | Unset = UNSET
    delete_referred_to_by: list[str] | None | str | Unset = UNSET
    delete_refers_to: list[str] | None | str | Unset = UNSET
    due: None | str | Unset = UNSET
    final_priority: int | None | str | Unset = UNSET
    initial_priority: int | None | str | Unset = UNSET
    merge_into: int | None | str | Unset = UNSET
    owner: None | str | Unset = UNSET
    priority: int | None | str | Unset = UNSET
    queue: int | None | str | Unset = UNSET
    requestor: list[str] | None | str | Unset = UNSET
    resolved: None | str | Unset = UNSET
    started: None | str | Unset = UNSET
    starts: None | str | Unset = UNSET
    status: None | str | Unset = UNSET
    subject: None | str | Unset = UNSET
    time_estimated: int | None | str | Unset = UNSET
    time_left: int | None | str | Unset = UNSET
    time_worked: int | None | str | Unset = UNSET
    told: None | str | Unset = UNSET
    type_: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.update_ticket_request_custom_fields_type_0 import UpdateTicketRequestCustomFieldsType0  # noqa: PLC0415

        add_depended_on_by: list[str] | None | str | Unset
        if isinstance(self.add_depended_on_by, Unset):
            add_depended_on_by = UNSET
        elif isinstance(self.add_depended_on_by, list):
            add_depended_on_by = self.add_depended_on_by

        else:
            add_depended_on_by = self.add_depended_on_by

        add_depends_on: list[str] | None | str | Unset
        if isinstance(self.add_depends_on, Unset):
            add_depends_on = UNSET
        elif isinstance(self.add_depends_on, list):
            add_depends_on = self.add_depends_on

        else:
            add_depends_on = self.add_depends_on

        add_member_of: list[str] | None | str | Unset
        if isinstance(self.add_member_of, Unset):
            add_member_of = UNSET
        elif isinstance(self.add_member_of, list):
            add_member_of = self.add_member_of

        else:
            add_member_of = self.add_member_of

        add_members: list[str] | None | str | Unset
        if isinstance(self.add_members, Unset):
            add_members = UNSET
        elif isinstance(self.add_members, list):
            add_members = self.add_members

        else:
            add_members = self.add_members

        add_referred_to_by: list[str] | None | str | Unset
        if isinstance(self.add_referred_to_by, Unset):
            add_referred_to_by = UNSET
        elif isinstance(self.add_referred_to_by, list):
            add_referred_to_by = self.add_referred_to_by

        else:
            add_referred_to_by = self.add_referred_to_by

        add_refers_to: list[str] | None | str | Unset
        if isinstance(self.add_refers_to, Unset):
            add_refers_to = UNSET
        elif isinstance(self.add_refers_to, list):
            add_refers_to = self.add_refers_to

        else:
            add_refers_to = self.add_refers_to

        admin_cc: list[str] | None | str | Unset
        if isinstance(self.admin_cc, Unset):
            admin_cc = UNSET
        elif isinstance(self.admin_cc, list):
            admin_cc = self.admin_cc

        else:
            admin_cc = self.admin_cc

        cc: list[str] | None | str | Unset
        if isinstance(self.cc, Unset):
            cc = UNSET
        elif isinstance(self.cc, list):
            cc = self.cc

        else:
            cc = self.cc

        custom_fields: dict[str, Any] | None | Unset
        if isinstance(self.custom_fields, Unset):
            custom_fields = UNSET
        elif isinstance(self.custom_fields, UpdateTicketRequestCustomFieldsType0):
            custom_fields = self.custom_fields.to_dict()
        else:
            custom_fields = self.custom_fields

        delete_depended_on_by: list[str] | None | str | Unset
        if isinstance(self.delete_depended_on_by, Unset):
            delete_depended_on_by = UNSET
        elif isinstance(self.delete_depended_on_by, list):
            delete_depended_on_by = self.delete_depended_on_by

        else:
            delete_depended_on_by = self.delete_depended_on_by

        delete_depends_on: list[str] | None | str | Unset
        if isinstance(self.delete_depends_on, Unset):
            delete_depends_on = UNSET
        elif isinstance(self.delete_depends_on, list):
            delete_depends_on = self.delete_depends_on

        else:
            delete_depends_on = self.delete_depends_on

        delete_member_of: list[str] | None | str | Unset
        if isinstance(self.delete_member_of, Unset):
            delete_member_of = UNSET
        elif isinstance(self.delete_member_of, list):
            delete_member_of = self.delete_member_of

        else:
            delete_member_of = self.delete_member_of

        delete_members: list[str] | None | str | Unset
        if isinstance(self.delete_members, Unset):
            delete_members = UNSET
        elif isinstance(self.delete_members, list):
            delete_members = self.delete_members

        else:
            delete_members = self.delete_members

        delete_referred_to_by: list[str] | None | str | Unset
        if isinstance(self.delete_referred_to_by, Unset):
            delete_referred_to_by = UNSET
        elif isinstance(self.delete_referred_to_by, list):
            delete_referred_to_by = self.delete_referred_to_by

        else:
            delete_referred_to_by = self.delete_referred_to_by

        delete_refers_to: list[str] | None | str | Unset
        if isinstance(self.delete_refers_to, Unset):
            delete_refers_to = UNSET
        elif isinstance(self.delete_refers_to, list):
            delete_refers_to = self.delete_refers_to

        else:
            delete_refers_to = self.delete_refers_to

        due: None | str | Unset
        if isinstance(self.due, Unset):
            due = UNSET
        else:
            due = self.due

        final_priority: int | None | str | Unset
        if isinstance(self.final_priority, Unset):
            final_priority = UNSET
        else:
            final_priority = self.final_priority

        initial_priority: int | None | str | Unset
        if isinstance(self.initial_priority, Unset):
            initial_priority = UNSET
        else:
            initial_priority = self.initial_priority

        merge_into: int | None | str | Unset
        if isinstance(self.merge_into, Unset):
            merge_into = UNSET
        else:
            merge_into = self.merge_into

        owner: None | str | Unset
        if isinstance(self.owner, Unset):
            owner = UNSET
        else:
            owner = self.owner

        priority: int | None | str | Unset
        if isinstance(self.priority, Unset):
            priority = UNSET
        else:
            priority = self.priority

        queue: int | None | str | Unset
        if isinstance(self.queue, Unset):
            queue = UNSET
        else:
            queue = self.queue

        requestor: list[str] | None | str | Unset
        if isinstance(self.requestor, Unset):
            requestor = UNSET
        elif isinstance(self.requestor, list):
            requestor = self.requestor

        else:
            requestor = self.requestor

        resolved: None | str | Unset
        if isinstance(self.resolved, Unset):
            resolved = UNSET
        else:
            resolved = self.resolved

        started: None | str | Unset
        if isinstance(self.started, Unset):
            started = UNSET
        else:
            started = self.started

        starts: None | str | Unset
        if isinstance(self.starts, Unset):
            starts = UNSET
        else:
            starts = self.starts

        status: None | str | Unset
        if isinstance(self.status, Unset):
            status = UNSET
        else:
            status = self.status

        subject: None | str | Unset
        if isinstance(self.subject, Unset):
            subject = UNSET
        else:
            subject = self.subject

        time_estimated: int | None | str | Unset
        if isinstance(self.time_estimated, Unset):
            time_estimated = UNSET
        else:
            time_estimated = self.time_estimated

        time_left: int | None | str | Unset
        if isinstance(self.time_left, Unset):
            time_left = UNSET
        else:
            time_left = self.time_left

        time_worked: int | None | str | Unset
        if isinstance(self.time_worked, Unset):
            time_worked = UNSET
        else:
            time_worked = self.time_worked

        told: None | str | Unset
        if isinstance(self.told, Unset):
            told = UNSET
        else:
            told = self.told

        type_: None | str | Unset
        if isinstance(self.type_, Unset):
            type_ = UNSET
        else:
            type_ = self.type_

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if add_depended_on_by is not UNSET:
            field_dict["AddDependedOnBy"] = add_depended_on_by
        if add_depends_on is not UNSET:
            field_dict["AddDependsOn"] = add_depends_on
        if add_member_of is not UNSET:
            field_dict["AddMemberOf"] = add_member_of
        if add_members is not UNSET:
            field_dict["AddMembers"] = add_members
        if add_referred_to_by is not UNSET:
            field_dict["AddReferredToBy"] = add_referred_to_by
        if add_refers_to is not UNSET:
            field_dict["AddRefersTo"] = add_refers_to
        if admin_cc is not UNSET:
            field_dict["AdminCc"] = admin_cc
        if cc is not UNSET:
            field_dict["Cc"] = cc
        if custom_fields is not UNSET:
            field_dict["CustomFields"] = custom_fields
        if delete_depended_on_by is not UNSET:
            field_dict["DeleteDependedOnBy"] = delete_depended_on_by
        if delete_depends_on is not UNSET:
            field_dict["DeleteDependsOn"] = delete_depends_on
        if delete_member_of is not UNSET:
            field_dict["DeleteMemberOf"] = delete_member_of
        if delete_members is not UNSET:
            field_dict["DeleteMembers"] = delete_members
        if delete_referred_to_by is not UNSET:
            field_dict["DeleteReferredToBy"] = delete_referred_to_by
        if delete_refers_to is not UNSET:
            field_dict["DeleteRefersTo"] = delete_refers_to
        if due is not UNSET:
            field_dict["Due"] = due
        if final_priority is not UNSET:
            field_dict["FinalPriority"] = final_priority
        if initial_priority is not UNSET:
            field_dict["InitialPriority"] = initial_priority
        if merge_into is not UNSET:
            field_dict["MergeInto"] = merge_into
        if owner is not UNSET:
            field_dict["Owner"] = owner
        if priority is not UNSET:
            field_dict["Priority"] = priority
        if queue is not UNSET:
            field_dict["Queue"] = queue
        if requestor is not UNSET:
            field_dict["Requestor"] = requestor
        if resolved is not UNSET:
            field_dict["Resolved"] = resolved
        if started is not UNSET:
            field_dict["Started"] = started
        if starts is not UNSET:
            field_dict["Starts"] = starts
        if status is not UNSET:
            field_dict["Status"] = status
        if subject is not UNSET:
            field_dict["Subject"] = subject
        if time_estimated is not UNSET:
            field_dict["TimeEstimated"] = time_estimated
        if time_left is not UNSET:
            field_dict["TimeLeft"] = time_left
        if time_worked is not UNSET:
            field_dict["TimeWorked"] = time_worked
        if told is not UNSET:
            field_dict["Told"] = told
        if type_ is not UNSET:
            field_dict["Type"] = type_

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.update_ticket_request_custom_fields_type_0 import UpdateTicketRequestCustomFieldsType0  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_add_depended_on_by(data: object) -> list[str] | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                componentsschemas_string_or_list_type_0 = cast(list[str], data)

                return componentsschemas_string_or_list_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | str | Unset, data)

        add_depended_on_by = _parse_add_depended_on_by(d.pop("AddDependedOnBy", UNSET))

        def _parse_add_depends_on(data: object) -> list[str] | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                componentsschemas_string_or_list_type_0 = cast(list[str], data)

                return componentsschemas_string_or_list_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | str | Unset, data)

        add_depends_on = _parse_add_depends_on(d.pop("AddDependsOn", UNSET))

        def _parse_add_member_of(data: object) -> list[str] | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                componentsschemas_string_or_list_type_0 = cast(list[str], data)

                return componentsschemas_string_or_list_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | str | Unset, data)

        add_member_of = _parse_add_member_of(d.pop("AddMemberOf", UNSET))

        def _parse_add_members(data: object) -> list[str] | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                componentsschemas_string_or_list_type_0 = cast(list[str], data)

                return componentsschemas_string_or_list_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | str | Unset, data)

        add_members = _parse_add_members(d.pop("AddMembers", UNSET))

        def _parse_add_referred_to_by(data: object) -> list[str] | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                componentsschemas_string_or_list_type_0 = cast(list[str], data)

                return componentsschemas_string_or_list_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | str | Unset, data)

        add_referred_to_by = _parse_add_referred_to_by(d.pop("AddReferredToBy", UNSET))

        def _parse_add_refers_to(data: object) -> list[str] | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                componentsschemas_string_or_list_type_0 = cast(list[str], data)

                return componentsschemas_string_or_list_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | str | Unset, data)

        add_refers_to = _parse_add_refers_to(d.pop("AddRefersTo", UNSET))

        def _parse_admin_cc(data: object) -> list[str] | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                componentsschemas_string_or_list_type_0 = cast(list[str], data)

                return componentsschemas_string_or_list_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | str | Unset, data)

        admin_cc = _parse_admin_cc(d.pop("AdminCc", UNSET))

        def _parse_cc(data: object) -> list[str] | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                componentsschemas_string_or_list_type_0 = cast(list[str], data)

                return componentsschemas_string_or_list_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | str | Unset, data)

        cc = _parse_cc(d.pop("Cc", UNSET))

        def _parse_custom_fields(data: object) -> None | Unset | UpdateTicketRequestCustomFieldsType0:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                custom_fields_type_0 = UpdateTicketRequestCustomFieldsType0.from_dict(data)

                return custom_fields_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UpdateTicketRequestCustomFieldsType0, data)

        custom_fields = _parse_custom_fields(d.pop("CustomFields", UNSET))

        def _parse_delete_depended_on_by(data: object) -> list[str] | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                componentsschemas_string_or_list_type_0 = cast(list[str], data)

                return componentsschemas_string_or_list_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | str | Unset, data)

        delete_depended_on_by = _parse_delete_depended_on_by(d.pop("DeleteDependedOnBy", UNSET))

        def _parse_delete_depends_on(data: object) -> list[str] | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                componentsschemas_string_or_list_type_0 = cast(list[str], data)

                return componentsschemas_string_or_list_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | str | Unset, data)

        delete_depends_on = _parse_delete_depends_on(d.pop("DeleteDependsOn", UNSET))

        def _parse_delete_member_of(data: object) -> list[str] | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                componentsschemas_string_or_list_type_0 = cast(list[str], data)

                return componentsschemas_string_or_list_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | str | Unset, data)

        delete_member_of = _parse_delete_member_of(d.pop("DeleteMemberOf", UNSET))

        def _parse_delete_members(data: object) -> list[str] | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                componentsschemas_string_or_list_type_0 = cast(list[str], data)

                return componentsschemas_string_or_list_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | str | Unset, data)

        delete_members = _parse_delete_members(d.pop("DeleteMembers", UNSET))

        def _parse_delete_referred_to_by(data: object) -> list[str] | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                componentsschemas_string_or_list_type_0 = cast(list[str], data)

                return componentsschemas_string_or_list_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | str | Unset, data)

        delete_referred_to_by = _parse_delete_referred_to_by(d.pop("DeleteReferredToBy", UNSET))

        def _parse_delete_refers_to(data: object) -> list[str] | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                componentsschemas_string_or_list_type_0 = cast(list[str], data)

                return componentsschemas_string_or_list_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | str | Unset, data)

        delete_refers_to = _parse_delete_refers_to(d.pop("DeleteRefersTo", UNSET))

        def _parse_due(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        due = _parse_due(d.pop("Due", UNSET))

        def _parse_final_priority(data: object) -> int | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | str | Unset, data)

        final_priority = _parse_final_priority(d.pop("FinalPriority", UNSET))

        def _parse_initial_priority(data: object) -> int | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | str | Unset, data)

        initial_priority = _parse_initial_priority(d.pop("InitialPriority", UNSET))

        def _parse_merge_into(data: object) -> int | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | str | Unset, data)

        merge_into = _parse_merge_into(d.pop("MergeInto", UNSET))

        def _parse_owner(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        owner = _parse_owner(d.pop("Owner", UNSET))

        def _parse_priority(data: object) -> int | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | str | Unset, data)

        priority = _parse_priority(d.pop("Priority", UNSET))

        def _parse_queue(data: object) -> int | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | str | Unset, data)

        queue = _parse_queue(d.pop("Queue", UNSET))

        def _parse_requestor(data: object) -> list[str] | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                componentsschemas_string_or_list_type_0 = cast(list[str], data)

                return componentsschemas_string_or_list_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | str | Unset, data)

        requestor = _parse_requestor(d.pop("Requestor", UNSET))

        def _parse_resolved(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        resolved = _parse_resolved(d.pop("Resolved", UNSET))

        def _parse_started(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        started = _parse_started(d.pop("Started", UNSET))

        def _parse_starts(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        starts = _parse_starts(d.pop("Starts", UNSET))

        def _parse_status(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        status = _parse_status(d.pop("Status", UNSET))

        def _parse_subject(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        subject = _parse_subject(d.pop("Subject", UNSET))

        def _parse_time_estimated(data: object) -> int | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | str | Unset, data)

        time_estimated = _parse_time_estimated(d.pop("TimeEstimated", UNSET))

        def _parse_time_left(data: object) -> int | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | str | Unset, data)

        time_left = _parse_time_left(d.pop("TimeLeft", UNSET))

        def _parse_time_worked(data: object) -> int | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | str | Unset, data)

        time_worked = _parse_time_worked(d.pop("TimeWorked", UNSET))

        def _parse_told(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        told = _parse_told(d.pop("Told", UNSET))

        def _parse_type_(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        type_ = _parse_type_(d.pop("Type", UNSET))

        update_ticket_request = cls(
            add_depended_on_by=add_depended_on_by,
            add_depends_on=add_depends_on,
            add_member_of=add_member_of,
            add_members=add_members,
            add_referred_to_by=add_referred_to_by,
            add_refers_to=add_refers_to,
            admin_cc=admin_cc,
            cc=cc,
            custom_fields=custom_fields,
            delete_depended_on_by=delete_depended_on_by,
            delete_depends_on=delete_depends_on,
            delete_member_of=delete_member_of,
            delete_members=delete_members,
            delete_referred_to_by=delete_referred_to_by,
            delete_refers_to=delete_refers_to,
            due=due,
            final_priority=final_priority,
            initial_priority=initial_priority,
            merge_into=merge_into,
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
        )

        update_ticket_request.additional_properties = d
        return update_ticket_request

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
