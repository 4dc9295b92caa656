//! Retention: sealing at rest, policies, purges that leave nothing readable, erasure, abuse
//! flags. Every test runs on SQLite and PostgreSQL with a fixed clock moved by hand.

use std::path::Path;
use std::sync::Arc;

use base64::Engine;
use chrono::{Duration, NaiveDate};
use diesel::prelude::*;
use hushdesk::config::Config;
use hushdesk::domain::clock::{Clock, FixedClock};
use hushdesk::store::schema::{attachments, ticket_keys, tickets, transactions};
use hushdesk::store::{Backend, Store};
use serde_json::{json, Value};

use crate::helpers::{spawn_app_at, Db, TestApp};

pub struct Env {
    pub app: TestApp,
    pub store: Store,
    pub config: Config,
    pub clock: Arc<FixedClock>,
}

impl Env {
    async fn new(db: Db, tweak: impl FnOnce(&mut Config)) -> Self {
        let start = NaiveDate::from_ymd_opt(2026, 1, 5)
            .unwrap()
            .and_hms_opt(9, 0, 0)
            .unwrap();
        let clock = Arc::new(FixedClock::new(start));
        let (app, store, config) = spawn_app_at(
            db,
            |c| {
                c.retention.schedule_minutes = 0;
                tweak(c);
            },
            clock.clone(),
        )
        .await;
        Self {
            app,
            store,
            config,
            clock,
        }
    }

    fn days(&self, n: i64) {
        self.clock.advance(Duration::days(n));
    }

    async fn run(&self, dry_run: bool) -> Value {
        let (s, v) = self
            .app
            .post("retention/run", &json!({"dry_run": dry_run}))
            .await;
        assert_eq!(s, 200, "{v}");
        v
    }

    async fn resolve(&self, id: i64) {
        let (s, v) = self
            .app
            .put(&format!("ticket/{id}"), &json!({"Status": "resolved"}))
            .await;
        assert_eq!(s, 200, "{v}");
    }

    async fn ticket(&self, subject: &str, body: &str, requestor: &str) -> i64 {
        let (s, v) = self
            .app
            .post(
                "ticket",
                &json!({"Queue": "General", "Subject": subject, "Content": body, "Requestor": requestor}),
            )
            .await;
        assert_eq!(s, 201, "{v}");
        v["id"].as_str().unwrap().parse().unwrap()
    }

    /// The ticket's first message body as REST 2.0 shows it ("" once purged).
    async fn body(&self, id: i64) -> String {
        let (s, list) = self
            .app
            .get_json(&format!(
                "ticket/{id}/attachments?fields=ContentType,Filename"
            ))
            .await;
        assert_eq!(s, 200, "{list}");
        let items = list["items"].as_array().cloned().unwrap_or_default();
        let Some(first) = items.iter().find(|a| {
            a["ContentType"] == "text/plain" && a["Filename"].as_str().unwrap_or("").is_empty()
        }) else {
            return String::new();
        };
        let aid = first["id"]
            .as_str()
            .map(str::to_owned)
            .unwrap_or_else(|| first["id"].to_string());
        let (s, a) = self.app.get_json(&format!("attachment/{aid}")).await;
        assert_eq!(s, 200, "{a}");
        let b64: String = a["Content"]
            .as_str()
            .unwrap()
            .chars()
            .filter(|c| *c != '\n')
            .collect();
        String::from_utf8(
            base64::engine::general_purpose::STANDARD
                .decode(b64)
                .unwrap(),
        )
        .unwrap()
    }

    /// Imports a fresh public key whose user id names `who`.
    async fn add_key(&self, who: &str) {
        let cert = hushdesk::crypto::pgp::generate(
            &format!("Someone <{who}>"),
            hushdesk::crypto::pgp::CipherSuite::Cv25519,
            std::time::SystemTime::now() - std::time::Duration::from_secs(60),
            None,
        )
        .unwrap();
        let armored = hushdesk::crypto::pgp::armor_public(&cert).unwrap();
        let (s, v) = self
            .app
            .post(&format!("user/{who}/keys"), &json!({ "armored": armored }))
            .await;
        assert_eq!(s, 201, "{v}");
    }

    /// The user ids of every stored OpenPGP key, oldest first.
    fn key_owners(&self) -> Vec<String> {
        use hushdesk::store::schema::openpgp_keys;
        openpgp_keys::table
            .order(openpgp_keys::id)
            .select(openpgp_keys::user_ids)
            .load(&mut *self.store.conn().unwrap())
            .unwrap()
    }

    /// (ticket id, queue, status, created day) of every ticket: what statistics count.
    fn skeleton(&self) -> Vec<(i64, i64, String, String)> {
        let mut conn = self.store.conn().unwrap();
        let rows: Vec<(i64, i64, String, chrono::NaiveDateTime)> = tickets::table
            .order(tickets::id)
            .select((
                tickets::id,
                tickets::queue_id,
                tickets::status,
                tickets::created,
            ))
            .load(&mut *conn)
            .unwrap();
        rows.into_iter()
            .map(|(i, q, s, c)| (i, q, s, c.date().to_string()))
            .collect()
    }
}

macro_rules! both_env {
    ($name:ident, $tweak:expr, $body:expr) => {
        mod $name {
            use super::*;
            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn sqlite() {
                let env = Env::new(Db::Sqlite, $tweak).await;
                ($body)(env).await;
            }
            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn postgres() {
                let env = Env::new(Db::Postgres, $tweak).await;
                ($body)(env).await;
            }
        }
    };
}

