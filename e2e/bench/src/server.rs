//! Starts the real `hushdesk` binary on a fresh SQLite database; dropping the guard stops it.

use std::fs::{self, File};
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use anyhow::{bail, Context, Result};

const LISTENING: &str = "Hushdesk listening on ";

/// A running server plus the credentials the benchmark uses against it.
pub struct Server {
    child: Child,
    dir: PathBuf,
    pub base: String,
    pub token: String,
    pub password: String,
}

impl Server {
    pub fn start(bin: &Path) -> Result<Self> {
        let stamp = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map(|d| d.as_nanos())
            .unwrap_or(0);
        let dir =
            std::env::temp_dir().join(format!("hushdesk-bench-{}-{stamp}", std::process::id()));
        fs::create_dir_all(&dir).with_context(|| format!("creating {}", dir.display()))?;
        let db = format!("sqlite://{}/hd.db", dir.display());
        // Not a secret worth protecting: the database lives for one run in a private temp dir.
        let password = format!("bench-{stamp:x}");
        let log = File::create(dir.join("server.log")).context("creating server.log")?;
        let child = Command::new(bin)
            .args([
                "--config",
                "/dev/null",
                "--database",
                &db,
                "serve",
                "--bind",
                "127.0.0.1:0",
                "--workers",
                "2",
            ])
            .env("HUSHDESK_INITIAL_ADMIN_PASSWORD", &password)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(log)
            .spawn()
            .with_context(|| format!("starting {}", bin.display()))?;
        // From here on the guard owns the process, so every early return below stops it.
        let mut server = Server {
            child,
            dir,
            base: String::new(),
            token: String::new(),
            password,
        };
        let stdout = server.child.stdout.take().context("server stdout")?;
        let (tx, rx) = mpsc::channel();
        // Keep draining stdout for the server's whole life so it never blocks on a full pipe.
        std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines() {
                let Ok(line) = line else { break };
                if let Some(url) = line.strip_prefix(LISTENING) {
                    let _ = tx.send(url.trim().to_owned());
                }
            }
        });
        let base = match rx.recv_timeout(Duration::from_secs(60)) {
            Ok(url) => url,
            Err(mpsc::RecvTimeoutError::Timeout) => {
                bail!(
                    "server did not print '{LISTENING}…' within 60 s; log:\n{}",
                    server.log_tail()
                )
            }
            Err(mpsc::RecvTimeoutError::Disconnected) => {
                bail!(
                    "server exited before printing '{LISTENING}…'; log:\n{}",
                    server.log_tail()
                )
            }
        };
        if !base.starts_with("http://127.0.0.1:") {
            bail!("server listens on {base}, expected loopback");
        }
        server.base = base;
        let out = Command::new(bin)
            .args([
                "--config",
                "/dev/null",
                "--database",
                &db,
                "token",
                "create",
                "root",
            ])
            .env_remove("HUSHDESK_INITIAL_ADMIN_PASSWORD")
            .stdin(Stdio::null())
            .output()
            .context("running `hushdesk token create root`")?;
        if !out.status.success() {
            bail!(
                "`token create root` failed ({}): {}",
                out.status,
                String::from_utf8_lossy(&out.stderr).trim()
            );
        }
        server.token = String::from_utf8_lossy(&out.stdout)
            .lines()
            .map(str::trim)
            .rfind(|l| !l.is_empty())
            .context("`token create root` printed nothing")?
            .to_owned();
        Ok(server)
    }

    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    /// Resident set size of the server process, in MiB.
    pub fn rss_mib(&self) -> Result<f64> {
        let status = fs::read_to_string(format!("/proc/{}/status", self.pid()))
            .context("reading /proc/PID/status")?;
        let kib: f64 = status
            .lines()
            .find_map(|l| l.strip_prefix("VmRSS:"))
            .and_then(|v| v.split_whitespace().next())
            .and_then(|v| v.parse().ok())
            .context("no VmRSS in /proc/PID/status")?;
        Ok(kib / 1024.0)
    }

    /// Database plus WAL size on disk, in MiB.
    pub fn db_mib(&self) -> f64 {
        ["hd.db", "hd.db-wal"]
            .iter()
            .filter_map(|f| fs::metadata(self.dir.join(f)).ok())
            .map(|m| m.len() as f64 / (1024.0 * 1024.0))
            .sum()
    }

    /// Fails when the server has exited.
    pub fn check_alive(&mut self) -> Result<()> {
        if let Some(status) = self.child.try_wait().context("polling server")? {
            bail!("server exited ({status}); log:\n{}", self.log_tail());
        }
        Ok(())
    }

    fn log_tail(&self) -> String {
        let text = fs::read_to_string(self.dir.join("server.log")).unwrap_or_default();
        let lines: Vec<&str> = text.lines().collect();
        lines[lines.len().saturating_sub(20)..].join("\n")
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        let _ = fs::remove_dir_all(&self.dir);
    }
}
