//! Fuzzes button custom ids as a client could forge them: any bytes parse without panicking,
//! and a page button with any page answers a page that exists (a huge page once allocated
//! ~51 GB and aborted the process).
#![no_main]

use libfuzzer_sys::fuzz_target;
use streambot::answer::{self, Request, TitlesArgs};
use streambot::discord::interaction::buttons::Press;
use streambot_fuzz::{check_render, engine};

fuzz_target!(|data: &[u8]| {
    let id = String::from_utf8_lossy(data);
    let Some(Press::Page { page, command }) = Press::parse(&id) else {
        return;
    };
    assert!(page >= 1);
    let Some(Ok(Request::Titles(args))) = answer::parse_command(&command) else {
        return;
    };
    let request = Request::Titles(TitlesArgs { page, ..args });
    if let Ok(a) = answer::answer(engine(), &request) {
        assert!(a.page >= 1 && a.page <= a.pages.max(1), "{} of {}", a.page, a.pages);
        check_render(&a);
    }
});
