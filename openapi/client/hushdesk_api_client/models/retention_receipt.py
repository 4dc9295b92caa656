from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.purge_counts import PurgeCounts
    from ..models.queue_retention_policy import QueueRetentionPolicy


T = TypeVar("T", bound="RetentionReceipt")


@_attrs_define
class RetentionReceipt:
    """A receipt: which policy ran, when, and how much it removed. Never content or addresses.

    Attributes:
        counts (PurgeCounts): What a run removed (a dry run: would remove). Numbers only.
        dry_run (bool):
        finished (str):
        id (int):
        policy (list[QueueRetentionPolicy]):
        started (str): UTC, `YYYY-MM-DDTHH:MM:SSZ`.
        trigger (str): `schedule`, `cli`, `api` or `erasure`.
    """

    counts: PurgeCounts
    dry_run: bool
    finished: str
    id: int
    policy: list[QueueRetentionPolicy]
    started: str
    trigger: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        counts = self.counts.to_dict()

        dry_run = self.dry_run

        finished = self.finished

        id = self.id

        policy = []
        for policy_item_data in self.policy:
            policy_item = policy_item_data.to_dict()
            policy.append(policy_item)

        started = self.started

        trigger = self.trigger

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "counts": counts,
                "dry_run": dry_run,
                "finished": finished,
                "id": id,
                "policy": policy,
                "started": started,
                "trigger": trigger,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.purge_counts import PurgeCounts  # noqa: PLC0415
        from ..models.queue_retention_policy import QueueRetentionPolicy  # noqa: PLC0415

        d = dict(src_dict)
        counts = PurgeCounts.from_dict(d.pop("counts"))

        dry_run = d.pop("dry_run")

        finished = d.pop("finished")

        id = d.pop("id")

        policy = []
        _policy = d.pop("policy")
        for policy_item_data in _policy:
            policy_item = QueueRetentionPolicy.from_dict(policy_item_data)

            policy.append(policy_item)

        started = d.pop("started")

        trigger = d.pop("trigger")

        retention_receipt = cls(
            counts=counts,
            dry_run=dry_run,
            finished=finished,
            id=id,
            policy=policy,
            started=started,
            trigger=trigger,
        )

        retention_receipt.additional_properties = d
        return retention_receipt

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
