//! Deterministic generated titles for the benchmark: a seeded PRNG, and rows whose field lengths,
//! countries, genres, years and words are drawn from the real corpus's frequencies (by copying the
//! shape of a randomly chosen real title), written as `synthetic_titles.csv` so that the normal
//! loader indexes them.

use std::path::{Path, PathBuf};

use crate::corpus::{Kind, Title};

/// SplitMix64: tiny, fast and good enough for choosing benchmark inputs; the same seed always
/// gives the same sequence on every machine.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (`n` > 0).
    pub fn below(&mut self, n: usize) -> usize {
        (((self.next_u64() >> 11) as u128 * n as u128) >> 53) as usize
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }

    pub fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }
}

/// One to `edits` typos: swap two neighbouring letters, drop a letter or replace one.
pub fn typo(rng: &mut Rng, name: &str, edits: usize) -> String {
    let mut chars: Vec<char> = name.chars().collect();
    for _ in 0..edits {
        let letters: Vec<usize> = (0..chars.len())
            .filter(|&i| chars[i].is_alphabetic())
            .collect();
        if letters.len() < 2 {
            break;
        }
        let i = *rng.pick(&letters);
        match rng.below(3) {
            0 if i + 1 < chars.len()
                && chars[i + 1].is_alphabetic()
                && chars[i] != chars[i + 1] =>
            {
                chars.swap(i, i + 1)
            }
            1 => {
                chars.remove(i);
            }
            _ => {
                let old = chars[i].to_ascii_lowercase();
                let mut c = old;
                while c == old {
                    c = (b'a' + rng.below(26) as u8) as char;
                }
                chars[i] = c;
            }
        }
    }
    chars.into_iter().collect()
}

/// Frequency pools taken from the real titles: every occurrence is kept, so drawing uniformly
/// from a pool draws by frequency.
struct Pools<'a> {
    title_words: Vec<&'a str>,
    desc_words: Vec<&'a str>,
    people: Vec<&'a str>,
}

fn pools(real: &[Title]) -> Pools<'_> {
    let mut p = Pools {
        title_words: Vec::new(),
        desc_words: Vec::new(),
        people: Vec::new(),
    };
    for t in real {
        p.title_words.extend(t.title.split_whitespace());
        p.desc_words.extend(t.description.split_whitespace());
        p.people.extend(t.cast.iter().map(String::as_str));
        p.people.extend(t.director.iter().map(String::as_str));
    }
    let fallback = [
        "night", "city", "love", "story", "the", "last", "family", "secret", "world", "war",
    ];
    for pool in [&mut p.title_words, &mut p.desc_words, &mut p.people] {
        if pool.is_empty() {
            pool.extend(fallback);
        }
    }
    p
}

fn words(rng: &mut Rng, pool: &[&str], n: usize) -> String {
    let mut out = String::new();
    for i in 0..n {
        if i > 0 {
            out.push(' ');
        }
        let w: &&str = rng.pick(pool);
        out.push_str(w);
    }
    out
}

/// Writes `n` generated titles to `dir/synthetic_titles.csv`, shaped after `real` (a sample
/// of real titles; may be empty), and returns the file's path.
pub fn write(dir: &Path, n: usize, seed: u64, real: &[Title]) -> std::io::Result<PathBuf> {
    std::fs::create_dir_all(dir)?;
    let path = dir.join("synthetic_titles.csv");
    let mut w = csv::Writer::from_path(&path)?;
    w.write_record(crate::corpus::COMMON_COLUMNS)?;
    let pools = pools(real);
    let mut rng = Rng::new(seed);
    for i in 0..n {
        // Copy the shape of a real title: its kind, countries, genres, year, rating and lengths.
        let shape = if real.is_empty() {
            None
        } else {
            Some(rng.pick(real))
        };
        let kind = shape.map(|t| t.kind).unwrap_or(Kind::Movie);
        let title_len = shape
            .map(|t| t.title.split_whitespace().count())
            .unwrap_or(2)
            .clamp(1, 8);
        // Two or more words so generated names rarely collide (colliding names and years merge).
        let title = words(&mut rng, &pools.title_words, title_len.max(2));
        let desc_len = shape
            .map(|t| t.description.split_whitespace().count())
            .unwrap_or(25)
            .max(5);
        let mut description = words(&mut rng, &pools.desc_words, desc_len);
        description.push('.');
        let cast_n = shape.map(|t| t.cast.len()).unwrap_or(4);
        let cast: Vec<&str> = (0..cast_n).map(|_| *rng.pick(&pools.people)).collect();
        let director = if kind == Kind::Movie && rng.chance(70) {
            rng.pick(&pools.people).to_string()
        } else {
            String::new()
        };
        let countries = shape.map(|t| t.countries.join(", ")).unwrap_or_default();
        let genres = shape.map(|t| t.genres.join(", ")).unwrap_or_default();
        let year = shape
            .and_then(|t| t.year)
            .unwrap_or(2000 + rng.below(22) as u16);
        let added = format!(
            "{} {}, {}",
            crate::text::MONTHS[rng.below(12)],
            1 + rng.below(28),
            2015 + rng.below(7)
        );
        let rating = shape.and_then(|t| t.rating.clone()).unwrap_or_default();
        let duration = match kind {
            Kind::Movie => format!("{} min", 70 + rng.below(80)),
            Kind::Tv => match 1 + rng.below(5) {
                1 => "1 Season".to_string(),
                s => format!("{s} Seasons"),
            },
        };
        w.write_record([
            format!("syn{i}").as_str(),
            if kind == Kind::Movie {
                "Movie"
            } else {
                "TV Show"
            },
            &title,
            &director,
            &cast.join(", "),
            &countries,
            &added,
            &year.to_string(),
            &rating,
            &duration,
            &genres,
            &description,
        ])?;
    }
    w.flush()?;
    Ok(path)
}
