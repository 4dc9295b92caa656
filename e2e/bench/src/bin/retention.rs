//! `retention` benchmark: the cost of sealing content at rest (create and read, sealed server
//! against an unsealed one in the same run, rounds alternated) and the time of
//! `hushdesk retention run` purging 100,000 tickets. Prints a Markdown section.

#[path = "../load.rs"]
#[allow(dead_code)]
mod load;
#[path = "../server.rs"]
#[allow(dead_code)]
mod server;

use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode, Stdio};
use std::time::{Duration, Instant};

use anyhow::{bail, Context as _, Result};
use chrono::NaiveDate;
use hushdesk::config::Config;
use hushdesk::domain::clock::{Clock, FixedClock};
use hushdesk::domain::mime::Part;
use hushdesk::store::tickets::{Ctx, NewTicketInput};
use load::{run, Api, Auth};
use server::Server;

const USAGE: &str =
    "usage: retention [--tickets N] [--rounds N] [--requests N] [--server PATH] [--out FILE]
  --tickets N   tickets in the purge measure (default 100000)
  --rounds N    alternated rounds of the sealing measure; medians reported (default 5)
  --requests N  creates and reads per round and server (default 400)
  --creates N   sealed and unsealed creates each in the in-process measure (default 2000)
  --in-process-only  only the in-process create measure (no servers, no purge)
  --server PATH hushdesk binary (default $HUSHDESK_BIN, else $CARGO_TARGET_DIR/release/hushdesk)
  --out FILE    also write the Markdown section to FILE";

struct Opts {
    tickets: usize,
    rounds: usize,
    requests: usize,
    creates: usize,
    in_process_only: bool,
    server: PathBuf,
    out: Option<PathBuf>,
}

fn opts() -> Result<Opts> {
    let mut o = Opts {
        tickets: 100_000,
        rounds: 5,
        requests: 400,
        creates: 2000,
        in_process_only: false,
        server: std::env::var_os("HUSHDESK_BIN")
            .map(PathBuf::from)
            .unwrap_or_else(|| {
                PathBuf::from(std::env::var("CARGO_TARGET_DIR").unwrap_or_else(|_| "target".into()))
                    .join("release/hushdesk")
            }),
        out: None,
    };
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        let mut val = || args.next().with_context(|| format!("{a} needs a value"));
        match a.as_str() {
            "--tickets" => o.tickets = val()?.parse().context("--tickets")?,
            "--rounds" => o.rounds = val()?.parse().context("--rounds")?,
            "--requests" => o.requests = val()?.parse().context("--requests")?,
            "--creates" => o.creates = val()?.parse().context("--creates")?,
            "--in-process-only" => o.in_process_only = true,
            "--server" => o.server = PathBuf::from(val()?),
            "--out" => o.out = Some(PathBuf::from(val()?)),
            "-h" | "--help" => bail!("{USAGE}"),
            other => bail!("unknown argument {other}\n{USAGE}"),
        }
    }
    if !o.in_process_only && !o.server.exists() {
        bail!(
            "no server binary at {} (build it or pass --server)",
            o.server.display()
        );
    }
    Ok(o)
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    if v.is_empty() {
        return f64::NAN;
    }
    v[v.len() / 2]
}

/// One server, sealed or not, with the attachment ids the read measure fetches.
struct Side {
    server: Server,
    api: Api,
    attachments: Vec<u64>,
    created: usize,
}

fn start(bin: &Path, sealed: bool) -> Result<Side> {
    // The child inherits the environment: the only difference between the two servers.
    std::env::set_var(
        "HUSHDESK_SEALING__ENABLED",
        if sealed { "true" } else { "false" },
    );
    std::env::set_var("HUSHDESK_RETENTION__SCHEDULE_MINUTES", "0");
    let server = Server::start(bin)?;
    let api = Api::new(&server.base, &server.token, &server.password)?;
    Ok(Side {
        server,
        api,
        attachments: Vec::new(),
        created: 0,
    })
}

async fn seed_reads(side: &mut Side, n: usize) -> Result<()> {
    for i in 0..n {
        let id = side.api.create_ticket(1_000_000 + i).await?;
        let body = side
            .api
            .get(&format!("ticket/{id}/attachments"), Auth::Token)
            .await?;
        let v: serde_json::Value = serde_json::from_slice(&body)?;
        for item in v["items"].as_array().into_iter().flatten() {
            let aid = match &item["id"] {
                serde_json::Value::String(s) => s.parse().ok(),
                other => other.as_u64(),
            };
            side.attachments.extend(aid);
        }
    }
    if side.attachments.is_empty() {
        bail!("no attachments to read");
    }
    Ok(())
}

