//! The REST routes under `/api/v10`: parsing, rate-limit headers, injected failures and the dispatch to each route.

use super::*;

/// What a route answers.
pub(super) struct Outcome {
    pub(super) status: u16,
    pub(super) body: Body,
    pub(super) rejected: Option<String>,
    pub(super) late: bool,
    pub(super) headers: Vec<(&'static str, String)>,
}

pub(super) enum Body {
    Json(Value),
    Empty,
    Raw(String, Vec<u8>),
}

impl Outcome {
    pub(super) fn json(body: Value) -> Self {
        Self {
            status: 200,
            body: Body::Json(body),
            rejected: None,
            late: false,
            headers: Vec::new(),
        }
    }

    pub(super) fn no_content() -> Self {
        Self {
            status: 204,
            body: Body::Empty,
            rejected: None,
            late: false,
            headers: Vec::new(),
        }
    }

    /// An error the way Discord words it (`{"message", "code"}`), recorded with `reason`.
    pub(super) fn error(status: u16, code: u64, message: &str, reason: impl Into<String>) -> Self {
        let reason = reason.into();
        Self {
            status,
            body: Body::Json(json!({ "message": message, "code": code, "fake_reason": reason })),
            rejected: Some(reason),
            late: false,
            headers: Vec::new(),
        }
    }

    /// 400 Invalid Form Body; serenity shows `message`, so the reason goes in there too.
    pub(super) fn invalid(reason: String) -> Self {
        Self::error(400, 50035, &format!("Invalid Form Body: {reason}"), reason)
    }

    pub(super) fn not_found(reason: &str) -> Self {
        Self::error(404, 0, "404: Not Found", reason)
    }

    pub(super) fn into_response(self) -> Response {
        let status = StatusCode::from_u16(self.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
        let mut response = match self.body {
            Body::Json(v) => (
                status,
                [(header::CONTENT_TYPE, "application/json")],
                v.to_string(),
            )
                .into_response(),
            Body::Empty => status.into_response(),
            Body::Raw(content_type, bytes) => {
                (status, [(header::CONTENT_TYPE, content_type)], bytes).into_response()
            }
        };
        for (name, value) in self.headers {
            if let Ok(value) = HeaderValue::from_str(&value) {
                response
                    .headers_mut()
                    .insert(HeaderName::from_static(name), value);
            }
        }
        response
    }
}

/// A request body, decoded.
pub(super) struct Parsed {
    pub(super) json: Value,
    pub(super) files: Vec<RecordedFile>,
    pub(super) error: Option<String>,
}

pub(super) async fn rest_handler(
    AxumState(inner): AxumState<Arc<Inner>>,
    method: Method,
    uri: Uri,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let at = Instant::now();
    let path = uri.path().to_string();
    let parsed = parse_body(&headers, &body);
    let mut w = inner.world();
    let interaction_id = w.interaction_of_path(&path);
    if let (Some(id), true) = (interaction_id, path.ends_with("/callback"))
        && let Some(ix) = w.interactions.get_mut(&id)
    {
        ix.first_callback_at.get_or_insert(at);
    }
    let authorized = match (&inner.options.token, headers.get(header::AUTHORIZATION)) {
        (None, _) => true,
        // Discord serves the gateway URL to anyone.
        _ if path == "/api/v10/gateway" => true,
        (Some(token), Some(given)) => {
            given.to_str().ok().map(|g| g.trim_start_matches("Bot ")) == Some(token.as_str())
        }
        (Some(_), None) => false,
    };
    let outcome = if !authorized {
        Outcome::error(
            401,
            0,
            "401: Unauthorized",
            String::from("wrong or missing bot token"),
        )
    } else if let Some(pos) = w
        .failures
        .iter()
        .position(|f| path.contains(&f.path_contains))
    {
        let failure = w.failures.remove(pos).expect("position is valid");
        injected(failure)
    } else if let Some(error) = &parsed.error {
        Outcome::error(
            400,
            50109,
            "The request body contains invalid JSON.",
            error.clone(),
        )
    } else {
        w.route(&inner, method.as_str(), &path, &parsed, at)
    };
    w.requests.push(Recorded {
        method: method.to_string(),
        path,
        query: uri.query().map(str::to_string),
        json: parsed.json,
        files: parsed.files,
        status: outcome.status,
        rejected: outcome.rejected.clone(),
        late: outcome.late,
        interaction_id,
        at,
    });
    drop(w);
    outcome.into_response()
}

pub(super) fn injected(failure: InjectedFailure) -> Outcome {
    let mut outcome = Outcome {
        status: failure.status,
        body: Body::Json(failure.body.clone()),
        rejected: Some(format!("injected failure {}", failure.status)),
        late: false,
        headers: Vec::new(),
    };
    if failure.status == 429 {
        let secs = failure
            .body
            .get("retry_after")
            .and_then(Value::as_f64)
            .unwrap_or(1.0);
        outcome
            .headers
            .push(("retry-after", format!("{}", secs.ceil() as u64)));
        outcome
            .headers
            .push(("x-ratelimit-scope", "user".to_string()));
    }
    outcome
}

impl World {
    /// The interaction a callback or webhook path belongs to.
    pub(super) fn interaction_of_path(&self, path: &str) -> Option<u64> {
        let seg: Vec<&str> = path.strip_prefix("/api/v10/")?.split('/').collect();
        match seg.as_slice() {
            ["interactions", id, _, "callback"] => id.parse().ok(),
            ["webhooks", _, token, ..] => self.tokens.get(*token).copied(),
            _ => None,
        }
    }

