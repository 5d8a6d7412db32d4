//! Words every renderer shares, in the answer's language: status words, a title's name (in
//! Chinese its `aka` first), the Chinese names of the places the essay names.

use crate::answer::TitleCard;
use crate::corpus::Status;
use crate::i18n::Lang;
use crate::t;

/// `✅ available`, `🚫 不可用`…
pub fn badge(s: Status, lang: Lang) -> String {
    t!(lang, &format!("render-badge-{}", status_key(s)))
}

/// `available`, `not available`, `可用`…
pub fn status_word(s: Status, lang: Lang) -> String {
    t!(lang, &format!("render-status-{}", status_key(s)))
}

/// The terminal's `[UNAVAILABLE]` tag word.
pub fn tag(s: Status, lang: Lang) -> String {
    t!(lang, &format!("render-tag-{}", status_key(s)))
}

pub(crate) fn status_key(s: Status) -> &'static str {
    match s {
        Status::Available => "available",
        Status::Unavailable => "unavailable",
        Status::Suspended => "suspended",
        Status::Unknown => "unknown",
    }
}

/// A service of a title by name, ticked when the asker has it (`Netflix ✓`).
pub fn service_on(t: &TitleCard, service: &str) -> String {
    let name = crate::corpus::service_name(service);
    if t.yours.iter().any(|s| s == service) {
        format!("{name} ✓")
    } else {
        name
    }
}

/// Whether the title's `aka` leads its name in `lang` (Chinese, when it has a distinct one).
pub fn aka_first(t: &TitleCard, lang: Lang) -> bool {
    lang.is_chinese() && crate::answer::words::distinct_aka(t).is_some()
}

/// A title's name: `The Wandering Earth`; in Chinese its Chinese name first,
/// `流浪地球 (The Wandering Earth)`, `鱿鱼游戏 (Squid Game)`.
pub fn name(t: &TitleCard, lang: Lang) -> String {
    match crate::answer::words::chinese_name(t) {
        Some(zh) if lang.is_chinese() => format!("{} ({})", lang.chinese(zh), t.title),
        _ => t.title.clone(),
    }
}

/// [`name`] with the year: `流浪地球 (The Wandering Earth) (2019)`.
pub fn name_year(t: &TitleCard, lang: Lang) -> String {
    match t.year {
        Some(y) => format!("{} ({y})", name(t, lang)),
        None => name(t, lang),
    }
}

/// A place's name in `lang`: its Chinese name when the lexicon or the answers' table has one
/// (as the answers' sentences name it), the data's name otherwise.
pub fn place(code: &str, name: &str, lang: Lang) -> String {
    crate::answer::words::place_name(code, name, lang)
}

/// Chinese typesetting: a space between a Chinese character and a Latin letter or digit next
/// to it (`在France` → `在 France`).
pub fn space_cjk(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    let mut prev: Option<char> = None;
    for c in s.chars() {
        if let Some(p) = prev {
            let cjk = crate::text::is_cjk;
            if (cjk(p) && c.is_ascii_alphanumeric()) || (p.is_ascii_alphanumeric() && cjk(c)) {
                out.push(' ');
            }
        }
        out.push(c);
        prev = Some(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_words_and_spacing() {
        assert_eq!(badge(Status::Unavailable, Lang::Zh), "🚫 不可用");
        assert_eq!(badge(Status::Unavailable, Lang::En), "🚫 not available");
        assert_eq!(status_word(Status::Suspended, Lang::Zh), "已暂停");
        assert_eq!(tag(Status::Unknown, Lang::En), "UNKNOWN");
        assert_eq!(place("CN", "China", Lang::Zh), "中国");
        assert_eq!(place("CN", "China", Lang::En), "China");
        assert_eq!(place("FR", "France", Lang::Zh), "法国");
        assert_eq!(place("ZZ", "Atlantis", Lang::Zh), "Atlantis");
        assert_eq!(
            space_cjk("Netflix 在France：可用"),
            "Netflix 在 France：可用"
        );
        assert_eq!(space_cjk("在中国"), "在中国");
    }

    #[test]
    fn titles_lead_with_a_chinese_name_in_chinese() {
        let mut t = crate::render::fixtures::wandering_earth();
        assert_eq!(name(&t, Lang::Zh), "流浪地球 (The Wandering Earth)");
        assert_eq!(name(&t, Lang::En), "The Wandering Earth");
        // No aka: the lexicon's Chinese name, whatever the punctuation of the data's name.
        t.aka = None;
        for (title, zh) in [
            ("Squid Game", "鱿鱼游戏 (Squid Game)"),
            (
                "Demon Slayer Kimetsu No Yaiba",
                "鬼灭之刃 (Demon Slayer Kimetsu No Yaiba)",
            ),
            ("Nobody Has Named This", "Nobody Has Named This"),
        ] {
            t.title = title.into();
            assert_eq!(name(&t, Lang::Zh), zh);
            assert_eq!(name(&t, Lang::En), title);
        }
        t.title = "Squid Game".into();
        assert_eq!(
            crate::answer::words::title_name(&t, Lang::Zh),
            "《鱿鱼游戏》"
        );
    }
}
