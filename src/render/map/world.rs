//! The world's shapes for maps: Natural Earth countries (public domain), projected with Equal
//! Earth and quantised once by `tools/map/convert.py` into `data/map/world.bin`, which is built
//! into the binary and read here once.

use std::sync::OnceLock;

use tiny_skia::{Path, PathBuilder};

use super::MapError;

static WORLD_BIN: &[u8] = include_bytes!("../../../data/map/world.bin");

/// The latitudes `convert.py` keeps (Antarctica is left out).
const LAT_TOP: f64 = 84.0;
const LAT_BOTTOM: f64 = -60.0;

/// One place's shape, in grid units (y grows downwards).
#[derive(Debug)]
pub struct Feature {
    /// ISO 3166-1 alpha-2, `UA-43` for Crimea, or empty for areas without a code.
    pub code: String,
    /// A point inside the largest polygon (where a marker goes).
    pub label: (f32, f32),
    /// All rings (outer rings and holes), filled even-odd; `None` for point-only places.
    pub path: Option<Path>,
    /// Area in grid units squared.
    pub area: f32,
}

/// Every place's shape.
#[derive(Debug)]
pub struct World {
    pub width: u32,
    pub height: u32,
    pub features: Vec<Feature>,
}

impl World {
    pub fn feature(&self, code: &str) -> Option<&Feature> {
        self.features.iter().find(|f| f.code == code)
    }
}

/// The shapes, read on first use.
pub fn world() -> Result<&'static World, MapError> {
    static WORLD: OnceLock<Option<World>> = OnceLock::new();
    WORLD
        .get_or_init(|| match parse(WORLD_BIN) {
            Ok(w) => Some(w),
            Err(e) => {
                tracing::error!(error = %e, "the built-in world map is unreadable");
                None
            }
        })
        .as_ref()
        .ok_or(MapError::Shapes)
}

/// Equal Earth: longitude and latitude (degrees) to projected x, y (y up).
pub fn equal_earth(lon: f64, lat: f64) -> (f64, f64) {
    const A1: f64 = 1.340264;
    const A2: f64 = -0.081106;
    const A3: f64 = 0.000893;
    const A4: f64 = 0.003796;
    let m = 3f64.sqrt() / 2.0;
    let (lam, phi) = (lon.to_radians(), lat.clamp(-90.0, 90.0).to_radians());
    let theta = (m * phi.sin()).asin();
    let t2 = theta * theta;
    let t6 = t2 * t2 * t2;
    let x = lam * theta.cos() / (m * (A1 + 3.0 * A2 * t2 + t6 * (7.0 * A3 + 9.0 * A4 * t2)));
    let y = theta * (A1 + A2 * t2 + t6 * (A3 + A4 * t2));
    (x, y)
}

/// Longitude and latitude to grid units, as `convert.py` projects them.
pub fn to_grid(world: &World, lon: f64, lat: f64) -> (f32, f32) {
    let x_max = equal_earth(180.0, 0.0).0;
    let y_top = equal_earth(0.0, LAT_TOP).1;
    let scale = f64::from(world.width) / (2.0 * x_max);
    let (x, y) = equal_earth(lon, lat);
    (((x + x_max) * scale) as f32, ((y_top - y) * scale) as f32)
}

