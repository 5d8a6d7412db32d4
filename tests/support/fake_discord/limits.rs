//! Discord's limits on messages, embeds, components, choices and commands: what the real API would refuse.

use super::*;

pub(super) fn chars(s: &str) -> usize {
    s.chars().count()
}

pub(super) fn str_at<'a>(v: &'a Value, pointer: &str) -> Option<&'a str> {
    v.pointer(pointer).and_then(Value::as_str)
}

/// Checks a message body (create or edit) against Discord's limits. `files` counts uploaded
/// files; `creating` also rejects a message with nothing in it. Lengths are Unicode scalars.
pub fn validate_message(body: &Value, files: usize, creating: bool) -> Result<(), String> {
    let content = body.get("content").and_then(Value::as_str).unwrap_or("");
    if chars(content) > 2000 {
        return Err(format!(
            "content is {} characters (max 2000)",
            chars(content)
        ));
    }
    let embeds = body
        .get("embeds")
        .and_then(Value::as_array)
        .map(Vec::as_slice)
        .unwrap_or(&[]);
    validate_embeds(embeds)?;
    let rows = body
        .get("components")
        .and_then(Value::as_array)
        .map(Vec::as_slice)
        .unwrap_or(&[]);
    validate_components(rows)?;
    let has_attachments = files > 0
        || body
            .get("attachments")
            .and_then(Value::as_array)
            .is_some_and(|a| !a.is_empty());
    let has_other = ["sticker_ids", "poll"]
        .iter()
        .any(|k| body.get(*k).is_some_and(|v| !v.is_null()));
    if creating
        && content.is_empty()
        && embeds.is_empty()
        && rows.is_empty()
        && !has_attachments
        && !has_other
    {
        return Err("Cannot send an empty message".into());
    }
    Ok(())
}

pub(super) fn validate_embeds(embeds: &[Value]) -> Result<(), String> {
    if embeds.len() > 10 {
        return Err(format!("{} embeds (max 10)", embeds.len()));
    }
    let mut total = 0;
    for (i, embed) in embeds.iter().enumerate() {
        for (pointer, max) in [
            ("/title", 256),
            ("/description", 4096),
            ("/footer/text", 2048),
            ("/author/name", 256),
        ] {
            let n = str_at(embed, pointer).map_or(0, chars);
            if n > max {
                return Err(format!(
                    "embeds[{i}]{pointer} is {n} characters (max {max})"
                ));
            }
            total += n;
        }
        let fields = embed
            .get("fields")
            .and_then(Value::as_array)
            .map(Vec::as_slice)
            .unwrap_or(&[]);
        if fields.len() > 25 {
            return Err(format!("embeds[{i}] has {} fields (max 25)", fields.len()));
        }
        for (j, field) in fields.iter().enumerate() {
            for (key, max) in [("name", 256), ("value", 1024)] {
                let n = field.get(key).and_then(Value::as_str).map_or(0, chars);
                if n == 0 {
                    return Err(format!("embeds[{i}].fields[{j}].{key} is empty (required)"));
                }
                if n > max {
                    return Err(format!(
                        "embeds[{i}].fields[{j}].{key} is {n} characters (max {max})"
                    ));
                }
                total += n;
            }
        }
    }
    if total > 6000 {
        return Err(format!("embeds total {total} characters (max 6000)"));
    }
    Ok(())
}

pub(super) fn validate_components(rows: &[Value]) -> Result<(), String> {
    if rows.len() > 5 {
        return Err(format!("{} action rows (max 5)", rows.len()));
    }
    let mut custom_ids = BTreeSet::new();
    for (i, row) in rows.iter().enumerate() {
        if row.get("type").and_then(Value::as_u64) != Some(1) {
            return Err(format!("components[{i}] is not an action row (type 1)"));
        }
        let children = row
            .get("components")
            .and_then(Value::as_array)
            .map(Vec::as_slice)
            .unwrap_or(&[]);
        let buttons = children
            .iter()
            .filter(|c| c.get("type").and_then(Value::as_u64) == Some(2))
            .count();
        if buttons > 5 {
            return Err(format!("action row {i} has {buttons} buttons (max 5)"));
        }
        if children.is_empty() || children.len() > 5 {
            return Err(format!(
                "action row {i} has {} components (1 to 5)",
                children.len()
            ));
        }
        for (j, child) in children.iter().enumerate() {
            let kind = child.get("type").and_then(Value::as_u64).unwrap_or(0);
            let at = format!("components[{i}].components[{j}]");
            if matches!(kind, 3 | 5 | 6 | 7 | 8) && children.len() > 1 {
                return Err(format!(
                    "{at}: a select menu must be alone in its action row"
                ));
            }
            if let Some(id) = child.get("custom_id").and_then(Value::as_str) {
                if chars(id) > 100 {
                    return Err(format!(
                        "{at}.custom_id is {} characters (max 100)",
                        chars(id)
                    ));
                }
                if !custom_ids.insert(id.to_string()) {
                    return Err(format!(
                        "{at}.custom_id {id:?} is used twice in the message"
                    ));
                }
            }
            if kind == 2 {
                let label = child.get("label").and_then(Value::as_str).map_or(0, chars);
                if label > 80 {
                    return Err(format!("{at}.label is {label} characters (max 80)"));
                }
                let style = child.get("style").and_then(Value::as_u64).unwrap_or(0);
                if style == 5 && child.get("url").is_none() {
                    return Err(format!("{at}: a link button needs a url"));
                }
                if !matches!(style, 5 | 6) && child.get("custom_id").is_none() {
                    return Err(format!("{at}: a button needs a custom_id"));
                }
            }
            if kind == 3 {
                let options = child
                    .get("options")
                    .and_then(Value::as_array)
                    .map_or(0, Vec::len);
                if options == 0 || options > 25 {
                    return Err(format!("{at} has {options} options (1 to 25)"));
                }
            }
        }
    }
    Ok(())
}

