//! Accuracy against the synthetic generator's ground truth (`.truth.json`).
//!
//! What counts as extractable (shared/docs/whisperback-format.md §1–2, and the generator's
//! `extractable` flags, which follow the same rules):
//! * A fact is scored only when the sections it comes from are in the report and complete: a
//!   truncated report's last section is incomplete, an unticked "Headers" box removes
//!   `Tails-Version`, unticked debugging info removes every section, `dmi_missing` empties the
//!   dmidecode sections.
//! * Header fields (summary, contact, OpenPGP key, bug-specific fields) are always scored.
//! * Machine: the raw dmidecode strings and flags when `extractable.dmi`; the model key is
//!   checked as a grouping (one key per ground-truth model and back), because the generator's
//!   model labels are curated names ("Acer Swift 3 SF314-52") that DMI does not spell.
//! * GPUs: ids and names when `extractable.gpus`; drivers when `extractable.gpu_driver` (journal
//!   or lsmod complete). Drivers compare as module names (`-` = `_`; the staging SDIO module
//!   `r8723bs` registers as `rtl8723bs`).
//! * Wi-Fi: bus and id when `extractable.wifi`; an SDIO chip's id and firmware are printed
//!   nowhere in a report, so only its bus and driver are scored. Drivers need the journal or
//!   lsmod (USB: the lsusb tree); firmware needs the complete journal.
//! * Boot stick: id and usb.ids name when `extractable.boot_usb` (unique, or needs_correlation
//!   with two sticks); usb.ids vendor/product apart need `lsusb --verbose` (5.15+); device
//!   strings, block device, nominal size and removability need the complete journal.
//! * Language: the user's language; a report whose user typed nothing (the "empty-report"
//!   issue: summary "", "test" or "bug", no answers) must give no language; quoted
//!   passages and sentences repeated over and over do not count as the user's words.
//! * Warnings: truncation, CRLF, non-UTF-8 bytes, missing headers or debugging info and empty
//!   DMI must be reported exactly when the generator applied that damage.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

use super::{parse, FirmwareStatus, OpenPgpKeyKind, Report, Warning, WifiBus};

#[derive(Default)]
pub(crate) struct Score {
    fields: BTreeMap<&'static str, (usize, usize)>,
    failures: Vec<String>,
    /// ground-truth model label → our model keys, and back.
    truth_to_key: HashMap<String, BTreeSet<String>>,
    key_to_truth: HashMap<String, BTreeSet<String>>,
    pub reports: usize,
    pub bytes: usize,
}

impl Score {
    fn check(
        &mut self,
        report: &str,
        field: &'static str,
        ok: bool,
        detail: impl FnOnce() -> String,
    ) {
        let e = self.fields.entry(field).or_default();
        e.1 += 1;
        if ok {
            e.0 += 1;
        } else if self.failures.len() < 60 {
            self.failures
                .push(format!("{report} {field}: {}", detail()));
        }
    }

    fn eq<T: PartialEq + std::fmt::Debug>(
        &mut self,
        report: &str,
        field: &'static str,
        got: T,
        want: T,
    ) {
        let ok = got == want;
        self.check(report, field, ok, || format!("got {got:?}, want {want:?}"));
    }

    pub fn overall(&self) -> f64 {
        let (ok, n) = self
            .fields
            .values()
            .fold((0, 0), |(a, b), (ok, n)| (a + ok, b + n));
        ratio(ok, n)
    }

    /// Prints the per-field table and the first failures.
    pub fn print(&self, title: &str) {
        println!(
            "\n{title}: {} reports, {:.1} MB",
            self.reports,
            self.bytes as f64 / 1e6
        );
        println!(
            "{:<34} {:>7} {:>7} {:>8}",
            "field", "correct", "scored", "accuracy"
        );
        for (field, (ok, n)) in &self.fields {
            println!(
                "{field:<34} {ok:>7} {n:>7} {:>7.2}%",
                100.0 * ratio(*ok, *n)
            );
        }
        println!("{:<34} {:>24.2}%", "OVERALL", 100.0 * self.overall());
        for f in &self.failures {
            println!("  miss: {f}");
        }
    }

    /// Fields below `min` (fraction), plus a model-key grouping that is not one-to-one.
    pub fn below(&self, min: f64) -> Vec<String> {
        let mut bad: Vec<String> = self
            .fields
            .iter()
            .filter(|(_, (ok, n))| ratio(*ok, *n) < min)
            .map(|(f, (ok, n))| format!("{f}: {ok}/{n}"))
            .collect();
        if self.overall() < min {
            bad.push(format!("overall {:.4}", self.overall()));
        }
        for (truth, keys) in &self.truth_to_key {
            if keys.len() > 1 {
                bad.push(format!("model {truth:?} split into keys {keys:?}"));
            }
        }
        for (key, truths) in &self.key_to_truth {
            if truths.len() > 1 {
                bad.push(format!("model key {key:?} merges {truths:?}"));
            }
        }
        bad
    }
}

