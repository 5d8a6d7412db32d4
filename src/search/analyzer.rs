//! Tokenisation that works for English and Chinese alike: words of alphabetic scripts are split
//! on non-letters, runs of Chinese/Japanese characters go through jieba (tantivy-jieba), which
//! only loads its dictionary the first time such text is seen.

use std::collections::HashMap;
use std::sync::OnceLock;

use tantivy::Index;
use tantivy::tokenizer::{
    AsciiFoldingFilter, Language, LowerCaser, RemoveLongFilter, SimpleTokenStream, SimpleTokenizer,
    Stemmer, StopWordFilter, TextAnalyzer, Token, TokenFilter, TokenStream, Tokenizer,
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
    /// Text without CJK (nearly all of it) is split by tantivy's own tokenizer, which makes
    /// the same words (runs of letters and digits) without a `String` per word.
    words: SimpleTokenizer,
}

/// The tokens of one text: streamed when it has no CJK, else collected first.
pub enum CjkAwareStream<'a> {
    Words(SimpleTokenStream<'a>),
    Mixed(VecTokenStream<'a>),
}

impl TokenStream for CjkAwareStream<'_> {
    fn advance(&mut self) -> bool {
        match self {
            CjkAwareStream::Words(s) => s.advance(),
            CjkAwareStream::Mixed(s) => s.advance(),
        }
    }
    fn token(&self) -> &Token {
        match self {
            CjkAwareStream::Words(s) => s.token(),
            CjkAwareStream::Mixed(s) => s.token(),
        }
    }
    fn token_mut(&mut self) -> &mut Token {
        match self {
            CjkAwareStream::Words(s) => s.token_mut(),
            CjkAwareStream::Mixed(s) => s.token_mut(),
        }
    }
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
    type TokenStream<'a> = CjkAwareStream<'a>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> CjkAwareStream<'a> {
        if text.is_ascii() || !text.chars().any(is_cjk) {
            return CjkAwareStream::Words(self.words.token_stream(text));
        }
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
        CjkAwareStream::Mixed(VecTokenStream {
            tokens: &mut self.tokens,
            index: 0,
        })
    }
}

/// The whole text as one token: what the stemmer is given on a cache miss.
#[derive(Clone, Default)]
struct OneWord {
    token: Token,
}

struct OneWordStream<'a> {
    token: &'a mut Token,
    done: bool,
}

impl TokenStream for OneWordStream<'_> {
    fn advance(&mut self) -> bool {
        !std::mem::replace(&mut self.done, true)
    }
    fn token(&self) -> &Token {
        self.token
    }
    fn token_mut(&mut self) -> &mut Token {
        self.token
    }
}

impl Tokenizer for OneWord {
    type TokenStream<'a> = OneWordStream<'a>;
    fn token_stream<'a>(&'a mut self, text: &'a str) -> OneWordStream<'a> {
        self.token.text.clear();
        self.token.text.push_str(text);
        OneWordStream {
            token: &mut self.token,
            done: false,
        }
    }
}

/// Words remembered per analyzer: the frequent ones fill it first, and it stays a few MB.
const STEM_CACHE: usize = 16 * 1024;

/// English stems, remembered: the same few thousand words make most of the text, and the
/// Snowball stemmer was a tenth of a build's CPU. Stems exactly as tantivy's [`Stemmer`].
#[derive(Clone, Default)]
pub struct CachedStemmer;

impl TokenFilter for CachedStemmer {
    type Tokenizer<T: Tokenizer> = CachedStemmerFilter<T>;

    fn transform<T: Tokenizer>(self, tokenizer: T) -> CachedStemmerFilter<T> {
        CachedStemmerFilter {
            inner: tokenizer,
            stemmer: Stemmer::new(Language::English).transform(OneWord::default()),
            cache: HashMap::new(),
        }
    }
}