/// Autocomplete result (callback type 8): at most 25 choices, names 1–100, string values ≤ 100.
pub fn validate_choices(data: &Value) -> Result<(), String> {
    let Some(choices) = data.get("choices").and_then(Value::as_array) else {
        return Err("autocomplete result needs data.choices".into());
    };
    if choices.len() > 25 {
        return Err(format!("{} autocomplete choices (max 25)", choices.len()));
    }
    for (i, choice) in choices.iter().enumerate() {
        let name = choice.get("name").and_then(Value::as_str).map_or(0, chars);
        if name == 0 || name > 100 {
            return Err(format!("choices[{i}].name is {name} characters (1 to 100)"));
        }
        if let Some(value) = choice.get("value").and_then(Value::as_str)
            && chars(value) > 100
        {
            return Err(format!(
                "choices[{i}].value is {} characters (max 100)",
                chars(value)
            ));
        }
    }
    Ok(())
}

/// Modal (callback type 9): a title of at most 45 characters, a custom_id, 1–5 rows.
pub(super) fn validate_modal(data: &Value) -> Result<(), String> {
    let title = data.get("title").and_then(Value::as_str).map_or(0, chars);
    if title == 0 || title > 45 {
        return Err(format!("modal title is {title} characters (1 to 45)"));
    }
    if data.get("custom_id").and_then(Value::as_str).is_none() {
        return Err("modal needs a custom_id".into());
    }
    let rows = data
        .get("components")
        .and_then(Value::as_array)
        .map_or(0, Vec::len);
    if rows == 0 || rows > 5 {
        return Err(format!("modal has {rows} rows (1 to 5)"));
    }
    Ok(())
}

/// Command registration: what Discord refuses with 400 (which leaves poise's setup failed and
/// every later event hanging).
pub(super) fn validate_commands(commands: &[Value]) -> Result<(), String> {
    if commands.len() > 100 {
        return Err(format!("{} commands (max 100)", commands.len()));
    }
    let mut seen = BTreeSet::new();
    for (i, command) in commands.iter().enumerate() {
        let kind = command.get("type").and_then(Value::as_u64).unwrap_or(1);
        let name = command.get("name").and_then(Value::as_str).unwrap_or("");
        if !seen.insert((kind, name.to_string())) {
            return Err(format!("commands[{i}]: duplicate name {name:?}"));
        }
        let at = format!("commands[{i}] ({name})");
        if kind == 1 {
            validate_chat_input(&at, command, 0)?;
        } else {
            let n = chars(name);
            if n == 0 || n > 32 {
                return Err(format!("{at}: name is {n} characters (1 to 32)"));
            }
        }
    }
    Ok(())
}

/// Discord's locales (the ones a command's texts may be localised for).
pub(super) const LOCALES: [&str; 34] = [
    "id", "da", "de", "en-GB", "en-US", "es-ES", "es-419", "fr", "hr", "it", "lt", "hu", "nl",
    "no", "pl", "pt-BR", "ro", "fi", "sv-SE", "vi", "tr", "cs", "el", "bg", "ru", "uk", "hi", "th",
    "zh-CN", "ja", "zh-TW", "ko", "ar", "he",
];

/// A name as Discord accepts it: 1 to 32 characters, lowercase, letters, digits, `-`, `_`, `'`.
pub(super) fn validate_name(at: &str, name: &str) -> Result<(), String> {
    let n = chars(name);
    if n == 0 || n > 32 {
        return Err(format!("{at}: name is {n} characters (1 to 32)"));
    }
    if name
        .chars()
        .any(|c| c.is_uppercase() || !(c.is_alphanumeric() || c == '-' || c == '_' || c == '\''))
    {
        return Err(format!(
            "{at}: name {name:?} must be lowercase letters, digits, '-' or '_'"
        ));
    }
    Ok(())
}

