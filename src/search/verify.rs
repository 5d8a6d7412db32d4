//! Checking an index's files against their checksums when it is opened, with the same verdict
//! as tantivy's `Index::validate_checksum` but cheaper: files are read with plain `read`s into
//! one small buffer per thread (tantivy's own check reads them through its memory map, so the
//! whole index then counts as the process's resident memory), and several files are checked at
//! once, one per core.

use std::fs::File;
use std::io::{Read, Seek, SeekFrom};
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

use tantivy::Index;

/// tantivy's footer: `json, u32 json length, u32 magic number`, little-endian.
const FOOTER_MAGIC_NUMBER: u32 = 1337;
const FOOTER_MAX_LEN: u64 = 50_000;
const CHUNK: usize = 1 << 20;

/// Whether `path`'s body matches the crc32 its footer records. Any read error or malformed
/// footer counts as damage.
fn intact(path: &Path, buf: &mut [u8]) -> bool {
    check(path, buf).unwrap_or(false)
}

fn check(path: &Path, buf: &mut [u8]) -> std::io::Result<bool> {
    let mut file = File::open(path)?;
    let len = file.metadata()?.len();
    if len < 8 {
        return Ok(false);
    }
    let mut tail = [0u8; 8];
    file.seek(SeekFrom::Start(len - 8))?;
    file.read_exact(&mut tail)?;
    let footer_len = u64::from(u32::from_le_bytes([tail[0], tail[1], tail[2], tail[3]]));
    let magic = u32::from_le_bytes([tail[4], tail[5], tail[6], tail[7]]);
    if magic != FOOTER_MAGIC_NUMBER || footer_len > FOOTER_MAX_LEN || len < footer_len + 8 {
        return Ok(false);
    }
    let body_len = len - 8 - footer_len;
    let mut footer = vec![0u8; footer_len as usize];
    file.seek(SeekFrom::Start(body_len))?;
    file.read_exact(&mut footer)?;
    let Some(expected) = serde_json::from_slice::<serde_json::Value>(&footer)
        .ok()
        .and_then(|v| v.get("crc")?.as_u64())
    else {
        return Ok(false);
    };
    file.seek(SeekFrom::Start(0))?;
    let mut hasher = crc32fast::Hasher::new();
    let mut left = body_len;
    while left > 0 {
        let n = left.min(buf.len() as u64) as usize;
        file.read_exact(&mut buf[..n])?;
        hasher.update(&buf[..n]);
        left -= n as u64;
    }
    Ok(u64::from(hasher.finalize()) == expected)
}

/// The committed files of `index` (in `dir`) that fail their checksum. Files a segment lists
/// but that do not exist are not reported, as tantivy's check does not report them either
/// (opening a segment without them fails).
pub(super) fn damaged_files(index: &Index, dir: &Path) -> tantivy::Result<Vec<PathBuf>> {
    let mut files: Vec<(u64, PathBuf)> = index
        .load_metas()?
        .list_segment_files()
        .into_iter()
        .filter_map(|rel| {
            let path = dir.join(rel);
            let len = std::fs::metadata(&path).ok()?.len();
            Some((len, path))
        })
        .collect();
    // Largest first, so that the threads finish together.
    files.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.cmp(&b.1)));
    let threads = std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(1)
        .min(files.len())
        .max(1);
    let next = AtomicUsize::new(0);
    let damaged = Mutex::new(Vec::new());
    std::thread::scope(|s| {
        for _ in 0..threads {
            s.spawn(|| {
                let mut buf = vec![0u8; CHUNK];
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let Some((_, path)) = files.get(i) else {
                        break;
                    };
                    if !intact(path, &mut buf) {
                        damaged
                            .lock()
                            .unwrap_or_else(|e| e.into_inner())
                            .push(path.to_path_buf());
                    }
                }
            });
        }
    });
    let mut damaged = damaged.into_inner().unwrap_or_else(|e| e.into_inner());
    damaged.sort();
    Ok(damaged)
}

#[cfg(test)]
mod tests {
    use super::*;
    use tantivy::doc;
    use tantivy::schema::{STORED, Schema, TEXT};

    fn small_index(dir: &Path) -> Index {
        let mut b = Schema::builder();
        let body = b.add_text_field("body", TEXT | STORED);
        let index = Index::create_in_dir(dir, b.build()).unwrap();
        let mut w: tantivy::IndexWriter = index.writer(15_000_000).unwrap();
        for i in 0..200 {
            w.add_document(doc!(body => format!("passage number {i} about rivers")))
                .unwrap();
        }
        w.commit().unwrap();
        index
    }

    fn tmp(name: &str) -> PathBuf {
        let d =
            std::env::temp_dir().join(format!("streambot-verify-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&d);
        std::fs::create_dir_all(&d).unwrap();
        d
    }

    #[test]
    fn agrees_with_tantivy_on_intact_and_damaged_files() {
        let dir = tmp("damage");
        let index = small_index(&dir);
        assert_eq!(damaged_files(&index, &dir).unwrap(), Vec::<PathBuf>::new());
        assert!(index.validate_checksum().unwrap().is_empty());
        // Flip one byte in the middle of the doc store.
        let store = std::fs::read_dir(&dir)
            .unwrap()
            .flatten()
            .map(|e| e.path())
            .find(|p| p.extension().is_some_and(|e| e == "store"))
            .unwrap();
        let mut bytes = std::fs::read(&store).unwrap();
        let mid = bytes.len() / 3;
        bytes[mid] ^= 0xff;
        std::fs::write(&store, &bytes).unwrap();
        assert_eq!(damaged_files(&index, &dir).unwrap(), vec![store.clone()]);
        let theirs: Vec<PathBuf> = index
            .validate_checksum()
            .unwrap()
            .into_iter()
            .map(|p| dir.join(p))
            .collect();
        assert_eq!(theirs, vec![store.clone()]);
        // A truncated file (its footer gone) is damaged too.
        std::fs::write(&store, &bytes[..mid]).unwrap();
        assert_eq!(damaged_files(&index, &dir).unwrap(), vec![store]);
        let _ = std::fs::remove_dir_all(&dir);
    }
}
