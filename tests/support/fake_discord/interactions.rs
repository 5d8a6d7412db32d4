//! Interaction routes: command registration, callbacks, the webhook routes (@original and follow-ups) and attachments.

use super::*;

impl World {
    // --- commands ---

    pub(super) fn put_commands(&mut self, app: &str, guild: Option<u64>, body: &Value) -> Outcome {
        if app != APP_ID.to_string() {
            return Outcome::error(
                404,
                10002,
                "Unknown Application",
                format!("application id {app} is not APP_ID"),
            );
        }
        let Some(commands) = body.as_array() else {
            return Outcome::invalid("command registration body is not an array".into());
        };
        if let Err(reason) = validate_commands(commands) {
            return Outcome::invalid(reason);
        }
        let echoed: Vec<Value> = commands.iter().map(|c| echo_command(c, guild)).collect();
        match guild {
            Some(guild) => {
                self.guild_commands.insert(guild, echoed.clone());
            }
            None => self.global_commands = Some(echoed.clone()),
        }
        Outcome::json(Value::Array(echoed))
    }

    // --- interactions ---

    pub(super) fn callback(
        &mut self,
        inner: &Inner,
        id: &str,
        token: &str,
        body: &Parsed,
        at: Instant,
    ) -> Outcome {
        let unknown = |reason: &str| Outcome::error(404, 10062, "Unknown interaction", reason);
        let Some(id) = id.parse::<u64>().ok() else {
            return unknown("interaction id is not a number");
        };
        let next_id = self.snowflake();
        let base = inner.base_url();
        let Some(ix) = self.interactions.get_mut(&id) else {
            return unknown("interaction was never dispatched");
        };
        if ix.token != token {
            return unknown("token does not match the interaction");
        }
        let Some(sent) = ix.dispatched_at else {
            return unknown("INTERACTION_CREATE was not sent yet");
        };
        if ix.acked {
            return Outcome::error(
                400,
                40060,
                "Interaction has already been acknowledged.",
                "second initial response",
            );
        }
        let waited = at.saturating_duration_since(sent);
        if waited > inner.options.ack_deadline {
            let mut outcome = unknown(&format!(
                "late: callback {} ms after INTERACTION_CREATE",
                waited.as_millis()
            ));
            outcome.late = true;
            return outcome;
        }
        let kind = body.json.get("type").and_then(Value::as_u64).unwrap_or(0);
        let allowed: &[u64] = match ix.kind {
            2 => &[4, 5, 9],
            3 => &[4, 5, 6, 7, 9],
            4 => &[8],
            5 => &[4, 5, 6, 7],
            _ => &[],
        };
        if !allowed.contains(&kind) {
            return Outcome::invalid(format!(
                "callback type {kind} is not valid for interaction type {}",
                ix.kind
            ));
        }
        let data = body.json.get("data").cloned().unwrap_or(Value::Null);
        let checked = match kind {
            4 => validate_message(&data, body.files.len(), true),
            7 => validate_message(&data, body.files.len(), false),
            8 => validate_choices(&data),
            9 => validate_modal(&data),
            _ => Ok(()),
        };
        if let Err(reason) = checked {
            return Outcome::invalid(reason);
        }
        if let Some(outcome) = oversized_file(&body.files) {
            return outcome;
        }
        ix.acked = true;
        ix.response_type = Some(kind);
        let attachments = self.store_files(&base, &body.files);
        let ix = self.interactions.get_mut(&id).expect("looked up above");
        match kind {
            4 => ix.original = Some(interaction_message(next_id, id, ix, &data, attachments)),
            5 => {
                let flags =
                    (data.get("flags").and_then(Value::as_u64).unwrap_or(0) & EPHEMERAL) | LOADING;
                let placeholder = json!({ "content": "", "flags": flags });
                ix.original = Some(interaction_message(
                    next_id,
                    id,
                    ix,
                    &placeholder,
                    Vec::new(),
                ));
            }
            6 => ix.original = ix.source_message.clone(),
            7 => {
                let mut message = ix.source_message.clone().unwrap_or(Value::Null);
                apply_edit(&mut message, &data, attachments);
                ix.original = Some(message);
            }
            _ => {}
        }
        Outcome::no_content()
    }

