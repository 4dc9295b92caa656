//! WhisperBack reports arriving by mail (the shared samples' PGP/MIME and inline wrappings,
//! encrypted to the sample key): the ticket body is the report, the ticket goes to the queue
//! of the user's language, the facts are stored and readable, the contact is the requestor, a
//! pasted key is learned for them, and nothing is stored twice.

use std::time::SystemTime;

use hushdesk::crypto::pgp::{self, StandardPolicy};
use serde_json::{json, Value};

use crate::both;
use crate::helpers::TestApp;
use crate::openpgp::{first_text, gate, pgp_mime, ticket_of, user_key};
use crate::wb_samples::{language_queues, shared_dir};

fn sample_dir() -> std::path::PathBuf {
    shared_dir().join("testdata/whisperback/sample")
}

fn sample(name: &str) -> Vec<u8> {
    std::fs::read(sample_dir().join(name)).unwrap()
}

fn truth(n: usize) -> Value {
    serde_json::from_slice(&sample(&format!("wb-{n:04}.truth.json"))).unwrap()
}

/// A queue `wb-reports` holding the samples' secret key.
async fn report_queue(app: &TestApp) {
    let (s, v) = app.post("queue", &json!({"Name": "wb-reports"})).await;
    assert_eq!(s, 201, "{v}");
    let key = String::from_utf8(sample("testkey/helpdesk-test.sec.asc")).unwrap();
    let (s, v) = app
        .post("queue/wb-reports/keys", &json!({"armored": key}))
        .await;
    assert_eq!(s, 201, "{v}");
}

async fn ticket_json(app: &TestApp, id: i64) -> Value {
    let (s, t) = app
        .get_json(&format!("ticket/{id}?fields[Queue]=Name"))
        .await;
    assert_eq!(s, 200, "{t}");
    t
}

fn requestors(t: &Value) -> Vec<String> {
    t["Requestor"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_str().unwrap().to_lowercase())
        .collect()
}

async fn ticket_count(app: &TestApp) -> u64 {
    let (s, v) = app.get_json("tickets?query=id>0&per_page=1").await;
    assert_eq!(s, 200, "{v}");
    v["total"].as_u64().unwrap()
}

both!(
    encrypted_samples_by_mail_become_reports,
    |app: TestApp| async move {
        language_queues(&app).await;
        report_queue(&app).await;
        for n in 1..=8 {
            let t = truth(n);
            let want = String::from_utf8(sample(&format!("wb-{n:04}.txt"))).unwrap();
            let raw = sample(&format!("wb-{n:04}.pgpmime.eml"));
            let id = ticket_of(&gate(&app, "wb-reports", "correspond", &raw).await);
            assert_eq!(first_text(&app, id).await, want, "wb-{n:04} body");

            let tk = ticket_json(&app, id).await;
            let lang = t["user_language"].as_str().unwrap();
            let queue = match lang {
                "fr" => "French",
                "de" => "German",
                "es" => "Spanish",
                // General is the English queue.
                "en" => "General",
                _ => "wb-reports",
            };
            assert_eq!(tk["Queue"]["Name"], queue, "wb-{n:04} ({lang})");
            let summary = t["summary"].as_str().unwrap().trim();
            assert_eq!(tk["Subject"], summary, "wb-{n:04}");
            // WhisperBack's From (devnull@tails.boum.org) is nobody; the contact is the requestor.
            let want_req: Vec<String> = t["contact_email"]
                .as_str()
                .map(str::to_lowercase)
                .into_iter()
                .collect();
            assert_eq!(requestors(&tk), want_req, "wb-{n:04}");

            let (s, r) = app.get_json(&format!("ticket/{id}/whisperback")).await;
            assert_eq!(s, 200, "{r}");
            let hex = t["mail_subject"]
                .as_str()
                .unwrap()
                .trim_start_matches("Bug report:")
                .trim();
            assert_eq!(r["report_id"], json!(hex), "wb-{n:04}");
            assert_eq!(r["language"], json!(lang), "wb-{n:04}");
            if t["extractable"]["tails_version"] == true {
                assert_eq!(r["tails_version"], t["tails_version"], "wb-{n:04}");
            }
            assert_eq!(
                r["contact_email"].as_str().map(str::to_lowercase),
                t["contact_email"].as_str().map(str::to_lowercase),
                "wb-{n:04}"
            );
            let gpus: Vec<&str> = r["devices"]
                .as_array()
                .unwrap()
                .iter()
                .filter(|d| d["role"] == "gpu")
                .map(|d| d["key"].as_str().unwrap())
                .collect();
            let want_gpus: Vec<&str> = if t["extractable"]["gpus"] == true {
                t["hardware"]["gpus"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|g| g["pci_id"].as_str().unwrap())
                    .collect()
            } else {
                Vec::new()
            };
            assert_eq!(gpus, want_gpus, "wb-{n:04} GPUs");
            let (s, h) = app
                .get_json(&format!("ticket/{id}/history?fields=Type&per_page=100"))
                .await;
            assert_eq!(s, 200, "{h}");
            assert_eq!(h["items"].as_array().unwrap().len(), 1, "{h}");
        }
        let total = ticket_count(&app).await;
        assert_eq!(total, 8);

        // Exactly once: the same mail again (content hash), and the same report wrapped
        // inline (same report id), add nothing.
        for n in [1, 6] {
            for wrap in ["pgpmime", "inline"] {
                let raw = sample(&format!("wb-{n:04}.{wrap}.eml"));
                let answer = gate(&app, "wb-reports", "correspond", &raw).await;
                ticket_of(&answer);
            }
        }
        assert_eq!(ticket_count(&app).await, 8);
    }
);

