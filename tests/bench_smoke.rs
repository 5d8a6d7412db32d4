//! The benchmark's smoke mode runs end to end and prints every key; no timing is asserted.

use std::process::Command;

#[test]
fn bench_smoke_prints_every_figure() {
    let data = concat!(env!("CARGO_MANIFEST_DIR"), "/data");
    let out = Command::new(env!("CARGO_BIN_EXE_streambot"))
        .args(["bench", "--smoke", "--json", "--data", data])
        .env("RUST_LOG", "error")
        .output()
        .expect("run streambot bench");
    assert!(
        out.status.success(),
        "bench failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let r: serde_json::Value = serde_json::from_slice(&out.stdout).expect("one JSON object");
    for key in [
        "build_ms",
        "first_answer_ms",
        "peak_rss_mb",
        "recall_at_1",
        "titles_indexed",
        "shapes",
        "fts5_build_ms",
        "build_ratio",
        "synthetic",
        "machine",
        "cores",
        "build_peak_rss_mb",
        "answer_peak_rss_mb",
    ] {
        assert!(r.get(key).is_some(), "missing {key} in {r}");
    }
    assert!(r["titles_indexed"].as_u64().unwrap() > 0);
    assert!(r["cores"].as_u64().unwrap() >= 1);
    // Both children ran under /usr/bin/time (CI has it), so both peaks are numbers.
    for key in ["build_peak_rss_mb", "answer_peak_rss_mb"] {
        if std::path::Path::new("/usr/bin/time").exists() {
            assert!(r[key].as_f64().unwrap() > 1.0, "{key} in {r}");
        }
    }
    let shapes = r["shapes"].as_object().unwrap();
    for name in streambot::bench::SHAPES {
        let s = &shapes[name];
        for key in [
            "queries",
            "p50_us",
            "p99_us",
            "max_us",
            "fts5_p50_us",
            "fts5_p99_us",
            "fts5_build_ms",
            "ratio_p50",
        ] {
            assert!(s.get(key).is_some(), "{name} lacks {key}");
        }
        assert!(s["queries"].as_u64().unwrap() > 0, "{name}");
        let (p50, p99, max) = (
            s["p50_us"].as_u64().unwrap(),
            s["p99_us"].as_u64().unwrap(),
            s["max_us"].as_u64().unwrap(),
        );
        assert!(p50 <= p99 && p99 <= max, "{name}: {p50} {p99} {max}");
    }
    assert!(shapes["route"]["fts5_p50_us"].is_null());
    assert!(shapes["title_in_place"]["fts5_p50_us"].is_null());
    let settings = &shapes["settings_read"];
    assert_eq!(settings["users"], 10_000);
    assert!(
        settings["store_read_p50_us"].as_u64().unwrap() <= settings["p50_us"].as_u64().unwrap()
    );
    assert!(shapes["map"]["fts5_p50_us"].is_null());
    let png = shapes["map"]["png_bytes"].as_u64().unwrap();
    assert!(png > 10_000 && png < 500_000, "{png} bytes");
}
