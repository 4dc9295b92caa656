//! Migrations run up → down → up on both backends.

use hushdesk::store::Store;

use crate::helpers::{fresh_database, Db};

fn cycle(db: Db) {
    let dir = tempfile::tempdir().unwrap();
    let (url, _guard) = fresh_database(db, dir.path());
    let store = Store::open(&url, 2).unwrap();
    let n = std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/../migrations/sqlite"))
        .unwrap()
        .count();
    assert!(n >= 2);
    assert_eq!(store.migrate().unwrap(), n);
    assert_eq!(store.migrate().unwrap(), 0);
    assert_eq!(store.revert_all().unwrap(), n);
    assert_eq!(store.migrate().unwrap(), n);
    let clock = hushdesk::domain::clock::SystemClock;
    store
        .write_blocking(|c| {
            hushdesk::store::users::ensure_system_records(
                c,
                hushdesk::domain::clock::Clock::now(&clock),
            )
        })
        .unwrap();
    let mut conn = store.conn().unwrap();
    assert_eq!(hushdesk::store::users::count(&mut conn).unwrap(), 2);
}

#[test]
fn up_down_up_sqlite() {
    cycle(Db::Sqlite);
}

#[test]
fn up_down_up_postgres() {
    cycle(Db::Postgres);
}

#[test]
fn migration_names_match_across_backends() {
    let names = |b: &str| {
        let mut v: Vec<String> =
            std::fs::read_dir(format!("{}/../migrations/{b}", env!("CARGO_MANIFEST_DIR")))
                .unwrap()
                .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
                .collect();
        v.sort();
        v
    };
    assert_eq!(names("sqlite"), names("postgres"));
    assert!(!names("sqlite").is_empty());
}
