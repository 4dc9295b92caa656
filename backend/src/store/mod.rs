//! Persistence: one diesel code path over SQLite and PostgreSQL, chosen by URL scheme.

pub mod abuse;
pub mod acl;
pub mod activity;
pub mod answers;
pub mod app_views;
pub mod attachments;
pub mod custom_fields;
pub mod fulltext;
pub mod groups;
pub mod hardware;
pub mod hardware_counts;
pub mod known_issue_replies;
pub mod known_issues;
pub mod links;
pub mod mail;
pub mod openpgp;
pub mod queues;
pub mod retention;
pub mod rows;
pub mod schema;
pub mod search;
pub mod search_queue;
pub mod sqlfn;
pub mod ticket_keys;
pub mod tickets;
pub mod tokens;
pub mod transactions;
pub mod users;
pub mod whisperback;

use std::path::Path;
use std::sync::Arc;
use std::time::Duration;

use diesel::connection::SimpleConnection;
use diesel::pg::PgConnection;
use diesel::prelude::*;
use diesel::sqlite::SqliteConnection;
use diesel_migrations::{embed_migrations, EmbeddedMigrations, MigrationHarness};

const SQLITE_MIGRATIONS: EmbeddedMigrations = embed_migrations!("../migrations/sqlite");
const POSTGRES_MIGRATIONS: EmbeddedMigrations = embed_migrations!("../migrations/postgres");

/// A connection to either backend; everything above `store` is written once against it.
#[derive(diesel::MultiConnection)]
pub enum DbConn {
    Sqlite(SqliteConnection),
    Pg(PgConnection),
}

