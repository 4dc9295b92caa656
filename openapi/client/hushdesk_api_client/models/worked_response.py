from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="WorkedResponse")


@_attrs_define
class WorkedResponse:
    """`GET /REST/2.0/hardware/worked`: has this hardware worked on version X?

    Attributes:
        fails (int):
        key (str):
        kind (str):
        partial (int):
        version (str):
        works (int):
        outcome (None | str | Unset):
        worked (bool | None | Unset): `true`: works (or works with a workaround); `false`: fails; `null`: no evidence.
    """

    fails: int
    key: str
    kind: str
    partial: int
    version: str
    works: int
    outcome: None | str | Unset = UNSET
    worked: bool | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        fails = self.fails

        key = self.key

        kind = self.kind

        partial = self.partial

        version = self.version

        works = self.works

        outcome: None | str | Unset
        if isinstance(self.outcome, Unset):
            outcome = UNSET
        else:
            outcome = self.outcome

        worked: bool | None | Unset
        if isinstance(self.worked, Unset):
            worked = UNSET
        else:
            worked = self.worked

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "fails": fails,
                "key": key,
                "kind": kind,
                "partial": partial,
                "version": version,
                "works": works,
            }
        )
        if outcome is not UNSET:
            field_dict["outcome"] = outcome
        if worked is not UNSET:
            field_dict["worked"] = worked

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        fails = d.pop("fails")

        key = d.pop("key")

        kind = d.pop("kind")

        partial = d.pop("partial")

        version = d.pop("version")

        works = d.pop("works")

        def _parse_outcome(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        outcome = _parse_outcome(d.pop("outcome", UNSET))

        def _parse_worked(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        worked = _parse_worked(d.pop("worked", UNSET))

        worked_response = cls(
            fails=fails,
            key=key,
            kind=kind,
            partial=partial,
            version=version,
            works=works,
            outcome=outcome,
            worked=worked,
        )

        worked_response.additional_properties = d
        return worked_response

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
