//! `hushdesk-bench`: starts the real server, seeds it through REST 2.0 and reports throughput,
//! latency percentiles, auth cost and memory as a Markdown table (see BENCHMARKS.md).

mod load;
mod report;
mod server;

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Duration;

use anyhow::{bail, Context as _, Result};

use load::{mix, run, search_path, Api, Auth, Run};
use report::{Context, Figure, Row, SizeReport, Target};
use server::Server;

const USAGE: &str =
    "usage: hushdesk-bench [--tickets 10000,100000] [--quick] [--rounds N] [--server PATH]
                      [--out FILE] [--write]
  --tickets LIST  database sizes to measure (default 10000,100000; 10k/100k accepted)
  --quick         smoke run: 1,000 tickets and few requests
  --rounds N      rounds per read/reply measure; medians are reported (default 3)
  --server PATH   hushdesk binary (default $HUSHDESK_BIN, else $CARGO_TARGET_DIR/release/hushdesk)
  --out FILE      also write the results section to FILE
  --write         rewrite BENCHMARKS.md at the repository root (header + results)";

const CLIENTS: usize = 8;

const QUERIES: [&str; 3] = [
    "Queue = 'General' AND (Status = 'new' OR Status = 'open')",
    "Requestor.EmailAddress = 'cust42@example.test'",
    "Subject LIKE 'printer'",
];

/// The query compared across REST 1.0 and 2.0: REST 1.0 returns every match in one answer,
/// so the comparison uses a selective query whose matches fit one REST 2.0 page.
const REST1_QUERY: &str = "Requestor.EmailAddress = 'cust42@example.test'";

fn rest1_search_path(query: &str) -> String {
    let q = search_path(query);
    format!(
        "../1.0/search/ticket{}&format=s",
        q.trim_start_matches("tickets")
    )
}

struct Opts {
    sizes: Vec<usize>,
    quick: bool,
    rounds: usize,
    server: PathBuf,
    out: Option<PathBuf>,
    write: bool,
    args: Vec<String>,
}

/// Requests per round (and time bounds) for each kind of measure.
struct Plan {
    rounds: usize,
    correspond: usize,
    get: usize,
    search: usize,
    warmup: usize,
}

fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn parse_size(s: &str) -> Result<usize> {
    let s = s.trim().to_ascii_lowercase();
    let (num, mul) = match s.strip_suffix('k') {
        Some(n) => (n, 1000),
        None => (s.as_str(), 1),
    };
    let n: usize = num
        .replace('_', "")
        .parse()
        .with_context(|| format!("bad ticket count '{s}'"))?;
    if n * mul == 0 {
        bail!("ticket count must be positive");
    }
    Ok(n * mul)
}

fn parse_args() -> Result<Opts> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut sizes = None;
    let (mut quick, mut write, mut rounds, mut server, mut out) = (false, false, 3, None, None);
    let mut it = args.iter();
    while let Some(a) = it.next() {
        let mut value = |name: &str| {
            it.next()
                .cloned()
                .with_context(|| format!("{name} needs a value\n{USAGE}"))
        };
        match a.as_str() {
            "--tickets" => {
                sizes = Some(
                    value("--tickets")?
                        .split(',')
                        .map(parse_size)
                        .collect::<Result<Vec<_>>>()?,
                )
            }
            "--quick" => quick = true,
            "--write" => write = true,
            "--rounds" => rounds = value("--rounds")?.parse().context("--rounds")?,
            "--server" => server = Some(PathBuf::from(value("--server")?)),
            "--out" => out = Some(PathBuf::from(value("--out")?)),
            "-h" | "--help" => {
                println!("{USAGE}");
                std::process::exit(0);
            }
            other => bail!("unknown argument '{other}'\n{USAGE}"),
        }
    }
    let sizes = sizes.unwrap_or_else(|| {
        if quick {
            vec![1000]
        } else {
            vec![10_000, 100_000]
        }
    });
    let server = match server.or_else(|| std::env::var_os("HUSHDESK_BIN").map(PathBuf::from)) {
        Some(p) => p,
        None => std::env::var_os("CARGO_TARGET_DIR")
            .map(PathBuf::from)
            .unwrap_or_else(|| repo_root().join("target"))
            .join("release/hushdesk"),
    };
    if !server.is_file() {
        bail!("server binary {} not found (build it with `cargo build -p hushdesk --release`, or pass --server)", server.display());
    }
    Ok(Opts {
        sizes,
        quick,
        rounds: rounds.max(1),
        server,
        out,
        write,
        args,
    })
}

