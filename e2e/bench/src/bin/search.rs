//! `search` benchmark: 100,000 messages of ~3 KB in 20,000 tickets, indexed by each
//! implementation of `hushdesk::search::SearchIndex` (SQLite FTS5, PostgreSQL tsvector, Sonic);
//! reports indexing rate, index size on disk, and query p50/p99 for a common and a rare term,
//! as ratios against a primary-key ticket lookup measured in the same run.
//!
//! usage: search [--messages N] [--no-postgres] [--no-sonic] [--out FILE]
//! Sonic comes from $HUSHDESK_TOOLS/bin/sonic (default ~/.cache/hushdesk/tools/bin/sonic);
//! PostgreSQL from $HUSHDESK_TEST_PG (default postgres://postgres@127.0.0.1:5432/postgres).

use std::path::{Path, PathBuf};
use std::process::{Child, Command};
use std::sync::Arc;
use std::time::{Duration, Instant};

use anyhow::{anyhow, bail, Context as _, Result};
use diesel::connection::SimpleConnection;
use diesel::prelude::*;
use hushdesk::config::Config;
use hushdesk::domain::clock::{Clock, SystemClock};
use hushdesk::domain::rights::EffectiveRights;
use hushdesk::search::{self, SearchBackend, SearchIndex};
use hushdesk::store::search::HitFilters;
use hushdesk::store::tickets::{self, Ctx, MessageInput, MessageKind, NewTicketInput};
use hushdesk::store::{DbConn, Store};

const PER_TICKET: usize = 5;
const MESSAGE_BYTES: usize = 3000;
const COMMON: &str = "wifi";
const RARE: &str = "zebrafirmware";
const RARE_COUNT: usize = 10;
const ROUNDS: usize = 300;

/// A small deterministic generator (xorshift64*), so every run indexes the same text.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

const ENGLISH: &[&str] = &[
    "the",
    "and",
    "to",
    "of",
    "a",
    "in",
    "is",
    "it",
    "my",
    "i",
    "that",
    "for",
    "on",
    "with",
    "this",
    "not",
    "when",
    "boot",
    "tails",
    "usb",
    "stick",
    "laptop",
    "network",
    "tor",
    "connect",
    "error",
    "screen",
    "after",
    "update",
    "please",
    "help",
    "works",
    "does",
    "start",
    "persistent",
    "storage",
    "password",
    "keyboard",
    "driver",
    "card",
    "graphics",
    "computer",
    "install",
    "version",
    "message",
    "browser",
    "unsafe",
    "bridge",
    "time",
];

/// Vocabulary: common English plus 20,000 made-up technical words, drawn Zipf-like.
fn vocabulary() -> Vec<String> {
    let mut v: Vec<String> = ENGLISH.iter().map(|s| (*s).to_owned()).collect();
    let syll = [
        "ka", "ro", "mi", "tel", "sun", "dra", "vo", "pex", "lin", "qu", "zor", "ben",
    ];
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    while v.len() < 20_000 + ENGLISH.len() {
        let n = 2 + rng.below(3);
        let w: String = (0..n).map(|_| syll[rng.below(syll.len())]).collect();
        v.push(format!("{w}{}", rng.below(100)));
    }
    v
}

fn message(rng: &mut Rng, vocab: &[String], i: usize, rare_every: usize) -> String {
    let mut s = String::with_capacity(MESSAGE_BYTES + 64);
    if i.is_multiple_of(2) {
        s.push_str(COMMON);
        s.push(' ');
    }
    if i % rare_every == rare_every / 2 {
        s.push_str(RARE);
        s.push(' ');
    }
    while s.len() < MESSAGE_BYTES {
        // Zipf-like: squaring a uniform draw favours the front of the vocabulary.
        let u = rng.below(1 << 20) as f64 / (1u64 << 20) as f64;
        let k = ((u * u * u) * vocab.len() as f64) as usize;
        s.push_str(&vocab[k.min(vocab.len() - 1)]);
        s.push(if rng.below(12) == 0 { '\n' } else { ' ' });
    }
    s
}