#[derive(Clone)]
pub struct CachedStemmerFilter<T> {
    inner: T,
    stemmer: <Stemmer as TokenFilter>::Tokenizer<OneWord>,
    cache: HashMap<String, String>,
}

impl<T: Tokenizer> Tokenizer for CachedStemmerFilter<T> {
    type TokenStream<'a> = CachedStemmerStream<'a, T::TokenStream<'a>>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        CachedStemmerStream {
            tail: self.inner.token_stream(text),
            stemmer: &mut self.stemmer,
            cache: &mut self.cache,
        }
    }
}

pub struct CachedStemmerStream<'a, T> {
    tail: T,
    stemmer: &'a mut <Stemmer as TokenFilter>::Tokenizer<OneWord>,
    cache: &'a mut HashMap<String, String>,
}

impl<T: TokenStream> TokenStream for CachedStemmerStream<'_, T> {
    fn advance(&mut self) -> bool {
        if !self.tail.advance() {
            return false;
        }
        let token = self.tail.token_mut();
        if let Some(stem) = self.cache.get(&token.text) {
            token.text.clear();
            token.text.push_str(stem);
            return true;
        }
        let mut stream = self.stemmer.token_stream(&token.text);
        let stem = if stream.advance() {
            stream.token().text.clone()
        } else {
            token.text.clone()
        };
        if self.cache.len() < STEM_CACHE {
            self.cache.insert(token.text.clone(), stem.clone());
        }
        token.text = stem;
        true
    }

    fn token(&self) -> &Token {
        self.tail.token()
    }

    fn token_mut(&mut self) -> &mut Token {
        self.tail.token_mut()
    }
}

/// The analyzer for running text. Built once (its stop-word set, among others) and cloned:
/// every free-text question asks for one.
pub fn text_analyzer() -> TextAnalyzer {
    static BUILT: OnceLock<TextAnalyzer> = OnceLock::new();
    BUILT.get_or_init(build_text_analyzer).clone()
}

fn build_text_analyzer() -> TextAnalyzer {
    TextAnalyzer::builder(CjkAwareTokenizer::default())
        .filter(RemoveLongFilter::limit(48))
        .filter(LowerCaser)
        .filter(AsciiFoldingFilter)
        .filter(StopWordFilter::new(Language::English).expect("tantivy ships English stop words"))
        .filter(CachedStemmer)
        .build()
}

/// The analyzer for names (built once, as [`text_analyzer`]).
pub fn exact_analyzer() -> TextAnalyzer {
    static BUILT: OnceLock<TextAnalyzer> = OnceLock::new();
    BUILT.get_or_init(build_exact_analyzer).clone()
}

fn build_exact_analyzer() -> TextAnalyzer {
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
    fn cached_stems_are_tantivys_stems() {
        let text = "Running runners ran; the running man's RUNNING, naïve cafés, 東京 running 2046";
        let mut plain = TextAnalyzer::builder(CjkAwareTokenizer::default())
            .filter(RemoveLongFilter::limit(48))
            .filter(LowerCaser)
            .filter(AsciiFoldingFilter)
            .filter(StopWordFilter::new(Language::English).unwrap())
            .filter(Stemmer::new(Language::English))
            .build();
        let mut cached = text_analyzer();
        for _ in 0..2 {
            assert_eq!(analyze(&mut cached, text), analyze(&mut plain, text));
        }
    }

    #[test]
    fn text_without_cjk_splits_as_with_it() {
        // The same words, offsets and positions whether or not the text also has CJK in it.
        let latin = "Amélie, l'été 1999: Ça va? x-y_z";
        let mut a = exact_analyzer();
        let alone = analyze(&mut a, latin);
        let with = analyze(&mut a, &format!("{latin} 中文"));
        assert_eq!(alone[..], with[..alone.len()]);
        assert_eq!(
            alone.iter().map(|t| t.0.as_str()).collect::<Vec<_>>(),
            vec!["amelie", "l", "ete", "1999", "ca", "va", "x", "y", "z"]
        );
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
