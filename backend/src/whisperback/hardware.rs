//! Hardware facts: machine model (DMI), graphics, Wi-Fi and the boot USB stick.

use std::fmt;

use serde::{Deserialize, Serialize};

use super::journal::{canonical_driver, JournalFacts};
use super::pci::{parse_lspci, PciDevice};
use super::sections::SectionIndex;
use super::usb::{parse_tree, parse_verbose, TreeDevice, VerboseDevice};
use super::Warning;

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Hardware {
    pub machine: Option<Machine>,
    /// CPU model name (lscpu, or the journal's `smpboot: CPU0:` line).
    pub cpu: Option<String>,
    pub gpus: Vec<Gpu>,
    pub wifi: Vec<WifiAdapter>,
    pub boot_usb: Option<UsbStick>,
    /// Other USB mass-storage devices (a second stick, a card reader).
    pub other_usb_storage: Vec<UsbStick>,
}

/// PCI or USB vendor:device id, written `8086:3185`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(into = "String", try_from = "String")]
pub struct DeviceId {
    pub vendor: u16,
    pub device: u16,
}

impl DeviceId {
    pub fn parse(s: &str) -> Option<Self> {
        let (v, d) = s.trim().split_once(':')?;
        let hex = |x: &str| {
            (x.len() == 4)
                .then(|| u16::from_str_radix(x, 16).ok())
                .flatten()
        };
        Some(Self {
            vendor: hex(v)?,
            device: hex(d)?,
        })
    }
}

impl fmt::Display for DeviceId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04x}:{:04x}", self.vendor, self.device)
    }
}

impl From<DeviceId> for String {
    fn from(id: DeviceId) -> Self {
        id.to_string()
    }
}

impl TryFrom<String> for DeviceId {
    type Error = String;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        Self::parse(&s).ok_or_else(|| format!("not a vendor:device id: {s:?}"))
    }
}

