//! The streaming services the bot knows: one table, read by the loader (which file holds whose
//! titles), the parser and the lexicon (what people call them), answers and renderers (their
//! names) and both Discord fronts (the `service` choices). Adding a service is one row here.

use serde::{Serialize, Serializer};

/// One known service.
#[derive(Debug, PartialEq, Eq)]
pub struct ServiceRow {
    /// The id answers and the JSON use, and the prefix of its title files
    /// (`amazon_prime_titles.csv`).
    pub id: &'static str,
    /// Its name. Brand names are written the same in every language the bot speaks; a
    /// language that writes one differently would add a column here.
    pub name: &'static str,
    /// What people type for it in a command (`/why-not china prime`).
    pub word: &'static str,
    /// Its public dataset rarely names a production country, so `origin:` finds few of its
    /// titles (answers say so when nothing matches).
    pub sparse_origin: bool,
}

/// Every known service, in the order answers list them. The first is the one a why-not or a
/// map is about when no service is named.
pub const SERVICES: &[ServiceRow] = &[
    ServiceRow {
        id: "netflix",
        name: "Netflix",
        word: "netflix",
        sparse_origin: false,
    },
    ServiceRow {
        id: "amazon_prime",
        name: "Prime Video",
        word: "prime",
        sparse_origin: true,
    },
    ServiceRow {
        id: "disney_plus",
        name: "Disney+",
        word: "disney",
        sparse_origin: false,
    },
    ServiceRow {
        id: "hulu",
        name: "Hulu",
        word: "hulu",
        sparse_origin: false,
    },
];

/// A known service: a row of [`SERVICES`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Service(u8);

impl Service {
    /// The service asked about when none is named (the first row).
    pub const DEFAULT: Service = Service(0);

    /// Every known service, in table order.
    pub fn all() -> impl Iterator<Item = Service> {
        (0..SERVICES.len()).map(|i| Service(i as u8))
    }

    /// The service with this id (`amazon_prime`), if it is known.
    pub fn from_id(id: &str) -> Option<Service> {
        Service::all().find(|s| s.id() == id)
    }

    /// The service at `index` in the table.
    pub fn from_index(index: usize) -> Option<Service> {
        (index < SERVICES.len()).then_some(Service(index as u8))
    }

    /// Its place in the table.
    pub fn index(self) -> usize {
        self.0 as usize
    }

    fn row(self) -> &'static ServiceRow {
        &SERVICES[self.index()]
    }

    pub fn id(self) -> &'static str {
        self.row().id
    }

    pub fn name(self) -> &'static str {
        self.row().name
    }

    pub fn word(self) -> &'static str {
        self.row().word
    }

    pub fn sparse_origin(self) -> bool {
        self.row().sparse_origin
    }
}

impl Serialize for Service {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.id())
    }
}

/// The display name of a service id from the data: the table's name, or for a service the
/// table does not know (an operator's own `paramount_titles.csv`) its id with spaces.
pub fn service_name(id: &str) -> String {
    match Service::from_id(id) {
        Some(s) => s.name().to_string(),
        None => id.replace('_', " "),
    }
}

/// What people type for a service id in a command (`prime`); an unknown id as it is.
pub fn service_word(id: &str) -> &str {
    match Service::from_id(id) {
        Some(s) => s.word(),
        None => id,
    }
}

/// A service's rank in answers' lists: the table's order, then unknown ids.
pub fn service_rank(id: &str) -> usize {
    Service::from_id(id).map_or(usize::MAX, Service::index)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_is_consistent() {
        let ids: Vec<&str> = Service::all().map(Service::id).collect();
        assert_eq!(ids, ["netflix", "amazon_prime", "disney_plus", "hulu"]);
        for s in Service::all() {
            assert_eq!(Service::from_id(s.id()), Some(s));
            assert_eq!(Service::from_index(s.index()), Some(s));
            assert!(s.id().bytes().all(|b| b.is_ascii_lowercase() || b == b'_'));
        }
        assert_eq!(Service::from_index(SERVICES.len()), None);
        assert_eq!(service_name("amazon_prime"), "Prime Video");
        assert_eq!(service_name("paramount_plus"), "paramount plus");
        assert_eq!(service_word("disney_plus"), "disney");
        assert_eq!(service_word("paramount"), "paramount");
        assert_eq!(service_rank("hulu"), 3);
        assert_eq!(
            serde_json::to_string(&Service::DEFAULT).unwrap(),
            "\"netflix\""
        );
    }
}
