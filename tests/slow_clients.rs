//! Slow and stalled clients against the bot's HTTP listeners: headers or a body trickled a byte
//! at a time, an idle keep-alive connection, a half-sent request at shutdown. Each is cut off
//! within the documented limits ([`streambot::listen::Timeouts`]), on the real interactions
//! endpoint and on a listener with short limits.

mod support;

use std::time::{Duration, Instant};

use axum::Router;
use axum::routing::get;
use streambot::listen::{self, BODY_WITHIN, Timeouts};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

use support::http_endpoint as endpoint;

/// Writes `head` then one byte of `trickle` every `every` until the server closes the
/// connection; returns how long the server took to close it and what it answered.
async fn trickle(addr: &str, head: &[u8], trickle: &[u8], every: Duration) -> (Duration, String) {
    let started = Instant::now();
    let mut stream = TcpStream::connect(addr).await.unwrap();
    stream.write_all(head).await.unwrap();
    let mut answer = Vec::new();
    for byte in trickle.iter().cycle() {
        let mut buf = [0u8; 1024];
        match tokio::time::timeout(every, stream.read(&mut buf)).await {
            Ok(Ok(0)) | Ok(Err(_)) => break,
            Ok(Ok(n)) => answer.extend_from_slice(&buf[..n]),
            Err(_) => {
                if stream.write_all(&[*byte]).await.is_err() {
                    break;
                }
            }
        }
        assert!(
            started.elapsed() < Duration::from_secs(120),
            "never cut off"
        );
    }
    (
        started.elapsed(),
        String::from_utf8_lossy(&answer).into_owned(),
    )
}

fn host(url: &str) -> String {
    url.trim_start_matches("http://")
        .trim_end_matches('/')
        .to_string()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_endpoint_cuts_off_trickled_headers_and_bodies() {
    let ep = endpoint::start("slow", &[]).await;
    let addr = host(&ep.url);
    // Headers, a byte every 2 s: cut off by the 5 s header limit.
    let (took, _) = trickle(
        &addr,
        b"POST / HTTP/1.1\r\n",
        b"X-Slow: yes\r\n",
        Duration::from_secs(2),
    )
    .await;
    assert!(
        took >= Timeouts::DEFAULT.header
            && took < Timeouts::DEFAULT.header + Duration::from_secs(4),
        "headers cut off after {took:?}"
    );
    // A body declared as 1000 bytes, a byte every 2 s, before any signature is checked:
    // answered 408 when the body deadline passes.
    let head = b"POST / HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n";
    let (took, answer) = trickle(&addr, head, b"{", Duration::from_secs(2)).await;
    assert!(
        took >= BODY_WITHIN && took < BODY_WITHIN + Duration::from_secs(4),
        "body cut off after {took:?}"
    );
    assert!(answer.starts_with("HTTP/1.1 408"), "{answer}");
    // A declared body over the limit is refused before it is read.
    let head = b"POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 100000000\r\n\r\n";
    let (took, answer) = trickle(&addr, head, b"x", Duration::from_secs(2)).await;
    assert!(answer.starts_with("HTTP/1.1 413"), "{answer}");
    assert!(took < Duration::from_secs(4), "{took:?}");
}

fn short() -> Timeouts {
    Timeouts {
        header: Duration::from_secs(1),
        connection: Duration::from_secs(2),
        grace: Duration::from_secs(1),
    }
}

async fn small_listener(
    shutdown: impl std::future::Future<Output = ()> + Send + 'static,
) -> (String, tokio::task::JoinHandle<()>) {
    let router = Router::new().route("/", get(|| async { "hello" }));
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap().to_string();
    let task = tokio::spawn(listen::serve(listener, router, short(), shutdown));
    (addr, task)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_idle_keep_alive_connection_is_closed_after_the_header_limit() {
    let (addr, _task) = small_listener(std::future::pending()).await;
    let started = Instant::now();
    let mut stream = TcpStream::connect(&addr).await.unwrap();
    stream
        .write_all(b"GET / HTTP/1.1\r\nHost: x\r\n\r\n")
        .await
        .unwrap();
    let mut all = Vec::new();
    let read = tokio::time::timeout(Duration::from_secs(10), stream.read_to_end(&mut all)).await;
    assert!(read.is_ok(), "the idle connection stayed open");
    let text = String::from_utf8_lossy(&all);
    assert!(
        text.starts_with("HTTP/1.1 200") && text.ends_with("hello"),
        "{text}"
    );
    let took = started.elapsed();
    // Waiting for the next request's headers is bounded by the header limit (hyper's timer
    // runs from the end of the previous response), well before the connection's end of life.
    assert!(
        took >= short().header && took < short().connection,
        "{took:?}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_half_sent_request_does_not_hold_up_shutdown() {
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let (addr, task) = small_listener(async {
        let _ = stopped.await;
    })
    .await;
    let mut stream = TcpStream::connect(&addr).await.unwrap();
    stream.write_all(b"GET / HTTP/1.1\r\nHo").await.unwrap();
    tokio::time::sleep(Duration::from_millis(200)).await;
    let started = Instant::now();
    stop.send(()).unwrap();
    tokio::time::timeout(Duration::from_secs(5), task)
        .await
        .expect("shutdown waited on a stalled client")
        .unwrap();
    assert!(started.elapsed() <= short().grace + Duration::from_secs(1));
}
