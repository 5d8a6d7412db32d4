//! Place names to places: ISO 3166 countries, plus the regions and former countries the data names,
//! resolved case-insensitively with small typos tolerated.
//!
//! Country data comes from `keshvar` (ISO 3166-1 with common names), regions from ISO 3166-2 and
//! former countries from ISO 3166-3 (`rust_iso3166`). The only hand-written part is `tables.rs`:
//! abbreviations, everyday names and adjectives that the standards do not carry.

use std::collections::HashMap;
use std::sync::OnceLock;

use serde::Serialize;

use crate::text::fold;

mod tables;
use tables::{ALIASES, DEMONYMS, FORMER, REGIONS};

/// A country, region or former country that facts and titles can refer to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Place {
    /// ISO 3166-1 alpha-2 (`CN`), ISO 3166-2 (`UA-43`) or ISO 3166-3 alpha-4 (`SUHH`).
    pub code: String,
    /// The everyday English name (`North Korea`, not `Korea (Democratic People's Republic of)`).
    pub name: String,
    pub kind: PlaceKind,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PlaceKind {
    Country,
    Region,
    FormerCountry,
}

/// Why a name did not resolve.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PlaceError {
    #[error("no place name given")]
    Empty,
    #[error("unknown place {input:?}")]
    Unknown {
        input: String,
        suggestions: Vec<String>,
    },
}

/// The longest text [`Places::suggest`] compares with place names.
pub const MAX_SUGGEST_CHARS: usize = 100;

/// Places the directory can rank on the stack when completing (it holds about 250).
const MAX_PLACES: usize = 1024;

/// The place directory: every known place with its names, built once.
#[derive(Debug)]
pub struct Places {
    places: Vec<Place>,
    by_code: HashMap<String, usize>,
    /// Folded name → place, for exact lookups.
    by_name: HashMap<String, usize>,
    /// Folded names of four characters or more, for typo-tolerant lookups.
    fuzzy: Vec<(String, usize)>,
    /// Every folded name, sorted, so that names starting with a prefix are one range.
    sorted_names: Vec<(String, usize)>,
    /// `sorted_names` joined by `\0` (no folded name holds one), so that the names containing
    /// what was typed are found in one pass over one string, and where each name starts in it.
    joined_names: String,
    joined_starts: Vec<usize>,
    /// Every place, by name (then by index): the order completions are offered in.
    by_place_name: Vec<usize>,
    /// Place → the adjective for its people (`Chinese`), from keshvar.
    adjectives: HashMap<usize, String>,
    /// Folded adjective (`chinese`, `korean`) → place, for free text.
    demonyms: HashMap<String, usize>,
}

