//! The full-text index on each implementation: the database's own (SQLite FTS5, PostgreSQL
//! tsvector) and a real Sonic server. The Sonic variants are `#[ignore]`d for runs by hand
//! without Sonic; scripts/test.sh starts Sonic and runs them with `--run-ignored only`, and
//! they fail when HUSHDESK_TEST_SONIC is missing.

use base64::Engine;
use hushdesk::config::Config;
use hushdesk::search::SearchBackend;
use serde_json::{json, Value};

use crate::helpers::{spawn_app_with, Db, TestApp};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Index {
    Database,
    Sonic,
}

/// Points `config` at the test Sonic, in a collection of its own (tests share the server).
pub fn use_sonic(c: &mut Config) {
    let addr = std::env::var("HUSHDESK_TEST_SONIC").expect(
        "HUSHDESK_TEST_SONIC (host:port of a Sonic server) must be set for the Sonic tests; \
         scripts/test.sh starts one and sets it",
    );
    c.search.backend = SearchBackend::Sonic;
    c.search.sonic_address = addr;
    c.search.sonic_password =
        std::env::var("HUSHDESK_TEST_SONIC_PASSWORD").unwrap_or_else(|_| "SecretPassword".into());
    c.search.sonic_collection = format!("t{}", hushdesk::auth::random_hex(6));
    c.search.sonic_query_limit = 1000;
}

/// The app on `db` with `index`; also returns the configuration it runs with.
pub async fn spawn(db: Db, index: Index) -> (TestApp, Config) {
    let mut seen = Config::default();
    let app = spawn_app_with(db, |c| {
        if index == Index::Sonic {
            use_sonic(c);
        }
        seen = c.clone();
    })
    .await;
    (app, seen)
}

macro_rules! each_index {
    ($name:ident, $body:expr) => {
        mod $name {
            use super::*;
            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn sqlite_database() {
                ($body)(Db::Sqlite, Index::Database).await;
            }
            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn postgres_database() {
                ($body)(Db::Postgres, Index::Database).await;
            }
            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            #[ignore = "needs Sonic: HUSHDESK_TEST_SONIC=host:port (scripts/test.sh runs it)"]
            async fn sqlite_sonic() {
                ($body)(Db::Sqlite, Index::Sonic).await;
            }
            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            #[ignore = "needs Sonic: HUSHDESK_TEST_SONIC=host:port (scripts/test.sh runs it)"]
            async fn postgres_sonic() {
                ($body)(Db::Postgres, Index::Sonic).await;
            }
        }
    };
}

fn enc(s: &str) -> String {
    url::form_urlencoded::byte_serialize(s.as_bytes()).collect()
}

/// Ids the search endpoint returns for `q` (plus extra parameters), asserting a 200.
async fn found(app: &TestApp, q: &str, extra: &str) -> Vec<i64> {
    let (s, v) = app.get_json(&format!("search?q={}{extra}", enc(q))).await;
    assert_eq!(s, 200, "{q}: {v}");
    v["items"]
        .as_array()
        .expect("items")
        .iter()
        .map(|i| i["id"].as_i64().expect("id"))
        .collect()
}

/// Ids TicketSQL `Content LIKE` returns.
async fn content_like(app: &TestApp, words: &str) -> Vec<i64> {
    let (s, v) = app
        .get_json(&format!(
            "tickets?query={}",
            enc(&format!("Content LIKE '{words}'"))
        ))
        .await;
    assert_eq!(s, 200, "{words}: {v}");
    v["items"]
        .as_array()
        .expect("items")
        .iter()
        .map(|i| i["id"].as_str().and_then(|x| x.parse().ok()).expect("id"))
        .collect()
}

async fn create(app: &TestApp, queue: &str, subject: &str, content: &str) -> i64 {
    let (s, v) = app
        .post(
            "ticket",
            &json!({"Queue": queue, "Subject": subject, "Content": content, "Requestor": "user@example.test"}),
        )
        .await;
    assert_eq!(s, 201, "{v}");
    v["id"].as_str().and_then(|x| x.parse().ok()).expect("id")
}

