from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="OutboxItem")


@_attrs_define
class OutboxItem:
    """One outgoing message.

    Attributes:
        attempts (int):
        created (str):
        encrypted (bool):
        error (str):
        id (int):
        kind (str): `correspond`, `comment` or `autoreply`.
        message_id (str):
        next_attempt (str):
        recipients (str):
        signed (bool):
        status (str): `pending`, `sent`, `held` (see `error`), `failed` (delivery gave up; see `error`) or
            `skipped` (no recipient with an address).
        ticket (int):
        transaction (int): The Correspond, Comment or Create transaction it comes from.
        record_transaction (int | None | Unset): The EmailRecord / CommentEmailRecord transaction, once sent.
        sent (None | str | Unset):
    """

    attempts: int
    created: str
    encrypted: bool
    error: str
    id: int
    kind: str
    message_id: str
    next_attempt: str
    recipients: str
    signed: bool
    status: str
    ticket: int
    transaction: int
    record_transaction: int | None | Unset = UNSET
    sent: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        attempts = self.attempts

        created = self.created

        encrypted = self.encrypted

        error = self.error

        id = self.id

        kind = self.kind

        message_id = self.message_id

        next_attempt = self.next_attempt

        recipients = self.recipients

        signed = self.signed

        status = self.status

        ticket = self.ticket

        transaction = self.transaction

        record_transaction: int | None | Unset
        if isinstance(self.record_transaction, Unset):
            record_transaction = UNSET
        else:
            record_transaction = self.record_transaction

        sent: None | str | Unset
        if isinstance(self.sent, Unset):
            sent = UNSET
        else:
            sent = self.sent

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "attempts": attempts,
                "created": created,
                "encrypted": encrypted,
                "error": error,
                "id": id,
                "kind": kind,
                "message_id": message_id,
                "next_attempt": next_attempt,
                "recipients": recipients,
                "signed": signed,
                "status": status,
                "ticket": ticket,
                "transaction": transaction,
            }
        )
        if record_transaction is not UNSET:
            field_dict["record_transaction"] = record_transaction
        if sent is not UNSET:
            field_dict["sent"] = sent

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        attempts = d.pop("attempts")

        created = d.pop("created")

        encrypted = d.pop("encrypted")

        error = d.pop("error")

        id = d.pop("id")

        kind = d.pop("kind")

        message_id = d.pop("message_id")

        next_attempt = d.pop("next_attempt")

        recipients = d.pop("recipients")

        signed = d.pop("signed")

        status = d.pop("status")

        ticket = d.pop("ticket")

        transaction = d.pop("transaction")

        def _parse_record_transaction(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        record_transaction = _parse_record_transaction(d.pop("record_transaction", UNSET))

        def _parse_sent(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        sent = _parse_sent(d.pop("sent", UNSET))

        outbox_item = cls(
            attempts=attempts,
            created=created,
            encrypted=encrypted,
            error=error,
            id=id,
            kind=kind,
            message_id=message_id,
            next_attempt=next_attempt,
            recipients=recipients,
            signed=signed,
            status=status,
            ticket=ticket,
            transaction=transaction,
            record_transaction=record_transaction,
            sent=sent,
        )

        outbox_item.additional_properties = d
        return outbox_item

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
