//! `mail` benchmark: messages ingested through the mail gateway (`POST
//! /REST/1.0/NoAuth/mail-gateway`, as rt-mailgate sends them), plain and PGP/MIME encrypted to
//! the queue's Cv25519 or RSA-4096 key, against bare decryption of the same messages with the
//! same keys and concurrency in the same run. Prints a Markdown section (see BENCHMARKS.md).

#[allow(dead_code)]
#[path = "../load.rs"]
mod load;
#[allow(dead_code)]
#[path = "../server.rs"]
mod server;

use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;
use std::time::{Duration, Instant, SystemTime};

use anyhow::{bail, Context as _, Result};
use hushdesk::crypto::pgp::{self, CipherSuite};
use sequoia_openpgp::policy::StandardPolicy;
use sequoia_openpgp::Cert;

use load::Run;
use server::Server;

const USAGE: &str =
    "usage: mail [--messages N] [--rounds N] [--clients N] [--body-kib N] [--server PATH] [--write]
  --messages N   messages per kind and round (default 300)
  --rounds N     rounds per kind; medians over rounds are reported (default 3)
  --clients N    concurrent gateway clients and decryption threads (default 4)
  --body-kib N   size of each message's text (default 16)
  --server PATH  hushdesk binary (default $HUSHDESK_BIN, else $CARGO_TARGET_DIR/release/hushdesk)
  --write        replace the `## Mail ingest` section of BENCHMARKS.md with the results";

struct Opts {
    messages: usize,
    rounds: usize,
    clients: usize,
    body_kib: usize,
    server: PathBuf,
    write: bool,
}

fn opts() -> Result<Opts> {
    let mut o = Opts {
        messages: 300,
        rounds: 3,
        clients: 4,
        body_kib: 16,
        server: std::env::var_os("HUSHDESK_BIN")
            .map(PathBuf::from)
            .unwrap_or_else(|| {
                PathBuf::from(std::env::var("CARGO_TARGET_DIR").unwrap_or_else(|_| "target".into()))
                    .join("release/hushdesk")
            }),
        write: false,
    };
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        let mut num = |name: &str| -> Result<usize> {
            args.next()
                .and_then(|v| v.parse().ok())
                .with_context(|| format!("{name} needs a number\n{USAGE}"))
        };
        match a.as_str() {
            "--messages" => o.messages = num("--messages")?.max(1),
            "--rounds" => o.rounds = num("--rounds")?.max(1),
            "--clients" => o.clients = num("--clients")?.max(1),
            "--body-kib" => o.body_kib = num("--body-kib")?.max(1),
            "--server" => o.server = PathBuf::from(args.next().context(USAGE)?),
            "--write" => o.write = true,
            _ => bail!("unknown argument {a}\n{USAGE}"),
        }
    }
    Ok(o)
}

/// Deterministic prose-like text of about `kib` KiB.
fn body_text(seed: usize, kib: usize) -> String {
    const WORDS: [&str; 16] = [
        "Tails", "boots", "to", "a", "black", "screen", "after", "the", "upgrade", "and", "the",
        "Wi-Fi", "card", "is", "not", "found",
    ];
    let mut s = String::with_capacity(kib * 1024 + 80);
    let mut x = seed as u64 * 2654435761 + 1;
    while s.len() < kib * 1024 {
        x = x
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        s.push_str(WORDS[(x >> 60) as usize]);
        s.push(if (x >> 20).is_multiple_of(13) {
            '\n'
        } else {
            ' '
        });
    }
    s
}

fn plain_message(kind: &str, i: usize, kib: usize) -> Vec<u8> {
    format!(
        "From: user{i}@example.test\nTo: support@example.test\nSubject: {kind} report {i}\nMessage-ID: <{kind}-{i}@bench.test>\nMIME-Version: 1.0\nContent-Type: text/plain; charset=utf-8\n\n{}",
        body_text(i, kib)
    )
    .into_bytes()
}

/// WhisperBack's RFC 3156 structure around an encrypted inner MIME entity.
fn pgp_mime(kind: &str, i: usize, armored: &[u8]) -> Vec<u8> {
    let mut m = format!(
        "From: user{i}@example.test\nTo: support@example.test\nSubject: {kind} report {i}\nMessage-ID: <{kind}-{i}@bench.test>\nMIME-Version: 1.0\nContent-Type: multipart/encrypted; protocol=\"application/pgp-encrypted\"; boundary=\"==b{i}==\"\n\n--==b{i}==\nContent-Type: application/pgp-encrypted\n\nVersion: 1\n\n--==b{i}==\nContent-Type: application/octet-stream; name=\"encrypted.asc\"\n\n"
    )
    .into_bytes();
    m.extend_from_slice(armored);
    m.extend_from_slice(format!("\n--==b{i}==--\n").as_bytes());
    m
}

