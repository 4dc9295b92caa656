//! Hushdesk: a help desk for privacy-minded support teams, speaking Request Tracker's protocols.
//!
//! This crate builds the application (routes and OpenAPI document) for `main`, the tests and
//! the spec dump.

pub mod api;
pub mod auth;
pub mod cli;
pub mod config;
pub mod crypto;
pub mod demo;
pub mod domain;
pub mod mail;
pub mod retention;
pub mod sealing;
pub mod search;
pub mod store;
pub mod whisperback;

use std::net::TcpListener;
use std::sync::Arc;
use std::time::Duration;

use actix_web::{web, App, HttpServer};
use utoipa::OpenApi;

use crate::api::error::ApiError;
use crate::api::AppState;
use crate::config::Config;
use crate::domain::clock::Clock;
use crate::store::Store;

/// The OpenAPI document, generated from the routes.
pub fn openapi_doc() -> utoipa::openapi::OpenApi {
    api::rest2::Rest2Doc::openapi()
}

/// The document as checked in at `openapi/openapi.json`.
pub fn openapi_json() -> String {
    let mut s = openapi_doc()
        .to_pretty_json()
        .unwrap_or_else(|_| "{}".into());
    s.push('\n');
    s
}

/// Secret for session cookies: from config, or a file beside the database created once.
fn session_secret(config: &Config) -> std::io::Result<Vec<u8>> {
    if let Some(s) = &config.jwt_secret {
        return Ok(s.as_bytes().to_vec());
    }
    let dir = config.data_dir();
    std::fs::create_dir_all(&dir)?;
    let path = dir.join("session.key");
    match std::fs::read(&path) {
        Ok(b) if b.len() >= 32 => Ok(b),
        _ => {
            let key = auth::random_hex(32).into_bytes();
            write_private(&path, &key)?;
            Ok(key)
        }
    }
}

#[cfg(unix)]
pub(crate) fn write_private(path: &std::path::Path, data: &[u8]) -> std::io::Result<()> {
    use std::io::Write;
    use std::os::unix::fs::OpenOptionsExt;
    let mut f = std::fs::OpenOptions::new()
        .write(true)
        .create(true)
        .truncate(true)
        .mode(0o600)
        .open(path)?;
    f.write_all(data)
}

#[cfg(not(unix))]
pub(crate) fn write_private(path: &std::path::Path, data: &[u8]) -> std::io::Result<()> {
    std::fs::write(path, data)
}

pub fn app_state(config: Config, store: Store, clock: Arc<dyn Clock>) -> std::io::Result<AppState> {
    let secret = session_secret(&config)?;
    crypto::config::install(&config.openpgp);
    Ok(AppState {
        base_url: config.base_url().into(),
        basic_cache: Arc::new(auth::BasicCache::new(Duration::from_secs(
            config.basic_cache_seconds,
        ))),
        sessions: Arc::new(auth::SessionKeys::new(&secret)),
        search: search::open(&config.search),
        config: Arc::new(config),
        store,
        clock,
    })
}

/// Routes of the whole application.
pub fn configure(state: AppState) -> impl FnOnce(&mut web::ServiceConfig) {
    move |cfg: &mut web::ServiceConfig| {
        let limit = state.config.max_body_bytes;
        let json_cfg = web::JsonConfig::default()
            .limit(limit)
            .content_type_required(false)
            .error_handler(|err, _| {
                let e = match &err {
                    actix_web::error::JsonPayloadError::Overflow { .. }
                    | actix_web::error::JsonPayloadError::OverflowKnownLength { .. } => {
                        ApiError::TooLarge
                    }
                    other => ApiError::BadRequest(format!("Invalid JSON: {other}")),
                };
                e.into()
            });
        let path_cfg = web::PathConfig::default().error_handler(|_, _| ApiError::NotFound.into());
        let query_cfg = web::QueryConfig::default()
            .error_handler(|err, _| ApiError::BadRequest(format!("Invalid query: {err}")).into());
        cfg.app_data(web::Data::new(state))
            .app_data(json_cfg)
            .app_data(path_cfg)
            .app_data(query_cfg)
            .app_data(web::PayloadConfig::default().limit(limit))
            // Before the REST 1.0 catch-all, which would otherwise answer it.
            .route(
                "/REST/1.0/NoAuth/mail-gateway",
                web::post().to(api::mail_gateway::mail_gateway),
            )
            .route(
                "/mailgate/{secret}/REST/1.0/NoAuth/mail-gateway",
                web::post().to(api::mail_gateway::mail_gateway),
            )
            .service(web::scope("/REST/1.0").configure(api::rest1::configure))
            .service(
                web::scope("/REST/2.0")
                    .configure(api::rest2::configure)
                    .default_service(web::to(|| async {
                        Err::<actix_web::HttpResponse, _>(ApiError::NotFound)
                    })),
            )
            .service(
                web::scope("/otrs/nph-genericinterface.pl/Webservice")
                    .configure(api::otrs::configure),
            )
            .route("/openapi.json", web::get().to(api::web::openapi_json))
            .service(
                utoipa_swagger_ui::SwaggerUi::new("/docs/{_:.*}")
                    .url("/docs/openapi.json", openapi_doc()),
            )
            .default_service(web::get().to(api::web::app));
    }
}

