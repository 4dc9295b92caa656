from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="TransactionOpenPgp")


@_attrs_define
class TransactionOpenPgp:
    """`GET /REST/2.0/transaction/{id}/openpgp`: what OpenPGP said about an incoming message.

    Attributes:
        encryption (str): `none`, `decrypted` or `undecryptable`.
        encryption_detail (str): Why it could not be decrypted, or the fingerprint(s) of the queue key that decrypted
            it.
        protected_subject (bool): The Subject came from encrypted protected headers.
        signature (str): `none`, `good`, `bad`, `unknown_key`, `expired` or `revoked`.
        signature_detail (str): Why a bad signature is bad.
        signer (str): Signer's fingerprint (good, expired, revoked) or the issuer (unknown_key).
        transaction (int):
        unencrypted (bool): The queue requires encryption and this message was not encrypted.
    """

    encryption: str
    encryption_detail: str
    protected_subject: bool
    signature: str
    signature_detail: str
    signer: str
    transaction: int
    unencrypted: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        encryption = self.encryption

        encryption_detail = self.encryption_detail

        protected_subject = self.protected_subject

        signature = self.signature

        signature_detail = self.signature_detail

        signer = self.signer

        transaction = self.transaction

        unencrypted = self.unencrypted

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "encryption": encryption,
                "encryption_detail": encryption_detail,
                "protected_subject": protected_subject,
                "signature": signature,
                "signature_detail": signature_detail,
                "signer": signer,
                "transaction": transaction,
                "unencrypted": unencrypted,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        encryption = d.pop("encryption")

        encryption_detail = d.pop("encryption_detail")

        protected_subject = d.pop("protected_subject")

        signature = d.pop("signature")

        signature_detail = d.pop("signature_detail")

        signer = d.pop("signer")

        transaction = d.pop("transaction")

        unencrypted = d.pop("unencrypted")

        transaction_open_pgp = cls(
            encryption=encryption,
            encryption_detail=encryption_detail,
            protected_subject=protected_subject,
            signature=signature,
            signature_detail=signature_detail,
            signer=signer,
            transaction=transaction,
            unencrypted=unencrypted,
        )

        transaction_open_pgp.additional_properties = d
        return transaction_open_pgp

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
