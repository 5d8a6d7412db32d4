//! The index directory's housekeeping: which files in it are tantivy's, the marker that says
//! the directory is streambot's, and emptying it before a build (never someone else's files).

use std::path::Path;

use super::{SearchError, io_err, lock};

/// Files tantivy writes in an index directory.
fn is_index_file(name: &str) -> bool {
    let exts = [
        ".idx",
        ".term",
        ".pos",
        ".store",
        ".fast",
        ".fieldnorm",
        ".del",
        ".tmp",
        // The doc store's scratch file while a segment is written (tantivy's `TempStore`): a
        // build killed at the wrong moment leaves one behind.
        ".temp",
    ];
    name == "meta.json"
        || name == ".managed.json"
        || name.starts_with(".tantivy")
        // tantivy writes meta.json and .managed.json through a `tempfile` in the directory
        // (`.tmp` and six random characters), renamed when whole: a build killed in between
        // leaves it. Builds now commit and then merge, so they write meta.json more often.
        || name.starts_with(".tmp")
        || name.ends_with(".lock")
        || exts.iter().any(|e| name.ends_with(e))
        || name.ends_with(".json.lock")
}

/// The file that marks a directory as streambot's index: written when a build starts, so that
/// a mistaken `STREAMBOT_INDEX` pointing at someone else's files is refused, never emptied.
pub const MARKER_FILE: &str = "streambot.index";
pub(super) const MARKER_TEXT: &str =
    "This directory is a streambot search index; streambot may empty it.\n";

/// Whether `dir` is streambot's: it has the marker, or it holds an index built by streambot
/// before the marker existed (meta.json carrying streambot's build information).
fn is_ours(dir: &Path) -> bool {
    let legacy = || -> Option<()> {
        let meta: serde_json::Value =
            serde_json::from_slice(&std::fs::read(dir.join("meta.json")).ok()?).ok()?;
        let payload: serde_json::Value =
            serde_json::from_str(meta.get("payload")?.as_str()?).ok()?;
        (payload.get("fingerprint").is_some() && payload.get("built_by").is_some()).then_some(())
    };
    dir.join(MARKER_FILE).is_file() || legacy().is_some()
}

/// Empties an index directory and marks it as ours, refusing (and deleting nothing) when it is
/// not ours and not empty, or holds anything tantivy did not write.
pub(super) fn wipe(dir: &Path) -> Result<(), SearchError> {
    let entries = std::fs::read_dir(dir).map_err(io_err(dir))?;
    let mut files = Vec::new();
    for e in entries.flatten() {
        let name = e.file_name().to_string_lossy().into_owned();
        if [".gitignore", ".gitkeep", lock::LOCK_FILE, MARKER_FILE].contains(&name.as_str()) {
            continue;
        }
        if !is_index_file(&name) || e.file_type().map(|t| t.is_dir()).unwrap_or(true) {
            return Err(SearchError::NotAnIndex(dir.to_path_buf()));
        }
        files.push(e.path());
    }
    if !files.is_empty() && !is_ours(dir) {
        return Err(SearchError::NotAnIndex(dir.to_path_buf()));
    }
    for f in files {
        std::fs::remove_file(&f).map_err(io_err(&f))?;
    }
    let marker = dir.join(MARKER_FILE);
    std::fs::write(&marker, MARKER_TEXT).map_err(io_err(&marker))
}