/// The outline of the mapped part of the globe (from 84° N to 60° S), in grid units.
pub fn globe(world: &World) -> Option<Path> {
    let mut pb = PathBuilder::new();
    let mut edge = |lon: f64, lat: f64, first: bool| {
        let (x, y) = to_grid(world, lon, lat);
        if first {
            pb.move_to(x, y);
        } else {
            pb.line_to(x, y);
        }
    };
    edge(-180.0, LAT_TOP, true);
    for i in 0..=72 {
        edge(
            -180.0,
            LAT_TOP - (LAT_TOP - LAT_BOTTOM) * f64::from(i) / 72.0,
            false,
        );
    }
    for i in 0..=72 {
        edge(
            180.0,
            LAT_BOTTOM + (LAT_TOP - LAT_BOTTOM) * f64::from(i) / 72.0,
            false,
        );
    }
    pb.close();
    pb.finish()
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl Reader<'_> {
    fn take(&mut self, n: usize) -> Result<&[u8], MapError> {
        let end = self.at.checked_add(n).ok_or(MapError::Shapes)?;
        let s = self.bytes.get(self.at..end).ok_or(MapError::Shapes)?;
        self.at = end;
        Ok(s)
    }
    fn u8(&mut self) -> Result<u8, MapError> {
        Ok(self.take(1)?[0])
    }
    fn u16(&mut self) -> Result<u16, MapError> {
        let b = self.take(2)?;
        Ok(u16::from_le_bytes([b[0], b[1]]))
    }
    fn u32(&mut self) -> Result<u32, MapError> {
        let b = self.take(4)?;
        Ok(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }
    fn i32(&mut self) -> Result<i32, MapError> {
        Ok(self.u32()? as i32)
    }
    fn zigzag(&mut self) -> Result<i64, MapError> {
        let mut n: u64 = 0;
        for shift in (0..64).step_by(7) {
            let b = self.u8()?;
            n |= u64::from(b & 0x7f) << shift;
            if b & 0x80 == 0 {
                return Ok((n >> 1) as i64 ^ -((n & 1) as i64));
            }
        }
        Err(MapError::Shapes)
    }
}

fn parse(bytes: &[u8]) -> Result<World, MapError> {
    let mut r = Reader { bytes, at: 0 };
    if r.take(8)? != b"SBWORLD1" {
        return Err(MapError::Shapes);
    }
    let (width, height, count) = (r.u32()?, r.u32()?, r.u16()?);
    let mut features = Vec::with_capacity(usize::from(count));
    for _ in 0..count {
        let len = usize::from(r.u8()?);
        let code = String::from_utf8(r.take(len)?.to_vec()).map_err(|_| MapError::Shapes)?;
        let label = (r.i32()? as f32, r.i32()? as f32);
        let mut pb = PathBuilder::new();
        let mut area = 0.0f64;
        for _ in 0..r.u16()? {
            for _ in 0..r.u16()? {
                let n = r.u32()?;
                let (mut x, mut y) = (0i64, 0i64);
                let mut ring = Vec::with_capacity(n as usize);
                for _ in 0..n {
                    x += r.zigzag()?;
                    y += r.zigzag()?;
                    ring.push((x as f64, y as f64));
                }
                for (i, &(x, y)) in ring.iter().enumerate() {
                    if i == 0 {
                        pb.move_to(x as f32, y as f32);
                    } else {
                        pb.line_to(x as f32, y as f32);
                    }
                }
                pb.close();
                let shoelace: f64 = ring
                    .iter()
                    .zip(ring.iter().cycle().skip(1))
                    .map(|(a, b)| a.0 * b.1 - b.0 * a.1)
                    .sum();
                // Outer rings and holes wind in opposite directions, so holes subtract.
                area += shoelace / 2.0;
            }
        }
        features.push(Feature {
            code,
            label,
            path: pb.finish(),
            area: area.abs() as f32,
        });
    }
    if r.at != bytes.len() {
        return Err(MapError::Shapes);
    }
    Ok(World {
        width,
        height,
        features,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_built_in_shapes_read_and_match_the_projection() {
        let w = world().unwrap();
        assert_eq!(w.width, 16000);
        // The file's height is the projection's, from 84° N to 60° S.
        let bottom = to_grid(w, 0.0, LAT_BOTTOM).1;
        assert!((bottom - w.height as f32).abs() <= 1.0, "{bottom}");
        for code in ["CN", "FR", "RU", "UA", "UA-43", "US", "HK", "SG", "GI"] {
            assert!(w.feature(code).is_some(), "{code}");
        }
        assert!(w.feature("AQ").is_none());
        assert!(w.feature("GI").unwrap().path.is_none());
        // Crimea is its own region, with Simferopol inside it and not inside Russia.
        let crimea = w.feature("UA-43").unwrap();
        let (x, y) = to_grid(w, 34.10, 44.95);
        let b = crimea.path.as_ref().unwrap().bounds();
        assert!(b.left() < x && x < b.right() && b.top() < y && y < b.bottom());
    }

    #[test]
    fn corrupt_shapes_are_an_error_not_a_panic() {
        assert!(parse(b"SBWORLD1\x01").is_err());
        assert!(parse(b"nonsense").is_err());
        let mut ok = WORLD_BIN.to_vec();
        ok.push(0);
        assert!(parse(&ok).is_err());
    }
}
