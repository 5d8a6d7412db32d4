//! Fuzzes place resolution: resolve, autocomplete and finding a place in free text, on any text.
#![no_main]

use libfuzzer_sys::fuzz_target;
use streambot::places::{PlaceError, Places};

fuzz_target!(|data: &[u8]| {
    let (limit, rest) = match data.split_first() {
        Some((&b, rest)) => (usize::from(b % 32), rest),
        None => (25, data),
    };
    let s = String::from_utf8_lossy(rest);
    let places = Places::global();
    match places.resolve(&s) {
        Ok(p) => assert_eq!(places.by_code(&p.code).map(|q| &q.code), Some(&p.code)),
        Err(PlaceError::Empty) => assert!(streambot::text::fold(&s).is_empty()),
        Err(PlaceError::Unknown { input, suggestions }) => {
            assert_eq!(input, s.trim());
            assert!(suggestions.len() <= 3);
            for name in &suggestions {
                assert!(places.all().iter().any(|p| &p.name == name), "{name:?}");
            }
        }
    }
    let done = places.complete(&s, limit);
    assert!(done.len() <= limit);
    let mut codes: Vec<&str> = done.iter().map(|p| p.code.as_str()).collect();
    codes.sort_unstable();
    codes.dedup();
    assert_eq!(codes.len(), done.len(), "a place offered twice");
    if let Some((p, range)) = places.find_in_text(&s) {
        let named = s.get(range.clone()).expect("the range is inside the text");
        assert!(!named.is_empty());
        assert_eq!(
            places.exact(named).map(|q| &q.code),
            Some(&p.code),
            "{named:?}"
        );
    }
});