fn ratio(ok: usize, n: usize) -> f64 {
    if n == 0 {
        1.0
    } else {
        ok as f64 / n as f64
    }
}

fn s(v: &Value) -> Option<String> {
    v.as_str().map(str::to_string)
}

fn driver_name(d: Option<&str>) -> Option<String> {
    d.map(|d| match d.replace('-', "_").as_str() {
        "rtl8723bs" => "r8723bs".to_string(),
        other => other.to_string(),
    })
}

/// Parses `<dir>/wb-*.txt` and scores each against its `.truth.json`.
pub(crate) fn score_dir(dir: &Path) -> Score {
    let mut score = Score::default();
    let mut names: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    names.sort();
    for path in names {
        let body = std::fs::read(&path).unwrap();
        let truth_path = path.with_extension("truth.json");
        let truth: Value = serde_json::from_slice(&std::fs::read(&truth_path).unwrap()).unwrap();
        let report = parse(&body);
        score.reports += 1;
        score.bytes += body.len();
        score_one(&mut score, &report, &truth);
    }
    score
}

pub(crate) fn score_one(sc: &mut Score, r: &Report, t: &Value) {
    let id = t["report_id"].as_str().unwrap_or("?").to_string();
    let id = id.as_str();
    let nasty: Vec<&str> = t["nasty"]
        .as_array()
        .map(|a| a.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default();
    let truncated = !t["truncated_at_byte"].is_null();
    // Sections present and complete, as the generator computes them.
    let keys: Vec<&str> = t["sections"]
        .as_array()
        .map(|a| a.iter().filter_map(|s| s["key"].as_str()).collect())
        .unwrap_or_default();
    let complete = |needle: &str| {
        keys.iter()
            .enumerate()
            .any(|(i, k)| k.contains(needle) && !(truncated && i + 1 == keys.len()))
    };
    let ex = &t["extractable"];
    let flag = |k: &str| ex[k].as_bool().unwrap_or(false) || ex[k].is_string();
    let hw = &t["hardware"];

    // -- headers
    sc.eq(
        id,
        "summary",
        r.summary.clone().unwrap_or_default(),
        s(&t["summary"]).unwrap_or_default(),
    );
    sc.eq(
        id,
        "contact_email",
        r.contact_email.clone(),
        s(&t["contact_email"]),
    );
    let key_kind = match r.openpgp_key.as_ref().map(|k| k.kind) {
        None => "none",
        Some(OpenPgpKeyKind::KeyId) => "keyid",
        Some(OpenPgpKeyKind::Fingerprint) => "fingerprint",
        Some(OpenPgpKeyKind::Url) => "url",
        Some(OpenPgpKeyKind::Block) => "block",
        Some(OpenPgpKeyKind::Other) => "other",
    };
    let want_kind = t["openpgp_key"]["kind"].as_str().unwrap_or("none");
    sc.eq(id, "openpgp_key.kind", key_kind, want_kind);
    match want_kind {
        "none" => {}
        "block" => sc.check(
            id,
            "openpgp_key.value",
            r.openpgp_key
                .as_ref()
                .and_then(|k| k.key_block.as_ref())
                .is_some_and(|b| {
                    b.starts_with("-----BEGIN PGP PUBLIC KEY BLOCK-----")
                        && b.ends_with("-----END PGP PUBLIC KEY BLOCK-----")
                }),
            || "no key block".into(),
        ),
        _ => sc.eq(
            id,
            "openpgp_key.value",
            r.openpgp_key.as_ref().map(|k| k.value.clone()),
            s(&t["openpgp_key"]["value"]),
        ),
    }
    let want_bug = &t["prefill"];
    let got_bug = r.bug_specific.as_ref();
    sc.eq(
        id,
        "bug_specific",
        got_bug.map(|b| (b.app.clone(), b.summary.clone(), b.details.clone())),
        (!want_bug.is_null()).then(|| {
            (
                s(&want_bug["app"]),
                s(&want_bug["summary"]),
                s(&want_bug["details"]),
            )
        }),
    );

    // -- version and era
    if flag("tails_version") {
        sc.eq(
            id,
            "tails.version",
            r.tails.version.clone(),
            s(&t["tails_version"]),
        );
        let want = match t["whisperback_body_format"].as_str() {
            Some("5.20") => "5.20-5.22",
            Some(other) => other,
            None => "",
        };
        let got = r
            .tails
            .body_format
            .map(|f| serde_json::to_value(f).unwrap());
        sc.eq(
            id,
            "tails.body_format",
            got.as_ref().and_then(Value::as_str).unwrap_or(""),
            want,
        );
    }
    if !keys.is_empty() || flag("tails_version") {
        let got = r
            .tails
            .debugging_info_era
            .map(|e| serde_json::to_value(e).unwrap());
        sc.eq(
            id,
            "tails.debugging_info_era",
            got.as_ref().and_then(Value::as_str).map(str::to_string),
            s(&t["debugging_info_era"]),
        );
    }
    if complete("filesystem.squashfs/etc/os-release") {
        sc.eq(
            id,
            "tails.initially_installed",
            r.tails.initially_installed_version.clone(),
            s(&t["initially_installed_version"]),
        );
    }

    // -- language
    // An empty report's user typed only a one-word summary, unless the generator added text.
    // (The generator's pre-5.20 empty template drops its extra text too.)
    let typed_nothing = t["issue"]["label"] == "empty-report"
        && (t["whisperback_body_format"] == "5.0-5.19"
            || !nasty
                .iter()
                .any(|n| *n == "very_long_user_text" || *n == "html_user_text"));
    let want_lang = if typed_nothing {
        None
    } else {
        s(&t["user_language"])
    };
    sc.eq(
        id,
        "user_text.language",
        r.user_text.language.clone(),
        want_lang,
    );

    // -- warnings
    let has = |f: &dyn Fn(&Warning) -> bool| r.warnings.iter().any(f);
    sc.eq(
        id,
        "warning.truncated",
        has(&|w| matches!(w, Warning::Truncated { .. })),
        truncated,
    );
    sc.eq(
        id,
        "warning.crlf",
        has(&|w| matches!(w, Warning::CrlfLineEnds)),
        nasty.contains(&"crlf"),
    );
    let non_utf8_in_report = nasty.contains(&"non_utf8") && !truncated; // the inserted bytes may lie past the cut
    if !truncated {
        sc.eq(
            id,
            "warning.non_utf8",
            has(&|w| matches!(w, Warning::NonUtf8 { .. })),
            non_utf8_in_report,
        );
    }
    sc.eq(
        id,
        "warning.no_headers",
        has(&|w| matches!(w, Warning::NoTailsVersionHeader)),
        nasty.contains(&"no_headers"),
    );
    sc.eq(
        id,
        "warning.no_debug_info",
        has(&|w| matches!(w, Warning::NoDebuggingInfo)),
        nasty.contains(&"no_debug_info"),
    );
    if complete("-s system-version") {
        sc.eq(
            id,
            "warning.empty_dmi",
            has(&|w| matches!(w, Warning::EmptyDmi)),
            nasty.contains(&"dmi_missing"),
        );
    }

    // -- machine
    if flag("dmi") && complete("-s system-version") {
        let dmi = &hw["dmi"];
        let m = r.hardware.machine.as_ref();
        let get = |f: fn(&super::Machine) -> Option<String>| m.and_then(f).unwrap_or_default();
        sc.eq(
            id,
            "machine.manufacturer",
            get(|m| m.manufacturer.clone()),
            s(&dmi["manufacturer"]).unwrap_or_default(),
        );
        sc.eq(
            id,
            "machine.product",
            get(|m| m.product.clone()),
            s(&dmi["product_name"]).unwrap_or_default(),
        );
        sc.eq(
            id,
            "machine.version",
            get(|m| m.version.clone()),
            s(&dmi["version"]).unwrap_or_default(),
        );
        sc.eq(
            id,
            "machine.flags",
            m.map(|m| (m.placeholder, m.virtual_machine, m.mac)),
            Some((
                dmi["is_placeholder"] == true,
                dmi["is_vm"] == true,
                dmi["is_mac"] == true,
            )),
        );
        if let (Some(key), Some(truth)) =
            (m.and_then(|m| m.model_key.clone()), s(&dmi["model_key"]))
        {
            sc.truth_to_key
                .entry(truth.clone())
                .or_default()
                .insert(key.clone());
            sc.key_to_truth.entry(key).or_default().insert(truth);
        }
        sc.check(
            id,
            "machine.model_key",
            m.is_some_and(|m| m.model_key.is_some() != (dmi["is_placeholder"] == true)),
            || format!("{:?}", m.map(|m| &m.model_key)),
        );
    }
    if complete("lscpu") || complete("journalctl") {
        sc.eq(id, "cpu", r.hardware.cpu.clone(), s(&hw["cpu"]));
    }

    // -- graphics
    let want_gpus: Vec<&Value> = hw["gpus"]
        .as_array()
        .map(|a| a.iter().collect())
        .unwrap_or_default();
    if flag("gpus") && complete("lspci") {
        let mut got: Vec<String> = r.hardware.gpus.iter().map(|g| g.id.to_string()).collect();
        let mut want: Vec<String> = want_gpus.iter().filter_map(|g| s(&g["pci_id"])).collect();
        got.sort();
        want.sort();
        sc.eq(id, "gpus.ids", got, want);
        for g in &want_gpus {
            let mine = r
                .hardware
                .gpus
                .iter()
                .find(|x| Some(x.id.to_string()) == s(&g["pci_id"]));
            sc.eq(
                id,
                "gpus.name",
                mine.map(|x| x.name.clone()),
                s(&g["lspci_name"]),
            );
            if flag("gpu_driver") {
                sc.eq(
                    id,
                    "gpus.driver",
                    driver_name(mine.and_then(|x| x.driver.as_deref())),
                    driver_name(g["driver"].as_str()),
                );
            }
        }
    }

    // -- Wi-Fi
    let want_wifi: Vec<&Value> = hw["wifi"]
        .as_array()
        .map(|a| a.iter().collect())
        .unwrap_or_default();
    if flag("wifi") && (complete("lspci") || want_wifi.iter().all(|w| w["bus"] != "pci")) {
        let bus_name = |b: WifiBus| match b {
            WifiBus::Pci => "pci",
            WifiBus::Usb => "usb",
            WifiBus::Sdio => "sdio",
        };
        let mut got: Vec<String> = r
            .hardware
            .wifi
            .iter()
            .map(|w| {
                format!(
                    "{} {}",
                    bus_name(w.bus),
                    w.id.map(|i| i.to_string()).unwrap_or_default()
                )
            })
            .collect();
        let mut want: Vec<String> = want_wifi
            .iter()
            .map(|w| {
                let bus = w["bus"].as_str().unwrap_or("");
                let idv = if bus == "sdio" {
                    String::new()
                } else {
                    s(&w["id"]).unwrap_or_default()
                };
                format!("{bus} {idv}")
            })
            .collect();
        got.sort();
        want.sort();
        sc.eq(id, "wifi.ids", got, want);
        for w in &want_wifi {
            let bus = w["bus"].as_str().unwrap_or("");
            let mine = r.hardware.wifi.iter().find(|x| {
                bus_name(x.bus) == bus
                    && (bus == "sdio" || x.id.map(|i| i.to_string()) == s(&w["id"]))
            });
            let driver_ok = if bus == "usb" {
                complete("lsusb --verbose --tree")
            } else {
                flag("gpu_driver")
            };
            if driver_ok {
                sc.eq(
                    id,
                    "wifi.driver",
                    driver_name(mine.and_then(|x| x.driver.as_deref())),
                    driver_name(w["driver"].as_str()),
                );
            }
            if driver_ok && bus != "sdio" && complete("journalctl") {
                let want_status = if w["firmware_missing"] == true {
                    FirmwareStatus::Missing
                } else if w["firmware"].is_string() {
                    FirmwareStatus::Loaded
                } else {
                    FirmwareStatus::NotReported
                };
                sc.eq(
                    id,
                    "wifi.firmware",
                    mine.map(|x| (x.firmware.clone(), x.firmware_status)),
                    Some((s(&w["firmware"]), want_status)),
                );
            }
        }
    }

    // -- boot stick
    if flag("boot_usb") && complete("lsusb --verbose --tree") {
        let b = &hw["boot_usb"];
        let mine = r.hardware.boot_usb.as_ref();
        sc.eq(
            id,
            "boot_usb.id",
            mine.map(|x| x.id.to_string()),
            s(&b["id"]),
        );
        let want_name = [s(&b["usb_ids_vendor"]), s(&b["usb_ids_product"])]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(" ");
        sc.eq(
            id,
            "boot_usb.usb_ids_name",
            mine.and_then(|x| x.usb_ids_name.clone())
                .unwrap_or_default(),
            want_name,
        );
        if complete("/usr/bin/lsusb --verbose")
            && keys.iter().any(|k| k.ends_with("lsusb --verbose"))
        {
            sc.eq(
                id,
                "boot_usb.usb_ids_vendor_product",
                mine.map(|x| (x.usb_ids_vendor.clone(), x.usb_ids_product.clone())),
                Some((s(&b["usb_ids_vendor"]), s(&b["usb_ids_product"]))),
            );
        }
        if complete("journalctl") {
            sc.eq(
                id,
                "boot_usb.strings",
                mine.map(|x| (x.manufacturer.clone(), x.product.clone())),
                Some((s(&b["iManufacturer"]), s(&b["iProduct"]))),
            );
            sc.eq(
                id,
                "boot_usb.block_device",
                mine.and_then(|x| x.block_device.clone()),
                s(&b["block_device"]),
            );
            sc.eq(
                id,
                "boot_usb.nominal_gb",
                mine.and_then(|x| x.nominal_gb).map(u64::from),
                b["size_gb"].as_u64(),
            );
            sc.eq(
                id,
                "boot_usb.usb_path",
                mine.and_then(|x| x.usb_path.clone()),
                s(&b["usb_path"]),
            );
            let fixed = t["issue"]["label"] == "boot-sandisk-fixed-disk";
            sc.eq(
                id,
                "boot_usb.removable",
                mine.and_then(|x| x.removable),
                Some(!fixed),
            );
        }
        let mut got: Vec<String> = r
            .hardware
            .other_usb_storage
            .iter()
            .map(|x| x.id.to_string())
            .collect();
        let mut want: Vec<String> = hw["other_usb_sticks"]
            .as_array()
            .map(|a| a.iter().filter_map(|x| s(&x["id"])).collect())
            .unwrap_or_default();
        got.sort();
        want.sort();
        sc.eq(id, "other_usb_storage.ids", got, want);
    }

    // -- boot options and settings
    if complete("/proc/cmdline") {
        let want: Vec<String> = t["boot"]["cmdline_extra"]
            .as_array()
            .map(|a| a.iter().filter_map(s).collect())
            .unwrap_or_default();
        sc.eq(id, "boot.added", r.boot.added.join(" "), want.join(" "));
        sc.eq(
            id,
            "boot.troubleshooting_mode",
            r.boot.troubleshooting_mode,
            t["boot"]["troubleshooting_mode"].as_bool(),
        );
        sc.eq(
            id,
            "boot.live_media_removable",
            r.boot.live_media_removable,
            t["boot"]["live_media_removable"].as_bool(),
        );
    }
    if complete("tails.macspoof") {
        sc.eq(
            id,
            "boot.mac_spoofing",
            r.boot.mac_spoofing,
            t["boot"]["mac_spoofing"].as_bool(),
        );
    }
    if complete("TailsData_unlocked/persistence.conf") {
        sc.eq(
            id,
            "boot.persistence_unlocked",
            r.boot.persistence_unlocked,
            Some(t["boot"]["persistence"] == "unlocked"),
        );
    }
}

/// The shared folder beside the clone (CI) or the workspace.
pub(crate) fn shared_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared")
}

