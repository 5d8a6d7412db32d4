//! Text on maps without system fonts: DejaVu Sans for Latin text and, for Chinese, a subset of
//! Noto Sans CJK SC holding the characters of our Chinese messages (their licences are in
//! `assets/fonts/`), both built into the binary, laid out with `ab_glyph` and blended into the
//! picture.

use std::sync::OnceLock;

use ab_glyph::{Font, FontRef, GlyphId, PxScale, PxScaleFont, ScaleFont};
use tiny_skia::{ColorU8, Pixmap, PremultipliedColorU8};

use super::MapError;

static DEJAVU_SANS: &[u8] = include_bytes!("../../../assets/fonts/DejaVuSans.ttf");
/// Made by `assets/fonts/subset-cjk.sh` from every Chinese character in `locales/zh-CN`.
static NOTO_SANS_CJK_SC: &[u8] =
    include_bytes!("../../../assets/fonts/NotoSansCJKsc-map-subset.otf");

/// The built-in fonts, in the order a character is looked up.
struct Fonts {
    latin: FontRef<'static>,
    cjk: FontRef<'static>,
}

fn fonts() -> Result<&'static Fonts, MapError> {
    static FONTS: OnceLock<Option<Fonts>> = OnceLock::new();
    FONTS
        .get_or_init(|| {
            Some(Fonts {
                latin: FontRef::try_from_slice(DEJAVU_SANS).ok()?,
                cjk: FontRef::try_from_slice(NOTO_SANS_CJK_SC).ok()?,
            })
        })
        .as_ref()
        .ok_or(MapError::Font)
}

/// Both fonts at one size.
struct Scaled {
    fonts: [PxScaleFont<&'static FontRef<'static>>; 2],
}

impl Scaled {
    /// `size` is DejaVu's line height in pixels; the Chinese font gets the same em (its
    /// characters as wide as DejaVu's `M` is tall plus its side bearings), not the same line
    /// height, which would draw them a fifth smaller.
    fn new(size: f32) -> Result<Scaled, MapError> {
        let f = fonts()?;
        let em = |font: &FontRef<'static>| {
            font.units_per_em()
                .map_or(1.0, |upm| font.height_unscaled() / upm)
        };
        let em_px = size / em(&f.latin);
        Ok(Scaled {
            fonts: [
                f.latin.as_scaled(PxScale::from(size)),
                f.cjk.as_scaled(PxScale::from(em_px * em(&f.cjk))),
            ],
        })
    }

    /// Which font draws `c`, and its glyph there: DejaVu when it has one, else the Chinese
    /// font when it has one, else DejaVu's missing-glyph box.
    fn glyph(&self, c: char) -> (usize, GlyphId) {
        for (i, font) in self.fonts.iter().enumerate() {
            let id = font.glyph_id(c);
            if id.0 != 0 {
                return (i, id);
            }
        }
        (0, self.fonts[0].glyph_id(c))
    }

    /// Each character's font, glyph and caret position, and the end of the line.
    fn layout(&self, text: &str, x: f32) -> (Vec<(usize, GlyphId, f32)>, f32) {
        let mut caret = x;
        let mut prev: Option<(usize, GlyphId)> = None;
        let mut out = Vec::with_capacity(text.len());
        for c in text.chars() {
            let (i, id) = self.glyph(c);
            let font = &self.fonts[i];
            // Kerning only between glyphs of the same font.
            if let Some((pi, p)) = prev
                && pi == i
            {
                caret += font.kern(p, id);
            }
            out.push((i, id, caret));
            caret += font.h_advance(id);
            prev = Some((i, id));
        }
        (out, caret)
    }
}

/// Whether every character of `text` has a glyph in one of the built-in fonts.
pub fn covers(text: &str) -> Result<bool, MapError> {
    let scaled = Scaled::new(12.0)?;
    Ok(text
        .chars()
        .filter(|c| !c.is_whitespace())
        .all(|c| scaled.glyph(c).1.0 != 0))
}

/// How wide `text` is at `size` pixels.
pub fn width(text: &str, size: f32) -> Result<f32, MapError> {
    Ok(Scaled::new(size)?.layout(text, 0.0).1)
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
    let scaled = Scaled::new(size)?;
    let (w, h) = (pixmap.width() as i32, pixmap.height() as i32);
    let rgb = color;
    let pixels = pixmap.pixels_mut();
    for (i, id, caret) in scaled.layout(text, x).0 {
        let font = &scaled.fonts[i];
        let glyph = id.with_scale_and_position(font.scale(), ab_glyph::point(caret, y));
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

    /// Every message a map draws, in every language, has a glyph for each character: a
    /// Chinese message with a character missing from the subset fails here (run
    /// `assets/fonts/subset-cjk.sh` again).
    #[test]
    fn every_map_message_can_be_drawn() {
        for ftl in [
            include_str!("../../../locales/en-US/render.ftl"),
            include_str!("../../../locales/zh-CN/render.ftl"),
            include_str!("../../../locales/zh-TW/render.ftl"),
        ] {
            let mut checked = 0;
            // The messages `draw_texts` draws: title, legend and source line.
            let drawn = [
                "render-map-availability-title",
                "render-map-figure-",
                "render-map-date-unknown",
                "render-map-undated",
                "render-map-legend-",
                "render-map-source-",
            ];
            for line in ftl
                .lines()
                .filter(|l| drawn.iter().any(|d| l.starts_with(d)))
            {
                let (_, text) = line.split_once('=').unwrap();
                assert!(
                    covers(text).unwrap(),
                    "a character of {line:?} has no glyph"
                );
                checked += 1;
            }
            assert_eq!(checked, 16);
        }
        assert!(
            !covers("한국").unwrap(),
            "Hangul is not in the built-in fonts"
        );
    }

    #[test]
    fn chinese_is_drawn_with_the_chinese_font() {
        let scaled = Scaled::new(20.0).unwrap();
        assert_eq!(scaled.glyph('N').0, 0);
        assert_eq!(scaled.glyph('可').0, 1);
        assert_eq!(scaled.glyph('（').0, 1);
        // Full-width characters, one em each: DejaVu's 20 px line height is a 17.2 px em.
        let w = width("可用", 20.0).unwrap();
        assert!((w - 2.0 * 20.0 / 1.164).abs() < 0.5, "{w}");
        let mut p = Pixmap::new(60, 30).unwrap();
        p.fill(tiny_skia::Color::WHITE);
        draw(
            &mut p,
            "可用",
            2.0,
            22.0,
            20.0,
            ColorU8::from_rgba(0, 0, 0, 255),
        )
        .unwrap();
        let dark = p.pixels().iter().filter(|c| c.red() < 128).count();
        // Two drawn characters, not two empty boxes or nothing.
        assert!(dark > 40, "{dark}");
    }
}
