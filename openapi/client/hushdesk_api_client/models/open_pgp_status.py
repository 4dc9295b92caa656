from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="OpenPgpStatus")


@_attrs_define
class OpenPgpStatus:
    """How a message was protected. Incoming mail: as decrypted and verified on arrival;
    outgoing mail (EmailRecord): as sent.

        Attributes:
            encrypted (bool): Arrived encrypted (whether or not it could be decrypted), or was sent encrypted.
            signature (str): Incoming: `none`, `good`, `bad`, `unknown-key`, `expired-key`, `revoked-key`;
                outgoing: `sent-signed` or `none`.
            signer (None | str | Unset): Signer's fingerprint (or the issuer's key id when the key is unknown).
            undecryptable (bool | Unset): Arrived encrypted and no queue key could open it: stored as received.
    """

    encrypted: bool
    signature: str
    signer: None | str | Unset = UNSET
    undecryptable: bool | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        encrypted = self.encrypted

        signature = self.signature

        signer: None | str | Unset
        if isinstance(self.signer, Unset):
            signer = UNSET
        else:
            signer = self.signer

        undecryptable = self.undecryptable

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "encrypted": encrypted,
                "signature": signature,
            }
        )
        if signer is not UNSET:
            field_dict["signer"] = signer
        if undecryptable is not UNSET:
            field_dict["undecryptable"] = undecryptable

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        encrypted = d.pop("encrypted")

        signature = d.pop("signature")

        def _parse_signer(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        signer = _parse_signer(d.pop("signer", UNSET))

        undecryptable = d.pop("undecryptable", UNSET)

        open_pgp_status = cls(
            encrypted=encrypted,
            signature=signature,
            signer=signer,
            undecryptable=undecryptable,
        )

        open_pgp_status.additional_properties = d
        return open_pgp_status

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
