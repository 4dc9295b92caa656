//! Aggregation over rounds, targets and the Markdown report.

use std::fmt::Write as _;

use crate::load::Run;

/// One measure, as medians over its rounds.
#[derive(Debug, Clone)]
pub struct Figure {
    pub per_s: f64,
    pub p50: f64,
    pub p99: f64,
    pub requests: usize,
    pub errors: usize,
    pub first_error: Option<String>,
    pub hit_time_limit: bool,
}

fn median(mut v: Vec<f64>) -> f64 {
    v.retain(|x| x.is_finite());
    if v.is_empty() {
        return f64::NAN;
    }
    v.sort_by(f64::total_cmp);
    let n = v.len();
    if n % 2 == 1 {
        v[n / 2]
    } else {
        (v[n / 2 - 1] + v[n / 2]) / 2.0
    }
}

impl Figure {
    pub fn from_rounds(runs: &[Run]) -> Self {
        Figure {
            per_s: median(runs.iter().map(Run::per_s).collect()),
            p50: median(runs.iter().map(|r| r.pct_ms(50.0)).collect()),
            p99: median(runs.iter().map(|r| r.pct_ms(99.0)).collect()),
            requests: runs.iter().map(Run::ok).sum(),
            errors: runs.iter().map(|r| r.errors).sum(),
            first_error: runs.iter().find_map(|r| r.first_error.clone()),
            hit_time_limit: runs.iter().any(|r| r.hit_time_limit),
        }
    }
}