each_index!(follows_every_write, |db, index| async move {
    let (app, _) = spawn(db, index).await;
    let other = create(&app, "General", "Printer jams", "The printer jams daily").await;
    let t = create(
        &app,
        "General",
        "Laptop report",
        "My laptop freezes at boot",
    )
    .await;
    assert_eq!(found(&app, "laptop freezes", "").await, vec![t]);
    assert_eq!(content_like(&app, "laptop freezes").await, vec![t]);

    let (s, v) = app
        .post(
            &format!("ticket/{t}/correspond"),
            &json!({"Content": "Does the realtek card show up?"}),
        )
        .await;
    assert_eq!(s, 201, "{v}");
    assert_eq!(found(&app, "realtek", "").await, vec![t]);

    let (s, v) = app
        .post(
            &format!("ticket/{t}/comment"),
            &json!({"Content": "Internal: probably the rtl8821ce driver"}),
        )
        .await;
    assert_eq!(s, 201, "{v}");
    assert_eq!(content_like(&app, "rtl8821ce").await, vec![t]);

    // HTML is reduced to text: words in markup or link targets are not indexed.
    let (s, v) = app
        .post(
            &format!("ticket/{t}/correspond"),
            &json!({"Content": "<p>Try the <b>backports</b> kernel, see <a href=\"https://hiddenhost.example/x\">this page</a></p>", "ContentType": "text/html"}),
        )
        .await;
    assert_eq!(s, 201, "{v}");
    assert_eq!(found(&app, "backports", "").await, vec![t]);
    assert_eq!(found(&app, "hiddenhost", "").await, Vec::<i64>::new());

    // Text attachments are indexed, binary ones are not.
    let log =
        base64::engine::general_purpose::STANDARD.encode(b"dmesg: iwlwifi firmware failed to load");
    let bin = base64::engine::general_purpose::STANDARD.encode(b"binaryblobword \x00\x01");
    let (s, v) = app
        .post(
            &format!("ticket/{t}/comment"),
            &json!({"Content": "logs attached", "Attachments": [
                {"FileName": "dmesg.txt", "FileType": "text/plain", "FileContent": log},
                {"FileName": "blob.bin", "FileType": "application/octet-stream", "FileContent": bin}]}),
        )
        .await;
    assert_eq!(s, 201, "{v}");
    assert_eq!(found(&app, "iwlwifi", "").await, vec![t]);
    assert_eq!(found(&app, "binaryblobword", "").await, Vec::<i64>::new());

    // A subject change replaces the old subject.
    let (s, v) = app
        .put(
            &format!("ticket/{t}"),
            &json!({"Subject": "Wifi adapter missing"}),
        )
        .await;
    assert_eq!(s, 200, "{v}");
    assert_eq!(found(&app, "adapter", "").await, vec![t]);
    assert_eq!(found(&app, "report", "").await, Vec::<i64>::new());
    assert_eq!(found(&app, "printer", "").await, vec![other]);
    assert_eq!(content_like(&app, "daily").await, vec![other]);
});

