//! Payload builders: users, guilds, messages and interactions as Discord sends them (pure functions returning JSON).

use super::*;

/// The deterministic command id the builders use and the fake answers at registration.
pub fn command_id(name: &str) -> u64 {
    // FNV-1a, folded into a non-zero snowflake-sized number.
    let hash = name.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    });
    1_000_000_000_000_000_000 + hash % 1_000_000_000_000_000_000
}

/// The token the builders give interaction `interaction_id`.
pub fn token_for(interaction_id: u64) -> String {
    format!("fake-interaction-token-{interaction_id}")
}

/// A user object (`username` is `user{id % 10000}`).
pub fn user(id: u64) -> Value {
    json!({
        "id": id.to_string(),
        "username": format!("user{}", id % 10_000),
        "discriminator": "0",
        "global_name": null,
        "avatar": null,
        "bot": false,
        "public_flags": 0,
    })
}

/// The bot user as in READY.
pub fn bot_user() -> Value {
    json!({
        "id": BOT_ID.to_string(),
        "username": BOT_NAME,
        "discriminator": "0000",
        "global_name": null,
        "avatar": null,
        "bot": true,
        "public_flags": 0,
    })
}

pub(super) fn current_user() -> Value {
    let mut me = bot_user();
    me["verified"] = json!(true);
    me["mfa_enabled"] = json!(false);
    me["email"] = Value::Null;
    me["flags"] = json!(0);
    me["locale"] = json!("en-US");
    me
}

pub(super) fn application_info() -> Value {
    json!({
        "id": APP_ID.to_string(),
        "name": BOT_NAME,
        "icon": null,
        "description": "A Discord bot that answers questions about streaming availability",
        "rpc_origins": [],
        "bot_public": true,
        "bot_require_code_grant": false,
        "verify_key": "0".repeat(64),
        "owner": {
            "id": OWNER_ID.to_string(),
            "username": "owner",
            "discriminator": "0",
            "global_name": null,
            "avatar": null,
            "public_flags": 0,
            "flags": 0,
        },
        "team": null,
        "flags": 0,
        "summary": "",
        "bot": bot_user(),
    })
}

pub(super) fn member_json(user: Value, roles: &[u64], permissions: Option<u64>) -> Value {
    let mut member = json!({
        "user": user,
        "nick": null,
        "avatar": null,
        "roles": roles.iter().map(u64::to_string).collect::<Vec<_>>(),
        "joined_at": "2024-01-01T00:00:00.000000+00:00",
        "premium_since": null,
        "deaf": false,
        "mute": false,
        "flags": 0,
        "pending": false,
        "communication_disabled_until": null,
    });
    if let Some(permissions) = permissions {
        member["permissions"] = json!(permissions.to_string());
    }
    member
}

pub(super) fn role_json(id: u64, name: &str, permissions: u64, position: u64) -> Value {
    json!({
        "id": id.to_string(),
        "name": name,
        "color": 0,
        "colors": { "primary_color": 0, "secondary_color": null, "tertiary_color": null },
        "hoist": false,
        "icon": null,
        "unicode_emoji": null,
        "position": position,
        "permissions": permissions.to_string(),
        "managed": false,
        "mentionable": false,
        "flags": 0,
    })
}

pub(super) fn dm_channel_json(channel: u64, recipient: u64) -> Value {
    json!({
        "id": channel.to_string(),
        "type": 1,
        "last_message_id": null,
        "recipients": [user(recipient)],
        "flags": 0,
    })
}

/// A full Message object (REST shape: no guild_id).
pub(super) fn message_json(
    id: u64,
    channel_id: u64,
    author: Value,
    body: &Value,
    attachments: Vec<Value>,
    kind: u64,
) -> Value {
    json!({
        "id": id.to_string(),
        "channel_id": channel_id.to_string(),
        "author": author,
        "content": body.get("content").and_then(Value::as_str).unwrap_or(""),
        "timestamp": now_timestamp(),
        "edited_timestamp": null,
        "tts": body.get("tts").and_then(Value::as_bool).unwrap_or(false),
        "mention_everyone": false,
        "mentions": [],
        "mention_roles": [],
        "attachments": attachments,
        "embeds": body.get("embeds").filter(|v| v.is_array()).cloned().unwrap_or(json!([])),
        "components": body.get("components").filter(|v| v.is_array()).cloned().unwrap_or(json!([])),
        "pinned": false,
        "type": kind,
        "flags": flags_of(body),
    })
}

