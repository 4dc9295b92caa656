from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="KnownIssueResponse")


@_attrs_define
class KnownIssueResponse:
    """
    Attributes:
        field_url (str):
        affected_versions (list[str]):
        created (str):
        description (str):
        hardware_roles (list[str]):
        id (int):
        last_updated (str):
        requestors (int): Distinct requestors of the linked tickets.
        status (str):
        tickets (int): Linked tickets.
        title (str):
        fixed_in (None | str | Unset):
        tracker_url (None | str | Unset):
    """

    field_url: str
    affected_versions: list[str]
    created: str
    description: str
    hardware_roles: list[str]
    id: int
    last_updated: str
    requestors: int
    status: str
    tickets: int
    title: str
    fixed_in: None | str | Unset = UNSET
    tracker_url: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        field_url = self.field_url

        affected_versions = self.affected_versions

        created = self.created

        description = self.description

        hardware_roles = self.hardware_roles

        id = self.id

        last_updated = self.last_updated

        requestors = self.requestors

        status = self.status

        tickets = self.tickets

        title = self.title

        fixed_in: None | str | Unset
        if isinstance(self.fixed_in, Unset):
            fixed_in = UNSET
        else:
            fixed_in = self.fixed_in

        tracker_url: None | str | Unset
        if isinstance(self.tracker_url, Unset):
            tracker_url = UNSET
        else:
            tracker_url = self.tracker_url

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "_url": field_url,
                "affected_versions": affected_versions,
                "created": created,
                "description": description,
                "hardware_roles": hardware_roles,
                "id": id,
                "last_updated": last_updated,
                "requestors": requestors,
                "status": status,
                "tickets": tickets,
                "title": title,
            }
        )
        if fixed_in is not UNSET:
            field_dict["fixed_in"] = fixed_in
        if tracker_url is not UNSET:
            field_dict["tracker_url"] = tracker_url

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        field_url = d.pop("_url")

        affected_versions = cast(list[str], d.pop("affected_versions"))

        created = d.pop("created")

        description = d.pop("description")

        hardware_roles = cast(list[str], d.pop("hardware_roles"))

        id = d.pop("id")

        last_updated = d.pop("last_updated")

        requestors = d.pop("requestors")

        status = d.pop("status")

        tickets = d.pop("tickets")

        title = d.pop("title")

        def _parse_fixed_in(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        fixed_in = _parse_fixed_in(d.pop("fixed_in", UNSET))

        def _parse_tracker_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        tracker_url = _parse_tracker_url(d.pop("tracker_url", UNSET))

        known_issue_response = cls(
            field_url=field_url,
            affected_versions=affected_versions,
            created=created,
            description=description,
            hardware_roles=hardware_roles,
            id=id,
            last_updated=last_updated,
            requestors=requestors,
            status=status,
            tickets=tickets,
            title=title,
            fixed_in=fixed_in,
            tracker_url=tracker_url,
        )

        known_issue_response.additional_properties = d
        return known_issue_response

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