each_index!(snippets_filters_and_rights, |db, index| async move {
    let (app, _) = spawn(db, index).await;
    let (s, v) = app
        .post("queue", &json!({"Name": "Francais", "Language": "fr"}))
        .await;
    assert_eq!(s, 201, "{v}");
    let en = create(
        &app,
        "General",
        "Boot problem",
        "Hello, the Realtek card works but the Realtek driver crashes after suspend.",
    )
    .await;
    let fr = create(
        &app,
        "Francais",
        "Carte wifi",
        "Bonjour, ma carte Realtek ne fonctionne pas.",
    )
    .await;

    let (s, v) = app.get_json("search?q=realtek%20driver").await;
    assert_eq!(s, 200, "{v}");
    assert_eq!(v["total"], json!(1));
    let hit = &v["items"][0];
    assert_eq!(hit["id"], json!(en));
    assert_eq!(hit["queue"], json!("General"));
    assert_eq!(hit["language"], json!("en"));
    let marked: Vec<&str> = hit["snippet"]
        .as_array()
        .expect("snippet")
        .iter()
        .filter(|p| p["highlight"] == json!(true))
        .map(|p| p["text"].as_str().expect("text"))
        .collect();
    assert_eq!(marked, vec!["Realtek", "Realtek", "driver"]);
    let whole: String = hit["snippet"]
        .as_array()
        .expect("snippet")
        .iter()
        .map(|p| p["text"].as_str().expect("text"))
        .collect();
    assert!(
        whole.contains("card works but the Realtek driver crashes"),
        "{whole}"
    );

    assert_eq!(found(&app, "realtek", "").await, vec![fr, en]);
    assert_eq!(found(&app, "realtek", "&queue=Francais").await, vec![fr]);
    assert_eq!(found(&app, "realtek", "&language=en").await, vec![en]);
    assert_eq!(found(&app, "realtek", "&status=new").await, vec![fr, en]);
    assert_eq!(
        found(&app, "realtek", "&status=open,resolved").await,
        Vec::<i64>::new()
    );
    assert_eq!(
        found(&app, "realtek", "&from=2000-01-01&to=2999-12-31").await,
        vec![fr, en]
    );
    assert_eq!(
        found(&app, "realtek", "&to=2001-01-01").await,
        Vec::<i64>::new()
    );
    assert_eq!(found(&app, "realtek", "&per_page=1&page=2").await, vec![en]);

    // Rights: a supporter of General only sees General's ticket.
    app.user_with_rights("gen", Some("General"), &["ShowTicket", "SeeQueue"])
        .await;
    let (s, v) = app.get_as("gen", "search?q=realtek").await;
    assert_eq!(s, 200, "{v}");
    let ids: Vec<i64> = v["items"]
        .as_array()
        .expect("items")
        .iter()
        .map(|i| i["id"].as_i64().expect("id"))
        .collect();
    assert_eq!(ids, vec![en]);
    assert_eq!(v["total"], json!(1));

    for (bad, why) in [
        ("search?q=%20%21", "word"),
        ("search?q=x&from=yesterday", "from"),
        ("search?q=x&language=EN'", "language"),
        ("search?q=x&queue=Nope", "queue"),
        ("search?q=x&per_page=0", "per_page"),
        ("search?q=x&page=abc", "Invalid query"),
        ("search", "Invalid query"),
    ] {
        let (s, v) = app.get_json(bad).await;
        assert_eq!(s, 400, "{bad}: {v}");
        assert!(
            v["message"].as_str().unwrap_or("").contains(why),
            "{bad}: {v}"
        );
    }
    let r = app
        .client
        .get(app.url("search?q=realtek"))
        .send()
        .await
        .expect("request");
    assert_eq!(r.status().as_u16(), 401);
});

each_index!(
    deleted_and_purged_tickets_leave_the_index,
    |db, index| async move {
        let (app, config) = spawn(db, index).await;
        let keep = create(&app, "General", "Keep", "a ticket with zqxkeepword").await;
        let gone = create(&app, "General", "Canary", "canary word zqxcanary here").await;
        assert_eq!(found(&app, "zqxcanary", "").await, vec![gone]);
        let (s, v) = app
            .send(
                reqwest::Method::DELETE,
                &format!("ticket/{gone}"),
                &json!({}),
            )
            .await;
        assert_eq!(s, 204, "{v}");
        assert_eq!(
            found(&app, "zqxcanary", "&status=deleted").await,
            Vec::<i64>::new()
        );
        assert_eq!(content_like(&app, "zqxcanary").await, Vec::<i64>::new());

        // Purge (the retention job's call): straight out of the index, at once.
        let purged = create(&app, "General", "Purge me", "second canary zqxpurged").await;
        assert_eq!(found(&app, "zqxpurged", "").await, vec![purged]);
        let store =
            hushdesk::open_store(&config, &hushdesk::domain::clock::SystemClock).expect("store");
        let idx = hushdesk::search::open(&config.search);
        store
            .write_blocking(|conn| hushdesk::search::remove_ticket(conn, idx.as_ref(), purged))
            .expect("remove");
        assert_eq!(found(&app, "zqxpurged", "").await, Vec::<i64>::new());
        assert_eq!(content_like(&app, "zqxpurged").await, Vec::<i64>::new());

        // A full rebuild brings back what is stored, and not what was deleted.
        let n = hushdesk::search::reindex(&store, idx.as_ref(), &mut |_, _| {}).expect("reindex");
        assert!(n >= 3, "{n}");
        assert_eq!(found(&app, "zqxkeepword", "").await, vec![keep]);
        assert_eq!(
            found(&app, "zqxcanary", "&status=deleted").await,
            Vec::<i64>::new()
        );
    }
);

