//! The shared sample reports and the damaged cases the format notes warn about.

use super::accuracy_tests::{score_dir, shared_dir};
use super::*;

fn sample_dir() -> std::path::PathBuf {
    shared_dir().join("testdata/whisperback/sample")
}

fn sample(name: &str) -> Vec<u8> {
    let path = sample_dir().join(name);
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

#[test]
fn shared_samples_match_their_ground_truth() {
    let score = score_dir(&sample_dir());
    score.print("Shared samples");
    assert_eq!(score.reports, 50);
    let bad = score.below(1.0);
    assert!(bad.is_empty(), "sample fields not all correct: {bad:?}");
}

#[test]
fn a_typical_5_19_report() {
    let r = parse(&sample("wb-0001.txt"));
    assert_eq!(r.summary.as_deref(), Some("Tails freezes"));
    assert_eq!(r.contact_email, None);
    assert_eq!(r.tails.version.as_deref(), Some("5.19"));
    assert_eq!(r.tails.build_date.as_deref(), Some("20231030"));
    assert_eq!(r.tails.body_format, Some(BodyFormat::Template));
    assert_eq!(r.tails.debugging_info_era, Some(DebuggingInfoEra::V5_16));
    assert_eq!(r.tails.kernel.as_deref(), Some("6.1.0-13-amd64"));
    let m = r.hardware.machine.as_ref().unwrap();
    assert_eq!(m.model_key.as_deref(), Some("Lenovo ThinkPad 11e 5th Gen"));
    assert_eq!(m.product.as_deref(), Some("20LQS0U700"));
    let gpu = &r.hardware.gpus[0];
    assert_eq!(gpu.id.to_string(), "8086:3185");
    assert_eq!(gpu.driver.as_deref(), Some("i915"));
    assert!(gpu.driver_bound);
    let wifi = &r.hardware.wifi[0];
    assert_eq!(wifi.bus, WifiBus::Pci);
    assert_eq!(wifi.id.unwrap().to_string(), "8086:31dc");
    assert_eq!(wifi.driver.as_deref(), Some("iwlwifi"));
    assert_eq!(
        wifi.firmware.as_deref(),
        Some("iwlwifi-9000-pu-b0-jf-b0-46.ucode")
    );
    assert_eq!(wifi.firmware_status, FirmwareStatus::Loaded);
    let stick = r.hardware.boot_usb.as_ref().unwrap();
    assert_eq!(stick.id.to_string(), "0781:5591");
    assert_eq!(
        stick.usb_ids_name.as_deref(),
        Some("SanDisk Corp. Ultra Flair")
    );
    assert_eq!(stick.usb_ids_vendor.as_deref(), Some("SanDisk Corp."));
    assert_eq!(stick.usb_ids_product.as_deref(), Some("Ultra Flair"));
    assert_eq!(stick.manufacturer.as_deref(), Some("USB"));
    assert_eq!(stick.product.as_deref(), Some("SanDisk 3.2Gen1"));
    assert_eq!(stick.block_device.as_deref(), Some("sdb"));
    assert_eq!(stick.nominal_gb, Some(32));
    assert_eq!(stick.removable, Some(true));
    assert_eq!(r.boot.added, Vec::<String>::new());
    assert_eq!(r.boot.troubleshooting_mode, Some(false));
    assert_eq!(r.user_text.language.as_deref(), Some("en"));
    assert_eq!(r.user_text.answers.len(), 4);
    assert_eq!(
        r.user_text.answers[0].heading.as_deref(),
        Some("Name of the affected software")
    );
    assert!(r.warnings.is_empty(), "{:?}", r.warnings);
}

#[test]
fn crlf_report_parses_like_lf() {
    let crlf = sample("wb-0006.txt");
    assert!(crlf.windows(2).any(|w| w == b"\r\n"));
    let r = parse(&crlf);
    assert_eq!(r.warnings, vec![Warning::CrlfLineEnds]);
    assert_eq!(r.tails.version.as_deref(), Some("5.19"));
    let lf: Vec<u8> = String::from_utf8(crlf)
        .unwrap()
        .replace("\r\n", "\n")
        .into_bytes();
    let mut plain = parse(&lf);
    plain.warnings.push(Warning::CrlfLineEnds);
    assert_eq!(r, plain);
    assert!(!r.user_text.text.contains('\r'));
    assert_eq!(
        r.hardware.machine.unwrap().model_key.as_deref(),
        Some("Acer Swift SF314-52")
    );
}

#[test]
fn latin1_user_text_is_read_as_windows_1252() {
    let utf8 = String::from_utf8(sample("wb-0007.txt")).unwrap();
    let summary_line = utf8.lines().next().unwrap().to_string();
    // The summary typed in French, pasted from a legacy-encoded editor.
    let latin1_summary = "Subject: Le Wi-Fi se d\u{e9}connecte tout le temps";
    let mut bytes: Vec<u8> = latin1_summary
        .chars()
        .map(|c| u8::try_from(u32::from(c)).unwrap())
        .collect();
    bytes.extend_from_slice(&utf8.as_bytes()[summary_line.len()..]);
    let r = parse(&bytes);
    assert_eq!(
        r.summary.as_deref(),
        Some("Le Wi-Fi se déconnecte tout le temps")
    );
    assert_eq!(r.warnings, vec![Warning::NonUtf8 { bytes: 1 }]);
    assert_eq!(r.user_text.language.as_deref(), Some("fr"));
    assert_eq!(r.tails.version.as_deref(), Some("6.0"));
}

#[test]
fn non_utf8_journal_bytes_are_flagged_but_harmless() {
    let r = parse(&sample("wb-0036.txt"));
    assert!(r
        .warnings
        .iter()
        .any(|w| matches!(w, Warning::NonUtf8 { bytes } if *bytes >= 2)));
    assert_eq!(r.tails.version.as_deref(), Some("5.1.1"));
    assert_eq!(r.hardware.gpus[0].id.to_string(), "8086:9a49");
}

#[test]
fn truncated_report_keeps_what_precedes_the_cut() {
    let r = parse(&sample("wb-0043.txt"));
    let cut = r
        .warnings
        .iter()
        .find(|w| matches!(w, Warning::Truncated { .. }))
        .unwrap();
    assert!(matches!(cut, Warning::Truncated { section: Some(s), .. } if s.contains("journalctl")));
    assert_eq!(r.tails.version.as_deref(), Some("5.0"));
    assert!(r.hardware.machine.is_some());
    assert!(!r.hardware.gpus.is_empty());
}

#[test]
fn truncation_inside_a_utf8_sequence() {
    let mut b = sample("wb-0004.txt"); // Chinese user text
    let text = String::from_utf8(b.clone()).unwrap();
    let cut = text.find("======= content of /usr/bin/lspci").unwrap() + 60;
    b.truncate(cut);
    b.extend_from_slice(&"设备".as_bytes()[..4]); // "设" and one byte of "备"
    let r = parse(&b);
    assert!(r.warnings.contains(&Warning::Truncated {
        section: Some("/usr/bin/lspci -nn".into()),
        inside_utf8: true
    }));
    assert_eq!(r.user_text.language.as_deref(), Some("zh"));
    assert_eq!(r.tails.version.as_deref(), Some("5.20"));
    assert!(r.hardware.machine.is_some());
}

#[test]
fn unticked_headers_and_debugging_info() {
    let r = parse(&sample("wb-0010.txt"));
    assert!(r.warnings.contains(&Warning::NoTailsVersionHeader));
    // The running version is recovered from the installed squashfs and Tails.module.
    assert!(r.tails.version.is_some());
    assert_ne!(r.tails.version_source, Some(VersionSource::Header));
    let r = parse(&sample("wb-0003.txt"));
    assert_eq!(r.warnings, vec![Warning::NoDebuggingInfo]);
    assert_eq!(r.tails.version.as_deref(), Some("6.5"));
    assert!(r.hardware.gpus.is_empty() && r.hardware.machine.is_none());
}

#[test]
fn two_sticks_are_told_apart_by_the_mounted_medium() {
    let r = parse(&sample("wb-0019.txt"));
    let boot = r.hardware.boot_usb.as_ref().unwrap();
    assert_eq!(r.hardware.other_usb_storage.len(), 1);
    assert_ne!(boot.id, r.hardware.other_usb_storage[0].id);
    assert!(boot.block_device.is_some());
}

/// A 3 MB report: the journal flooded with PCIe AER messages.
#[test]
fn three_megabyte_report() {
    let base = String::from_utf8(sample("wb-0035.txt")).unwrap();
    let spam = "Oct 01 10:00:00 amnesia kernel: pcieport 0000:00:1c.0: AER: Corrected error received: 0000:02:00.0\n";
    let at = base.find("amnesia whisperback[").unwrap();
    let at = base[..at].rfind('\n').unwrap() + 1;
    let mut big = String::with_capacity(3_200_000);
    big.push_str(&base[..at]);
    while big.len() + (base.len() - at) < 3_000_000 {
        big.push_str(spam);
    }
    big.push_str(&base[at..]);
    assert!(big.len() >= 3_000_000);
    let r = parse(big.as_bytes());
    assert!(r.warnings.is_empty(), "{:?}", r.warnings);
    assert_eq!(r.tails.version.as_deref(), Some("6.1"));
    assert_eq!(r.hardware.gpus[0].id.to_string(), "1002:67df");
    assert_eq!(r.hardware.gpus[0].driver.as_deref(), Some("amdgpu"));
    assert!(r.hardware.boot_usb.is_some());
}

#[test]
fn wrapped_inner_mime_entity_parses_like_the_body() {
    let body = sample("wb-0001.txt");
    let mime = sample("wb-0001.mime.eml");
    assert_eq!(parse(&mime), parse(&body));
}

#[test]
fn encrypted_input_is_reported_not_parsed() {
    let r = parse(&sample("wb-0001.pgpmime.eml"));
    assert_eq!(r.warnings, vec![Warning::Encrypted]);
    assert_eq!(
        r.report_id.as_ref().map(ReportId::as_str),
        Some("c9aa8281e8d7752d221f2d5f00610bed")
    );
    assert!(r.summary.is_none());
}

#[test]
fn garbage_and_empty_input_never_panic() {
    for input in [
        &b""[..],
        b"\n\n\n",
        b"\xff\xfe\x00",
        b"Subject:",
        b"=======",
        &[0xe4; 3],
    ] {
        let r = parse(input);
        assert!(r.hardware.gpus.is_empty());
    }
}

#[test]
fn report_serialises_to_json_and_back() {
    let r = parse(&sample("wb-0002.txt"));
    let json = serde_json::to_string(&r).unwrap();
    assert!(json.contains("\"body_format\":\"6.x\""));
    let back: Report = serde_json::from_str(&json).unwrap();
    assert_eq!(back, r);
}

/// Cuts at many points and flipped bytes: parsing must never panic and stays consistent.
#[test]
fn cut_and_corrupted_reports_never_panic() {
    let base = sample("wb-0004.txt"); // multi-byte user text, every section kind
    for cut in (0..base.len()).step_by(1009) {
        let r = parse(&base[..cut]);
        if cut > 0 {
            assert!(
                r.warnings
                    .iter()
                    .any(|w| matches!(w, Warning::Truncated { .. } | Warning::NoDebuggingInfo)),
                "cut at {cut}: {:?}",
                r.warnings
            );
        }
    }
    // Deterministic pseudo-random byte flips (xorshift).
    let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
    for _ in 0..40 {
        let mut b = base.clone();
        for _ in 0..200 {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            let i = (x % b.len() as u64) as usize;
            b[i] = (x >> 32) as u8;
        }
        let _ = parse(&b);
    }
}