    /// Finds the interaction of a webhook token and checks the token may be used now.
    pub(super) fn webhook_interaction(
        &self,
        inner: &Inner,
        app: &str,
        token: &str,
        at: Instant,
    ) -> Result<u64, Outcome> {
        if app != APP_ID.to_string() {
            return Err(Outcome::error(
                404,
                10015,
                "Unknown Webhook",
                format!("application id {app} is not APP_ID"),
            ));
        }
        let Some(&id) = self.tokens.get(token) else {
            return Err(Outcome::error(
                404,
                10015,
                "Unknown Webhook",
                "unknown interaction token",
            ));
        };
        let ix = &self.interactions[&id];
        if let Some(sent) = ix.dispatched_at
            && at.saturating_duration_since(sent) > inner.options.token_lifetime
        {
            return Err(Outcome::error(
                401,
                50027,
                "Invalid Webhook Token",
                "interaction token expired",
            ));
        }
        if !ix.acked {
            return Err(Outcome::error(
                404,
                10015,
                "Unknown Webhook",
                "webhook used before the initial response",
            ));
        }
        Ok(id)
    }

    pub(super) fn followup(
        &mut self,
        inner: &Inner,
        app: &str,
        token: &str,
        body: &Parsed,
        at: Instant,
    ) -> Outcome {
        let id = match self.webhook_interaction(inner, app, token, at) {
            Ok(id) => id,
            Err(outcome) => return outcome,
        };
        if let Err(reason) = validate_message(&body.json, body.files.len(), true) {
            return Outcome::invalid(reason);
        }
        if let Some(outcome) = oversized_file(&body.files) {
            return outcome;
        }
        let message_id = self.snowflake();
        let attachments = self.store_files(&inner.base_url(), &body.files);
        let ix = self
            .interactions
            .get_mut(&id)
            .expect("token maps to an interaction");
        // After a deferral (type 5) the first follow-up replaces the "thinking" message and keeps
        // the deferral's ephemerality.
        let deferred_original = ix.response_type == Some(5)
            && ix
                .original
                .as_ref()
                .is_some_and(|m| flags_of(m) & LOADING != 0);
        if deferred_original {
            let original = ix.original.as_mut().expect("checked above");
            apply_edit(original, &body.json, attachments);
            original["edited_timestamp"] = Value::Null;
            return Outcome::json(original.clone());
        }
        let message = interaction_message(message_id, id, ix, &body.json, attachments);
        ix.followups.push(message.clone());
        Outcome::json(message)
    }

    #[allow(clippy::too_many_arguments)]
    pub(super) fn webhook_message(
        &mut self,
        inner: &Inner,
        method: &str,
        app: &str,
        token: &str,
        message: &str,
        body: &Parsed,
        at: Instant,
    ) -> Outcome {
        let id = match self.webhook_interaction(inner, app, token, at) {
            Ok(id) => id,
            Err(outcome) => return outcome,
        };
        if method == "PATCH" {
            if let Err(reason) = validate_message(&body.json, body.files.len(), false) {
                return Outcome::invalid(reason);
            }
            if let Some(outcome) = oversized_file(&body.files) {
                return outcome;
            }
        }
        let attachments = self.store_files(&inner.base_url(), &body.files);
        let ix = self
            .interactions
            .get_mut(&id)
            .expect("token maps to an interaction");
        let unknown_message =
            || Outcome::error(404, 10008, "Unknown Message", "no such interaction message");
        let target: Option<&mut Value> = if message == "@original" {
            ix.original.as_mut()
        } else {
            ix.followups
                .iter_mut()
                .chain(ix.original.as_mut())
                .find(|m| m["id"].as_str() == Some(message))
        };
        match method {
            "GET" => target.map_or_else(unknown_message, |m| Outcome::json(m.clone())),
            "PATCH" => match target {
                Some(m) => {
                    apply_edit(m, &body.json, attachments);
                    Outcome::json(m.clone())
                }
                None => unknown_message(),
            },
            "DELETE" => {
                if target.is_none() {
                    return unknown_message();
                }
                if message == "@original" {
                    ix.original = None;
                } else {
                    ix.followups.retain(|m| m["id"].as_str() != Some(message));
                    if ix
                        .original
                        .as_ref()
                        .is_some_and(|m| m["id"].as_str() == Some(message))
                    {
                        ix.original = None;
                    }
                }
                Outcome::no_content()
            }
            _ => Outcome::not_found("unknown route"),
        }
    }
}

