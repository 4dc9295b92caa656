//! The shared WhisperBack sample reports (bodies + ground truth) and how tests ingest them.

use std::path::PathBuf;

use serde_json::{json, Value};

use crate::helpers::{TestApp, ADMIN_PASSWORD};

/// `shared/` beside the clone (CI) or beside the worktree folder.
pub fn shared_dir() -> PathBuf {
    let manifest = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let candidates = [
        std::env::var_os("HUSHDESK_SHARED").map(PathBuf::from),
        Some(manifest.join("../../shared")),
        Some(manifest.join("../../../shared")),
    ];
    candidates
        .into_iter()
        .flatten()
        .find(|p| p.join("testdata/whisperback/sample").is_dir())
        .expect("shared/testdata/whisperback/sample not found (set HUSHDESK_SHARED)")
}

pub struct Sample {
    pub name: String,
    pub body: Vec<u8>,
    pub truth: Value,
}

impl Sample {
    pub fn subject(&self) -> &str {
        self.truth["mail_subject"].as_str().unwrap()
    }
    pub fn hex(&self) -> String {
        self.subject()
            .trim_start_matches("Bug report:")
            .trim()
            .to_owned()
    }
    pub fn label(&self) -> &str {
        self.truth["issue"]["label"].as_str().unwrap()
    }
    pub fn lang(&self) -> &str {
        self.truth["user_language"].as_str().unwrap()
    }
    pub fn version(&self) -> &str {
        self.truth["tails_version"].as_str().unwrap()
    }
    pub fn email(&self) -> Option<String> {
        self.truth["contact_email"].as_str().map(str::to_lowercase)
    }
    pub fn gpus(&self) -> Vec<String> {
        self.truth["hardware"]["gpus"]
            .as_array()
            .unwrap()
            .iter()
            .map(|g| g["pci_id"].as_str().unwrap().to_owned())
            .collect()
    }
    pub fn boot_extra(&self) -> bool {
        !self.truth["boot"]["cmdline_extra"]
            .as_array()
            .unwrap()
            .is_empty()
    }
    pub fn has_debug_info(&self) -> bool {
        !self.nasty("no_debug_info")
    }
    pub fn nasty(&self, what: &str) -> bool {
        self.truth["nasty"]
            .as_array()
            .unwrap()
            .iter()
            .any(|n| n == what)
    }
}

/// The sample reports, without the multi-MB ones (the benchmark covers those).
pub fn samples() -> Vec<Sample> {
    let dir = shared_dir().join("testdata/whisperback/sample");
    let mut out = Vec::new();
    for i in 1..=50 {
        let name = format!("wb-{i:04}");
        let truth: Value =
            serde_json::from_slice(&std::fs::read(dir.join(format!("{name}.truth.json"))).unwrap())
                .unwrap();
        if truth["size_bytes"].as_u64().unwrap() > 1_000_000 {
            continue;
        }
        let body = std::fs::read(dir.join(format!("{name}.txt"))).unwrap();
        out.push(Sample { name, body, truth });
    }
    assert_eq!(out.len(), 48);
    out
}

/// Queues for French, German and Spanish reports.
pub async fn language_queues(app: &TestApp) {
    for (name, lang) in [("French", "fr"), ("German", "de"), ("Spanish", "es")] {
        let (s, v) = app
            .post("queue", &json!({"Name": name, "Language": lang}))
            .await;
        assert_eq!(s, 201, "{v}");
    }
}

pub async fn post_report(app: &TestApp, body: &[u8], subject: Option<&str>) -> (u16, Value) {
    let mut req = app
        .client
        .post(app.url("whisperback"))
        .basic_auth("root", Some(ADMIN_PASSWORD))
        .header("Content-Type", "text/plain")
        .body(body.to_vec());
    if let Some(s) = subject {
        req = req.query(&[("subject", s)]);
    }
    let r = req.send().await.unwrap();
    let s = r.status().as_u16();
    (s, r.json().await.unwrap_or(Value::Null))
}

/// Ingests every sample; returns (sample, ticket id) pairs.
pub async fn ingest_all(app: &TestApp) -> Vec<(Sample, i64)> {
    let mut out = Vec::new();
    for s in samples() {
        let (status, v) = post_report(app, &s.body, Some(s.subject())).await;
        assert_eq!(status, 201, "{}: {v}", s.name);
        let ticket = v["ticket"].as_i64().unwrap();
        out.push((s, ticket));
    }
    out
}

/// Creates a known issue and returns its id.
pub async fn known_issue(app: &TestApp, title: &str, roles: &[&str]) -> i64 {
    let (s, v) = app
        .post(
            "known-issues",
            &json!({"title": title, "hardware_roles": roles}),
        )
        .await;
    assert_eq!(s, 201, "{v}");
    v["id"].as_i64().unwrap()
}

pub async fn link(app: &TestApp, issue: i64, ticket: i64) {
    let (s, v) = app
        .put(&format!("known-issue/{issue}/ticket/{ticket}"), &json!({}))
        .await;
    assert_eq!(s, 200, "{v}");
    assert_eq!(v["changed"], true, "{v}");
}