/// Fields every interaction has.
pub(super) fn interaction_base(
    interaction_id: u64,
    kind: u64,
    channel_id: u64,
    channel_type: u64,
) -> Value {
    json!({
        "id": interaction_id.to_string(),
        "application_id": APP_ID.to_string(),
        "type": kind,
        "token": token_for(interaction_id),
        "version": 1,
        "channel_id": channel_id.to_string(),
        "channel": { "id": channel_id.to_string(), "type": channel_type },
        "locale": "en-US",
        "entitlements": [],
        "app_permissions": BOT_APP_PERMISSIONS.to_string(),
        "attachment_size_limit": ATTACHMENT_SIZE_LIMIT,
    })
}

pub(super) fn in_guild(
    mut payload: Value,
    guild_id: u64,
    user_id: u64,
    roles: &[u64],
    permissions: u64,
) -> Value {
    payload["guild_id"] = json!(guild_id.to_string());
    payload["guild_locale"] = json!("en-US");
    payload["member"] = member_json(user(user_id), roles, Some(permissions));
    payload["authorizing_integration_owners"] = json!({ "0": guild_id.to_string() });
    payload["context"] = json!(0);
    payload
}

pub(super) fn in_dm(mut payload: Value, user_id: u64) -> Value {
    payload["user"] = user(user_id);
    payload["authorizing_integration_owners"] = json!({ "0": "0" });
    payload["context"] = json!(1);
    payload
}

pub(super) fn command_data(command: &str, options: Value) -> Value {
    json!({
        "id": command_id(command).to_string(),
        "name": command,
        "type": 1,
        "options": if options.is_null() { json!([]) } else { options },
    })
}

/// INTERACTION_CREATE `d` for a slash command used in a guild. `options` is the array of
/// `{name, type, value}` (see [`option`], [`subcommand`], [`attachment_option`]).
#[allow(clippy::too_many_arguments)]
pub fn slash_in_guild(
    interaction_id: u64,
    guild_id: u64,
    channel_id: u64,
    user_id: u64,
    roles: &[u64],
    permissions: u64,
    command: &str,
    options: Value,
) -> Value {
    let mut payload = in_guild(
        interaction_base(interaction_id, 2, channel_id, 0),
        guild_id,
        user_id,
        roles,
        permissions,
    );
    payload["data"] = command_data(command, options);
    payload
}

/// INTERACTION_CREATE `d` for a slash command used in the bot's DM.
pub fn slash_in_dm(
    interaction_id: u64,
    channel_id: u64,
    user_id: u64,
    command: &str,
    options: Value,
) -> Value {
    let mut payload = in_dm(interaction_base(interaction_id, 2, channel_id, 1), user_id);
    payload["data"] = command_data(command, options);
    payload
}

/// INTERACTION_CREATE `d` for a slash command of the app installed to `user_id`'s account,
/// used in a group DM (a private channel the bot is not a member of): no guild, `context` 2,
/// the user as the authorising owner of a user install (`"1"`).
pub fn slash_in_group_dm(
    interaction_id: u64,
    channel_id: u64,
    user_id: u64,
    locale: &str,
    command: &str,
    options: Value,
) -> Value {
    let mut payload = interaction_base(interaction_id, 2, channel_id, 3);
    payload["user"] = user(user_id);
    payload["locale"] = json!(locale);
    payload["authorizing_integration_owners"] = json!({ "1": user_id.to_string() });
    payload["context"] = json!(2);
    payload["data"] = command_data(command, options);
    payload
}

/// Sets the user's Discord language of an interaction payload (`zh-CN`, `en-US`…).
pub fn with_locale(mut payload: Value, locale: &str) -> Value {
    payload["locale"] = json!(locale);
    payload
}

/// INTERACTION_CREATE `d` for autocomplete (type 4) in a guild. One option must carry
/// `focused: true` and a *string* value (serenity requires a string there even for numbers);
/// see [`focused_option`].
pub fn autocomplete(
    interaction_id: u64,
    guild_id: u64,
    channel_id: u64,
    user_id: u64,
    command: &str,
    options_with_focused: Value,
) -> Value {
    let mut payload = in_guild(
        interaction_base(interaction_id, 4, channel_id, 0),
        guild_id,
        user_id,
        &[],
        MEMBER_PERMISSIONS,
    );
    payload["data"] = command_data(command, options_with_focused);
    payload
}

