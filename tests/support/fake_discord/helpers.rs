//! Small helpers: timestamps, snowflakes, content types, request bodies and multipart parsing.

use super::*;

pub(super) fn now_timestamp() -> String {
    serenity::model::Timestamp::now().to_string()
}

pub(super) fn flags_of(v: &Value) -> u64 {
    v.get("flags").and_then(Value::as_u64).unwrap_or(0)
}

/// A snowflake given as a string or a number.
pub(super) fn snowflake_value(v: &Value) -> Option<u64> {
    match v {
        Value::String(s) => s.parse().ok(),
        Value::Number(n) => n.as_u64(),
        _ => None,
    }
}

/// The shard Discord sends a dispatch on: `(guild_id >> 22) % shards`, or shard 0 without a
/// guild (direct messages).
pub fn shard_of(d: &Value, shards: u32) -> u32 {
    id_of(d, "/guild_id").map_or(0, |g| ((g >> 22) % u64::from(shards.max(1))) as u32)
}

pub(super) fn id_of(v: &Value, pointer: &str) -> Option<u64> {
    v.pointer(pointer).and_then(snowflake_value)
}

pub(super) fn id_string(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

pub(super) fn guess_content_type(name: &str) -> &'static str {
    let ext = name.rsplit('.').next().unwrap_or("").to_ascii_lowercase();
    match ext.as_str() {
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "webp" => "image/webp",
        "txt" => "text/plain",
        "csv" => "text/csv",
        "json" => "application/json",
        "pdf" => "application/pdf",
        _ => "application/octet-stream",
    }
}

/// Decodes a JSON or multipart/form-data body.
pub(super) fn parse_body(headers: &HeaderMap, body: &[u8]) -> Parsed {
    let content_type = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    if content_type.starts_with("multipart/form-data") {
        return match parse_multipart(content_type, body) {
            Ok((json, files)) => Parsed {
                json,
                files,
                error: None,
            },
            Err(error) => Parsed {
                json: Value::Null,
                files: Vec::new(),
                error: Some(error),
            },
        };
    }
    if body.is_empty() {
        return Parsed {
            json: Value::Null,
            files: Vec::new(),
            error: None,
        };
    }
    match serde_json::from_slice(body) {
        Ok(json) => Parsed {
            json,
            files: Vec::new(),
            error: None,
        },
        Err(e) => Parsed {
            json: Value::String(String::from_utf8_lossy(body).into_owned()),
            files: Vec::new(),
            error: Some(format!("invalid JSON body: {e}")),
        },
    }
}

pub(super) fn find(haystack: &[u8], needle: &[u8], from: usize) -> Option<usize> {
    if from > haystack.len() {
        return None;
    }
    haystack[from..]
        .windows(needle.len())
        .position(|w| w == needle)
        .map(|p| p + from)
}

/// Splits a multipart/form-data body: `payload_json` becomes the JSON, file parts become
/// [`RecordedFile`]s, other text fields are added to the JSON object.
pub(super) fn parse_multipart(
    content_type: &str,
    body: &[u8],
) -> Result<(Value, Vec<RecordedFile>), String> {
    let boundary = content_type
        .split(';')
        .map(str::trim)
        .find_map(|p| p.strip_prefix("boundary="))
        .ok_or("multipart body without boundary")?
        .trim_matches('"');
    let delimiter = format!("--{boundary}").into_bytes();
    let mut json = Value::Null;
    let mut fields = Map::new();
    let mut files = Vec::new();
    let mut pos =
        find(body, &delimiter, 0).ok_or("multipart body without its boundary")? + delimiter.len();
    loop {
        let rest = &body[pos..];
        if rest.starts_with(b"--") {
            break;
        }
        if !rest.starts_with(b"\r\n") {
            return Err("malformed multipart delimiter".into());
        }
        let start = pos + 2;
        let next = find(body, &delimiter, start).ok_or("unterminated multipart part")?;
        let end = next
            .checked_sub(2)
            .filter(|&e| e >= start)
            .ok_or("malformed multipart part")?;
        let part = &body[start..end];
        let header_end = find(part, b"\r\n\r\n", 0).ok_or("multipart part without headers")?;
        let head = String::from_utf8_lossy(&part[..header_end]).into_owned();
        let content = &part[header_end + 4..];
        let (mut name, mut filename, mut part_type) = (
            String::new(),
            None,
            String::from("application/octet-stream"),
        );
        for line in head.split("\r\n") {
            let Some((key, value)) = line.split_once(':') else {
                continue;
            };
            match key.trim().to_ascii_lowercase().as_str() {
                "content-disposition" => {
                    for param in value.split(';').map(str::trim) {
                        if let Some(v) = param.strip_prefix("name=") {
                            name = v.trim_matches('"').to_string();
                        } else if let Some(v) = param.strip_prefix("filename=") {
                            filename = Some(v.trim_matches('"').to_string());
                        }
                    }
                }
                "content-type" => part_type = value.trim().to_string(),
                _ => {}
            }
        }
        if name == "payload_json" {
            json = serde_json::from_slice(content)
                .map_err(|e| format!("invalid payload_json: {e}"))?;
        } else if let Some(filename) = filename {
            files.push(RecordedFile {
                field: name,
                filename,
                content_type: part_type,
                bytes: content.to_vec(),
            });
        } else {
            fields.insert(
                name,
                Value::String(String::from_utf8_lossy(content).into_owned()),
            );
        }
        pos = next + delimiter.len();
    }
    if !fields.is_empty() {
        match &mut json {
            Value::Object(obj) => obj.extend(fields),
            Value::Null => json = Value::Object(fields),
            _ => {}
        }
    }
    Ok((json, files))
}

/// Runs `fut` with a deadline, panicking with `what` if it takes longer. For test steps.
pub async fn within<T>(limit: Duration, what: &str, fut: impl Future<Output = T>) -> T {
    match tokio::time::timeout(limit, fut).await {
        Ok(v) => v,
        Err(_) => panic!("timed out after {limit:?}: {what}"),
    }
}
