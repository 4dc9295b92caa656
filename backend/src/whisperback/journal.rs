//! One pass over the journal's kernel lines, collecting what identifies drivers, firmware and
//! the boot stick. Only prefix tests and short token scans per line: the journal can be MBs.

use std::collections::HashMap;

/// Firmware evidence for one device or driver.
#[derive(Debug, Default, Clone)]
pub(crate) struct Firmware {
    pub loaded: Option<String>,
    pub missing: Option<String>,
}

/// A USB device as the kernel enumerated it (`usb 2-4: …`).
#[derive(Debug, Default, Clone)]
pub(crate) struct UsbEnum {
    pub id: Option<(u16, u16)>,
    pub devnum: Option<u32>,
    pub product: Option<String>,
    pub manufacturer: Option<String>,
}

/// A SCSI disk (`sd H:0:0:0: [sdX] …`).
#[derive(Debug, Default, Clone)]
pub(crate) struct ScsiDisk {
    pub host: Option<u32>,
    pub bytes: Option<u64>,
    pub removable: Option<bool>,
}

#[derive(Debug, Default)]
pub(crate) struct JournalFacts {
    pub kernel: Option<String>,
    pub cmdline: Option<String>,
    /// CPU model from `smpboot: CPU0: <model> (family: …)`.
    pub cpu: Option<String>,
    /// PCI address (`0000:00:02.0`) → drivers that printed for it, in order.
    pub pci_drivers: HashMap<String, Vec<String>>,
    pub pci_firmware: HashMap<String, Firmware>,
    /// USB device path (`1-3`) → drivers bound to its interfaces.
    pub usb_drivers: HashMap<String, Vec<String>>,
    pub usb_firmware: HashMap<String, Firmware>,
    /// Driver name → firmware lines that name no device (`rtl8723be: Using firmware …`).
    pub driver_firmware: HashMap<String, Firmware>,
    /// Interfaces renamed from `wlanN`, by device address or path.
    pub wlan_devices: Vec<String>,
    pub usb: HashMap<String, UsbEnum>,
    /// SCSI host → USB device path.
    pub scsi_hosts: HashMap<u32, String>,
    /// SCSI host → (vendor, model) from the inquiry line.
    pub scsi_inquiry: HashMap<u32, (String, String)>,
    /// Block device name (`sdb`) → disk facts.
    pub disks: HashMap<String, ScsiDisk>,
    /// Kernel modules that announced themselves without a device (`r8723bs: …`).
    pub bare_modules: Vec<String>,
}

pub(crate) fn scan(lines: &[&str]) -> JournalFacts {
    let mut f = JournalFacts::default();
    let mut last_usb_path: Option<String> = None;
    for line in lines {
        let Some(pos) = line.find(" kernel: ") else {
            continue;
        };
        let msg = &line[pos + 9..];
        kernel_line(msg, &mut f, &mut last_usb_path);
    }
    f
}

fn kernel_line(msg: &str, f: &mut JournalFacts, last_usb_path: &mut Option<String>) {
    if let Some(rest) = msg.strip_prefix("Linux version ") {
        if f.kernel.is_none() {
            f.kernel = rest.split_whitespace().next().map(str::to_string);
        }
        return;
    }
    if let Some(rest) = msg.strip_prefix("smpboot: CPU0: ") {
        let end = rest.rfind(" (family").unwrap_or(rest.len());
        f.cpu.get_or_insert_with(|| rest[..end].trim().to_string());
        return;
    }
    if let Some(rest) = msg.strip_prefix("Command line: ") {
        f.cmdline.get_or_insert_with(|| rest.trim().to_string());
        return;
    }
    if let Some(rest) = msg.strip_prefix("usb ") {
        usb_line(rest, f, last_usb_path);
        return;
    }
    if let Some(rest) = msg.strip_prefix("scsi host") {
        scsi_host_line(rest, f, last_usb_path.as_deref());
        return;
    }
    if let Some(rest) = msg.strip_prefix("scsi ") {
        scsi_inquiry_line(rest, f);
        return;
    }
    if let Some(rest) = msg.strip_prefix("sd ") {
        sd_line(rest, f);
        return;
    }
    if let Some(rest) = msg.strip_prefix("[drm] Initialized ") {
        // "[drm] Initialized i915 1.6.0 20201103 for 0000:00:02.0 on minor 0"
        let drv = rest.split_whitespace().next();
        let addr = rest
            .split_once(" for ")
            .and_then(|(_, a)| a.split_whitespace().next())
            .filter(|a| is_pci_address(a));
        if let (Some(drv), Some(addr)) = (drv, addr) {
            let drv = canonical_driver(drv);
            push_unique(f.pci_drivers.entry(addr.to_string()).or_default(), &drv);
        }
        return;
    }
    device_line(msg, f);
}

