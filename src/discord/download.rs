//! Downloading an attachment from Discord's CDN with a hard size cap and a status check, so a
//! wrong size in the payload or an error page never becomes "the file".

use std::time::Duration;

/// Why a download failed.
#[derive(Debug, thiserror::Error)]
pub enum DownloadError {
    #[error("the file is larger than {0} bytes")]
    TooLarge(usize),
    #[error("the server answered {0}")]
    Status(u16),
    #[error("the download failed: {0}")]
    Http(#[from] reqwest::Error),
}

/// Fetches `url`, refusing a non-success status and stopping as soon as more than `max` bytes
/// arrived.
pub async fn capped(url: &str, max: usize) -> Result<Vec<u8>, DownloadError> {
    let client = reqwest::Client::builder()
        .timeout(Duration::from_secs(60))
        .build()?;
    let mut response = client.get(url).send().await?;
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