/// Seeds `n` tickets (the create benchmark), then measures replies and reads.
async fn measure_size(opts: &Opts, plan: &Plan, n: usize) -> Result<SizeReport> {
    eprintln!("== {n} tickets: starting {}", opts.server.display());
    let mut srv = Server::start(&opts.server)?;
    let api = Api::new(&srv.base, &srv.token, &srv.password)?;
    api.get("rt", Auth::Token)
        .await
        .context("token auth does not work")?;
    let mut rss = vec![("start", srv.rss_mib()?)];
    let mut rows = Vec::new();

    eprintln!("   seeding {n} tickets with {CLIENTS} clients");
    let ids = std::sync::Arc::new(std::sync::Mutex::new(Vec::with_capacity(n)));
    let seed_limit = Duration::from_secs(60 + (n / 50) as u64);
    let seed = {
        let (api, ids) = (api.clone(), ids.clone());
        run(CLIENTS, n, seed_limit, move |i| {
            let (api, ids) = (api.clone(), ids.clone());
            async move {
                let id = api.create_ticket(i).await?;
                if let Ok(mut v) = ids.lock() {
                    v.push(id);
                }
                Ok(())
            }
        })
        .await
    };
    srv.check_alive()?;
    let ids: Vec<u64> = ids.lock().map(|v| v.clone()).unwrap_or_default();
    if ids.is_empty() {
        bail!(
            "no ticket could be created: {}",
            seed.first_error.unwrap_or_default()
        );
    }
    eprintln!(
        "   created {} in {:.1} s: {:.0}/s, p50 {} ms, p99 {} ms, {} errors",
        seed.ok(),
        seed.elapsed.as_secs_f64(),
        seed.per_s(),
        report::ms(seed.pct_ms(50.0)),
        report::ms(seed.pct_ms(99.0)),
        seed.errors
    );
    rows.push(Row {
        measure: format!("create `POST /ticket`, {CLIENTS} clients (whole seeding)"),
        fig: Figure::from_rounds(std::slice::from_ref(&seed)),
        ratio: None,
        target: Target::MinPerS(500.0),
    });
    rss.push(("after seed", srv.rss_mib()?));
    let ids = std::sync::Arc::new(ids);
    let pick = move |ids: &[u64], salt: u64, i: usize| {
        ids[(mix(salt ^ (i as u64).wrapping_mul(0x1000_0001)) % ids.len() as u64) as usize]
    };

    eprintln!(
        "   replies: {} rounds × {} with {CLIENTS} clients",
        plan.rounds, plan.correspond
    );
    let mut replies = Vec::new();
    for round in 0..plan.rounds {
        let (api, ids) = (api.clone(), ids.clone());
        replies.push(
            run(
                CLIENTS,
                plan.correspond,
                Duration::from_secs(60),
                move |i| {
                    let (api, id) = (api.clone(), pick(&ids, 0xC0 + round as u64, i));
                    async move { api.correspond(id, i).await }
                },
            )
            .await,
        );
        srv.check_alive()?;
    }
    rows.push(Row {
        measure: format!("reply `POST /ticket/{{id}}/correspond`, {CLIENTS} clients"),
        fig: Figure::from_rounds(&replies),
        ratio: None,
        target: Target::None,
    });
    rss.push(("after replies", srv.rss_mib()?));

    // Sequential reads, interleaved round by round so drift hits every measure alike.
    #[derive(Clone)]
    enum Probe {
        Rt,
        Ticket(Auth),
        Search(&'static str),
        /// REST 1.0 `ticket/<id>/show` (Basic), against REST 2.0 `GET ticket` (Basic).
        Rest1Show,
        /// The selective query through REST 1.0 (`format=s`) and REST 2.0 (`fields=Subject`), Basic.
        Rest1Search,
        Rest2SearchBasic,
    }
    let probes: Vec<Probe> = [
        Probe::Rt,
        Probe::Ticket(Auth::Token),
        Probe::Ticket(Auth::Basic),
    ]
    .into_iter()
    .chain(QUERIES.iter().map(|q| Probe::Search(q)))
    .chain([
        Probe::Rest1Show,
        Probe::Rest1Search,
        Probe::Rest2SearchBasic,
    ])
    .collect();
    let mut matches = Vec::new();
    for q in QUERIES {
        let body = api
            .get(&search_path(q), Auth::Token)
            .await
            .with_context(|| format!("search {q}"))?;
        let v: serde_json::Value =
            serde_json::from_slice(&body).context("search answer is not JSON")?;
        matches.push(
            v["total"]
                .as_u64()
                .map(|t| t.to_string())
                .unwrap_or_else(|| "?".into()),
        );
    }
    let mut results: Vec<Vec<Run>> = vec![Vec::new(); probes.len()];
    eprintln!(
        "   reads: {} rounds × ({} GET, {} per query), sequential",
        plan.rounds, plan.get, plan.search
    );
    for round in 0..=plan.rounds {
        let warm = round == 0;
        for (k, probe) in probes.iter().enumerate() {
            let count = match (warm, probe) {
                (true, _) => plan.warmup,
                (false, Probe::Search(_)) => plan.search,
                (false, _) => plan.get,
            };
            let (api, ids, probe) = (api.clone(), ids.clone(), probe.clone());
            let r = run(1, count, Duration::from_secs(30), move |i| {
                let api = api.clone();
                let (path, auth) = match &probe {
                    Probe::Rt => ("rt".to_owned(), Auth::Token),
                    Probe::Ticket(auth) => {
                        (format!("ticket/{}", pick(&ids, round as u64, i)), *auth)
                    }
                    Probe::Search(q) => (search_path(q), Auth::Token),
                    Probe::Rest1Show => (
                        format!("../1.0/ticket/{}/show", pick(&ids, round as u64, i)),
                        Auth::Basic,
                    ),
                    Probe::Rest1Search => (rest1_search_path(REST1_QUERY), Auth::Basic),
                    Probe::Rest2SearchBasic => (
                        format!("{}&fields=Subject&per_page=100", search_path(REST1_QUERY)),
                        Auth::Basic,
                    ),
                };
                async move { api.get(&path, auth).await }
            })
            .await;
            if !warm {
                results[k].push(r);
            }
        }
        srv.check_alive()?;
    }
    let figs: Vec<Figure> = results.iter().map(|r| Figure::from_rounds(r)).collect();
    let search_p99 = if n <= 10_000 { 10.0 } else { 50.0 };
    let (rt, token) = (figs[0].p50, figs[1].p50);
    rows.push(Row {
        measure: "baseline `GET /rt`".into(),
        fig: figs[0].clone(),
        ratio: None,
        target: Target::None,
    });
    rows.push(Row {
        measure: "`GET /ticket/{id}` (token)".into(),
        fig: figs[1].clone(),
        ratio: Some((token / rt, "baseline")),
        target: Target::MaxP99(5.0),
    });
    rows.push(Row {
        measure: "`GET /ticket/{id}` (Basic)".into(),
        fig: figs[2].clone(),
        ratio: Some((figs[2].p50 / token, "token")),
        target: Target::MaxRatio(1.5),
    });
    for (i, q) in QUERIES.iter().enumerate() {
        let fig = figs[3 + i].clone();
        rows.push(Row {
            measure: format!("search `{q}` [{}]", matches[i]),
            ratio: Some((fig.p50 / rt, "baseline")),
            fig,
            target: Target::MaxP99(search_p99),
        });
    }
    let r1 = 3 + QUERIES.len();
    rows.push(Row {
        measure: "REST 1.0 `GET ticket/{id}/show` (Basic)".into(),
        fig: figs[r1].clone(),
        ratio: Some((figs[r1].p50 / figs[2].p50, "REST 2.0 GET")),
        target: Target::MaxRatioOf(1.5, "REST 2.0"),
    });
    rows.push(Row {
        measure: format!("REST 2.0 search `{REST1_QUERY}`, fields=Subject (Basic)"),
        fig: figs[r1 + 2].clone(),
        ratio: Some((figs[r1 + 2].p50 / rt, "baseline")),
        target: Target::None,
    });
    rows.push(Row {
        measure: format!("REST 1.0 `search/ticket` `{REST1_QUERY}`, format=s (Basic)"),
        fig: figs[r1 + 1].clone(),
        ratio: Some((figs[r1 + 1].p50 / figs[r1 + 2].p50, "REST 2.0 search")),
        target: Target::MaxRatioOf(1.5, "REST 2.0"),
    });
    rss.push(("after reads", srv.rss_mib()?));
    for r in &rows {
        eprintln!(
            "   {}: {:.0}/s p50 {} p99 {} ms, {} errors",
            r.measure,
            r.fig.per_s,
            report::ms(r.fig.p50),
            report::ms(r.fig.p99),
            r.fig.errors
        );
    }
    let db_mib = srv.db_mib();
    Ok(SizeReport {
        tickets: ids.len(),
        rows,
        rss,
        db_mib,
    })
}

fn shell(cmd: &str, args: &[&str]) -> Option<String> {
    let out = std::process::Command::new(cmd).args(args).output().ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).trim().to_owned())
}