/// `<driver> <address>: …` (PCI `0000:BB:DD.F` or USB interface `B-P:C.I`), or a driver's own
/// line without a device (`rtl8723be: Using firmware …`, `b43-phy0 ERROR: …`).
fn device_line(msg: &str, f: &mut JournalFacts) {
    let Some((token, rest)) = msg.split_once(' ') else {
        return;
    };
    if !is_driver_token(token) {
        bare_driver_line(token, rest, f);
        return;
    }
    if matches!(token, "pci" | "pcieport" | "pci_bus") {
        return; // the PCI core and port driver, not a device's driver
    }
    if let Some(addr) = rest.get(..12).filter(|a| is_pci_address(a)) {
        let tail = &rest[12..];
        if tail.starts_with([':', ' ']) {
            let drv = canonical_driver(token);
            push_unique(f.pci_drivers.entry(addr.to_string()).or_default(), &drv);
            if has_firmware_words(tail) {
                firmware_in(
                    tail,
                    &drv,
                    f.pci_firmware.entry(addr.to_string()).or_default(),
                );
            }
            if tail.contains("renamed from wlan") {
                push_unique(&mut f.wlan_devices, addr);
            }
        }
        return;
    }
    if let Some((path, tail)) = split_usb_interface(rest) {
        let drv = canonical_driver(token);
        push_unique(f.usb_drivers.entry(path.to_string()).or_default(), &drv);
        if has_firmware_words(tail) {
            firmware_in(
                tail,
                &drv,
                f.usb_firmware.entry(path.to_string()).or_default(),
            );
        }
        if tail.contains("renamed from wlan") {
            push_unique(&mut f.wlan_devices, path);
        }
        return;
    }
    if token.contains("-phy") {
        bare_driver_line(token, rest, f);
    }
}

fn is_driver_token(t: &str) -> bool {
    !t.is_empty()
        && t.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
}

fn has_firmware_words(s: &str) -> bool {
    s.contains("irmware")
}

fn bare_driver_line(token: &str, rest: &str, f: &mut JournalFacts) {
    let drv = token.trim_end_matches(':');
    let drv = drv.split("-phy").next().unwrap_or(drv);
    if !is_driver_token(drv) {
        return;
    }
    if rest.starts_with("module is from the staging directory") {
        push_unique(&mut f.bare_modules, &canonical_driver(drv));
        return;
    }
    if !has_firmware_words(rest) {
        return;
    }
    let drv = canonical_driver(drv);
    let fw = f.driver_firmware.entry(drv.clone()).or_default();
    if let Some(name) = rest.strip_prefix("Using firmware ") {
        fw.loaded.get_or_insert_with(|| name.trim().to_string());
    } else if let Some(i) = rest.find("Firmware file \"") {
        let name = rest[i + 15..].split('"').next().unwrap_or("");
        if !name.is_empty() && rest.contains("not found") {
            fw.missing.get_or_insert_with(|| name.to_string());
        }
    } else {
        firmware_in(rest, &drv, fw);
    }
}