/// The computer, from `dmidecode -s system-*` (the kernel's DMI line is sanitized away).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Machine {
    pub manufacturer: Option<String>,
    pub product: Option<String>,
    pub version: Option<String>,
    /// Vendor name normalised for statistics ("Hewlett-Packard" → "HP").
    pub vendor: Option<String>,
    /// Model name without the vendor (Lenovo: the marketing name from `version`).
    pub model: Option<String>,
    /// `vendor model`: the grouping key for hardware statistics; `None` when DMI only holds
    /// placeholders.
    pub model_key: Option<String>,
    /// The manufacturer is a firmware placeholder such as "To Be Filled By O.E.M.".
    pub placeholder: bool,
    pub virtual_machine: bool,
    pub mac: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Gpu {
    pub slot: String,
    pub id: DeviceId,
    /// `0300` VGA (boot) GPU, `0302` 3D controller (Optimus/discrete), `0380` display.
    pub class_code: String,
    pub name: String,
    pub rev: Option<String>,
    /// Kernel module for the device (journal binding, else the only candidate in lsmod).
    pub driver: Option<String>,
    /// The journal shows the driver binding to the device (not the case with `nomodeset`).
    pub driver_bound: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum WifiBus {
    Pci,
    Usb,
    Sdio,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FirmwareStatus {
    Loaded,
    Missing,
    /// No firmware line in the report (not needed, or not logged).
    NotReported,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct WifiAdapter {
    pub bus: WifiBus,
    /// PCI slot (`02:00.0`) or USB path (`1-3`); none for SDIO.
    pub location: Option<String>,
    /// Not printed anywhere for SDIO chips.
    pub id: Option<DeviceId>,
    pub name: Option<String>,
    pub driver: Option<String>,
    pub firmware: Option<String>,
    pub firmware_status: FirmwareStatus,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct UsbStick {
    pub id: DeviceId,
    /// usb.ids names as lsusb printed them ("SanDisk Corp. Ultra Flair").
    pub usb_ids_name: Option<String>,
    /// Separate usb.ids vendor and product (only with the `lsusb --verbose` section, 5.15+).
    pub usb_ids_vendor: Option<String>,
    pub usb_ids_product: Option<String>,
    /// The device's own strings (iManufacturer, iProduct).
    pub manufacturer: Option<String>,
    pub product: Option<String>,
    /// SCSI inquiry vendor and model.
    pub scsi_vendor: Option<String>,
    pub scsi_model: Option<String>,
    pub usb_path: Option<String>,
    pub speed: Option<String>,
    pub driver: Option<String>,
    pub block_device: Option<String>,
    pub capacity_bytes: Option<u64>,
    /// The size it was probably sold as: the power of two (GB) at or above the capacity.
    pub nominal_gb: Option<u32>,
    /// `Attached SCSI removable disk`; `false` marks sticks that claim to be fixed disks.
    pub removable: Option<bool>,
}

pub(crate) fn extract(
    index: &SectionIndex<'_>,
    journal: &JournalFacts,
    warnings: &mut Vec<Warning>,
) -> Hardware {
    let lsmod: Vec<String> = index
        .find("lsmod")
        .map(|s| {
            index
                .lines(s)
                .iter()
                .skip(1)
                .filter_map(|l| l.split_whitespace().next())
                .map(canonical_driver)
                .collect()
        })
        .unwrap_or_default();
    let pci = index
        .find("lspci")
        .map(|s| parse_lspci(index.lines(s)))
        .unwrap_or_default();
    let tree = index
        .find("lsusb --verbose --tree")
        .map(|s| parse_tree(index.lines(s)))
        .unwrap_or_default();
    let verbose: Vec<VerboseDevice> = index
        .find_by(|k| k.ends_with("lsusb --verbose"))
        .map(|s| parse_verbose(index.lines(s)))
        .unwrap_or_default();

    let machine = machine(index, warnings);
    let cpu = index
        .find("lscpu")
        .and_then(|s| {
            index
                .lines(s)
                .iter()
                .find_map(|l| l.strip_prefix("Model name:"))
        })
        .map(|v| v.trim().to_string())
        .or_else(|| journal.cpu.clone());

    let gpus = pci
        .iter()
        .filter(|d| d.class_code.starts_with("03"))
        .map(|d| gpu(d, journal, &lsmod))
        .collect();
    let mut wifi: Vec<WifiAdapter> = pci
        .iter()
        .filter(|d| d.class_code == "0280")
        .map(|d| pci_wifi(d, journal, &lsmod))
        .collect();
    wifi.extend(
        tree.iter()
            .filter(|d| is_usb_wifi(d, journal))
            .map(|d| usb_wifi(d, journal)),
    );
    wifi.extend(sdio_wifi(journal, &lsmod));

    let (boot_usb, other_usb_storage) = usb_storage(index, &tree, &verbose, journal, warnings);
    Hardware {
        machine,
        cpu,
        gpus,
        wifi,
        boot_usb,
        other_usb_storage,
    }
}

// ---------------------------------------------------------------- DMI

const PLACEHOLDERS: &[&str] = &[
    "to be filled by o.e.m.",
    "default string",
    "system manufacturer",
    "system product name",
    "system version",
    "not specified",
    "not applicable",
    "type1productconfigid",
    "o.e.m.",
    "oem",
    "none",
    "unknown",
    "invalid",
    "n/a",
    "x.x",
    "0123456789",
    "123456789",
    "undefined",
];

fn is_placeholder(s: &str) -> bool {
    let s = s.trim();
    s.is_empty() || PLACEHOLDERS.iter().any(|p| s.eq_ignore_ascii_case(p))
}

/// Manufacturer strings → short vendor names used by the known-issues pages.
const VENDORS: &[(&str, &str)] = &[
    ("lenovo", "Lenovo"),
    ("hewlett-packard", "HP"),
    ("hp", "HP"),
    ("hpe", "HP"),
    ("asustek computer inc.", "ASUS"),
    ("asus", "ASUS"),
    ("micro-star international co., ltd.", "MSI"),
    ("micro-star international co., ltd", "MSI"),
    ("dell inc.", "Dell"),
    ("apple inc.", "Apple"),
    ("apple computer, inc.", "Apple"),
    ("acer", "Acer"),
    ("toshiba", "Toshiba"),
    ("dynabook inc.", "Dynabook"),
    ("microsoft corporation", "Microsoft"),
    ("gigabyte technology co., ltd.", "Gigabyte"),
    ("samsung electronics co., ltd.", "Samsung"),
    ("fujitsu", "Fujitsu"),
    ("fujitsu client computing limited", "Fujitsu"),
    ("sony corporation", "Sony"),
    ("medion", "Medion"),
    ("huawei", "Huawei"),
    ("xiaomi", "Xiaomi"),
    ("lg electronics", "LG"),
    ("intel corporation", "Intel"),
    ("innotek gmbh", "VirtualBox"),
    ("vmware, inc.", "VMware"),
    ("qemu", "QEMU"),
];

const VM_MARKERS: &[&str] = &[
    "qemu",
    "innotek gmbh",
    "virtualbox",
    "vmware",
    "kvm",
    "bochs",
    "xen",
    "parallels",
    "virtual machine",
];

fn vendor_name(manufacturer: &str) -> String {
    let m = manufacturer.trim();
    if let Some((_, v)) = VENDORS.iter().find(|(k, _)| m.eq_ignore_ascii_case(k)) {
        return (*v).to_string();
    }
    let mut v = m;
    for suffix in [
        ", Inc.",
        " Inc.",
        " Inc",
        " Corporation",
        " Corp.",
        " Co., Ltd.",
        " Co.,Ltd.",
        " Co., Ltd",
        " Ltd.",
        " Ltd",
        " GmbH",
        " LLC",
        " Limited",
        " S.A.",
        " AG",
    ] {
        if let Some(s) = v.strip_suffix(suffix) {
            v = s.trim_end_matches(',').trim();
            break;
        }
    }
    v.to_string()
}

/// `X512FA_X512FA` → `X512FA` (ASUS repeats the model code).
fn collapse_repeats(s: &str) -> String {
    s.split(' ')
        .map(|w| match w.split_once('_') {
            Some((a, b)) if a == b => a,
            _ => w,
        })
        .collect::<Vec<_>>()
        .join(" ")
}

fn strip_vendor_prefix<'a>(model: &'a str, vendor: &str, manufacturer: &str) -> &'a str {
    for p in [vendor, manufacturer] {
        if model.len() > p.len()
            && model.is_char_boundary(p.len())
            && model[..p.len()].eq_ignore_ascii_case(p)
            && model[p.len()..].starts_with(' ')
        {
            return model[p.len()..].trim_start();
        }
    }
    model
}

fn machine(index: &SectionIndex<'_>, warnings: &mut Vec<Warning>) -> Option<Machine> {
    let section = |k: &str| -> Option<Option<String>> {
        let s = index.find(k)?;
        let v = index.lines(s).first().map(|l| l.trim()).unwrap_or("");
        Some((!v.is_empty() && v != "Not found").then(|| v.to_string()))
    };
    let manufacturer = section("-s system-manufacturer");
    let product = section("-s system-product-name");
    let version = section("-s system-version");
    if manufacturer.is_none() && product.is_none() && version.is_none() {
        return None; // no DMI sections at all
    }
    let (manufacturer, product, version) =
        (manufacturer.flatten(), product.flatten(), version.flatten());
    if manufacturer.is_none() && product.is_none() && version.is_none() {
        warnings.push(Warning::EmptyDmi);
    }
    fn known(s: &Option<String>) -> Option<&str> {
        s.as_deref().filter(|v| !is_placeholder(v))
    }
    let (m, p, v) = (known(&manufacturer), known(&product), known(&version));
    let all = [&manufacturer, &product, &version];
    let virtual_machine = all.iter().any(|s| {
        s.as_deref().is_some_and(|s| {
            let s = s.to_ascii_lowercase();
            VM_MARKERS.iter().any(|k| s.contains(k))
        })
    });
    let vendor = m.map(vendor_name);
    let model = match (vendor.as_deref(), p, v) {
        // Lenovo: machine-type code in product, marketing name in version.
        (Some("Lenovo"), _, Some(v)) if !v.eq_ignore_ascii_case("lenovo") => Some(v.to_string()),
        (Some("Lenovo"), Some(p), _) => Some(p.chars().take(4).collect()),
        (_, Some(p), _) => Some(p.to_string()),
        _ => None,
    }
    .map(|model| {
        let vendor = vendor.as_deref().unwrap_or("");
        let stripped = strip_vendor_prefix(&model, vendor, m.unwrap_or(""));
        collapse_repeats(stripped)
    });
    let model_key = match (&vendor, &model) {
        (Some(v), Some(m)) => Some(format!("{v} {m}")),
        _ => None,
    };
    Some(Machine {
        placeholder: manufacturer.as_deref().is_some_and(is_placeholder),
        mac: vendor.as_deref() == Some("Apple"),
        manufacturer,
        product,
        version,
        vendor,
        model,
        model_key,
        virtual_machine,
    })
}

// ---------------------------------------------------------------- graphics

/// Display drivers per PCI vendor, for when only lsmod tells (e.g. booted with nomodeset).
fn gpu_driver_candidates(vendor: u16) -> &'static [&'static str] {
    match vendor {
        0x8086 => &["i915", "xe"],
        0x10de => &["nouveau", "nvidia"],
        0x1002 => &["amdgpu", "radeon"],
        0x1234 => &["bochs_drm", "bochs"],
        0x80ee => &["vboxvideo", "vmwgfx"],
        0x15ad => &["vmwgfx"],
        0x1af4 => &["virtio_gpu"],
        0x1b36 => &["qxl"],
        _ => &[],
    }
}

fn unique_candidate(candidates: &[&str], lsmod: &[String]) -> Option<String> {
    let mut found = candidates.iter().filter(|c| lsmod.iter().any(|m| m == *c));
    match (found.next(), found.next()) {
        (Some(one), None) => Some((*one).to_string()),
        _ => None,
    }
}

fn gpu(d: &PciDevice, journal: &JournalFacts, lsmod: &[String]) -> Gpu {
    let candidates = gpu_driver_candidates(d.id.vendor);
    let bound = journal.pci_drivers.get(&d.address()).and_then(|drivers| {
        // Prefer a known display driver; otherwise the first one that spoke for the device.
        drivers
            .iter()
            .find(|x| candidates.contains(&x.as_str()))
            .or_else(|| drivers.first())
            .cloned()
    });
    let driver_bound = bound.is_some();
    Gpu {
        slot: d.slot.clone(),
        id: d.id,
        class_code: d.class_code.clone(),
        name: d.name.clone(),
        rev: d.rev.clone(),
        driver: bound.or_else(|| unique_candidate(candidates, lsmod)),
        driver_bound,
    }
}

// ---------------------------------------------------------------- Wi-Fi

fn wifi_driver_candidates(vendor: u16) -> &'static [&'static str] {
    match vendor {
        0x8086 => &["iwlwifi", "iwl4965", "iwl3945", "ipw2200", "ipw2100"],
        0x14e4 => &["brcmfmac", "brcmsmac", "b43", "b43legacy", "wl"],
        0x10ec => &[
            "rtl8723be",
            "rtl8723ae",
            "rtl8188ee",
            "rtl8192ce",
            "rtl8192se",
            "rtl8192de",
            "rtl8192ee",
            "rtl8821ae",
            "rtw88_8821ce",
            "rtw88_8822ce",
            "rtw88_8822be",
            "rtw88_8723de",
            "rtw89_8852ae",
            "rtw89_8852be",
            "rtw89_8852ce",
            "rtw89_8851be",
        ],
        0x168c => &["ath9k", "ath10k_pci", "ath11k_pci", "ath5k", "ath12k"],
        0x17cb => &["ath11k_pci", "ath12k"],
        0x14c3 => &[
            "mt7921e", "mt7922e", "mt7925e", "mt76x2e", "mt7615e", "mt76x0e",
        ],
        0x11ab => &["mwifiex_pcie"],
        _ => &[],
    }
}