/// (attachment id, content, sealed by, transaction id) as stored.
type SealedRow = (i64, Option<Vec<u8>>, Option<i64>, i64);

fn contains(hay: &[u8], needle: &str) -> bool {
    hay.windows(needle.len()).any(|w| w == needle.as_bytes())
}

/// Every file under `dir` that contains one of `needles`, with the needle.
fn scan(dir: &Path, needles: &[&str]) -> Vec<String> {
    let mut hits = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else {
                let bytes = std::fs::read(&p).unwrap();
                for n in needles {
                    if contains(&bytes, n) {
                        hits.push(format!("{} in {}", n, p.display()));
                    }
                }
            }
        }
    }
    hits
}

both_env!(
    content_is_sealed_at_rest_and_read_everywhere,
    |_c: &mut Config| {},
    |env: Env| async move {
        let id = env
            .ticket(
                "Sealed subject",
                "sealed-body-canary-7731",
                "sam@example.org",
            )
            .await;
        // REST 2.0 history and attachment, REST 1.0 and OTRS all read the plaintext.
        assert_eq!(env.body(id).await, "sealed-body-canary-7731");
        let r = env
            .app
            .client
            .get(env.app.base.replace(
                "/REST/2.0",
                &format!("/REST/1.0/ticket/{id}/history?format=l"),
            ))
            .basic_auth("root", Some(crate::helpers::ADMIN_PASSWORD))
            .send()
            .await
            .unwrap();
        assert!(r.text().await.unwrap().contains("sealed-body-canary-7731"));
        // Full-text search still finds it (indexed before sealing).
        let (s, found) = env
            .app
            .get_json("tickets?query=Content LIKE 'sealed-body-canary-7731'")
            .await;
        assert_eq!(s, 200, "{found}");
        assert_eq!(found["count"], 1, "{found}");

        let mut conn = env.store.conn().unwrap();
        let rows: Vec<(Option<Vec<u8>>, Option<i64>)> = attachments::table
            .select((attachments::content, attachments::sealed_by))
            .load(&mut *conn)
            .unwrap();
        assert!(!rows.is_empty());
        for (content, sealed_by) in &rows {
            assert_eq!(*sealed_by, Some(id));
            let c = content.as_ref().unwrap();
            assert!(!contains(c, "sealed-body-canary"), "plaintext at rest");
        }
        let keys: i64 = ticket_keys::table.count().get_result(&mut *conn).unwrap();
        assert_eq!(keys, 1);
    }
);

both_env!(
    purge_shreds_the_key_so_an_old_copy_cannot_be_opened,
    |_c: &mut Config| {},
    |env: Env| async move {
        let id = env
            .ticket("Backup me", "shred-canary-5521", "bo@example.org")
            .await;
        let keep = env
            .ticket("Keep me", "keep-canary-1187", "kim@example.org")
            .await;
        env.resolve(id).await;

        // "Backup": every sealed row and wrapped key as they are before the purge.
        let mut conn = env.store.conn().unwrap();
        let copy: Vec<SealedRow> = attachments::table
            .inner_join(transactions::table)
            .filter(transactions::object_id.eq(id))
            .select((
                attachments::id,
                attachments::content,
                attachments::sealed_by,
                attachments::transaction_id,
            ))
            .load(&mut *conn)
            .unwrap();
        let sealer = env.store.sealer().unwrap().clone();
        let aad = |txn| hushdesk::sealing::attachment_aad(id, txn);
        let (_, sealed, _, txn) = copy.iter().find(|r| r.1.is_some()).unwrap().clone();
        let sealed = sealed.unwrap();
        // Before the purge the live key store opens the copy.
        let key = hushdesk::store::ticket_keys::get(&mut conn, &sealer, id)
            .unwrap()
            .unwrap();
        assert_eq!(key.open(&aad(txn), &sealed).unwrap(), b"shred-canary-5521");
        drop(conn);
        let file_copy = match env.store.backend() {
            Backend::Sqlite => {
                env.store.flush_deleted().unwrap();
                let db = env.config.database_url.trim_start_matches("sqlite://");
                let dest = format!("{db}.backup");
                std::fs::copy(db, &dest).unwrap();
                Some(dest)
            }
            Backend::Postgres => None,
        };

        env.days(91);
        let receipt = env.run(false).await;
        assert_eq!(receipt["counts"]["keys_destroyed"], 1, "{receipt}");

        // The live key store no longer has the ticket's key: the copy stays sealed.
        let mut conn = env.store.conn().unwrap();
        assert!(hushdesk::store::ticket_keys::get(&mut conn, &sealer, id)
            .unwrap()
            .is_none());
        assert!(hushdesk::store::ticket_keys::get(&mut conn, &sealer, keep)
            .unwrap()
            .is_some());
        // Another ticket's key cannot open it either.
        let other = hushdesk::store::ticket_keys::get(&mut conn, &sealer, keep)
            .unwrap()
            .unwrap();
        assert!(other.open(&aad(txn), &sealed).is_err());
        if let Some(path) = file_copy {
            // The copied database file: its sealed rows, opened with the live key store.
            let mut old = diesel::sqlite::SqliteConnection::establish(&path).unwrap();
            let rows: Vec<(Option<Vec<u8>>, Option<i64>, i64)> = attachments::table
                .filter(attachments::sealed_by.eq(id))
                .select((
                    attachments::content,
                    attachments::sealed_by,
                    attachments::transaction_id,
                ))
                .load(&mut old)
                .unwrap();
            assert!(!rows.is_empty());
            for (content, _, txn) in rows {
                let content = content.unwrap();
                assert!(!contains(&content, "shred-canary"));
                assert!(hushdesk::store::ticket_keys::get(&mut conn, &sealer, id)
                    .unwrap()
                    .is_none());
                assert!(other.open(&aad(txn), &content).is_err());
            }
        }
        // The kept ticket still reads; the purged one reads as empty.
        assert_eq!(env.body(keep).await, "keep-canary-1187");
        assert_eq!(env.body(id).await, "");
    }
);