/// Firmware load or failure announced in a device line.
fn firmware_in(tail: &str, drv: &str, fw: &mut Firmware) {
    if let Some(i) = tail.find("direct-loading firmware ") {
        let name = tail[i + 24..].split_whitespace().next().unwrap_or("");
        if !name.is_empty() {
            fw.loaded.get_or_insert_with(|| name.to_string());
        }
    } else if let Some(i) = tail.find("Direct firmware load for ") {
        let name = tail[i + 25..].split_whitespace().next().unwrap_or("");
        if !name.is_empty() && tail.contains("failed") {
            fw.missing.get_or_insert_with(|| name.to_string());
        }
    } else if let Some(i) = tail.find("loaded firmware version ") {
        // iwlwifi: "loaded firmware version 77.ddf783da.0 Qu-b0-hr-b0-77.ucode op_mode iwlmvm"
        let name = tail[i + 24..].split_whitespace().nth(1).unwrap_or("");
        if !name.is_empty() {
            let prefix = format!("{drv}-");
            let full = if drv == "iwlwifi" && !name.starts_with(&prefix) {
                format!("{prefix}{name}")
            } else {
                name.to_string()
            };
            fw.loaded.get_or_insert(full);
        }
    }
}

fn usb_line(rest: &str, f: &mut JournalFacts, last_usb_path: &mut Option<String>) {
    let Some((path, msg)) = rest.split_once(": ") else {
        return;
    };
    if !is_usb_path(path) {
        return;
    }
    if let Some(ids) = msg.strip_prefix("New USB device found, ") {
        // "idVendor=0781, idProduct=5591, bcdDevice= 1.00"
        let hex = |key: &str| {
            ids.find(key)
                .and_then(|i| ids.get(i + key.len()..i + key.len() + 4))
                .and_then(|h| u16::from_str_radix(h, 16).ok())
        };
        if let (Some(v), Some(p)) = (hex("idVendor="), hex("idProduct=")) {
            let e = f.usb.entry(path.to_string()).or_default();
            e.id.get_or_insert((v, p));
            *last_usb_path = Some(path.to_string());
        }
    } else if msg.starts_with("new ") && msg.contains(" USB device number ") {
        let n = msg
            .split(" USB device number ")
            .nth(1)
            .and_then(|r| r.split_whitespace().next())
            .and_then(|n| n.parse().ok());
        let e = f.usb.entry(path.to_string()).or_default();
        if e.devnum.is_none() {
            e.devnum = n;
        }
    } else if let Some(p) = msg.strip_prefix("Product: ") {
        f.usb
            .entry(path.to_string())
            .or_default()
            .product
            .get_or_insert_with(|| p.trim().to_string());
    } else if let Some(m) = msg.strip_prefix("Manufacturer: ") {
        f.usb
            .entry(path.to_string())
            .or_default()
            .manufacturer
            .get_or_insert_with(|| m.trim().to_string());
    }
}

/// "scsi host1: usb-storage 2-4:1.0" or "scsi host1: uas" (the device enumerated just before).
fn scsi_host_line(rest: &str, f: &mut JournalFacts, last_usb_path: Option<&str>) {
    let Some((host, msg)) = rest.split_once(": ") else {
        return;
    };
    let Ok(host) = host.parse::<u32>() else {
        return;
    };
    let path = if let Some(iface) = msg.strip_prefix("usb-storage ") {
        split_usb_interface(iface).map(|(p, _)| p.to_string())
    } else if msg.trim() == "uas" {
        last_usb_path.map(str::to_string)
    } else {
        None
    };
    if let Some(p) = path {
        f.scsi_hosts.entry(host).or_insert(p);
    }
}

/// "scsi 1:0:0:0: Direct-Access     SanDisk  Ultra            1.00 PQ: 0 ANSI: 6"
fn scsi_inquiry_line(rest: &str, f: &mut JournalFacts) {
    let Some((hctl, msg)) = rest.split_once(": ") else {
        return;
    };
    let Some(host) = hctl.split(':').next().and_then(|h| h.parse::<u32>().ok()) else {
        return;
    };
    let Some(fields) = msg.strip_prefix("Direct-Access") else {
        return;
    };
    // Fixed columns: vendor 8, model 16, revision 4 (after the type padded to 18).
    let fields = fields.get(5..).unwrap_or("");
    let vendor = fields.get(..8).unwrap_or("").trim();
    let model = fields.get(9..25).unwrap_or("").trim();
    f.scsi_inquiry
        .entry(host)
        .or_insert_with(|| (vendor.to_string(), model.to_string()));
}

