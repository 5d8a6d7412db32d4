//! Tokenisation that works for English and Chinese alike: words of alphabetic scripts are split
//! on non-letters, runs of Chinese/Japanese characters go through jieba (tantivy-jieba), which
//! only loads its dictionary the first time such text is seen.

use tantivy::Index;
use tantivy::tokenizer::{
    AsciiFoldingFilter, Language, LowerCaser, RemoveLongFilter, Stemmer, StopWordFilter,
    TextAnalyzer, Token, TokenStream, Tokenizer,
};

use crate::text::is_cjk;

/// Analyzer for running text: stop words dropped, English stems.
pub const TEXT: &str = "streambot_text";
/// Analyzer for names: every word kept as written (lower-cased, accents folded).
pub const EXACT: &str = "streambot_exact";

/// Splits text into words, handing runs of CJK characters to jieba.
#[derive(Clone, Default)]
pub struct CjkAwareTokenizer {
    jieba: tantivy_jieba::JiebaTokenizer,
    tokens: Vec<Token>,
}

/// The tokens of one text.
pub struct VecTokenStream<'a> {
    tokens: &'a mut Vec<Token>,
    index: usize,
}

impl TokenStream for VecTokenStream<'_> {
    fn advance(&mut self) -> bool {
        self.index += 1;
        self.index <= self.tokens.len()
    }
    fn token(&self) -> &Token {
        &self.tokens[self.index - 1]
    }
    fn token_mut(&mut self) -> &mut Token {
        &mut self.tokens[self.index - 1]
    }
}

#[derive(PartialEq, Clone, Copy)]
enum Class {
    Word,
    Cjk,
    Other,
}

fn class(c: char) -> Class {
    if is_cjk(c) {
        Class::Cjk
    } else if c.is_alphanumeric() {
        Class::Word
    } else {
        Class::Other
    }
}

impl CjkAwareTokenizer {
    fn push(&mut self, text: &str, from: usize, to: usize) {
        let position = self.tokens.len();
        self.tokens.push(Token {
            offset_from: from,
            offset_to: to,
            position,
            text: text[from..to].to_string(),
            position_length: 1,
        });
    }

    fn push_cjk(&mut self, text: &str, from: usize, to: usize) {
        let run = &text[from..to];
        let mut stream = self.jieba.token_stream(run);
        let mut found = Vec::new();
        while stream.advance() {
            let t = stream.token();
            if t.text.chars().any(|c| !c.is_whitespace()) {
                found.push((t.offset_from, t.offset_to));
            }
        }
        for (a, b) in found {
            self.push(text, from + a, from + b);
        }
    }
}

impl Tokenizer for CjkAwareTokenizer {
    type TokenStream<'a> = VecTokenStream<'a>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> VecTokenStream<'a> {
        self.tokens.clear();
        let mut run: Option<(usize, Class)> = None;
        for (i, c) in text.char_indices() {
            let k = class(c);
            match run {
                Some((start, rk)) if rk != k => {
                    match rk {
                        Class::Word => self.push(text, start, i),
                        Class::Cjk => self.push_cjk(text, start, i),
                        Class::Other => {}
                    }
                    run = Some((i, k));
                }
                None => run = Some((i, k)),
                _ => {}
            }
        }
        if let Some((start, rk)) = run {
            match rk {
                Class::Word => self.push(text, start, text.len()),
                Class::Cjk => self.push_cjk(text, start, text.len()),
                Class::Other => {}
            }
        }
        VecTokenStream {
            tokens: &mut self.tokens,
            index: 0,
        }
    }
}

/// The analyzer for running text.
pub fn text_analyzer() -> TextAnalyzer {
    TextAnalyzer::builder(CjkAwareTokenizer::default())
        .filter(RemoveLongFilter::limit(48))
        .filter(LowerCaser)
        .filter(AsciiFoldingFilter)
        .filter(StopWordFilter::new(Language::English).expect("tantivy ships English stop words"))
        .filter(Stemmer::new(Language::English))
        .build()
}

/// The analyzer for names.
pub fn exact_analyzer() -> TextAnalyzer {
    TextAnalyzer::builder(CjkAwareTokenizer::default())
        .filter(RemoveLongFilter::limit(48))
        .filter(LowerCaser)
        .filter(AsciiFoldingFilter)
        .build()
}

/// Loads jieba's dictionary (a few hundred milliseconds, once per process) on another thread,
/// so that a build does it while the data files are parsed rather than when the indexer meets
/// the first CJK text.
pub fn warm_up_in_background() {
    std::thread::spawn(|| {
        let mut tokenizer = CjkAwareTokenizer::default();
        let mut stream = tokenizer.token_stream("中文");
        while stream.advance() {}
    });
}

pub fn register(index: &Index) {
    index.tokenizers().register(TEXT, text_analyzer());
    index.tokenizers().register(EXACT, exact_analyzer());
}

/// The terms `analyzer` makes of `text`, with their byte ranges.
pub fn analyze(analyzer: &mut TextAnalyzer, text: &str) -> Vec<(String, usize, usize)> {
    let mut out = Vec::new();
    let mut stream = analyzer.token_stream(text);
    while stream.advance() {
        let t = stream.token();
        out.push((t.text.clone(), t.offset_from, t.offset_to));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn terms(a: &mut TextAnalyzer, s: &str) -> Vec<String> {
        analyze(a, s).into_iter().map(|t| t.0).collect()
    }

    #[test]
    fn english_is_stemmed_and_stop_words_dropped() {
        assert_eq!(
            terms(&mut text_analyzer(), "The Wandering Earth's movies"),
            vec!["wander", "earth", "s", "movi"]
        );
    }

    #[test]
    fn chinese_is_segmented_with_exact_offsets() {
        let text = "为什么中国不能看Netflix";
        let t = analyze(&mut exact_analyzer(), text);
        let words: Vec<&str> = t.iter().map(|(_, a, b)| &text[*a..*b]).collect();
        assert!(words.contains(&"中国"), "{words:?}");
        assert!(words.contains(&"Netflix"), "{words:?}");
        assert_eq!(t.last().unwrap().0, "netflix");
    }

    #[test]
    fn names_keep_every_word() {
        assert_eq!(
            terms(&mut exact_analyzer(), "Amélie & The Bad"),
            vec!["amelie", "the", "bad"]
        );
        assert!(terms(&mut exact_analyzer(), "🎬🍿 !!").is_empty());
    }
}