both_env!(
    purge_follows_the_policy_and_keeps_statistics,
    |_c: &mut Config| {},
    |env: Env| async move {
        let done = env.ticket("Old case", "old body", "olga@example.org").await;
        let open = env
            .ticket("Open case", "open body", "otto@example.org")
            .await;
        env.resolve(done).await;
        env.add_key("olga@example.org").await;
        env.add_key("otto@example.org").await;
        let before = env.skeleton();

        // Defaults: identity after 30 days, bodies after 90 (from resolution).
        let (s, p) = env.app.get_json("queue/General/retention").await;
        assert_eq!(s, 200, "{p}");
        let rule = |p: &Value, k: &str| {
            p["rules"]
                .as_array()
                .unwrap()
                .iter()
                .find(|r| r["kind"] == k)
                .cloned()
                .unwrap()
        };
        assert_eq!(rule(&p, "requester_identity")["max_age_days"], 30);
        assert_eq!(rule(&p, "bodies")["max_age_days"], 90);
        assert_eq!(rule(&p, "bodies")["source"], "default");

        env.days(31);
        let dry = env.run(true).await;
        assert_eq!(dry["dry_run"], true);
        assert_eq!(dry["counts"]["tickets"]["requester_identity"], 1, "{dry}");
        let (_, t) = env.app.get_json(&format!("ticket/{done}")).await;
        assert_eq!(
            t["Requestor"][0]["id"], "olga@example.org",
            "dry run changed data"
        );

        let r = env.run(false).await;
        assert_eq!(r["counts"]["tickets"]["requester_identity"], 1, "{r}");
        assert!(r["counts"]["tickets"].get("bodies").is_none(), "{r}");
        let (_, t) = env.app.get_json(&format!("ticket/{done}")).await;
        assert_eq!(t["Requestor"][0]["id"], "hushdesk-anonymous");
        assert_eq!(env.body(done).await, "old body");
        let (_, t) = env.app.get_json(&format!("ticket/{open}")).await;
        assert_eq!(t["Requestor"][0]["id"], "otto@example.org");
        let (s, _) = env.app.get_json("user/olga@example.org").await;
        assert_eq!(s, 404, "the requester's user was not blanked");
        // Her key named her: it went with her identity; Otto's stays.
        assert_eq!(r["counts"]["openpgp_keys_removed"], 1, "{r}");
        assert_eq!(env.key_owners(), vec!["Someone <otto@example.org>"]);

        // A second run finds nothing new.
        let again = env.run(false).await;
        assert_eq!(again["counts"]["tickets"], json!({}), "{again}");

        // The API shortens bodies for this queue to 40 days.
        let (s, p) = env
            .app
            .put(
                "queue/General/retention",
                &json!({"rules": [{"kind": "bodies", "max_age_days": 40}]}),
            )
            .await;
        assert_eq!(s, 200, "{p}");
        assert_eq!(rule(&p, "bodies")["source"], "api");
        env.days(10);
        let r = env.run(false).await;
        assert_eq!(r["counts"]["tickets"]["bodies"], 1, "{r}");
        assert_eq!(env.body(done).await, "");
        let (_, t) = env.app.get_json(&format!("ticket/{done}")).await;
        assert_eq!(t["Subject"], "");
        assert_eq!(env.body(open).await, "open body");
        assert_eq!(env.skeleton(), before, "statistics changed");

        // Receipts: readable, numbers only.
        let (s, list) = env.app.get_json("retention/receipts").await;
        assert_eq!(s, 200);
        assert_eq!(list["total"], 4);
        let text = list.to_string();
        for secret in ["olga", "Old case", "old body"] {
            assert!(!text.contains(secret), "receipt mentions {secret}");
        }
        let first = list["items"][0]["id"].as_i64().unwrap();
        let (s, one) = env
            .app
            .get_json(&format!("retention/receipt/{first}"))
            .await;
        assert_eq!(s, 200);
        assert_eq!(one["trigger"], "api");
        assert_eq!(one["policy"][0]["queue"], "General");
        let (s, _) = env.app.get_json("retention/receipt/99999").await;
        assert_eq!(s, 404);

        // Bad input.
        let (s, e) = env
            .app
            .put(
                "queue/General/retention",
                &json!({"rules": [{"kind": "everything", "max_age_days": 1}]}),
            )
            .await;
        assert_eq!(s, 400);
        assert!(e["message"].as_str().unwrap().contains("everything"));
        let (s, _) = env
            .app
            .put(
                "queue/General/retention",
                &json!({"rules": [{"kind": "bodies", "counted_from": "birth"}]}),
            )
            .await;
        assert_eq!(s, 400);
        let (s, _) = env
            .app
            .put(
                "queue/Nope/retention",
                &json!({"rules": [{"kind": "bodies"}]}),
            )
            .await;
        assert_eq!(s, 404);
        env.app
            .user_with_rights("helper", None, &["ShowTicket"])
            .await;
        let (s, _) = env.app.get_as("helper", "retention/receipts").await;
        assert_eq!(s, 403);
        let (s, _) = env.app.get_as("helper", "queue/General/retention").await;
        assert_eq!(s, 403);
    }
);