/// "sd 1:0:0:0: [sdb] 58125000 512-byte logical blocks: (29.8 GB/27.7 GiB)" and
/// "sd 1:0:0:0: [sdb] Attached SCSI removable disk".
fn sd_line(rest: &str, f: &mut JournalFacts) {
    let Some((hctl, msg)) = rest.split_once(": [") else {
        return;
    };
    let Some(host) = hctl.split(':').next().and_then(|h| h.parse::<u32>().ok()) else {
        return;
    };
    let Some((dev, msg)) = msg.split_once("] ") else {
        return;
    };
    let disk = f.disks.entry(dev.to_string()).or_default();
    disk.host.get_or_insert(host);
    if msg.contains("-byte logical blocks") {
        let mut it = msg.split_whitespace();
        let n = it.next().and_then(|n| n.parse::<u64>().ok());
        let size = it
            .next()
            .and_then(|s| s.strip_suffix("-byte"))
            .and_then(|s| s.parse::<u64>().ok());
        if let (Some(n), Some(size)) = (n, size) {
            disk.bytes.get_or_insert(n.saturating_mul(size));
        }
    } else if msg.starts_with("Attached SCSI removable disk") {
        disk.removable = Some(true);
    } else if msg.starts_with("Attached SCSI disk") {
        disk.removable = Some(false);
    }
}

/// `0000:00:02.0`
pub(crate) fn is_pci_address(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 12
        && b[4] == b':'
        && b[7] == b':'
        && b[10] == b'.'
        && b.iter()
            .enumerate()
            .all(|(i, c)| matches!(i, 4 | 7 | 10) || c.is_ascii_hexdigit())
}

/// `2-4`, `1-1.3`
fn is_usb_path(s: &str) -> bool {
    let Some((bus, ports)) = s.split_once('-') else {
        return false;
    };
    !bus.is_empty()
        && bus.bytes().all(|b| b.is_ascii_digit())
        && !ports.is_empty()
        && ports
            .split('.')
            .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
}

/// `2-4:1.0: …` → (`2-4`, `: …`)
fn split_usb_interface(s: &str) -> Option<(&str, &str)> {
    let colon = s.find(':')?;
    let path = &s[..colon];
    if !is_usb_path(path) {
        return None;
    }
    let after = &s[colon + 1..];
    let end = after
        .find(|c: char| !(c.is_ascii_digit() || c == '.'))
        .unwrap_or(after.len());
    let (c, i) = after[..end].split_once('.')?;
    let ok = !c.is_empty() && !i.is_empty() && !i.contains('.');
    let tail = &after[end..];
    (ok && (tail.is_empty() || tail.starts_with([':', ' ']))).then_some((path, tail))
}

/// Module names as `lsmod` and `modprobe.blacklist=` spell them.
pub(crate) fn canonical_driver(name: &str) -> String {
    let n = name.replace('-', "_");
    // rtw88's PCI/USB drivers print as "rtw_8821ce"; the module is "rtw88_8821ce".
    match n.strip_prefix("rtw_") {
        Some(rest) if rest.starts_with(|c: char| c.is_ascii_digit()) => format!("rtw88_{rest}"),
        _ => n,
    }
}

