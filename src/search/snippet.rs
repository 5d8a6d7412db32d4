//! Cited snippets: the sentence of a paragraph that best matches the question, as an exact byte
//! range of the document, with the matched words' ranges for highlighting.

use unicode_segmentation::UnicodeSegmentation;

use super::analyzer::{analyze, text_analyzer};

/// A part of a document: `start..end` are byte offsets into the document's text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Snippet {
    pub start: usize,
    pub end: usize,
    /// Matched words, as byte ranges into the document's text, inside `start..end`.
    pub highlights: Vec<(usize, usize)>,
}

/// Longest snippet, in bytes.
pub const MAX_SNIPPET: usize = 480;
/// Snippets shorter than this take the next sentence too.
const SHORT: usize = 140;

/// Picks the best sentence (or two) of a paragraph. `paragraph` is the paragraph's text and
/// `offset` where it starts in its document; `terms` are analysed query terms.
pub fn best(paragraph: &str, offset: usize, terms: &[String]) -> Snippet {
    let mut analyzer = text_analyzer();
    let sentences: Vec<(usize, &str)> = paragraph.split_sentence_bound_indices().collect();
    let mut best = (0usize, 0usize); // (score, index)
    let mut matches: Vec<Vec<(usize, usize)>> = Vec::with_capacity(sentences.len());
    for (i, (at, s)) in sentences.iter().enumerate() {
        let mut hit_terms: Vec<&str> = Vec::new();
        let mut ranges = Vec::new();
        for (term, a, b) in analyze(&mut analyzer, s) {
            if let Some(t) = terms.iter().find(|t| **t == term) {
                ranges.push((at + a, at + b));
                if !hit_terms.contains(&t.as_str()) {
                    hit_terms.push(t);
                }
            }
        }
        if hit_terms.len() > best.0 {
            best = (hit_terms.len(), i);
        }
        matches.push(ranges);
    }
    let Some(&(first_at, first)) = sentences.get(best.1) else {
        return Snippet {
            start: offset,
            end: offset,
            highlights: Vec::new(),
        };
    };
    let mut start = first_at;
    let mut end = first_at + first.len();
    let mut highlights = matches[best.1].clone();
    if end - start < SHORT
        && let Some((at, s)) = sentences.get(best.1 + 1)
    {
        end = at + s.len();
        highlights.extend(matches[best.1 + 1].iter().copied());
    }
    // Trim blanks, then cut an overlong snippet at a word boundary.
    let slice = &paragraph[start..end];
    start += slice.len() - slice.trim_start().len();
    end = start + paragraph[start..end].trim().len();
    if end - start > MAX_SNIPPET {
        let mut cut = start + MAX_SNIPPET;
        while !paragraph.is_char_boundary(cut) {
            cut -= 1;
        }
        if let Some(space) = paragraph[start..cut].rfind(char::is_whitespace)
            && space > MAX_SNIPPET / 2
        {
            cut = start + space;
        }
        end = start + paragraph[start..cut].trim_end().len();
    }
    highlights.retain(|&(a, b)| a >= start && b <= end);
    Snippet {
        start: offset + start,
        end: offset + end,
        highlights: highlights
            .into_iter()
            .map(|(a, b)| (offset + a, offset + b))
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_best_sentence_is_cited_exactly() {
        let doc =
            "Intro.\nCats sleep a lot. Netflix is absent from China because of rules. Dogs bark.";
        let para_start = 7;
        let para = &doc[para_start..];
        let s = best(para, para_start, &["china".to_string(), "rule".to_string()]);
        let text = &doc[s.start..s.end];
        assert!(
            text.starts_with("Netflix is absent from China because of rules."),
            "{text}"
        );
        let words: Vec<&str> = s.highlights.iter().map(|&(a, b)| &doc[a..b]).collect();
        assert_eq!(words, vec!["China", "rules"]);
    }

    #[test]
    fn long_sentences_are_cut_on_a_char_boundary() {
        let para = "中国".repeat(400);
        let s = best(&para, 10, &["中国".to_string()]);
        assert!(s.end - s.start <= MAX_SNIPPET);
        assert!(para.is_char_boundary(s.end - 10));
    }
}
