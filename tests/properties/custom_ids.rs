//! Button custom ids come back from Discord as whatever a client sends: any string must parse
//! without panicking, and any page, however large, must answer a page that exists.

use super::*;
use streambot::discord::interaction::buttons::Press;
use streambot::i18n::Lang;

fn commands() -> impl Strategy<Value = String> {
    prop::sample::select(vec![
        "/titles",
        "/titles sort:added",
        "/titles origin:CN",
        "/titles origin:KR type:movie",
        "/titles query:love",
        "/new netflix",
    ])
    .prop_map(String::from)
}

proptest! {
    #![proptest_config(config(64))]

    #[test]
    fn any_custom_id_parses_without_panicking(id in any::<String>(), tail in hostile()) {
        let _ = Press::parse(&id);
        let _ = Press::parse(&format!("page:{id}"));
        let _ = Press::parse(&format!("run:{tail}"));
        let _ = Press::parse(&format!("page:1:{tail}"));
    }

    #[test]
    fn any_page_answers_a_page_that_exists(page in any::<u64>(), command in commands()) {
        let id = format!("page:{page}:{command}");
        let Some(Press::Page { page: asked, command }) = Press::parse(&id) else {
            // Only page 0 is not a page.
            prop_assert_eq!(page, 0);
            return Ok(());
        };
        let Some(Ok(Request::Titles(args))) = answer::parse_command(&command, Lang::En) else {
            panic!("{command}");
        };
        let a = answer::answer(engine(), &Request::Titles(TitlesArgs { page: asked, ..args }), Lang::En)
            .expect("answers");
        prop_assert!(a.page() >= 1 && a.page() <= a.pages().max(1), "{} of {}", a.page(), a.pages());
        if a.total() > 0 {
            prop_assert_eq!(a.page(), (asked).min(a.pages()));
            prop_assert!(!a.titles().is_empty());
        }
    }
}
