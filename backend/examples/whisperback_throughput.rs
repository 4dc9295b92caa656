//! WhisperBack parser throughput: parses every `*.txt` report in a directory (e.g. one written
//! by shared/testdata/whisperback/gen_whisperback.py) and times a 3 MB report.
//!
//! cargo run --release -p hushdesk --example whisperback_throughput -- DIR

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::{Duration, Instant};

fn main() -> ExitCode {
    let Some(dir) = std::env::args_os().nth(1).map(PathBuf::from) else {
        eprintln!("usage: whisperback_throughput DIR");
        return ExitCode::from(64);
    };
    let mut reports = Vec::new();
    let entries = match std::fs::read_dir(&dir) {
        Ok(e) => e,
        Err(e) => {
            eprintln!("{}: {e}", dir.display());
            return ExitCode::from(66);
        }
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.extension().is_some_and(|e| e == "txt") {
            match std::fs::read(&path) {
                Ok(b) => reports.push(b),
                Err(e) => eprintln!("skipping {}: {e}", path.display()),
            }
        }
    }
    if reports.is_empty() {
        eprintln!("no *.txt reports in {}", dir.display());
        return ExitCode::from(66);
    }
    let total: usize = reports.iter().map(Vec::len).sum();

    // Warm up once, then time the whole corpus three times and keep the best run.
    for r in &reports {
        std::hint::black_box(hushdesk::whisperback::parse(r));
    }
    let mut best = Duration::MAX;
    for _ in 0..3 {
        let start = Instant::now();
        for r in &reports {
            std::hint::black_box(hushdesk::whisperback::parse(r));
        }
        best = best.min(start.elapsed());
    }
    let mb = total as f64 / 1e6;
    println!(
        "corpus: {} reports, {mb:.1} MB, best of 3: {:.0} ms, {:.0} MB/s",
        reports.len(),
        best.as_secs_f64() * 1e3,
        mb / best.as_secs_f64()
    );

    // The largest report, grown to at least 3 MB by repeating its journal's last line.
    let Some(largest) = reports.iter().max_by_key(|r| r.len()) else {
        return ExitCode::from(66);
    };
    let mut big = largest.clone();
    let tail = last_line(largest);
    while big.len() < 3_000_000 && !tail.is_empty() {
        big.extend_from_slice(&tail);
    }
    let mut times: Vec<Duration> = (0..5)
        .map(|_| {
            let start = Instant::now();
            std::hint::black_box(hushdesk::whisperback::parse(&big));
            start.elapsed()
        })
        .collect();
    times.sort();
    println!(
        "{:.2} MB report: median of 5 parses {:.1} ms",
        big.len() as f64 / 1e6,
        times[2].as_secs_f64() * 1e3
    );
    ExitCode::SUCCESS
}

/// The last non-empty line, with its line feed.
fn last_line(b: &[u8]) -> Vec<u8> {
    let trimmed = b.trim_ascii_end();
    let start = trimmed
        .iter()
        .rposition(|&c| c == b'\n')
        .map_or(0, |i| i + 1);
    let mut line = trimmed[start..].to_vec();
    line.push(b'\n');
    line
}
