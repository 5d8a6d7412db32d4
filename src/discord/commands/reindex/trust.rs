//! Who may change the data everyone is answered from: the operator's owners and, in the
//! operator's own servers, their moderators. One check, used by the gateway's `/reindex` and by
//! the HTTP endpoint.

use poise::serenity_prelude as serenity;

use crate::config::Config;

/// Who is asking to reindex, as Discord says.
pub struct Caller<'a> {
    /// The server the command came from (`None` in a DM).
    pub guild: Option<u64>,
    /// Whether the app is installed to that server (a user install never grants reindexing).
    pub guild_installed: bool,
    pub permissions: Option<serenity::Permissions>,
    pub roles: &'a [serenity::RoleId],
    pub user: serenity::UserId,
}

/// Whether this caller may change the data everyone is answered from. The data belongs to
/// the operator: owners (`OWNER_IDS`) may reindex from a DM or a home server; in a home server
/// (`HOME_GUILD_IDS`, `DISCORD_GUILD_ID`) where the app is installed, so may members with
/// Manage Server and holders of a `MODERATOR_ROLE_IDS` role. Nobody else, anywhere else.
pub fn may_reindex(caller: &Caller, config: &Config) -> bool {
    let owner = config.owner_ids.contains(&caller.user.get());
    match caller.guild {
        None => owner,
        Some(g) if !config.is_home(g) => false,
        Some(_) if owner => true,
        Some(_) => {
            caller.guild_installed
                && (caller
                    .permissions
                    .is_some_and(|p| p.manage_guild() || p.administrator())
                    || caller
                        .roles
                        .iter()
                        .any(|r| config.moderator_role_ids.contains(&r.get())))
        }
    }
}

/// Whether the user behind a `/reindex` interaction (from the gateway or the HTTP endpoint)
/// may change the data: [`may_reindex`] of what the interaction says about them.
pub fn interaction_may_reindex(i: &serenity::CommandInteraction, config: &Config) -> bool {
    let guild_installed = i.authorizing_integration_owners.0.iter().any(|o| {
        matches!(o, serenity::AuthorizingIntegrationOwner::GuildInstall(Some(g)) if Some(*g) == i.guild_id)
    });
    let (permissions, roles) = match &i.member {
        Some(m) => (m.permissions, m.roles.clone()),
        None => (None, Vec::new()),
    };
    let caller = Caller {
        guild: i.guild_id.map(|g| g.get()),
        guild_installed,
        permissions,
        roles: &roles,
        user: i.user.id,
    };
    may_reindex(&caller, config)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn who_may_reindex() {
        let cfg = Config::from_lookup(|k| match k {
            "MODERATOR_ROLE_IDS" => Some("55".into()),
            "OWNER_IDS" => Some("7".into()),
            "HOME_GUILD_IDS" => Some("100".into()),
            "DISCORD_GUILD_ID" => Some("101".into()),
            _ => None,
        })
        .unwrap();
        let nobody_home = Config::from_lookup(|k| (k == "OWNER_IDS").then(|| "7".into())).unwrap();
        let manage = Some(serenity::Permissions::MANAGE_GUILD);
        let admin = Some(serenity::Permissions::ADMINISTRATOR);
        let plain = Some(serenity::Permissions::SEND_MESSAGES);
        let role = [serenity::RoleId::new(55)];
        let other_role = [serenity::RoleId::new(56)];
        let (member, owner) = (serenity::UserId::new(1), serenity::UserId::new(7));
        // (guild, installed, permissions, roles, user, config, allowed)
        type Case<'a> = (
            Option<u64>,
            bool,
            Option<serenity::Permissions>,
            &'a [serenity::RoleId],
            serenity::UserId,
            &'a Config,
            bool,
        );
        let cases: [Case; 14] = [
            (Some(100), true, manage, &[], member, &cfg, true),
            (Some(101), true, admin, &[], member, &cfg, true),
            (Some(100), true, None, &role, member, &cfg, true),
            (Some(100), true, plain, &[], member, &cfg, false),
            (Some(100), true, None, &other_role, member, &cfg, false),
            // Another server's admin or moderator role: never.
            (Some(999), true, admin, &[], member, &cfg, false),
            (Some(999), true, None, &role, member, &cfg, false),
            // A user install in a home server grants nothing.
            (Some(100), false, manage, &role, member, &cfg, false),
            // Owners: from a DM or a home server, not from someone else's.
            (None, false, None, &[], owner, &cfg, true),
            (Some(100), false, None, &[], owner, &cfg, true),
            (Some(999), true, admin, &[], owner, &cfg, false),
            (None, false, admin, &role, member, &cfg, false),
            // With no home server only owners reindex.
            (Some(100), true, manage, &[], member, &nobody_home, false),
            (None, false, None, &[], owner, &nobody_home, true),
        ];
        for (i, (guild, guild_installed, permissions, roles, user, config, want)) in
            cases.into_iter().enumerate()
        {
            let caller = Caller {
                guild,
                guild_installed,
                permissions,
                roles,
                user,
            };
            assert_eq!(may_reindex(&caller, config), want, "case {i}");
        }
    }
}
