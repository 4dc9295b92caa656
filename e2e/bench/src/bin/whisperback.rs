//! `whisperback` benchmark: parser throughput over a generated corpus against a plain scan of
//! the same bytes, and reports ingested end to end through `POST /REST/2.0/whisperback`
//! against plain ticket creation with bodies of the same sizes, in the same run.

#[allow(dead_code)]
#[path = "../load.rs"]
mod load;
#[allow(dead_code)]
#[path = "../server.rs"]
mod server;

use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};
use std::sync::Arc;
use std::time::{Duration, Instant};

use anyhow::{bail, Context as _, Result};
use serde_json::json;

use load::{run, Run};
use server::Server;

const USAGE: &str = "usage: whisperback [--corpus N] [--ingest N] [--rounds N] [--clients N]
                   [--server PATH] [--out FILE] [--write]
  --corpus N    reports to generate (default 300, plus 2 multi-MB ones)
  --ingest N    reports ingested end to end (default 1000)
  --rounds N    parse rounds; medians are reported (default 5)
  --clients N   concurrent HTTP clients (default 4)
  --server PATH hushdesk binary (default $HUSHDESK_BIN, else $CARGO_TARGET_DIR/release/hushdesk)
  --out FILE    also write the results section to FILE
  --write       replace the '## WhisperBack' section at the end of BENCHMARKS.md";

const SECTION: &str = "## WhisperBack";

struct Opts {
    corpus: usize,
    ingest: usize,
    rounds: usize,
    clients: usize,
    server: PathBuf,
    out: Option<PathBuf>,
    write: bool,
}

fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn shared_dir() -> Result<PathBuf> {
    let root = repo_root();
    [
        std::env::var_os("HUSHDESK_SHARED").map(PathBuf::from),
        Some(root.join("../shared")),
        Some(root.join("../../shared")),
    ]
    .into_iter()
    .flatten()
    .find(|p| p.join("testdata/whisperback/gen_whisperback.py").is_file())
    .context("shared/testdata/whisperback/gen_whisperback.py not found (set HUSHDESK_SHARED)")
}

fn parse_args() -> Result<Opts> {
    let mut o = Opts {
        corpus: 300,
        ingest: 1000,
        rounds: 5,
        clients: 4,
        server: std::env::var_os("HUSHDESK_BIN")
            .map(PathBuf::from)
            .unwrap_or_else(|| {
                let target = std::env::var_os("CARGO_TARGET_DIR")
                    .map(PathBuf::from)
                    .unwrap_or_else(|| repo_root().join("target"));
                target.join("release/hushdesk")
            }),
        out: None,
        write: false,
    };
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        let mut value = |name: &str| args.next().with_context(|| format!("{name} needs a value"));
        match a.as_str() {
            "--corpus" => o.corpus = value("--corpus")?.parse().context("--corpus")?,
            "--ingest" => o.ingest = value("--ingest")?.parse().context("--ingest")?,
            "--rounds" => o.rounds = value("--rounds")?.parse().context("--rounds")?,
            "--clients" => o.clients = value("--clients")?.parse().context("--clients")?,
            "--server" => o.server = value("--server")?.into(),
            "--out" => o.out = Some(value("--out")?.into()),
            "--write" => o.write = true,
            "-h" | "--help" => bail!("{USAGE}"),
            other => bail!("unknown argument '{other}'\n{USAGE}"),
        }
    }
    if o.corpus == 0 || o.ingest == 0 || o.rounds == 0 || o.clients == 0 {
        bail!("counts must be positive\n{USAGE}");
    }
    Ok(o)
}

/// Runs the shared generator into a temporary directory; returns the report bodies.
fn generate(count: usize, dir: &Path) -> Result<Vec<Vec<u8>>> {
    let script = shared_dir()?.join("testdata/whisperback/gen_whisperback.py");
    let out = Command::new("python3")
        .arg(&script)
        .args(["--seed", "20261124", "--count", &count.to_string()])
        .args(["--huge-count", "2", "--huge-mb", "3", "--out"])
        .arg(dir)
        .output()
        .context("running python3 gen_whisperback.py")?;
    if !out.status.success() {
        bail!("generator failed: {}", String::from_utf8_lossy(&out.stderr));
    }
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    files
        .iter()
        .map(|p| std::fs::read(p).with_context(|| format!("reading {}", p.display())))
        .collect()
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(|a, b| a.total_cmp(b));
    v.get(v.len() / 2).copied().unwrap_or(f64::NAN)
}

/// The baseline for parsing: one pass over the bytes that decodes UTF-8 and splits lines, the
/// least any parser must do.
fn scan(body: &[u8]) -> usize {
    String::from_utf8_lossy(body).split('\n').count()
}

struct ParseFigures {
    mb: f64,
    reports: usize,
    parse_mb_s: f64,
    scan_mb_s: f64,
    largest_mb: f64,
    largest_ms: f64,
}

