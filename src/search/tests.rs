//! Opening, building, reloading and repairing the index.

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
    assert_eq!(kept, vec![lock::LOCK_FILE.to_string()]);

    std::fs::write(dir.join("notes.txt"), b"mine").unwrap();
    assert!(matches!(wipe(&dir), Err(SearchError::NotAnIndex(_))));
    assert!(dir.join("notes.txt").exists());
    std::fs::remove_dir_all(&dir).unwrap();
}
