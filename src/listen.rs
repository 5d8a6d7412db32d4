//! Every HTTP listener the bot opens (the interactions endpoint, the metrics port) serves
//! through here, so that no client can hold a connection or a shutdown hostage: headers must
//! arrive within [`Timeouts::header`] (which also ends idle keep-alive connections), a
//! connection lives at most [`Timeouts::connection`], and on shutdown in-flight requests get
//! [`Timeouts::grace`] before their connections are dropped. Request bodies are read with a
//! deadline by the handlers themselves ([`BODY_WITHIN`]).

use std::future::Future;
use std::time::Duration;

use axum::Router;
use hyper::server::conn::http1;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::service::TowerToHyperService;
use tokio::net::TcpListener;
use tokio::sync::watch;
use tokio::task::JoinSet;

/// How long a handler waits for a request's whole body.
pub const BODY_WITHIN: Duration = Duration::from_secs(10);

/// The time limits of a listener.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Timeouts {
    /// From the connection's start, or the end of the previous response on a keep-alive
    /// connection, to a request's last header: this also closes idle keep-alive connections.
    pub header: Duration,
    /// A connection's whole life, keep-alive included; then it is closed politely.
    pub connection: Duration,
    /// After a polite close (shutdown or end of life), how long a request may still finish.
    pub grace: Duration,
}

impl Timeouts {
    /// The documented values (README, "Deployment").
    pub const DEFAULT: Timeouts = Timeouts {
        header: Duration::from_secs(5),
        connection: Duration::from_secs(60),
        grace: Duration::from_secs(5),
    };
}

/// Serves `router` on `listener` until `shutdown` completes, then lets in-flight requests
/// finish for at most `limits.grace`.
pub async fn serve(
    listener: TcpListener,
    router: Router,
    limits: Timeouts,
    shutdown: impl Future<Output = ()>,
) {
    let (stop, stopped) = watch::channel(false);
    let mut connections = JoinSet::new();
    tokio::pin!(shutdown);
    loop {
        tokio::select! {
            _ = &mut shutdown => break,
            accepted = listener.accept() => match accepted {
                Ok((stream, _)) => {
                    let service = TowerToHyperService::new(router.clone());
                    connections.spawn(connection(stream, service, limits, stopped.clone()));
                }
                Err(e) => {
                    tracing::warn!(error = %e, "could not accept a connection");
                    tokio::time::sleep(Duration::from_millis(50)).await;
                }
            },
            Some(_) = connections.join_next(), if !connections.is_empty() => {}
        }
    }
    drop(listener);
    let _ = stop.send(true);
    let drained = tokio::time::timeout(limits.grace, async {
        while connections.join_next().await.is_some() {}
    })
    .await;
    if drained.is_err() {
        tracing::info!(
            left = connections.len(),
            "closing connections still open after the shutdown grace"
        );
        connections.abort_all();
    }
}

/// One connection, closed politely at the end of its life or on shutdown, and dropped
/// `grace` later whatever the client does.
async fn connection(
    stream: tokio::net::TcpStream,
    service: TowerToHyperService<Router>,
    limits: Timeouts,
    mut stopped: watch::Receiver<bool>,
) {
    let conn = http1::Builder::new()
        .timer(TokioTimer::new())
        .header_read_timeout(limits.header)
        .serve_connection(TokioIo::new(stream), service);
    tokio::pin!(conn);
    let life = tokio::time::sleep(limits.connection);
    tokio::pin!(life);
    tokio::select! {
        _ = conn.as_mut() => return,
        _ = &mut life => {}
        _ = stopped.wait_for(|s| *s) => {}
    }
    conn.as_mut().graceful_shutdown();
    if tokio::time::timeout(limits.grace, conn).await.is_err() {
        tracing::debug!("dropped a connection that did not finish within the grace");
    }
}