pub type Pool = r2d2::Pool<Manager>;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("unsupported database URL (expected sqlite://PATH or postgres://…)")]
    BadUrl,
    #[error("database: {0}")]
    Query(#[from] diesel::result::Error),
    #[error("database connection: {0}")]
    Connection(#[from] diesel::ConnectionError),
    #[error("connection pool: {0}")]
    Pool(#[from] r2d2::Error),
    #[error("migrations: {0}")]
    Migration(String),
    #[error("io: {0}")]
    Io(#[from] std::io::Error),
    #[error("background task failed")]
    Join,
}

/// Where a URL points, parsed once.
#[derive(Debug, Clone)]
pub enum DbTarget {
    Sqlite(String),
    Postgres(String),
}

impl DbTarget {
    pub fn parse(url: &str) -> Result<Self, StoreError> {
        if let Some(path) = url.strip_prefix("sqlite://") {
            if path.is_empty() {
                return Err(StoreError::BadUrl);
            }
            Ok(Self::Sqlite(path.to_owned()))
        } else if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            Ok(Self::Postgres(url.to_owned()))
        } else {
            Err(StoreError::BadUrl)
        }
    }

    pub fn backend(&self) -> Backend {
        match self {
            Self::Sqlite(_) => Backend::Sqlite,
            Self::Postgres(_) => Backend::Postgres,
        }
    }

    fn connect(&self) -> Result<DbConn, diesel::ConnectionError> {
        match self {
            Self::Sqlite(path) => {
                let mut conn = SqliteConnection::establish(path)?;
                // WAL (set once in `Store::open`) lets readers run beside the single writer;
                // secure_delete keeps purged content out of free pages. synchronous = FULL
                // syncs the WAL at every commit: once the mail gateway has told the MTA
                // "delivered" (or the API has answered), a power cut cannot take the write
                // back. NORMAL would save about 0.45 ms per commit here and lose the last
                // transactions on power loss.
                conn.batch_execute(
                    "PRAGMA busy_timeout = 10000; PRAGMA synchronous = FULL; \
                     PRAGMA foreign_keys = ON; PRAGMA secure_delete = ON;",
                )
                .map_err(diesel::ConnectionError::CouldntSetupConfiguration)?;
                Ok(DbConn::Sqlite(conn))
            }
            Self::Postgres(url) => Ok(DbConn::Pg(PgConnection::establish(url)?)),
        }
    }
}

/// r2d2 manager that builds the right variant and applies per-connection settings.
#[derive(Debug)]
pub struct Manager {
    target: DbTarget,
}

impl r2d2::ManageConnection for Manager {
    type Connection = DbConn;
    type Error = diesel::ConnectionError;

    fn connect(&self) -> Result<DbConn, Self::Error> {
        self.target.connect()
    }

    fn is_valid(&self, conn: &mut DbConn) -> Result<(), Self::Error> {
        conn.batch_execute("SELECT 1")
            .map_err(diesel::ConnectionError::CouldntSetupConfiguration)
    }

    fn has_broken(&self, _conn: &mut DbConn) -> bool {
        false
    }
}

/// The application's handle on the database.
#[derive(Clone)]
pub struct Store {
    pool: Pool,
    backend: Backend,
    /// SQLite has one writer; taking this in-process avoids lock-upgrade failures
    /// between our own write transactions.
    write_lock: Arc<parking_lot::Mutex<()>>,
    /// Seals content at rest; current on the thread of every closure run below.
    sealer: Option<Arc<crate::sealing::Sealer>>,
    /// Scores requesters for abuse; current on the thread of every closure run below.
    abuse: Option<Arc<crate::retention::abuse::AbuseScorer>>,
}

impl Store {
    pub fn open(url: &str, pool_size: u32) -> Result<Self, StoreError> {
        Self::open_with_timeout(url, pool_size, Duration::from_secs(30))
    }

    /// `timeout`: how long a caller waits for a pooled connection before an error.
    pub fn open_with_timeout(
        url: &str,
        pool_size: u32,
        timeout: Duration,
    ) -> Result<Self, StoreError> {
        let target = DbTarget::parse(url)?;
        if let DbTarget::Sqlite(path) = &target {
            if let Some(dir) = Path::new(path).parent() {
                if !dir.as_os_str().is_empty() {
                    std::fs::create_dir_all(dir)?;
                }
            }
        }
        let backend = target.backend();
        if let DbTarget::Sqlite(path) = &target {
            // journal_mode is persistent; switching it needs the only connection.
            let mut first = SqliteConnection::establish(path)?;
            first
                .batch_execute("PRAGMA busy_timeout = 10000; PRAGMA journal_mode = WAL;")
                .map_err(StoreError::Query)?;
        }
        let pool = r2d2::Pool::builder()
            .max_size(pool_size.max(1))
            .connection_timeout(timeout)
            .build(Manager { target })?;
        Ok(Self {
            pool,
            backend,
            write_lock: Arc::new(parking_lot::Mutex::new(())),
            sealer: None,
            abuse: None,
        })
    }

    /// Seals new content and opens sealed content with `sealer`.
    pub fn with_sealer(mut self, sealer: crate::sealing::Sealer) -> Self {
        self.sealer = Some(Arc::new(sealer));
        self
    }

    pub fn sealer(&self) -> Option<&Arc<crate::sealing::Sealer>> {
        self.sealer.as_ref()
    }

    /// Records abuse signals of new tickets and answers flag queries with `scorer`.
    pub fn with_abuse_scorer(mut self, scorer: crate::retention::abuse::AbuseScorer) -> Self {
        self.abuse = Some(Arc::new(scorer));
        self
    }

    pub fn abuse_scorer(&self) -> Option<&Arc<crate::retention::abuse::AbuseScorer>> {
        self.abuse.as_ref()
    }

    /// Makes this store's sealer and abuse scorer current while `f` runs on this thread.
    fn scoped<T>(&self, f: impl FnOnce() -> T) -> T {
        crate::sealing::scoped(self.sealer.as_ref(), || {
            crate::retention::abuse::scoped(self.abuse.as_ref(), f)
        })
    }

    pub fn backend(&self) -> Backend {
        self.backend
    }

    pub fn conn(&self) -> Result<r2d2::PooledConnection<Manager>, StoreError> {
        Ok(self.pool.get()?)
    }

    /// Applies pending migrations; returns how many ran.
    pub fn migrate(&self) -> Result<usize, StoreError> {
        let mut conn = self.conn()?;
        let _guard = self.write_lock.lock();
        let migrations = match self.backend {
            Backend::Sqlite => SQLITE_MIGRATIONS,
            Backend::Postgres => POSTGRES_MIGRATIONS,
        };
        let applied = conn
            .run_pending_migrations(migrations)
            .map_err(|e| StoreError::Migration(e.to_string()))?;
        Ok(applied.len())
    }

    /// Reverts every migration (used by the up → down → up test).
    pub fn revert_all(&self) -> Result<usize, StoreError> {
        let mut conn = self.conn()?;
        let _guard = self.write_lock.lock();
        let migrations = match self.backend {
            Backend::Sqlite => SQLITE_MIGRATIONS,
            Backend::Postgres => POSTGRES_MIGRATIONS,
        };
        let reverted = conn
            .revert_all_migrations(migrations)
            .map_err(|e| StoreError::Migration(e.to_string()))?;
        Ok(reverted.len())
    }

    /// Runs `f` on a pooled connection off the async executor.
    pub async fn read<T, E, F>(&self, f: F) -> Result<T, E>
    where
        T: Send + 'static,
        E: From<StoreError> + Send + 'static,
        F: FnOnce(&mut DbConn) -> Result<T, E> + Send + 'static,
    {
        let store = self.clone();
        tokio::task::spawn_blocking(move || {
            let mut conn = store.conn()?;
            store.scoped(|| f(&mut conn))
        })
        .await
        .map_err(|_| E::from(StoreError::Join))?
    }

    /// Runs `f` inside one database transaction, off the async executor.
    pub async fn write<T, E, F>(&self, f: F) -> Result<T, E>
    where
        T: Send + 'static,
        E: From<StoreError> + From<diesel::result::Error> + Send + 'static,
        F: FnOnce(&mut DbConn) -> Result<T, E> + Send + 'static,
    {
        let store = self.clone();
        tokio::task::spawn_blocking(move || store.write_blocking(f))
            .await
            .map_err(|_| E::from(StoreError::Join))?
    }

    /// Synchronous form of [`Store::write`] for the command line and jobs.
    pub fn write_blocking<T, E, F>(&self, f: F) -> Result<T, E>
    where
        E: From<StoreError> + From<diesel::result::Error>,
        F: FnOnce(&mut DbConn) -> Result<T, E>,
    {
        let mut conn = self.conn()?;
        let _guard = match self.backend {
            Backend::Sqlite => Some(self.write_lock.lock()),
            Backend::Postgres => None,
        };
        let keys_before = self.sealer.as_ref().map(|s| s.key_generation());
        let r = self.scoped(|| conn.transaction(|c| f(c)));
        // Cached data keys must not outlive a rollback, nor (read by another thread just
        // before the commit) keys this transaction destroyed.
        if let Some(s) = &self.sealer {
            if r.is_err() || Some(s.key_generation()) != keys_before {
                s.forget_keys();
            }
        }
        r
    }

    /// After a purge: nothing removed may stay readable in the files. SQLite copies the WAL
    /// into the database (secure_delete zeroed the freed space) and truncates it; PostgreSQL
    /// vacuums the tables purges touch.
    pub fn flush_deleted(&self) -> Result<(), StoreError> {
        let mut conn = self.conn()?;
        match self.backend {
            Backend::Sqlite => {
                let _guard = self.write_lock.lock();
                for _ in 0..20 {
                    let busy: Vec<Checkpoint> =
                        diesel::sql_query("PRAGMA wal_checkpoint(TRUNCATE)").load(&mut *conn)?;
                    if busy.first().is_none_or(|c| c.busy == 0) {
                        return Ok(());
                    }
                    std::thread::sleep(Duration::from_millis(50));
                }
                Ok(())
            }
            Backend::Postgres => {
                conn.batch_execute(
                    "VACUUM attachments, attachment_fts, tickets, transactions, users, \
                     ticket_watchers, ticket_keys, object_custom_field_values, links",
                )?;
                Ok(())
            }
        }
    }

    /// Synchronous read for the command line.
    pub fn read_blocking<T, E, F>(&self, f: F) -> Result<T, E>
    where
        E: From<StoreError>,
        F: FnOnce(&mut DbConn) -> Result<T, E>,
    {
        let mut conn = self.conn()?;
        self.scoped(|| f(&mut conn))
    }
}

/// Inserts one row and returns its new id: RETURNING exists on both backends but not
/// on diesel's multi-backend, hence the explicit match.
#[macro_export]
macro_rules! insert_returning_id {
    ($conn:expr, $table:path, $values:expr, $id:path) => {{
        match $conn {
            $crate::store::DbConn::Sqlite(c) => diesel::insert_into($table)
                .values($values)
                .returning($id)
                .get_result::<i64>(c),
            $crate::store::DbConn::Pg(c) => diesel::insert_into($table)
                .values($values)
                .returning($id)
                .get_result::<i64>(c),
        }
    }};
}

#[derive(diesel::QueryableByName)]
struct Checkpoint {
    #[diesel(sql_type = diesel::sql_types::Integer)]
    busy: i32,
}
