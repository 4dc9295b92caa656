//! Boot options (what the user added to Tails' kernel command line) and Welcome Screen settings.

use super::journal::JournalFacts;
use super::sections::SectionIndex;
use super::BootOptions;

/// Options of Tails' own boot entries (5.0–6.x), compared by name (`timezone=…` etc.).
const TAILS_OPTIONS: &[&str] = &[
    "BOOT_IMAGE",
    "initrd",
    "boot",
    "config",
    "live-media",
    "nopersistence",
    "noprompt",
    "timezone",
    "splash",
    "noautologin",
    "module",
    "slab_nomerge",
    "slub_debug",
    "mce",
    "vsyscall",
    "init_on_free",
    "mds",
    "page_alloc.shuffle",
    "randomize_kstack_offset",
    "spec_store_bypass_disable",
    "FSUUID",
    "quiet",
];

/// Added by the Troubleshooting Mode entry (not `nomodeset`, see EFI/debian/grub.cfg).
const TROUBLESHOOTING: &[&str] = &["noapic", "noapm", "nodma", "nomce", "nolapic", "nosmp"];

pub(crate) fn extract(index: &SectionIndex<'_>, journal: &JournalFacts) -> BootOptions {
    let cmdline = index
        .value("/proc/cmdline")
        .map(str::to_string)
        .or_else(|| journal.cmdline.clone());
    let mut boot = BootOptions::default();
    if let Some(c) = &cmdline {
        let tokens: Vec<&str> = c.split_whitespace().collect();
        let name = |t: &str| t.split('=').next().unwrap_or(t).to_string();
        boot.troubleshooting_mode = Some(TROUBLESHOOTING.iter().all(|t| tokens.contains(t)));
        boot.live_media_removable = Some(tokens.contains(&"live-media=removable"));
        boot.nomodeset = Some(tokens.contains(&"nomodeset"));
        let troubleshooting = boot.troubleshooting_mode == Some(true);
        boot.added = tokens
            .iter()
            .filter(|t| !TAILS_OPTIONS.contains(&name(t).as_str()))
            .filter(|t| !(troubleshooting && TROUBLESHOOTING.contains(t)))
            .map(|t| (*t).to_string())
            .collect();
    }
    boot.cmdline = cmdline;
    boot.persistence_unlocked = index.find("TailsData_unlocked/persistence.conf").map(|s| {
        index
            .lines(s)
            .first()
            .is_some_and(|l| l.trim() != "Not found")
    });
    boot.mac_spoofing = index
        .value("tails.macspoof")
        .and_then(|v| v.strip_prefix("TAILS_MACSPOOF_ENABLED="))
        .and_then(|v| match v.trim() {
            "true" => Some(true),
            "false" => Some(false),
            _ => None,
        });
    boot
}

#[cfg(test)]
mod tests {
    use super::*;

    fn boot(text: &str) -> BootOptions {
        let lines: Vec<&str> = text.split('\n').collect();
        let index = SectionIndex::build(&lines);
        extract(&index, &JournalFacts::default())
    }

    #[test]
    fn added_options_and_troubleshooting_mode() {
        let b = boot(
            "======= content of /proc/cmdline =======\n\
             BOOT_IMAGE=/live/vmlinuz initrd=/live/initrd.img boot=live config nopersistence noprompt \
             timezone=Etc/UTC splash noautologin module=Tails slab_nomerge slub_debug=FZ mce=0 \
             vsyscall=none init_on_free=1 mds=full,nosmt page_alloc.shuffle=1 randomize_kstack_offset=on \
             noapic noapm nodma nomce nolapic nosmp rtl8723be.fwlps=0 rtl8723be.ips=0\n\n\
             ======= content of /var/lib/live/config/tails.macspoof =======\nTAILS_MACSPOOF_ENABLED=false\n\n\
             ======= content of /live/persistence/TailsData_unlocked/persistence.conf =======\nNot found\n\n",
        );
        assert_eq!(b.added, ["rtl8723be.fwlps=0", "rtl8723be.ips=0"]);
        assert_eq!(b.troubleshooting_mode, Some(true));
        assert_eq!(b.live_media_removable, Some(false));
        assert_eq!(b.nomodeset, Some(false));
        assert_eq!(b.mac_spoofing, Some(false));
        assert_eq!(b.persistence_unlocked, Some(false));
    }

    #[test]
    fn nomodeset_is_an_added_option() {
        let b = boot(
            "======= content of /proc/cmdline =======\n\
             BOOT_IMAGE=/live/vmlinuz boot=live config live-media=removable quiet FSUUID=AB12-CD34 nomodeset\n\n",
        );
        assert_eq!(b.added, ["nomodeset"]);
        assert_eq!(b.nomodeset, Some(true));
        assert_eq!(b.troubleshooting_mode, Some(false));
        assert_eq!(b.live_media_removable, Some(true));
    }
}