pub(super) fn oversized_file(files: &[RecordedFile]) -> Option<Outcome> {
    let big = files
        .iter()
        .find(|f| f.bytes.len() as u64 > ATTACHMENT_SIZE_LIMIT)?;
    Some(Outcome::error(
        413,
        40005,
        "Request entity too large",
        format!(
            "file {} is {} bytes (max {ATTACHMENT_SIZE_LIMIT})",
            big.filename,
            big.bytes.len()
        ),
    ))
}

/// A message sent through an interaction (original response or follow-up).
pub(super) fn interaction_message(
    id: u64,
    interaction_id: u64,
    ix: &InteractionState,
    body: &Value,
    attachments: Vec<Value>,
) -> Value {
    let mut message = message_json(
        id,
        ix.channel_id,
        bot_user(),
        body,
        attachments,
        if ix.kind == 2 { 20 } else { 0 },
    );
    message["webhook_id"] = json!(APP_ID.to_string());
    message["application_id"] = json!(APP_ID.to_string());
    let mut metadata = json!({
        "id": interaction_id.to_string(),
        "type": ix.kind,
        "user": ix.user,
        "authorizing_integration_owners": {},
    });
    // serenity requires these per type (MessageComponentInteractionMetadata and
    // MessageModalSubmitInteractionMetadata); without them the whole Message fails to parse.
    match ix.kind {
        3 => {
            let clicked = ix
                .source_message
                .as_ref()
                .map(|m| m["id"].clone())
                .unwrap_or(json!("1"));
            metadata["interacted_message_id"] = clicked;
        }
        5 => {
            metadata["triggering_interaction_metadata"] = json!({
                "id": interaction_id.to_string(),
                "type": 2,
                "user": ix.user,
                "authorizing_integration_owners": {},
            });
        }
        _ => {}
    }
    message["interaction_metadata"] = metadata;
    message["interaction"] = json!({
        "id": interaction_id.to_string(),
        "type": ix.kind,
        "name": ix.command_name,
        "user": ix.user,
    });
    message
}

/// Applies a PATCH body (or an UPDATE_MESSAGE callback) to a stored message.
pub(super) fn apply_edit(message: &mut Value, body: &Value, new_attachments: Vec<Value>) {
    if !message.is_object() {
        *message = json!({});
    }
    for (key, empty) in [
        ("content", json!("")),
        ("embeds", json!([])),
        ("components", json!([])),
    ] {
        if let Some(v) = body.get(key) {
            message[key] = if v.is_null() { empty } else { v.clone() };
        }
    }
    let mut attachments: Vec<Value> = match body.get("attachments").and_then(Value::as_array) {
        // `attachments` in an edit lists the existing attachments to keep.
        Some(keep) => {
            let keep: Vec<String> = keep
                .iter()
                .filter_map(|a| a.get("id"))
                .map(id_string)
                .collect();
            message["attachments"]
                .as_array()
                .into_iter()
                .flatten()
                .filter(|a| keep.contains(&id_string(&a["id"])))
                .cloned()
                .collect()
        }
        None => message["attachments"]
            .as_array()
            .cloned()
            .unwrap_or_default(),
    };
    attachments.extend(new_attachments);
    message["attachments"] = Value::Array(attachments);
    // Ephemerality is fixed at creation; editing (or filling a deferral) clears LOADING.
    let old = flags_of(message);
    let new = match body.get("flags").and_then(Value::as_u64) {
        Some(flags) => (flags & !(EPHEMERAL | LOADING)) | (old & EPHEMERAL),
        None => old & !LOADING,
    };
    message["flags"] = json!(new);
    message["edited_timestamp"] = json!(now_timestamp());
}
