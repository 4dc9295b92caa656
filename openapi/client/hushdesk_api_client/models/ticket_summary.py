from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.person_ref import PersonRef


T = TypeVar("T", bound="TicketSummary")


@_attrs_define
class TicketSummary:
    """A row of a ticket view.

    Attributes:
        created (str):
        id (int):
        language (str):
        last_updated (str):
        needs_answer (bool):
        queue (str):
        queue_id (int):
        status (str):
        subject (str):
        abuse_flag (bool | Unset): The first requestor is flagged for abuse (score at or over the threshold).
        age_seconds (int | None | Unset): Seconds since `waiting_since` (if `needs_answer`).
        owner (None | PersonRef | Unset):
        requestor (None | PersonRef | Unset):
        waiting_since (None | str | Unset): When the requestor's unanswered message came in (if `needs_answer`).
    """

    created: str
    id: int
    language: str
    last_updated: str
    needs_answer: bool
    queue: str
    queue_id: int
    status: str
    subject: str
    abuse_flag: bool | Unset = UNSET
    age_seconds: int | None | Unset = UNSET
    owner: None | PersonRef | Unset = UNSET
    requestor: None | PersonRef | Unset = UNSET
    waiting_since: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.person_ref import PersonRef  # noqa: PLC0415

        created = self.created

        id = self.id

        language = self.language

        last_updated = self.last_updated

        needs_answer = self.needs_answer

        queue = self.queue

        queue_id = self.queue_id

        status = self.status

        subject = self.subject

        abuse_flag = self.abuse_flag

        age_seconds: int | None | Unset
        if isinstance(self.age_seconds, Unset):
            age_seconds = UNSET
        else:
            age_seconds = self.age_seconds

        owner: dict[str, Any] | None | Unset
        if isinstance(self.owner, Unset):
            owner = UNSET
        elif isinstance(self.owner, PersonRef):
            owner = self.owner.to_dict()
        else:
            owner = self.owner

        requestor: dict[str, Any] | None | Unset
        if isinstance(self.requestor, Unset):
            requestor = UNSET
        elif isinstance(self.requestor, PersonRef):
            requestor = self.requestor.to_dict()
        else:
            requestor = self.requestor

        waiting_since: None | str | Unset
        if isinstance(self.waiting_since, Unset):
            waiting_since = UNSET
        else:
            waiting_since = self.waiting_since

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "created": created,
                "id": id,
                "language": language,
                "last_updated": last_updated,
                "needs_answer": needs_answer,
                "queue": queue,
                "queue_id": queue_id,
                "status": status,
                "subject": subject,
            }
        )
        if abuse_flag is not UNSET:
            field_dict["abuse_flag"] = abuse_flag
        if age_seconds is not UNSET:
            field_dict["age_seconds"] = age_seconds
        if owner is not UNSET:
            field_dict["owner"] = owner
        if requestor is not UNSET:
            field_dict["requestor"] = requestor
        if waiting_since is not UNSET:
            field_dict["waiting_since"] = waiting_since

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.person_ref import PersonRef  # noqa: PLC0415

        d = dict(src_dict)
        created = d.pop("created")

        id = d.pop("id")

        language = d.pop("language")

        last_updated = d.pop("last_updated")

        needs_answer = d.pop("needs_answer")

        queue = d.pop("queue")

        queue_id = d.pop("queue_id")

        status = d.pop("status")

        subject = d.pop("subject")

        abuse_flag = d.pop("abuse_flag", UNSET)

        def _parse_age_seconds(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        age_seconds = _parse_age_seconds(d.pop("age_seconds", UNSET))

        def _parse_owner(data: object) -> None | PersonRef | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                owner_type_1 = PersonRef.from_dict(data)

                return owner_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | PersonRef | Unset, data)

        owner = _parse_owner(d.pop("owner", UNSET))

        def _parse_requestor(data: object) -> None | PersonRef | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                requestor_type_1 = PersonRef.from_dict(data)

                return requestor_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | PersonRef | Unset, data)

        requestor = _parse_requestor(d.pop("requestor", UNSET))

        def _parse_waiting_since(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        waiting_since = _parse_waiting_since(d.pop("waiting_since", UNSET))

        ticket_summary = cls(
            created=created,
            id=id,
            language=language,
            last_updated=last_updated,
            needs_answer=needs_answer,
            queue=queue,
            queue_id=queue_id,
            status=status,
            subject=subject,
            abuse_flag=abuse_flag,
            age_seconds=age_seconds,
            owner=owner,
            requestor=requestor,
            waiting_since=waiting_since,
        )

        ticket_summary.additional_properties = d
        return ticket_summary

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