both_env!(
    metadata_purge_keeps_the_skeleton,
    |c: &mut Config| {
        c.retention.default.metadata = Some(hushdesk::retention::RuleConfig {
            max_age_days: Some(5),
            counted_from: hushdesk::domain::retention::CountedFrom::LastActivity,
        });
    },
    |env: Env| async move {
        let a = env.ticket("Skeleton", "bones", "sk@example.org").await;
        let _b = env.ticket("Another", "more bones", "sk@example.org").await;
        env.resolve(a).await;
        let before = env.skeleton();
        env.days(6);
        let r = env.run(false).await;
        assert_eq!(r["counts"]["tickets"]["metadata"], 2, "{r}");
        assert!(
            r["counts"]["transactions_removed"].as_u64().unwrap() >= 3,
            "{r}"
        );
        assert_eq!(env.skeleton(), before);
        let (s, t) = env.app.get_json(&format!("ticket/{a}")).await;
        assert_eq!(s, 200);
        assert_eq!(t["Status"], "resolved");
        assert_eq!(t["Requestor"], json!([]));
        let (_, h) = env.app.get_json(&format!("ticket/{a}/history")).await;
        assert_eq!(h["count"], 0, "{h}");
    }
);

const CANARIES: [&str; 4] = [
    "CanarySubjectQ7x",
    "canarybodyzq81",
    "canaryfilekp42",
    "canary.requester.v9@example.org",
];

both_env!(
    purge_leaves_no_canary_anywhere,
    |c: &mut Config| {
        c.retention.default.requester_identity = Some(hushdesk::retention::RuleConfig {
            max_age_days: Some(1),
            ..Default::default()
        });
        c.retention.default.bodies = Some(hushdesk::retention::RuleConfig {
            max_age_days: Some(1),
            ..Default::default()
        });
    },
    |env: Env| async move {
        let file = base64::engine::general_purpose::STANDARD
            .encode(format!("attached text {} end", CANARIES[2]));
        let (s, v) = env
            .app
            .post(
                "ticket",
                &json!({"Queue": "General", "Subject": CANARIES[0],
                        "Content": format!("Hello {} there", CANARIES[1]),
                        "Requestor": CANARIES[3],
                        "Attachments": [{"FileName": "notes.txt", "FileType": "text/plain", "FileContent": file}]}),
            )
            .await;
        assert_eq!(s, 201, "{v}");
        let id: i64 = v["id"].as_str().unwrap().parse().unwrap();
        let (s, _) = env
            .app
            .post(
                &format!("ticket/{id}/correspond"),
                &json!({"Content": format!("reply about {}", CANARIES[1]), "Subject": CANARIES[0]}),
            )
            .await;
        assert_eq!(s, 201);
        let other = env
            .ticket("Unrelated", "unrelated words", "else@example.org")
            .await;
        env.resolve(id).await;

        let data_dir = env.config.data_dir();
        if env.store.backend() == Backend::Sqlite {
            // The scan can see plaintext: subject and address are in the files before the purge.
            env.store.flush_deleted().unwrap();
            let hits = scan(&data_dir, &CANARIES);
            assert!(hits.iter().any(|h| h.starts_with(CANARIES[0])), "{hits:?}");
            assert!(hits.iter().any(|h| h.starts_with(CANARIES[3])), "{hits:?}");
        }

        env.days(2);
        let r = env.run(false).await;
        assert_eq!(r["counts"]["tickets"]["bodies"], 1, "{r}");
        assert!(
            r["counts"]["index_entries_removed"].as_u64().unwrap() >= 3,
            "{r}"
        );

        match env.store.backend() {
            Backend::Sqlite => {
                let hits = scan(&data_dir, &CANARIES);
                assert!(hits.is_empty(), "readable after purge: {hits:?}");
            }
            Backend::Postgres => {
                // PostgreSQL's files are not ours to scan; every table is asked instead.
                let mut conn = env.store.conn().unwrap();
                for c in CANARIES {
                    let n: i64 = diesel::sql_query(format!(
                        "SELECT count(*) AS n FROM ( \
                           SELECT subject AS t FROM tickets UNION ALL \
                           SELECT coalesce(email_address, '') || name || real_name FROM users UNION ALL \
                           SELECT subject || filename || headers || coalesce(encode(content, 'escape'), '') FROM attachments UNION ALL \
                           SELECT coalesce(data, '') || coalesce(old_value, '') || coalesce(new_value, '') FROM transactions UNION ALL \
                           SELECT body::text FROM attachment_fts \
                         ) x WHERE lower(t) LIKE lower('%{c}%')"
                    ))
                    .get_result::<Count>(&mut *conn)
                    .unwrap()
                    .n;
                    assert_eq!(n, 0, "{c} still readable through SQL");
                }
            }
        }
        // Search no longer finds the ticket; the unrelated one is untouched.
        let (_, found) = env
            .app
            .get_json(&format!("tickets?query=Content LIKE '{}'", CANARIES[1]))
            .await;
        assert_eq!(found["count"], 0, "{found}");
        assert_eq!(env.body(other).await, "unrelated words");
    }
);

#[derive(QueryableByName)]
struct Count {
    #[diesel(sql_type = diesel::sql_types::BigInt)]
    n: i64,
}

