from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="UserFields")


@_attrs_define
class UserFields:
    """A user's fields as `POST /REST/2.0/user` and `PUT /REST/2.0/user/{id}` take them. RT's
    other user fields (Address1, Address2, City, State, Zip, Country, HomePhone, WorkPhone,
    MobilePhone, PagerPhone, ContactInfo, Signature, Timezone…) are taken as strings too; any
    other name is a 400. Only describes the wire.

        Attributes:
            comments (None | str | Unset):
            disabled (bool | int | None | str | Unset):
            email_address (None | str | Unset):
            gecos (None | str | Unset):
            lang (None | str | Unset):
            name (None | str | Unset): Login name; required to create a user.
            nick_name (None | str | Unset):
            organization (None | str | Unset):
            password (None | str | Unset): At least 8 characters.
            privileged (bool | int | None | str | Unset):
            real_name (None | str | Unset):
    """

    comments: None | str | Unset = UNSET
    disabled: bool | int | None | str | Unset = UNSET
    email_address: None | str | Unset = UNSET
    gecos: None | str | Unset = UNSET
    lang: None | str | Unset = UNSET
    name: None | str | Unset = UNSET
    nick_name: None | str | Unset = UNSET
    organization: None | str | Unset = UNSET
    password: None | str | Unset = UNSET
    privileged: bool | int | None | str | Unset = UNSET
    real_name: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        comments: None | str | Unset
        if isinstance(self.comments, Unset):
            comments = UNSET
        else:
            comments = self.comments

        disabled: bool | int | None | str | Unset
        if isinstance(self.disabled, Unset):
            disabled = UNSET
        else:
            disabled = self.disabled

        email_address: None | str | Unset
        if isinstance(self.email_address, Unset):
            email_address = UNSET
        else:
            email_address = self.email_address

        gecos: None | str | Unset
        if isinstance(self.gecos, Unset):
            gecos = UNSET
        else:
            gecos = self.gecos

        lang: None | str | Unset
        if isinstance(self.lang, Unset):
            lang = UNSET
        else:
            lang = self.lang

        name: None | str | Unset
        if isinstance(self.name, Unset):
            name = UNSET
        else:
            name = self.name

        nick_name: None | str | Unset
        if isinstance(self.nick_name, Unset):
            nick_name = UNSET
        else:
            nick_name = self.nick_name

        organization: None | str | Unset
        if isinstance(self.organization, Unset):
            organization = UNSET
        else:
            organization = self.organization

        password: None | str | Unset
        if isinstance(self.password, Unset):
            password = UNSET
        else:
            password = self.password

        privileged: bool | int | None | str | Unset
        if isinstance(self.privileged, Unset):
            privileged = UNSET
        else:
            privileged = self.privileged

        real_name: None | str | Unset
        if isinstance(self.real_name, Unset):
            real_name = UNSET
        else:
            real_name = self.real_name

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if comments is not UNSET:
            field_dict["Comments"] = comments
        if disabled is not UNSET:
            field_dict["Disabled"] = disabled
        if email_address is not UNSET:
            field_dict["EmailAddress"] = email_address
        if gecos is not UNSET:
            field_dict["Gecos"] = gecos
        if lang is not UNSET:
            field_dict["Lang"] = lang
        if name is not UNSET:
            field_dict["Name"] = name
        if nick_name is not UNSET:
            field_dict["NickName"] = nick_name
        if organization is not UNSET:
            field_dict["Organization"] = organization
        if password is not UNSET:
            field_dict["Password"] = password
        if privileged is not UNSET:
            field_dict["Privileged"] = privileged
        if real_name is not UNSET:
            field_dict["RealName"] = real_name

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_comments(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        comments = _parse_comments(d.pop("Comments", UNSET))

        def _parse_disabled(data: object) -> bool | int | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | int | None | str | Unset, data)

        disabled = _parse_disabled(d.pop("Disabled", UNSET))

        def _parse_email_address(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        email_address = _parse_email_address(d.pop("EmailAddress", UNSET))

        def _parse_gecos(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        gecos = _parse_gecos(d.pop("Gecos", UNSET))

        def _parse_lang(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        lang = _parse_lang(d.pop("Lang", UNSET))

        def _parse_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        name = _parse_name(d.pop("Name", UNSET))

        def _parse_nick_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        nick_name = _parse_nick_name(d.pop("NickName", UNSET))

        def _parse_organization(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        organization = _parse_organization(d.pop("Organization", UNSET))

        def _parse_password(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        password = _parse_password(d.pop("Password", UNSET))

        def _parse_privileged(data: object) -> bool | int | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | int | None | str | Unset, data)

        privileged = _parse_privileged(d.pop("Privileged", UNSET))

        def _parse_real_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        real_name = _parse_real_name(d.pop("RealName", UNSET))

        user_fields = cls(
            comments=comments,
            disabled=disabled,
            email_address=email_address,
            gecos=gecos,
            lang=lang,
            name=name,
            nick_name=nick_name,
            organization=organization,
            password=password,
            privileged=privileged,
            real_name=real_name,
        )

        user_fields.additional_properties = d
        return user_fields

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