fn measure_parse(corpus: &[Vec<u8>], rounds: usize) -> ParseFigures {
    let bytes: usize = corpus.iter().map(Vec::len).sum();
    let mb = bytes as f64 / 1e6;
    let mut parse = Vec::new();
    let mut base = Vec::new();
    for _ in 0..rounds {
        let t = Instant::now();
        let mut n = 0usize;
        for b in corpus {
            n += std::hint::black_box(hushdesk::whisperback::parse(b))
                .sections
                .len();
        }
        std::hint::black_box(n);
        parse.push(mb / t.elapsed().as_secs_f64());
        let t = Instant::now();
        let mut n = 0usize;
        for b in corpus {
            n += scan(std::hint::black_box(b));
        }
        std::hint::black_box(n);
        base.push(mb / t.elapsed().as_secs_f64());
    }
    let largest = corpus
        .iter()
        .max_by_key(|b| b.len())
        .cloned()
        .unwrap_or_default();
    let mut times = Vec::new();
    for _ in 0..rounds {
        let t = Instant::now();
        std::hint::black_box(hushdesk::whisperback::parse(&largest));
        times.push(t.elapsed().as_secs_f64() * 1000.0);
    }
    ParseFigures {
        mb,
        reports: corpus.len(),
        parse_mb_s: median(parse),
        scan_mb_s: median(base),
        largest_mb: largest.len() as f64 / 1e6,
        largest_ms: median(times),
    }
}

fn client() -> Result<reqwest::Client> {
    reqwest::Client::builder()
        .no_proxy()
        .timeout(Duration::from_secs(60))
        .build()
        .context("building HTTP client")
}

/// The i-th ingested report: a corpus body under a fresh report id.
fn report_id(i: usize) -> String {
    format!("{:x}", load::mix(i as u64 + 1) | 1)
}

async fn ingest(
    base: &str,
    token: &str,
    corpus: Arc<Vec<Vec<u8>>>,
    total: usize,
    clients: usize,
) -> Result<Run> {
    let http = client()?;
    let url = format!("{base}/REST/2.0/whisperback");
    let auth = format!("token {token}");
    let r = run(clients, total, Duration::from_secs(1800), move |i| {
        let (http, url, auth, corpus) = (http.clone(), url.clone(), auth.clone(), corpus.clone());
        async move {
            let body = corpus[i % corpus.len()].clone();
            let resp = http
                .post(&url)
                .query(&[("subject", format!("Bug report: {}", report_id(i)))])
                .header("Authorization", auth)
                .header("Content-Type", "text/plain")
                .body(body)
                .send()
                .await?;
            if resp.status() != reqwest::StatusCode::CREATED {
                bail!(
                    "HTTP {}: {}",
                    resp.status(),
                    resp.text().await.unwrap_or_default()
                );
            }
            Ok(())
        }
    })
    .await;
    Ok(r)
}

/// Baseline: `POST /ticket` with the same subject and a body of the same size, attached the same
/// way, so the difference is parsing and storing the facts.
async fn plain_tickets(
    base: &str,
    token: &str,
    corpus: Arc<Vec<Vec<u8>>>,
    total: usize,
    clients: usize,
) -> Result<Run> {
    use base64::Engine;
    let http = client()?;
    let url = format!("{base}/REST/2.0/ticket");
    let auth = format!("token {token}");
    let bodies: Arc<Vec<serde_json::Value>> = Arc::new(
        corpus
            .iter()
            .map(|b| {
                json!({
                    "Queue": "General",
                    "Subject": "Tails does not start",
                    "Content": "What happened instead?\nIt froze.",
                    "Requestor": "someone@example.test",
                    "Attachments": [{
                        "FileName": "report.txt",
                        "FileType": "text/plain",
                        "FileContent": base64::engine::general_purpose::STANDARD.encode(b),
                    }],
                })
            })
            .collect(),
    );
    let r = run(clients, total, Duration::from_secs(1800), move |i| {
        let (http, url, auth, bodies) = (http.clone(), url.clone(), auth.clone(), bodies.clone());
        async move {
            let resp = http
                .post(&url)
                .header("Authorization", auth)
                .json(&bodies[i % bodies.len()])
                .send()
                .await?;
            if resp.status() != reqwest::StatusCode::CREATED {
                bail!(
                    "HTTP {}: {}",
                    resp.status(),
                    resp.text().await.unwrap_or_default()
                );
            }
            Ok(())
        }
    })
    .await;
    Ok(r)
}

fn check(r: &Run, what: &str) -> Result<()> {
    if r.errors > 0 || r.hit_time_limit {
        bail!(
            "{what}: {} errors, time limit hit: {}; first error: {}",
            r.errors,
            r.hit_time_limit,
            r.first_error.as_deref().unwrap_or("-")
        );
    }
    Ok(())
}