/// p50 of `requests` creates and of `requests` reads, in ms.
async fn round(side: &mut Side, requests: usize) -> Result<(f64, f64)> {
    let api = side.api.clone();
    let base = side.created;
    let create = run(2, requests, Duration::from_secs(120), move |i| {
        let api = api.clone();
        async move { api.create_ticket(base + i).await }
    })
    .await;
    if create.errors > 0 {
        bail!("create failed: {:?}", create.first_error);
    }
    side.created += requests;
    let api = side.api.clone();
    let ids = side.attachments.clone();
    let read = run(2, requests, Duration::from_secs(120), move |i| {
        let api = api.clone();
        let aid = ids[load::mix(i as u64) as usize % ids.len()];
        async move { api.get(&format!("attachment/{aid}"), Auth::Token).await }
    })
    .await;
    if read.errors > 0 {
        bail!("read failed: {:?}", read.first_error);
    }
    side.server.check_alive()?;
    Ok((create.pct_ms(50.0), read.pct_ms(50.0)))
}

/// A store in `dir`, sealed or not (a fixed master key: no key file to create).
fn bench_store(dir: &Path, sealed: bool) -> Result<hushdesk::store::Store> {
    std::fs::create_dir_all(dir)?;
    let config = Config {
        database_url: format!("sqlite://{}/hd.db", dir.display()),
        sealing: hushdesk::sealing::SealingConfig {
            enabled: sealed,
            master_key: Some("5e".repeat(32)),
            master_key_file: None,
        },
        ..Config::default()
    };
    hushdesk::open_store(&config, &hushdesk::domain::clock::SystemClock)
}

/// One ticket created as `POST /ticket` stores it (a requestor, a short body), in its own
/// write transaction; returns the milliseconds it took.
fn create_once(store: &hushdesk::store::Store, queue: i64, seed: usize) -> Result<f64> {
    let rights = hushdesk::domain::rights::EffectiveRights::all();
    let t = Instant::now();
    store.write_blocking(|conn| -> Result<()> {
        let root = hushdesk::store::users::by_name(conn, "RT_System")?.context("RT_System user")?;
        let ctx = Ctx {
            actor: &root,
            rights: &rights,
            now: hushdesk::domain::clock::SystemClock.now(),
            org: "bench.local",
        };
        let input = NewTicketInput {
            queue,
            subject: Some(format!(
                "Seed {seed}: cannot reach the VPN from office {}",
                seed % 13
            )),
            requestors: vec![format!("cust{}@example.test", seed % 1000)],
            content: Some(Part {
                content_type: "text/plain".into(),
                content_encoding: "none".into(),
                content: format!("Hello,\nthis is request {seed}; please help.\n").into_bytes(),
                ..Part::default()
            }),
            ..NewTicketInput::default()
        };
        hushdesk::store::tickets::create(conn, &ctx, &input)?;
        Ok(())
    })?;
    Ok(t.elapsed().as_secs_f64() * 1000.0)
}

/// Sealed against unsealed creates in one process, without HTTP: two stores, one create on
/// each in turn (the order flipped every time), so the machine's drift falls on both alike.
/// Returns the medians in ms (unsealed, sealed).
fn create_in_process(n: usize) -> Result<(f64, f64)> {
    let dir = std::env::temp_dir().join(format!("hushdesk-seal-bench-{}", std::process::id()));
    let plain = bench_store(&dir.join("plain"), false)?;
    let sealed = bench_store(&dir.join("sealed"), true)?;
    let queue = |s: &hushdesk::store::Store| -> Result<i64> {
        s.read_blocking(|c| -> Result<i64> {
            Ok(hushdesk::store::queues::by_name(c, "General")?
                .context("General queue")?
                .id)
        })
    };
    let (qp, qs) = (queue(&plain)?, queue(&sealed)?);
    // Warm both (page cache, statement cache, the sealer's key path).
    for i in 0..50 {
        create_once(&plain, qp, i)?;
        create_once(&sealed, qs, i)?;
    }
    let (mut p, mut s) = (Vec::with_capacity(n), Vec::with_capacity(n));
    for i in 0..n {
        if i % 2 == 0 {
            p.push(create_once(&plain, qp, 100 + i)?);
            s.push(create_once(&sealed, qs, 100 + i)?);
        } else {
            s.push(create_once(&sealed, qs, 100 + i)?);
            p.push(create_once(&plain, qp, 100 + i)?);
        }
    }
    drop(plain);
    drop(sealed);
    let _ = std::fs::remove_dir_all(&dir);
    Ok((median(p), median(s)))
}

