//! The benchmark report as an aligned table, for people (`--json` prints the report itself).

use serde_json::Value;

use super::SHAPES;

/// The report as an aligned table.
pub fn table(r: &Value) -> String {
    let mut out = String::new();
    let num = |v: &Value| match v {
        Value::Null => "—".to_string(),
        v => v.to_string(),
    };
    out.push_str(&format!(
        "titles indexed {}, synthetic {}, cores {}\n",
        num(&r["titles_indexed"]),
        num(&r["synthetic"]),
        num(&r["cores"])
    ));
    out.push_str(&format!(
        "build {} ms (FTS5 {} ms, ratio {}); first answer {} ms (child peak {} MB); bench peak RSS {} MB\n",
        num(&r["build_ms"]),
        num(&r["fts5_build_ms"]),
        num(&r["build_ratio"]),
        num(&r["first_answer_ms"]),
        num(&r["first_answer_peak_rss_mb"]),
        num(&r["peak_rss_mb"]),
    ));
    out.push_str(&format!(
        "a fresh `streambot index` from scratch: {} ms, peak {} MB; answering from the built index: peak {} MB\n",
        num(&r["build_child_ms"]),
        num(&r["build_peak_rss_mb"]),
        num(&r["answer_peak_rss_mb"]),
    ));
    out.push_str(&format!(
        "fuzzy title recall@1 {} over {} typo'd real titles (FTS5 trigram + edit distance: {})\n\n",
        num(&r["recall_at_1"]),
        num(&r["recall_sample"]),
        num(&r["fts5_recall_at_1"]),
    ));
    out.push_str(&format!(
        "{:<20} {:>7} {:>9} {:>9} {:>9} {:>11} {:>11} {:>9}\n",
        "shape", "queries", "p50 µs", "p99 µs", "max µs", "FTS5 p50", "FTS5 p99", "ours/FTS5"
    ));
    for s in SHAPES {
        let v = &r["shapes"][s];
        out.push_str(&format!(
            "{:<20} {:>7} {:>9} {:>9} {:>9} {:>11} {:>11} {:>9}\n",
            s,
            num(&v["queries"]),
            num(&v["p50_us"]),
            num(&v["p99_us"]),
            num(&v["max_us"]),
            num(&v["fts5_p50_us"]),
            num(&v["fts5_p99_us"]),
            num(&v["ratio_p50"]),
        ));
    }
    let m = &r["shapes"]["map"];
    out.push_str(&format!(
        "\nmap: {} PNG, largest {} bytes; Netflix map p50 {} µs drawing + {} µs encoding\n",
        num(&m["size"]).trim_matches('"'),
        num(&m["png_bytes"]),
        num(&m["draw_p50_us"]),
        num(&m["encode_p50_us"]),
    ));
    out
}