/// Drivers of USB Wi-Fi dongles (bound ones identify the device as Wi-Fi).
const USB_WIFI_DRIVERS: &[&str] = &[
    "r8188eu",
    "rtl8xxxu",
    "rtl8192cu",
    "rtl8187",
    "rt2800usb",
    "rt73usb",
    "rt2500usb",
    "ath9k_htc",
    "carl9170",
    "ar5523",
    "mt7601u",
    "mt76x0u",
    "mt76x2u",
    "mt7663u",
    "mt7921u",
    "mt7925u",
    "rtw88_8822bu",
    "rtw88_8821cu",
    "rtw88_8723du",
    "rtw88_8822cu",
    "rtw89_8852bu",
    "zd1211rw",
    "rndis_wlan",
    "r8712u",
    "rtl8192su",
    "8812au",
    "88x2bu",
    "8821cu",
];

/// Common USB Wi-Fi chips and dongles: identifies unbound ones when lsusb printed no name
/// (a release's usb.ids may not know them).
const USB_WIFI_IDS: &[(u16, u16)] = &[
    // Realtek: RTL8188CUS/EUS/ETV/FTV, RTL8192CU/EU, RTL8723BU, RTL8811AU/CU, RTL8812AU,
    // RTL8814AU, RTL88x2BU, RTL8822BU/CU
    (0x0bda, 0x8176),
    (0x0bda, 0x8178),
    (0x0bda, 0x8179),
    (0x0bda, 0x0179),
    (0x0bda, 0xf179),
    (0x0bda, 0x818b),
    (0x0bda, 0xb720),
    (0x0bda, 0x8811),
    (0x0bda, 0xa811),
    (0x0bda, 0xc811),
    (0x0bda, 0x8812),
    (0x0bda, 0x881a),
    (0x0bda, 0x8813),
    (0x0bda, 0xb812),
    (0x0bda, 0xb82c),
    (0x0bda, 0xc82c),
    (0x0bda, 0xc820),
    // TP-Link TL-WN722N v2/v3, TL-WN823N v2, Archer T2U/T3U/T4U
    (0x2357, 0x010c),
    (0x2357, 0x0109),
    (0x2357, 0x0120),
    (0x2357, 0x011e),
    (0x2357, 0x0101),
    (0x2357, 0x0103),
    (0x2357, 0x012d),
    (0x2357, 0x0138),
    // Ralink/MediaTek RT2870/RT3070/RT5370/RT5372, MT7601U, MT7610U, MT7612U, MT7921AU
    (0x148f, 0x2870),
    (0x148f, 0x3070),
    (0x148f, 0x5370),
    (0x148f, 0x5372),
    (0x148f, 0x7601),
    (0x0e8d, 0x7610),
    (0x0e8d, 0x7612),
    (0x0e8d, 0x7961),
    // Atheros AR9271, AR7010
    (0x0cf3, 0x9271),
    (0x0cf3, 0x7015),
    // Edimax EW-7811Un (v1/v2), Netgear A6210, ASUS USB-AC56/AC53 Nano, D-Link DWA-131 E
    (0x7392, 0x7811),
    (0x7392, 0xa811),
    (0x7392, 0xb811),
    (0x0846, 0x9053),
    (0x0b05, 0x17d2),
    (0x0b05, 0x1841),
    (0x2001, 0x3319),
];

