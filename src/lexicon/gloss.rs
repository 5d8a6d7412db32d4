//! The lexicon's bilingual glossary (`gloss=` lines): the English words the documents use for
//! a Chinese phrase, so that a Chinese question about the English essay searches it with them.

use super::{Lexicon, Token, key, tokens};

impl Lexicon {
    /// The English words of the glossary phrases in `text`, each once: what a Chinese question
    /// about the English documents searches them for.
    pub fn glossed(&self, text: &str) -> Vec<&str> {
        let mut out: Vec<&str> = Vec::new();
        for (_, english) in self.gloss_spans(&tokens(text)) {
            if !out.contains(&english) {
                out.push(english);
            }
        }
        out
    }

    /// The glossary phrases among `toks`, longest first from left to right: each one's tokens
    /// and English words.
    pub fn gloss_spans(&self, toks: &[Token]) -> Vec<(std::ops::Range<usize>, &str)> {
        let mut out = Vec::new();
        let mut at = 0;
        while at < toks.len() {
            let most = self.longest_gloss.min(toks.len() - at);
            let found = (1..=most).rev().find_map(|len| {
                let english = self.glosses.get(&key(&toks[at..at + len]))?;
                Some((len, english.as_str()))
            });
            match found {
                Some((len, english)) => {
                    out.push((at..at + len, english));
                    at += len;
                }
                None => at += 1,
            }
        }
        out
    }

    /// The Chinese name of a service the bot does not cover, by the name it shows.
    pub fn other_chinese(&self, name: &str) -> Option<&str> {
        self.other_chinese.get(name).map(String::as_str)
    }

    /// The glossary as written: each line's English words and its Chinese phrases.
    pub fn glossary(&self) -> &[(String, Vec<String>)] {
        &self.glossary
    }
}