    pub(super) fn route(
        &mut self,
        inner: &Inner,
        method: &str,
        path: &str,
        body: &Parsed,
        at: Instant,
    ) -> Outcome {
        if let Some(key) = path.strip_prefix("/attachments/") {
            return match (method, self.files.get(key)) {
                ("GET", Some((content_type, bytes))) => Outcome {
                    status: 200,
                    body: Body::Raw(content_type.clone(), bytes.clone()),
                    rejected: None,
                    late: false,
                    headers: Vec::new(),
                },
                _ => Outcome::not_found("unknown attachment"),
            };
        }
        let Some(api) = path.strip_prefix("/api/v10/") else {
            return Outcome::not_found("not under /api/v10");
        };
        let seg: Vec<&str> = api.split('/').collect();
        match (method, seg.as_slice()) {
            ("GET", ["gateway"]) => Outcome::json(json!({ "url": inner.gateway_url() })),
            ("GET", ["gateway", "bot"]) => Outcome::json(json!({
                "url": inner.gateway_url(),
                "shards": inner.options.shards,
                "session_start_limit": { "total": 1000, "remaining": 999, "reset_after": 14_400_000, "max_concurrency": 1 },
            })),
            ("GET", ["oauth2", "applications", "@me"]) | ("GET", ["applications", "@me"]) => {
                Outcome::json(application_info())
            }
            ("GET", ["users", "@me"]) => Outcome::json(current_user()),
            ("PUT", ["applications", app, "commands"]) => self.put_commands(app, None, &body.json),
            ("PUT", ["applications", app, "guilds", guild, "commands"]) => {
                match guild.parse::<u64>() {
                    Ok(guild) => self.put_commands(app, Some(guild), &body.json),
                    Err(_) => Outcome::not_found("bad guild id"),
                }
            }
            ("GET", ["applications", _, "commands"]) => Outcome::json(Value::Array(
                self.global_commands.clone().unwrap_or_default(),
            )),
            ("GET", ["applications", _, "guilds", guild, "commands"]) => {
                let cmds = guild
                    .parse()
                    .ok()
                    .and_then(|g: u64| self.guild_commands.get(&g).cloned());
                Outcome::json(Value::Array(cmds.unwrap_or_default()))
            }
            ("POST", ["interactions", id, token, "callback"]) => {
                self.callback(inner, id, token, body, at)
            }
            ("POST", ["webhooks", app, token]) => self.followup(inner, app, token, body, at),
            (_, ["webhooks", app, token, "messages", message]) => {
                self.webhook_message(inner, method, app, token, message, body, at)
            }
            ("POST", ["channels", channel, "messages"]) => {
                self.create_channel_message(inner, channel, body)
            }
            ("PATCH" | "DELETE", ["channels", _, "messages", message]) => {
                self.edit_channel_message(inner, method, message, body)
            }
            ("POST", ["channels", _, "typing"]) => Outcome::no_content(),
            ("GET", ["channels", channel]) => match channel.parse::<u64>() {
                Ok(channel) => Outcome::json(self.channel_json(channel)),
                Err(_) => Outcome::not_found("bad channel id"),
            },
            ("POST", ["users", "@me", "channels"]) => self.open_dm(&body.json),
            ("GET", ["guilds", guild]) => match guild.parse::<u64>() {
                Ok(guild) => Outcome::json(self.guild_json(guild)),
                Err(_) => Outcome::not_found("bad guild id"),
            },
            ("GET", ["guilds", guild, "roles"]) => match guild.parse::<u64>() {
                Ok(guild) => Outcome::json(Value::Array(self.roles_json(guild))),
                Err(_) => Outcome::not_found("bad guild id"),
            },
            ("GET", ["guilds", guild, "members", user]) => {
                match (guild.parse::<u64>(), user.parse::<u64>()) {
                    (Ok(guild), Ok(user)) => Outcome::json(self.member_json(guild, user)),
                    _ => Outcome::not_found("bad guild or user id"),
                }
            }
            _ => Outcome::not_found("unknown route"),
        }
    }
}