fn render(o: &Opts, p: &ParseFigures, ing: &Run, plain: &Run, ingested_mb: f64) -> String {
    let mut s = String::new();
    s.push_str(&format!("{SECTION}\n\n"));
    s.push_str(&format!(
        "`cargo run --release -p hushdesk-bench --bin whisperback -- --corpus {} --ingest {} --rounds {} --clients {}`: \
         a corpus from `gen_whisperback.py` (seed 20261124, {} reports incl. two of 3 MB, {:.1} MB), \
         the release server on SQLite with 2 workers, on this 2-core machine.\n\n",
        o.corpus, o.ingest, o.rounds, o.clients, p.reports, p.mb
    ));
    s.push_str("| Measure | Figure | Baseline (same run) | Ratio |\n|---|---:|---:|---:|\n");
    s.push_str(&format!(
        "| parse throughput, whole corpus (median of {} rounds) | {:.1} MB/s | {:.1} MB/s (UTF-8 decode + line split) | {:.2}× |\n",
        o.rounds,
        p.parse_mb_s,
        p.scan_mb_s,
        p.parse_mb_s / p.scan_mb_s
    ));
    s.push_str(&format!(
        "| parse the largest report ({:.2} MB), median | {:.1} ms | target < 50 ms | {} |\n",
        p.largest_mb,
        p.largest_ms,
        if p.largest_ms < 50.0 { "PASS" } else { "FAIL" }
    ));
    s.push_str(&format!(
        "| ingest end to end `POST /whisperback`, {} reports ({:.0} MB), {} clients | {:.1} reports/s (p50 {:.1} ms, p99 {:.1} ms) | {:.1} tickets/s `POST /ticket` with the same bodies attached (p50 {:.1} ms) | {:.2}× |\n",
        ing.ok(),
        ingested_mb,
        o.clients,
        ing.per_s(),
        ing.pct_ms(50.0),
        ing.pct_ms(99.0),
        plain.per_s(),
        plain.pct_ms(50.0),
        ing.per_s() / plain.per_s()
    ));
    s.push('\n');
    s
}

async fn main_async(o: Opts) -> Result<String> {
    let dir = std::env::temp_dir().join(format!("hushdesk-wb-bench-{}", std::process::id()));
    std::fs::create_dir_all(&dir)?;
    eprintln!("generating {} reports into {} …", o.corpus, dir.display());
    let corpus = generate(o.corpus, &dir);
    let _ = std::fs::remove_dir_all(&dir);
    let corpus = corpus?;
    eprintln!("parsing …");
    let p = measure_parse(&corpus, o.rounds);
    let ingested_mb = (0..o.ingest)
        .map(|i| corpus[i % corpus.len()].len())
        .sum::<usize>() as f64
        / 1e6;
    let corpus = Arc::new(corpus);
    eprintln!("ingesting {} reports …", o.ingest);
    let mut srv = Server::start(&o.server)?;
    let ing = ingest(&srv.base, &srv.token, corpus.clone(), o.ingest, o.clients).await?;
    check(&ing, "ingest")?;
    srv.check_alive()?;
    drop(srv);
    eprintln!("baseline: {} plain tickets …", o.ingest);
    let mut srv = Server::start(&o.server)?;
    let plain = plain_tickets(&srv.base, &srv.token, corpus, o.ingest, o.clients).await?;
    check(&plain, "plain tickets")?;
    srv.check_alive()?;
    Ok(render(&o, &p, &ing, &plain, ingested_mb))
}

/// Replaces (or appends) the WhisperBack section of BENCHMARKS.md.
fn write_section(section: &str) -> Result<()> {
    let path = repo_root().join("BENCHMARKS.md");
    let text = std::fs::read_to_string(&path).unwrap_or_default();
    let kept = match text.find(&format!("\n{SECTION}\n")) {
        Some(at) => {
            let rest = &text[at + 1 + SECTION.len()..];
            let end = rest.find("\n## ").map(|e| at + 1 + SECTION.len() + e + 1);
            let mut t = text[..at + 1].to_owned();
            if let Some(e) = end {
                t.push_str(&text[e..]);
                t.push('\n');
            }
            t
        }
        None => {
            let mut t = text.trim_end().to_owned();
            t.push_str("\n\n");
            t
        }
    };
    std::fs::write(&path, format!("{kept}{section}"))
        .with_context(|| format!("writing {}", path.display()))
}

fn main() -> ExitCode {
    let o = match parse_args() {
        Ok(o) => o,
        Err(e) => {
            eprintln!("{e:#}");
            return ExitCode::from(2);
        }
    };
    let rt = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(rt) => rt,
        Err(e) => {
            eprintln!("tokio: {e}");
            return ExitCode::FAILURE;
        }
    };
    let (out, write) = (o.out.clone(), o.write);
    match rt.block_on(main_async(o)) {
        Ok(section) => {
            print!("{section}");
            if let Some(f) = out {
                if let Err(e) = std::fs::write(&f, &section) {
                    eprintln!("writing {}: {e}", f.display());
                    return ExitCode::FAILURE;
                }
            }
            if write {
                if let Err(e) = write_section(&section) {
                    eprintln!("{e:#}");
                    return ExitCode::FAILURE;
                }
            }
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("whisperback benchmark: {e:#}");
            ExitCode::FAILURE
        }
    }
}
