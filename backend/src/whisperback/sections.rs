//! The debugging-info sections (`======= content of KEY =======`) of a report.

use super::decode::Decoded;

const OPEN: &str = "======= content of ";
const CLOSE: &str = " =======";

pub(crate) struct Section<'a> {
    pub key: &'a str,
    /// Content lines: from the line after the marker up to the next marker.
    start: usize,
    end: usize,
}

pub(crate) struct SectionIndex<'a> {
    lines: &'a [&'a str],
    sections: Vec<Section<'a>>,
}

impl<'a> SectionIndex<'a> {
    pub fn build(lines: &'a [&'a str]) -> Self {
        let mut sections: Vec<Section<'a>> = Vec::new();
        for (i, line) in lines.iter().enumerate() {
            // Cheap first-byte test keeps the multi-MB journal scan fast.
            if !line.starts_with('=') {
                continue;
            }
            let Some(key) = line.strip_prefix(OPEN).and_then(|l| l.strip_suffix(CLOSE)) else {
                continue;
            };
            if let Some(prev) = sections.last_mut() {
                prev.end = i;
            }
            sections.push(Section {
                key,
                start: i + 1,
                end: lines.len(),
            });
        }
        Self { lines, sections }
    }

    pub fn first_line(&self) -> Option<usize> {
        self.sections.first().map(|s| s.start - 1)
    }

    pub fn is_empty(&self) -> bool {
        self.sections.is_empty()
    }

    pub fn last(&self) -> Option<&Section<'a>> {
        self.sections.last()
    }

    pub fn keys(&self) -> impl Iterator<Item = &'a str> + '_ {
        self.sections.iter().map(|s| s.key)
    }

    /// Position of the first section whose key contains `needle`.
    pub fn position(&self, needle: &str) -> Option<usize> {
        self.sections.iter().position(|s| s.key.contains(needle))
    }

    /// The first section whose key contains `needle` (paths differ between releases).
    pub fn find(&self, needle: &str) -> Option<&Section<'a>> {
        self.sections.iter().find(|s| s.key.contains(needle))
    }

    pub fn find_by(&self, pred: impl Fn(&str) -> bool) -> Option<&Section<'a>> {
        self.sections.iter().find(|s| pred(s.key))
    }

    /// Content lines without the blank line that separates sections.
    pub fn lines(&self, s: &Section<'a>) -> &'a [&'a str] {
        let mut end = s.end;
        while end > s.start && self.lines[end - 1].is_empty() {
            end -= 1;
        }
        &self.lines[s.start..end]
    }

    /// The single-line value of a section, `None` when empty or "Not found".
    pub fn value(&self, needle: &str) -> Option<&'a str> {
        let s = self.find(needle)?;
        let v = self.lines(s).first()?.trim();
        (!v.is_empty() && v != "Not found").then_some(v)
    }

    /// A complete report ends with the journal (the last section of every era) followed by a
    /// blank line; anything else means the report was cut.
    pub fn is_truncated(&self, decoded: &Decoded) -> bool {
        let Some(last) = self.sections.last() else {
            return !decoded.ends_with_newline && !decoded.text.is_empty();
        };
        !decoded.ends_with_newline || !last.key.contains("journalctl")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sections_split_at_markers_and_keep_their_lines() {
        let text =
            "Subject: x\n\n======= content of /proc/cmdline =======\nBOOT_IMAGE=/live/vmlinuz\n\n\
                    ======= content of /usr/bin/lspci -nn =======\n00:02.0 a\n00:14.0 b\n\n";
        let lines: Vec<&str> = text.split('\n').collect();
        let idx = SectionIndex::build(&lines);
        assert_eq!(
            idx.keys().collect::<Vec<_>>(),
            ["/proc/cmdline", "/usr/bin/lspci -nn"]
        );
        assert_eq!(idx.first_line(), Some(2));
        assert_eq!(idx.value("cmdline"), Some("BOOT_IMAGE=/live/vmlinuz"));
        let lspci = idx.find("lspci").unwrap();
        assert_eq!(idx.lines(lspci), ["00:02.0 a", "00:14.0 b"]);
    }
}
