//! Where a CSV parser's bytes come from, with what it needs to tell the line a record starts
//! on: bytes in memory, or a file read a piece at a time so that big files are never held
//! whole.

use std::io::Read;
use std::path::Path;

/// Where a title file's bytes come from: all in memory, or a file read a piece at a time.
pub(super) trait Source: Read {
    /// The line a record starts on (see [`super::csv_line`]).
    fn line(&self, pos: Option<&csv::Position>) -> u64;
    /// No record before byte `at` will be asked about again.
    fn forget_before(&mut self, _at: u64) {}
}

/// Bytes in memory.
pub(super) struct InMemory<'a> {
    pub(super) bytes: &'a [u8],
    pub(super) at: usize,
}

impl Read for InMemory<'_> {
    fn read(&mut self, out: &mut [u8]) -> std::io::Result<usize> {
        let rest = self.bytes.get(self.at..).unwrap_or_default();
        let n = out.len().min(rest.len());
        out[..n].copy_from_slice(&rest[..n]);
        self.at += n;
        Ok(n)
    }
}

impl Source for InMemory<'_> {
    fn line(&self, pos: Option<&csv::Position>) -> u64 {
        super::csv_line(pos, self.bytes)
    }
}

/// How much of a file is read at a time.
const PIECE: u64 = 1 << 20;

/// A file read a piece at a time, keeping the bytes from the start of the current record on
/// (to tell its line): a million titles are a 400 MB file, which was read whole and held
/// while its rows were parsed.
pub(super) struct Window {
    file: std::fs::File,
    /// Bytes from offset `base` of the file (after any byte-order mark) on.
    buf: Vec<u8>,
    base: u64,
    /// How much of `buf` was handed to the reader.
    pos: usize,
    /// The first byte still needed.
    keep: u64,
}

impl Window {
    pub(super) fn open(path: &Path) -> std::io::Result<Window> {
        let mut w = Window {
            file: std::fs::File::open(path)?,
            buf: Vec::new(),
            base: 0,
            pos: 0,
            keep: 0,
        };
        w.fill()?;
        if w.buf.starts_with(b"\xEF\xBB\xBF") {
            w.buf.drain(..3);
        }
        Ok(w)
    }

    /// Drops what is no longer needed and reads the next piece; 0 at the end of the file.
    fn fill(&mut self) -> std::io::Result<usize> {
        let done = usize::try_from(self.keep.saturating_sub(self.base))
            .unwrap_or(usize::MAX)
            .min(self.pos);
        self.buf.drain(..done);
        self.base += done as u64;
        self.pos -= done;
        (&mut self.file).take(PIECE).read_to_end(&mut self.buf)
    }
}

impl Read for Window {
    fn read(&mut self, out: &mut [u8]) -> std::io::Result<usize> {
        if self.pos == self.buf.len() && self.fill()? == 0 {
            return Ok(0);
        }
        let n = out.len().min(self.buf.len() - self.pos);
        out[..n].copy_from_slice(&self.buf[self.pos..self.pos + n]);
        self.pos += n;
        Ok(n)
    }
}

impl Source for Window {
    fn line(&self, pos: Option<&csv::Position>) -> u64 {
        super::csv_line_in(pos, &self.buf, self.base)
    }

    fn forget_before(&mut self, at: u64) {
        self.keep = self.keep.max(at);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A file read in pieces reads as a whole, and tells lines as the bytes in memory do.
    #[test]
    fn a_file_read_in_pieces_reads_as_a_whole() {
        let path = std::env::temp_dir().join(format!("streambot-window-{}", std::process::id()));
        let mut body = b"\xEF\xBB\xBFtitle,type\r\n".to_vec();
        for i in 0..200_000 {
            body.extend_from_slice(format!("\"t{i}\r\nx\",Movie\r\n").as_bytes());
        }
        std::fs::write(&path, &body).unwrap();
        let from_file = || {
            let w = Window::open(&path).unwrap();
            let mut rdr = csv::Reader::from_reader(w);
            let mut rec = csv::ByteRecord::new();
            let mut out = Vec::new();
            while rdr.read_byte_record(&mut rec).unwrap() {
                out.push(rdr.get_ref().line(rec.position()));
                let at = rec.position().map_or(0, |p| p.byte());
                rdr.get_mut().forget_before(at);
                assert!(rdr.get_ref().buf.len() < 3 * PIECE as usize);
            }
            out
        };
        let from_memory = || {
            let m = InMemory {
                bytes: super::super::strip_bom(&body),
                at: 0,
            };
            let mut rdr = csv::Reader::from_reader(m);
            let mut rec = csv::ByteRecord::new();
            let mut out = Vec::new();
            while rdr.read_byte_record(&mut rec).unwrap() {
                out.push(rdr.get_ref().line(rec.position()));
            }
            out
        };
        let (a, b) = (from_file(), from_memory());
        let _ = std::fs::remove_file(&path);
        assert_eq!(a.len(), 200_000);
        assert_eq!(a, b);
        assert_eq!(&a[..3], &[2, 4, 6]);
    }
}
