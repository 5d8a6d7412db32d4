use super::*;

fn texts(s: &str) -> Vec<String> {
    tokens(s).into_iter().map(|t| t.text).collect()
}

#[test]
fn tokens_fold_words_split_cjk_and_read_flags() {
    assert_eq!(
        texts("Why can't I watch Netflix?"),
        ["why", "cant", "i", "watch", "netflix"]
    );
    assert_eq!(texts("韩国电影"), ["韩", "国", "电", "影"]);
    assert_eq!(
        texts("Netflix最新的K-drama"),
        ["netflix", "最", "新", "的", "k", "drama"]
    );
    assert_eq!(texts("🇯🇵 anime"), ["flag:JP", "anime"]);
    assert_eq!(texts("Amélie 2001年"), ["amelie", "2001", "年"]);
    let t = tokens("US movies");
    assert!(t[0].upper && !t[1].upper);
    assert_eq!((t[1].start, t[1].end), (3, 9));
}

#[test]
fn flags_are_country_codes() {
    assert_eq!(flag_code("🇰🇷").as_deref(), Some("KR"));
    assert_eq!(flag_code(" 🇨🇳 ").as_deref(), Some("CN"));
    assert_eq!(flag_code("🇰"), None);
    assert_eq!(flag_code("KR"), None);
}

#[test]
fn the_lexicon_reads_and_finds_the_longest_phrase() {
    let lex = Lexicon::global();
    let t = tokens("where can i watch it");
    assert_eq!(lex.longest_at(&t, 0).map(|m| m.0), Some(4));
    let t = tokens("韩剧");
    assert_eq!(
        lex.longest_at(&t, 0).map(|m| m.1.to_vec()),
        Some(vec![Tag::Origin("KR".into()), Tag::Kind(Kind::Tv)])
    );
    assert_eq!(
        lex.phrase("Prime Video"),
        Some(&[Tag::Service("amazon_prime".into())][..])
    );
    assert_eq!(lex.synonyms("romance"), ["romantic"]);
    assert!(
        lex.place_names()
            .iter()
            .any(|(n, c)| n == "法国" && c == "FR")
    );
}

#[test]
fn the_glossary_gives_the_documents_english_words() {
    let lex = Lexicon::global();
    assert_eq!(lex.glossed("文章提到字幕组了吗"), vec!["subtitle teams"]);
    assert_eq!(
        lex.glossed("字幕組和翻墙，还有字幕组"),
        vec!["subtitle teams", "VPN"]
    );
    assert_eq!(lex.glossed("科学上网"), vec!["VPN"]);
    assert_eq!(
        lex.glossed("Netflix原创剧的剧本"),
        vec!["Netflix Originals", "scripts"]
    );
    assert!(lex.glossed("韩国电影").is_empty());
    let toks = tokens("文章说翻墙");
    let spans = lex.gloss_spans(&toks);
    assert_eq!(spans, vec![(3..5, "VPN")]);
}

#[test]
fn bad_lines_are_reported_with_their_line() {
    let e = Lexicon::parse("tags | phrases\nflavour=sweet | candy\n").unwrap_err();
    assert_eq!(e.to_string(), "lexicon line 2: unknown tag `flavour=sweet`");
    let e = Lexicon::parse("tags | phrases\nrecent | new\ncount | new\n").unwrap_err();
    assert_eq!(
        e.to_string(),
        "lexicon line 3: `new` already has other tags"
    );
}
