//! Hardware compatibility from reports linked to known issues and supporters' marks, checked
//! against the samples' truth; the CSV/JSON export through the API and the CLI.

use std::collections::BTreeMap;

use serde_json::{json, Value};

use crate::both;
use crate::helpers::{spawn_app_with, Db, TestApp};
use crate::wb_samples::{ingest_all, known_issue, link, Sample};

const GDM: &str = "graphics-intel-gdm-error";
const WIFI: &str = "wifi-rtl8723be-unstable";
const TIGER_LAKE: &str = "8086:9a49";

/// Links the Intel GDM reports to a GPU issue and the RTL8723BE reports to a Wi-Fi issue.
async fn setup(app: &TestApp) -> Vec<(Sample, i64)> {
    let ingested = ingest_all(app).await;
    let gpu = known_issue(app, "Intel GDM error", &["gpu"]).await;
    let wifi = known_issue(app, "RTL8723BE unstable", &["wifi"]).await;
    for (s, t) in &ingested {
        match s.label() {
            GDM => link(app, gpu, *t).await,
            WIFI => link(app, wifi, *t).await,
            _ => {}
        }
    }
    ingested
}

/// Expected (fails, partial) per version for one GPU under the GDM issue.
fn gdm_truth(ingested: &[(Sample, i64)], gpu: &str) -> BTreeMap<String, (i64, i64)> {
    let mut m: BTreeMap<String, (i64, i64)> = BTreeMap::new();
    for (s, _) in ingested {
        if s.label() == GDM && s.gpus().iter().any(|g| g == gpu) {
            let e = m.entry(s.version().to_owned()).or_default();
            if s.boot_extra() {
                e.1 += 1;
            } else {
                e.0 += 1;
            }
        }
    }
    m
}

both!(
    outcomes_follow_linked_reports_and_marks,
    |app: TestApp| async move {
        let ingested = setup(&app).await;
        let truth = gdm_truth(&ingested, TIGER_LAKE);
        assert!(truth.len() >= 6, "{truth:?}");

        let (s, d) = app
            .get_json(&format!("hardware/device?kind=pci&key={TIGER_LAKE}"))
            .await;
        assert_eq!(s, 200, "{d}");
        assert_eq!(d["roles"], json!(["gpu"]));
        assert!(d["name"].as_str().unwrap().contains("TigerLake"), "{d}");
        let got: BTreeMap<String, (i64, i64)> = d["versions"]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| {
                assert_eq!(v["works"], 0, "{v}");
                (
                    v["version"].as_str().unwrap().to_owned(),
                    (v["fails"].as_i64().unwrap(), v["partial"].as_i64().unwrap()),
                )
            })
            .collect();
        assert_eq!(got, truth);
        // Newest version first.
        let first = d["versions"][0]["version"].as_str().unwrap();
        assert_eq!(
            first,
            truth.keys().max_by(|a, b| ver(a).cmp(&ver(b))).unwrap()
        );

        // 5.7: one report, no workaround → failed. 5.15: with i915.force_probe → partly worked.
        assert_eq!(truth["5.7"], (1, 0));
        let w = worked(&app, "pci", TIGER_LAKE, "5.7").await;
        assert_eq!(
            (w["worked"].clone(), w["outcome"].clone()),
            (json!(false), json!("fails"))
        );
        assert_eq!(truth["5.15"], (0, 1));
        let w = worked(&app, "pci", TIGER_LAKE, "5.15").await;
        assert_eq!(
            (w["worked"].clone(), w["outcome"].clone()),
            (json!(true), json!("partial"))
        );
        // The same reports say the laptop itself got to the desktop (a GPU issue).
        let w = worked(&app, "model", "LENOVO IDEAPAD 3 15ITL6", "5.7").await;
        assert_eq!(
            (w["worked"].clone(), w["works"].clone()),
            (json!(true), json!(1))
        );
        // No evidence at all.
        let w = worked(&app, "pci", TIGER_LAKE, "4.0").await;
        assert!(w["worked"].is_null(), "{w}");

        // A supporter's mark decides for its version.
        let (s, m) = app
            .post(
                "hardware/marks",
                &json!({"kind": "pci", "key": "8086:9A49", "version": "5.7", "outcome": "works",
                    "note": "fixed by a BIOS update", "ticket": ingested[0].1}),
            )
            .await;
        assert_eq!(s, 201, "{m}");
        assert_eq!(m["key"], TIGER_LAKE);
        let w = worked(&app, "pci", TIGER_LAKE, "5.7").await;
        assert_eq!(
            (
                w["worked"].clone(),
                w["outcome"].clone(),
                w["works"].clone(),
                w["fails"].clone()
            ),
            (json!(true), json!("works"), json!(1), json!(1))
        );
        for (body, status) in [
            (
                json!({"kind": "pci", "key": "nope", "version": "5.7", "outcome": "works"}),
                400,
            ),
            (
                json!({"kind": "isa", "key": "8086:9a49", "version": "5.7", "outcome": "works"}),
                400,
            ),
            (
                json!({"kind": "pci", "key": "8086:9a49", "version": "5.7", "outcome": "meh"}),
                400,
            ),
            (
                json!({"kind": "pci", "key": "8086:9a49", "version": "x", "outcome": "works"}),
                400,
            ),
            (
                json!({"kind": "pci", "key": "8086:9a49", "version": "5.7", "outcome": "works", "ticket": 999999}),
                404,
            ),
        ] {
            let (s, v) = app.post("hardware/marks", &body).await;
            assert_eq!(s, status, "{body}: {v}");
        }
        let (s, _) = app.get_json("hardware/worked?kind=pci&key=8086:9a49").await;
        assert_eq!(s, 400, "version is required");
        let (s, _) = app.get_json("hardware/device?kind=pci&key=1234:5678").await;
        assert_eq!(s, 404);
    }
);

