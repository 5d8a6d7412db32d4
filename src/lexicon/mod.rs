//! The vocabulary of free-text questions — services, kinds, genres, Chinese place names,
//! question words — read from `lexicon.txt`, one reviewable file, and the tokenizer that both
//! the file's phrases and people's questions go through, so that they always match alike.

mod gloss;

use std::collections::HashMap;
use std::sync::OnceLock;

use crate::domain::{Kind, Service};
use crate::text::{fold, is_cjk};

/// The lexicon, compiled into the binary: it is part of how the bot reads questions, not data
/// a moderator reindexes.
const SOURCE: &str = include_str!("lexicon.txt");

/// What a phrase means.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Tag {
    Service(String),
    Kind(Kind),
    Genre(String),
    /// A place's name (`中国`): a why-not place or, with a kind, a titles origin.
    Place(String),
    /// An adjective or compound that only says where titles come from (`韩剧`, `Korean`).
    Origin(String),
    /// New titles first.
    Recent,
    /// The asker's own services ("on my services", "我的平台").
    Mine,
    /// A streaming service the bot does not cover (`Peacock`, `爱奇艺`), by the name it shows.
    Other(String),
    /// "How many": the total first.
    Count,
    /// The next year is the year titles were added (`added in 2020`, `2020年上线`).
    Added,
    /// The next year is the year titles came out (`released in 2019`, `2019年上映`).
    Released,
    /// A director's name is next to this word.
    Director,
    /// An actor's name is next to this word.
    Cast,
    /// A person's name is next (`by`, `with`): a director or an actor, whichever the data knows.
    Person,
    /// Why something is not available.
    Why,
    /// Whether something is available.
    Available,
    /// Where a title can be watched.
    Where,
    /// What a title is, who made it.
    Info,
    /// The documents themselves (`the essay`).
    Docs,
    Help,
    /// Words that carry nothing for this bot.
    Filler,
    /// A world map of where a service is available.
    Map,
    /// A per-country figure to shade a map by (`library`, `price`).
    Figure(String),
    /// What is watched most: a ranking by Netflix's engagement report.
    Top,
    /// Review scores ("top rated", "best"), which the data does not have.
    Rated,
    /// Titles like the title named ("like Parasite", "类似鱿鱼游戏的").
    Similar,
    /// Hours viewed rather than views.
    Hours,
    /// Lowest first (`cheapest`, `smallest`) or highest first (`most expensive`, `biggest`).
    Order(bool),
    /// A Netflix plan (`basic`, `standard`, `premium`).
    Plan(String),
    /// A person's name in another script (`成龙`), as the data writes it (`Jackie Chan`).
    Name(String),
    /// A title's name in another script (`鱿鱼游戏`), as the data writes it (`Squid Game`).
    Title(String),
}

/// Why a lexicon line could not be read (a bug in `lexicon.txt`, caught by the tests).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LexiconError {
    #[error("lexicon line {line}: {message}")]
    Line { line: u64, message: String },
}

/// One token of a question: a folded word of an alphabetic script, one CJK character, or a
/// flag emoji (as `flag:KR`), with its byte range in the original text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    pub text: String,
    pub start: usize,
    pub end: usize,
    pub cjk: bool,
    /// Written all in capitals (`US`, `UK`): may be a country code.
    pub upper: bool,
}

/// Splits text into tokens: runs of letters and digits (apostrophes kept inside, then folded
/// away: `can't` → `cant`), single CJK characters, and flags (two regional indicators).
pub fn tokens(text: &str) -> Vec<Token> {
    let mut out = Vec::new();
    let mut word: Option<usize> = None;
    let mut chars = text.char_indices().peekable();
    let flush = |out: &mut Vec<Token>, start: usize, end: usize| {
        let raw = &text[start..end];
        let folded = fold(raw);
        if !folded.is_empty() {
            let upper = raw.chars().any(|c| c.is_alphabetic())
                && raw.chars().all(|c| !c.is_alphabetic() || c.is_uppercase());
            for part in folded.split(' ') {
                out.push(Token {
                    text: part.to_string(),
                    start,
                    end,
                    cjk: false,
                    upper,
                });
            }
        }
    };
    while let Some((i, c)) = chars.next() {
        let in_word =
            (c.is_alphanumeric() && !is_cjk(c)) || (word.is_some() && matches!(c, '\'' | '’'));
        if in_word {
            word.get_or_insert(i);
            continue;
        }
        if let Some(start) = word.take() {
            flush(&mut out, start, i);
        }
        if is_cjk(c) {
            out.push(Token {
                text: c.to_string(),
                start: i,
                end: i + c.len_utf8(),
                cjk: true,
                upper: false,
            });
        } else if let Some(a) = regional(c)
            && let Some(&(j, d)) = chars.peek()
            && let Some(b) = regional(d)
        {
            chars.next();
            out.push(Token {
                text: format!("flag:{a}{b}"),
                start: i,
                end: j + d.len_utf8(),
                cjk: false,
                upper: false,
            });
        }
    }
    if let Some(start) = word {
        flush(&mut out, start, text.len());
    }
    out
}

