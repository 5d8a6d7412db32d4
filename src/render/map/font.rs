//! Text on maps without system fonts: DejaVu Sans (its licence is in `assets/fonts/`) is built
//! into the binary, laid out with `ab_glyph` and blended into the picture.

use std::sync::OnceLock;

use ab_glyph::{Font, FontRef, PxScale, ScaleFont};
use tiny_skia::{ColorU8, Pixmap, PremultipliedColorU8};

use super::MapError;

static DEJAVU_SANS: &[u8] = include_bytes!("../../../assets/fonts/DejaVuSans.ttf");

fn font() -> Result<&'static FontRef<'static>, MapError> {
    static FONT: OnceLock<Option<FontRef<'static>>> = OnceLock::new();
    FONT.get_or_init(|| FontRef::try_from_slice(DEJAVU_SANS).ok())
        .as_ref()
        .ok_or(MapError::Font)
}

/// How wide `text` is at `size` pixels.
pub fn width(text: &str, size: f32) -> Result<f32, MapError> {
    let font = font()?.as_scaled(PxScale::from(size));
    let mut w = 0.0;
    let mut prev = None;
    for c in text.chars() {
        let id = font.glyph_id(c);
        if let Some(p) = prev {
            w += font.kern(p, id);
        }
        w += font.h_advance(id);
        prev = Some(id);
    }
    Ok(w)
}

/// `text` cut (ending in `…`) so that it is at most `max` pixels wide.
pub fn fit(text: &str, size: f32, max: f32) -> Result<String, MapError> {
    if width(text, size)? <= max {
        return Ok(text.to_string());
    }
    let mut chars: Vec<char> = text.chars().collect();
    while !chars.is_empty() {
        chars.pop();
        let s: String = chars.iter().collect::<String>().trim_end().to_string() + "…";
        if width(&s, size)? <= max {
            return Ok(s);
        }
    }
    Ok(String::new())
}

/// Draws `text` with its baseline at `y`, starting at `x`, in `color` (opaque).
pub fn draw(
    pixmap: &mut Pixmap,
    text: &str,
    x: f32,
    y: f32,
    size: f32,
    color: ColorU8,
) -> Result<(), MapError> {
    let font = font()?.as_scaled(PxScale::from(size));
    let (w, h) = (pixmap.width() as i32, pixmap.height() as i32);
    let rgb = color;
    let pixels = pixmap.pixels_mut();
    let mut caret = x;
    let mut prev = None;
    for c in text.chars() {
        let id = font.glyph_id(c);
        if let Some(p) = prev {
            caret += font.kern(p, id);
        }
        prev = Some(id);
        let glyph = id.with_scale_and_position(font.scale(), ab_glyph::point(caret, y));
        caret += font.h_advance(id);
        let Some(outline) = font.outline_glyph(glyph) else {
            continue;
        };
        let bounds = outline.px_bounds();
        outline.draw(|gx, gy, coverage| {
            let px = bounds.min.x as i32 + gx as i32;
            let py = bounds.min.y as i32 + gy as i32;
            if px < 0 || py < 0 || px >= w || py >= h {
                return;
            }
            let a = coverage.clamp(0.0, 1.0);
            let i = (py * w + px) as usize;
            let under = pixels[i];
            let mix =
                |src: u8, dst: u8| (f32::from(src) * a + f32::from(dst) * (1.0 - a)).round() as u8;
            if let Some(p) = PremultipliedColorU8::from_rgba(
                mix(rgb.red(), under.red()),
                mix(rgb.green(), under.green()),
                mix(rgb.blue(), under.blue()),
                255,
            ) {
                pixels[i] = p;
            }
        });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_measured_cut_and_drawn() {
        let w = width("Netflix", 20.0).unwrap();
        assert!(w > 40.0 && w < 100.0, "{w}");
        assert_eq!(fit("Netflix", 20.0, 1000.0).unwrap(), "Netflix");
        let cut = fit("Netflix availability", 20.0, 60.0).unwrap();
        assert!(
            cut.ends_with('…') && width(&cut, 20.0).unwrap() <= 60.0,
            "{cut}"
        );
        let mut p = Pixmap::new(60, 30).unwrap();
        p.fill(tiny_skia::Color::WHITE);
        draw(
            &mut p,
            "Hi",
            2.0,
            22.0,
            20.0,
            ColorU8::from_rgba(0, 0, 0, 255),
        )
        .unwrap();
        assert!(p.pixels().iter().any(|c| c.red() == 0));
    }
}