/// Seeds `n` resolved tickets three years old (sealed, one body each), in process.
fn seed_purge_db(dir: &Path, n: usize) -> Result<String> {
    let url = format!("sqlite://{}/hd.db", dir.display());
    let config = Config {
        database_url: url.clone(),
        ..Config::default()
    };
    let at = NaiveDate::from_ymd_opt(2023, 1, 2)
        .and_then(|d| d.and_hms_opt(10, 0, 0))
        .context("date")?;
    let clock = FixedClock::new(at);
    let store = hushdesk::open_store(&config, &clock)?;
    let (root, queue) = store.read_blocking(|c| -> Result<_> {
        let root = hushdesk::store::users::by_name(c, "RT_System")?.context("RT_System user")?;
        let queue = hushdesk::store::queues::by_name(c, "General")?.context("General queue")?;
        Ok((root, queue.id))
    })?;
    let rights = hushdesk::domain::rights::EffectiveRights::all();
    for chunk in (0..n).collect::<Vec<_>>().chunks(2000) {
        store.write_blocking(|conn| -> Result<()> {
            let ctx = Ctx {
                actor: &root,
                rights: &rights,
                now: clock.now(),
                org: "bench.local",
            };
            for i in chunk {
                let input = NewTicketInput {
                    queue,
                    subject: Some(format!("Purge seed {i}: wifi drops")),
                    status: Some("resolved".into()),
                    requestors: vec![format!("purge{}@example.test", i % 5000)],
                    content: Some(Part {
                        content_type: "text/plain".into(),
                        content_encoding: "none".into(),
                        content: format!("Body of ticket {i}, sealed at rest.\n").into_bytes(),
                        ..Part::default()
                    }),
                    ..NewTicketInput::default()
                };
                hushdesk::store::tickets::create(conn, &ctx, &input)?;
            }
            Ok(())
        })?;
    }
    store.flush_deleted()?;
    Ok(url)
}