struct Kind {
    name: &'static str,
    queue: &'static str,
    cert: Option<Cert>,
    /// Complete messages as sent to the gateway.
    messages: Vec<Vec<u8>>,
    /// The encrypted payloads, for bare decryption.
    payloads: Vec<Vec<u8>>,
}

fn build_kind(
    name: &'static str,
    queue: &'static str,
    suite: Option<CipherSuite>,
    o: &Opts,
) -> Result<Kind> {
    let policy = StandardPolicy::new();
    let now = SystemTime::now();
    let cert = match suite {
        Some(s) => Some(pgp::generate(
            &format!("{queue} <{queue}@bench.test>"),
            s,
            now,
            None,
        )?),
        None => None,
    };
    let total = o.messages * o.rounds;
    let mut messages = Vec::with_capacity(total);
    let mut payloads = Vec::new();
    for i in 0..total {
        match &cert {
            None => messages.push(plain_message(name, i, o.body_kib)),
            Some(c) => {
                let inner = format!(
                    "Content-Type: text/plain; charset=utf-8\n\n{}",
                    body_text(i, o.body_kib)
                );
                let enc = pgp::sign_encrypt(
                    &policy,
                    now,
                    inner.as_bytes(),
                    None,
                    std::slice::from_ref(c),
                )?;
                messages.push(pgp_mime(name, i, &enc));
                payloads.push(enc);
            }
        }
    }
    Ok(Kind {
        name,
        queue,
        cert,
        messages,
        payloads,
    })
}

/// Bare decryption of every payload with `clients` threads: the same work the gateway's
/// OpenPGP step does, without HTTP, parsing or the database.
fn bare_decrypt(kind: &Kind, range: std::ops::Range<usize>, clients: usize) -> Result<Run> {
    let Some(cert) = kind.cert.clone() else {
        bail!("no key");
    };
    let payloads = Arc::new(kind.payloads[range].to_vec());
    let next = Arc::new(std::sync::atomic::AtomicUsize::new(0));
    let start = Instant::now();
    let mut handles = Vec::new();
    for _ in 0..clients {
        let (payloads, next, cert) = (payloads.clone(), next.clone(), cert.clone());
        handles.push(std::thread::spawn(move || -> Result<Vec<Duration>> {
            let policy = StandardPolicy::new();
            let secrets = vec![(cert, None)];
            let mut lat = Vec::new();
            loop {
                let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                let Some(p) = payloads.get(i) else { break };
                let t0 = Instant::now();
                let plain = pgp::decrypt(&policy, SystemTime::now(), p, &secrets, &Vec::new())?;
                if plain.data.is_empty() {
                    bail!("decrypted nothing");
                }
                lat.push(t0.elapsed());
            }
            Ok(lat)
        }));
    }
    let mut run = Run::default();
    for h in handles {
        match h.join() {
            Ok(Ok(l)) => run.latencies.extend(l),
            Ok(Err(e)) => bail!("bare decryption failed: {e:#}"),
            Err(_) => bail!("a decryption thread panicked"),
        }
    }
    run.elapsed = start.elapsed();
    Ok(run)
}

async fn setup_queue(http: &reqwest::Client, srv: &Server, kind: &Kind) -> Result<()> {
    let api = format!("{}/REST/2.0", srv.base);
    let auth = format!("token {}", srv.token);
    let r = http
        .post(format!("{api}/queue"))
        .header("Authorization", &auth)
        .json(&serde_json::json!({ "Name": kind.queue }))
        .send()
        .await?;
    if r.status().as_u16() != 201 {
        bail!("creating queue {}: {}", kind.queue, r.text().await?);
    }
    if let Some(cert) = &kind.cert {
        let armored = pgp::armor_secret(cert)?;
        let r = http
            .post(format!("{api}/queue/{}/keys", kind.queue))
            .header("Authorization", &auth)
            .json(&serde_json::json!({ "armored": armored }))
            .send()
            .await?;
        if r.status().as_u16() != 201 {
            bail!("importing the {} key: {}", kind.name, r.text().await?);
        }
    }
    Ok(())
}

