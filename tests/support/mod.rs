//! Shared test support; every integration test that needs it starts with `mod support;`.
//!
//! Not every test file uses every helper, hence the module-wide `dead_code` allowance.
#![allow(dead_code)]

pub mod bot;
pub mod datasets;
pub mod fake_discord;
pub mod fs;
pub mod http_endpoint;
pub mod logs;