both!(
    inline_samples_by_mail_become_reports,
    |app: TestApp| async move {
        report_queue(&app).await;
        for n in 1..=8 {
            let want = String::from_utf8(sample(&format!("wb-{n:04}.txt"))).unwrap();
            let raw = sample(&format!("wb-{n:04}.inline.eml"));
            let id = ticket_of(&gate(&app, "wb-reports", "correspond", &raw).await);
            assert_eq!(first_text(&app, id).await, want, "wb-{n:04} inline body");
            let (s, r) = app.get_json(&format!("ticket/{id}/whisperback")).await;
            assert_eq!(s, 200, "{r}");
            assert_eq!(r["language"], truth(n)["user_language"], "wb-{n:04}");
        }
        assert_eq!(ticket_count(&app).await, 8);
    }
);

/// Sample wb-0022's body ("OpenPGP-Key: included below", Spanish) with real keys pasted in
/// place of its synthetic block, and the `OpenPGP-Key:` line set to `key_line`.
fn report_with_keys(key_line: &str, blocks: &[String]) -> String {
    let body = String::from_utf8(sample("wb-0022.txt")).unwrap();
    let begin = body.find("-----BEGIN PGP PUBLIC KEY BLOCK-----").unwrap();
    let end_marker = "-----END PGP PUBLIC KEY BLOCK-----";
    let end = body.find(end_marker).unwrap() + end_marker.len();
    let body = format!("{}{}{}", &body[..begin], blocks.join("\n"), &body[end..]);
    body.replacen(
        "OpenPGP-Key: included below",
        &format!("OpenPGP-Key: {key_line}"),
        1,
    )
}

fn encrypted_report(subject: &str, body: &str) -> Vec<u8> {
    let recipient =
        pgp::parse_cert(&String::from_utf8(sample("testkey/helpdesk-test.pub.asc")).unwrap())
            .unwrap();
    let inner = format!("Content-Type: text/plain; charset=\"utf-8\"\nMIME-Version: 1.0\n\n{body}");
    let ct = pgp::sign_encrypt(
        &StandardPolicy::new(),
        SystemTime::now(),
        inner.as_bytes(),
        None,
        &[recipient],
    )
    .unwrap();
    pgp_mime("devnull@tails.boum.org", subject, None, &ct)
}