async fn ingest(
    http: &reqwest::Client,
    srv: &Server,
    kind: &Kind,
    range: std::ops::Range<usize>,
    clients: usize,
) -> Run {
    let url = format!("{}/REST/1.0/NoAuth/mail-gateway", srv.base);
    let msgs = Arc::new(kind.messages[range].to_vec());
    let (http, queue) = (http.clone(), kind.queue);
    load::run(clients, msgs.len(), Duration::from_secs(600), move |i| {
        let (http, url, msgs) = (http.clone(), url.clone(), msgs.clone());
        async move {
            let form = reqwest::multipart::Form::new()
                .text("queue", queue)
                .text("action", "correspond")
                .part(
                    "message",
                    reqwest::multipart::Part::bytes(msgs[i].clone())
                        .file_name("msg")
                        .mime_str("application/octet-stream")?,
                );
            let r = http.post(&url).multipart(form).send().await?;
            let status = r.status();
            let text = r.text().await?;
            if !status.is_success() || !text.starts_with("ok\n") {
                bail!("gateway answered {status}: {}", text.trim());
            }
            Ok(())
        }
    })
    .await
}

/// Checks one stored ticket of an encrypted kind: decrypted text, not ciphertext.
async fn check_decrypted(http: &reqwest::Client, srv: &Server, kind: &Kind) -> Result<()> {
    let api = format!("{}/REST/2.0", srv.base);
    let q = format!("Subject = '{} report 0'", kind.name);
    let r: serde_json::Value = http
        .get(format!("{api}/tickets"))
        .query(&[("query", q.as_str())])
        .header("Authorization", format!("token {}", srv.token))
        .send()
        .await?
        .json()
        .await?;
    let id = r["items"][0]["id"].as_str().context("ticket not found")?;
    let h: serde_json::Value = http
        .post(format!("{api}/ticket/{id}/attachments?fields=ContentType"))
        .header("Authorization", format!("token {}", srv.token))
        .json(&serde_json::json!([]))
        .send()
        .await?
        .json()
        .await?;
    let types: Vec<&str> = h["items"]
        .as_array()
        .map(|a| a.iter().filter_map(|x| x["ContentType"].as_str()).collect())
        .unwrap_or_default();
    if !types.contains(&"text/plain") || types.contains(&"multipart/encrypted") {
        bail!(
            "{}: stored parts {types:?}, expected the decrypted text",
            kind.name
        );
    }
    Ok(())
}

fn median(v: &[f64]) -> f64 {
    let mut v = v.to_vec();
    v.sort_by(f64::total_cmp);
    match v.len() {
        0 => f64::NAN,
        n if n % 2 == 1 => v[n / 2],
        n => (v[n / 2 - 1] + v[n / 2]) / 2.0,
    }
}

fn list(v: &[f64], decimals: usize) -> String {
    v.iter()
        .map(|x| format!("{x:.decimals$}"))
        .collect::<Vec<_>>()
        .join(", ")
}

fn loadavg() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .map(|s| s.split_whitespace().take(3).collect::<Vec<_>>().join(" "))
        .unwrap_or_else(|_| "unknown".into())
}

fn ms(x: f64) -> String {
    if x >= 10.0 {
        format!("{x:.1}")
    } else {
        format!("{x:.2}")
    }
}