/// The letter a regional indicator symbol (🇦…🇿) stands for.
fn regional(c: char) -> Option<char> {
    let n = (c as u32).checked_sub(0x1F1E6)?;
    (n < 26).then(|| char::from(b'A' + n as u8))
}

/// The country code of a flag emoji (`🇰🇷` → `KR`), if `text` is one.
pub fn flag_code(text: &str) -> Option<String> {
    let mut it = text.trim().chars();
    let (a, b) = (regional(it.next()?)?, regional(it.next()?)?);
    it.next().is_none().then(|| format!("{a}{b}"))
}

/// The phrases of the lexicon, by their tokens joined with spaces.
#[derive(Debug, Default)]
pub struct Lexicon {
    phrases: HashMap<String, Vec<Tag>>,
    /// The most tokens in a phrase.
    longest: usize,
    /// Genre word → the words that mean the same in other datasets.
    synonyms: HashMap<String, Vec<String>>,
    /// Place names of `place=` lines, with their codes (for crate::places).
    place_names: Vec<(String, String)>,
    /// Titles' names of `title=` lines, with the data's names (for tests against the data).
    title_names: Vec<(String, String)>,
    /// The first (mainland) Chinese name of each `title=` line, by the data's name's letters.
    chinese_titles: HashMap<String, String>,
    /// The first all-Chinese phrase of each `other=` line, by the name it shows (`iQIYI` →
    /// `爱奇艺`).
    other_chinese: HashMap<String, String>,
    /// `gloss=` lines: Chinese phrase (by its tokens) → the English words the documents use.
    glosses: HashMap<String, String>,
    /// The most tokens in a gloss phrase.
    longest_gloss: usize,
    /// `gloss=` lines as written: the English words and their Chinese phrases.
    glossary: Vec<(String, Vec<String>)>,
}

