//! `lsusb --verbose --tree` (topology, classes, drivers, usb.ids names) and `lsusb --verbose`
//! (separate vendor/product names and descriptor strings, from 5.15).

use super::hardware::DeviceId;

/// One device of the tree, its interfaces merged.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct TreeDevice {
    /// Kernel path, e.g. `2-4` or `1-1.3`.
    pub path: String,
    pub bus: u32,
    pub devnum: u32,
    pub id: Option<DeviceId>,
    /// usb.ids vendor and product names as printed after the id.
    pub name: Option<String>,
    pub speed: String,
    /// (class, driver) per interface; an unbound interface has an empty driver.
    pub interfaces: Vec<(String, String)>,
}

impl TreeDevice {
    pub fn has_class(&self, class: &str) -> bool {
        self.interfaces.iter().any(|(c, _)| c == class)
    }

    pub fn drivers(&self) -> impl Iterator<Item = &str> {
        self.interfaces.iter().map(|(_, d)| d.as_str())
    }
}

pub(crate) fn parse_tree(lines: &[&str]) -> Vec<TreeDevice> {
    let mut out: Vec<TreeDevice> = Vec::new();
    let mut bus = 0u32;
    // (column of "|__", port) of the ancestors of the current line.
    let mut stack: Vec<(usize, u32)> = Vec::new();
    let mut last: Option<usize> = None;
    for line in lines {
        if let Some(rest) = line.strip_prefix("/:  Bus ") {
            // "/:  Bus 02.Port 1: Dev 1, Class=root_hub, …"
            bus = rest
                .split(['.', ':'])
                .next()
                .and_then(|b| b.trim().parse().ok())
                .unwrap_or(0);
            stack.clear();
            last = None;
            continue;
        }
        if let Some(col) = line.find("|__ ") {
            let Some(iface) = parse_interface(&line[col + 4..]) else {
                last = None;
                continue;
            };
            while stack.last().is_some_and(|(c, _)| *c >= col) {
                stack.pop();
            }
            stack.push((col, iface.port));
            let path = format!(
                "{bus}-{}",
                stack
                    .iter()
                    .map(|(_, p)| p.to_string())
                    .collect::<Vec<_>>()
                    .join(".")
            );
            let existing = out
                .iter()
                .position(|d| d.bus == bus && d.devnum == iface.dev && d.path == path);
            let i = existing.unwrap_or_else(|| {
                out.push(TreeDevice {
                    path,
                    bus,
                    devnum: iface.dev,
                    id: None,
                    name: None,
                    speed: iface.speed.clone(),
                    interfaces: Vec::new(),
                });
                out.len() - 1
            });
            out[i].interfaces.push((iface.class, iface.driver));
            last = Some(i);
            continue;
        }
        if let (Some(i), Some(rest)) = (last, line.trim_start().strip_prefix("ID ")) {
            let (id, name) = rest.split_once(' ').unwrap_or((rest, ""));
            let d = &mut out[i];
            if d.id.is_none() {
                d.id = DeviceId::parse(id);
                let name = name.trim();
                d.name = (!name.is_empty()).then(|| name.to_string());
            }
        }
    }
    out
}

struct Interface {
    port: u32,
    dev: u32,
    class: String,
    driver: String,
    speed: String,
}

/// "Port 7: Dev 3, If 0, Class=Mass Storage, Driver=usb-storage, 480M"
fn parse_interface(s: &str) -> Option<Interface> {
    let rest = s.strip_prefix("Port ")?;
    let (port, rest) = rest.split_once(": Dev ")?;
    let (dev, rest) = rest.split_once(", ")?;
    let class_at = rest.find("Class=")? + 6;
    let driver_at = rest.find(", Driver=")?;
    let class = rest.get(class_at..driver_at)?.trim();
    let after = &rest[driver_at + 9..];
    let (driver, speed) = after.rsplit_once(", ").unwrap_or((after, ""));
    // Hubs print "hub/4p".
    let driver = driver.split('/').next().unwrap_or("");
    Some(Interface {
        port: port.trim().parse().ok()?,
        dev: dev.trim().parse().ok()?,
        class: class.to_string(),
        driver: driver.trim().to_string(),
        speed: speed.trim().to_string(),
    })
}

/// Names and strings of one device in `lsusb --verbose`.
#[derive(Debug, Default, Clone, PartialEq)]
pub(crate) struct VerboseDevice {
    pub bus: u32,
    pub devnum: u32,
    pub vendor_name: Option<String>,
    pub product_name: Option<String>,
    pub manufacturer: Option<String>,
    pub product: Option<String>,
}