async fn main_async(o: Opts) -> Result<String> {
    let kinds = vec![
        build_kind("plain", "bench-plain", None, &o)?,
        build_kind("cv25519", "bench-cv25519", Some(CipherSuite::Cv25519), &o)?,
        build_kind("rsa4096", "bench-rsa4096", Some(CipherSuite::RSA4k), &o)?,
    ];
    let mut srv = Server::start(&o.server)?;
    let http = reqwest::Client::new();
    for k in &kinds {
        setup_queue(&http, &srv, k).await?;
    }
    let load_before = loadavg();
    let mut rows = Vec::new();
    let mut all_pass = true;
    for k in &kinds {
        let mut ingest_rates = Vec::new();
        let mut p50s = Vec::new();
        let mut p99s = Vec::new();
        let mut bare_rates = Vec::new();
        let mut bare_p99s = Vec::new();
        let mut ratios = Vec::new();
        for r in 0..o.rounds {
            let range = r * o.messages..(r + 1) * o.messages;
            let run = ingest(&http, &srv, k, range.clone(), o.clients).await;
            if run.errors > 0 {
                bail!(
                    "{}: {} gateway errors, first: {}",
                    k.name,
                    run.errors,
                    run.first_error.clone().unwrap_or_default()
                );
            }
            ingest_rates.push(run.per_s());
            p50s.push(run.pct_ms(50.0));
            p99s.push(run.pct_ms(99.0));
            if k.cert.is_some() {
                let b = bare_decrypt(k, range, o.clients)?;
                bare_rates.push(b.per_s());
                bare_p99s.push(b.pct_ms(99.0));
                ratios.push(run.per_s() / b.per_s());
            }
            srv.check_alive()?;
        }
        let (bare, bare_p99, ratio, verdict) = if k.cert.is_some() {
            check_decrypted(&http, &srv, k).await?;
            let ratio = median(&ratios);
            let pass = ratio >= 0.5;
            all_pass &= pass;
            (
                format!("{:.0}", median(&bare_rates)),
                ms(median(&bare_p99s)),
                format!("{ratio:.2} ({})", list(&ratios, 2)),
                if pass { "PASS" } else { "FAIL" },
            )
        } else {
            ("—".into(), "—".into(), "—".to_owned(), "—")
        };
        rows.push(format!(
            "| {} | {} × {} | {:.0} ({}) | {} | {} | {} | {} | {} | {} |",
            k.name,
            o.rounds,
            o.messages,
            median(&ingest_rates),
            list(&ingest_rates, 0),
            ms(median(&p50s)),
            ms(median(&p99s)),
            bare,
            bare_p99,
            ratio,
            verdict
        ));
    }
    let load_after = loadavg();
    let mut out = String::from("## Mail ingest\n\n");
    out.push_str(&format!(
        "`cargo run --release -p hushdesk-bench --bin mail -- --messages {} --rounds {} --clients {} --body-kib {}` \
         (server `{}`): each message goes through `POST /REST/1.0/NoAuth/mail-gateway` as \
         rt-mailgate sends it ({} concurrent clients, one SQLite database, 2 server workers) and \
         becomes a ticket. Encrypted kinds are WhisperBack-style PGP/MIME to the queue's own key; \
         \"bare decryption\" decrypts the same payloads with the same key on {} threads in the \
         benchmark process, measured in the same run. Ratio = ingest msgs/s ÷ bare decryption \
         msgs/s, per round (ingest and bare decryption alternate), median over rounds (target ≥ \
         0.5). Figures are medians over {} rounds, with each round's value in brackets. Load \
         average (1/5/15 min) before: {}; after: {}.\n\n",
        o.messages,
        o.rounds,
        o.clients,
        o.body_kib,
        o.server
            .file_name()
            .map(|f| f.to_string_lossy().into_owned())
            .unwrap_or_default(),
        o.clients,
        o.clients,
        o.rounds,
        load_before,
        load_after
    ));
    out.push_str("| Kind | Rounds × messages | Ingest msgs/s | p50 ms | p99 ms | Bare decryption msgs/s | Bare p99 ms | Ratio | Target ≥ 0.5 |\n|---|---:|---:|---:|---:|---:|---:|---:|---|\n");
    for r in rows {
        out.push_str(&r);
        out.push('\n');
    }
    out.push_str(if all_pass {
        "\nAll ratio targets met.\n"
    } else {
        "\nNot every ratio target was met (see the table).\n"
    });
    Ok(out)
}

fn write_section(section: &str) -> Result<()> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../BENCHMARKS.md");
    let text = std::fs::read_to_string(&path).context("reading BENCHMARKS.md")?;
    let new = match text.find("## Mail ingest") {
        Some(at) => {
            let rest = &text[at + 3..];
            let end = rest
                .find("\n## ")
                .map(|e| at + 3 + e + 1)
                .unwrap_or(text.len());
            format!("{}{}{}", &text[..at], section, &text[end..])
        }
        None => format!(
            "{}\n{}",
            text.trim_end_matches('\n').to_owned() + "\n",
            section
        ),
    };
    std::fs::write(&path, new).context("writing BENCHMARKS.md")
}

fn main() -> ExitCode {
    let o = match opts() {
        Ok(o) => o,
        Err(e) => {
            eprintln!("{e:#}");
            return ExitCode::from(2);
        }
    };
    let write = o.write;
    let rt = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(rt) => rt,
        Err(e) => {
            eprintln!("runtime: {e}");
            return ExitCode::FAILURE;
        }
    };
    match rt.block_on(main_async(o)) {
        Ok(section) => {
            print!("{section}");
            if write {
                if let Err(e) = write_section(&section) {
                    eprintln!("{e:#}");
                    return ExitCode::FAILURE;
                }
            }
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("mail benchmark failed: {e:#}");
            ExitCode::FAILURE
        }
    }
}
