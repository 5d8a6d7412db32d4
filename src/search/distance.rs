//! `strsim::normalized_damerau_levenshtein` without allocating per call: a misspelled name's
//! candidates are each scored by it, and its per-call buffers and hash map were a fifth of what
//! ranking them cost. Same algorithm (Zhao and Sahni's linear-space Damerau-Levenshtein), so the
//! same scores; a test compares the two. Beside it, the optimal-string-alignment check the
//! word match of misspelled names runs for every word of every candidate.

use std::cmp::{max, min};

/// Buffers reused from one comparison to the next.
pub(super) struct Damerau {
    a: Vec<char>,
    b: Vec<char>,
    fr: Vec<isize>,
    r1: Vec<isize>,
    r: Vec<isize>,
    /// The last row each char (up to U+00FF) was seen in, then the others.
    latin: [isize; 256],
    other: Vec<(char, isize)>,
}

impl Default for Damerau {
    fn default() -> Self {
        Damerau {
            a: Vec::new(),
            b: Vec::new(),
            fr: Vec::new(),
            r1: Vec::new(),
            r: Vec::new(),
            latin: [-1; 256],
            other: Vec::new(),
        }
    }
}

impl Damerau {
    /// 1 minus the Damerau-Levenshtein distance over the longer length (1.0 for two empty).
    pub(super) fn normalized(&mut self, a: &str, b: &str) -> f64 {
        if a.is_empty() && b.is_empty() {
            return 1.0;
        }
        self.a.clear();
        self.a.extend(a.chars());
        self.b.clear();
        self.b.extend(b.chars());
        let longer = max(self.a.len(), self.b.len());
        1.0 - (self.distance() as f64) / (longer as f64)
    }

    fn last_row(&self, c: char) -> isize {
        match u8::try_from(c as u32) {
            Ok(i) => self.latin[i as usize],
            Err(_) => self
                .other
                .iter()
                .find(|(o, _)| *o == c)
                .map_or(-1, |(_, row)| *row),
        }
    }

    fn set_last_row(&mut self, c: char, row: isize) {
        match u8::try_from(c as u32) {
            Ok(i) => self.latin[i as usize] = row,
            Err(_) => match self.other.iter_mut().find(|(o, _)| *o == c) {
                Some(slot) => slot.1 = row,
                None => self.other.push((c, row)),
            },
        }
    }

    fn distance(&mut self) -> usize {
        let (len1, len2) = (self.a.len(), self.b.len());
        let max_val = max(len1, len2) as isize + 1;
        self.latin.fill(-1);
        self.other.clear();
        let size = len2 + 2;
        self.fr.clear();
        self.fr.resize(size, max_val);
        self.r1.clear();
        self.r1.resize(size, max_val);
        self.r.clear();
        self.r.push(max_val);
        self.r.extend(0..(size - 1) as isize);
        for i in 1..=len1 {
            let ch1 = self.a[i - 1];
            std::mem::swap(&mut self.r, &mut self.r1);
            let mut last_col_id: isize = -1;
            let mut last_i2l1 = self.r[1];
            self.r[1] = i as isize;
            let mut t = max_val;
            for j in 1..=len2 {
                let ch2 = self.b[j - 1];
                let diag = self.r1[j] + isize::from(ch1 != ch2);
                let left = self.r[j] + 1;
                let up = self.r1[j + 1] + 1;
                let mut temp = min(diag, min(left, up));
                if ch1 == ch2 {
                    last_col_id = j as isize;
                    self.fr[j + 1] = self.r1[j - 1];
                    t = last_i2l1;
                } else {
                    let k = self.last_row(ch2);
                    let l = last_col_id;
                    if j as isize - l == 1 {
                        temp = min(temp, self.fr[j + 1] + (i as isize - k));
                    } else if i as isize - k == 1 {
                        temp = min(temp, t + (j as isize - l));
                    }
                }
                last_i2l1 = self.r[j + 1];
                self.r[j + 1] = temp;
            }
            self.set_last_row(ch1, i as isize);
        }
        self.r[len2 + 1] as usize
    }
}

