//! Downloading an attachment from Discord's CDN with a hard size cap and a status check, so a
//! wrong size in the payload or an error page never becomes "the file". Only Discord's
//! attachment hosts (and the configured API base, which tests point at loopback) are fetched,
//! and a redirect is followed only when it stays on them: an attachment URL cannot make the bot
//! fetch, store and index anything from elsewhere.

use std::time::Duration;

use reqwest::Url;

/// The hosts Discord serves attachments from (always over HTTPS).
pub const ATTACHMENT_HOSTS: [&str; 2] = ["cdn.discordapp.com", "media.discordapp.net"];
/// At most this many redirects, each one to an allowed host.
const MAX_REDIRECTS: usize = 3;
/// The whole download, connection included.
const DOWNLOAD_WITHIN: Duration = Duration::from_secs(60);

/// Why a download failed.
#[derive(Debug, thiserror::Error)]
pub enum DownloadError {
    #[error("the file is larger than {0} bytes")]
    TooLarge(usize),
    #[error("the server answered {0}")]
    Status(u16),
    #[error("{0} is not one of Discord's attachment hosts")]
    OffHost(String),
    #[error("the download failed: {0}")]
    Http(#[from] reqwest::Error),
}

/// Where attachments may come from: Discord's hosts, plus `api_base` (scheme, host and port)
/// when the bot is pointed at another API (a fake Discord in tests).
#[derive(Debug, Clone)]
pub struct Allowed {
    api_base: Option<Url>,
}

impl Allowed {
    pub fn new(api_base: Option<&str>) -> Allowed {
        Allowed {
            api_base: api_base.and_then(|b| Url::parse(b).ok()),
        }
    }

    /// Whether `url` is on an allowed host.
    pub fn permits(&self, url: &Url) -> bool {
        let discord = url.scheme() == "https"
            && url.port().is_none()
            && url
                .host_str()
                .is_some_and(|h| ATTACHMENT_HOSTS.contains(&h.to_ascii_lowercase().as_str()));
        let base = self.api_base.as_ref().is_some_and(|b| {
            b.scheme() == url.scheme()
                && b.host_str() == url.host_str()
                && b.port_or_known_default() == url.port_or_known_default()
        });
        discord || base
    }
}

/// Fetches `url` from an allowed host, refusing a non-success status, a redirect off the
/// allowed hosts, and stopping as soon as more than `max` bytes arrived.
pub async fn capped(url: &str, max: usize, allowed: &Allowed) -> Result<Vec<u8>, DownloadError> {
    let off_host = || DownloadError::OffHost(host_of(url));
    let parsed = Url::parse(url).map_err(|_| off_host())?;
    if !allowed.permits(&parsed) {
        return Err(off_host());
    }
    let policy = allowed.clone();
    let client = reqwest::Client::builder()
        .timeout(DOWNLOAD_WITHIN)
        .redirect(reqwest::redirect::Policy::custom(move |attempt| {
            if attempt.previous().len() < MAX_REDIRECTS && policy.permits(attempt.url()) {
                attempt.follow()
            } else {
                attempt.stop()
            }
        }))
        .build()?;
    let mut response = client.get(parsed).send().await?;
    if response.status().is_redirection() {
        let to = response
            .headers()
            .get(reqwest::header::LOCATION)
            .and_then(|l| l.to_str().ok())
            .unwrap_or("");
        return Err(DownloadError::OffHost(host_of(to)));
    }
    if !response.status().is_success() {
        return Err(DownloadError::Status(response.status().as_u16()));
    }
    if response.content_length().is_some_and(|n| n > max as u64) {
        return Err(DownloadError::TooLarge(max));
    }
    let mut bytes = Vec::new();
    while let Some(chunk) = response.chunk().await? {
        if bytes.len() + chunk.len() > max {
            return Err(DownloadError::TooLarge(max));
        }
        bytes.extend_from_slice(&chunk);
    }
    Ok(bytes)
}

/// The host of `url` for the log, bounded (never the whole URL: it may carry a signature).
fn host_of(url: &str) -> String {
    let host = Url::parse(url)
        .ok()
        .and_then(|u| u.host_str().map(str::to_string))
        .unwrap_or_else(|| "an unreadable address".to_string());
    host.chars().take(100).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_discord_hosts_and_the_api_base_are_allowed() {
        let none = Allowed::new(None);
        let local = Allowed::new(Some("http://127.0.0.1:4242"));
        let cases = [
            (
                "https://cdn.discordapp.com/attachments/1/2/a.csv",
                true,
                true,
            ),
            (
                "https://media.discordapp.net/attachments/1/2/a.csv",
                true,
                true,
            ),
            ("https://CDN.discordapp.com/a.csv", true, true),
            ("http://cdn.discordapp.com/a.csv", false, false),
            ("https://cdn.discordapp.com:8443/a.csv", false, false),
            (
                "https://cdn.discordapp.com.evil.example/a.csv",
                false,
                false,
            ),
            (
                "https://evil.example/cdn.discordapp.com/a.csv",
                false,
                false,
            ),
            ("https://user@evil.example/a.csv", false, false),
            ("http://127.0.0.1:4242/attachments/a.csv", false, true),
            ("http://127.0.0.1:4243/attachments/a.csv", false, false),
            ("http://localhost:4242/a.csv", false, false),
            ("file:///etc/passwd", false, false),
        ];
        for (url, by_default, with_base) in cases {
            let u = Url::parse(url).unwrap();
            assert_eq!(none.permits(&u), by_default, "{url}");
            assert_eq!(local.permits(&u), with_base, "{url} with a base");
        }
    }

    #[tokio::test]
    async fn an_off_host_url_is_refused_before_any_request() {
        let allowed = Allowed::new(None);
        let err = capped("http://127.0.0.1:9/file.csv", 10, &allowed)
            .await
            .unwrap_err();
        assert_eq!(
            err.to_string(),
            "127.0.0.1 is not one of Discord's attachment hosts"
        );
    }
}
