//! The benchmark's `map` shape: a map question answered, drawn at the size Discord answers use
//! and encoded as PNG; plus the largest picture's size and where a picture's time goes.

use std::time::Instant;

use serde_json::{Value, json};

use super::{BenchError, Q, stats};
use crate::answer::respond;
use crate::i18n::Lang;
use crate::render;
use crate::search::Engine;

/// The map shape's picture size, as Discord answers use it.
pub const MAP_SIZE: (u32, u32) = (render::map::WIDTH, render::map::HEIGHT);

/// The map questions for `n` of every other shape: drawing a map takes milliseconds, not
/// microseconds (and most of a second unoptimised, as in CI's smoke run), so a fortieth as many.
pub(super) fn questions(n: usize) -> Vec<Q> {
    let services: Vec<&'static str> = crate::domain::Service::all().map(|s| s.word()).collect();
    (0..(n / 40).max(5))
        .map(|i| Q::Map(services[i % services.len()]))
        .collect()
}

/// A map question answered and drawn at [`MAP_SIZE`]: the PNG's bytes.
pub(super) fn png(engine: &Engine, input: &str) -> Result<Vec<u8>, BenchError> {
    let a = respond(engine, input, Lang::En)?;
    match a.map() {
        Some(data) => Ok(render::map::png(data, MAP_SIZE.0, MAP_SIZE.1, a.lang)?),
        None => Ok(Vec::new()),
    }
}

/// Adds the largest of the four services' pictures, and the Netflix map's drawing and encoding
/// times (p50 over as many runs as there are map questions), to the shape's report.
pub(super) fn describe(engine: &Engine, qs: &[Q], shape: &mut Value) -> Result<(), BenchError> {
    let mut largest = 0;
    for q in qs.iter().take(4) {
        largest = largest.max(png(engine, &q.input())?.len());
    }
    shape["png_bytes"] = json!(largest);
    shape["size"] = json!(format!("{}x{}", MAP_SIZE.0, MAP_SIZE.1));
    if let Some(data) = respond(engine, "/map netflix", Lang::En)?.map().cloned() {
        let (mut draw, mut encode) = (Vec::new(), Vec::new());
        for _ in 0..qs.len() {
            let t = Instant::now();
            let pixmap = render::map::draw(&data, MAP_SIZE.0, MAP_SIZE.1, Lang::En)?;
            draw.push(t.elapsed().as_micros() as u64);
            let t = Instant::now();
            std::hint::black_box(render::map::encode(&pixmap)?);
            encode.push(t.elapsed().as_micros() as u64);
        }
        shape["draw_p50_us"] = json!(stats(draw).p50);
        shape["encode_p50_us"] = json!(stats(encode).p50);
    }
    Ok(())
}
