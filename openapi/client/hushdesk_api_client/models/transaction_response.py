from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.hyperlink import Hyperlink
    from ..models.record_ref import RecordRef


T = TypeVar("T", bound="TransactionResponse")


@_attrs_define
class TransactionResponse:
    """A transaction (history entry).

    Attributes:
        created (str):
        creator (RecordRef): A reference to a record; `fields[X]=A,B` expansion adds the requested sub-fields.
        data (str):
        description (str):
        field (str):
        new_value (str):
        object_ (RecordRef): A reference to a record; `fields[X]=A,B` expansion adds the requested sub-fields.
        old_value (str):
        time_taken (str):
        type_ (str):
        field_hyperlinks (list[Hyperlink]):
        id (int):
    """

    created: str
    creator: RecordRef
    data: str
    description: str
    field: str
    new_value: str
    object_: RecordRef
    old_value: str
    time_taken: str
    type_: str
    field_hyperlinks: list[Hyperlink]
    id: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        created = self.created

        creator = self.creator.to_dict()

        data = self.data

        description = self.description

        field = self.field

        new_value = self.new_value

        object_ = self.object_.to_dict()

        old_value = self.old_value

        time_taken = self.time_taken

        type_ = self.type_

        field_hyperlinks = []
        for field_hyperlinks_item_data in self.field_hyperlinks:
            field_hyperlinks_item = field_hyperlinks_item_data.to_dict()
            field_hyperlinks.append(field_hyperlinks_item)

        id = self.id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "Created": created,
                "Creator": creator,
                "Data": data,
                "Description": description,
                "Field": field,
                "NewValue": new_value,
                "Object": object_,
                "OldValue": old_value,
                "TimeTaken": time_taken,
                "Type": type_,
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
        created = d.pop("Created")

        creator = RecordRef.from_dict(d.pop("Creator"))

        data = d.pop("Data")

        description = d.pop("Description")

        field = d.pop("Field")

        new_value = d.pop("NewValue")

        object_ = RecordRef.from_dict(d.pop("Object"))

        old_value = d.pop("OldValue")

        time_taken = d.pop("TimeTaken")

        type_ = d.pop("Type")

        field_hyperlinks = []
        _field_hyperlinks = d.pop("_hyperlinks")
        for field_hyperlinks_item_data in _field_hyperlinks:
            field_hyperlinks_item = Hyperlink.from_dict(field_hyperlinks_item_data)

            field_hyperlinks.append(field_hyperlinks_item)

        id = d.pop("id")

        transaction_response = cls(
            created=created,
            creator=creator,
            data=data,
            description=description,
            field=field,
            new_value=new_value,
            object_=object_,
            old_value=old_value,
            time_taken=time_taken,
            type_=type_,
            field_hyperlinks=field_hyperlinks,
            id=id,
        )

        transaction_response.additional_properties = d
        return transaction_response

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
