//! Requests written back as the slash commands that ask them (`/titles origin:KR type:movie`):
//! what answers show as "the question as understood", what suggestion buttons run, and the
//! one-line form logs and the phrasebook test compare.

use super::request::{Request, TitlesArgs};

/// `2019` or `2010<sep>2020`.
pub(crate) fn year_span((a, b): (u16, u16), sep: &str) -> String {
    if a == b {
        a.to_string()
    } else {
        format!("{a}{sep}{b}")
    }
}

impl TitlesArgs {
    /// The slash command asking this (`/titles origin:KR type:movie`), with `origin` as given.
    pub fn command(&self, origin: Option<&str>) -> String {
        let mut parts = vec!["/titles".to_string()];
        if let Some(o) = origin {
            parts.push(format!("origin:{o}"));
        }
        if let Some(k) = self.kind {
            parts.push(format!("type:{}", k.as_str()));
        }
        if let Some(s) = &self.service {
            parts.push(format!("service:{s}"));
        } else if self.mine {
            parts.push("service:mine".to_string());
        }
        let quoted = [
            ("genre", &self.genre),
            ("director", &self.director),
            ("cast", &self.cast),
        ];
        for (key, value) in quoted {
            if let Some(v) = value {
                parts.push(format!("{key}:\"{v}\""));
            }
        }
        if let Some(y) = self.years {
            parts.push(format!("year:{}", year_span(y, "-")));
        }
        if let Some(m) = self.added {
            parts.push(format!("added:{m}"));
        }
        if let Some(q) = &self.query {
            parts.push(format!("query:\"{q}\""));
        }
        if let Some(p) = &self.watch_in {
            parts.push(format!("place:{}", super::command::quoted(p)));
        }
        if let Some(s) = self.sort {
            parts.push(format!("sort:{}", s.as_str()));
        }
        if self.page > 1 {
            parts.push(format!("page:{}", self.page));
        }
        parts.join(" ")
    }
}

/// An option value as a command writes it: in quotes when it holds a space.
pub(crate) fn quoted(v: &str) -> String {
    if v.contains(char::is_whitespace) {
        format!("\"{v}\"")
    } else {
        v.to_string()
    }
}

impl Request {
    /// The slash command asking this, in a form [`parse_command`] reads back.
    pub fn command(&self) -> String {
        match self {
            Request::WhyNot { place, service } => match service {
                Some(s) => format!("/why-not place:{} service:{s}", quoted(place)),
                None => format!("/why-not place:{}", quoted(place)),
            },
            Request::Titles(args) => args.command(args.origin.as_deref()),
            Request::Title {
                name,
                service,
                place,
            } => {
                let mut c = format!("/title name:{}", quoted(name));
                if let Some(s) = service {
                    c.push_str(&format!(" service:{s}"));
                }
                if let Some(p) = place {
                    c.push_str(&format!(" place:{}", quoted(p)));
                }
                c
            }
            Request::Search { text, .. } => format!("/ask {text}"),
            Request::Map { service, figure } => {
                let mut c = "/map".to_string();
                if let Some(s) = service {
                    c.push_str(&format!(" service:{s}"));
                }
                if let Some(f) = figure {
                    c.push_str(&format!(" figure:{}", f.as_str()));
                }
                c
            }
            Request::Help => "/help".to_string(),
            Request::Settings(args) => args.command(),
            Request::Top(args) => args.command(),
            Request::Similar {
                name,
                service,
                kind,
            } => {
                let mut c = format!("/similar title:{}", quoted(name));
                if let Some(k) = kind {
                    c.push_str(&format!(" type:{}", k.as_str()));
                }
                if let Some(s) = service {
                    c.push_str(&format!(" service:{s}"));
                }
                c
            }
            Request::Uncovered { name } => format!("/ask {}", quoted(name)),
        }
    }

    /// How the question was understood, in one line: the command, plus what a command cannot
    /// say (`(how many)`, a search of the documents only). Used in logs and the phrasebook test.
    pub fn canonical(&self) -> String {
        match self {
            Request::Titles(args) if args.count => format!("{} (how many)", self.command()),
            Request::Search {
                text,
                documents: true,
            } => format!("/ask {text} (documents)"),
            Request::Uncovered { name } => format!("/ask {name} (not covered)"),
            _ => self.command(),
        }
    }
}
