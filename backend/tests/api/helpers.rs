//! `spawn_app()`: a fresh database (temp SQLite file or a new PostgreSQL database), the app on
//! port 0, and typed helpers.

use std::net::TcpListener;
use std::sync::Arc;

use diesel::connection::SimpleConnection;
use diesel::Connection;
use hushdesk::config::Config;
use hushdesk::domain::clock::SystemClock;
use serde_json::{json, Value};

pub const ADMIN_PASSWORD: &str = "correct horse battery";

#[derive(Debug, Clone, Copy)]
pub enum Db {
    Sqlite,
    Postgres,
}

/// Where tests find PostgreSQL; the test command starts one when none answers.
pub fn pg_admin_url() -> String {
    std::env::var("HUSHDESK_TEST_PG")
        .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/postgres".into())
}

pub struct PgDrop {
    name: String,
}

impl Drop for PgDrop {
    fn drop(&mut self) {
        if let Ok(mut c) = diesel::pg::PgConnection::establish(&pg_admin_url()) {
            let _ = c.batch_execute(&format!(
                "DROP DATABASE IF EXISTS {} WITH (FORCE)",
                self.name
            ));
        }
    }
}

pub struct TestApp {
    pub base: String,
    pub client: reqwest::Client,
    /// The directory beside the database (the outbound spool is `<dir>/outbox`).
    pub data_dir: std::path::PathBuf,
    _dir: tempfile::TempDir,
    _pg: Option<PgDrop>,
}

pub fn fresh_database(db: Db, dir: &std::path::Path) -> (String, Option<PgDrop>) {
    match db {
        Db::Sqlite => (format!("sqlite://{}/hd.db", dir.display()), None),
        Db::Postgres => {
            let name = format!("hushdesk_test_{}", hushdesk::auth::random_hex(8));
            let mut c = diesel::pg::PgConnection::establish(&pg_admin_url()).expect(
                "PostgreSQL must be running for the PostgreSQL tests (set HUSHDESK_TEST_PG)",
            );
            c.batch_execute(&format!("CREATE DATABASE {name}"))
                .expect("create test database");
            let base = pg_admin_url();
            let url = match base.rsplit_once('/') {
                Some((head, _)) => format!("{head}/{name}"),
                None => panic!("bad HUSHDESK_TEST_PG"),
            };
            (url, Some(PgDrop { name }))
        }
    }
}

pub async fn spawn_app(db: Db) -> TestApp {
    spawn_app_with(db, |_| {}).await
}

pub async fn spawn_app_with(db: Db, tweak: impl FnOnce(&mut Config)) -> TestApp {
    spawn_app_at(db, tweak, Arc::new(SystemClock)).await.0
}

/// Like `spawn_app_with`, with an injected clock; also returns the store and the data directory.
pub async fn spawn_app_at(
    db: Db,
    tweak: impl FnOnce(&mut Config),
    clock: Arc<dyn hushdesk::domain::clock::Clock>,
) -> (TestApp, hushdesk::store::Store, Config) {
    let dir = tempfile::tempdir().expect("tempdir");
    let (database_url, pg) = fresh_database(db, dir.path());
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
    let addr = listener.local_addr().expect("addr");
    let mut config = Config {
        database_url: database_url.clone(),
        web_base_url: format!("http://{addr}"),
        web_dir: dir.path().join("web"),
        // Keys in the test's own directory on both backends (PostgreSQL would use ./data).
        data_dir: Some(dir.path().to_path_buf()),
        pool_size: 4,
        ..Config::default()
    };
    config.outbound.spool_dir = Some(dir.path().join("outbox"));
    config.outbound.poll_millis = 100;
    // A background poll that starts after the test dropped its PostgreSQL database must not
    // hold the runtime's shutdown for the default 30 s.
    config.pool_timeout_seconds = 2;
    tweak(&mut config);
    let store = hushdesk::open_store(&config, clock.as_ref()).expect("open store");
    hushdesk::cli::admin::ensure_admin(
        &store,
        hushdesk::domain::clock::Clock::now(clock.as_ref()),
        Some(ADMIN_PASSWORD),
    )
    .expect("admin");
    let state = hushdesk::app_state(config.clone(), store.clone(), clock).expect("state");
    let server = hushdesk::serve(state, listener, 2).expect("serve");
    tokio::spawn(server);
    let app = TestApp {
        base: format!("http://{addr}/REST/2.0"),
        client: reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .expect("client"),
        data_dir: dir.path().to_path_buf(),
        _dir: dir,
        _pg: pg,
    };
    (app, store, config)
}

