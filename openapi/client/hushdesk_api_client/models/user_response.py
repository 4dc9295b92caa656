from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.hyperlink import Hyperlink
    from ..models.record_ref import RecordRef


T = TypeVar("T", bound="UserResponse")


@_attrs_define
class UserResponse:
    """A user.

    Attributes:
        comments (str):
        created (str):
        creator (RecordRef): A reference to a record; `fields[X]=A,B` expansion adds the requested sub-fields.
        disabled (str):
        email_address (str):
        gecos (str):
        lang (str):
        last_updated (str):
        last_updated_by (RecordRef): A reference to a record; `fields[X]=A,B` expansion adds the requested sub-fields.
        name (str):
        nick_name (str):
        organization (str):
        privileged (int): RT sends this one as a number.
        real_name (str):
        field_hyperlinks (list[Hyperlink]):
        id (int):
    """

    comments: str
    created: str
    creator: RecordRef
    disabled: str
    email_address: str
    gecos: str
    lang: str
    last_updated: str
    last_updated_by: RecordRef
    name: str
    nick_name: str
    organization: str
    privileged: int
    real_name: str
    field_hyperlinks: list[Hyperlink]
    id: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        comments = self.comments

        created = self.created

        creator = self.creator.to_dict()

        disabled = self.disabled

        email_address = self.email_address

        gecos = self.gecos

        lang = self.lang

        last_updated = self.last_updated

        last_updated_by = self.last_updated_by.to_dict()

        name = self.name

        nick_name = self.nick_name

        organization = self.organization

        privileged = self.privileged

        real_name = self.real_name

        field_hyperlinks = []
        for field_hyperlinks_item_data in self.field_hyperlinks:
            field_hyperlinks_item = field_hyperlinks_item_data.to_dict()
            field_hyperlinks.append(field_hyperlinks_item)

        id = self.id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "Comments": comments,
                "Created": created,
                "Creator": creator,
                "Disabled": disabled,
                "EmailAddress": email_address,
                "Gecos": gecos,
                "Lang": lang,
                "LastUpdated": last_updated,
                "LastUpdatedBy": last_updated_by,
                "Name": name,
                "NickName": nick_name,
                "Organization": organization,
                "Privileged": privileged,
                "RealName": real_name,
                "_hyperlinks": field_hyperlinks,
                "id": id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.hyperlink import Hyperlink  # noqa: PLC0415
        from ..models.record_ref import RecordRef  # noqa: PLC0415

        d = dict(src_dict)
        comments = d.pop("Comments")

        created = d.pop("Created")

        creator = RecordRef.from_dict(d.pop("Creator"))

        disabled = d.pop("Disabled")

        email_address = d.pop("EmailAddress")

        gecos = d.pop("Gecos")

        lang = d.pop("Lang")

        last_updated = d.pop("LastUpdated")

        last_updated_by = RecordRef.from_dict(d.pop("LastUpdatedBy"))

        name = d.pop("Name")

        nick_name = d.pop("NickName")

        organization = d.pop("Organization")

        privileged = d.pop("Privileged")

        real_name = d.pop("RealName")

        field_hyperlinks = []
        _field_hyperlinks = d.pop("_hyperlinks")
        for field_hyperlinks_item_data in _field_hyperlinks:
            field_hyperlinks_item = Hyperlink.from_dict(field_hyperlinks_item_data)

            field_hyperlinks.append(field_hyperlinks_item)

        id = d.pop("id")

        user_response = cls(
            comments=comments,
            created=created,
            creator=creator,
            disabled=disabled,
            email_address=email_address,
            gecos=gecos,
            lang=lang,
            last_updated=last_updated,
            last_updated_by=last_updated_by,
            name=name,
            nick_name=nick_name,
            organization=organization,
            privileged=privileged,
            real_name=real_name,
            field_hyperlinks=field_hyperlinks,
            id=id,
        )

        user_response.additional_properties = d
        return user_response

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
