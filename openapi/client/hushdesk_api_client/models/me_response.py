from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.queue_rights import QueueRights


T = TypeVar("T", bound="MeResponse")


@_attrs_define
class MeResponse:
    """`GET /REST/2.0/hushdesk/me`: who is logged in, with a summary of what they may do.

    Attributes:
        id (int):
        manage_answers (bool): May create, edit and delete template answers.
        name (str):
        privileged (bool):
        queues (list[QueueRights]): Rights per visible queue (system-wide rights included).
        real_name (str):
        superuser (bool):
        system_rights (list[str]): Rights held system-wide.
        email (None | str | Unset):
    """

    id: int
    manage_answers: bool
    name: str
    privileged: bool
    queues: list[QueueRights]
    real_name: str
    superuser: bool
    system_rights: list[str]
    email: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        manage_answers = self.manage_answers

        name = self.name

        privileged = self.privileged

        queues = []
        for queues_item_data in self.queues:
            queues_item = queues_item_data.to_dict()
            queues.append(queues_item)

        real_name = self.real_name

        superuser = self.superuser

        system_rights = self.system_rights

        email: None | str | Unset
        if isinstance(self.email, Unset):
            email = UNSET
        else:
            email = self.email

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "manage_answers": manage_answers,
                "name": name,
                "privileged": privileged,
                "queues": queues,
                "real_name": real_name,
                "superuser": superuser,
                "system_rights": system_rights,
            }
        )
        if email is not UNSET:
            field_dict["email"] = email

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.queue_rights import QueueRights  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        manage_answers = d.pop("manage_answers")

        name = d.pop("name")

        privileged = d.pop("privileged")

        queues = []
        _queues = d.pop("queues")
        for queues_item_data in _queues:
            queues_item = QueueRights.from_dict(queues_item_data)

            queues.append(queues_item)

        real_name = d.pop("real_name")

        superuser = d.pop("superuser")

        system_rights = cast(list[str], d.pop("system_rights"))

        def _parse_email(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        email = _parse_email(d.pop("email", UNSET))

        me_response = cls(
            id=id,
            manage_answers=manage_answers,
            name=name,
            privileged=privileged,
            queues=queues,
            real_name=real_name,
            superuser=superuser,
            system_rights=system_rights,
            email=email,
        )

        me_response.additional_properties = d
        return me_response

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