/// A title's name reduced to its letters and digits, lowercased: the same work written with
/// and without punctuation by two services has one key.
fn title_key(name: &str) -> String {
    name.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

fn key(tokens: &[Token]) -> String {
    let mut k = String::new();
    for (i, t) in tokens.iter().enumerate() {
        if i > 0 {
            k.push(' ');
        }
        k.push_str(&t.text);
    }
    k
}

fn parse_tag(s: &str) -> Option<Tag> {
    let (name, value) = match s.split_once('=') {
        Some((n, v)) => (n, Some(v)),
        None => (s, None),
    };
    Some(match (name, value) {
        // A service tag names a row of the service table, or the line is refused.
        ("service", Some(v)) => Tag::Service(Service::from_id(v)?.id().to_string()),
        ("kind", Some(v)) => Tag::Kind(Kind::parse(v)?),
        ("genre", Some(v)) => Tag::Genre(v.to_string()),
        ("place", Some(v)) => Tag::Place(v.to_string()),
        ("origin", Some(v)) => Tag::Origin(v.to_string()),
        ("recent", None) => Tag::Recent,
        ("mine", None) => Tag::Mine,
        ("other", Some(v)) => Tag::Other(v.replace('_', " ")),
        ("count", None) => Tag::Count,
        ("added", None) => Tag::Added,
        ("released", None) => Tag::Released,
        ("director", None) => Tag::Director,
        ("cast", None) => Tag::Cast,
        ("person", None) => Tag::Person,
        ("why", None) => Tag::Why,
        ("available", None) => Tag::Available,
        ("where", None) => Tag::Where,
        ("info", None) => Tag::Info,
        ("docs", None) => Tag::Docs,
        ("help", None) => Tag::Help,
        ("filler", None) => Tag::Filler,
        ("name", Some(v)) => Tag::Name(v.replace('_', " ")),
        ("title", Some(v)) => Tag::Title(v.replace('_', " ")),
        ("map", None) => Tag::Map,
        ("figure", Some(v)) => Tag::Figure(v.to_string()),
        ("top", None) => Tag::Top,
        ("rated", None) => Tag::Rated,
        ("similar", None) => Tag::Similar,
        ("hours", None) => Tag::Hours,
        ("order", Some("lowest")) => Tag::Order(true),
        ("order", Some("highest")) => Tag::Order(false),
        ("plan", Some(v @ ("basic" | "standard" | "premium"))) => Tag::Plan(v.to_string()),
        _ => return None,
    })
}

impl Lexicon {
    /// The lexicon compiled into the binary.
    pub fn global() -> &'static Lexicon {
        static LEXICON: OnceLock<Lexicon> = OnceLock::new();
        LEXICON.get_or_init(|| {
            Lexicon::parse(SOURCE).unwrap_or_else(|e| panic!("src/lexicon/lexicon.txt: {e}"))
        })
    }

    /// Reads a lexicon in the `tags | phrases` format of `lexicon.txt`.
    pub fn parse(source: &str) -> Result<Lexicon, LexiconError> {
        let mut reader = csv::ReaderBuilder::new()
            .delimiter(b'|')
            .comment(Some(b'#'))
            .trim(csv::Trim::All)
            .flexible(false)
            .from_reader(source.as_bytes());
        let mut lex = Lexicon::default();
        for record in reader.records() {
            let record = record.map_err(|e| LexiconError::Line {
                line: e.position().map_or(0, |p| p.line()),
                message: e.to_string(),
            })?;
            let line = record.position().map_or(0, |p| p.line());
            let bad = |message: String| LexiconError::Line { line, message };
            let phrases: Vec<&str> = record[1]
                .split(',')
                .map(str::trim)
                .filter(|p| !p.is_empty())
                .collect();
            if phrases.is_empty() {
                return Err(bad("no phrases".into()));
            }
            if let Some(english) = record[0].strip_prefix("gloss=") {
                let english = english.replace('_', " ");
                for phrase in &phrases {
                    let toks = tokens(phrase);
                    if toks.is_empty() {
                        return Err(bad(format!("`{phrase}` has no words")));
                    }
                    lex.longest_gloss = lex.longest_gloss.max(toks.len());
                    lex.glosses.insert(key(&toks), english.clone());
                }
                let phrases = phrases.iter().map(|p| p.to_string()).collect();
                lex.glossary.push((english, phrases));
                continue;
            }
            if &record[0] == "synonyms" {
                let words: Vec<String> = phrases.iter().map(|p| fold(p)).collect();
                for w in &words {
                    let entry = lex.synonyms.entry(w.clone()).or_default();
                    entry.extend(words.iter().filter(|o| *o != w).cloned());
                }
                continue;
            }
            let tags = record[0]
                .split_whitespace()
                .map(|t| parse_tag(t).ok_or_else(|| bad(format!("unknown tag `{t}`"))))
                .collect::<Result<Vec<Tag>, _>>()?;
            for phrase in phrases {
                let toks = tokens(phrase);
                if toks.is_empty() {
                    return Err(bad(format!("`{phrase}` has no words")));
                }
                for t in &tags {
                    match t {
                        Tag::Place(code) => {
                            lex.place_names.push((phrase.to_string(), code.clone()))
                        }
                        Tag::Other(name) if toks.iter().all(|t| t.cjk) => {
                            lex.other_chinese
                                .entry(name.clone())
                                .or_insert_with(|| phrase.to_string());
                        }
                        Tag::Title(name) => {
                            lex.title_names.push((phrase.to_string(), name.clone()));
                            lex.chinese_titles
                                .entry(title_key(name))
                                .or_insert_with(|| phrase.to_string());
                        }
                        _ => {}
                    }
                }
                let k = key(&toks);
                if let Some(old) = lex.phrases.get(&k)
                    && *old != tags
                {
                    return Err(bad(format!("`{phrase}` already has other tags")));
                }
                lex.longest = lex.longest.max(toks.len());
                lex.phrases.insert(k, tags.clone());
            }
        }
        Ok(lex)
    }

    /// The longest phrase starting at `tokens[at]`: its length in tokens and its tags.
    pub fn longest_at(&self, tokens: &[Token], at: usize) -> Option<(usize, &[Tag])> {
        let most = self.longest.min(tokens.len() - at);
        (1..=most).rev().find_map(|len| {
            self.phrases
                .get(&key(&tokens[at..at + len]))
                .map(|tags| (len, tags.as_slice()))
        })
    }

    /// The tags of a whole phrase, if the lexicon has it.
    pub fn phrase(&self, text: &str) -> Option<&[Tag]> {
        self.phrases.get(&key(&tokens(text))).map(Vec::as_slice)
    }

    /// The service a one-word phrase one typo away from `word` names (`netflxi` → Netflix).
    pub fn close_service(&self, word: &str) -> Option<Tag> {
        let mut found = None;
        for (phrase, tags) in &self.phrases {
            if let [Tag::Service(_)] = tags.as_slice()
                && !phrase.contains(' ')
                && phrase.len() >= 4
                && strsim::osa_distance(phrase, word) == 1
            {
                match &found {
                    Some(t) if t != &tags[0] => return None,
                    _ => found = Some(tags[0].clone()),
                }
            }
        }
        found
    }

    /// Words that mean the same genre word in another dataset (`romance` → `romantic`).
    pub fn synonyms(&self, word: &str) -> &[String] {
        self.synonyms.get(word).map_or(&[], Vec::as_slice)
    }

    /// The data's name of the title `text` names in another script (`鱿鱼游戏` → `Squid
    /// Game`), when the lexicon has `text` as a whole.
    pub fn title_named(&self, text: &str) -> Option<&str> {
        self.phrase(text)?.iter().find_map(|t| match t {
            Tag::Title(name) => Some(name.as_str()),
            _ => None,
        })
    }

    /// The Chinese name the lexicon gives the title the data calls `title` (`Squid Game` →
    /// `鱿鱼游戏`): the first of its `title=` line.
    pub fn chinese_title(&self, title: &str) -> Option<&str> {
        self.chinese_titles
            .get(&title_key(title))
            .map(String::as_str)
    }

    /// Every title name of the lexicon: (the name in another script, the data's name).
    pub fn title_names(&self) -> &[(String, String)] {
        &self.title_names
    }

    /// The place names of the lexicon (Chinese names), with their codes.
    pub fn place_names(&self) -> &[(String, String)] {
        &self.place_names
    }
}

#[cfg(test)]
mod tests;