/// Kernel modules of SDIO Wi-Fi chips (they show in neither lspci nor lsusb).
const SDIO_WIFI_MODULES: &[&str] = &[
    "r8723bs",
    "rtl8723bs",
    "ath6kl_sdio",
    "ath10k_sdio",
    "mwifiex_sdio",
    "wilc1000_sdio",
    "rtw88_8723ds",
    "rtw88_8821cs",
    "rtw88_8822bs",
    "rtw88_8822cs",
    "brcmfmac_sdio",
];

fn firmware_of(fw: Option<&super::journal::Firmware>) -> (Option<String>, FirmwareStatus) {
    match fw {
        Some(f) if f.loaded.is_some() => (f.loaded.clone(), FirmwareStatus::Loaded),
        Some(f) if f.missing.is_some() => (f.missing.clone(), FirmwareStatus::Missing),
        _ => (None, FirmwareStatus::NotReported),
    }
}

fn pci_wifi(d: &PciDevice, journal: &JournalFacts, lsmod: &[String]) -> WifiAdapter {
    let addr = d.address();
    let candidates = wifi_driver_candidates(d.id.vendor);
    let bound = journal.pci_drivers.get(&addr).and_then(|drivers| {
        drivers
            .iter()
            .find(|x| candidates.contains(&x.as_str()))
            .or_else(|| drivers.first())
            .cloned()
    });
    let driver = bound.or_else(|| unique_candidate(candidates, lsmod));
    let mut fw = journal.pci_firmware.get(&addr);
    if fw.is_none_or(|f| f.loaded.is_none() && f.missing.is_none()) {
        fw = driver.as_ref().and_then(|x| journal.driver_firmware.get(x));
    }
    let (firmware, firmware_status) = firmware_of(fw);
    WifiAdapter {
        bus: WifiBus::Pci,
        location: Some(d.slot.clone()),
        id: Some(d.id),
        name: Some(d.name.clone()),
        driver,
        firmware,
        firmware_status,
    }
}

