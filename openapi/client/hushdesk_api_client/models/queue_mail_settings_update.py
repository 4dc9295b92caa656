from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="QueueMailSettingsUpdate")


@_attrs_define
class QueueMailSettingsUpdate:
    """`PUT /REST/2.0/queue/{id}/mail-settings`: fields to change.

    Attributes:
        autoreply (bool | None | Unset):
        autoreply_text (None | str | Unset):
        encrypt (bool | None | Unset):
        require_encryption (None | str | Unset):
        sign (bool | None | Unset):
    """

    autoreply: bool | None | Unset = UNSET
    autoreply_text: None | str | Unset = UNSET
    encrypt: bool | None | Unset = UNSET
    require_encryption: None | str | Unset = UNSET
    sign: bool | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        autoreply: bool | None | Unset
        if isinstance(self.autoreply, Unset):
            autoreply = UNSET
        else:
            autoreply = self.autoreply

        autoreply_text: None | str | Unset
        if isinstance(self.autoreply_text, Unset):
            autoreply_text = UNSET
        else:
            autoreply_text = self.autoreply_text

        encrypt: bool | None | Unset
        if isinstance(self.encrypt, Unset):
            encrypt = UNSET
        else:
            encrypt = self.encrypt

        require_encryption: None | str | Unset
        if isinstance(self.require_encryption, Unset):
            require_encryption = UNSET
        else:
            require_encryption = self.require_encryption

        sign: bool | None | Unset
        if isinstance(self.sign, Unset):
            sign = UNSET
        else:
            sign = self.sign

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if autoreply is not UNSET:
            field_dict["autoreply"] = autoreply
        if autoreply_text is not UNSET:
            field_dict["autoreply_text"] = autoreply_text
        if encrypt is not UNSET:
            field_dict["encrypt"] = encrypt
        if require_encryption is not UNSET:
            field_dict["require_encryption"] = require_encryption
        if sign is not UNSET:
            field_dict["sign"] = sign

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_autoreply(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        autoreply = _parse_autoreply(d.pop("autoreply", UNSET))

        def _parse_autoreply_text(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        autoreply_text = _parse_autoreply_text(d.pop("autoreply_text", UNSET))

        def _parse_encrypt(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        encrypt = _parse_encrypt(d.pop("encrypt", UNSET))

        def _parse_require_encryption(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        require_encryption = _parse_require_encryption(d.pop("require_encryption", UNSET))

        def _parse_sign(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        sign = _parse_sign(d.pop("sign", UNSET))

        queue_mail_settings_update = cls(
            autoreply=autoreply,
            autoreply_text=autoreply_text,
            encrypt=encrypt,
            require_encryption=require_encryption,
            sign=sign,
        )

        queue_mail_settings_update.additional_properties = d
        return queue_mail_settings_update

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
