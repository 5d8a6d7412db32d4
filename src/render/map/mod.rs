//! The availability map as a PNG: each place filled by the service's status (or a figure's
//! band), Crimea as its own region, markers for places too small to see, a title, a legend with
//! counts and a source line. Pure Rust (tiny-skia, a built-in font): no system libraries.

mod embed;
mod font;
pub mod legend;
pub mod world;

pub use embed::{attachment_name, embed};
pub use legend::{Entry, alt_text, entries};

use tiny_skia::{ColorU8, FillRule, Paint, PathBuilder, Pixmap, Rect, Stroke, Transform};

use crate::answer::MapData;
use crate::i18n::Lang;
use crate::t;
use legend::colors;

/// The size Discord answers use.
pub const WIDTH: u32 = 1600;
pub const HEIGHT: u32 = 800;
/// Smallest and largest pictures drawn.
pub const MIN_SIZE: (u32, u32) = (400, 200);
pub const MAX_SIZE: (u32, u32) = (8000, 4000);
/// A place with facts smaller than this many square pixels gets a marker.
const MARKER_BELOW_PX2: f32 = 30.0;
/// Discord's limit for an attachment's description.
pub const ALT_MAX: usize = 1024;

/// Why a map could not be drawn.
#[derive(Debug, thiserror::Error)]
pub enum MapError {
    #[error("the built-in map shapes are unreadable")]
    Shapes,
    #[error("the built-in font is unreadable")]
    Font,
    #[error("a map must be between {min:?} and {max:?} pixels, not {w}x{h}")]
    Size {
        w: u32,
        h: u32,
        min: (u32, u32),
        max: (u32, u32),
    },
    #[error("could not encode the PNG: {0}")]
    Encode(String),
}

/// Where things go on a picture of a given size.
#[derive(Debug, Clone, Copy)]
pub struct Layout {
    pub width: u32,
    pub height: u32,
    /// Grid units to pixels.
    pub scale: f32,
    pub origin: (f32, f32),
    pub title_size: f32,
    pub text_size: f32,
    pub small_size: f32,
    pub margin: f32,
}

impl Layout {
    pub fn new(world: &world::World, width: u32, height: u32) -> Layout {
        let (w, h) = (width as f32, height as f32);
        let title_size = (h * 0.034).clamp(12.0, 64.0);
        let text_size = (h * 0.019).clamp(9.0, 40.0);
        let small_size = (h * 0.016).clamp(8.0, 32.0);
        let margin = (h * 0.015).max(4.0);
        let top = title_size * 1.9;
        let bottom = small_size * 2.0;
        let (gw, gh) = (world.width as f32, world.height as f32);
        let scale = ((w - 2.0 * margin) / gw).min((h - top - bottom) / gh);
        let origin = (
            (w - gw * scale) / 2.0,
            top + ((h - top - bottom) - gh * scale) / 2.0,
        );
        Layout {
            width,
            height,
            scale,
            origin,
            title_size,
            text_size,
            small_size,
            margin,
        }
    }

    fn transform(&self) -> Transform {
        Transform::from_row(
            self.scale,
            0.0,
            0.0,
            self.scale,
            self.origin.0,
            self.origin.1,
        )
    }

    /// The pixel where a longitude and latitude are drawn.
    pub fn pixel(&self, world: &world::World, lon: f64, lat: f64) -> (u32, u32) {
        let (x, y) = world::to_grid(world, lon, lat);
        (
            (self.origin.0 + x * self.scale) as u32,
            (self.origin.1 + y * self.scale) as u32,
        )
    }
}

/// The pixel at which a map of `width`×`height` draws `lon`, `lat` (for tests and tools).
pub fn pixel_of(width: u32, height: u32, lon: f64, lat: f64) -> Result<(u32, u32), MapError> {
    let w = world::world()?;
    Ok(Layout::new(w, width, height).pixel(w, lon, lat))
}

fn paint(color: ColorU8, anti_alias: bool) -> Paint<'static> {
    let mut p = Paint::default();
    p.set_color_rgba8(color.red(), color.green(), color.blue(), color.alpha());
    p.anti_alias = anti_alias;
    p
}

