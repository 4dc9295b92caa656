//! Load generation: the REST 2.0 calls under test, a bounded closed-loop runner, percentiles.

use std::future::Future;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use anyhow::{bail, Context, Result};
use reqwest::{Client, RequestBuilder, StatusCode};
use serde_json::{json, Value};

/// How a request authenticates.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Auth {
    Token,
    Basic,
}

/// A REST 2.0 client bound to one server.
#[derive(Clone)]
pub struct Api {
    client: Client,
    rest2: Arc<str>,
    token: Arc<str>,
    password: Arc<str>,
}

impl Api {
    pub fn new(base: &str, token: &str, password: &str) -> Result<Self> {
        let client = Client::builder()
            .no_proxy()
            .tcp_nodelay(true)
            .pool_max_idle_per_host(32)
            .timeout(Duration::from_secs(30))
            .build()
            .context("building HTTP client")?;
        Ok(Api {
            client,
            rest2: format!("{}/REST/2.0/", base.trim_end_matches('/')).into(),
            token: token.into(),
            password: password.into(),
        })
    }

    fn request(&self, method: reqwest::Method, path: &str, auth: Auth) -> RequestBuilder {
        let rb = self.client.request(method, format!("{}{path}", self.rest2));
        match auth {
            Auth::Token => rb.header("Authorization", format!("token {}", self.token)),
            Auth::Basic => rb.basic_auth("root", Some(&*self.password)),
        }
    }

    async fn send(rb: RequestBuilder, want: StatusCode) -> Result<Vec<u8>> {
        let resp = rb.send().await?;
        let status = resp.status();
        let body = resp.bytes().await?;
        if status != want {
            bail!(
                "HTTP {status}: {}",
                String::from_utf8_lossy(&body[..body.len().min(200)])
            );
        }
        Ok(body.to_vec())
    }

    /// `POST ticket`; the seed number decides subject, requestor and body. Returns the new id.
    pub async fn create_ticket(&self, seed: usize) -> Result<u64> {
        let subject = if seed % 10 == 3 {
            format!("Seed {seed}: printer on floor {} jams", seed % 7)
        } else {
            format!(
                "Seed {seed}: cannot reach the VPN from office {}",
                seed % 13
            )
        };
        let body = json!({
            "Queue": "General",
            "Subject": subject,
            "Content": format!("Hello,\nthis is request {seed}; please help.\n"),
            "Requestor": format!("cust{}@example.test", seed % 1000),
        });
        let bytes = Self::send(
            self.request(reqwest::Method::POST, "ticket", Auth::Token)
                .json(&body),
            StatusCode::CREATED,
        )
        .await?;
        let v: Value = serde_json::from_slice(&bytes).context("create answer is not JSON")?;
        match &v["id"] {
            Value::String(s) => s.parse().context("create answer id"),
            Value::Number(n) => n.as_u64().context("create answer id"),
            other => bail!("create answer has no id: {other}"),
        }
    }

    /// `POST ticket/{id}/correspond`.
    pub async fn correspond(&self, id: u64, n: usize) -> Result<()> {
        let body = json!({"Content": format!("Reply {n}: we are looking into it.\nRegards"), "ContentType": "text/plain"});
        let path = format!("ticket/{id}/correspond");
        Self::send(
            self.request(reqwest::Method::POST, &path, Auth::Token)
                .json(&body),
            StatusCode::CREATED,
        )
        .await?;
        Ok(())
    }

    /// A GET whose whole body is read; fails unless 200.
    pub async fn get(&self, path: &str, auth: Auth) -> Result<Vec<u8>> {
        Self::send(
            self.request(reqwest::Method::GET, path, auth),
            StatusCode::OK,
        )
        .await
    }
}

/// `tickets?query=…` path with the query URL-encoded.
pub fn search_path(query: &str) -> String {
    let mut enc = String::with_capacity(query.len() * 3);
    for b in query.bytes() {
        if b.is_ascii_alphanumeric() || b"-_.~".contains(&b) {
            enc.push(char::from(b));
        } else {
            enc.push_str(&format!("%{b:02X}"));
        }
    }
    format!("tickets?query={enc}")
}

/// Stateless, well-mixed pseudo-random number (splitmix64), so concurrent clients need no RNG state.
pub fn mix(x: u64) -> u64 {
    let mut z = x.wrapping_add(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// The outcome of one bounded run.
#[derive(Debug, Default, Clone)]
pub struct Run {
    pub latencies: Vec<Duration>,
    pub errors: usize,
    pub first_error: Option<String>,
    pub elapsed: Duration,
    pub hit_time_limit: bool,
}

impl Run {
    pub fn ok(&self) -> usize {
        self.latencies.len()
    }
    pub fn per_s(&self) -> f64 {
        self.ok() as f64 / self.elapsed.as_secs_f64().max(1e-9)
    }
    /// Nearest-rank percentile in milliseconds (`p` in 0..=100).
    pub fn pct_ms(&self, p: f64) -> f64 {
        let mut v = self.latencies.clone();
        v.sort_unstable();
        if v.is_empty() {
            return f64::NAN;
        }
        let rank = ((p / 100.0) * v.len() as f64).ceil() as usize;
        v[rank.clamp(1, v.len()) - 1].as_secs_f64() * 1000.0
    }
}

/// Runs `op(i)` for i in 0..total from `clients` concurrent closed-loop clients, stopping early
/// once `limit` has passed. Only successful calls contribute latencies.
pub async fn run<F, Fut, T>(clients: usize, total: usize, limit: Duration, op: F) -> Run
where
    F: Fn(usize) -> Fut + Send + Sync + 'static,
    Fut: Future<Output = Result<T>> + Send + 'static,
    T: Send + 'static,
{
    let op = Arc::new(op);
    let next = Arc::new(AtomicUsize::new(0));
    let shared = Arc::new(Mutex::new(Run::default()));
    let start = Instant::now();
    let mut tasks = Vec::with_capacity(clients);
    for _ in 0..clients.max(1) {
        let (op, next, shared) = (op.clone(), next.clone(), shared.clone());
        tasks.push(tokio::spawn(async move {
            let mut lat = Vec::new();
            let (mut errors, mut first_error, mut timed_out) = (0usize, None, false);
            loop {
                if start.elapsed() >= limit {
                    timed_out = true;
                    break;
                }
                let i = next.fetch_add(1, Ordering::Relaxed);
                if i >= total {
                    break;
                }
                let t0 = Instant::now();
                match op(i).await {
                    Ok(_) => lat.push(t0.elapsed()),
                    Err(e) => {
                        errors += 1;
                        first_error.get_or_insert_with(|| format!("{e:#}"));
                    }
                }
            }
            if let Ok(mut r) = shared.lock() {
                r.latencies.extend(lat);
                r.errors += errors;
                r.hit_time_limit |= timed_out;
                if r.first_error.is_none() {
                    r.first_error = first_error;
                }
            }
        }));
    }
    for t in tasks {
        let _ = t.await;
    }
    let elapsed = start.elapsed();
    let mut out = shared.lock().map(|r| r.clone()).unwrap_or_default();
    out.elapsed = elapsed;
    out
}
