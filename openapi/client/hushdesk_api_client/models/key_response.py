from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="KeyResponse")


@_attrs_define
class KeyResponse:
    """One stored key (public part only; secret key material is never returned).

    Attributes:
        can_encrypt (bool): Usable now to encrypt to (valid, not expired, not revoked).
        can_sign (bool): Usable now to sign with (queue keys with a secret part).
        created (str):
        fingerprint (str): Upper-case hex fingerprint.
        has_secret (bool): The store holds the secret key (queue keys).
        public_key (str): The armored public key.
        revoked (bool):
        source (str): `import`, `generate`, `attachment`, `autocrypt` or `pasted`.
        user_ids (list[str]):
        expires (None | str | Unset): When the primary key expires, if it does.
    """

    can_encrypt: bool
    can_sign: bool
    created: str
    fingerprint: str
    has_secret: bool
    public_key: str
    revoked: bool
    source: str
    user_ids: list[str]
    expires: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        can_encrypt = self.can_encrypt

        can_sign = self.can_sign

        created = self.created

        fingerprint = self.fingerprint

        has_secret = self.has_secret

        public_key = self.public_key

        revoked = self.revoked

        source = self.source

        user_ids = self.user_ids

        expires: None | str | Unset
        if isinstance(self.expires, Unset):
            expires = UNSET
        else:
            expires = self.expires

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "can_encrypt": can_encrypt,
                "can_sign": can_sign,
                "created": created,
                "fingerprint": fingerprint,
                "has_secret": has_secret,
                "public_key": public_key,
                "revoked": revoked,
                "source": source,
                "user_ids": user_ids,
            }
        )
        if expires is not UNSET:
            field_dict["expires"] = expires

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        can_encrypt = d.pop("can_encrypt")

        can_sign = d.pop("can_sign")

        created = d.pop("created")

        fingerprint = d.pop("fingerprint")

        has_secret = d.pop("has_secret")

        public_key = d.pop("public_key")

        revoked = d.pop("revoked")

        source = d.pop("source")

        user_ids = cast(list[str], d.pop("user_ids"))

        def _parse_expires(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        expires = _parse_expires(d.pop("expires", UNSET))

        key_response = cls(
            can_encrypt=can_encrypt,
            can_sign=can_sign,
            created=created,
            fingerprint=fingerprint,
            has_secret=has_secret,
            public_key=public_key,
            revoked=revoked,
            source=source,
            user_ids=user_ids,
            expires=expires,
        )

        key_response.additional_properties = d
        return key_response

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
