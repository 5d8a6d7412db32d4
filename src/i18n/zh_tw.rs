//! Traditional Chinese (zh-TW). The bot's own sentences come from `locales/zh-TW/`, made once
//! from zh-CN with OpenCC (`tools/zh-tw/convert.py`); this module converts the Chinese the
//! data holds (facts, place and title names, written in simplified characters) when a zh-TW
//! answer shows it, and folds traditional input onto the simplified vocabulary the lexicon and
//! the place names are written in. Its tables are OpenCC's conversions (Apache-2.0, see
//! `hant/CREDITS.md`), committed as text.

use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::OnceLock;

/// Whole strings of the data, simplified → traditional with Taiwanese phrasing (`s2twp`).
const PHRASES: &str = include_str!("hant/phrases.tsv");
/// Characters, simplified → traditional (`s2tw`): for data without a phrase line.
const S2T: &str = include_str!("hant/chars_s2t.tsv");
/// Characters, traditional → simplified (`tw2s`).
const T2S: &str = include_str!("hant/chars_t2s.tsv");

fn pairs(table: &'static str) -> impl Iterator<Item = (&'static str, &'static str)> {
    table.lines().filter_map(|l| l.split_once('\t'))
}

fn chars(table: &'static str) -> HashMap<char, char> {
    pairs(table)
        .filter_map(|(a, b)| Some((single(a)?, single(b)?)))
        .collect()
}

fn single(s: &str) -> Option<char> {
    let mut it = s.chars();
    let c = it.next()?;
    it.next().is_none().then_some(c)
}

fn phrases() -> &'static HashMap<&'static str, &'static str> {
    static MAP: OnceLock<HashMap<&str, &str>> = OnceLock::new();
    MAP.get_or_init(|| pairs(PHRASES).collect())
}

fn s2t() -> &'static HashMap<char, char> {
    static MAP: OnceLock<HashMap<char, char>> = OnceLock::new();
    MAP.get_or_init(|| chars(S2T))
}

fn t2s() -> &'static HashMap<char, char> {
    static MAP: OnceLock<HashMap<char, char>> = OnceLock::new();
    MAP.get_or_init(|| chars(T2S))
}

fn map_chars<'a>(s: &'a str, map: &HashMap<char, char>) -> Cow<'a, str> {
    if !s.chars().any(|c| map.contains_key(&c)) {
        return Cow::Borrowed(s);
    }
    Cow::Owned(s.chars().map(|c| *map.get(&c).unwrap_or(&c)).collect())
}

/// Chinese data as a zh-TW answer shows it: the committed phrase when there is one, else
/// character by character.
pub fn to_traditional(s: &str) -> Cow<'_, str> {
    if s.is_ascii() {
        return Cow::Borrowed(s);
    }
    if let Some(t) = phrases().get(s) {
        return Cow::Borrowed(t);
    }
    map_chars(s, s2t())
}

/// Traditional characters folded onto simplified ones (`鱿魚遊戲` → `鱿鱼游戏`); other text
/// is unchanged.
pub fn to_simplified(s: &str) -> Cow<'_, str> {
    if s.is_ascii() {
        return Cow::Borrowed(s);
    }
    map_chars(s, t2s())
}

/// Whether Chinese text is written in traditional characters: more characters only
/// traditional writing uses than characters only simplified writing uses.
pub fn is_traditional(s: &str) -> bool {
    let (t2s, s2t) = (t2s(), s2t());
    let traditional = s.chars().filter(|c| t2s.contains_key(c)).count();
    let simplified = s.chars().filter(|c| s2t.contains_key(c)).count();
    traditional > simplified
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn data_and_input_convert_both_ways() {
        assert_eq!(to_traditional("俄罗斯"), "俄羅斯");
        assert_eq!(to_traditional("鱿鱼游戏"), "魷魚遊戲");
        assert_eq!(to_traditional("Netflix"), "Netflix");
        assert_eq!(to_simplified("為什麼中國沒有網飛"), "为什么中国没有网飞");
        assert_eq!(to_simplified("韓國電影"), "韩国电影");
        assert_eq!(to_simplified("why not china"), "why not china");
        assert!(is_traditional("為什麼中國沒有Netflix"));
        assert!(!is_traditional("为什么中国没有Netflix"));
        // Characters both scripts share say nothing.
        assert!(!is_traditional("中文"));
    }
}