impl TestApp {
    pub fn url(&self, path: &str) -> String {
        format!("{}/{}", self.base, path.trim_start_matches('/'))
    }

    pub async fn get(&self, path: &str) -> reqwest::Response {
        self.client
            .get(self.url(path))
            .basic_auth("root", Some(ADMIN_PASSWORD))
            .send()
            .await
            .expect("request")
    }

    pub async fn get_json(&self, path: &str) -> (u16, Value) {
        let r = self.get(path).await;
        let s = r.status().as_u16();
        (s, r.json().await.unwrap_or(Value::Null))
    }

    pub async fn send(&self, method: reqwest::Method, path: &str, body: &Value) -> (u16, Value) {
        let r = self
            .client
            .request(method, self.url(path))
            .basic_auth("root", Some(ADMIN_PASSWORD))
            .json(body)
            .send()
            .await
            .expect("request");
        let s = r.status().as_u16();
        (s, r.json().await.unwrap_or(Value::Null))
    }

    pub async fn post(&self, path: &str, body: &Value) -> (u16, Value) {
        self.send(reqwest::Method::POST, path, body).await
    }

    pub async fn put(&self, path: &str, body: &Value) -> (u16, Value) {
        self.send(reqwest::Method::PUT, path, body).await
    }

    /// Creates a ticket in General and returns its id.
    pub async fn ticket(&self, subject: &str, requestor: &str) -> i64 {
        let (s, v) = self
            .post(
                "ticket",
                &json!({"Queue": "General", "Subject": subject, "Content": format!("About {subject}"), "Requestor": requestor}),
            )
            .await;
        assert_eq!(s, 201, "{v}");
        v["id"].as_str().and_then(|x| x.parse().ok()).expect("id")
    }

    /// Creates a privileged user with a password and the given rights on a queue (or system).
    pub async fn user_with_rights(&self, name: &str, queue: Option<&str>, rights: &[&str]) {
        let (s, v) = self
            .post("user", &json!({"Name": name, "EmailAddress": format!("{name}@example.test"), "Password": "password-123", "Privileged": 1}))
            .await;
        assert_eq!(s, 201, "{v}");
        for r in rights {
            let mut body = json!({"principal_type": "User", "principal": name, "right": r});
            if let Some(q) = queue {
                body["queue"] = json!(q);
            }
            let (s, v) = self.post("acl", &body).await;
            assert_eq!(s, 200, "{v}");
        }
    }

    pub async fn get_as(&self, user: &str, path: &str) -> (u16, Value) {
        let r = self
            .client
            .get(self.url(path))
            .basic_auth(user, Some("password-123"))
            .send()
            .await
            .expect("request");
        let s = r.status().as_u16();
        (s, r.json().await.unwrap_or(Value::Null))
    }
}

/// Runs one async test body against SQLite and against PostgreSQL.
#[macro_export]
macro_rules! both {
    ($name:ident, $body:expr) => {
        mod $name {
            use super::*;
            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn sqlite() {
                let app = $crate::helpers::spawn_app($crate::helpers::Db::Sqlite).await;
                ($body)(app).await;
            }
            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn postgres() {
                let app = $crate::helpers::spawn_app($crate::helpers::Db::Postgres).await;
                ($body)(app).await;
            }
        }
    };
}

/// Runs one async test body against SQLite and PostgreSQL, each with the config tweaked.
#[macro_export]
macro_rules! both_cfg {
    ($name:ident, $tweak:expr, $body:expr) => {
        mod $name {
            use super::*;
            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn sqlite() {
                let app =
                    $crate::helpers::spawn_app_with($crate::helpers::Db::Sqlite, $tweak).await;
                ($body)(app).await;
            }
            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn postgres() {
                let app =
                    $crate::helpers::spawn_app_with($crate::helpers::Db::Postgres, $tweak).await;
                ($body)(app).await;
            }
        }
    };
}
