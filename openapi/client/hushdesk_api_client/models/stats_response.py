from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.stats_kind import StatsKind

if TYPE_CHECKING:
    from ..models.stats_series import StatsSeries


T = TypeVar("T", bound="StatsResponse")


@_attrs_define
class StatsResponse:
    """`GET /REST/2.0/hushdesk/stats/{kind}`.

    Attributes:
        from_ (str):
        kind (StatsKind): Which statistic.
        period (str): `day`, `week` or `bucket`.
        series (list[StatsSeries]):
        to (str):
    """

    from_: str
    kind: StatsKind
    period: str
    series: list[StatsSeries]
    to: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from_ = self.from_

        kind = self.kind.value

        period = self.period

        series = []
        for series_item_data in self.series:
            series_item = series_item_data.to_dict()
            series.append(series_item)

        to = self.to

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "from": from_,
                "kind": kind,
                "period": period,
                "series": series,
                "to": to,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.stats_series import StatsSeries  # noqa: PLC0415

        d = dict(src_dict)
        from_ = d.pop("from")

        kind = StatsKind(d.pop("kind"))

        period = d.pop("period")

        series = []
        _series = d.pop("series")
        for series_item_data in _series:
            series_item = StatsSeries.from_dict(series_item_data)

            series.append(series_item)

        to = d.pop("to")

        stats_response = cls(
            from_=from_,
            kind=kind,
            period=period,
            series=series,
            to=to,
        )

        stats_response.additional_properties = d
        return stats_response

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
