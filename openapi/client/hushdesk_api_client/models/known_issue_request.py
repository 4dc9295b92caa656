from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="KnownIssueRequest")


@_attrs_define
class KnownIssueRequest:
    """Create or change a known issue; absent fields stay unchanged on update, and an empty
    string clears `fixed_in` or `tracker_url`.

        Attributes:
            affected_versions (list[str] | None | Unset):
            description (None | str | Unset):
            fixed_in (None | str | Unset): Tails version that fixes it, e.g. `6.10`.
            hardware_roles (list[str] | None | Unset): Device roles this issue is about (`machine`, `gpu`, `wifi`,
                `usb_stick`); a linked
                report's devices in these roles count as failing, its other devices as working.
                Empty: not a hardware issue. Default: all four.
            status (None | str | Unset): `open`, `fixed` or `wontfix`.
            title (None | str | Unset):
            tracker_url (None | str | Unset): The developers' issue, e.g.
                `https://gitlab.tails.boum.org/tails/tails/-/issues/1234`.
    """

    affected_versions: list[str] | None | Unset = UNSET
    description: None | str | Unset = UNSET
    fixed_in: None | str | Unset = UNSET
    hardware_roles: list[str] | None | Unset = UNSET
    status: None | str | Unset = UNSET
    title: None | str | Unset = UNSET
    tracker_url: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        affected_versions: list[str] | None | Unset
        if isinstance(self.affected_versions, Unset):
            affected_versions = UNSET
        elif isinstance(self.affected_versions, list):
            affected_versions = self.affected_versions

        else:
            affected_versions = self.affected_versions

        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

        fixed_in: None | str | Unset
        if isinstance(self.fixed_in, Unset):
            fixed_in = UNSET
        else:
            fixed_in = self.fixed_in

        hardware_roles: list[str] | None | Unset
        if isinstance(self.hardware_roles, Unset):
            hardware_roles = UNSET
        elif isinstance(self.hardware_roles, list):
            hardware_roles = self.hardware_roles

        else:
            hardware_roles = self.hardware_roles

        status: None | str | Unset
        if isinstance(self.status, Unset):
            status = UNSET
        else:
            status = self.status

        title: None | str | Unset
        if isinstance(self.title, Unset):
            title = UNSET
        else:
            title = self.title

        tracker_url: None | str | Unset
        if isinstance(self.tracker_url, Unset):
            tracker_url = UNSET
        else:
            tracker_url = self.tracker_url

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if affected_versions is not UNSET:
            field_dict["affected_versions"] = affected_versions
        if description is not UNSET:
            field_dict["description"] = description
        if fixed_in is not UNSET:
            field_dict["fixed_in"] = fixed_in
        if hardware_roles is not UNSET:
            field_dict["hardware_roles"] = hardware_roles
        if status is not UNSET:
            field_dict["status"] = status
        if title is not UNSET:
            field_dict["title"] = title
        if tracker_url is not UNSET:
            field_dict["tracker_url"] = tracker_url

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_affected_versions(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                affected_versions_type_0 = cast(list[str], data)

                return affected_versions_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        affected_versions = _parse_affected_versions(d.pop("affected_versions", UNSET))

        def _parse_description(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        description = _parse_description(d.pop("description", UNSET))

        def _parse_fixed_in(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        fixed_in = _parse_fixed_in(d.pop("fixed_in", UNSET))

        def _parse_hardware_roles(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                hardware_roles_type_0 = cast(list[str], data)

                return hardware_roles_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        hardware_roles = _parse_hardware_roles(d.pop("hardware_roles", UNSET))

        def _parse_status(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        status = _parse_status(d.pop("status", UNSET))

        def _parse_title(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        title = _parse_title(d.pop("title", UNSET))

        def _parse_tracker_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        tracker_url = _parse_tracker_url(d.pop("tracker_url", UNSET))

        known_issue_request = cls(
            affected_versions=affected_versions,
            description=description,
            fixed_in=fixed_in,
            hardware_roles=hardware_roles,
            status=status,
            title=title,
            tracker_url=tracker_url,
        )

        return known_issue_request