/// Bluetooth also shows as "Wireless" and many dongles as "Vendor Specific Class": decide by
/// driver, journal evidence or a known id, then the usb.ids name.
fn is_usb_wifi(d: &TreeDevice, journal: &JournalFacts) -> bool {
    let name = d.name.as_deref().unwrap_or("").to_ascii_lowercase();
    if name.contains("bluetooth") || d.drivers().any(|x| x == "btusb") {
        return false;
    }
    if d.drivers()
        .any(|x| USB_WIFI_DRIVERS.contains(&canonical_driver(x).as_str()))
    {
        return true;
    }
    if journal.wlan_devices.contains(&d.path)
        || d.id
            .is_some_and(|id| USB_WIFI_IDS.contains(&(id.vendor, id.device)))
    {
        return true;
    }
    let vendor_class = d.has_class("Vendor Specific Class") || d.has_class("Wireless");
    let wifi_words = ["802.11", "wlan", "wireless", "wi-fi", "wifi"];
    let realtek_usb_chip = name.split(|c: char| !c.is_ascii_alphanumeric()).any(|w| {
        w.starts_with("rtl8") && (w.ends_with('u') || w.ends_with("us") || w.ends_with("um"))
    });
    vendor_class && (wifi_words.iter().any(|w| name.contains(w)) || realtek_usb_chip)
}

