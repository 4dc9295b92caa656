//! `hushdesk`: parse the command line, load configuration, set up logging, open the store, run.

use std::io::Write;
use std::net::TcpListener;
use std::process::ExitCode;
use std::sync::Arc;

use clap::Parser;
use hushdesk::cli::{self, admin, Cli, Command, RightCommand, WhisperbackCommand};
use hushdesk::config::Config;
use hushdesk::domain::clock::{Clock, SystemClock};

/// sysexits: bad usage or configuration.
const EX_CONFIG: u8 = 78;
/// sysexits: a resource (database, port) is unavailable; retrying later may work.
const EX_TEMPFAIL: u8 = 75;
/// sysexits: an input file did not exist or was not readable.
const EX_NOINPUT: u8 = 66;
/// sysexits: an output file cannot be created.
const EX_CANTCREAT: u8 = 73;

fn init_tracing(json: bool) {
    let filter = tracing_subscriber::EnvFilter::try_from_default_env().unwrap_or_else(|_| {
        tracing_subscriber::EnvFilter::new("info,actix_web=warn,actix_server=warn")
    });
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr);
    if json {
        builder.json().init();
    } else {
        builder.init();
    }
}

fn say(line: &str) {
    let mut out = std::io::stdout().lock();
    let _ = writeln!(out, "{line}");
    let _ = out.flush();
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let mut config = match Config::load(cli.config.as_deref()) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("hushdesk: configuration: {e}");
            return ExitCode::from(EX_CONFIG);
        }
    };
    if let Some(db) = &cli.database {
        config.database_url = db.clone();
    }
    init_tracing(config.log_json);
    match run(cli.command, config) {
        Ok(()) => ExitCode::SUCCESS,
        Err((code, e)) => {
            eprintln!("hushdesk: {e:#}");
            ExitCode::from(code)
        }
    }
}

fn run(command: Command, mut config: Config) -> Result<(), (u8, anyhow::Error)> {
    let clock: Arc<dyn Clock> = Arc::new(SystemClock);
    if let Command::Openapi = command {
        print!("{}", hushdesk::openapi_json());
        return Ok(());
    }
    if let Command::Whisperback { action } = command {
        return whisperback(action);
    }
    if let Command::Mailgate(args) = command {
        return match hushdesk::cli::mailgate::run(&args, &config, clock) {
            (0, msg) => {
                if !msg.is_empty() {
                    say(&msg);
                }
                Ok(())
            }
            (code, msg) => Err((code, anyhow::anyhow!(msg))),
        };
    }
    if let Command::Migrate { revert_all: true } = command {
        let store = hushdesk::store::Store::open(&config.database_url, 1)
            .map_err(|e| (EX_TEMPFAIL, e.into()))?;
        let n = store.revert_all().map_err(|e| (1, e.into()))?;
        say(&format!("Reverted {n} migration(s)."));
        return Ok(());
    }
    let store = hushdesk::open_store(&config, clock.as_ref()).map_err(|e| (EX_TEMPFAIL, e))?;
    let now = clock.now();
    let fail = |e: anyhow::Error| (1u8, e);
    match command {
        Command::Serve {
            bind,
            workers,
            demo,
        } => {
            if let Some(b) = bind {
                config.bind = b;
            }
            if demo {
                say(&cli::demo::run(&store, now, &config.organization).map_err(fail)?);
            }
            if let Some((name, generated)) =
                admin::ensure_admin(&store, now, config.initial_admin_password.as_deref())
                    .map_err(fail)?
            {
                match generated {
                    Some(pw) => say(&format!(
                        "Created administrator '{name}' with password {pw} — log in at the app and change it."
                    )),
                    None => say(&format!("Created administrator '{name}' with the configured initial password.")),
                }
            }
            let listener = TcpListener::bind(&config.bind)
                .map_err(|e| (EX_TEMPFAIL, anyhow::anyhow!("binding {}: {e}", config.bind)))?;
            let addr = listener.local_addr().map_err(|e| (EX_TEMPFAIL, e.into()))?;
            if config.web_base_url.is_empty() {
                config.web_base_url = format!("http://{addr}");
            }
            let workers = workers.unwrap_or_else(|| {
                std::thread::available_parallelism()
                    .map(|n| n.get())
                    .unwrap_or(2)
            });
            let schedule = (config.retention.schedule_minutes > 0).then(|| {
                (
                    config.retention.clone(),
                    std::time::Duration::from_secs(config.retention.schedule_minutes * 60),
                )
            });
            let purge_store = store.clone();
            let purge_clock = clock.clone();
            let state = hushdesk::app_state(config, store, clock).map_err(|e| fail(e.into()))?;
            let rt = tokio::runtime::Builder::new_multi_thread()
                .enable_all()
                .build()
                .map_err(|e| fail(e.into()))?;
            rt.block_on(async move {
                if let Some((retention, every)) = schedule {
                    hushdesk::retention::schedule::spawn(
                        purge_store,
                        retention,
                        hushdesk::retention::Reach::new(&state.config, state.search.clone()),
                        purge_clock,
                        every,
                    );
                }
                let server = hushdesk::serve(state, listener, workers)?;
                say(&format!("Hushdesk listening on http://{addr}"));
                server.await
            })
            .map_err(|e| fail(e.into()))?;
        }
        Command::Migrate { .. } => say("Migrations applied."),
        Command::Demo => say(&cli::demo::run(&store, now, &config.organization).map_err(fail)?),
        Command::User { action } => say(&admin::user(&store, now, action).map_err(fail)?),
        Command::Token { action } => say(&admin::token(&store, now, action).map_err(fail)?),
        Command::Right { action } => {
            let msg = match action {
                RightCommand::Grant(a) => admin::rights(&store, a, true),
                RightCommand::Revoke(a) => admin::rights(&store, a, false),
            }
            .map_err(fail)?;
            say(&msg);
        }
        Command::Cf { action } => say(&admin::cf(&store, now, action).map_err(fail)?),
        Command::Queue { action } => say(&admin::queue(&store, now, action).map_err(fail)?),
        Command::Group { action } => say(&admin::group(&store, now, action).map_err(fail)?),
        Command::Reindex => reindex(&config, &store).map_err(|e| (EX_TEMPFAIL, e))?,
        Command::Export { what } => export(&store, what)?,
        Command::Retention { action } => {
            let line = hushdesk::cli::retention::run(&store, &config, clock.as_ref(), action)
                .map_err(|e| (retention_exit(&e), e.into()))?;
            say(&line);
        }
        Command::Erase { email } => {
            let line = hushdesk::cli::retention::erase(&store, &config, clock.as_ref(), &email)
                .map_err(|e| (retention_exit(&e), e.into()))?;
            say(&line);
        }
        Command::Key { action } => {
            say(&hushdesk::cli::key::run(&store, &config, now, action).map_err(fail)?)
        }
        Command::Openapi | Command::Whisperback { .. } | Command::Mailgate(_) => {}
    }
    Ok(())
}

