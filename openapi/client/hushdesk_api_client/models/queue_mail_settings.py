from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="QueueMailSettings")


@_attrs_define
class QueueMailSettings:
    """A queue's OpenPGP and outgoing-mail settings.

    Attributes:
        autoreply (bool): Auto-reply to requestors of new tickets created by mail.
        autoreply_text (str): Auto-reply text; empty: a built-in text naming the ticket.
        encrypt (bool): Encrypt outgoing mail to every recipient whose key is known.
        require_encryption (str): Unencrypted incoming mail: `off` (accept), `flag` (accept and flag) or `refuse`.
        sign (bool): Sign outgoing mail with the queue's key.
    """

    autoreply: bool
    autoreply_text: str
    encrypt: bool
    require_encryption: str
    sign: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        autoreply = self.autoreply

        autoreply_text = self.autoreply_text

        encrypt = self.encrypt

        require_encryption = self.require_encryption

        sign = self.sign

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "autoreply": autoreply,
                "autoreply_text": autoreply_text,
                "encrypt": encrypt,
                "require_encryption": require_encryption,
                "sign": sign,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        autoreply = d.pop("autoreply")

        autoreply_text = d.pop("autoreply_text")

        encrypt = d.pop("encrypt")

        require_encryption = d.pop("require_encryption")

        sign = d.pop("sign")

        queue_mail_settings = cls(
            autoreply=autoreply,
            autoreply_text=autoreply_text,
            encrypt=encrypt,
            require_encryption=require_encryption,
            sign=sign,
        )

        queue_mail_settings.additional_properties = d
        return queue_mail_settings

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
