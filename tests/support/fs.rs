//! Scratch copies of data directories for tests that change data.

use std::path::{Path, PathBuf};

/// Copies `from` into `to`, recursively.
pub fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap().flatten() {
        let target = to.join(e.file_name());
        if e.file_type().unwrap().is_dir() {
            copy_dir(&e.path(), &target);
        } else {
            std::fs::copy(e.path(), target).unwrap();
        }
    }
}

/// A scratch copy of the repository's `data/` beside an index directory, removed on drop.
pub struct Scratch {
    pub root: PathBuf,
}

impl Scratch {
    /// `<tmp>/streambot-<name>-<pid>/{data,index}`, with `data` a fresh copy of `data/`.
    pub fn new(name: &str) -> Scratch {
        let root = std::env::temp_dir().join(format!("streambot-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&root);
        copy_dir(
            &Path::new(env!("CARGO_MANIFEST_DIR")).join("data"),
            &root.join("data"),
        );
        Scratch { root }
    }

    pub fn data(&self) -> PathBuf {
        self.root.join("data")
    }

    pub fn index(&self) -> PathBuf {
        self.root.join("index")
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.root);
    }
}