/// Stemming: English queues stem on both database indexes.
mod stemming {
    use super::*;

    async fn run(db: Db) {
        let (app, _) = spawn(db, Index::Database).await;
        let t = create(
            &app,
            "General",
            "Crash",
            "The installer keeps crashing on startup",
        )
        .await;
        assert_eq!(found(&app, "crashes", "").await, vec![t]);
        assert_eq!(content_like(&app, "crashed").await, vec![t]);
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn sqlite() {
        run(Db::Sqlite).await;
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn postgres() {
        run(Db::Postgres).await;
    }
}

/// A Sonic that does not answer: searches say 503, writes still succeed and stay queued.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn unreachable_index_is_503_and_loses_nothing() {
    let app = spawn_app_with(Db::Sqlite, |c| {
        c.search.backend = SearchBackend::Sonic;
        c.search.sonic_address = "127.0.0.1:9".into();
    })
    .await;
    let t = create(
        &app,
        "General",
        "Still stored",
        "text while the index is down",
    )
    .await;
    let (s, v) = app.get_json(&format!("ticket/{t}")).await;
    assert_eq!(s, 200, "{v}");
    let (s, v) = app.get_json("search?q=stored").await;
    assert_eq!(s, 503, "{v}");
    assert!(
        v["message"]
            .as_str()
            .unwrap_or("")
            .contains("search server"),
        "{v}"
    );
    let (s, _): (u16, Value) = app
        .get_json(&format!("tickets?query={}", enc("Content LIKE 'stored'")))
        .await;
    assert_eq!(s, 503);
}

/// Tickets a raw Sonic query returns (no checking against the stored text): what Sonic
/// itself still holds for `word`.
fn sonic_objects(config: &Config, word: &str) -> Vec<String> {
    use sonic_channel::{Dest, QueryRequest, SearchChannel, SonicChannel};
    let ch = SearchChannel::start(
        config.search.sonic_address.as_str(),
        &config.search.sonic_password,
    )
    .expect("sonic search channel");
    ch.query(QueryRequest::new(
        Dest::col_buc(&config.search.sonic_collection, "tickets"),
        word,
    ))
    .expect("sonic query")
}

/// Mail in through RT's gateway; returns the ticket id.
async fn mail_in(app: &TestApp, queue: &str, message: &str) -> i64 {
    let url = format!(
        "{}/REST/1.0/NoAuth/mail-gateway",
        app.base.trim_end_matches("/REST/2.0")
    );
    let form = reqwest::multipart::Form::new()
        .text("queue", queue.to_owned())
        .text("action", "correspond")
        .part(
            "message",
            reqwest::multipart::Part::bytes(message.as_bytes().to_vec())
                .file_name("msg")
                .mime_str("application/octet-stream")
                .expect("mime"),
        );
    let r = app
        .client
        .post(url)
        .multipart(form)
        .send()
        .await
        .expect("gate");
    assert_eq!(r.status().as_u16(), 200);
    let body = r.text().await.expect("body");
    body.lines()
        .find_map(|l| l.strip_prefix("Ticket: "))
        .and_then(|t| t.parse().ok())
        .unwrap_or_else(|| panic!("no ticket in {body}"))
}

each_index!(
    language_tails_version_and_hardware_filters,
    |db, index| async move {
        use crate::wb_samples::{language_queues, post_report, samples};
        let (app, _) = spawn(db, index).await;
        language_queues(&app).await;
        // French mail to the English General queue: the ticket's language is French.
        let mail = mail_in(
            &app,
            "General",
            "From: marie@example.test\nSubject: ordinateur\nMessage-ID: <fr-search@x>\n\
             Content-Type: text/plain; charset=utf-8\n\nBonjour, mon ordinateur ne démarre plus \
             depuis la mise à jour de Tails. Pouvez-vous m'aider, s'il vous plaît ? Je ne \
             comprends pas pourquoi la clé ne fonctionne plus.\n",
        )
        .await;
        let rest = create(
            &app,
            "General",
            "Tails question",
            "Does Tails start on my laptop?",
        )
        .await;
        let all = samples();
        let mut wb = std::collections::BTreeMap::new();
        for name in ["wb-0001", "wb-0007", "wb-0008", "wb-0009"] {
            let s = all.iter().find(|s| s.name == name).expect("sample");
            let (status, v) = post_report(&app, &s.body, Some(s.subject())).await;
            assert_eq!(status, 201, "{name}: {v}");
            wb.insert(name, v["ticket"].as_i64().expect("ticket"));
        }
        let (w1, w7, w8, w9) = (wb["wb-0001"], wb["wb-0007"], wb["wb-0008"], wb["wb-0009"]);

        assert_eq!(
            found(&app, "tails", "").await,
            vec![w9, w8, w7, w1, rest, mail]
        );
        let (s, v) = app.get_json("search?q=tails&per_page=100").await;
        assert_eq!(s, 200, "{v}");
        let languages: Vec<(i64, &str)> = v["items"]
            .as_array()
            .expect("items")
            .iter()
            .map(|i| {
                (
                    i["id"].as_i64().expect("id"),
                    i["language"].as_str().expect("language"),
                )
            })
            .collect();
        assert_eq!(
            languages,
            vec![
                (w9, "fr"),
                (w8, "en"),
                (w7, "fr"),
                (w1, "en"),
                (rest, "en"),
                (mail, "fr")
            ]
        );

        // Language: the ticket's own (mail, WhisperBack report), not its queue's.
        assert_eq!(
            found(&app, "tails", "&language=fr").await,
            vec![w9, w7, mail]
        );
        assert_eq!(
            found(&app, "tails", "&language=en").await,
            vec![w8, w1, rest]
        );
        assert_eq!(
            found(&app, "tails", "&language=de").await,
            Vec::<i64>::new()
        );

        // Tails version of the report.
        assert_eq!(found(&app, "tails", "&tails_version=6.0").await, vec![w7]);
        assert_eq!(
            found(&app, "tails", "&tails_version=6.3,5.19").await,
            vec![w8, w1]
        );
        assert_eq!(
            found(&app, "tails", "&tails_version=9.9").await,
            Vec::<i64>::new()
        );

        // Hardware ids: PCI ids (any of several, any case) and a laptop model key.
        assert_eq!(
            found(&app, "tails", "&hardware=8086:5917").await,
            vec![w8, w7]
        );
        assert_eq!(
            found(&app, "tails", "&hardware=8086:3185,8086:0A16").await,
            vec![w9, w1]
        );
        let (s, r) = app.get_json(&format!("ticket/{w1}/whisperback")).await;
        assert_eq!(s, 200, "{r}");
        let model = r["devices"]
            .as_array()
            .expect("devices")
            .iter()
            .find(|d| d["role"] == "machine")
            .and_then(|d| d["key"].as_str())
            .expect("a machine key")
            .to_owned();
        assert_eq!(
            found(&app, "tails", &format!("&hardware={}", enc(&model))).await,
            vec![w1]
        );

        // Filters combine.
        assert_eq!(
            found(&app, "tails", "&language=fr&hardware=8086:5917").await,
            vec![w7]
        );
        assert_eq!(
            found(&app, "tails", "&language=fr&tails_version=6.3").await,
            Vec::<i64>::new()
        );
        assert_eq!(
            found(&app, "tails", "&queue=French&tails_version=6.0,5.7").await,
            vec![w9, w7]
        );

        for (bad, why) in [
            (
                "search?q=tails&tails_version=6.0%27%20OR%201",
                "tails_version",
            ),
            ("search?q=tails&hardware=%01x", "hardware"),
        ] {
            let (s, v) = app.get_json(bad).await;
            assert_eq!(s, 400, "{bad}: {v}");
            assert!(
                v["message"].as_str().unwrap_or("").contains(why),
                "{bad}: {v}"
            );
        }
    }
);

each_index!(
    retention_purge_leaves_the_configured_index,
    |db, index| async move {
        use std::sync::Arc;
        let start = chrono::NaiveDate::from_ymd_opt(2026, 1, 5)
            .and_then(|d| d.and_hms_opt(9, 0, 0))
            .expect("date");
        let clock = Arc::new(hushdesk::domain::clock::FixedClock::new(start));
        let (app, store, config) = crate::helpers::spawn_app_at(
            db,
            |c| {
                if index == Index::Sonic {
                    use_sonic(c);
                }
                c.retention.schedule_minutes = 0;
                c.retention.default.bodies = Some(hushdesk::retention::RuleConfig {
                    max_age_days: Some(1),
                    ..Default::default()
                });
            },
            clock.clone(),
        )
        .await;
        let t = create(&app, "General", "Purged later", "body canary zqxretained").await;
        let keep = create(&app, "General", "Kept ledger", "open canary zqxretained").await;
        let (s, v) = app
            .put(&format!("ticket/{t}"), &json!({"Status": "resolved"}))
            .await;
        assert_eq!(s, 200, "{v}");
        assert_eq!(found(&app, "zqxretained", "").await, vec![keep, t]);
        if index == Index::Sonic {
            let mut raw = sonic_objects(&config, "zqxretained");
            raw.sort();
            assert_eq!(raw, vec![t.to_string(), keep.to_string()]);
        }

        // What `hushdesk retention run` does: no server catches up afterwards, so the purge
        // itself must take the ticket out of the configured index (Sonic included).
        clock.advance(chrono::Duration::days(2));
        hushdesk::retention::purge::run(
            &store,
            &config.retention,
            &hushdesk::retention::Reach::from_config(&config),
            clock.as_ref(),
            hushdesk::retention::purge::Trigger::Cli,
            false,
            &mut |_, _| {},
        )
        .expect("retention run");

        assert_eq!(found(&app, "zqxretained", "").await, vec![keep]);
        assert_eq!(content_like(&app, "zqxretained").await, vec![keep]);
        // A body purge blanks the subject too.
        assert_eq!(found(&app, "purged", "").await, Vec::<i64>::new());
        // (Not "open": Sonic drops English stop words, and it is one.)
        assert_eq!(found(&app, "ledger", "").await, vec![keep]);
        if index == Index::Sonic {
            assert_eq!(
                sonic_objects(&config, "zqxretained"),
                vec![keep.to_string()]
            );
        }
    }
);

each_index!(a_word_in_most_tickets_is_found, |db, index| async move {
    // Sonic by default ignores a word held by nearly every object once there are 100 or more
    // (its minimum IDF), and completes or corrects words; Hushdesk's configuration turns both
    // off, and each word of a query is asked alone so every one of them must be present.
    let (app, _) = spawn(db, index).await;
    let mut marked = Vec::new();
    for i in 0..120 {
        let extra = if i % 40 == 7 { " zqmarked" } else { "" };
        let t = create(
            &app,
            "General",
            &format!("Wifi trouble {i}"),
            &format!("The wifi drops after suspend{extra}."),
        )
        .await;
        if !extra.is_empty() {
            marked.push(t);
        }
    }
    let other = create(&app, "General", "Printer", "The printer jams.").await;

    let (s, v) = app.get_json("search?q=wifi&per_page=5").await;
    assert_eq!(s, 200, "{v}");
    assert_eq!(v["total"], json!(120), "{v}");
    assert_eq!(v["items"].as_array().map(Vec::len), Some(5));

    marked.reverse();
    assert_eq!(found(&app, "wifi zqmarked", "").await, marked);
    assert_eq!(found(&app, "zqmarked suspend", "").await, marked);
    assert_eq!(found(&app, "wifi printer", "").await, Vec::<i64>::new());
    assert_eq!(found(&app, "printer", "").await, vec![other]);

    let (s, v) = app
        .get_json(&format!(
            "tickets?per_page=1&query={}",
            enc("Content LIKE 'wifi'")
        ))
        .await;
    assert_eq!(s, 200, "{v}");
    assert_eq!(v["total"], json!(120), "{v}");
    if index == Index::Sonic {
        // Exact words: no completion of "zqmark" into "zqmarked", no typo correction.
        assert_eq!(found(&app, "zqmark", "").await, Vec::<i64>::new());
        assert_eq!(found(&app, "zqmarkes", "").await, Vec::<i64>::new());
    }
});

each_index!(
    merged_tickets_answer_as_the_one_they_joined,
    |db, index| async move {
        let (app, _) = spawn(db, index).await;
        let keep = create(&app, "General", "Laptop", "The qxkeepword laptop").await;
        let dup = create(&app, "General", "Same laptop", "Again qxdupword here").await;
        let both = create(&app, "General", "Other", "qxkeepword and qxdupword").await;
        let (_, m) = app
            .put(&format!("ticket/{dup}"), &json!({"MergeInto": keep}))
            .await;
        assert_eq!(m, json!(["Merge Successful"]));
        // The merged ticket's words find the ticket it joined, once, ranked by its newest hit.
        assert_eq!(found(&app, "qxdupword", "").await, vec![both, keep]);
        assert_eq!(found(&app, "qxkeepword", "").await, vec![both, keep]);
        let (s, v) = app.get_json("search?q=qxdupword").await;
        assert_eq!(s, 200, "{v}");
        assert_eq!(v["total"], json!(2), "{v}");
    }
);

// `hushdesk reindex` (the command an admin runs after losing or changing the index) rebuilds
// it from the stored mail, on every index.
each_index!(cli_reindex_rebuilds_a_lost_index, |db, index| async move {
    let (app, config) = spawn(db, index).await;
    let a = create(&app, "General", "Rebuild", "zqxrebuild one").await;
    let b = create(&app, "General", "Rebuild", "zqxrebuild two").await;
    assert_eq!(found(&app, "zqxrebuild", "").await, vec![b, a]);

    // The index is lost behind the server's back.
    let store =
        hushdesk::open_store(&config, &hushdesk::domain::clock::SystemClock).expect("store");
    let idx = hushdesk::search::open(&config.search);
    store.write_blocking(|conn| idx.clear(conn)).expect("clear");
    assert_eq!(found(&app, "zqxrebuild", "").await, Vec::<i64>::new());

    let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_hushdesk"));
    cmd.args([
        "--config",
        "/dev/null",
        "--database",
        &config.database_url,
        "reindex",
    ])
    .env("HUSHDESK_DATA_DIR", config.data_dir());
    if index == Index::Sonic {
        let s = &config.search;
        cmd.env("HUSHDESK_SEARCH__BACKEND", "sonic")
            .env("HUSHDESK_SEARCH__SONIC_ADDRESS", &s.sonic_address)
            .env("HUSHDESK_SEARCH__SONIC_PASSWORD", &s.sonic_password)
            .env("HUSHDESK_SEARCH__SONIC_COLLECTION", &s.sonic_collection);
    }
    let out = cmd.output().expect("run hushdesk reindex");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let said = String::from_utf8_lossy(&out.stdout);
    let name = if index == Index::Sonic {
        "sonic"
    } else {
        "database"
    };
    assert!(
        said.contains(&format!("Reindexed 2 ticket(s) into the {name} index.")),
        "{said}"
    );
    assert_eq!(found(&app, "zqxrebuild", "").await, vec![b, a]);
    assert_eq!(content_like(&app, "zqxrebuild").await.len(), 2);

    // On a terminal it draws a progress bar (util-linux `script` gives it one).
    let line = format!(
        "{} --config /dev/null --database '{}' reindex",
        env!("CARGO_BIN_EXE_hushdesk"),
        config.database_url
    );
    let mut tty = std::process::Command::new("script");
    tty.args(["-qec", &line, "/dev/null"]);
    for (k, v) in cmd.get_envs() {
        if let Some(v) = v {
            tty.env(k, v);
        }
    }
    let out = tty.output().expect("run hushdesk reindex under script(1)");
    assert!(out.status.success());
    let screen = String::from_utf8_lossy(&out.stdout);
    assert!(
        screen.contains(&format!("Reindexing into {name} [")) && screen.contains(" tickets ("),
        "{screen}"
    );
    assert!(
        screen.contains(&format!("Reindexed 2 ticket(s) into the {name} index.")),
        "{screen}"
    );
    assert_eq!(found(&app, "zqxrebuild", "").await, vec![b, a]);
});