both!(reports_and_top_failing_devices, |app: TestApp| async move {
    let ingested = setup(&app).await;
    // Which reports mention the Tiger Lake GPU (whatever their issue)?
    let (s, v) = app
        .get_json(&format!("hardware/reports?kind=pci&key={TIGER_LAKE}"))
        .await;
    assert_eq!(s, 200, "{v}");
    let mut got: Vec<i64> = v["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["ticket"].as_i64().unwrap())
        .collect();
    got.sort_unstable();
    let want: Vec<i64> = ingested
        .iter()
        .filter(|(s, _)| s.has_debug_info() && s.gpus().iter().any(|g| g == TIGER_LAKE))
        .map(|(_, t)| *t)
        .collect();
    assert_eq!(got, want);
    assert!(want.len() > 10, "{}", want.len());

    // Top failing GPUs: the Tiger Lake GPU first, with every GDM report as fails or partial.
    let (s, v) = app.get_json("hardware/top-failing?role=gpu").await;
    assert_eq!(s, 200, "{v}");
    let top = &v["items"][0];
    assert_eq!(top["key"], TIGER_LAKE, "{v}");
    let truth = gdm_truth(&ingested, TIGER_LAKE);
    let (f, p) = truth.values().fold((0, 0), |(f, p), (a, b)| (f + a, p + b));
    assert_eq!(
        (
            top["fails"].as_i64().unwrap(),
            top["partial"].as_i64().unwrap()
        ),
        (f, p)
    );
    assert_eq!(top["rank"], 1);
    // Only GPUs when asked for GPUs; Wi-Fi devices under the Wi-Fi issue.
    assert!(v["items"]
        .as_array()
        .unwrap()
        .iter()
        .all(|i| i["role"] == "gpu"));
    let (_, v) = app.get_json("hardware/top-failing?role=wifi").await;
    let wifi_reports = ingested.iter().filter(|(s, _)| s.label() == WIFI).count() as i64;
    let wifi_total: i64 = v["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["fails"].as_i64().unwrap() + i["partial"].as_i64().unwrap())
        .sum();
    assert_eq!(wifi_total, wifi_reports, "{v}");
    let (_, v) = app
        .get_json("hardware/top-failing?version=5.7&role=gpu")
        .await;
    assert_eq!(v["items"][0]["key"], TIGER_LAKE);
    assert_eq!(v["items"][0]["fails"], 1);
    let (s, _) = app.get_json("hardware/top-failing?role=keyboard").await;
    assert_eq!(s, 400);

    // The dashboard's per-version tallies add up to the device outcomes.
    let (_, d) = app.get_json("dashboard/whisperback").await;
    let sum: i64 = d["outcomes_by_version"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["fails"].as_i64().unwrap() + t["partial"].as_i64().unwrap())
        .sum();
    let linked: Vec<&Sample> = ingested
        .iter()
        .filter(|(s, _)| s.label() == GDM || s.label() == WIFI)
        .map(|(s, _)| s)
        .collect();
    // One failing device per linked report: its GPU(s) or its Wi-Fi adapter.
    let expected: i64 = linked
        .iter()
        .map(|s| {
            if s.label() == GDM {
                s.gpus().len() as i64
            } else {
                1
            }
        })
        .sum();
    assert_eq!(sum, expected, "{d}");
    assert_eq!(d["top_failing"][0]["key"], TIGER_LAKE);
});

both!(export_as_csv_and_json, |app: TestApp| async move {
    setup(&app).await;
    let (s, rows) = app.get_json("hardware/export?format=json").await;
    assert_eq!(s, 200, "{rows}");
    let rows = rows.as_array().unwrap().clone();
    let r57 = rows
        .iter()
        .find(|r| r["key"] == TIGER_LAKE && r["version"] == "5.7")
        .unwrap();
    assert_eq!(r57["outcome"], "fails");
    assert_eq!(r57["kind"], "pci");

    let r = app
        .client
        .get(app.url("hardware/export?format=csv"))
        .basic_auth("root", Some(crate::helpers::ADMIN_PASSWORD))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status().as_u16(), 200);
    assert!(r
        .headers()
        .get("content-type")
        .unwrap()
        .to_str()
        .unwrap()
        .starts_with("text/csv"));
    let csv = r.text().await.unwrap();
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(
        lines[0],
        "kind,key,name,roles,version,outcome,works,fails,partial"
    );
    assert_eq!(lines.len(), rows.len() + 1);
    assert!(lines
        .iter()
        .any(|l| l.starts_with(&format!("pci,{TIGER_LAKE},")) && l.contains(",5.7,fails,0,1,0")));
    let (s, v) = app.get_json("hardware/export?format=xml").await;
    assert_eq!(s, 400, "{v}");
});

/// `hushdesk export hardware` prints what the API exports.
async fn cli_export(db: Db) {
    let mut url = String::new();
    let mut data_dir = std::path::PathBuf::new();
    let app = spawn_app_with(db, |c| {
        url = c.database_url.clone();
        data_dir = c.data_dir();
    })
    .await;
    setup(&app).await;
    let (_, api_rows) = app.get_json("hardware/export").await;
    let bin = env!("CARGO_BIN_EXE_hushdesk");
    let out = std::process::Command::new(bin)
        .env("HUSHDESK_DATA_DIR", &data_dir)
        .args([
            "--config",
            "/dev/null",
            "--database",
            &url,
            "export",
            "hardware",
            "--format",
            "json",
        ])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let cli_rows: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(cli_rows, api_rows);
    let out = std::process::Command::new(bin)
        .env("HUSHDESK_DATA_DIR", &data_dir)
        .args([
            "--config",
            "/dev/null",
            "--database",
            &url,
            "export",
            "hardware",
            "--format",
            "csv",
        ])
        .output()
        .unwrap();
    assert!(out.status.success());
    let csv = String::from_utf8(out.stdout).unwrap();
    assert_eq!(csv.lines().count(), api_rows.as_array().unwrap().len() + 1);
    let out = std::process::Command::new(bin)
        .env("HUSHDESK_DATA_DIR", &data_dir)
        .args([
            "--config",
            "/dev/null",
            "--database",
            &url,
            "export",
            "hardware",
            "--format",
            "yaml",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "clap refuses an unknown format");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn cli_export_sqlite() {
    cli_export(Db::Sqlite).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn cli_export_postgres() {
    cli_export(Db::Postgres).await;
}

async fn worked(app: &TestApp, kind: &str, key: &str, version: &str) -> Value {
    let (s, v) = app
        .get_json(&format!(
            "hardware/worked?kind={kind}&key={}&version={version}",
            key.replace(' ', "%20")
        ))
        .await;
    assert_eq!(s, 200, "{v}");
    v
}

fn ver(v: &str) -> Vec<u32> {
    v.split('.').map(|p| p.parse().unwrap_or(0)).collect()
}