pub(crate) fn parse_verbose(lines: &[&str]) -> Vec<VerboseDevice> {
    let mut out: Vec<VerboseDevice> = Vec::new();
    for line in lines {
        if let Some(rest) = line.strip_prefix("Bus ") {
            // "Bus 001 Device 003: ID 0781:5581 SanDisk Corp. Ultra"
            let mut it = rest.split_whitespace();
            let bus = it.next().and_then(|b| b.parse().ok());
            let dev = it.nth(1).and_then(|d| d.trim_end_matches(':').parse().ok());
            if let (Some(bus), Some(devnum)) = (bus, dev) {
                out.push(VerboseDevice {
                    bus,
                    devnum,
                    ..VerboseDevice::default()
                });
            }
            continue;
        }
        let Some(d) = out.last_mut() else {
            continue;
        };
        // Only the device descriptor's own fields (two-space indent).
        let Some(field) = line.strip_prefix("  ").filter(|l| !l.starts_with(' ')) else {
            continue;
        };
        if let Some(v) = field.strip_prefix("idVendor") {
            d.vendor_name = name_after_hex(v);
        } else if let Some(v) = field.strip_prefix("idProduct") {
            d.product_name = name_after_hex(v);
        } else if let Some(v) = field.strip_prefix("iManufacturer") {
            d.manufacturer = string_descriptor(v);
        } else if let Some(v) = field.strip_prefix("iProduct") {
            d.product = string_descriptor(v);
        }
    }
    out
}

/// "           0x0781 SanDisk Corp." → "SanDisk Corp."
fn name_after_hex(v: &str) -> Option<String> {
    let v = v.trim_start();
    let (_, name) = v.split_once(' ')?;
    let name = name.trim();
    (!name.is_empty()).then(|| name.to_string())
}

/// "           1 SanDisk" → "SanDisk"; index 0 means no string.
fn string_descriptor(v: &str) -> Option<String> {
    let v = v.trim_start();
    let (idx, s) = v.split_once(' ').unwrap_or((v, ""));
    let s = s.trim();
    (idx != "0" && !s.is_empty()).then(|| s.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tree_paths_follow_nesting_and_ids_follow_interfaces() {
        let tree = parse_tree(&[
            "/:  Bus 02.Port 1: Dev 1, Class=root_hub, Driver=xhci_hcd/6p, 10000M",
            "    ID 1d6b:0003 Linux Foundation 3.0 root hub",
            "/:  Bus 01.Port 1: Dev 1, Class=root_hub, Driver=ehci-pci/2p, 480M",
            "    ID 1d6b:0002 Linux Foundation 2.0 root hub",
            "    |__ Port 1: Dev 2, If 0, Class=Hub, Driver=hub/6p, 480M",
            "        ID 8087:0024 Intel Corp. Integrated Rate Matching Hub",
            "        |__ Port 3: Dev 4, If 0, Class=Vendor Specific Class, Driver=, 480M",
            "            ID 0bda:b812 Realtek Semiconductor Corp. RTL88x2bu [AC1200 Techkey]",
            "    |__ Port 7: Dev 3, If 0, Class=Mass Storage, Driver=usb-storage, 480M",
            "        ID 13fe:5500  ",
        ]);
        assert_eq!(tree.len(), 3);
        assert_eq!(tree[0].path, "1-1");
        assert_eq!(tree[0].interfaces, [("Hub".to_string(), "hub".to_string())]);
        assert_eq!(tree[1].path, "1-1.3");
        assert_eq!(
            tree[1].id.map(|i| i.to_string()).as_deref(),
            Some("0bda:b812")
        );
        assert_eq!(tree[1].interfaces[0].1, "");
        assert_eq!(
            tree[1].name.as_deref(),
            Some("Realtek Semiconductor Corp. RTL88x2bu [AC1200 Techkey]")
        );
        assert_eq!(tree[2].path, "1-7");
        assert_eq!(tree[2].devnum, 3);
        assert_eq!(tree[2].name, None);
        assert!(tree[2].has_class("Mass Storage"));
    }

    #[test]
    fn verbose_names_and_strings() {
        let v = parse_verbose(&[
            "Bus 001 Device 003: ID 0781:5581 SanDisk Corp. Ultra",
            "Device Descriptor:",
            "  idVendor           0x0781 SanDisk Corp.",
            "  idProduct          0x5581 Ultra",
            "  iManufacturer           1 SanDisk",
            "  iProduct                2 Ultra",
            "  iSerial                 3 [SN REMOVED]",
            "    iConfiguration          0 ",
            "Bus 001 Device 002: ID 13fe:5500  ",
            "  idVendor           0x13fe ",
            "  iManufacturer           0 ",
        ]);
        assert_eq!(v.len(), 2);
        assert_eq!((v[0].bus, v[0].devnum), (1, 3));
        assert_eq!(v[0].vendor_name.as_deref(), Some("SanDisk Corp."));
        assert_eq!(v[0].product_name.as_deref(), Some("Ultra"));
        assert_eq!(v[0].manufacturer.as_deref(), Some("SanDisk"));
        assert_eq!(v[1].vendor_name, None);
        assert_eq!(v[1].manufacturer, None);
    }
}