async fn main_async() -> Result<String> {
    let o = opts()?;
    let mut out = String::new();
    out.push_str("## Retention\n\n");
    out.push_str(&format!(
        "Measured by `e2e/bench/src/bin/retention.rs` ({}); server `{}`.\n\n",
        std::env::args().skip(1).collect::<Vec<_>>().join(" "),
        o.server.display()
    ));

    let verdict = |ratio: f64| if ratio <= 1.10 { "PASS" } else { "FAIL" };
    // Sealing without HTTP or a second server: what the store pays for a sealed create.
    let (ip, is) = create_in_process(o.creates)?;
    out.push_str(&format!(
        "Sealing overhead on create, in process: {} creates on each of two SQLite stores (sealed, unsealed), \
         taken in turn, each its own write transaction as `POST /ticket` stores it; medians.\n\n",
        o.creates
    ));
    out.push_str("| Measure | unsealed p50 ms | sealed p50 ms | Ratio | Target | Result |\n|---|---:|---:|---:|---|---|\n");
    out.push_str(&format!(
        "| create through `store::tickets::create` | {ip:.3} | {is:.3} | {:.3}× | ≤ 1.10× | {} |\n\n",
        is / ip,
        verdict(is / ip)
    ));
    if o.in_process_only {
        if let Some(path) = &o.out {
            std::fs::write(path, &out).with_context(|| format!("writing {}", path.display()))?;
        }
        return Ok(out);
    }

    // Sealing: two servers, identical but for [sealing] enabled; rounds alternate.
    let mut sealed = start(&o.server, true)?;
    let mut plain = start(&o.server, false)?;
    seed_reads(&mut sealed, 200).await?;
    seed_reads(&mut plain, 200).await?;
    let (mut sc, mut sr, mut pc, mut pr) = (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    for r in 0..o.rounds {
        let order: [bool; 2] = if r % 2 == 0 {
            [true, false]
        } else {
            [false, true]
        };
        for s in order {
            let (c, rd) = if s {
                round(&mut sealed, o.requests).await?
            } else {
                round(&mut plain, o.requests).await?
            };
            if s {
                sc.push(c);
                sr.push(rd);
            } else {
                pc.push(c);
                pr.push(rd);
            }
        }
    }
    drop(sealed);
    drop(plain);
    let (sc, sr, pc, pr) = (median(sc), median(sr), median(pc), median(pr));
    out.push_str(&format!(
        "Sealing overhead: median over {} alternated rounds of per-round p50, {} requests per round and server, 2 clients.\n\n",
        o.rounds, o.requests
    ));
    out.push_str("| Measure | unsealed p50 ms | sealed p50 ms | Ratio | Target | Result |\n|---|---:|---:|---:|---|---|\n");
    for (name, p, s) in [
        (
            "create `POST /ticket` (body sealed under the ticket key)",
            pc,
            sc,
        ),
        (
            "read `GET /attachment/{id}` (key unwrapped, body opened)",
            pr,
            sr,
        ),
    ] {
        let ratio = s / p;
        out.push_str(&format!(
            "| {name} | {p:.2} | {s:.2} | {ratio:.3}× | ≤ 1.10× | {} |\n",
            verdict(ratio)
        ));
    }

    // Purge: N resolved tickets older than every default rule; the real CLI purges them.
    let dir = std::env::temp_dir().join(format!("hushdesk-retention-bench-{}", std::process::id()));
    std::fs::create_dir_all(&dir)?;
    let t0 = Instant::now();
    let url = seed_purge_db(&dir, o.tickets)?;
    let seed_s = t0.elapsed().as_secs_f64();
    let db_mib = |d: &Path| -> f64 {
        ["hd.db", "hd.db-wal"]
            .iter()
            .filter_map(|f| std::fs::metadata(d.join(f)).ok())
            .map(|m| m.len() as f64 / 1_048_576.0)
            .sum()
    };
    let before_mib = db_mib(&dir);
    let t0 = Instant::now();
    let outp = Command::new(&o.server)
        .args([
            "--config",
            "/dev/null",
            "--database",
            &url,
            "retention",
            "run",
        ])
        .env_remove("HUSHDESK_SEALING__ENABLED")
        .stdin(Stdio::null())
        .output()
        .context("running `hushdesk retention run`")?;
    let purge_s = t0.elapsed().as_secs_f64();
    if !outp.status.success() {
        bail!(
            "`retention run` failed: {}",
            String::from_utf8_lossy(&outp.stderr)
        );
    }
    let receipt = String::from_utf8_lossy(&outp.stdout).trim().to_owned();
    let after_mib = db_mib(&dir);
    let _ = std::fs::remove_dir_all(&dir);
    let v: serde_json::Value = serde_json::from_str(&receipt).unwrap_or_default();
    let purged = v["counts"]["tickets"]["metadata"].as_u64().unwrap_or(0);
    if purged != o.tickets as u64 {
        bail!(
            "purge removed {purged} tickets, expected {}: {receipt}",
            o.tickets
        );
    }
    out.push_str(&format!(
        "\nPurge: {} resolved tickets, three years old (every default rule due: identity, bodies, metadata), \
         seeded in process in {seed_s:.1} s; `hushdesk retention run` on SQLite, including WAL checkpoint and FTS optimize.\n\n",
        o.tickets
    ));
    out.push_str("| Tickets | purge s | tickets/s | DB MiB before → after | Target | Result |\n|---:|---:|---:|---|---|---|\n");
    out.push_str(&format!(
        "| {} | {purge_s:.1} | {:.0} | {before_mib:.0} → {after_mib:.0} | ≤ 60 s | {} |\n",
        o.tickets,
        o.tickets as f64 / purge_s,
        if purge_s <= 60.0 { "PASS" } else { "FAIL" }
    ));
    out.push_str(&format!("\nReceipt: `{}`\n", v["counts"]));
    if let Some(path) = &o.out {
        std::fs::write(path, &out).with_context(|| format!("writing {}", path.display()))?;
    }
    Ok(out)
}

fn main() -> ExitCode {
    let rt = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(rt) => rt,
        Err(e) => {
            eprintln!("retention bench: {e}");
            return ExitCode::FAILURE;
        }
    };
    match rt.block_on(main_async()) {
        Ok(s) => {
            print!("{s}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("retention bench: {e:#}");
            ExitCode::FAILURE
        }
    }
}
