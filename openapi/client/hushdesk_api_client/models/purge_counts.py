from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.purge_counts_tickets import PurgeCountsTickets


T = TypeVar("T", bound="PurgeCounts")


@_attrs_define
class PurgeCounts:
    """What a run removed (a dry run: would remove). Numbers only.

    Attributes:
        abuse_signals_removed (int | Unset):  Default: 0.
        attachments_cleared (int | Unset):  Default: 0.
        hardware_facts_removed (int | Unset):  Default: 0.
        index_entries_removed (int | Unset):  Default: 0.
        keys_destroyed (int | Unset):  Default: 0.
        openpgp_keys_removed (int | Unset): OpenPGP keys of blanked users, whose user ids name them. Default: 0.
        spool_files_removed (int | Unset):  Default: 0.
        tickets (PurgeCountsTickets | Unset): Tickets purged per kind of data.
        transactions_removed (int | Unset):  Default: 0.
        users_anonymised (int | Unset):  Default: 0.
        watchers_anonymised (int | Unset):  Default: 0.
        whisperback_logs_removed (int | Unset):  Default: 0.
    """

    abuse_signals_removed: int | Unset = 0
    attachments_cleared: int | Unset = 0
    hardware_facts_removed: int | Unset = 0
    index_entries_removed: int | Unset = 0
    keys_destroyed: int | Unset = 0
    openpgp_keys_removed: int | Unset = 0
    spool_files_removed: int | Unset = 0
    tickets: PurgeCountsTickets | Unset = UNSET
    transactions_removed: int | Unset = 0
    users_anonymised: int | Unset = 0
    watchers_anonymised: int | Unset = 0
    whisperback_logs_removed: int | Unset = 0
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        abuse_signals_removed = self.abuse_signals_removed

        attachments_cleared = self.attachments_cleared

        hardware_facts_removed = self.hardware_facts_removed

        index_entries_removed = self.index_entries_removed

        keys_destroyed = self.keys_destroyed

        openpgp_keys_removed = self.openpgp_keys_removed

        spool_files_removed = self.spool_files_removed

        tickets: dict[str, Any] | Unset = UNSET
        if not isinstance(self.tickets, Unset):
            tickets = self.tickets.to_dict()

        transactions_removed = self.transactions_removed

        users_anonymised = self.users_anonymised

        watchers_anonymised = self.watchers_anonymised

        whisperback_logs_removed = self.whisperback_logs_removed

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if abuse_signals_removed is not UNSET:
            field_dict["abuse_signals_removed"] = abuse_signals_removed
        if attachments_cleared is not UNSET:
            field_dict["attachments_cleared"] = attachments_cleared
        if hardware_facts_removed is not UNSET:
            field_dict["hardware_facts_removed"] = hardware_facts_removed
        if index_entries_removed is not UNSET:
            field_dict["index_entries_removed"] = index_entries_removed
        if keys_destroyed is not UNSET:
            field_dict["keys_destroyed"] = keys_destroyed
        if openpgp_keys_removed is not UNSET:
            field_dict["openpgp_keys_removed"] = openpgp_keys_removed
        if spool_files_removed is not UNSET:
            field_dict["spool_files_removed"] = spool_files_removed
        if tickets is not UNSET:
            field_dict["tickets"] = tickets
        if transactions_removed is not UNSET:
            field_dict["transactions_removed"] = transactions_removed
        if users_anonymised is not UNSET:
            field_dict["users_anonymised"] = users_anonymised
        if watchers_anonymised is not UNSET:
            field_dict["watchers_anonymised"] = watchers_anonymised
        if whisperback_logs_removed is not UNSET:
            field_dict["whisperback_logs_removed"] = whisperback_logs_removed

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.purge_counts_tickets import PurgeCountsTickets  # noqa: PLC0415

        d = dict(src_dict)
        abuse_signals_removed = d.pop("abuse_signals_removed", UNSET)

        attachments_cleared = d.pop("attachments_cleared", UNSET)

        hardware_facts_removed = d.pop("hardware_facts_removed", UNSET)

        index_entries_removed = d.pop("index_entries_removed", UNSET)

        keys_destroyed = d.pop("keys_destroyed", UNSET)

        openpgp_keys_removed = d.pop("openpgp_keys_removed", UNSET)

        spool_files_removed = d.pop("spool_files_removed", UNSET)

        _tickets = d.pop("tickets", UNSET)
        tickets: PurgeCountsTickets | Unset
        if isinstance(_tickets, Unset):
            tickets = UNSET
        else:
            tickets = PurgeCountsTickets.from_dict(_tickets)

        transactions_removed = d.pop("transactions_removed", UNSET)

        users_anonymised = d.pop("users_anonymised", UNSET)

        watchers_anonymised = d.pop("watchers_anonymised", UNSET)

        whisperback_logs_removed = d.pop("whisperback_logs_removed", UNSET)

        purge_counts = cls(
            abuse_signals_removed=abuse_signals_removed,
            attachments_cleared=attachments_cleared,
            hardware_facts_removed=hardware_facts_removed,
            index_entries_removed=index_entries_removed,
            keys_destroyed=keys_destroyed,
            openpgp_keys_removed=openpgp_keys_removed,
            spool_files_removed=spool_files_removed,
            tickets=tickets,
            transactions_removed=transactions_removed,
            users_anonymised=users_anonymised,
            watchers_anonymised=watchers_anonymised,
            whisperback_logs_removed=whisperback_logs_removed,
        )

        purge_counts.additional_properties = d
        return purge_counts

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