/// HEAD, flagged when the server's sources differ from it, plus when the binary was built.
fn commit(root: &str, server: &Path) -> String {
    let mut c =
        shell("git", &["-C", root, "rev-parse", "--short", "HEAD"]).unwrap_or_else(|| "?".into());
    let clean = std::process::Command::new("git")
        .args([
            "-C",
            root,
            "diff",
            "--quiet",
            "HEAD",
            "--",
            "backend",
            "openapi",
            "migrations",
        ])
        .status()
        .is_ok_and(|s| s.success());
    if !clean {
        c.push_str(" + uncommitted server changes");
    }
    let built = std::fs::metadata(server)
        .and_then(|m| m.modified())
        .ok()
        .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
        .and_then(|d| {
            shell(
                "date",
                &[
                    "-u",
                    "-d",
                    &format!("@{}", d.as_secs()),
                    "+%Y-%m-%d %H:%M UTC",
                ],
            )
        });
    if let Some(b) = built {
        c.push_str(&format!(" (server binary built {b})"));
    }
    c
}

fn context(opts: &Opts, plan: &Plan) -> Context {
    let read = |p: &str| std::fs::read_to_string(p).unwrap_or_default();
    let cpuinfo = read("/proc/cpuinfo");
    let cpu = cpuinfo
        .lines()
        .find_map(|l| {
            l.strip_prefix("model name")
                .and_then(|r| r.split(':').nth(1))
        })
        .map(|s| s.trim().to_owned())
        .unwrap_or_else(|| "unknown CPU".into());
    let mem = read("/proc/meminfo")
        .lines()
        .find_map(|l| l.strip_prefix("MemTotal:"))
        .and_then(|v| v.split_whitespace().next()?.parse::<f64>().ok())
        .map(|kib| format!("{:.1} GiB", kib / 1024.0 / 1024.0))
        .unwrap_or_else(|| "?".into());
    let load = read("/proc/loadavg")
        .split_whitespace()
        .take(3)
        .collect::<Vec<_>>()
        .join(" ");
    let root = repo_root();
    let root = root.to_string_lossy();
    let quoted: Vec<String> = opts
        .args
        .iter()
        .map(|a| {
            if a.contains([' ', '\'', '"']) {
                format!("'{a}'")
            } else {
                a.clone()
            }
        })
        .collect();
    let mut command = "cargo run -p hushdesk-bench --release --".to_owned();
    for a in quoted {
        command.push(' ');
        command.push_str(&a);
    }
    Context {
        date: shell("date", &["-u", "+%Y-%m-%d %H:%M UTC"]).unwrap_or_else(|| "unknown date".into()),
        nproc: std::thread::available_parallelism().map(|n| n.get()).unwrap_or(0),
        cpu,
        mem,
        load,
        commit: commit(&root, &opts.server),
        command,
        plan: format!(
            "{} rounds; per round {} replies ({CLIENTS} clients), {} `GET`s per auth scheme and baseline, {} requests per query \
             (sequential, after a {}-request warm-up each); limits 30–60 s per round",
            plan.rounds, plan.correspond, plan.get, plan.search, plan.warmup
        ),
    }
}

