//! `lspci -nn` lines: `00:02.0 VGA compatible controller [0300]: Intel … [8086:3185] (rev 06)`.

use super::hardware::DeviceId;

#[derive(Debug, Clone, PartialEq)]
pub(crate) struct PciDevice {
    /// `00:02.0` (the journal adds the `0000:` domain).
    pub slot: String,
    pub class_code: String,
    pub class_name: String,
    /// Vendor and device names from the pci.ids of that release (may be just "Device").
    pub name: String,
    pub id: DeviceId,
    pub rev: Option<String>,
}

impl PciDevice {
    pub fn address(&self) -> String {
        if self.slot.len() == 7 {
            format!("0000:{}", self.slot)
        } else {
            self.slot.clone()
        }
    }
}

pub(crate) fn parse_lspci(lines: &[&str]) -> Vec<PciDevice> {
    lines.iter().filter_map(|l| parse_line(l)).collect()
}

fn parse_line(line: &str) -> Option<PciDevice> {
    let line = line.trim_end();
    let (slot, rest) = line.split_once(' ')?;
    if !is_slot(slot) {
        return None;
    }
    // Class: "VGA compatible controller [0300]: "
    let cc_end = rest.find("]: ")?;
    let cc_start = rest[..cc_end].rfind('[')?;
    let class_code = &rest[cc_start + 1..cc_end];
    if class_code.len() != 4 || !class_code.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    let class_name = rest[..cc_start].trim();
    let mut tail = &rest[cc_end + 3..];
    // Optional suffixes, read from the end: " (prog-if 00 [VGA controller])", " (rev 06)".
    let mut rev = None;
    if let Some(i) = tail.rfind(" (rev ") {
        if tail.ends_with(')') {
            rev = Some(tail[i + 6..tail.len() - 1].to_string());
            tail = &tail[..i];
        }
    }
    if let Some(i) = tail.rfind(" (prog-if ") {
        tail = &tail[..i];
    }
    // The id is the last bracket: names can contain brackets too ("GeminiLake [UHD Graphics 600]").
    let tail = tail.strip_suffix(']')?;
    let open = tail.rfind('[')?;
    let id = DeviceId::parse(&tail[open + 1..])?;
    Some(PciDevice {
        slot: slot.to_string(),
        class_code: class_code.to_ascii_lowercase(),
        class_name: class_name.to_string(),
        name: tail[..open].trim().to_string(),
        id,
        rev,
    })
}

/// `00:02.0`, or with a domain `0000:00:02.0`.
fn is_slot(s: &str) -> bool {
    let s = if s.len() == 12 { &s[5..] } else { s };
    let b = s.as_bytes();
    b.len() == 7
        && b[2] == b':'
        && b[5] == b'.'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 2 || i == 5 || c.is_ascii_hexdigit())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lspci_lines_with_brackets_in_names_and_unknown_devices() {
        let devs = parse_lspci(&[
            "00:02.0 VGA compatible controller [0300]: Intel Corporation GeminiLake [UHD Graphics 600] [8086:3185] (rev 06)",
            "01:00.0 3D controller [0302]: NVIDIA Corporation TU117M [GeForce GTX 1650 Mobile / Max-Q] [10de:1f91] (rev a1)",
            "00:01.0 VGA compatible controller [0300]: Device [1234:1111]",
            "garbage",
        ]);
        assert_eq!(devs.len(), 3);
        assert_eq!(devs[0].slot, "00:02.0");
        assert_eq!(devs[0].address(), "0000:00:02.0");
        assert_eq!(devs[0].class_code, "0300");
        assert_eq!(
            devs[0].name,
            "Intel Corporation GeminiLake [UHD Graphics 600]"
        );
        assert_eq!(devs[0].id.to_string(), "8086:3185");
        assert_eq!(devs[0].rev.as_deref(), Some("06"));
        assert_eq!(devs[1].class_code, "0302");
        assert_eq!(devs[1].class_name, "3D controller");
        assert_eq!(devs[2].name, "Device");
        assert_eq!(devs[2].rev, None);
    }
}