/// Creates the tickets through the store (as the API does): every transaction queues its ticket.
fn seed(store: &Store, messages: usize) -> Result<()> {
    let clock = SystemClock;
    hushdesk::cli::admin::ensure_admin(store, clock.now(), Some("bench-password"))?;
    let vocab = vocabulary();
    let mut rng = Rng(42);
    let rare_every = messages / RARE_COUNT;
    let tickets_n = messages / PER_TICKET;
    let batch = 500;
    let mut done = 0;
    let started = Instant::now();
    while done < tickets_n {
        let upto = (done + batch).min(tickets_n);
        let texts: Vec<String> = (done * PER_TICKET..upto * PER_TICKET)
            .map(|i| message(&mut rng, &vocab, i, rare_every))
            .collect();
        store.write_blocking(|conn| -> Result<()> {
            let root = hushdesk::store::users::by_name(conn, "root")?
                .ok_or_else(|| anyhow!("no root user"))?;
            let queue = hushdesk::store::queues::by_name(conn, "General")?
                .ok_or_else(|| anyhow!("no General queue"))?
                .id;
            let rights = EffectiveRights::all();
            let ctx = Ctx {
                actor: &root,
                rights: &rights,
                now: clock.now(),
                org: "bench.local",
            };
            for (k, chunk) in texts.chunks(PER_TICKET).enumerate() {
                let t = done + k;
                let id = tickets::create(
                    conn,
                    &ctx,
                    &NewTicketInput {
                        queue,
                        subject: Some(format!("Report {t}")),
                        requestors: vec![format!("user{}@example.test", t % 997)],
                        content: hushdesk::domain::mime::message_tree(
                            "",
                            Some(&chunk[0]),
                            "text/plain",
                            &[],
                        ),
                        ..NewTicketInput::default()
                    },
                )
                .map_err(|e| anyhow!("create: {e}"))?;
                for text in &chunk[1..] {
                    tickets::add_message(
                        conn,
                        &ctx,
                        id,
                        MessageKind::Correspond,
                        &MessageInput {
                            content: hushdesk::domain::mime::message_tree(
                                "",
                                Some(text),
                                "text/plain",
                                &[],
                            ),
                            subject: None,
                            time_taken: 0,
                            status: None,
                            custom_fields: Vec::new(),
                        },
                    )
                    .map_err(|e| anyhow!("reply: {e}"))?;
                }
            }
            Ok(())
        })?;
        done = upto;
    }
    eprintln!(
        "  seeded {} tickets / {} messages in {:.0} s",
        tickets_n,
        tickets_n * PER_TICKET,
        started.elapsed().as_secs_f64()
    );
    Ok(())
}

fn percentile(sorted: &[f64], p: f64) -> f64 {
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i.min(sorted.len() - 1)]
}

struct Latency {
    p50: f64,
    p99: f64,
}

fn measure(mut f: impl FnMut(usize) -> Result<usize>) -> Result<(Latency, usize)> {
    let mut last = 0;
    for i in 0..20 {
        last = f(i)?;
    }
    let mut ms = Vec::with_capacity(ROUNDS);
    for i in 0..ROUNDS {
        let t = Instant::now();
        last = f(i)?;
        ms.push(t.elapsed().as_secs_f64() * 1000.0);
    }
    ms.sort_by(f64::total_cmp);
    Ok((
        Latency {
            p50: percentile(&ms, 0.5),
            p99: percentile(&ms, 0.99),
        },
        last,
    ))
}

struct Outcome {
    name: String,
    messages: usize,
    index_secs: f64,
    text_mib: f64,
    size_mib: f64,
    baseline: Latency,
    rows: Vec<(String, Latency, usize)>,
}

fn text_mib(messages: usize) -> f64 {
    (messages * MESSAGE_BYTES) as f64 / (1024.0 * 1024.0)
}

/// Times a full `sync` of the queued tickets, then the queries.
fn run_one(
    name: &str,
    store: &Store,
    index: Arc<dyn SearchIndex>,
    messages: usize,
    size: &mut dyn FnMut() -> Result<u64>,
    already_indexed: bool,
) -> Result<Outcome> {
    eprintln!("  indexing with {name}");
    let before = if already_indexed { 0 } else { size()? };
    let t = Instant::now();
    let n = search::sync(store, index.as_ref()).map_err(|e| anyhow!("sync: {e}"))?;
    let n = if already_indexed {
        messages / PER_TICKET
    } else {
        n
    };
    // As `hushdesk reindex` ends: PostgreSQL merges GIN's pending list and analyses.
    {
        let mut conn = store.conn()?;
        index
            .settle(&mut conn)
            .map_err(|e| anyhow!("settle: {e}"))?;
    }
    let index_secs = t.elapsed().as_secs_f64();
    let tickets_n = messages / PER_TICKET;
    if n < tickets_n {
        bail!("{name}: indexed {n} tickets, expected {tickets_n}");
    }
    let after = size()?;
    let size_mib = after.saturating_sub(before) as f64 / (1024.0 * 1024.0);

    // Queries read sealed content (snippets, Sonic's check) as the server's closures do:
    // with the store's sealer current on this thread.
    let sealer = store.sealer().cloned();
    hushdesk::sealing::scoped(sealer.as_ref(), || {
        queries(name, store, index, messages, index_secs, size_mib)
    })
}

