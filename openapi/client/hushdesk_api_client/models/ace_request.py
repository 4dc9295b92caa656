from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="AceRequest")


@_attrs_define
class AceRequest:
    """`POST`/`DELETE /REST/2.0/acl`: grant or revoke a right (Hushdesk's admin extension).

    Attributes:
        principal (str): User or group name/id, or role name (Owner, Requestor, Cc, AdminCc).
        principal_type (str): `User`, `Group` or `Role`.
        right (str):
        queue (None | str | Unset): Queue name or id; absent for a system-wide grant.
    """

    principal: str
    principal_type: str
    right: str
    queue: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        principal = self.principal

        principal_type = self.principal_type

        right = self.right

        queue: None | str | Unset
        if isinstance(self.queue, Unset):
            queue = UNSET
        else:
            queue = self.queue

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "principal": principal,
                "principal_type": principal_type,
                "right": right,
            }
        )
        if queue is not UNSET:
            field_dict["queue"] = queue

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        principal = d.pop("principal")

        principal_type = d.pop("principal_type")

        right = d.pop("right")

        def _parse_queue(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        queue = _parse_queue(d.pop("queue", UNSET))

        ace_request = cls(
            principal=principal,
            principal_type=principal_type,
            right=right,
            queue=queue,
        )

        ace_request.additional_properties = d
        return ace_request

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