/// Words this long or shorter are compared on the stack.
const SHORT_WORD: usize = 32;

/// Whether the optimal-string-alignment distance of `a` and `b` (`strsim::osa_distance`) is at
/// most `max`. Words of up to [`SHORT_WORD`] chars are compared without allocating: this runs
/// for every word of every candidate of a misspelled name.
pub(super) fn osa_within(a: &str, b: &str, max: usize) -> bool {
    fn chars(s: &str, out: &mut [char; SHORT_WORD]) -> Option<usize> {
        let mut n = 0;
        for c in s.chars() {
            *out.get_mut(n)? = c;
            n += 1;
        }
        Some(n)
    }
    let (mut ab, mut bb) = (['\0'; SHORT_WORD], ['\0'; SHORT_WORD]);
    let (Some(n), Some(m)) = (chars(a, &mut ab), chars(b, &mut bb)) else {
        return strsim::osa_distance(a, b) <= max;
    };
    let (a, b) = (&ab[..n], &bb[..m]);
    // Three rows of the distance matrix: two back, the previous one, the current one.
    let mut rows = [[0usize; SHORT_WORD + 1]; 3];
    for (j, d) in rows[1].iter_mut().enumerate().take(m + 1) {
        *d = j;
    }
    for i in 1..=n {
        // Row `i` is `rows[(i + 1) % 3]`.
        let (two, prev, cur) = ((i + 2) % 3, i % 3, (i + 1) % 3);
        rows[cur][0] = i;
        for j in 1..=m {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut d = (rows[cur][j - 1] + 1)
                .min(rows[prev][j] + 1)
                .min(rows[prev][j - 1] + cost);
            if i > 1 && j > 1 && cost == 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                d = d.min(rows[two][j - 2] + 1);
            }
            rows[cur][j] = d;
        }
    }
    rows[(n + 1) % 3][m] <= max
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A deterministic xorshift generator: `next(n)` is below `n`.
    fn xorshift(mut seed: u64) -> impl FnMut(usize) -> usize {
        move |below| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed % below as u64) as usize
        }
    }

    #[test]
    fn scores_are_strsims() {
        let alphabet = ['a', 'b', 'c', ' ', 'é', 'ß', '中', '国'];
        let mut next = xorshift(0x9e37_79b9_7f4a_7c15);
        let mut d = Damerau::default();
        for _ in 0..30_000 {
            let (la, lb) = (next(12), next(12));
            let a: String = (0..la).map(|_| alphabet[next(alphabet.len())]).collect();
            let b: String = (0..lb).map(|_| alphabet[next(alphabet.len())]).collect();
            let want = strsim::normalized_damerau_levenshtein(&a, &b);
            assert_eq!(
                d.normalized(&a, &b).to_bits(),
                want.to_bits(),
                "{a:?} {b:?}"
            );
        }
        assert_eq!(d.normalized("", ""), 1.0);
        assert_eq!(d.normalized("breaking bad", "braeking bad"), {
            strsim::normalized_damerau_levenshtein("breaking bad", "braeking bad")
        });
    }

    #[test]
    fn the_bounded_distance_agrees_with_strsim() {
        let alphabet = ['a', 'b', 'c', 'é', 'ß'];
        let mut next = xorshift(0x2545_f491_4f6c_dd1d);
        for _ in 0..20_000 {
            let (la, lb) = (next(9), next(9));
            let a: String = (0..la).map(|_| alphabet[next(alphabet.len())]).collect();
            let b: String = (0..lb).map(|_| alphabet[next(alphabet.len())]).collect();
            let d = strsim::osa_distance(&a, &b);
            for max in 0..4 {
                assert_eq!(osa_within(&a, &b, max), d <= max, "{a} {b} {max}");
            }
        }
        let long = "a".repeat(40);
        assert!(osa_within(&long, &"a".repeat(41), 1));
        assert!(!osa_within(&long, &"b".repeat(40), 2));
    }
}