both_env!(
    erasure_removes_one_requester,
    |_c: &mut Config| {},
    |env: Env| async move {
        let a1 = env
            .ticket("Eve first", "eve body one", "eve@example.org")
            .await;
        let a2 = env
            .ticket("Eve second", "eve body two", "Eve@Example.org")
            .await;
        let b = env.ticket("Bob case", "bob body", "bob@example.org").await;
        // Their public keys name them in their user ids.
        env.add_key("eve@example.org").await;
        env.add_key("bob@example.org").await;
        assert_eq!(
            env.key_owners(),
            vec!["Someone <eve@example.org>", "Someone <bob@example.org>"]
        );
        let before = env.skeleton();
        let (s, r) = env
            .app
            .post("retention/erase", &json!({"email": "eve@example.org"}))
            .await;
        assert_eq!(s, 200, "{r}");
        assert_eq!(r["trigger"], "erasure");
        assert_eq!(r["counts"]["tickets"]["bodies"], 2, "{r}");
        assert_eq!(r["counts"]["openpgp_keys_removed"], 1, "{r}");
        assert_eq!(env.key_owners(), vec!["Someone <bob@example.org>"]);
        let handles: i64 = hushdesk::store::schema::openpgp_key_handles::table
            .count()
            .get_result(&mut *env.store.conn().unwrap())
            .unwrap();
        assert_eq!(
            handles, 6,
            "only Bob's three keys, each by fingerprint and key id"
        );
        assert!(!r.to_string().contains("eve"), "{r}");
        for id in [a1, a2] {
            let (_, t) = env.app.get_json(&format!("ticket/{id}")).await;
            assert_eq!(t["Requestor"][0]["id"], "hushdesk-anonymous");
            assert_eq!(t["Subject"], "");
            assert_eq!(env.body(id).await, "");
        }
        let (_, t) = env.app.get_json(&format!("ticket/{b}")).await;
        assert_eq!(t["Requestor"][0]["id"], "bob@example.org");
        assert_eq!(env.body(b).await, "bob body");
        assert_eq!(env.skeleton(), before);
        let (s, _) = env.app.get_json("user/eve@example.org").await;
        assert_eq!(s, 404);

        // Unknown and malformed addresses, and supporters, are clear errors.
        let (s, e) = env
            .app
            .post("retention/erase", &json!({"email": "eve@example.org"}))
            .await;
        assert_eq!(s, 404, "{e}");
        let (s, _) = env
            .app
            .post("retention/erase", &json!({"email": "not an address"}))
            .await;
        assert_eq!(s, 400);
        env.app
            .user_with_rights("agent", None, &["ShowTicket"])
            .await;
        let (s, _) = env
            .app
            .post("retention/erase", &json!({"email": "agent@example.test"}))
            .await;
        assert_eq!(s, 400);

        // The command line does the same.
        let c = env.ticket("Carol", "carol body", "carol@example.org").await;
        let line = hushdesk::cli::retention::erase(
            &env.store,
            &env.config,
            env.clock.as_ref(),
            "carol@example.org",
        )
        .unwrap();
        assert!(line.contains("\"erasure\""), "{line}");
        assert_eq!(env.body(c).await, "");
    }
);

both_env!(
    abuse_flags_follow_marks_rules_and_expire,
    |c: &mut Config| {
        c.retention.abuse.rules = vec![hushdesk::retention::abuse::ContentRule {
            pattern: r"cheap\s+pills".into(),
            weight: 10,
        }];
        c.retention.abuse.rate_limit = 2;
        c.retention.abuse.rate_weight = 3;
    },
    |env: Env| async move {
        let m = env
            .ticket("hello", "a question", "mallory@example.org")
            .await;
        let (_, t) = env.app.get_json(&format!("ticket/{m}")).await;
        assert_eq!(t["AbuseFlag"], false);
        let (s, r) = env
            .app
            .post(&format!("ticket/{m}/abusive"), &json!({}))
            .await;
        assert_eq!(s, 200, "{r}");
        assert_eq!(r, json!({"marked": 1, "flagged": false}));
        let (_, r) = env
            .app
            .post(&format!("ticket/{m}/abusive"), &json!({}))
            .await;
        assert_eq!(r["flagged"], true);
        let later = env.ticket("again", "hi", "Mallory+x@example.org").await;
        let (_, t) = env.app.get_json(&format!("ticket/{later}")).await;
        assert_eq!(t["AbuseFlag"], true, "normalised address not matched");
        let (s, _) = env.app.post("ticket/99999/abusive", &json!({})).await;
        assert_eq!(s, 404);

        // Content rule: one matching ticket reaches the threshold.
        let p = env
            .ticket("offer", "Buy CHEAP   pills now", "spam@example.org")
            .await;
        let (_, t) = env.app.get_json(&format!("ticket/{p}")).await;
        assert_eq!(t["AbuseFlag"], true);
        let fine = env
            .ticket("question", "my laptop", "fine@example.org")
            .await;
        let (_, t) = env.app.get_json(&format!("ticket/{fine}")).await;
        assert_eq!(t["AbuseFlag"], false);
        // The app's views and ticket page carry the same flag.
        let (s, v) = env.app.get_json("hushdesk/view/unowned?per_page=200").await;
        assert_eq!(s, 200, "{v}");
        let flag_of = |id: i64| {
            v["items"]
                .as_array()
                .unwrap()
                .iter()
                .find(|t| t["id"] == id)
                .map(|t| t["abuse_flag"].clone())
        };
        assert_eq!(flag_of(p), Some(json!(true)), "{v}");
        assert_eq!(flag_of(later), Some(json!(true)), "{v}");
        assert_eq!(flag_of(fine), Some(json!(false)), "{v}");
        let (_, page) = env.app.get_json(&format!("hushdesk/ticket/{p}")).await;
        assert_eq!(page["ticket"]["abuse_flag"], true, "{page}");
        let (_, page) = env.app.get_json(&format!("hushdesk/ticket/{fine}")).await;
        assert_eq!(page["ticket"]["abuse_flag"], false, "{page}");

        // Rate: tickets beyond the limit add up (2 free, then 3 each: 4 more → 12).
        let mut last = 0;
        for i in 0..6 {
            last = env
                .ticket(&format!("rate {i}"), "x", "rapid@example.org")
                .await;
        }
        let (_, t) = env.app.get_json(&format!("ticket/{last}")).await;
        assert_eq!(t["AbuseFlag"], true);

        // No address is stored, only keyed hashes.
        let mut conn = env.store.conn().unwrap();
        let hashes: Vec<String> = hushdesk::store::schema::abuse_signals::table
            .select(hushdesk::store::schema::abuse_signals::requester_hash)
            .load(&mut *conn)
            .unwrap();
        assert!(!hashes.is_empty());
        assert!(hashes.iter().all(|h| h.len() == 64 && !h.contains('@')));
        drop(conn);

        // Signals expire after 30 days; the purge deletes them.
        env.days(31);
        let (_, t) = env.app.get_json(&format!("ticket/{m}")).await;
        assert_eq!(t["AbuseFlag"], false);
        let r = env.run(false).await;
        assert!(
            r["counts"]["abuse_signals_removed"].as_u64().unwrap() >= 10,
            "{r}"
        );
    }
);

