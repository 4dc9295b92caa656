//! Encryption and signature status of one message, as recorded when it arrived (or was sent).
//! Messages that did not travel by mail carry none, and the badge says so.

use hushdesk_api::app::OpenPgpStatus;
use leptos::prelude::*;

/// Badge text and CSS class for a status.
pub fn describe(status: Option<&OpenPgpStatus>) -> (String, &'static str) {
    let Some(s) = status else {
        return ("no OpenPGP data".into(), "pgp-none");
    };
    if s.undecryptable {
        return (
            "encrypted, could not be decrypted (stored as received)".into(),
            "pgp-bad",
        );
    }
    let enc = if s.encrypted {
        "encrypted"
    } else {
        "not encrypted"
    };
    let (sig, class) = match s.signature.as_str() {
        "good" => ("good signature", "pgp-good"),
        "none" => (
            "unsigned",
            if s.encrypted { "pgp-good" } else { "pgp-plain" },
        ),
        "bad" => ("BAD signature", "pgp-bad"),
        "unknown-key" => ("signed, unknown key", "pgp-warn"),
        "expired-key" => ("signed, expired key", "pgp-warn"),
        "revoked-key" => ("signed, REVOKED key", "pgp-bad"),
        "sent-signed" => ("signed by the queue key", "pgp-good"),
        _ => ("signature not checked", "pgp-warn"),
    };
    let signer = s
        .signer
        .as_deref()
        .map(|who| format!(" by {who}"))
        .unwrap_or_default();
    (format!("{enc}, {sig}{signer}"), class)
}

#[component]
pub fn PgpBadge(status: Option<OpenPgpStatus>) -> impl IntoView {
    let (text, class) = describe(status.as_ref());
    view! { <span class=format!("badge {class}") title="OpenPGP status of this message">{text}</span> }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn st(encrypted: bool, signature: &str, signer: Option<&str>) -> OpenPgpStatus {
        OpenPgpStatus {
            encrypted,
            signature: signature.into(),
            signer: signer.map(Into::into),
            undecryptable: false,
        }
    }

    #[test]
    fn absent_data_is_said_plainly() {
        assert_eq!(describe(None), ("no OpenPGP data".into(), "pgp-none"));
    }

    #[test]
    fn statuses_read_as_words() {
        assert_eq!(
            describe(Some(&st(true, "good", Some("ABCD 1234")))),
            ("encrypted, good signature by ABCD 1234".into(), "pgp-good")
        );
        assert_eq!(
            describe(Some(&st(false, "bad", None))),
            ("not encrypted, BAD signature".into(), "pgp-bad")
        );
        assert_eq!(describe(Some(&st(false, "none", None))).1, "pgp-plain");
        assert_eq!(
            describe(Some(&st(true, "sent-signed", None))),
            ("encrypted, signed by the queue key".into(), "pgp-good")
        );
        assert_eq!(describe(Some(&st(false, "revoked-key", None))).1, "pgp-bad");
        let lost = OpenPgpStatus {
            undecryptable: true,
            ..st(true, "none", None)
        };
        assert_eq!(describe(Some(&lost)).1, "pgp-bad");
    }
}
