//! The operators' HTTP listener at `METRICS_ADDR`: `/metrics` (Prometheus text format),
//! `/healthz` (the process is up) and `/readyz` (ready to answer, see [`Readiness`]).

use std::net::SocketAddr;
use std::sync::OnceLock;
use std::time::{Duration, SystemTime};

use axum::Router;
use axum::extract::State;
use axum::http::{StatusCode, header};
use axum::response::IntoResponse;
use axum::routing::get;
use metrics_exporter_prometheus::PrometheusHandle;

use super::{HEALTH, Readiness};

/// Why the listener could not start.
#[derive(Debug, thiserror::Error)]
pub enum ServeError {
    #[error("cannot listen on {addr} for metrics: {source}")]
    Bind {
        addr: SocketAddr,
        source: std::io::Error,
    },
    #[error("cannot record metrics: {0}")]
    Recorder(String),
}

/// How often histograms are drained and idle series pruned.
const UPKEEP_EVERY: Duration = Duration::from_secs(5);

/// The process's recorder, installed on first use (once per process, whoever asks first).
fn recorder() -> Result<&'static PrometheusHandle, ServeError> {
    static HANDLE: OnceLock<Result<PrometheusHandle, String>> = OnceLock::new();
    let installed = HANDLE.get_or_init(|| {
        let handle = super::builder()
            .install_recorder()
            .map_err(|e| e.to_string())?;
        super::describe();
        let upkeep = handle.clone();
        std::thread::Builder::new()
            .name("metrics-upkeep".into())
            .spawn(move || {
                loop {
                    std::thread::sleep(UPKEEP_EVERY);
                    upkeep.run_upkeep();
                }
            })
            .map_err(|e| e.to_string())?;
        Ok(handle)
    });
    installed
        .as_ref()
        .map_err(|e| ServeError::Recorder(e.clone()))
}

/// Installs the metrics recorder and serves `/metrics`, `/healthz` and `/readyz` on `addr` from
/// a task of the current runtime. Returns the bound address (`addr` may have port 0).
pub async fn serve(addr: SocketAddr, readiness: Readiness) -> Result<SocketAddr, ServeError> {
    let handle = recorder()?;
    let listener = tokio::net::TcpListener::bind(addr)
        .await
        .map_err(|source| ServeError::Bind { addr, source })?;
    let bound = listener
        .local_addr()
        .map_err(|source| ServeError::Bind { addr, source })?;
    let app = Router::new()
        .route("/metrics", get(metrics))
        .route("/healthz", get(healthz))
        .route("/readyz", get(readyz))
        .with_state((handle, readiness));
    tokio::spawn(crate::listen::serve(
        listener,
        app,
        crate::listen::Timeouts::DEFAULT,
        std::future::pending(),
    ));
    Ok(bound)
}

type Shared = (&'static PrometheusHandle, Readiness);

const TEXT: &str = "text/plain; charset=utf-8";
/// The Prometheus text exposition format.
const EXPOSITION: &str = "text/plain; version=0.0.4; charset=utf-8";

async fn metrics(State((handle, _)): State<Shared>) -> impl IntoResponse {
    HEALTH.publish(SystemTime::now());
    ([(header::CONTENT_TYPE, EXPOSITION)], handle.render())
}

async fn healthz() -> impl IntoResponse {
    ([(header::CONTENT_TYPE, TEXT)], "ok\n")
}

async fn readyz(State((_, readiness)): State<Shared>) -> impl IntoResponse {
    match HEALTH.ready(readiness) {
        Ok(()) => (
            StatusCode::OK,
            [(header::CONTENT_TYPE, TEXT)],
            "ready\n".to_string(),
        ),
        Err(why) => (
            StatusCode::SERVICE_UNAVAILABLE,
            [(header::CONTENT_TYPE, TEXT)],
            format!("not ready: {why}\n"),
        ),
    }
}