/// Rebuilds the search index with a progress bar on standard error.
fn reindex(config: &Config, store: &hushdesk::store::Store) -> anyhow::Result<()> {
    let index = hushdesk::search::open(&config.search);
    let bar = indicatif::ProgressBar::new(0);
    bar.set_style(
        indicatif::ProgressStyle::with_template(
            "{msg} [{bar:40}] {pos}/{len} tickets ({per_sec}, {eta} left)",
        )?
        .progress_chars("=> "),
    );
    bar.set_message(format!("Reindexing into {}", index.name()));
    let n = hushdesk::search::reindex(store, index.as_ref(), &mut |done, total| {
        bar.set_length(total);
        bar.set_position(done);
    })?;
    bar.finish_and_clear();
    say(&format!(
        "Reindexed {n} ticket(s) into the {} index.",
        index.name()
    ));
    Ok(())
}

fn export(
    store: &hushdesk::store::Store,
    what: hushdesk::cli::ExportCommand,
) -> Result<(), (u8, anyhow::Error)> {
    use hushdesk::cli::{ExportCommand, ExportFormat};
    use hushdesk::store::hardware::{outcome_table, EvidenceFilter};
    use hushdesk::whisperback::compat;
    match what {
        ExportCommand::Hardware { format, output } => {
            let table = store
                .read_blocking(|conn| {
                    outcome_table(conn, &EvidenceFilter::default())
                        .map_err(hushdesk::store::StoreError::Query)
                })
                .map_err(|e| (1, anyhow::anyhow!("reading hardware outcomes: {e}")))?;
            let rows = compat::export_rows(&table);
            let mut text = match format {
                ExportFormat::Csv => compat::to_csv(&rows).map_err(|e| (1, e.into()))?,
                ExportFormat::Json => {
                    serde_json::to_string_pretty(&rows).map_err(|e| (1, e.into()))?
                }
            };
            if !text.ends_with('\n') {
                text.push('\n');
            }
            match output {
                Some(path) => std::fs::write(&path, text).map_err(|e| {
                    (
                        EX_CANTCREAT,
                        anyhow::anyhow!("cannot write {}: {e}", path.display()),
                    )
                })?,
                None => print!("{text}"),
            }
            Ok(())
        }
    }
}

/// Unknown requester → EX_NOINPUT; bad input → EX_USAGE-like 64; anything else → 1.
fn retention_exit(e: &hushdesk::domain::error::DomainError) -> u8 {
    use hushdesk::domain::error::DomainError;
    match e {
        DomainError::NotFound(_) => EX_NOINPUT,
        DomainError::Invalid(_) => 64,
        _ => 1,
    }
}

/// Parsing needs no database: it runs before the store is opened.
fn whisperback(action: WhisperbackCommand) -> Result<(), (u8, anyhow::Error)> {
    match action {
        WhisperbackCommand::Parse { file } => {
            let body = std::fs::read(&file).map_err(|e| {
                (
                    EX_NOINPUT,
                    anyhow::anyhow!("cannot read {}: {e}", file.display()),
                )
            })?;
            let report = hushdesk::whisperback::parse(&body);
            let json = serde_json::to_string_pretty(&report).map_err(|e| (1, e.into()))?;
            say(&json);
            Ok(())
        }
    }
}