/// A target and whether a figure meets it.
#[derive(Debug, Clone, Copy)]
pub enum Target {
    None,
    MinPerS(f64),
    MaxP99(f64),
    MaxRatio(f64),
    /// At most this many times the named same-run counterpart.
    MaxRatioOf(f64, &'static str),
}

impl Target {
    fn text(self) -> String {
        match self {
            Target::None => "—".into(),
            Target::MinPerS(x) => format!("≥ {x:.0}/s"),
            Target::MaxP99(x) => format!("p99 ≤ {x:.0} ms"),
            Target::MaxRatio(x) => format!("≤ {x:.1}× token"),
            Target::MaxRatioOf(x, of) => format!("≤ {x:.1}× {of}"),
        }
    }
}

/// One table line.
#[derive(Debug, Clone)]
pub struct Row {
    pub measure: String,
    pub fig: Figure,
    /// Ratio to the row's baseline, with its label.
    pub ratio: Option<(f64, &'static str)>,
    pub target: Target,
}

impl Row {
    pub fn verdict(&self) -> &'static str {
        if self.fig.errors > 0 || self.fig.requests == 0 {
            return "ERR";
        }
        let pass = match self.target {
            Target::None => return "—",
            Target::MinPerS(x) => self.fig.per_s >= x,
            Target::MaxP99(x) => self.fig.p99 <= x,
            Target::MaxRatio(x) | Target::MaxRatioOf(x, _) => {
                self.ratio.is_some_and(|(r, _)| r <= x)
            }
        };
        if pass {
            "PASS"
        } else {
            "MISS"
        }
    }
}

/// Everything measured at one database size.
#[derive(Debug, Clone)]
pub struct SizeReport {
    pub tickets: usize,
    pub rows: Vec<Row>,
    pub rss: Vec<(&'static str, f64)>,
    pub db_mib: f64,
}

/// Facts about the run printed with the figures.
pub struct Context {
    pub date: String,
    pub nproc: usize,
    pub cpu: String,
    pub mem: String,
    pub load: String,
    pub commit: String,
    pub command: String,
    pub plan: String,
}

pub fn ms(x: f64) -> String {
    if !x.is_finite() {
        "—".into()
    } else if x < 10.0 {
        format!("{x:.2}")
    } else if x < 100.0 {
        format!("{x:.1}")
    } else {
        format!("{x:.0}")
    }
}

fn thousands(n: usize) -> String {
    let digits = n.to_string().into_bytes();
    let groups: Vec<&str> = digits
        .rchunks(3)
        .rev()
        .map(|g| std::str::from_utf8(g).unwrap_or("?"))
        .collect();
    groups.join(",")
}

/// Equal up to the match count in brackets, which grows with the database.
fn same_measure(a: &str, b: &str) -> bool {
    let base = |s: &str| s.split(" [").next().unwrap_or(s).to_owned();
    base(a) == base(b)
}

/// The results section (no file header), in Markdown.
pub fn render(ctx: &Context, sizes: &[SizeReport]) -> String {
    let mut o = String::new();
    let _ = writeln!(o, "## Results — {}\n", ctx.date);
    let _ = writeln!(o, "* Command: `{}`", ctx.command);
    let _ = writeln!(
        o,
        "* Machine: {} CPU(s) (`nproc`), {}, {} RAM; load average at start {}; commit {}",
        ctx.nproc, ctx.cpu, ctx.mem, ctx.load, ctx.commit
    );
    let _ = writeln!(o, "* Plan: {}\n", ctx.plan);
    let _ = writeln!(
        o,
        "| Tickets | Measure | per s | p50 ms | p99 ms | Ratio | Target | Result |"
    );
    let _ = writeln!(o, "|---:|---|---:|---:|---:|---:|---|---|");
    for s in sizes {
        for r in &s.rows {
            let ratio = r
                .ratio
                .map(|(x, what)| format!("{x:.2}× {what}"))
                .unwrap_or_else(|| "—".into());
            let mut verdict = r.verdict().to_owned();
            if r.fig.errors > 0 {
                verdict = format!("ERR ({} failed)", r.fig.errors);
            }
            if r.fig.hit_time_limit {
                verdict.push_str(" (time limit hit)");
            }
            let _ = writeln!(
                o,
                "| {} | {} | {:.0} | {} | {} | {} | {} | {} |",
                thousands(s.tickets),
                r.measure,
                r.fig.per_s,
                ms(r.fig.p50),
                ms(r.fig.p99),
                ratio,
                r.target.text(),
                verdict
            );
        }
    }
    let _ = writeln!(
        o,
        "\nServer memory (VmRSS, MiB) after each phase, and database size on disk:\n"
    );
    if let Some(first) = sizes.first() {
        let heads: Vec<&str> = first.rss.iter().map(|(k, _)| *k).collect();
        let _ = writeln!(o, "| Tickets | {} | DB + WAL MiB |", heads.join(" | "));
        let _ = writeln!(o, "|---:|{}---:|", "---:|".repeat(heads.len()));
        for s in sizes {
            let vals: Vec<String> = s.rss.iter().map(|(_, v)| format!("{v:.0}")).collect();
            let _ = writeln!(
                o,
                "| {} | {} | {:.0} |",
                thousands(s.tickets),
                vals.join(" | "),
                s.db_mib
            );
        }
    }
    if let [small, .., large] = sizes {
        let _ = writeln!(
            o,
            "\nScaling, p50 at {} over p50 at {} tickets (same run):\n",
            thousands(large.tickets),
            thousands(small.tickets)
        );
        let _ = writeln!(
            o,
            "| Measure | p50 ms ({}) | p50 ms ({}) | Ratio |",
            thousands(small.tickets),
            thousands(large.tickets)
        );
        let _ = writeln!(o, "|---|---:|---:|---:|");
        for a in &small.rows {
            if let Some(b) = large
                .rows
                .iter()
                .find(|b| same_measure(&b.measure, &a.measure))
            {
                let _ = writeln!(
                    o,
                    "| {} | {} | {} | {:.2}× |",
                    a.measure.split(" [").next().unwrap_or(&a.measure),
                    ms(a.fig.p50),
                    ms(b.fig.p50),
                    b.fig.p50 / a.fig.p50
                );
            }
        }
    }
    let misses: Vec<String> = sizes
        .iter()
        .flat_map(|s| s.rows.iter().map(move |r| (s.tickets, r)))
        .filter(|(_, r)| r.verdict() == "MISS" || r.verdict() == "ERR")
        .map(|(n, r)| {
            let why = r
                .fig
                .first_error
                .as_deref()
                .map(|e| format!(": {e}"))
                .unwrap_or_default();
            format!(
                "{} at {} tickets ({}){why}",
                r.measure,
                thousands(n),
                r.verdict()
            )
        })
        .collect();
    if misses.is_empty() {
        let _ = writeln!(o, "\nAll targets met.");
    } else {
        let _ = writeln!(o, "\nMissed targets:\n");
        for m in misses {
            let _ = writeln!(o, "* {m}");
        }
    }
    o
}

pub const HEADER: &str = "# Benchmarks

Figures from `e2e/bench` (crate `hushdesk-bench`), a load program that starts the real release
`hushdesk` binary (`serve --workers 2`, fresh SQLite database in a temp dir, default pool and
logging) and drives the RT REST 2.0 routes over HTTP/1.1 keep-alive.

Method, and how to read the numbers:

* One machine: the server and the load generator share the same 2 cores over loopback, so
  the load generator's own CPU is part of every figure. Noisy neighbours are possible; treat
  differences under ~20 % as noise.
* Each database size gets a fresh server. Seeding *is* the create benchmark: every ticket is
  created through `POST /REST/2.0/ticket` (Requestor `custN@example.test`, 1,000 distinct
  customers, 2-line body, ~10 % of subjects contain \"printer\") by 8 concurrent clients.
* Replies: `POST /REST/2.0/ticket/{id}/correspond` by 8 concurrent clients on random tickets.
* Reads are sequential (one client): `GET /REST/2.0/ticket/{id}` on random tickets, and
  TicketSQL `GET /REST/2.0/tickets?query=…` (first page of 20 plus the total), each compared
  with the same-run baseline `GET /REST/2.0/rt` (the cheapest authenticated route).
* Token auth everywhere except the auth comparison, which runs the same `GET ticket/{id}`
  sequence with Basic `root:<password>` and with `Authorization: token …`, interleaved.
* Each measure runs in several rounds (interleaved with the other reads); the table shows the
  **median** over rounds of the throughput, p50 and p99. Latency is request start to last body
  byte as seen by the client; only successful requests count, failures are reported.
* Targets: create ≥ 500/s; `GET ticket` p99 ≤ 5 ms; search p99 ≤ 10 ms at 10k tickets and
  ≤ 50 ms at 100k; Basic ≤ 1.5× token (p50). RT 5.0.3 figures from the same kind of box
  are in the RT wire-compatibility spec (`rt-wire.md` §8), for scale.

";