both_env!(
    schedule_runs_purges_inside_the_server,
    |_c: &mut Config| {},
    |env: Env| async move {
        let id = env.ticket("Scheduled", "body", "sched@example.org").await;
        env.resolve(id).await;
        env.days(31);
        let handle = hushdesk::retention::schedule::spawn(
            env.store.clone(),
            env.config.retention.clone(),
            hushdesk::retention::Reach::from_config(&env.config),
            env.clock.clone(),
            std::time::Duration::from_millis(200),
        );
        let mut seen = Value::Null;
        for _ in 0..50 {
            tokio::time::sleep(std::time::Duration::from_millis(100)).await;
            let (_, list) = env.app.get_json("retention/receipts").await;
            if list["total"].as_i64().unwrap_or(0) >= 2 {
                seen = list;
                break;
            }
        }
        handle.abort();
        let items = seen["items"].as_array().expect("no scheduled receipts");
        assert!(items.iter().all(|r| r["trigger"] == "schedule"));
        let purged: u64 = items
            .iter()
            .filter_map(|r| r["counts"]["tickets"]["requester_identity"].as_u64())
            .sum();
        assert_eq!(purged, 1);
        assert_eq!(env.clock.now().date().to_string(), "2026-02-05");
    }
);

/// The content of a ticket's attachment named like `prefix*` through REST 2.0 ("" once purged).
async fn attachment_text(app: &TestApp, ticket: i64, prefix: &str) -> String {
    let (s, list) = app
        .get_json(&format!("ticket/{ticket}/attachments?fields=Filename"))
        .await;
    assert_eq!(s, 200, "{list}");
    let items = list["items"].as_array().cloned().unwrap_or_default();
    let a = items
        .iter()
        .find(|a| a["Filename"].as_str().unwrap_or("").starts_with(prefix))
        .unwrap_or_else(|| panic!("no {prefix}* attachment in {list}"));
    let aid = a["id"]
        .as_str()
        .map(str::to_owned)
        .unwrap_or_else(|| a["id"].to_string());
    let (s, a) = app.get_json(&format!("attachment/{aid}")).await;
    assert_eq!(s, 200, "{a}");
    let b64: String = a["Content"]
        .as_str()
        .unwrap_or("")
        .chars()
        .filter(|c| *c != '\n')
        .collect();
    String::from_utf8_lossy(
        &base64::engine::general_purpose::STANDARD
            .decode(b64)
            .unwrap(),
    )
    .into_owned()
}

/// What the hardware pages and the dashboard show: these must not change with a purge.
async fn hardware_figures(app: &TestApp, gpu: &str, version: &str, issue: i64) -> Value {
    let mut out = serde_json::Map::new();
    for path in [
        "hardware/export?format=json".to_owned(),
        "hardware/top-failing?limit=500".to_owned(),
        format!("hardware/worked?kind=pci&key={gpu}&version={version}"),
        format!("known-issue/{issue}"),
        "known-issues/top".to_owned(),
        "dashboard/whisperback".to_owned(),
    ] {
        let (s, mut v) = app.get_json(&path).await;
        assert_eq!(s, 200, "{path}: {v}");
        if let Some(o) = v.as_object_mut() {
            o.remove("last_updated");
        }
        out.insert(path, v);
    }
    let (s, d) = app
        .get_json(&format!("hardware/device?kind=pci&key={gpu}"))
        .await;
    assert_eq!(s, 200, "{d}");
    out.insert(
        "device".into(),
        json!([d["name"], d["roles"], d["versions"]]),
    );
    Value::Object(out)
}

