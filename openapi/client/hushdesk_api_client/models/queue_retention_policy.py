from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.retention_rule import RetentionRule


T = TypeVar("T", bound="QueueRetentionPolicy")


@_attrs_define
class QueueRetentionPolicy:
    """`GET /REST/2.0/queue/{id}/retention`: a queue's effective policy.

    Attributes:
        queue (str):
        queue_id (int):
        rules (list[RetentionRule]):
    """

    queue: str
    queue_id: int
    rules: list[RetentionRule]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        queue = self.queue

        queue_id = self.queue_id

        rules = []
        for rules_item_data in self.rules:
            rules_item = rules_item_data.to_dict()
            rules.append(rules_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "queue": queue,
                "queue_id": queue_id,
                "rules": rules,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.retention_rule import RetentionRule  # noqa: PLC0415

        d = dict(src_dict)
        queue = d.pop("queue")

        queue_id = d.pop("queue_id")

        rules = []
        _rules = d.pop("rules")
        for rules_item_data in _rules:
            rules_item = RetentionRule.from_dict(rules_item_data)

            rules.append(rules_item)

        queue_retention_policy = cls(
            queue=queue,
            queue_id=queue_id,
            rules=rules,
        )

        queue_retention_policy.additional_properties = d
        return queue_retention_policy

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
