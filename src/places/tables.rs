//! The hand-written vocabulary of places: everyday names, abbreviations and adjectives the ISO
//! data lacks, and the regions and former countries the data names.

/// Everyday names and abbreviations the ISO data lacks, mapped to a code. Checked before the
/// ISO names, so they also settle the few names two ISO entries share.
pub(super) const ALIASES: &[(&str, &str)] = &[
    ("PRC", "CN"),
    ("People's Republic of China", "CN"),
    ("Mainland China", "CN"),
    ("中国", "CN"),
    ("中華人民共和國", "CN"),
    ("中华人民共和国", "CN"),
    ("中國", "CN"),
    ("大陆", "CN"),
    ("DPRK", "KP"),
    ("North Korea", "KP"),
    ("朝鲜", "KP"),
    ("South Korea", "KR"),
    ("韩国", "KR"),
    ("Russia", "RU"),
    ("俄罗斯", "RU"),
    ("Syria", "SY"),
    ("叙利亚", "SY"),
    ("Crimea", "UA-43"),
    ("Crimean Peninsula", "UA-43"),
    ("克里米亚", "UA-43"),
    ("Hong Kong", "HK"),
    ("香港", "HK"),
    ("Taiwan", "TW"),
    ("台湾", "TW"),
    ("台灣", "TW"),
    ("USA", "US"),
    ("America", "US"),
    ("United States", "US"),
    ("美国", "US"),
    ("UK", "GB"),
    ("Britain", "GB"),
    ("Great Britain", "GB"),
    ("United Kingdom", "GB"),
    ("England", "GB"),
    ("UAE", "AE"),
    ("Soviet Union", "SUHH"),
    ("USSR", "SUHH"),
    ("West Germany", "DE"),
    ("East Germany", "DDDE"),
    ("Vatican City", "VA"),
    ("Vatican", "VA"),
    ("Czech Republic", "CZ"),
    ("Czechia", "CZ"),
    ("Iran", "IR"),
    ("Vietnam", "VN"),
    ("Laos", "LA"),
    ("Bolivia", "BO"),
    ("Venezuela", "VE"),
    ("Tanzania", "TZ"),
    ("Moldova", "MD"),
    ("Palestine", "PS"),
    ("Macau", "MO"),
    ("Ivory Coast", "CI"),
    ("Burma", "MM"),
    ("Japan", "JP"),
    ("日本", "JP"),
];

/// Adjectives people use that keshvar's nationality list lacks or words differently.
pub(super) const DEMONYMS: &[(&str, &str)] = &[
    ("Korean", "KR"),
    ("South Korean", "KR"),
    ("North Korean", "KP"),
    ("British", "GB"),
    ("American", "US"),
    ("Crimean", "UA-43"),
    ("Soviet", "SUHH"),
    ("Taiwanese", "TW"),
    ("Hong Kong", "HK"),
    ("Chinese", "CN"),
];

/// Subdivisions that have their own availability facts (ISO 3166-2).
pub(super) const REGIONS: &[(&str, &str)] = &[("UA-43", "Crimea")];

/// Former countries that titles name (ISO 3166-3 alpha-4) and their everyday names.
pub(super) const FORMER: &[(&str, &str)] = &[
    ("SUHH", "Soviet Union"),
    ("DDDE", "East Germany"),
    ("YUCS", "Yugoslavia"),
    ("CSHH", "Czechoslovakia"),
];
