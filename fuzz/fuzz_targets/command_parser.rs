//! Fuzzes what people type: the slash-command parser and the free-text router on any text, then
//! answers what they route to and renders it (the direct-message and `/ask` path end to end).
#![no_main]

use libfuzzer_sys::fuzz_target;
use streambot::answer::{self, AnswerError, Request, parse_command, route};
use streambot::places::Places;
use streambot_fuzz::{check_render, check_request, engine, is_service_id};

fuzz_target!(|data: &[u8]| {
    let input = String::from_utf8_lossy(data);
    let engine = engine();

    let parsed = parse_command(&input);
    assert_eq!(parsed, parse_command(&input), "parsing is deterministic");
    match &parsed {
        None => assert!(!input.trim().starts_with('/')),
        Some(Ok(request)) => check_request(&input, request),
        Some(Err(u)) => assert!(!u.0.trim().is_empty()),
    }

    let mut cut = input.len().min(answer::MAX_INPUT);
    while !input.is_char_boundary(cut) {
        cut -= 1;
    }
    let part = input[..cut].trim();
    let routed = route(engine, &input);
    if part.is_empty() {
        assert!(routed.is_err());
        return;
    }
    let asked = ["/ask ", "/search "]
        .iter()
        .any(|p| part.to_ascii_lowercase().starts_with(p) && !part[p.len()..].trim().is_empty());
    if part.starts_with('/') && !asked {
        assert_eq!(Some(routed.clone()), parse_command(part));
    } else if !asked {
        let places = Places::global();
        match routed.as_ref().expect("free text always routes") {
            Request::WhyNot { place, service } => {
                assert!(places.by_code(place).is_some_and(|p| &p.code == place));
                assert!(service.as_deref().is_none_or(is_service_id));
            }
            Request::Titles(a) => {
                if let Some(o) = &a.origin {
                    assert!(places.by_code(o).is_some_and(|p| &p.code == o));
                }
                assert_eq!(a.page, 1);
            }
            Request::Search { text, documents } => {
                assert!(*documents || !text.trim().is_empty());
                assert!(text.len() <= part.len());
            }
            Request::Title { name, .. } => assert!(!name.trim().is_empty()),
            Request::Map { service, .. } => {
                assert!(service.as_deref().is_none_or(is_service_id));
            }
            Request::Help => {}
        }
    }
    let Ok(request) = routed else { return };
    check_request(part, &request);
    match answer::answer(engine, &request) {
        Ok(a) => check_render(&a),
        Err(AnswerError::Usage(u)) => assert!(!u.0.is_empty()),
        Err(e) => panic!("{request:?}: {e}"),
    }
});