impl Places {
    /// The shared directory (building it takes about a millisecond; it never changes).
    pub fn global() -> &'static Places {
        static PLACES: OnceLock<Places> = OnceLock::new();
        PLACES.get_or_init(Places::build)
    }

    fn build() -> Places {
        let mut dir = Places {
            places: Vec::new(),
            by_code: HashMap::new(),
            by_name: HashMap::new(),
            fuzzy: Vec::new(),
            sorted_names: Vec::new(),
            joined_names: String::new(),
            joined_starts: Vec::new(),
            by_place_name: Vec::new(),
            adjectives: HashMap::new(),
            demonyms: HashMap::new(),
        };
        let countries: Vec<keshvar::Country> = keshvar::CountryIterator::new().collect();
        for c in &countries {
            let unofficial = c.unofficial_name_list();
            let name = unofficial
                .iter()
                .find(|n| n.is_ascii() && !n.contains(['(', ',']))
                .copied()
                .unwrap_or(c.iso_short_name());
            let idx = dir.add_place(c.alpha2().to_string(), name, PlaceKind::Country);
            dir.by_code.insert(c.alpha3().to_string(), idx);
            if let Some(adj) = c.maybe_nationality() {
                dir.adjectives.insert(idx, adj.to_string());
                dir.demonyms.entry(fold(adj)).or_insert(idx);
            }
        }
        for (code, name) in REGIONS {
            let idx = dir.add_place(code.to_string(), name, PlaceKind::Region);
            if let Some(sub) = rust_iso3166::iso3166_2::from_code(code) {
                dir.add_name(sub.name, idx);
            }
        }
        for (code, name) in FORMER {
            let idx = dir.add_place(code.to_string(), name, PlaceKind::FormerCountry);
            if let Some(former) = rust_iso3166::iso3166_3::from_code(code) {
                dir.add_name(former.name, idx);
                for part in former.name.split(", ") {
                    dir.add_name(part, idx);
                }
                // The former alpha-2 (SU, DD, YU) when no current country uses it.
                let alpha2 = former.former.alpha2;
                if !dir.by_code.contains_key(alpha2) && !matches!(alpha2, "CS") {
                    dir.by_code.insert(alpha2.to_string(), idx);
                }
            }
        }
        for (alias, code) in ALIASES {
            if let Some(&idx) = dir.by_code.get(*code) {
                dir.add_name(alias, idx);
            }
        }
        for (name, code) in crate::lexicon::Lexicon::global().place_names() {
            if let Some(&idx) = dir.by_code.get(code.as_str()) {
                dir.add_name(name, idx);
            }
        }
        for (adj, code) in DEMONYMS {
            if let Some(&idx) = dir.by_code.get(*code) {
                dir.demonyms.insert(fold(adj), idx);
                dir.adjectives.entry(idx).or_insert_with(|| adj.to_string());
            }
        }
        for c in &countries {
            let idx = dir.by_code[&c.alpha2().to_string()];
            dir.add_name(c.iso_short_name(), idx);
            dir.add_name(c.iso_long_name(), idx);
            dir.add_name(c.iso_long_name().trim_start_matches("The "), idx);
            for n in c.unofficial_name_list() {
                dir.add_name(n, idx);
            }
            // "Korea (Republic of)" → "Republic of Korea"
            if let Some((head, tail)) = c.iso_short_name().split_once(" (") {
                dir.add_name(&format!("{} {head}", tail.trim_end_matches(')')), idx);
            }
        }
        dir.sorted_names = dir.by_name.iter().map(|(k, &i)| (k.clone(), i)).collect();
        dir.sorted_names.sort();
        for (name, _) in &dir.sorted_names {
            dir.joined_starts.push(dir.joined_names.len());
            dir.joined_names.push_str(name);
            dir.joined_names.push('\0');
        }
        dir.by_place_name = (0..dir.places.len()).collect();
        dir.by_place_name
            .sort_by(|&a, &b| dir.places[a].name.cmp(&dir.places[b].name).then(a.cmp(&b)));
        dir
    }

    fn add_place(&mut self, code: String, name: &str, kind: PlaceKind) -> usize {
        let idx = self.places.len();
        self.places.push(Place {
            code: code.clone(),
            name: name.to_string(),
            kind,
        });
        self.by_code.insert(code, idx);
        self.add_name(name, idx);
        idx
    }

    fn add_name(&mut self, name: &str, idx: usize) {
        let key = fold(name);
        if key.is_empty() || self.by_name.contains_key(&key) {
            return;
        }
        if key.chars().count() >= 4 {
            self.fuzzy.push((key.clone(), idx));
        }
        self.by_name.insert(key, idx);
    }

    /// The adjective for a place's people (`Chinese` for CN), when known.
    pub fn adjective(&self, code: &str) -> Option<&str> {
        let idx = *self.by_code.get(&code.to_ascii_uppercase())?;
        self.adjectives.get(&idx).map(String::as_str)
    }

    /// The place a folded adjective names (`korean` → South Korea).
    pub fn by_demonym(&self, folded: &str) -> Option<&Place> {
        self.demonyms.get(folded).map(|&i| &self.places[i])
    }

    /// All places, countries first.
    /// The place whose adjective is one typo away from `folded` (`kroean` → South Korea), when
    /// only one is.
    pub fn close_demonym(&self, folded: &str) -> Option<&Place> {
        let mut found = None;
        for (adj, &idx) in &self.demonyms {
            if adj.len().abs_diff(folded.len()) <= 1 && strsim::osa_distance(adj, folded) == 1 {
                match found {
                    Some(i) if i != idx => return None,
                    _ => found = Some(idx),
                }
            }
        }
        found.map(|i| &self.places[i])
    }

    pub fn all(&self) -> &[Place] {
        &self.places
    }

    /// The place with this code (`CN`, `chn`, `UA-43`, `SUHH`), case-insensitively.
    pub fn by_code(&self, code: &str) -> Option<&Place> {
        self.by_code
            .get(&code.trim().to_ascii_uppercase())
            .map(|&i| &self.places[i])
    }

    /// The place with exactly this name or code (after folding), without typo tolerance.
    pub fn exact(&self, input: &str) -> Option<&Place> {
        let trimmed = input.trim();
        if let Some(code) = crate::lexicon::flag_code(trimmed) {
            return self.by_code(&code);
        }
        if trimmed.len() <= 3
            && trimmed.is_ascii()
            && let Some(p) = self.by_code(trimmed)
        {
            return Some(p);
        }
        // Longer codes (`UA-43`, `SUHH`), in any case.
        if let Some(p) = self.by_code(trimmed) {
            return Some(p);
        }
        self.by_name.get(&fold(trimmed)).map(|&i| &self.places[i])
    }

    /// Resolves a name a person typed: code, ISO name, everyday name or alias, with up to one
    /// typo (two for names of eight letters or more).
    pub fn resolve(&self, input: &str) -> Result<&Place, PlaceError> {
        if let Some(p) = self.exact(input) {
            return Ok(p);
        }
        let key = fold(input);
        if key.is_empty() {
            return Err(PlaceError::Empty);
        }
        let n = key.chars().count();
        if (4..=60).contains(&n) {
            let allowed = if n >= 8 { 2 } else { 1 };
            let mut best: Option<(usize, usize)> = None;
            let mut tie = false;
            for (name, idx) in &self.fuzzy {
                if name.len().abs_diff(key.len()) > allowed {
                    continue;
                }
                let d = strsim::osa_distance(&key, name);
                if d > allowed {
                    continue;
                }
                match best {
                    Some((bd, bi)) if d == bd && bi != *idx => tie = true,
                    Some((bd, _)) if d >= bd => {}
                    _ => {
                        best = Some((d, *idx));
                        tie = false;
                    }
                }
            }
            if let (Some((_, idx)), false) = (best, tie) {
                return Ok(&self.places[idx]);
            }
        }
        Err(PlaceError::Unknown {
            input: input.trim().to_string(),
            suggestions: self.suggest(&key, 3),
        })
    }

    /// The `limit` places whose names look most like `key` (already folded). Keys longer than
    /// [`MAX_SUGGEST_CHARS`] get none: no place name is that long, and comparing such a key with
    /// every name would cost time proportional to its length.
    pub fn suggest(&self, key: &str, limit: usize) -> Vec<String> {
        if key.chars().count() > MAX_SUGGEST_CHARS {
            return Vec::new();
        }
        let mut scored: Vec<(f64, usize)> = Vec::new();
        for (name, idx) in &self.fuzzy {
            let prefix_bonus = if name.starts_with(key) { 0.2 } else { 0.0 };
            let s = strsim::jaro_winkler(key, name) + prefix_bonus;
            match scored.iter_mut().find(|(_, i)| i == idx) {
                Some(entry) if entry.0 < s => entry.0 = s,
                Some(_) => {}
                None => scored.push((s, *idx)),
            }
        }
        scored.sort_by(|a, b| b.0.total_cmp(&a.0));
        scored
            .into_iter()
            .filter(|(s, _)| *s > 0.7)
            .take(limit)
            .map(|(_, i)| self.places[i].name.clone())
            .collect()
    }

    /// Places whose names start with (or contain) what was typed so far, best first: for autocomplete.
    pub fn complete(&self, partial: &str, limit: usize) -> Vec<&Place> {
        let key = fold(partial);
        // Best rank per place: 0 when a name starts with what was typed, 1 when one contains it.
        let mut rank = [u8::MAX; MAX_PLACES];
        let Some(rank) = rank.get_mut(..self.places.len()) else {
            return self.complete_slowly(&key, limit);
        };
        let starting = self.rank_starting(&key, rank);
        // Places whose names only contain it rank after all the others: look for them only
        // when those do not fill the list.
        if starting < limit {
            if key.contains('\0') || key.is_empty() {
                self.rank_containing(&key, rank);
            } else {
                for (pos, _) in self.joined_names.match_indices(key.as_str()) {
                    let name = self.joined_starts.partition_point(|&s| s <= pos) - 1;
                    let r = &mut rank[self.sorted_names[name].1];
                    if *r == u8::MAX {
                        *r = 1;
                    }
                }
            }
        }
        let mut out = Vec::with_capacity(limit.min(self.places.len()));
        for r in [0, 1] {
            for &i in &self.by_place_name {
                if out.len() >= limit {
                    return out;
                }
                if rank[i] == r {
                    out.push(&self.places[i]);
                }
            }
        }
        out
    }

    /// Marks the places with a name starting with `key` (rank 0); how many there are.
    fn rank_starting(&self, key: &str, rank: &mut [u8]) -> usize {
        let start = self
            .sorted_names
            .partition_point(|(name, _)| name.as_str() < key);
        let mut starting = 0;
        for (name, idx) in &self.sorted_names[start..] {
            if !name.starts_with(key) {
                break;
            }
            if rank[*idx] != 0 {
                rank[*idx] = 0;
                starting += 1;
            }
        }
        starting
    }

    /// Marks the places not yet marked with a name containing `key` (rank 1).
    fn rank_containing(&self, key: &str, rank: &mut [u8]) {
        for (name, idx) in &self.sorted_names {
            if rank[*idx] == u8::MAX && name.contains(key) {
                rank[*idx] = 1;
            }
        }
    }

    /// [`Places::complete`] name by name, with the ranks on the heap: the reference the fast
    /// path is tested against, and its fallback for a directory larger than expected.
    fn complete_slowly(&self, key: &str, limit: usize) -> Vec<&Place> {
        let mut rank = vec![u8::MAX; self.places.len()];
        if self.rank_starting(key, &mut rank) < limit {
            self.rank_containing(key, &mut rank);
        }
        let mut hits: Vec<(u8, &str, usize)> = rank
            .iter()
            .enumerate()
            .filter(|(_, r)| **r != u8::MAX)
            .map(|(i, &r)| (r, self.places[i].name.as_str(), i))
            .collect();
        hits.sort();
        hits.into_iter()
            .take(limit)
            .map(|(_, _, i)| &self.places[i])
            .collect()
    }

    /// The first place named in free text (longest name wins), with the byte range of the
    /// name. Two- and three-letter codes count only when written in capitals (`CN`, `USA`).
    pub fn find_in_text(&self, text: &str) -> Option<(&Place, std::ops::Range<usize>)> {
        // CJK names are matched as substrings: those scripts have no spaces.
        for (alias, code) in ALIASES {
            if alias.chars().any(crate::text::is_cjk)
                && let Some(pos) = text.find(alias)
            {
                return self.by_code(code).map(|p| (p, pos..pos + alias.len()));
            }
        }
        let words: Vec<(usize, &str)> = word_spans(text);
        for len in (1..=5).rev() {
            for window in words.windows(len) {
                let start = window[0].0;
                let last = window[len - 1];
                let end = last.0 + last.1.len();
                let phrase = &text[start..end];
                if len == 1 && phrase.len() <= 4 {
                    let is_upper = phrase.chars().all(|c| c.is_ascii_uppercase());
                    if is_upper && let Some(p) = self.by_code(phrase).or_else(|| self.exact(phrase))
                    {
                        return Some((p, start..end));
                    }
                    if phrase.len() < 4 {
                        continue;
                    }
                }
                if let Some(&idx) = self.by_name.get(&fold(phrase)) {
                    return Some((&self.places[idx], start..end));
                }
            }
        }
        None
    }
}

/// The words of `text` with their byte offsets (letters, digits and apostrophes).
pub(crate) fn word_spans(text: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        let inside = c.is_alphanumeric() || c == '\'' || c == '’';
        match (inside, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push((s, &text[s..i]));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push((s, &text[s..]));
    }
    out
}

#[cfg(test)]
mod tests;