async fn bench(opts: Opts) -> Result<()> {
    let plan = if opts.quick {
        Plan {
            rounds: opts.rounds,
            correspond: 100,
            get: 200,
            search: 50,
            warmup: 10,
        }
    } else {
        Plan {
            rounds: opts.rounds,
            correspond: 1000,
            get: 1000,
            search: 200,
            warmup: 20,
        }
    };
    let ctx = context(&opts, &plan);
    let mut sizes = Vec::new();
    for &n in &opts.sizes {
        sizes.push(measure_size(&opts, &plan, n).await?);
    }
    let section = report::render(&ctx, &sizes);
    println!("{section}");
    if let Some(path) = &opts.out {
        std::fs::write(path, &section).with_context(|| format!("writing {}", path.display()))?;
    }
    if opts.write {
        let path = repo_root().join("BENCHMARKS.md");
        std::fs::write(&path, format!("{}{section}", report::HEADER))
            .with_context(|| format!("writing {}", path.display()))?;
        eprintln!("wrote {}", path.display());
    }
    Ok(())
}

fn main() -> ExitCode {
    let result = parse_args().and_then(|opts| {
        let rt = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .enable_all()
            .build()?;
        rt.block_on(async {
            // Dropping `bench` on Ctrl-C drops the server guard, which stops the server.
            tokio::select! {
                r = bench(opts) => r,
                _ = tokio::signal::ctrl_c() => bail!("interrupted"),
            }
        })
    });
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("hushdesk-bench: {e:#}");
            ExitCode::FAILURE
        }
    }
}
