//! One writer per index directory across processes: the bot's reindexing child, `streambot
//! index` and a starting bot that must build all take this lock first, so a second one is told
//! who holds it instead of meeting tantivy's own lock error. It is an OS file lock (`flock` via
//! `fs4`), so it goes away with its holder however that process ends; the holder's pid is
//! written in the file for the message.

use std::fs::{File, OpenOptions};
use std::io::{Read, Seek, Write};
use std::path::{Path, PathBuf};

use fs4::fs_std::FileExt;

use super::SearchError;

/// The lock file's name inside the index directory (never removed by a rebuild).
pub const LOCK_FILE: &str = "streambot.lock";

/// How long a refused writer waits for the holder's pid to appear in the file (it is written
/// right after the lock is taken), in tries of [`PID_WAIT`].
const PID_TRIES: u32 = 20;
const PID_WAIT: std::time::Duration = std::time::Duration::from_millis(5);

/// Held while this process writes the index; released when dropped or when the process dies.
#[derive(Debug)]
pub struct IndexLock {
    file: File,
    path: PathBuf,
}

impl IndexLock {
    /// Takes the lock on `dir` (creating the directory), or says who holds it.
    pub fn try_acquire(dir: &Path) -> Result<IndexLock, SearchError> {
        let io = |source| SearchError::Io {
            path: dir.to_path_buf(),
            source,
        };
        std::fs::create_dir_all(dir).map_err(io)?;
        let path = dir.join(LOCK_FILE);
        let mut options = OpenOptions::new();
        options.read(true).write(true).create(true).truncate(false);
        // A symlink planted as the lock file would have its target truncated: never follow one.
        #[cfg(unix)]
        std::os::unix::fs::OpenOptionsExt::custom_flags(&mut options, libc::O_NOFOLLOW);
        let mut file = options.open(&path).map_err(io)?;
        if !FileExt::try_lock_exclusive(&file).map_err(io)? {
            // The holder writes its pid just after taking the lock: give it a moment.
            let mut pid = holder_of(&mut file);
            for _ in 0..PID_TRIES {
                if pid.is_some() {
                    break;
                }
                std::thread::sleep(PID_WAIT);
                pid = holder_of(&mut file);
            }
            return Err(SearchError::Busy { pid });
        }
        file.set_len(0)
            .and_then(|()| file.rewind())
            .and_then(|()| writeln!(file, "{}", std::process::id()))
            .and_then(|()| file.flush())
            .map_err(io)?;
        Ok(IndexLock { file, path })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }
}

impl Drop for IndexLock {
    fn drop(&mut self) {
        // Forget the pid before letting go, so nobody names a process that is done.
        let _ = self.file.set_len(0);
        let _ = FileExt::unlock(&self.file);
    }
}

/// The pid written in a lock file, if there is one.
fn holder_of(file: &mut File) -> Option<u32> {
    let mut text = String::new();
    file.rewind().ok()?;
    file.read_to_string(&mut text).ok()?;
    text.trim().parse().ok()
}

/// The pid of the process holding the lock on `dir`, or `None` when nobody holds it (or its
/// pid is not known).
pub fn holder(dir: &Path) -> Option<u32> {
    let mut file = File::open(dir.join(LOCK_FILE)).ok()?;
    if FileExt::try_lock_shared(&file).ok()? {
        let _ = FileExt::unlock(&file);
        return None;
    }
    holder_of(&mut file)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scratch(name: &str) -> PathBuf {
        let dir =
            std::env::temp_dir().join(format!("streambot-lock-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        dir
    }

    #[test]
    fn a_second_holder_is_refused_with_the_first_ones_pid() {
        let dir = scratch("second");
        let first = IndexLock::try_acquire(&dir).unwrap();
        assert_eq!(holder(&dir), Some(std::process::id()));
        // flock locks belong to open files: a second open in this process is refused too.
        match IndexLock::try_acquire(&dir) {
            Err(SearchError::Busy { pid }) => assert_eq!(pid, Some(std::process::id())),
            other => panic!("expected Busy, got {other:?}"),
        }
        drop(first);
        assert_eq!(holder(&dir), None);
        let again = IndexLock::try_acquire(&dir).unwrap();
        assert_eq!(again.path(), dir.join(LOCK_FILE));
        drop(again);
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[cfg(unix)]
    #[test]
    fn a_planted_symlink_as_the_lock_file_is_refused_and_its_target_untouched() {
        let dir = scratch("symlink");
        std::fs::create_dir_all(&dir).unwrap();
        let victim = scratch("symlink-victim");
        std::fs::write(&victim, "precious").unwrap();
        std::os::unix::fs::symlink(&victim, dir.join(LOCK_FILE)).unwrap();
        match IndexLock::try_acquire(&dir) {
            Err(SearchError::Io { path, .. }) => assert_eq!(path, dir),
            other => panic!("expected an I/O refusal, got {other:?}"),
        }
        assert_eq!(std::fs::read_to_string(&victim).unwrap(), "precious");
        let _ = std::fs::remove_dir_all(&dir);
        let _ = std::fs::remove_file(&victim);
    }
}