both_env!(
    purging_whisperback_logs_and_hardware_facts_keeps_outcome_counts,
    |_c: &mut Config| {},
    |env: Env| async move {
        use crate::wb_samples::{known_issue, link, post_report, samples};
        use hushdesk::store::schema::wb_report_devices;
        let app = &env.app;
        let issue = known_issue(app, "Intel GPU: GDM error", &["gpu"]).await;
        let mut tickets = Vec::new();
        let mut gpu = None;
        for s in samples()
            .into_iter()
            .filter(|s| s.label() == "graphics-intel-gdm-error")
        {
            let (st, v) = post_report(app, &s.body, Some(s.subject())).await;
            assert_eq!(st, 201, "{}: {v}", s.name);
            let t = v["ticket"].as_i64().unwrap();
            link(app, issue, t).await;
            env.resolve(t).await;
            if gpu.is_none() && s.has_debug_info() && !s.gpus().is_empty() {
                gpu = Some((s.gpus()[0].clone(), s.version().to_owned()));
            }
            tickets.push(t);
        }
        assert_eq!(tickets.len(), 10);
        let (gpu, version) = gpu.unwrap();
        let device_rows: i64 = {
            let mut conn = env.store.conn().unwrap();
            wb_report_devices::table
                .count()
                .get_result(&mut *conn)
                .unwrap()
        };
        assert!(device_rows >= 10, "{device_rows}");
        let before = hardware_figures(app, &gpu, &version, issue).await;
        let failing = &before["hardware/top-failing?limit=500"]["items"];
        assert!(
            failing
                .as_array()
                .unwrap()
                .iter()
                .any(|d| d["key"] == gpu.as_str() && d["fails"].as_i64().unwrap() > 0),
            "{failing}"
        );
        assert_eq!(before[&format!("known-issue/{issue}")]["tickets"], 10);
        let (s, r) = app
            .get_json(&format!("hardware/reports?kind=pci&key={gpu}"))
            .await;
        assert_eq!(s, 200);
        assert!(!r["items"].as_array().unwrap().is_empty(), "{r}");
        let with_logs: Vec<String> = {
            let mut out = Vec::new();
            for t in &tickets {
                out.push(attachment_text(app, *t, "whisperback-").await);
            }
            out
        };
        assert!(with_logs.iter().all(|t| !t.is_empty()));
        let (_, report) = app
            .get_json(&format!("ticket/{}/whisperback", tickets[0]))
            .await;
        assert!(report["facts"]["hardware"].is_object(), "{report}");

        // Only logs and hardware facts are due: identities and bodies stay.
        let (s, p) = app
            .put(
                "queue/General/retention",
                &json!({"rules": [
                    {"kind": "requester_identity"}, {"kind": "bodies"},
                    {"kind": "whisperback_logs", "max_age_days": 1},
                    {"kind": "hardware_facts", "max_age_days": 1}
                ]}),
            )
            .await;
        assert_eq!(s, 200, "{p}");
        env.days(2);
        let r = env.run(false).await;
        assert_eq!(r["counts"]["tickets"]["whisperback_logs"], 10, "{r}");
        assert_eq!(r["counts"]["tickets"]["hardware_facts"], 10, "{r}");
        assert_eq!(r["counts"]["whisperback_logs_removed"], 10, "{r}");
        assert_eq!(r["counts"]["hardware_facts_removed"], device_rows, "{r}");

        // The debugging logs are gone: the raw reports and the log-derived facts.
        for t in &tickets {
            assert_eq!(
                attachment_text(app, *t, "whisperback-").await,
                "",
                "ticket {t}"
            );
            let (s, w) = app.get_json(&format!("ticket/{t}/whisperback")).await;
            assert_eq!(s, 200, "{w}");
            for gone in ["sections", "hardware", "boot"] {
                assert!(w["facts"].get(gone).is_none(), "{gone} kept: {w}");
            }
            assert_eq!(w["devices"], json!([]));
            assert!(w["machine_key"].is_null(), "{w}");
            assert!(w["bug_specific"]["details"].is_null(), "{w}");
        }
        {
            let mut conn = env.store.conn().unwrap();
            let left: Vec<Option<Vec<u8>>> = attachments::table
                .filter(attachments::filename.like("whisperback-%"))
                .select(attachments::content)
                .load(&mut *conn)
                .unwrap();
            assert_eq!(left.len(), 10);
            assert!(left.iter().all(Option::is_none));
            let n: i64 = wb_report_devices::table
                .count()
                .get_result(&mut *conn)
                .unwrap();
            assert_eq!(n, 0);
        }
        // No report mentions the device any more, but its outcomes, the top failing devices,
        // the export, the dashboard and the issue's counts are what they were.
        let (s, r) = app
            .get_json(&format!("hardware/reports?kind=pci&key={gpu}"))
            .await;
        assert_eq!(s, 200);
        assert_eq!(r["items"], json!([]), "{r}");
        let after = hardware_figures(app, &gpu, &version, issue).await;
        assert_eq!(after, before);
        // The user's message itself is another kind of data: still there.
        let (s, page) = app
            .get_json(&format!("hushdesk/ticket/{}", tickets[0]))
            .await;
        assert_eq!(s, 200);
        assert_eq!(page["history"][0]["type"], "Create");

        // A second run finds nothing and counts nothing twice.
        let again = env.run(false).await;
        assert_eq!(again["counts"]["tickets"], json!({}), "{again}");
        assert_eq!(hardware_figures(app, &gpu, &version, issue).await, before);
    }
);