async fn user_fingerprints(app: &TestApp, email: &str) -> Vec<String> {
    let (s, v) = app.get_json(&format!("user/{email}/keys")).await;
    assert_eq!(s, 200, "{v}");
    v["keys"]
        .as_array()
        .unwrap()
        .iter()
        .map(|k| k["fingerprint"].as_str().unwrap().to_owned())
        .collect()
}

both!(
    pasted_key_is_learned_for_the_contact,
    |app: TestApp| async move {
        language_queues(&app).await;
        report_queue(&app).await;
        let contact = "lea5882@tutanota.com";
        let key = user_key("Lea <lea5882@tutanota.com>");
        let body = report_with_keys("included below", &[pgp::armor_public(&key).unwrap()]);
        let id = ticket_of(
            &gate(
                &app,
                "wb-reports",
                "correspond",
                &encrypted_report("Bug report: 22aa", &body),
            )
            .await,
        );
        let tk = ticket_json(&app, id).await;
        assert_eq!(requestors(&tk), vec![contact.to_owned()]);
        assert_eq!(tk["Queue"]["Name"], "Spanish");
        assert_eq!(first_text(&app, id).await, body);
        assert_eq!(
            user_fingerprints(&app, contact).await,
            vec![key.fingerprint().to_hex()]
        );
        let (s, r) = app.get_json(&format!("ticket/{id}/whisperback")).await;
        assert_eq!(s, 200, "{r}");
        assert_eq!(r["report_id"], "22aa");
        assert_eq!(r["openpgp_key"]["kind"], "block", "{r}");

        // `OpenPGP-Key: <fingerprint>` names one of two pasted keys: only that one is learned.
        let contact2 = "lea.two@example.test";
        let other = user_key("Somebody else <else@example.test>");
        let named = user_key("Lea <lea.two@example.test>");
        let body = report_with_keys(
            &named.fingerprint().to_spaced_hex(),
            &[
                pgp::armor_public(&other).unwrap(),
                pgp::armor_public(&named).unwrap(),
            ],
        )
        .replacen("lea5882@tutanota.com", contact2, 1);
        let id2 = ticket_of(
            &gate(
                &app,
                "wb-reports",
                "correspond",
                &encrypted_report("Bug report: 22bb", &body),
            )
            .await,
        );
        assert_ne!(id2, id);
        assert_eq!(requestors(&ticket_json(&app, id2).await), vec![contact2]);
        assert_eq!(
            user_fingerprints(&app, contact2).await,
            vec![named.fingerprint().to_hex()]
        );
        let (_, r) = app.get_json(&format!("ticket/{id2}/whisperback")).await;
        assert_eq!(r["openpgp_key"]["kind"], "fingerprint", "{r}");
    }
);

/// `[openpgp] learn_keys = false`: the report still becomes a ticket for its contact, and no
/// key is learned from it.
async fn keys_not_learned_when_disabled(db: crate::helpers::Db) {
    let app = crate::helpers::spawn_app_with(db, |c| c.openpgp.learn_keys = false).await;
    report_queue(&app).await;
    let key = user_key("Lea <lea5882@tutanota.com>");
    let body = report_with_keys("included below", &[pgp::armor_public(&key).unwrap()]);
    let raw = encrypted_report("Bug report: 22cc", &body);
    let id = ticket_of(&gate(&app, "wb-reports", "correspond", &raw).await);
    assert_eq!(
        requestors(&ticket_json(&app, id).await),
        vec!["lea5882@tutanota.com"]
    );
    assert_eq!(
        user_fingerprints(&app, "lea5882@tutanota.com").await,
        Vec::<String>::new()
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn keys_not_learned_when_disabled_sqlite() {
    keys_not_learned_when_disabled(crate::helpers::Db::Sqlite).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn keys_not_learned_when_disabled_postgres() {
    keys_not_learned_when_disabled(crate::helpers::Db::Postgres).await;
}
