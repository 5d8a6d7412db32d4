//! Channel, DM, user and guild routes.

use super::*;

impl World {
    // --- channels, users, guilds ---

    pub(super) fn create_channel_message(
        &mut self,
        inner: &Inner,
        channel: &str,
        body: &Parsed,
    ) -> Outcome {
        let Ok(channel) = channel.parse::<u64>() else {
            return Outcome::not_found("bad channel id");
        };
        if let Err(reason) = validate_message(&body.json, body.files.len(), true) {
            return Outcome::invalid(reason);
        }
        if let Some(outcome) = oversized_file(&body.files) {
            return outcome;
        }
        let id = self.snowflake();
        let attachments = self.store_files(&inner.base_url(), &body.files);
        let kind = if body
            .json
            .get("message_reference")
            .is_some_and(|r| !r.is_null())
        {
            19
        } else {
            0
        };
        let message = message_json(id, channel, bot_user(), &body.json, attachments, kind);
        self.channel_messages.insert(id, message.clone());
        Outcome::json(message)
    }

    pub(super) fn edit_channel_message(
        &mut self,
        inner: &Inner,
        method: &str,
        message: &str,
        body: &Parsed,
    ) -> Outcome {
        let Ok(message) = message.parse::<u64>() else {
            return Outcome::not_found("bad message id");
        };
        if method == "DELETE" {
            return match self.channel_messages.remove(&message) {
                Some(_) => Outcome::no_content(),
                None => Outcome::error(404, 10008, "Unknown Message", "no such channel message"),
            };
        }
        if let Err(reason) = validate_message(&body.json, body.files.len(), false) {
            return Outcome::invalid(reason);
        }
        let attachments = self.store_files(&inner.base_url(), &body.files);
        match self.channel_messages.get_mut(&message) {
            Some(m) => {
                apply_edit(m, &body.json, attachments);
                Outcome::json(m.clone())
            }
            None => Outcome::error(404, 10008, "Unknown Message", "no such channel message"),
        }
    }

    pub(super) fn open_dm(&mut self, body: &Value) -> Outcome {
        let Some(recipient) = id_of(body, "/recipient_id") else {
            return Outcome::invalid("recipient_id is required".into());
        };
        let existing = self
            .dm_channels
            .iter()
            .find(|&(_, &user)| user == recipient)
            .map(|(&channel, _)| channel);
        let channel = existing.unwrap_or_else(|| {
            let channel = self.snowflake();
            self.dm_channels.insert(channel, recipient);
            channel
        });
        Outcome::json(dm_channel_json(channel, recipient))
    }

    pub(super) fn channel_json(&self, channel: u64) -> Value {
        if let Some(&user) = self.dm_channels.get(&channel) {
            return dm_channel_json(channel, user);
        }
        let guild = self
            .channel_guild
            .get(&channel)
            .copied()
            .unwrap_or(GUILD_ID);
        json!({
            "id": channel.to_string(),
            "type": 0,
            "guild_id": guild.to_string(),
            "name": "general",
            "position": 0,
            "permission_overwrites": [],
            "nsfw": false,
            "topic": null,
            "last_message_id": null,
            "rate_limit_per_user": 0,
            "parent_id": null,
            "flags": 0,
        })
    }

    pub(super) fn roles_json(&self, guild: u64) -> Vec<Value> {
        let mut roles = vec![role_json(guild, "@everyone", MEMBER_PERMISSIONS, 0)];
        for (position, role) in self
            .guild_roles
            .get(&guild)
            .into_iter()
            .flatten()
            .enumerate()
        {
            roles.push(role_json(
                *role,
                &format!("role-{role}"),
                0,
                position as u64 + 1,
            ));
        }
        roles
    }

    pub(super) fn guild_json(&self, guild: u64) -> Value {
        json!({
            "id": guild.to_string(),
            "name": "Fake Guild",
            "icon": null,
            "icon_hash": null,
            "splash": null,
            "discovery_splash": null,
            "owner_id": OWNER_ID.to_string(),
            "verification_level": 0,
            "default_message_notifications": 0,
            "explicit_content_filter": 0,
            "roles": self.roles_json(guild),
            "emojis": [],
            "features": [],
            "mfa_level": 0,
            "application_id": null,
            "system_channel_id": null,
            "system_channel_flags": 0,
            "rules_channel_id": null,
            "max_presences": null,
            "max_members": 500_000,
            "vanity_url_code": null,
            "description": null,
            "banner": null,
            "premium_tier": 0,
            "premium_subscription_count": 0,
            "preferred_locale": "en-US",
            "public_updates_channel_id": null,
            "max_video_channel_users": 25,
            "nsfw_level": 0,
            "stickers": [],
            "premium_progress_bar_enabled": false,
            "safety_alerts_channel_id": null,
            "widget_enabled": false,
            "widget_channel_id": null,
        })
    }

    pub(super) fn member_json(&self, guild: u64, user_id: u64) -> Value {
        let roles = self
            .member_roles
            .get(&(guild, user_id))
            .cloned()
            .unwrap_or_default();
        let user = if user_id == BOT_ID {
            bot_user()
        } else {
            user(user_id)
        };
        member_json(user, &roles, None)
    }
}
