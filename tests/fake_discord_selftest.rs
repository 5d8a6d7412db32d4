//! Checks the fake Discord itself (tests/support/fake_discord/) against real serenity: payloads deserialize, a real client connects, gets answers, resumes, and Discord's limits are enforced.
mod support;

use std::sync::Arc;
use std::time::Duration;

use serde_json::{Value, json};
use serenity::all::{
    ApplicationId, ChannelId, Client, ClientBuilder, Command, CommandDataOptionValue, Context,
    CreateAttachment, CreateAutocompleteResponse, CreateCommand, CreateCommandOption,
    CreateInteractionResponse, CreateInteractionResponseFollowup, CreateInteractionResponseMessage,
    CreateMessage, EventHandler, GatewayIntents, GuildId, Http, HttpBuilder, Interaction,
    InteractionId, Message, Ready, ShardManager, UserId,
};
use support::fake_discord::{self as fake, FakeDiscord, within};

const GUILD: u64 = fake::GUILD_ID;
const CHANNEL: u64 = fake::CHANNEL_ID;
const USER: u64 = 1_220_000_000_000_000_001;
const DM_CHANNEL: u64 = 1_220_000_000_000_000_002;
const STEP: Duration = Duration::from_secs(10);

// ---------------------------------------------------------------------------
// Builders deserialize with serenity
// ---------------------------------------------------------------------------

fn as_interaction(payload: Value) -> Interaction {
    serde_json::from_value::<Interaction>(payload.clone())
        .unwrap_or_else(|e| panic!("serenity rejects builder payload: {e}\n{payload:#}"))
}

#[test]
fn builders_deserialize_with_serenity() {
    let options = json!([
        fake::option("title", 3, json!("Dune")),
        fake::option("count", 4, json!(3))
    ]);
    match as_interaction(fake::slash_in_guild(
        11,
        GUILD,
        CHANNEL,
        USER,
        &[77, 78],
        8,
        "find",
        options,
    )) {
        Interaction::Command(c) => {
            assert_eq!(c.data.name, "find");
            assert_eq!(c.guild_id, Some(GuildId::new(GUILD)));
            assert_eq!(
                c.user.id,
                UserId::new(USER),
                "member.user must become interaction.user"
            );
            let member = c.member.expect("member");
            assert_eq!(member.roles.len(), 2);
            assert_eq!(member.permissions.expect("member.permissions").bits(), 8);
            assert!(
                c.app_permissions.is_some(),
                "app_permissions (poise needs it)"
            );
            assert_eq!(c.data.options[1].value, CommandDataOptionValue::Integer(3));
        }
        other => panic!("expected a command, got {other:?}"),
    }

    match as_interaction(fake::slash_in_dm(12, DM_CHANNEL, USER, "find", json!([]))) {
        Interaction::Command(c) => {
            assert!(c.guild_id.is_none() && c.member.is_none());
            assert_eq!(c.user.id, UserId::new(USER));
        }
        other => panic!("expected a command, got {other:?}"),
    }

    let focused = json!([fake::focused_option("title", 3, "Du")]);
    match as_interaction(fake::autocomplete(
        13, GUILD, CHANNEL, USER, "find", focused,
    )) {
        Interaction::Autocomplete(c) => {
            assert_eq!(c.data.autocomplete().expect("focused").value, "Du")
        }
        other => panic!("expected autocomplete, got {other:?}"),
    }

    match as_interaction(fake::button_click(14, GUILD, CHANNEL, USER, "next", 99)) {
        Interaction::Component(c) => {
            assert_eq!(c.data.custom_id, "next");
            assert_eq!(c.message.id.get(), 99);
            assert_eq!(c.user.id, UserId::new(USER));
            assert!(c.message.interaction_metadata.is_some());
        }
        other => panic!("expected a component, got {other:?}"),
    }
    assert!(matches!(
        as_interaction(fake::button_click_in_dm(15, DM_CHANNEL, USER, "next", 99)),
        Interaction::Component(_)
    ));

    let file = fake::attachment(
        555,
        "list.csv",
        12,
        "http://127.0.0.1:1/attachments/555/list.csv",
        "text/csv",
    );
    let payload = fake::with_resolved_attachments(
        fake::slash_in_guild(
            16,
            GUILD,
            CHANNEL,
            USER,
            &[],
            0,
            "import",
            json!([fake::attachment_option("file", &file)]),
        ),
        &[file],
    );
    match as_interaction(payload) {
        Interaction::Command(c) => {
            let id = c.data.options[0]
                .value
                .as_attachment_id()
                .expect("attachment option");
            assert_eq!(c.data.resolved.attachments[&id].filename, "list.csv");
        }
        other => panic!("expected a command, got {other:?}"),
    }

    let sub = json!([fake::subcommand(
        "add",
        json!([fake::option("name", 3, json!("x"))])
    )]);
    assert!(matches!(
        as_interaction(fake::slash_in_guild(
            17,
            GUILD,
            CHANNEL,
            USER,
            &[],
            0,
            "list",
            sub
        )),
        Interaction::Command(_)
    ));

    let message: Message =
        serde_json::from_value(fake::dm_message(20, DM_CHANNEL, USER, false, "hello"))
            .expect("dm_message deserializes as Message");
    assert!(message.guild_id.is_none());
    assert_eq!(message.content, "hello");
    assert!(!message.author.bot);
}