/// Starts serving on an already bound listener; returns the running server.
pub fn serve(
    state: AppState,
    listener: TcpListener,
    workers: usize,
) -> std::io::Result<actix_web::dev::Server> {
    let every = Duration::from_secs(state.config.search.sync_interval_seconds.max(1));
    let (store, index) = (state.store.clone(), state.search.clone());
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(every);
        loop {
            tick.tick().await;
            search::catch_up(store.clone(), index.clone()).await;
        }
    });
    let worker_state = state.clone();
    let server = HttpServer::new(move || {
        let st = state.clone();
        App::new()
            .wrap(actix_web::middleware::from_fn(
                move |req: actix_web::dev::ServiceRequest, next: actix_web::middleware::Next<_>| {
                    let st = st.clone();
                    async move {
                        // The index follows every write before the client hears back.
                        let write = !matches!(
                            *req.method(),
                            actix_web::http::Method::GET | actix_web::http::Method::HEAD
                        );
                        let res = next.call(req).await?;
                        if write {
                            search::catch_up(st.store.clone(), st.search.clone()).await;
                        }
                        Ok::<_, actix_web::Error>(res)
                    }
                },
            ))
            .wrap(tracing_actix_web::TracingLogger::default())
            .configure(configure(state.clone()))
    })
    .workers(workers.max(1))
    .listen(listener)?
    .run();
    if tokio::runtime::Handle::try_current().is_ok() {
        tokio::spawn(mail::outbound::run_worker(worker_state));
    }
    Ok(server)
}

/// Opens the database, applies migrations and creates RT's fixed records.
pub fn open_store(config: &Config, clock: &dyn Clock) -> anyhow::Result<Store> {
    if config.data_dir_is_implicit() {
        // A path, not a secret: the operator needs to know where the keys went.
        tracing::warn!(
            dir = %std::env::current_dir().unwrap_or_default().join("data").display(),
            "data_dir is not set: the sealing, session and abuse keys are kept in ./data under \
             the working directory; set data_dir (HUSHDESK_DATA_DIR) so every start, from any \
             directory, finds the same keys"
        );
    }
    let scorer =
        retention::abuse::AbuseScorer::from_config(&config.retention.abuse, &config.data_dir())?;
    let store = Store::open_with_timeout(
        &config.database_url,
        config.pool_size,
        Duration::from_secs(config.pool_timeout_seconds.max(1)),
    )?;
    store.migrate()?;
    // A new key only for a database without sealed content: otherwise a start from the wrong
    // directory would leave a stray key behind and refuse anyway.
    let stored = store
        .read_blocking(|conn| store::ticket_keys::any(conn).map_err(store::StoreError::from))?;
    let sealer =
        sealing::Sealer::from_config(&config.sealing, &config.data_dir(), stored.is_none())?;
    check_master_key(&sealer, stored, config)?;
    let store = store.with_sealer(sealer).with_abuse_scorer(scorer);
    // Every start (one per message for `hushdesk mailgate`) only reads; the write lock is
    // taken once, for a database with keys stored before their handles were recorded.
    let unindexed = store.read_blocking(|conn| {
        store::openpgp::keys_without_handles(conn).map_err(store::StoreError::from)
    })?;
    let indexed = if unindexed.is_empty() {
        0
    } else {
        store
            .write_blocking(|conn| {
                crypto::keys::index_handles(conn, &unindexed).map_err(store::StoreError::from)
            })
            .map_err(|e| anyhow::anyhow!("indexing stored OpenPGP keys: {e}"))?
    };
    if indexed > 0 {
        tracing::info!(
            keys = indexed,
            "recorded the key ids of stored OpenPGP keys"
        );
    }
    store
        .write_blocking(|conn| store::users::ensure_system_records(conn, clock.now()))
        .map_err(|e| anyhow::anyhow!("bootstrapping the database: {e}"))?;
    Ok(store)
}

/// Refuses to start with a master key that does not open the stored ticket keys: content
/// sealed under the old key would otherwise turn unreadable one request at a time.
fn check_master_key(
    sealer: &sealing::Sealer,
    stored: Option<(i64, Vec<u8>)>,
    config: &Config,
) -> anyhow::Result<()> {
    if let Some((ticket, wrapped)) = stored {
        if sealer.unwrap(ticket, &wrapped).is_err() {
            let source = match &config.sealing.master_key {
                Some(_) => "[sealing] master_key".to_owned(),
                None => config
                    .sealing
                    .key_file(&config.data_dir())
                    .display()
                    .to_string(),
            };
            anyhow::bail!(
                "the sealing master key from {source} does not open this database's ticket keys; \
                 point data_dir, [sealing] master_key_file or master_key at the key this \
                 database was created with"
            );
        }
    }
    Ok(())
}