fn usb_wifi(d: &TreeDevice, journal: &JournalFacts) -> WifiAdapter {
    let driver = d
        .drivers()
        .find(|x| !x.is_empty())
        .map(canonical_driver)
        .or_else(|| {
            journal
                .usb_drivers
                .get(&d.path)
                .and_then(|v| v.iter().find(|x| x.as_str() != "usb_storage").cloned())
        });
    let mut fw = journal.usb_firmware.get(&d.path);
    if fw.is_none_or(|f| f.loaded.is_none() && f.missing.is_none()) {
        fw = driver.as_ref().and_then(|x| journal.driver_firmware.get(x));
    }
    let (firmware, firmware_status) = firmware_of(fw);
    WifiAdapter {
        bus: WifiBus::Usb,
        location: Some(d.path.clone()),
        id: d.id,
        name: d.name.clone(),
        driver,
        firmware,
        firmware_status,
    }
}

fn sdio_wifi(journal: &JournalFacts, lsmod: &[String]) -> Option<WifiAdapter> {
    let module = SDIO_WIFI_MODULES
        .iter()
        .find(|m| lsmod.iter().any(|x| x == *m) || journal.bare_modules.iter().any(|x| x == *m))?;
    let (firmware, firmware_status) = firmware_of(journal.driver_firmware.get(*module));
    Some(WifiAdapter {
        bus: WifiBus::Sdio,
        location: None,
        id: None,
        name: None,
        driver: Some((*module).to_string()),
        firmware,
        firmware_status,
    })
}

// ---------------------------------------------------------------- USB storage

fn usb_storage(
    index: &SectionIndex<'_>,
    tree: &[TreeDevice],
    verbose: &[VerboseDevice],
    journal: &JournalFacts,
    warnings: &mut Vec<Warning>,
) -> (Option<UsbStick>, Vec<UsbStick>) {
    let storage: Vec<&TreeDevice> = tree
        .iter()
        .filter(|d| d.has_class("Mass Storage"))
        .collect();
    if storage.is_empty() {
        return (None, Vec::new());
    }
    // The boot device's path: mounted medium → sdX → SCSI host → USB path.
    let boot_path = boot_block_device(index)
        .and_then(|sd| journal.disks.get(&sd)?.host)
        .and_then(|h| journal.scsi_hosts.get(&h).cloned());
    let boot = match boot_path {
        Some(p) => storage.iter().position(|d| d.path == p),
        None if storage.len() == 1 => Some(0),
        None => {
            warnings.push(Warning::AmbiguousBootStick {
                candidates: storage.len(),
            });
            None
        }
    };
    let mut boot_stick = None;
    let mut others = Vec::new();
    for (i, d) in storage.iter().enumerate() {
        let Some(stick) = stick(d, verbose, journal) else {
            continue;
        };
        if Some(i) == boot {
            boot_stick = Some(stick);
        } else {
            others.push(stick);
        }
    }
    (boot_stick, others)
}