// ---------------------------------------------------------------------------
// REST shapes and limits, through serenity's Http (no gateway needed)
// ---------------------------------------------------------------------------

fn http_for(fake: &FakeDiscord) -> Http {
    HttpBuilder::new("fake-token")
        .proxy(fake.base_url())
        .ratelimiter_disabled(true)
        .build()
}

fn status_of(err: &serenity::Error) -> Option<u16> {
    match err {
        serenity::Error::Http(serenity::http::HttpError::UnsuccessfulRequest(r)) => {
            Some(r.status_code.as_u16())
        }
        _ => None,
    }
}

/// The last recorded request whose path ends with `suffix`.
fn last(fake: &FakeDiscord, suffix: &str) -> fake::Recorded {
    fake.requests()
        .into_iter()
        .rev()
        .find(|r| r.path.ends_with(suffix))
        .expect("request recorded")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn rest_routes_deserialize_and_limits_are_enforced() {
    within(Duration::from_secs(60), "rest selftest", async {
        let fake = FakeDiscord::start().await;
        let http = http_for(&fake);
        http.set_application_id(ApplicationId::new(fake::APP_ID));

        // Shapes serenity must be able to read.
        let app = http.get_current_application_info().await.expect("application info");
        assert_eq!(app.id.get(), fake::APP_ID);
        assert_eq!(app.owner.expect("owner").id.get(), fake::OWNER_ID);
        assert_eq!(http.get_current_user().await.expect("current user").id.get(), fake::BOT_ID);
        assert_eq!(http.get_gateway().await.expect("gateway").url, fake.gateway_url());
        http.get_bot_gateway().await.expect("bot gateway");
        let guild = http.get_guild(GuildId::new(GUILD)).await.expect("guild");
        assert_eq!(guild.id.get(), GUILD);
        assert!(!http.get_guild_roles(GuildId::new(GUILD)).await.expect("roles").is_empty());
        http.get_member(GuildId::new(GUILD), UserId::new(USER)).await.expect("member");
        http.get_channel(ChannelId::new(CHANNEL)).await.expect("guild channel");
        let dm = UserId::new(USER).create_dm_channel(&http).await.expect("dm channel");
        assert_eq!(dm.recipient.id.get(), USER);
        let again = http.get_channel(dm.id).await.expect("dm channel by id");
        assert!(again.private().is_some(), "a DM channel comes back as private");

        // Command registration echoes the body with ids.
        let cmds = vec![CreateCommand::new("find").description("Find a title").add_option(
            CreateCommandOption::new(serenity::all::CommandOptionType::String, "title", "The title").required(true),
        )];
        let registered = Command::set_global_commands(&http, cmds).await.expect("register");
        assert_eq!(registered[0].id.get(), fake::command_id("find"));
        assert_eq!(fake.registered_commands()[0]["name"], "find");
        let bad = vec![CreateCommand::new("Find").description("uppercase is refused by Discord")];
        let err = Command::set_global_commands(&http, bad).await.expect_err("uppercase name");
        assert_eq!(status_of(&err), Some(400));

        // Messages: limits (raw JSON, because serenity's builders refuse > 2000 chars themselves).
        let channel = ChannelId::new(CHANNEL);
        let ok = http.send_message(channel, vec![], &json!({ "content": "é".repeat(2000) })).await;
        assert_eq!(ok.expect("2000 chars are fine").content.chars().count(), 2000);
        let err = http.send_message(channel, vec![], &json!({ "content": "é".repeat(2001) })).await.unwrap_err();
        assert_eq!(status_of(&err), Some(400));
        let rec = last(&fake, "/messages");
        assert_eq!((rec.status, rec.rejected.is_some()), (400, true), "{rec:?}");

        let embed = |title: usize, desc: usize| json!({ "title": "t".repeat(title), "description": "d".repeat(desc) });
        let field = |v: usize| json!({ "name": "n", "value": "v".repeat(v) });
        let row = |n: usize| {
            let buttons: Vec<Value> = (0..n).map(|i| json!({ "type": 2, "style": 1, "label": "b", "custom_id": format!("b{i}-{n}") })).collect();
            json!({ "type": 1, "components": buttons })
        };
        let rows = |count: usize| -> Vec<Value> {
            (0..count).map(|r| {
                let mut one = row(1);
                one["components"][0]["custom_id"] = json!(format!("r{r}"));
                one
            }).collect()
        };
        let refused = [
            ("title 257", json!({ "embeds": [embed(257, 1)] })),
            ("description 4097", json!({ "embeds": [embed(1, 4097)] })),
            ("11 embeds", json!({ "embeds": vec![embed(1, 1); 11] })),
            ("26 fields", json!({ "embeds": [{ "fields": vec![field(1); 26] }] })),
            ("field value 1025", json!({ "embeds": [{ "fields": [field(1025)] }] })),
            ("footer 2049", json!({ "embeds": [{ "footer": { "text": "f".repeat(2049) } }] })),
            ("6001 over two embeds", json!({ "embeds": [embed(1, 3000), embed(1, 2999)] })),
            ("6 rows", json!({ "content": "x", "components": rows(6) })),
            ("6 buttons", json!({ "content": "x", "components": [row(6)] })),
            ("empty message", json!({ "content": "" })),
        ];
        for (what, body) in refused {
            let result = http.send_message(channel, vec![], &body).await;
            assert_eq!(result.as_ref().err().and_then(status_of), Some(400), "{what} must be refused");
            assert!(last(&fake, "/messages").rejected.is_some(), "{what} recorded as rejected");
        }
        let fine = json!({ "embeds": [embed(256, 4096)], "components": rows(5) });
        http.send_message(channel, vec![], &fine).await.expect("limits themselves are fine");

        // Multipart: payload_json is recorded, files are kept and downloadable.
        let sent = channel
            .send_message(&http, CreateMessage::new().content("with file").add_file(CreateAttachment::bytes(b"a,b\n1,2\n".to_vec(), "list.csv")))
            .await
            .expect("multipart message");
        let rec = last(&fake, "/messages");
        assert_eq!(rec.json["content"], "with file");
        assert_eq!(rec.files.len(), 1);
        assert_eq!(rec.files[0].bytes, b"a,b\n1,2\n");
        assert_eq!(sent.attachments[0].filename, "list.csv");
        assert_eq!(sent.attachments[0].download().await.expect("download"), b"a,b\n1,2\n");

        // serve_attachment: a URL on the fake that serenity can download.
        let url = fake.serve_attachment("titles.txt", b"Dune".to_vec());
        let att: serenity::all::Attachment =
            serde_json::from_value(fake::attachment(1, "titles.txt", 4, &url, "text/plain")).expect("attachment");
        assert_eq!(att.download().await.expect("served attachment"), b"Dune");

        // Injected failures happen once.
        fake.fail_next("/users/@me", 500, json!({ "message": "boom", "code": 0 }));
        assert_eq!(status_of(&http.get_current_user().await.unwrap_err()), Some(500));
        http.get_current_user().await.expect("only the next request fails");
        fake.fail_next("/users/@me", 429, json!({ "message": "You are being rate limited.", "retry_after": 0.25, "global": false }));
        assert_eq!(status_of(&http.get_current_user().await.unwrap_err()), Some(429));

        // Unknown routes: 404, recorded.
        let err = http.get_emojis(GuildId::new(GUILD)).await.unwrap_err();
        assert_eq!(status_of(&err), Some(404));
        assert_eq!(last(&fake, "/emojis").rejected.as_deref(), Some("unknown route"));
    })
    .await;
}

// ---------------------------------------------------------------------------
// A real serenity client over the gateway
// ---------------------------------------------------------------------------

struct Handler;

#[serenity::async_trait]
impl EventHandler for Handler {
    async fn ready(&self, ctx: Context, _ready: Ready) {
        let commands = vec![
            CreateCommand::new("ping").description("Replies with pong"),
            CreateCommand::new("slow").description("Answers after the deadline"),
        ];
        if let Err(e) = Command::set_global_commands(&ctx.http, commands).await {
            eprintln!("command registration failed: {e}");
        }
    }

    async fn interaction_create(&self, ctx: Context, interaction: Interaction) {
        let result = match interaction {
            Interaction::Command(cmd) if cmd.data.name == "defer" => {
                let done = async {
                    cmd.defer_ephemeral(&ctx.http).await?;
                    cmd.create_followup(
                        &ctx.http,
                        CreateInteractionResponseFollowup::new().content("done"),
                    )
                    .await
                };
                done.await.map(|_| ())
            }
            Interaction::Command(cmd) => {
                if cmd.data.name == "slow" {
                    tokio::time::sleep(Duration::from_millis(3500)).await;
                }
                let reply = CreateInteractionResponseMessage::new().content("pong");
                cmd.create_response(&ctx.http, CreateInteractionResponse::Message(reply))
                    .await
            }
            Interaction::Autocomplete(ac) => {
                let typed = ac
                    .data
                    .autocomplete()
                    .map(|o| o.value.to_string())
                    .unwrap_or_default();
                let n = if typed == "many" { 26 } else { 3 };
                let choices = (0..n).fold(CreateAutocompleteResponse::new(), |r, i| {
                    r.add_string_choice(format!("c{i}"), format!("c{i}"))
                });
                ac.create_response(&ctx.http, CreateInteractionResponse::Autocomplete(choices))
                    .await
            }
            Interaction::Component(click) => {
                let update = CreateInteractionResponseMessage::new()
                    .content(format!("clicked {}", click.data.custom_id));
                click
                    .create_response(&ctx.http, CreateInteractionResponse::UpdateMessage(update))
                    .await
            }
            _ => Ok(()),
        };
        if let Err(e) = result {
            eprintln!("interaction response failed (may be intended): {e}");
        }
    }

    async fn message(&self, ctx: Context, msg: Message) {
        if msg.guild_id.is_none() && !msg.author.bot {
            let _ = msg
                .channel_id
                .say(&ctx.http, format!("echo: {}", msg.content))
                .await;
        }
    }
}

async fn start_bot(fake: &FakeDiscord) -> (Arc<Http>, Arc<ShardManager>) {
    let http = HttpBuilder::new("fake-token")
        .proxy(fake.base_url())
        .ratelimiter_disabled(true)
        .build();
    let intents = GatewayIntents::non_privileged() | GatewayIntents::DIRECT_MESSAGES;
    let mut client: Client = ClientBuilder::new_with_http(http, intents)
        .event_handler(Handler)
        .await
        .expect("client");
    let (http, shards) = (client.http.clone(), client.shard_manager.clone());
    tokio::spawn(async move {
        if let Err(e) = client.start().await {
            eprintln!("client stopped: {e}");
        }
    });
    (http, shards)
}

/// Dispatches `/ping` and returns its first callback.
async fn ping(fake: &FakeDiscord, interaction_id: u64) -> fake::Recorded {
    fake.dispatch(
        "INTERACTION_CREATE",
        fake::slash_in_guild(
            interaction_id,
            GUILD,
            CHANNEL,
            USER,
            &[],
            0,
            "ping",
            json!([]),
        ),
    );
    fake.wait_for_callback(interaction_id, Duration::from_secs(5))
        .await
        .unwrap_or_else(|| panic!("no callback for interaction {interaction_id} within 5 s"))
}

async fn wait_until(what: &str, mut done: impl FnMut() -> bool) {
    within(STEP, what, async {
        while !done() {
            tokio::time::sleep(Duration::from_millis(10)).await;
        }
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn serenity_client_connects_answers_and_resumes() {
    within(Duration::from_secs(90), "gateway selftest", async {
        let fake = FakeDiscord::start().await;
        let (http, shards) = start_bot(&fake).await;

        // READY, then the bot registers its commands.
        assert!(
            fake.wait_connected(STEP).await,
            "READY + command registration"
        );
        assert_eq!(fake.identify_count(), 1);
        let identify = fake
            .gateway_log()
            .into_iter()
            .find(|f| f["op"] == 2)
            .expect("IDENTIFY logged");
        let intents = identify["d"]["intents"].as_u64().expect("intents");
        assert_ne!(intents & GatewayIntents::DIRECT_MESSAGES.bits(), 0);
        let names: Vec<Value> = fake
            .registered_commands()
            .iter()
            .map(|c| c["name"].clone())
            .collect();
        assert_eq!(names, vec![json!("ping"), json!("slow")]);

        // A slash command is answered with "pong" (type 4) in time.
        let cb = ping(&fake, 1001).await;
        assert_eq!(
            (cb.status, cb.callback_type(), cb.content()),
            (204, Some(4), Some("pong")),
            "{cb:?}"
        );
        assert!(fake.first_response_latency(1001).expect("latency") < Duration::from_secs(3));
        assert_eq!(
            fake.original_response(1001).expect("original")["content"],
            "pong"
        );

        // Discord's rules for a second initial response and for webhooks.
        let token = fake::token_for(1001);
        let again = json!({ "type": 4, "data": { "content": "again" } });
        let err = http
            .create_interaction_response(InteractionId::new(1001), &token, &again, vec![])
            .await
            .unwrap_err();
        assert_eq!(status_of(&err), Some(400), "already acknowledged");
        let follow = http
            .create_followup_message(&token, &json!({ "content": "more" }), vec![])
            .await
            .expect("follow-up");
        assert_eq!(follow.content, "more");
        let edited = http
            .edit_original_interaction_response(&token, &json!({ "content": "edited" }), vec![])
            .await
            .expect("edit");
        assert_eq!(edited.content, "edited");
        assert_eq!(
            http.get_original_interaction_response(&token)
                .await
                .expect("get original")
                .content,
            "edited"
        );
        let too_long = json!({ "content": "x".repeat(2001) });
        let err = http
            .create_followup_message(&token, &too_long, vec![])
            .await
            .unwrap_err();
        assert_eq!(status_of(&err), Some(400), "follow-up over 2000 chars");
        http.delete_original_interaction_response(&token)
            .await
            .expect("delete original");

        // A deferral (type 5), used in a DM: the first follow-up fills the "thinking" message,
        // which stays ephemeral.
        fake.dispatch(
            "INTERACTION_CREATE",
            fake::slash_in_dm(1011, DM_CHANNEL, USER, "defer", json!([])),
        );
        let cb = fake.wait_for_callback(1011, STEP).await.expect("deferred");
        assert_eq!((cb.status, cb.callback_type()), (204, Some(5)), "{cb:?}");
        let webhook = |r: &fake::Recorded| {
            r.interaction_id == Some(1011)
                && r.method == "POST"
                && r.path.starts_with("/api/v10/webhooks/")
        };
        assert_eq!(
            fake.wait_for(webhook, STEP)
                .await
                .expect("follow-up after deferral")
                .status,
            200
        );
        let original = fake.original_response(1011).expect("original");
        assert_eq!(original["content"], "done");
        assert_eq!(
            original["flags"]
                .as_u64()
                .map(|f| f & (fake::EPHEMERAL | fake::LOADING)),
            Some(fake::EPHEMERAL)
        );
        assert!(
            fake.followups(1011).is_empty(),
            "the first follow-up replaced the deferral"
        );

        // A callback after 3 s is refused like Discord does, and marked late.
        fake.dispatch(
            "INTERACTION_CREATE",
            fake::slash_in_guild(1002, GUILD, CHANNEL, USER, &[], 0, "slow", json!([])),
        );
        let late = fake
            .wait_for_callback(1002, Duration::from_secs(8))
            .await
            .expect("late callback arrives");
        assert_eq!((late.status, late.late), (404, true), "{late:?}");
        assert!(fake.first_response_latency(1002).expect("latency") > Duration::from_secs(3));

        // Autocomplete: 3 choices accepted, 26 refused.
        fake.dispatch(
            "INTERACTION_CREATE",
            fake::autocomplete(
                1003,
                GUILD,
                CHANNEL,
                USER,
                "ping",
                json!([fake::focused_option("q", 3, "few")]),
            ),
        );
        let cb = fake
            .wait_for_callback(1003, STEP)
            .await
            .expect("autocomplete answered");
        assert_eq!((cb.status, cb.callback_type()), (204, Some(8)), "{cb:?}");
        fake.dispatch(
            "INTERACTION_CREATE",
            fake::autocomplete(
                1004,
                GUILD,
                CHANNEL,
                USER,
                "ping",
                json!([fake::focused_option("q", 3, "many")]),
            ),
        );
        let cb = fake
            .wait_for_callback(1004, STEP)
            .await
            .expect("autocomplete answered");
        assert_eq!(cb.status, 400, "26 choices: {cb:?}");

        // A button click is answered with UPDATE_MESSAGE.
        fake.dispatch(
            "INTERACTION_CREATE",
            fake::button_click(1005, GUILD, CHANNEL, USER, "next", 4242),
        );
        let cb = fake
            .wait_for_callback(1005, STEP)
            .await
            .expect("button answered");
        assert_eq!(
            (cb.status, cb.callback_type(), cb.content()),
            (204, Some(7), Some("clicked next")),
            "{cb:?}"
        );
        assert_eq!(
            fake.original_response(1005).expect("updated message")["content"],
            "clicked next"
        );
        let follow = http
            .create_followup_message(
                &fake::token_for(1005),
                &json!({ "content": "after click" }),
                vec![],
            )
            .await;
        assert_eq!(
            follow
                .expect("follow-up to a component parses as Message")
                .content,
            "after click"
        );

        // A DM arrives as MESSAGE_CREATE and is answered in the same channel.
        fake.dispatch(
            "MESSAGE_CREATE",
            fake::dm_message(5001, DM_CHANNEL, USER, false, "hi"),
        );
        let reply = fake
            .wait_for(
                |r| {
                    r.method == "POST"
                        && r.path == format!("/api/v10/channels/{DM_CHANNEL}/messages")
                },
                STEP,
            )
            .await
            .expect("DM answered");
        assert_eq!(reply.content(), Some("echo: hi"));

        // RECONNECT: the bot resumes and keeps answering.
        assert!(fake.send_op(7, Value::Null));
        wait_until("resume after RECONNECT", || fake.resume_count() == 1).await;
        assert_eq!(ping(&fake, 1006).await.status, 204);

        // A dropped socket (no close frame): the bot resumes again.
        assert!(fake.drop_connection());
        wait_until("resume after a dropped socket", || fake.resume_count() == 2).await;
        assert_eq!(ping(&fake, 1007).await.status, 204);

        // INVALID_SESSION(false): the bot identifies again.
        assert!(fake.send_op(9, json!(false)));
        within(
            Duration::from_secs(15),
            "re-IDENTIFY after INVALID_SESSION",
            async {
                while fake.identify_count() < 2 {
                    tokio::time::sleep(Duration::from_millis(10)).await;
                }
            },
        )
        .await;
        assert_eq!(ping(&fake, 1008).await.status, 204);

        assert!(
            fake.requests()
                .iter()
                .all(|r| r.rejected.as_deref() != Some("unknown route")),
            "the bot only used known routes"
        );
        shards.shutdown_all().await;
    })
    .await;
}
