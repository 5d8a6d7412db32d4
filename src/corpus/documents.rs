//! Documents the bot cites: plain text files under `documents/`, split into passages (one
//! non-empty line each) with the byte offsets that citations point at.

use std::collections::HashMap;
use std::path::Path;

use serde::{Deserialize, Serialize};

use super::CorpusError;
use super::report::{Action, LoadReport};

/// One indexed document. `text` is the file's content, unchanged.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Document {
    pub id: String,
    pub title: String,
    pub author: Option<String>,
    pub source: Option<String>,
    pub file: String,
    pub text: String,
}

/// A paragraph of a document: 1-based number and byte range in the document's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Passage {
    pub paragraph: u32,
    pub start: usize,
    pub end: usize,
}

impl Document {
    /// The paragraphs: each non-empty line, without its line ending or surrounding blanks.
    pub fn passages(&self) -> Vec<Passage> {
        let mut out = Vec::new();
        let mut offset = 0;
        let mut number = 0;
        for line in self.text.split_inclusive('\n') {
            let content = line.trim_end_matches(['\n', '\r']);
            let lead = content.len() - content.trim_start().len();
            let trimmed = content.trim();
            if !trimmed.is_empty() {
                number += 1;
                let start = offset + lead;
                out.push(Passage {
                    paragraph: number,
                    start,
                    end: start + trimmed.len(),
                });
            }
            offset += line.len();
        }
        out
    }
}

/// A row of `documents/documents.csv`: metadata kept beside the text, never inside it.
#[derive(Debug, Clone, Deserialize)]
pub(super) struct MetaRow {
    id: String,
    file: String,
    title: String,
    #[serde(default)]
    author: String,
    #[serde(default)]
    source: String,
}

/// Reads `documents.csv` if present: file name → metadata.
pub(super) fn read_meta(
    path: &Path,
    label: &str,
    report: &mut LoadReport,
) -> Result<HashMap<String, MetaRow>, CorpusError> {
    let bytes = super::read(path)?;
    let mut rdr = csv::ReaderBuilder::new()
        .flexible(true)
        .trim(csv::Trim::All)
        .from_reader(super::strip_bom(&bytes));
    let mut out = HashMap::new();
    for row in rdr.deserialize::<MetaRow>() {
        match row {
            Ok(r) if !r.file.is_empty() => {
                out.insert(r.file.clone(), r);
            }
            Ok(_) => report.note(
                label,
                0,
                Action::Skipped,
                "document row without a file name",
            ),
            Err(e) => {
                let line = e.position().map(|p| p.line()).unwrap_or(0);
                report.note(label, line, Action::Skipped, format!("unreadable row: {e}"));
            }
        }
    }
    Ok(out)
}

/// Reads one document file. Non-UTF-8 files are refused (citations need exact text).
pub(super) fn read_document(
    path: &Path,
    label: &str,
    meta: Option<&MetaRow>,
    report: &mut LoadReport,
) -> Result<Option<Document>, CorpusError> {
    let bytes = super::read(path)?;
    let Ok(text) = String::from_utf8(bytes) else {
        report.note(label, 0, Action::Skipped, "document is not UTF-8 text");
        return Ok(None);
    };
    let file = path
        .file_name()
        .map(|f| f.to_string_lossy().into_owned())
        .unwrap_or_default();
    let stem = path
        .file_stem()
        .map(|f| f.to_string_lossy().into_owned())
        .unwrap_or_default();
    let opt = |s: &str| (!s.is_empty()).then(|| s.to_string());
    let (id, title, author, source) = match meta {
        Some(m) => (
            m.id.clone(),
            m.title.clone(),
            opt(&m.author),
            opt(&m.source),
        ),
        None => (stem.clone(), stem.replace(['-', '_'], " "), None, None),
    };
    Ok(Some(Document {
        id,
        title,
        author,
        source,
        file,
        text,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(text: &str) -> Document {
        Document {
            id: "d".into(),
            title: "D".into(),
            author: None,
            source: None,
            file: "d.txt".into(),
            text: text.into(),
        }
    }

    #[test]
    fn passages_are_non_empty_lines_with_exact_offsets() {
        let d = doc("First line.\n\n  Second line.  \r\nThird\n\n\n");
        let p = d.passages();
        assert_eq!(p.len(), 3);
        assert_eq!(&d.text[p[0].start..p[0].end], "First line.");
        assert_eq!(&d.text[p[1].start..p[1].end], "Second line.");
        assert_eq!(&d.text[p[2].start..p[2].end], "Third");
        assert_eq!(p[2].paragraph, 3);
    }

    #[test]
    fn a_document_without_trailing_newline_keeps_its_last_paragraph() {
        let d = doc("a\nb");
        let p = d.passages();
        assert_eq!(p.len(), 2);
        assert_eq!(&d.text[p[1].start..p[1].end], "b");
    }
}