/// `sdb` from `mount`/`df` (`/dev/sdb1 on /run/live/medium`), the block-device info (5.20+) or
/// live-boot's log.
fn boot_block_device(index: &SectionIndex<'_>) -> Option<String> {
    let from_lines = |needle: &str, pick: &dyn Fn(&str) -> Option<String>| {
        let s = index.find(needle)?;
        index.lines(s).iter().find_map(|l| pick(l))
    };
    let partition_dev = |dev: &str| -> Option<String> {
        let name = dev.strip_prefix("/dev/")?;
        let disk = name.trim_end_matches(|c: char| c.is_ascii_digit());
        (disk.starts_with("sd") && disk.len() > 2).then(|| disk.to_string())
    };
    from_lines("/bin/mount", &|l| {
        let (dev, rest) = l.split_once(" on ")?;
        rest.starts_with("/run/live/medium ")
            .then(|| partition_dev(dev))
            .flatten()
    })
    .or_else(|| {
        from_lines("/bin/df", &|l| {
            let mut it = l.split_whitespace();
            let dev = it.next()?;
            (it.last()? == "/run/live/medium")
                .then(|| partition_dev(dev))
                .flatten()
        })
    })
    .or_else(|| {
        from_lines("tails-block-device-info", &|l| {
            let v = l.trim().strip_prefix("\"name\": \"")?;
            partition_dev(v.split('"').next()?)
        })
    })
    .or_else(|| {
        from_lines("/var/log/live/boot.log", &|l| {
            let i = l.find(": found live media")?;
            let dev = l[..i].rsplit(' ').next()?;
            partition_dev(dev)
        })
    })
}

fn stick(d: &TreeDevice, verbose: &[VerboseDevice], journal: &JournalFacts) -> Option<UsbStick> {
    let id = d.id?;
    let v = verbose
        .iter()
        .find(|v| v.bus == d.bus && v.devnum == d.devnum);
    let e = journal.usb.get(&d.path);
    let host = journal
        .scsi_hosts
        .iter()
        .find(|(_, p)| **p == d.path)
        .map(|(h, _)| *h);
    let (dev, disk) = match host {
        Some(h) => journal
            .disks
            .iter()
            .filter(|(_, disk)| disk.host == Some(h))
            .min_by(|a, b| a.0.cmp(b.0))
            .map_or((None, None), |(n, disk)| (Some(n.clone()), Some(disk))),
        None => (None, None),
    };
    let inquiry = host.and_then(|h| journal.scsi_inquiry.get(&h));
    let capacity_bytes = disk.and_then(|x| x.bytes);
    let non_empty = |s: Option<&String>| s.filter(|s| !s.is_empty()).cloned();
    Some(UsbStick {
        id,
        usb_ids_name: d.name.clone(),
        usb_ids_vendor: v.and_then(|v| v.vendor_name.clone()),
        usb_ids_product: v.and_then(|v| v.product_name.clone()),
        manufacturer: e
            .and_then(|e| non_empty(e.manufacturer.as_ref()))
            .or_else(|| v.and_then(|v| v.manufacturer.clone())),
        product: e
            .and_then(|e| non_empty(e.product.as_ref()))
            .or_else(|| v.and_then(|v| v.product.clone())),
        scsi_vendor: inquiry.and_then(|(v, _)| non_empty(Some(v))),
        scsi_model: inquiry.and_then(|(_, m)| non_empty(Some(m))),
        usb_path: Some(d.path.clone()),
        speed: (!d.speed.is_empty()).then(|| d.speed.clone()),
        driver: d.drivers().find(|x| !x.is_empty()).map(str::to_string),
        block_device: dev,
        capacity_bytes,
        nominal_gb: capacity_bytes.map(nominal_gb),
        removable: disk.and_then(|x| x.removable),
    })
}

