//! The Fluent files: every locale has every key of `en-US`, file by file, with the same
//! placeholders, and no key of its own; every message formats without errors.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use streambot::i18n::{Lang, formats};

/// `locales/<locale>/<file>.ftl` → key → its placeholders (`$name`).
type Messages = BTreeMap<String, BTreeMap<String, BTreeSet<String>>>;

fn locale_dir(locale: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("locales")
        .join(locale)
}

/// Keys are lines `key = …` at the start of a line; a message runs until the next key;
/// placeholders are `{ $name }` (also inside selectors).
fn read(locale: &str) -> Messages {
    let mut out = Messages::new();
    let mut files: Vec<PathBuf> = std::fs::read_dir(locale_dir(locale))
        .unwrap_or_else(|e| panic!("locales/{locale}: {e}"))
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "ftl"))
        .collect();
    files.sort();
    for file in files {
        let name = file.file_name().unwrap().to_string_lossy().into_owned();
        let text = std::fs::read_to_string(&file).unwrap();
        let messages = out.entry(name).or_default();
        let mut current: Option<String> = None;
        for line in text.lines() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let starts_key = line.chars().next().is_some_and(|c| c.is_ascii_lowercase());
            let body = if starts_key {
                let (key, rest) = line
                    .split_once('=')
                    .unwrap_or_else(|| panic!("{locale}: a line without `=`: {line}"));
                let key = key.trim().to_string();
                assert!(
                    !messages.contains_key(&key),
                    "{locale}: {key} is defined twice"
                );
                messages.insert(key.clone(), BTreeSet::new());
                current = Some(key);
                rest
            } else {
                line
            };
            let key = current
                .clone()
                .unwrap_or_else(|| panic!("{locale}: text before any key: {line}"));
            let set = messages.get_mut(&key).unwrap();
            for part in body.split('$').skip(1) {
                let name: String = part
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric() || *c == '_' || *c == '-')
                    .collect();
                if !name.is_empty() {
                    set.insert(name);
                }
            }
        }
    }
    out
}

#[test]
fn every_locale_has_every_key_with_the_same_placeholders() {
    let english = read("en-US");
    assert!(!english.is_empty(), "no English messages");
    for locale in ["zh-CN", "zh-TW"] {
        let other = read(locale);
        let mut problems = Vec::new();
        for (file, messages) in &english {
            let Some(theirs) = other.get(file) else {
                problems.push(format!("{locale} has no {file}"));
                continue;
            };
            for (key, placeholders) in messages {
                match theirs.get(key) {
                    None => problems.push(format!("{locale}/{file}: missing {key}")),
                    Some(p) if p != placeholders => problems.push(format!(
                        "{locale}/{file}: {key} has placeholders {p:?}, English has {placeholders:?}"
                    )),
                    Some(_) => {}
                }
            }
            for key in theirs.keys() {
                if !messages.contains_key(key) {
                    problems.push(format!("{locale}/{file}: {key} is not in en-US"));
                }
            }
        }
        for file in other.keys() {
            if !english.contains_key(file) {
                problems.push(format!("{locale} has {file}, en-US does not"));
            }
        }
        assert!(problems.is_empty(), "{}", problems.join("\n"));
    }
}

#[test]
fn every_message_formats_in_every_language() {
    for (_, messages) in read("en-US") {
        for (key, placeholders) in &messages {
            let names: Vec<&str> = placeholders.iter().map(String::as_str).collect();
            for lang in Lang::ALL {
                assert!(formats(lang, key, &names), "{lang:?} cannot format {key}");
            }
        }
    }
}
