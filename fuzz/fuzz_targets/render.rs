//! Fuzzes rendering: an arbitrary answer (every field from the fuzzer's bytes) into Discord
//! embeds, terminal text and JSON; any embed outside Discord's limits, or any mention syntax
//! left in it, is a crash.
#![no_main]

use arbitrary::Unstructured;
use libfuzzer_sys::fuzz_target;
use streambot_fuzz::{answer, check_render};

fuzz_target!(|data: &[u8]| {
    let mut u = Unstructured::new(data);
    if let Ok(a) = answer(&mut u) {
        check_render(&a);
    }
});