fn check_size(width: u32, height: u32) -> Result<(), MapError> {
    let ok =
        (MIN_SIZE.0..=MAX_SIZE.0).contains(&width) && (MIN_SIZE.1..=MAX_SIZE.1).contains(&height);
    if ok {
        Ok(())
    } else {
        Err(MapError::Size {
            w: width,
            h: height,
            min: MIN_SIZE,
            max: MAX_SIZE,
        })
    }
}

/// Draws the map, its title, legend and source line in `lang`.
pub fn draw(data: &MapData, width: u32, height: u32, lang: Lang) -> Result<Pixmap, MapError> {
    check_size(width, height)?;
    let world = world::world()?;
    let layout = Layout::new(world, width, height);
    let mut pixmap = Pixmap::new(width, height).ok_or(MapError::Size {
        w: width,
        h: height,
        min: MIN_SIZE,
        max: MAX_SIZE,
    })?;
    let bg = colors::BACKGROUND;
    pixmap.fill(tiny_skia::Color::from_rgba8(
        bg.red(),
        bg.green(),
        bg.blue(),
        255,
    ));
    let t = layout.transform();
    if let Some(globe) = world::globe(world) {
        pixmap.fill_path(
            &globe,
            &paint(colors::OCEAN, true),
            FillRule::Winding,
            t,
            None,
        );
    }
    let edges = legend::band_edges(data);
    let border = Stroke {
        width: (0.6 / layout.scale).max(0.0),
        ..Stroke::default()
    };
    for f in &world.features {
        let Some(path) = &f.path else { continue };
        let fill = legend::fill_of(data, &edges, &f.code);
        pixmap.fill_path(path, &paint(fill, true), FillRule::EvenOdd, t, None);
        pixmap.stroke_path(path, &paint(colors::BORDER, true), &border, t, None);
    }
    draw_markers(&mut pixmap, world, &layout, data, &edges);
    draw_texts(&mut pixmap, world, &layout, data, lang)?;
    Ok(pixmap)
}

/// Places with facts (or figures) of their own whose shape is too small to see.
pub fn marked(world: &world::World, data: &MapData, width: u32, height: u32) -> Vec<String> {
    let layout = Layout::new(world, width, height);
    world
        .features
        .iter()
        .filter(|f| match data.figure {
            Some(_) => data.values.contains_key(&f.code),
            None => data.places.contains_key(&f.code),
        })
        .filter(|f| f.path.is_none() || f.area * layout.scale * layout.scale < MARKER_BELOW_PX2)
        .map(|f| f.code.clone())
        .collect()
}

fn draw_markers(
    pixmap: &mut Pixmap,
    world: &world::World,
    layout: &Layout,
    data: &MapData,
    edges: &[f64],
) {
    let r = (layout.text_size * 0.32).max(3.0);
    for code in marked(world, data, layout.width, layout.height) {
        let Some(f) = world.feature(&code) else {
            continue;
        };
        let (x, y) = (
            layout.origin.0 + f.label.0 * layout.scale,
            layout.origin.1 + f.label.1 * layout.scale,
        );
        let Some(circle) = PathBuilder::from_circle(x, y, r) else {
            continue;
        };
        let fill = legend::fill_of(data, edges, &code);
        pixmap.fill_path(
            &circle,
            &paint(fill, true),
            FillRule::Winding,
            Transform::identity(),
            None,
        );
        let edge = Stroke {
            width: (r * 0.3).max(1.0),
            ..Stroke::default()
        };
        pixmap.stroke_path(
            &circle,
            &paint(colors::MARKER_EDGE, true),
            &edge,
            Transform::identity(),
            None,
        );
    }
}

