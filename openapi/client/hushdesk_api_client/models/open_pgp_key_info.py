from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="OpenPgpKeyInfo")


@_attrs_define
class OpenPgpKeyInfo:
    """
    Attributes:
        kind (str): `key_id`, `fingerprint`, `url`, `block` or `other`.
        value (str): The `OpenPGP-Key:` header as typed.
        key_block (None | str | Unset): The armored public key pasted into the report.
    """

    kind: str
    value: str
    key_block: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        kind = self.kind

        value = self.value

        key_block: None | str | Unset
        if isinstance(self.key_block, Unset):
            key_block = UNSET
        else:
            key_block = self.key_block

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "kind": kind,
                "value": value,
            }
        )
        if key_block is not UNSET:
            field_dict["key_block"] = key_block

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        kind = d.pop("kind")

        value = d.pop("value")

        def _parse_key_block(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        key_block = _parse_key_block(d.pop("key_block", UNSET))

        open_pgp_key_info = cls(
            kind=kind,
            value=value,
            key_block=key_block,
        )

        open_pgp_key_info.additional_properties = d
        return open_pgp_key_info

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
