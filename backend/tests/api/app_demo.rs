//! The demo desk: five languages, realistic tickets, idempotent; and the migration's
//! backfill of `ticket_activity` agrees with what the transaction hook maintains.

use diesel::connection::SimpleConnection;
use diesel::prelude::*;
use hushdesk::config::Config;
use hushdesk::domain::clock::{Clock, SystemClock};
use hushdesk::domain::rights::EffectiveRights;
use hushdesk::store::app_views::{self, View};
use hushdesk::store::schema::ticket_activity;

use crate::helpers::{fresh_database, Db};

type Activity = Vec<(
    i64,
    bool,
    Option<chrono::NaiveDateTime>,
    Option<chrono::NaiveDateTime>,
)>;

fn activity(store: &hushdesk::store::Store) -> Activity {
    let mut conn = store.conn().unwrap();
    ticket_activity::table
        .order(ticket_activity::ticket_id)
        .select((
            ticket_activity::ticket_id,
            ticket_activity::needs_answer,
            ticket_activity::waiting_since,
            ticket_activity::first_response,
        ))
        .load(&mut *conn)
        .unwrap()
}

fn demo(db: Db) {
    let dir = tempfile::tempdir().unwrap();
    let (url, _guard) = fresh_database(db, dir.path());
    let config = Config {
        database_url: url,
        pool_size: 2,
        ..Config::default()
    };
    let clock = SystemClock;
    let store = hushdesk::open_store(&config, &clock).unwrap();
    let first = hushdesk::cli::demo::run(&store, clock.now(), "demo.test").unwrap();
    assert!(
        first.contains("5 queue(s), 19 ticket(s), 11 template answer(s), 2 supporter(s)"),
        "{first}"
    );
    assert!(
        first.contains("'demo' with password 'demo-supporter'"),
        "{first}"
    );
    let again = hushdesk::cli::demo::run(&store, clock.now(), "demo.test").unwrap();
    assert!(
        again.contains("0 queue(s), 0 ticket(s), 0 template answer(s), 0 supporter(s)"),
        "{again}"
    );

    let mut conn = store.conn().unwrap();
    let all = EffectiveRights::all();
    let queues = app_views::visible_queues(&mut conn, &all, None, None).unwrap();
    let langs: Vec<(String, String)> = queues
        .iter()
        .filter(|q| q.name.starts_with("help-"))
        .map(|q| (q.name.clone(), q.language.clone()))
        .collect();
    assert_eq!(langs.len(), 5, "{langs:?}");
    for l in ["en", "fr", "es", "it", "de"] {
        assert!(
            langs.contains(&(format!("help-{l}"), l.to_owned())),
            "{langs:?}"
        );
    }
    let en: Vec<i64> = queues
        .iter()
        .filter(|q| q.name == "help-en")
        .map(|q| q.id)
        .collect();
    let (rows, total) = app_views::view(&mut conn, View::NeedsAnswer, &en, 0, 50).unwrap();
    // help-en: Wi-Fi (requestor wrote last), library Tor and black screen (no reply yet).
    assert_eq!(total, 3);
    assert_eq!(rows[0].subject, "Wi-Fi not working after upgrade to 6.9");
    let demo_user = hushdesk::store::users::by_name(&mut conn, "demo")
        .unwrap()
        .unwrap();
    assert!(demo_user.privileged);
    assert!(hushdesk::auth::verify_password(
        "demo-supporter",
        demo_user.password_hash.as_deref().unwrap()
    ));
    drop(conn);

    // Recomputing ticket_activity with the migration's backfill gives the same rows.
    let maintained = activity(&store);
    assert_eq!(maintained.len(), 19);
    let up = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../migrations/sqlite/2026-11-24-000006_app/up.sql"
    ))
    .unwrap();
    let start = up.find("INSERT INTO ticket_activity").unwrap();
    let end = start + up[start..].find(';').unwrap() + 1;
    let mut conn = store.conn().unwrap();
    conn.batch_execute(&format!("DELETE FROM ticket_activity; {}", &up[start..end]))
        .unwrap();
    drop(conn);
    assert_eq!(activity(&store), maintained);
}

#[test]
fn demo_seed_sqlite() {
    demo(Db::Sqlite);
}

#[test]
fn demo_seed_postgres() {
    demo(Db::Postgres);
}