fn push_unique(v: &mut Vec<String>, s: &str) {
    if !v.iter().any(|x| x == s) {
        v.push(s.to_string());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn facts(text: &str) -> JournalFacts {
        let lines: Vec<&str> = text.lines().collect();
        scan(&lines)
    }

    #[test]
    fn drivers_and_firmware_by_pci_address() {
        let f = facts(
            "Aug 21 09:39:38 amnesia kernel: [drm] Initialized i915 1.6.0 20201103 for 0000:00:02.0 on minor 0\n\
             Aug 21 09:39:38 amnesia kernel: iwlwifi 0000:00:14.3: loaded firmware version 77.ddf783da.0 Qu-b0-hr-b0-77.ucode op_mode iwlmvm\n\
             Aug 21 09:39:38 amnesia kernel: iwlwifi 0000:00:14.3 wlp0s20f3: renamed from wlan0\n\
             nov 26 11:16:03 amnesia kernel: rtw_8821ce 0000:02:00.0: firmware: direct-loading firmware rtw88/rtw8821c_fw.bin\n\
             Aug 21 09:39:38 amnesia kernel: brcmfmac 0000:03:00.0: Direct firmware load for brcm/x.bin failed with error -2\n\
             Aug 21 09:39:38 amnesia kernel: pci 0000:04:00.0: [14e4:4365] type 00 class 0x028000 (no driver)\n\
             Aug 21 09:39:38 amnesia kernel: rtl8723be: Using firmware rtlwifi/rtl8723befw_36.bin\n\
             Aug 21 09:39:38 amnesia kernel: b43-phy0 ERROR: Firmware file \"b43/ucode29_mimo.fw\" not found\n",
        );
        assert_eq!(f.pci_drivers["0000:00:02.0"], ["i915"]);
        assert_eq!(f.pci_drivers["0000:00:14.3"], ["iwlwifi"]);
        assert_eq!(
            f.pci_firmware["0000:00:14.3"].loaded.as_deref(),
            Some("iwlwifi-Qu-b0-hr-b0-77.ucode")
        );
        assert_eq!(f.pci_drivers["0000:02:00.0"], ["rtw88_8821ce"]);
        assert_eq!(
            f.pci_firmware["0000:03:00.0"].missing.as_deref(),
            Some("brcm/x.bin")
        );
        assert!(!f.pci_drivers.contains_key("0000:04:00.0"));
        assert_eq!(f.wlan_devices, ["0000:00:14.3"]);
        assert_eq!(
            f.driver_firmware["rtl8723be"].loaded.as_deref(),
            Some("rtlwifi/rtl8723befw_36.bin")
        );
        assert_eq!(
            f.driver_firmware["b43"].missing.as_deref(),
            Some("b43/ucode29_mimo.fw")
        );
    }

    #[test]
    fn boot_stick_chain_from_usb_to_block_device() {
        let f = facts(
            "Aug 21 09:39:36 amnesia kernel: usb 1-7: new high-speed USB device number 3 using xhci_hcd\n\
             Aug 21 09:39:36 amnesia kernel: usb 1-7: New USB device found, idVendor=0781, idProduct=5581, bcdDevice= 1.00\n\
             Aug 21 09:39:36 amnesia kernel: usb 1-7: Product: Ultra\n\
             Aug 21 09:39:36 amnesia kernel: usb 1-7: Manufacturer:  USB\n\
             Aug 21 09:39:36 amnesia kernel: scsi host1: usb-storage 1-7:1.0\n\
             Aug 21 09:39:37 amnesia kernel: scsi 1:0:0:0: Direct-Access     SanDisk  Ultra            1.00 PQ: 0 ANSI: 6\n\
             Aug 21 09:39:37 amnesia kernel: sd 1:0:0:0: [sdb] 58125000 512-byte logical blocks: (29.8 GB/27.7 GiB)\n\
             Aug 21 09:39:37 amnesia kernel: sd 1:0:0:0: [sdb] Attached SCSI removable disk\n\
             Aug 21 09:40:37 amnesia kernel: usb 2-3: New USB device found, idVendor=0984, idProduct=1407, bcdDevice= 1.00\n\
             Aug 21 09:40:37 amnesia kernel: scsi host2: uas\n\
             Aug 21 10:05:44 amnesia kernel: usb 1-7806: reset high-speed USB device number 3521 using xhci_hcd\n",
        );
        let u = &f.usb["1-7"];
        assert_eq!(u.id, Some((0x0781, 0x5581)));
        assert_eq!(u.devnum, Some(3));
        assert_eq!(u.product.as_deref(), Some("Ultra"));
        assert_eq!(u.manufacturer.as_deref(), Some("USB"));
        assert_eq!(f.scsi_hosts[&1], "1-7");
        assert_eq!(f.scsi_hosts[&2], "2-3");
        assert_eq!(
            f.scsi_inquiry[&1],
            ("SanDisk".to_string(), "Ultra".to_string())
        );
        let d = &f.disks["sdb"];
        assert_eq!(d.host, Some(1));
        assert_eq!(d.bytes, Some(58_125_000 * 512));
        assert_eq!(d.removable, Some(true));
        assert!(!f.usb.contains_key("1-7806"));
    }
}