fn queries(
    name: &str,
    store: &Store,
    index: Arc<dyn SearchIndex>,
    messages: usize,
    index_secs: f64,
    size_mib: f64,
) -> Result<Outcome> {
    let tickets_n = messages / PER_TICKET;
    let mut conn = store.conn()?;
    let conn: &mut DbConn = &mut conn;
    let (baseline, _) = measure(|i| {
        let id = 1 + (i * 7919 % tickets_n) as i64;
        Ok(tickets::raw(conn, id)?.map_or(0, |_| 1))
    })?;
    let mut rows = Vec::new();
    for (label, term) in [("common", COMMON), ("rare", RARE)] {
        let (lat, hits) = measure(|_| {
            Ok(index
                .find(conn, term, None, 1000)
                .map_err(|e| anyhow!("find: {e}"))?
                .len())
        })?;
        rows.push((
            format!("find `{term}` ({label}), up to 1000 ids"),
            lat,
            hits,
        ));
        let rights = EffectiveRights::all();
        let (lat, hits) = measure(|_| {
            let page = search::search_tickets(
                conn,
                index.as_ref(),
                &rights,
                1,
                term,
                &HitFilters::default(),
                1000,
                0,
                20,
            )
            .map_err(|e| anyhow!("search: {e}"))?;
            Ok(page.total as usize)
        })?;
        rows.push((
            format!("endpoint search `{term}` ({label}): filter, rights, 20 snippets"),
            lat,
            hits,
        ));
    }
    let rights = EffectiveRights::all();
    let sql = format!("Content LIKE '{RARE}'");
    let (lat, hits) = measure(|_| {
        let req = hushdesk::store::search::SearchRequest {
            query: &sql,
            order_by: hushdesk::store::search::OrderBy::Id,
            descending: false,
            offset: 0,
            limit: 50,
            count_total: true,
        };
        let (rows, _) = hushdesk::store::search::search(conn, index.as_content(), &rights, 1, &req)
            .map_err(|e| anyhow!("ticketsql: {e}"))?;
        Ok(rows.len())
    })?;
    rows.push((format!("TicketSQL `{sql}`"), lat, hits));
    Ok(Outcome {
        name: name.to_owned(),
        messages,
        index_secs,
        text_mib: text_mib(messages),
        size_mib,
        baseline,
        rows,
    })
}

fn dir_size(p: &Path) -> u64 {
    let Ok(rd) = std::fs::read_dir(p) else {
        return 0;
    };
    rd.flatten()
        .map(|e| match e.metadata() {
            Ok(m) if m.is_dir() => dir_size(&e.path()),
            Ok(m) => m.len(),
            Err(_) => 0,
        })
        .sum()
}

fn sqlite_size(store: &Store, path: &Path) -> Result<u64> {
    store
        .conn()?
        .batch_execute("PRAGMA wal_checkpoint(TRUNCATE);")?;
    Ok(std::fs::metadata(path)?.len())
}

struct Sonic {
    child: Child,
    dir: PathBuf,
    addr: String,
}