/// Generates ≥ 500 reports across 5.0–6.9 with every damage kind, parses and scores them.
/// `WHISPERBACK_CORPUS=DIR` scores an already generated corpus instead.
#[test]
fn generated_corpus_accuracy() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = match std::env::var_os("WHISPERBACK_CORPUS") {
        Some(d) => PathBuf::from(d),
        None => {
            generate(dir.path(), 20251124, 520);
            dir.path().to_path_buf()
        }
    };
    let score = score_dir(&corpus);
    score.print(&format!("Generated corpus ({})", corpus.display()));
    assert!(score.reports >= 500, "only {} reports", score.reports);
    let bad = score.below(0.99);
    assert!(bad.is_empty(), "below 99 %: {bad:?}");
}

/// Runs the shared generator; fails loudly when python3 or the script is missing.
pub(crate) fn generate(out: &Path, seed: u64, count: usize) {
    let script = shared_dir().join("testdata/whisperback/gen_whisperback.py");
    assert!(
        script.is_file(),
        "the WhisperBack generator is missing at {} (shared/ must sit beside the clone)",
        script.display()
    );
    let result = Command::new("python3")
        .arg(&script)
        .args(["--seed", &seed.to_string(), "--count", &count.to_string()])
        .args([
            "--nasty-rate",
            "0.3",
            "--huge-count",
            "2",
            "--huge-mb",
            "3",
            "--out",
        ])
        .arg(out)
        .output()
        .unwrap_or_else(|e| panic!("python3 is required to run the generator: {e}"));
    assert!(
        result.status.success(),
        "generator failed: {}",
        String::from_utf8_lossy(&result.stderr)
    );
}