fn draw_texts(
    pixmap: &mut Pixmap,
    world: &world::World,
    layout: &Layout,
    data: &MapData,
    lang: Lang,
) -> Result<(), MapError> {
    let (w, h) = (layout.width as f32, layout.height as f32);
    let m = layout.margin;
    let title = font::fit(&legend::title(data, lang), layout.title_size, w - 2.0 * m)?;
    font::draw(
        pixmap,
        &title,
        m,
        m + layout.title_size,
        layout.title_size,
        colors::TEXT,
    )?;

    // The legend, bottom left, over the ocean.
    let entries = legend::entries(world, data, lang);
    let size = layout.text_size;
    let line = size * 1.45;
    let heading = t!(
        lang,
        if data.figure.is_some() {
            "render-map-legend-per-band"
        } else {
            "render-map-legend-by-status"
        }
    );
    let heading = heading.as_str();
    let texts: Vec<String> = entries
        .iter()
        .map(|e| format!("{}  {}", e.label, e.count))
        .collect();
    let mut text_w = font::width(heading, size)?;
    for t in &texts {
        text_w = text_w.max(font::width(t, size)? + size * 1.4);
    }
    let box_w = text_w + 2.0 * m;
    let box_h = line * (entries.len() as f32 + 1.0) + m;
    let (bx, by) = (m, h - layout.small_size * 2.0 - box_h - m * 0.5);
    if let Some(rect) = Rect::from_xywh(bx, by, box_w, box_h) {
        let bg = paint(ColorU8::from_rgba(0xff, 0xff, 0xff, 235), false);
        pixmap.fill_rect(rect, &bg, Transform::identity(), None);
        let path = PathBuilder::from_rect(rect);
        pixmap.stroke_path(
            &path,
            &paint(colors::UNKNOWN, true),
            &Stroke::default(),
            Transform::identity(),
            None,
        );
    }
    let x = bx + m;
    let mut y = by + line;
    font::draw(pixmap, heading, x, y - size * 0.3, size, colors::MUTED)?;
    for (e, t) in entries.iter().zip(&texts) {
        y += line;
        let sw = size * 0.95;
        if let Some(sq) = Rect::from_xywh(x, y - size * 0.3 - sw * 0.85, sw, sw) {
            pixmap.fill_rect(sq, &paint(e.color, false), Transform::identity(), None);
        }
        font::draw(
            pixmap,
            t,
            x + size * 1.4,
            y - size * 0.3,
            size,
            colors::TEXT,
        )?;
    }

    let source = font::fit(&source_line(data, lang), layout.small_size, w - 2.0 * m)?;
    font::draw(
        pixmap,
        &source,
        m,
        h - layout.small_size * 0.7,
        layout.small_size,
        colors::MUTED,
    )
}

/// Where the colours come from, in one line, in `lang` (source names and addresses stay as
/// written).
pub fn source_line(data: &MapData, lang: Lang) -> String {
    let facts = match (data.figure, data.sources.first()) {
        (Some(_), Some(first)) => {
            let name = first.split(", from the").next().unwrap_or(first);
            t!(
                lang,
                "render-map-source-figures",
                name = name,
                source = data.sources.get(1).map_or("", |s| s.as_str())
            )
        }
        _ => t!(
            lang,
            "render-map-source-facts",
            count = data.sources.len().to_string()
        ),
    };
    t!(lang, "render-map-source-line", facts = facts)
}

/// Whether the built-in fonts have a glyph for every character of `text` (the picture's text
/// is drawn with them, and nothing else).
pub fn has_glyphs(text: &str) -> Result<bool, MapError> {
    font::covers(text)
}

/// The map as PNG bytes, its text in `lang`.
pub fn png(data: &MapData, width: u32, height: u32, lang: Lang) -> Result<Vec<u8>, MapError> {
    let pixmap = draw(data, width, height, lang)?;
    encode(&pixmap)
}

/// RGB PNG (the picture is opaque), fast compression: flat colours compress well anyway.
pub fn encode(pixmap: &Pixmap) -> Result<Vec<u8>, MapError> {
    let rgb: Vec<u8> = pixmap
        .data()
        .chunks_exact(4)
        .flat_map(|p| [p[0], p[1], p[2]])
        .collect();
    let mut out = Vec::new();
    let mut enc = png::Encoder::new(&mut out, pixmap.width(), pixmap.height());
    enc.set_color(png::ColorType::Rgb);
    enc.set_depth(png::BitDepth::Eight);
    enc.set_compression(png::Compression::Fast);
    enc.set_filter(png::FilterType::Sub);
    let mut writer = enc
        .write_header()
        .map_err(|e| MapError::Encode(e.to_string()))?;
    writer
        .write_image_data(&rgb)
        .map_err(|e| MapError::Encode(e.to_string()))?;
    writer
        .finish()
        .map_err(|e| MapError::Encode(e.to_string()))?;
    Ok(out)
}
