from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="QueueRequest")


@_attrs_define
class QueueRequest:
    """`POST /REST/2.0/queue` and `PUT /REST/2.0/queue/{id}`.

    Attributes:
        comment_address (None | str | Unset):
        correspond_address (None | str | Unset):
        description (None | str | Unset):
        disabled (bool | int | None | str | Unset):
        language (None | str | Unset):
        lifecycle (None | str | Unset):
        name (None | str | Unset):
        sla_disabled (bool | int | None | str | Unset):
        sort_order (int | None | str | Unset):
    """

    comment_address: None | str | Unset = UNSET
    correspond_address: None | str | Unset = UNSET
    description: None | str | Unset = UNSET
    disabled: bool | int | None | str | Unset = UNSET
    language: None | str | Unset = UNSET
    lifecycle: None | str | Unset = UNSET
    name: None | str | Unset = UNSET
    sla_disabled: bool | int | None | str | Unset = UNSET
    sort_order: int | None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        comment_address: None | str | Unset
        if isinstance(self.comment_address, Unset):
            comment_address = UNSET
        else:
            comment_address = self.comment_address

        correspond_address: None | str | Unset
        if isinstance(self.correspond_address, Unset):
            correspond_address = UNSET
        else:
            correspond_address = self.correspond_address

        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

        disabled: bool | int | None | str | Unset
        if isinstance(self.disabled, Unset):
            disabled = UNSET
        else:
            disabled = self.disabled

        language: None | str | Unset
        if isinstance(self.language, Unset):
            language = UNSET
        else:
            language = self.language

        lifecycle: None | str | Unset
        if isinstance(self.lifecycle, Unset):
            lifecycle = UNSET
        else:
            lifecycle = self.lifecycle

        name: None | str | Unset
        if isinstance(self.name, Unset):
            name = UNSET
        else:
            name = self.name

        sla_disabled: bool | int | None | str | Unset
        if isinstance(self.sla_disabled, Unset):
            sla_disabled = UNSET
        else:
            sla_disabled = self.sla_disabled

        sort_order: int | None | str | Unset
        if isinstance(self.sort_order, Unset):
            sort_order = UNSET
        else:
            sort_order = self.sort_order

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if comment_address is not UNSET:
            field_dict["CommentAddress"] = comment_address
        if correspond_address is not UNSET:
            field_dict["CorrespondAddress"] = correspond_address
        if description is not UNSET:
            field_dict["Description"] = description
        if disabled is not UNSET:
            field_dict["Disabled"] = disabled
        if language is not UNSET:
            field_dict["Language"] = language
        if lifecycle is not UNSET:
            field_dict["Lifecycle"] = lifecycle
        if name is not UNSET:
            field_dict["Name"] = name
        if sla_disabled is not UNSET:
            field_dict["SLADisabled"] = sla_disabled
        if sort_order is not UNSET:
            field_dict["SortOrder"] = sort_order

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_comment_address(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        comment_address = _parse_comment_address(d.pop("CommentAddress", UNSET))

        def _parse_correspond_address(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        correspond_address = _parse_correspond_address(d.pop("CorrespondAddress", UNSET))

        def _parse_description(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        description = _parse_description(d.pop("Description", UNSET))

        def _parse_disabled(data: object) -> bool | int | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | int | None | str | Unset, data)

        disabled = _parse_disabled(d.pop("Disabled", UNSET))

        def _parse_language(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        language = _parse_language(d.pop("Language", UNSET))

        def _parse_lifecycle(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        lifecycle = _parse_lifecycle(d.pop("Lifecycle", UNSET))

        def _parse_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        name = _parse_name(d.pop("Name", UNSET))

        def _parse_sla_disabled(data: object) -> bool | int | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | int | None | str | Unset, data)

        sla_disabled = _parse_sla_disabled(d.pop("SLADisabled", UNSET))

        def _parse_sort_order(data: object) -> int | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | str | Unset, data)

        sort_order = _parse_sort_order(d.pop("SortOrder", UNSET))

        queue_request = cls(
            comment_address=comment_address,
            correspond_address=correspond_address,
            description=description,
            disabled=disabled,
            language=language,
            lifecycle=lifecycle,
            name=name,
            sla_disabled=sla_disabled,
            sort_order=sort_order,
        )

        queue_request.additional_properties = d
        return queue_request

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
