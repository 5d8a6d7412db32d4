//! A title as stored in the index: its record in postcard's compact binary form rather than
//! JSON, which is cheaper to write at a build (a million of them) and to read back for every
//! title an answer shows.

use tantivy::schema::Value;
use tantivy::{DocAddress, Searcher, TantivyDocument};

use super::SearchError;
use super::schema::Fields;
use crate::corpus::Title;

/// The stored form of `title`.
pub fn encode(title: &Title) -> Vec<u8> {
    // Serialising owned strings and vectors into a `Vec` cannot fail.
    postcard::to_allocvec(title).unwrap_or_default()
}

/// The title stored at `bytes`.
pub fn decode(bytes: &[u8]) -> Result<Title, postcard::Error> {
    postcard::from_bytes(bytes)
}

/// The stored title of the document at `addr`.
pub fn stored_title(
    searcher: &Searcher,
    fields: &Fields,
    addr: DocAddress,
) -> Result<Title, SearchError> {
    let doc: TantivyDocument = searcher.doc(addr)?;
    let bytes = doc
        .get_first(fields.card)
        .and_then(|v| v.as_bytes())
        .unwrap_or_default();
    decode(bytes).map_err(|e| {
        SearchError::Tantivy(tantivy::TantivyError::InternalError(format!(
            "stored title: {e}"
        )))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::{Day, Kind, Listing};

    #[test]
    fn a_title_comes_back_as_it_was_stored_and_smaller_than_json() {
        let t = Title {
            kind: Kind::Tv,
            title: "Amélie & 流浪地球".into(),
            aka: Some("The Wandering Earth".into()),
            year: Some(2019),
            origin: vec!["CN".into()],
            countries: vec!["China".into()],
            genres: vec!["Sci-Fi".into(), "Drama".into()],
            director: vec!["Frant Gwo".into()],
            cast: vec!["Wu Jing".into(), "Qu Chuxiao".into()],
            rating: Some("TV-14".into()),
            duration: None,
            description: "The sun is dying.".into(),
            sources: vec!["netflix_titles.csv".into()],
            listings: vec![Listing {
                service: "netflix".into(),
                show_id: "s42".into(),
                date_added: Some(Day {
                    year: 2019,
                    month: 5,
                    day: 6,
                }),
                file: "netflix_titles.csv".into(),
                line: 43,
            }],
        };
        let bytes = encode(&t);
        assert_eq!(decode(&bytes).unwrap(), t);
        assert!(bytes.len() < serde_json::to_string(&t).unwrap().len() * 2 / 3);
        assert!(decode(&bytes[..bytes.len() - 3]).is_err());
    }
}