/// INTERACTION_CREATE `d` for a click on button `custom_id` of the bot's message `message_id`
/// in a guild (type 3). The message names `user_id` as the user of the original command.
pub fn button_click(
    interaction_id: u64,
    guild_id: u64,
    channel_id: u64,
    user_id: u64,
    custom_id: &str,
    message_id: u64,
) -> Value {
    let mut payload = in_guild(
        interaction_base(interaction_id, 3, channel_id, 0),
        guild_id,
        user_id,
        &[],
        MEMBER_PERMISSIONS,
    );
    payload["data"] = json!({ "custom_id": custom_id, "component_type": 2 });
    payload["message"] = component_message(message_id, channel_id, user_id, custom_id);
    payload
}

/// Like [`button_click`], in the bot's DM.
pub fn button_click_in_dm(
    interaction_id: u64,
    channel_id: u64,
    user_id: u64,
    custom_id: &str,
    message_id: u64,
) -> Value {
    let mut payload = in_dm(interaction_base(interaction_id, 3, channel_id, 1), user_id);
    payload["data"] = json!({ "custom_id": custom_id, "component_type": 2 });
    payload["message"] = component_message(message_id, channel_id, user_id, custom_id);
    payload
}

/// The bot's message carrying the clicked button (as Discord embeds it in a component interaction).
pub(super) fn component_message(
    message_id: u64,
    channel_id: u64,
    user_id: u64,
    custom_id: &str,
) -> Value {
    let button = json!({ "type": 2, "style": 1, "label": custom_id, "custom_id": custom_id });
    let body = json!({ "components": [{ "type": 1, "components": [button] }] });
    let mut message = message_json(message_id, channel_id, bot_user(), &body, Vec::new(), 20);
    message["webhook_id"] = json!(APP_ID.to_string());
    message["application_id"] = json!(APP_ID.to_string());
    message["interaction_metadata"] = json!({
        "id": message_id.to_string(),
        "type": 2,
        "user": user(user_id),
        "authorizing_integration_owners": {},
    });
    message
}

/// MESSAGE_CREATE `d` for a DM (no guild_id, no member).
pub fn dm_message(
    message_id: u64,
    channel_id: u64,
    author_id: u64,
    bot: bool,
    content: &str,
) -> Value {
    let mut author = if author_id == BOT_ID {
        bot_user()
    } else {
        user(author_id)
    };
    author["bot"] = json!(bot);
    let mut message = message_json(
        message_id,
        channel_id,
        author,
        &json!({ "content": content }),
        Vec::new(),
        0,
    );
    message["nonce"] = json!(message_id.to_string());
    message
}

/// A command option `{name, type, value}` (3 string, 4 integer, 5 boolean, 10 number...).
pub fn option(name: &str, kind: u8, value: Value) -> Value {
    json!({ "name": name, "type": kind, "value": value })
}

/// The focused option of an autocomplete: `partial` is what the user has typed so far.
pub fn focused_option(name: &str, kind: u8, partial: &str) -> Value {
    json!({ "name": name, "type": kind, "value": partial, "focused": true })
}

/// A subcommand (type 1) with its options.
pub fn subcommand(name: &str, options: Value) -> Value {
    json!({ "name": name, "type": 1, "options": options })
}

/// An Attachment object (for `data.resolved.attachments` or a message).
pub fn attachment(id: u64, filename: &str, size: u64, url: &str, content_type: &str) -> Value {
    json!({
        "id": id.to_string(),
        "filename": filename,
        "size": size,
        "url": url,
        "proxy_url": url,
        "content_type": content_type,
    })
}

/// An attachment option (type 11): its value is the attachment's id. The attachment itself must
/// also be put in `data.resolved.attachments` with [`with_resolved_attachments`].
pub fn attachment_option(name: &str, attachment: &Value) -> Value {
    json!({ "name": name, "type": 11, "value": attachment["id"].clone() })
}

/// Adds `attachments` (from [`attachment`]) to `data.resolved.attachments` of an interaction.
pub fn with_resolved_attachments(mut payload: Value, attachments: &[Value]) -> Value {
    let mut map = Map::new();
    for a in attachments {
        map.insert(id_string(&a["id"]), a.clone());
    }
    let data = &mut payload["data"];
    if !data["resolved"].is_object() {
        data["resolved"] = json!({});
    }
    data["resolved"]["attachments"] = Value::Object(map);
    payload
}