impl Drop for Sonic {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

fn start_sonic(scratch: &Path) -> Result<Sonic> {
    let tools = std::env::var("HUSHDESK_TOOLS")
        .map(PathBuf::from)
        .unwrap_or_else(|_| {
            PathBuf::from(std::env::var("HOME").unwrap_or_default()).join(".cache/hushdesk/tools")
        });
    let bin = tools.join("bin/sonic");
    let port = std::net::TcpListener::bind("127.0.0.1:0")?
        .local_addr()?
        .port();
    let dir = scratch.join("sonic");
    std::fs::create_dir_all(&dir)?;
    // The configuration Hushdesk ships (contrib/sonic/config.cfg), as the tests use it.
    let cfg = include_str!("../../../../contrib/sonic/config.cfg")
        .replace("@INET@", &format!("127.0.0.1:{port}"))
        .replace("@PASSWORD@", "bench")
        .replace("@DATA@", &dir.display().to_string());
    std::fs::write(dir.join("config.cfg"), cfg)?;
    let child = Command::new(&bin)
        .arg("-c")
        .arg(dir.join("config.cfg"))
        .spawn()
        .with_context(|| format!("starting {}", bin.display()))?;
    let addr = format!("127.0.0.1:{port}");
    for _ in 0..100 {
        if let Ok(stream) = std::net::TcpStream::connect(&addr) {
            // Read the banner and quit: hanging up before Sonic writes its banner makes its
            // channel thread panic on the broken pipe.
            let mut lines = std::io::BufReader::new(stream.try_clone()?);
            let mut banner = String::new();
            std::io::BufRead::read_line(&mut lines, &mut banner)?;
            std::io::Write::write_all(&mut &stream, b"QUIT\r\n")?;
            let mut ended = String::new();
            std::io::BufRead::read_line(&mut lines, &mut ended)?;
            return Ok(Sonic { child, dir, addr });
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    bail!("Sonic did not start on {addr}")
}

fn config(url: &str) -> Config {
    Config {
        database_url: url.to_owned(),
        pool_size: 2,
        ..Config::default()
    }
}

fn report(outcomes: &[Outcome]) -> String {
    let mut s = String::new();
    s.push_str("\n## Full-text search\n\n");
    s.push_str(&format!(
        "`cargo run --release -p hushdesk-bench --bin search` (e2e/bench/src/bin/search.rs): {} messages of ~3 KB \
         ({} per ticket, {:.0} MiB of text), a common term (`{COMMON}`, in half the messages) and a rare one \
         (`{RARE}`, in {RARE_COUNT}); {ROUNDS} timed queries each after 20 warm-ups, in-process through \
         `hushdesk::search`. Baseline: a primary-key ticket lookup on the same connection. Target: p99 ≤ 20 ms.\n\n",
        outcomes.first().map_or(0, |o| o.messages),
        PER_TICKET,
        outcomes.first().map_or(0.0, |o| o.text_mib),
    ));
    s.push_str("| Index | indexing (s) | messages/s | MiB text/s | index size MiB | size / text |\n|---|---:|---:|---:|---:|---:|\n");
    for o in outcomes {
        s.push_str(&format!(
            "| {} | {:.1} | {:.0} | {:.1} | {:.0} | {:.2}× |\n",
            o.name,
            o.index_secs,
            o.messages as f64 / o.index_secs,
            o.text_mib / o.index_secs,
            o.size_mib,
            o.size_mib / o.text_mib
        ));
    }
    s.push_str("\n| Index | Measure | hits | p50 ms | p99 ms | p50 vs baseline | p99 ≤ 20 ms |\n|---|---|---:|---:|---:|---:|---|\n");
    let mut all_ok = true;
    for o in outcomes {
        s.push_str(&format!(
            "| {} | baseline: ticket by id | 1 | {:.3} | {:.3} | 1.00× | — |\n",
            o.name, o.baseline.p50, o.baseline.p99
        ));
        for (label, lat, hits) in &o.rows {
            let ok = lat.p99 <= 20.0;
            all_ok &= ok;
            s.push_str(&format!(
                "| {} | {} | {} | {:.2} | {:.2} | {:.1}× | {} |\n",
                o.name,
                label,
                hits,
                lat.p50,
                lat.p99,
                lat.p50 / o.baseline.p50.max(1e-6),
                if ok { "PASS" } else { "FAIL" }
            ));
        }
    }
    s.push_str(if all_ok {
        "\nAll query targets met.\n"
    } else {
        "\nSome query targets missed (FAIL rows above).\n"
    });
    s
}

fn main() -> Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut messages = 100_000;
    let (mut postgres, mut sonic, mut sqlite, mut keep) = (true, true, true, false);
    let mut reuse: Option<String> = None;
    let mut out: Option<PathBuf> = None;
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--messages" => {
                messages = it.next().ok_or_else(|| anyhow!("--messages N"))?.parse()?;
            }
            "--no-postgres" => postgres = false,
            "--no-sonic" => sonic = false,
            "--no-sqlite" => sqlite = false,
            "--keep-postgres" => keep = true,
            // Queries only, on a database an earlier `--keep-postgres` run seeded and indexed.
            "--reuse-postgres" => {
                reuse = Some(it.next().ok_or_else(|| anyhow!("--reuse-postgres URL"))?.clone());
            }
            "--out" => out = Some(PathBuf::from(it.next().ok_or_else(|| anyhow!("--out FILE"))?)),
            other => bail!("unknown argument {other}; usage: search [--messages N] [--no-sqlite] [--no-sonic] [--no-postgres] [--keep-postgres] [--reuse-postgres URL] [--out FILE]"),
        }
    }
    let scratch =
        std::env::temp_dir().join(format!("hushdesk-search-bench-{}", std::process::id()));
    std::fs::create_dir_all(&scratch)?;
    let clock = SystemClock;
    let mut outcomes = Vec::new();

    if sqlite || sonic {
        eprintln!("SQLite");
        let db_path = scratch.join("bench.db");
        let cfg = config(&format!("sqlite://{}", db_path.display()));
        let store = hushdesk::open_store(&cfg, &clock)?;
        seed(&store, messages)?;
        if sqlite {
            let index = search::open(&cfg.search);
            outcomes.push(run_one(
                "SQLite FTS5",
                &store,
                index,
                messages,
                &mut || sqlite_size(&store, &db_path),
                false,
            )?);
        }

        if sonic {
            eprintln!("Sonic (same SQLite database as the text store)");
            let server = start_sonic(&scratch)?;
            let mut scfg = cfg.clone();
            scfg.search.backend = SearchBackend::Sonic;
            scfg.search.sonic_address = server.addr.clone();
            scfg.search.sonic_password = "bench".into();
            scfg.search.sonic_query_limit = 1000;
            let sindex = search::open(&scfg.search);
            store.write_blocking(|conn| -> Result<()> {
                hushdesk::store::search_queue::touch_all(conn)?;
                Ok(())
            })?;
            let data = server.dir.clone();
            outcomes.push(run_one(
                "Sonic 1.10",
                &store,
                sindex,
                messages,
                &mut || Ok(dir_size(&data.join("kv")) + dir_size(&data.join("fst"))),
                false,
            )?);
            drop(server);
        }
        drop(store);
    }

    if postgres {
        eprintln!("PostgreSQL");
        let admin = std::env::var("HUSHDESK_TEST_PG")
            .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/postgres".into());
        let name = format!("hushdesk_search_bench_{}", std::process::id());
        let mut a = diesel::pg::PgConnection::establish(&admin)?;
        let url = match (&reuse, admin.rsplit_once('/')) {
            (Some(u), _) => u.clone(),
            (None, Some((head, _))) => {
                a.batch_execute(&format!("CREATE DATABASE {name}"))?;
                format!("{head}/{name}")
            }
            (None, None) => bail!("bad HUSHDESK_TEST_PG"),
        };
        let result = (|| -> Result<Outcome> {
            let pcfg = config(&url);
            let store = hushdesk::open_store(&pcfg, &clock)?;
            if reuse.is_none() {
                seed(&store, messages)?;
            }
            let index = search::open(&pcfg.search);
            let s2 = store.clone();
            // A reused database was indexed by the run that kept it: its indexing columns
            // time only an empty sync.
            let label = if reuse.is_some() {
                "PostgreSQL tsvector (reused: indexing not measured)"
            } else {
                "PostgreSQL tsvector"
            };
            run_one(
                label,
                &store,
                index,
                messages,
                &mut || {
                    #[derive(QueryableByName)]
                    struct Size {
                        #[diesel(sql_type = diesel::sql_types::BigInt)]
                        n: i64,
                    }
                    let mut c = s2.conn()?;
                    let s: Size = diesel::sql_query(
                        "SELECT pg_total_relation_size('search_index')::BIGINT AS n",
                    )
                    .get_result(&mut *c)?;
                    Ok(u64::try_from(s.n).unwrap_or(0))
                },
                reuse.is_some(),
            )
        })();
        if keep || reuse.is_some() {
            eprintln!("  kept the database {url} (drop it by hand)");
        } else {
            a.batch_execute(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"))?;
        }
        outcomes.push(result?);
    }
    let _ = std::fs::remove_dir_all(&scratch);
    let text = report(&outcomes);
    print!("{text}");
    if let Some(p) = out {
        std::fs::write(p, &text)?;
    }
    Ok(())
}
