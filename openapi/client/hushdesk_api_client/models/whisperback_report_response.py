from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.bug_specific_info import BugSpecificInfo
    from ..models.open_pgp_key_info import OpenPgpKeyInfo
    from ..models.report_device import ReportDevice
    from ..models.whisperback_report_response_facts import WhisperbackReportResponseFacts


T = TypeVar("T", bound="WhisperbackReportResponse")


@_attrs_define
class WhisperbackReportResponse:
    """`GET /REST/2.0/ticket/{id}/whisperback`: a ticket's report facts.

    Attributes:
        boot_added (list[str]): Boot options the user added (workarounds tried).
        created (str): When the report was ingested (UTC, `YYYY-MM-DD HH:MM:SS`).
        devices (list[ReportDevice]):
        facts (WhisperbackReportResponseFacts): Every extracted fact, as `hushdesk whisperback parse` prints them.
        id (int):
        size_bytes (int):
        ticket (int):
        body_format (None | str | Unset): `5.0-5.19`, `5.20-5.22` or `6.x`.
        bug_specific (BugSpecificInfo | None | Unset):
        contact_email (None | str | Unset):
        debugging_info_era (None | str | Unset): The debugging-info section list in use (`5.0` … `5.20`).
        language (None | str | Unset):
        machine_key (None | str | Unset): Normalised laptop model key (`vendor model`).
        openpgp_key (None | OpenPgpKeyInfo | Unset):
        report_id (None | str | Unset):
        tails_version (None | str | Unset):
    """

    boot_added: list[str]
    created: str
    devices: list[ReportDevice]
    facts: WhisperbackReportResponseFacts
    id: int
    size_bytes: int
    ticket: int
    body_format: None | str | Unset = UNSET
    bug_specific: BugSpecificInfo | None | Unset = UNSET
    contact_email: None | str | Unset = UNSET
    debugging_info_era: None | str | Unset = UNSET
    language: None | str | Unset = UNSET
    machine_key: None | str | Unset = UNSET
    openpgp_key: None | OpenPgpKeyInfo | Unset = UNSET
    report_id: None | str | Unset = UNSET
    tails_version: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.bug_specific_info import BugSpecificInfo  # noqa: PLC0415
        from ..models.open_pgp_key_info import OpenPgpKeyInfo  # noqa: PLC0415

        boot_added = self.boot_added

        created = self.created

        devices = []
        for devices_item_data in self.devices:
            devices_item = devices_item_data.to_dict()
            devices.append(devices_item)

        facts = self.facts.to_dict()

        id = self.id

        size_bytes = self.size_bytes

        ticket = self.ticket

        body_format: None | str | Unset
        if isinstance(self.body_format, Unset):
            body_format = UNSET
        else:
            body_format = self.body_format

        bug_specific: dict[str, Any] | None | Unset
        if isinstance(self.bug_specific, Unset):
            bug_specific = UNSET
        elif isinstance(self.bug_specific, BugSpecificInfo):
            bug_specific = self.bug_specific.to_dict()
        else:
            bug_specific = self.bug_specific

        contact_email: None | str | Unset
        if isinstance(self.contact_email, Unset):
            contact_email = UNSET
        else:
            contact_email = self.contact_email

        debugging_info_era: None | str | Unset
        if isinstance(self.debugging_info_era, Unset):
            debugging_info_era = UNSET
        else:
            debugging_info_era = self.debugging_info_era

        language: None | str | Unset
        if isinstance(self.language, Unset):
            language = UNSET
        else:
            language = self.language

        machine_key: None | str | Unset
        if isinstance(self.machine_key, Unset):
            machine_key = UNSET
        else:
            machine_key = self.machine_key

        openpgp_key: dict[str, Any] | None | Unset
        if isinstance(self.openpgp_key, Unset):
            openpgp_key = UNSET
        elif isinstance(self.openpgp_key, OpenPgpKeyInfo):
            openpgp_key = self.openpgp_key.to_dict()
        else:
            openpgp_key = self.openpgp_key

        report_id: None | str | Unset
        if isinstance(self.report_id, Unset):
            report_id = UNSET
        else:
            report_id = self.report_id

        tails_version: None | str | Unset
        if isinstance(self.tails_version, Unset):
            tails_version = UNSET
        else:
            tails_version = self.tails_version

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "boot_added": boot_added,
                "created": created,
                "devices": devices,
                "facts": facts,
                "id": id,
                "size_bytes": size_bytes,
                "ticket": ticket,
            }
        )
        if body_format is not UNSET:
            field_dict["body_format"] = body_format
        if bug_specific is not UNSET:
            field_dict["bug_specific"] = bug_specific
        if contact_email is not UNSET:
            field_dict["contact_email"] = contact_email
        if debugging_info_era is not UNSET:
            field_dict["debugging_info_era"] = debugging_info_era
        if language is not UNSET:
            field_dict["language"] = language
        if machine_key is not UNSET:
            field_dict["machine_key"] = machine_key
        if openpgp_key is not UNSET:
            field_dict["openpgp_key"] = openpgp_key
        if report_id is not UNSET:
            field_dict["report_id"] = report_id
        if tails_version is not UNSET:
            field_dict["tails_version"] = tails_version

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.bug_specific_info import BugSpecificInfo  # noqa: PLC0415
        from ..models.open_pgp_key_info import OpenPgpKeyInfo  # noqa: PLC0415
        from ..models.report_device import ReportDevice  # noqa: PLC0415
        from ..models.whisperback_report_response_facts import WhisperbackReportResponseFacts  # noqa: PLC0415

        d = dict(src_dict)
        boot_added = cast(list[str], d.pop("boot_added"))

        created = d.pop("created")

        devices = []
        _devices = d.pop("devices")
        for devices_item_data in _devices:
            devices_item = ReportDevice.from_dict(devices_item_data)

            devices.append(devices_item)

        facts = WhisperbackReportResponseFacts.from_dict(d.pop("facts"))

        id = d.pop("id")

        size_bytes = d.pop("size_bytes")

        ticket = d.pop("ticket")

        def _parse_body_format(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        body_format = _parse_body_format(d.pop("body_format", UNSET))

        def _parse_bug_specific(data: object) -> BugSpecificInfo | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                bug_specific_type_1 = BugSpecificInfo.from_dict(data)

                return bug_specific_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(BugSpecificInfo | None | Unset, data)

        bug_specific = _parse_bug_specific(d.pop("bug_specific", UNSET))

        def _parse_contact_email(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        contact_email = _parse_contact_email(d.pop("contact_email", UNSET))

        def _parse_debugging_info_era(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        debugging_info_era = _parse_debugging_info_era(d.pop("debugging_info_era", UNSET))

        def _parse_language(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        language = _parse_language(d.pop("language", UNSET))

        def _parse_machine_key(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        machine_key = _parse_machine_key(d.pop("machine_key", UNSET))

        def _parse_openpgp_key(data: object) -> None | OpenPgpKeyInfo | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                openpgp_key_type_1 = OpenPgpKeyInfo.from_dict(data)

                return openpgp_key_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | OpenPgpKeyInfo | Unset, data)

        openpgp_key = _parse_openpgp_key(d.pop("openpgp_key", UNSET))

        def _parse_report_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        report_id = _parse_report_id(d.pop("report_id", UNSET))

        def _parse_tails_version(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        tails_version = _parse_tails_version(d.pop("tails_version", UNSET))

        whisperback_report_response = cls(
            boot_added=boot_added,
            created=created,
            devices=devices,
            facts=facts,
            id=id,
            size_bytes=size_bytes,
            ticket=ticket,
            body_format=body_format,
            bug_specific=bug_specific,
            contact_email=contact_email,
            debugging_info_era=debugging_info_era,
            language=language,
            machine_key=machine_key,
            openpgp_key=openpgp_key,
            report_id=report_id,
            tails_version=tails_version,
        )

        whisperback_report_response.additional_properties = d
        return whisperback_report_response

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
