from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.failing_device import FailingDevice
    from ..models.top_bugs_response import TopBugsResponse
    from ..models.version_tally import VersionTally


T = TypeVar("T", bound="WhisperbackDashboard")


@_attrs_define
class WhisperbackDashboard:
    """`GET /REST/2.0/dashboard/whisperback`: what the statistics dashboard charts.

    Attributes:
        outcomes_by_version (list[VersionTally]): Device outcomes per Tails version (newest first), for a stacked bar
            chart.
        top_bugs (TopBugsResponse):
        top_failing (list[FailingDevice]):
    """

    outcomes_by_version: list[VersionTally]
    top_bugs: TopBugsResponse
    top_failing: list[FailingDevice]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        outcomes_by_version = []
        for outcomes_by_version_item_data in self.outcomes_by_version:
            outcomes_by_version_item = outcomes_by_version_item_data.to_dict()
            outcomes_by_version.append(outcomes_by_version_item)

        top_bugs = self.top_bugs.to_dict()

        top_failing = []
        for top_failing_item_data in self.top_failing:
            top_failing_item = top_failing_item_data.to_dict()
            top_failing.append(top_failing_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "outcomes_by_version": outcomes_by_version,
                "top_bugs": top_bugs,
                "top_failing": top_failing,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.failing_device import FailingDevice  # noqa: PLC0415
        from ..models.top_bugs_response import TopBugsResponse  # noqa: PLC0415
        from ..models.version_tally import VersionTally  # noqa: PLC0415

        d = dict(src_dict)
        outcomes_by_version = []
        _outcomes_by_version = d.pop("outcomes_by_version")
        for outcomes_by_version_item_data in _outcomes_by_version:
            outcomes_by_version_item = VersionTally.from_dict(outcomes_by_version_item_data)

            outcomes_by_version.append(outcomes_by_version_item)

        top_bugs = TopBugsResponse.from_dict(d.pop("top_bugs"))

        top_failing = []
        _top_failing = d.pop("top_failing")
        for top_failing_item_data in _top_failing:
            top_failing_item = FailingDevice.from_dict(top_failing_item_data)

            top_failing.append(top_failing_item)

        whisperback_dashboard = cls(
            outcomes_by_version=outcomes_by_version,
            top_bugs=top_bugs,
            top_failing=top_failing,
        )

        whisperback_dashboard.additional_properties = d
        return whisperback_dashboard

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
