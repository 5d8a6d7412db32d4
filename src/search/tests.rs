//! Opening, building, reloading and repairing the index.

use super::dir::MARKER_TEXT;
use super::*;

#[test]
fn segments_are_merged_in_groups_of_about_as_many_documents() {
    let segments = vec![("a", 10), ("b", 60), ("c", 30), ("d", 50), ("e", 20)];
    assert_eq!(
        merge_groups(segments.clone(), 2),
        vec![vec!["b", "e", "a"], vec!["d", "c"]]
    );
    assert_eq!(
        merge_groups(segments, 1),
        vec![vec!["b", "d", "c", "e", "a"]]
    );
    assert_eq!(merge_groups(vec![("a", 5)], 4)[0], vec!["a"]);
}

#[test]
fn what_a_killed_build_leaves_is_wiped_and_anything_else_is_refused() {
    let dir = std::env::temp_dir().join(format!("streambot-wipe-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join(MARKER_FILE), MARKER_TEXT).unwrap();
    let left = [
        "meta.json",
        ".managed.json",
        ".tantivy-writer.lock",
        "166c64e4439e46acbdcd115f51c15284.store",
        "166c64e4439e46acbdcd115f51c15284.temp",
        "166c64e4439e46acbdcd115f51c15284.12.del",
        ".tmpa1B2c3",
        lock::LOCK_FILE,
    ];
    for name in left {
        std::fs::write(dir.join(name), b"x").unwrap();
    }
    wipe(&dir).unwrap();
    let mut kept: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    kept.sort();
    assert_eq!(
        kept,
        vec![MARKER_FILE.to_string(), lock::LOCK_FILE.to_string()]
    );

    std::fs::write(dir.join("notes.txt"), b"mine").unwrap();
    assert!(matches!(wipe(&dir), Err(SearchError::NotAnIndex(_))));
    assert!(dir.join("notes.txt").exists());
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn a_directory_without_the_marker_is_never_emptied() {
    let dir = std::env::temp_dir().join(format!("streambot-foreign-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    // Names tantivy could have written, but not by streambot: a mistaken STREAMBOT_INDEX.
    let theirs = ["backup.lock", "session.tmp", "render.temp", "meta.json"];
    for name in theirs {
        std::fs::write(dir.join(name), b"someone else's").unwrap();
    }
    assert!(matches!(wipe(&dir), Err(SearchError::NotAnIndex(_))));
    for name in theirs {
        assert_eq!(
            std::fs::read(dir.join(name)).unwrap(),
            b"someone else's",
            "{name}"
        );
    }
    assert!(!dir.join(MARKER_FILE).exists());
    // An empty directory becomes ours.
    let empty = dir.join("empty");
    std::fs::create_dir_all(&empty).unwrap();
    wipe(&empty).unwrap();
    assert_eq!(
        std::fs::read_to_string(empty.join(MARKER_FILE)).unwrap(),
        MARKER_TEXT
    );
    std::fs::remove_dir_all(&dir).unwrap();
}