/// Sticks are sold in powers of two of decimal GB; the usable capacity is a little less.
fn nominal_gb(bytes: u64) -> u32 {
    let gb = bytes as f64 / 1e9;
    let mut n = 1u32;
    while f64::from(n) < gb && n < (1 << 20) {
        n *= 2;
    }
    n
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dmi(m: &str, p: &str, v: &str) -> Machine {
        let text = format!(
            "======= content of /usr/sbin/dmidecode -s system-manufacturer =======\n{m}\n\n\
             ======= content of /usr/sbin/dmidecode -s system-product-name =======\n{p}\n\n\
             ======= content of /usr/sbin/dmidecode -s system-version =======\n{v}\n\n"
        );
        let lines: Vec<&str> = text.split('\n').collect();
        let index = SectionIndex::build(&lines);
        machine(&index, &mut Vec::new()).unwrap()
    }

    #[test]
    fn lenovo_is_keyed_by_its_marketing_name() {
        let m = dmi("LENOVO", "20L5CTO1WW", "ThinkPad T480");
        assert_eq!(m.vendor.as_deref(), Some("Lenovo"));
        assert_eq!(m.model_key.as_deref(), Some("Lenovo ThinkPad T480"));
        let m = dmi("LENOVO", "81LK", "Lenovo Legion Y530-15ICH");
        assert_eq!(m.model_key.as_deref(), Some("Lenovo Legion Y530-15ICH"));
        let m = dmi("LENOVO", "81LKCTO1WW", "");
        assert_eq!(m.model_key.as_deref(), Some("Lenovo 81LK"));
    }

    #[test]
    fn vendors_are_normalised_and_asus_repeats_collapsed() {
        let m = dmi(
            "ASUSTeK COMPUTER INC.",
            "VivoBook_ASUSLaptop X512FA_X512FA",
            "1.0",
        );
        assert_eq!(
            m.model_key.as_deref(),
            Some("ASUS VivoBook_ASUSLaptop X512FA")
        );
        let m = dmi("Hewlett-Packard", "HP EliteBook 8470p", "A1029D1102");
        assert_eq!(m.model_key.as_deref(), Some("HP EliteBook 8470p"));
        let m = dmi("HP", "HP Laptop 15-da0xxx", "Type1ProductConfigId");
        assert_eq!(m.model_key.as_deref(), Some("HP Laptop 15-da0xxx"));
        let m = dmi(
            "Micro-Star International Co., Ltd.",
            "GF63 Thin 9SC",
            "REV:1.0",
        );
        assert_eq!(m.model_key.as_deref(), Some("MSI GF63 Thin 9SC"));
        let m = dmi("Apple Inc.", "MacBookAir8,1", "1.0");
        assert!(m.mac);
        assert_eq!(m.model_key.as_deref(), Some("Apple MacBookAir8,1"));
    }

    #[test]
    fn placeholders_and_virtual_machines() {
        let m = dmi(
            "To Be Filled By O.E.M.",
            "To Be Filled By O.E.M.",
            "To Be Filled By O.E.M.",
        );
        assert!(m.placeholder);
        assert_eq!(m.model_key, None);
        assert_eq!(m.manufacturer.as_deref(), Some("To Be Filled By O.E.M."));
        let m = dmi("QEMU", "Standard PC (Q35 + ICH9, 2009)", "pc-q35-7.2");
        assert!(m.virtual_machine);
        let m = dmi("innotek GmbH", "VirtualBox", "1.2");
        assert!(m.virtual_machine);
        assert!(!dmi("Dell Inc.", "Latitude E5250", "").virtual_machine);
    }

    #[test]
    fn device_ids_round_trip_through_serde() {
        let id = DeviceId::parse("8086:3185").unwrap();
        assert_eq!(serde_json::to_string(&id).unwrap(), "\"8086:3185\"");
        let back: DeviceId = serde_json::from_str("\"10DE:1F91\"").unwrap();
        assert_eq!(back.to_string(), "10de:1f91");
        assert!(DeviceId::parse("8086:318").is_none());
    }

    #[test]
    fn nominal_sizes() {
        assert_eq!(nominal_gb(58_125_000 * 512), 32);
        assert_eq!(nominal_gb(116_250_000 * 512), 64);
        assert_eq!(nominal_gb(7_400_000_000), 8);
    }
}