both_env!(
    purges_keep_known_issue_requestor_counts,
    |_c: &mut Config| {},
    |env: Env| async move {
        use crate::wb_samples::{known_issue, link};
        let app = &env.app;
        let issue = known_issue(app, "Tor Browser does not start", &[]).await;
        // Three requestors; only the live ticket of the first stays identified.
        let mut purged = Vec::new();
        for (n, who) in ["ana@example.org", "bo@example.org", "cy@example.org"]
            .iter()
            .enumerate()
        {
            let t = env
                .ticket(&format!("Browser {n}"), "It will not start.", who)
                .await;
            link(app, issue, t).await;
            env.resolve(t).await;
            purged.push(t);
        }
        let live = env
            .ticket("Browser again", "Still broken.", "ana@example.org")
            .await;
        link(app, issue, live).await;
        let counts = |v: &Value| (v["tickets"].clone(), v["requestors"].clone());
        let top = || async {
            let (s, v) = app.get_json("known-issues/top").await;
            assert_eq!(s, 200, "{v}");
            let item = v["items"]
                .as_array()
                .unwrap()
                .iter()
                .find(|i| i["id"] == issue)
                .cloned()
                .unwrap_or_else(|| panic!("issue {issue} not ranked: {v}"));
            counts(&item)
        };
        let (s, before) = app.get_json(&format!("known-issue/{issue}")).await;
        assert_eq!(s, 200, "{before}");
        assert_eq!(counts(&before), (json!(4), json!(3)), "{before}");
        assert_eq!(top().await, (json!(4), json!(3)));

        // Identities go: the purged tickets' requestors become the anonymous user.
        let rules = |metadata: Value| {
            json!({"rules": [
                {"kind": "requester_identity", "max_age_days": 1}, {"kind": "bodies"},
                {"kind": "whisperback_logs"}, {"kind": "hardware_facts"},
                {"kind": "metadata", "max_age_days": metadata}
            ]})
        };
        let (s, p) = app
            .put("queue/General/retention", &rules(Value::Null))
            .await;
        assert_eq!(s, 200, "{p}");
        env.days(2);
        let r = env.run(false).await;
        assert_eq!(r["counts"]["tickets"]["requester_identity"], 3, "{r}");
        let (_, t) = app.get_json(&format!("ticket/{}", purged[1])).await;
        assert!(!t.to_string().contains("bo@example.org"), "{t}");
        let (_, after) = app.get_json(&format!("known-issue/{issue}")).await;
        assert_eq!(counts(&after), (json!(4), json!(3)), "{after}");
        assert_eq!(top().await, (json!(4), json!(3)));

        // Then the metadata: watchers are deleted outright; the counts still hold.
        let (s, p) = app.put("queue/General/retention", &rules(json!(3))).await;
        assert_eq!(s, 200, "{p}");
        env.days(2);
        let r = env.run(false).await;
        assert_eq!(r["counts"]["tickets"]["metadata"], 3, "{r}");
        let (_, after) = app.get_json(&format!("known-issue/{issue}")).await;
        assert_eq!(counts(&after), (json!(4), json!(3)), "{after}");
        assert_eq!(top().await, (json!(4), json!(3)));

        // The pseudonyms stored hold no address and differ per requestor.
        let tokens: Vec<String> = {
            use hushdesk::store::schema::known_issue_tickets as kit;
            let mut conn = env.store.conn().unwrap();
            kit::table
                .filter(kit::ticket_id.eq_any(&purged))
                .order(kit::ticket_id)
                .select(kit::requestor_tokens)
                .load(&mut *conn)
                .unwrap()
        };
        assert_eq!(tokens.len(), 3);
        assert!(
            tokens.iter().all(|t| t.len() == 16 && !t.contains('@')),
            "{tokens:?}"
        );
        assert_ne!(tokens[0], tokens[1]);
        // Another requestor's new ticket counts once more.
        let fresh = env.ticket("Browser new", "Same.", "di@example.org").await;
        link(app, issue, fresh).await;
        let (_, now) = app.get_json(&format!("known-issue/{issue}")).await;
        assert_eq!(counts(&now), (json!(5), json!(4)), "{now}");
    }
);

both_env!(
    a_foreign_master_key_refuses_to_start,
    |_| {},
    |env: Env| async move {
        let id = env
            .ticket("Keys", "sealed under the first key", "keys@example.net")
            .await;
        assert_eq!(env.body(id).await, "sealed under the first key");
        let sealed: i64 = ticket_keys::table
            .count()
            .get_result(&mut *env.store.conn().unwrap())
            .unwrap();
        assert!(sealed >= 1, "{sealed}");

        // Started from elsewhere, with no key there: refused, and no new key is left behind.
        let elsewhere = tempfile::tempdir().unwrap();
        let moved = Config {
            data_dir: Some(elsewhere.path().to_path_buf()),
            ..env.config.clone()
        };
        let key_path = elsewhere.path().join("sealing.key");
        let err = format!(
            "{:#}",
            hushdesk::open_store(&moved, env.clock.as_ref())
                .err()
                .expect("a missing key must be refused")
        );
        assert!(
            err.contains(&format!("no master key file at {}", key_path.display())),
            "{err}"
        );
        assert!(err.contains("already holds sealed content"), "{err}");
        assert!(!key_path.exists());

        // Another desk's key there: it does not open this database's ticket keys.
        std::fs::write(&key_path, "22".repeat(32)).unwrap();
        let err = format!(
            "{:#}",
            hushdesk::open_store(&moved, env.clock.as_ref())
                .err()
                .expect("a foreign key must be refused")
        );
        assert!(
            err.contains("does not open this database's ticket keys"),
            "{err}"
        );
        assert!(err.contains(&key_path.display().to_string()), "{err}");

        // The same through [sealing] master_key: the message names the setting.
        let mut inline = env.config.clone();
        inline.sealing.master_key = Some("11".repeat(32));
        let err = hushdesk::open_store(&inline, env.clock.as_ref())
            .err()
            .expect("a foreign key must be refused")
            .to_string();
        assert!(err.contains("[sealing] master_key"), "{err}");

        // The right directory still opens, and the content reads back.
        let again = hushdesk::open_store(&env.config, env.clock.as_ref()).unwrap();
        drop(again);
        assert_eq!(env.body(id).await, "sealed under the first key");
    }
);