/// `name_localizations` and `description_localizations` of a command, option or choice.
pub(super) fn validate_localizations(
    at: &str,
    item: &Value,
    names_are_labels: bool,
) -> Result<(), String> {
    for (field, max) in [
        ("name_localizations", 32),
        ("description_localizations", 100),
    ] {
        let Some(map) = item.get(field).filter(|v| !v.is_null()) else {
            continue;
        };
        let map = map
            .as_object()
            .ok_or_else(|| format!("{at}: {field} is not an object"))?;
        for (locale, text) in map {
            if !LOCALES.contains(&locale.as_str()) {
                return Err(format!("{at}: {field} has an unknown locale {locale:?}"));
            }
            let text = text.as_str().unwrap_or("");
            let n = chars(text);
            if n == 0 || n > max {
                return Err(format!(
                    "{at}: {field}[{locale}] is {n} characters (1 to {max})"
                ));
            }
            if field == "name_localizations" && !names_are_labels {
                validate_name(&format!("{at}: {field}[{locale}]"), text)?;
            }
        }
    }
    Ok(())
}

/// `integration_types` (0 guild, 1 user install) and `contexts` (0 guild, 1 bot DM, 2 private
/// channel) of a top-level command.
pub(super) fn validate_contexts(at: &str, command: &Value) -> Result<(), String> {
    for (field, allowed) in [("integration_types", 0..=1), ("contexts", 0..=2)] {
        let Some(list) = command.get(field).filter(|v| !v.is_null()) else {
            continue;
        };
        let list = list
            .as_array()
            .ok_or_else(|| format!("{at}: {field} is not an array"))?;
        if list.is_empty()
            || list
                .iter()
                .any(|v| !v.as_u64().is_some_and(|n| allowed.contains(&n)))
        {
            return Err(format!(
                "{at}: {field} {list:?} is not a list of {allowed:?}"
            ));
        }
    }
    Ok(())
}

/// A slash command or one of its options; `depth` 0 is the command itself.
pub(super) fn validate_chat_input(at: &str, item: &Value, depth: usize) -> Result<(), String> {
    validate_localizations(at, item, false)?;
    if depth == 0 {
        validate_contexts(at, item)?;
    }
    if let Some(choices) = item.get("choices").and_then(Value::as_array) {
        for (k, choice) in choices.iter().enumerate() {
            validate_localizations(&format!("{at}.choices[{k}]"), choice, true)?;
        }
    }
    let name = item.get("name").and_then(Value::as_str).unwrap_or("");
    validate_name(at, name)?;
    let description = item
        .get("description")
        .and_then(Value::as_str)
        .map_or(0, chars);
    if description == 0 || description > 100 {
        return Err(format!(
            "{at}: description is {description} characters (1 to 100)"
        ));
    }
    let choices = item
        .get("choices")
        .and_then(Value::as_array)
        .map_or(0, Vec::len);
    if choices > 25 {
        return Err(format!("{at}: {choices} choices (max 25)"));
    }
    let options = item
        .get("options")
        .and_then(Value::as_array)
        .map(Vec::as_slice)
        .unwrap_or(&[]);
    if options.len() > 25 {
        return Err(format!("{at}: {} options (max 25)", options.len()));
    }
    let mut optional_seen = false;
    for (j, option) in options.iter().enumerate() {
        let option_at = format!("{at}.options[{j}]");
        let kind = option.get("type").and_then(Value::as_u64).unwrap_or(0);
        let required = option
            .get("required")
            .and_then(Value::as_bool)
            .unwrap_or(false);
        if !matches!(kind, 1 | 2) {
            if required && optional_seen {
                return Err(format!(
                    "{option_at}: required options must come before optional ones"
                ));
            }
            optional_seen |= !required;
        }
        if depth > 2 {
            return Err(format!("{option_at}: options nested too deep"));
        }
        validate_chat_input(&option_at, option, depth + 1)?;
    }
    Ok(())
}

/// What Discord answers to a registered command: the body plus ids and defaults.
pub(super) fn echo_command(command: &Value, guild: Option<u64>) -> Value {
    let mut out = command.clone();
    let name = command.get("name").and_then(Value::as_str).unwrap_or("");
    if let Some(obj) = out.as_object_mut() {
        obj.insert("id".into(), json!(command_id(name).to_string()));
        obj.insert("application_id".into(), json!(APP_ID.to_string()));
        obj.insert("version".into(), json!("1"));
        obj.entry("type").or_insert(json!(1));
        obj.entry("description").or_insert(json!(""));
        obj.entry("default_member_permissions")
            .or_insert(Value::Null);
        obj.entry("nsfw").or_insert(json!(false));
        if let Some(guild) = guild {
            obj.insert("guild_id".into(), json!(guild.to_string()));
        }
    }
    out
}
