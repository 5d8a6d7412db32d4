//! Reindexing in a child process, so that building an index never grows the serving process's
//! memory: the JSON lines `streambot index --json` writes on its standard output, and the parent
//! side that runs it, follows its progress and reads its outcome.
//!
//! The protocol, one JSON object per line:
//! `{"event":"progress","done":1200,"total":9000}` (at most about five a second),
//! then exactly one of `{"event":"done",…Summary}` (exit 0),
//! `{"event":"busy","pid":1234}` (exit [`EXIT_BUSY`]; `pid` may be null),
//! `{"event":"data_error","message":"…"}` (exit 3; the message is meant for moderators) or
//! `{"event":"failed"}` (exit 3; the details are in the child's log on standard error).

use std::path::PathBuf;
use std::process::Stdio;

use serde::{Deserialize, Serialize};
use tokio::io::{AsyncBufReadExt, BufReader};
use tokio::sync::watch;

use crate::corpus::Action;
use crate::search::{Rebuilt, SearchError};

/// Exit status of `streambot index` when another process holds the index's lock.
pub const EXIT_BUSY: u8 = 4;

/// What a finished reindex built.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Summary {
    pub titles: usize,
    pub passages: usize,
    pub facts: usize,
    pub files: usize,
    pub build_ms: u64,
    pub repaired: usize,
    pub merged: usize,
    /// Each skipped row, as `file:line: reason`.
    pub skipped: Vec<String>,
}

impl Summary {
    pub fn of(rebuilt: &Rebuilt) -> Summary {
        let info = &rebuilt.info;
        Summary {
            titles: info.titles,
            passages: info.passages,
            facts: info.facts,
            files: info.files.len(),
            build_ms: info.build_ms,
            repaired: rebuilt.report.count(Action::Repaired),
            merged: rebuilt.report.count(Action::Merged),
            skipped: rebuilt
                .report
                .notes
                .iter()
                .filter(|n| n.action == Action::Skipped)
                .map(|n| n.to_string())
                .collect(),
        }
    }
}

/// One line of the child's standard output.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "event", rename_all = "snake_case")]
pub enum Event {
    Progress { done: u64, total: u64 },
    Done(Summary),
    Busy { pid: Option<u32> },
    DataError { message: String },
    Failed,
}

impl Event {
    /// The last event of a reindex that ended with `e`.
    pub fn of_error(e: &SearchError) -> Event {
        match e {
            SearchError::Busy { pid } => Event::Busy { pid: *pid },
            SearchError::Corpus(c) => Event::DataError {
                message: c.to_string(),
            },
            _ => Event::Failed,
        }
    }

    pub fn to_line(&self) -> String {
        serde_json::to_string(self).unwrap_or_else(|_| r#"{"event":"failed"}"#.to_string())
    }
}

/// How a child reindex ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// The new index is committed; reload to serve it.
    Done(Summary),
    /// Another reindex holds the index.
    Busy { pid: Option<u32> },
    /// The data could not be read; the message is meant for moderators.
    DataError(String),
    /// The child failed, crashed or was killed. `detail` is for the log only.
    Failed { detail: String },
}

/// What to run: the binary, and the directories it reads and writes.
#[derive(Debug, Clone)]
pub struct Child {
    pub exe: PathBuf,
    pub data: Vec<PathBuf>,
    pub index: PathBuf,
    /// Recorded in the index as who built it.
    pub built_by: String,
}

impl Child {
    /// `exe` (or this very binary) reindexing `index` from `data`.
    pub fn new(exe: Option<PathBuf>, data: Vec<PathBuf>, index: PathBuf, built_by: &str) -> Child {
        let exe = exe
            .or_else(|| std::env::current_exe().ok())
            .unwrap_or_else(|| PathBuf::from("streambot"));
        Child {
            exe,
            data,
            index,
            built_by: built_by.to_string(),
        }
    }

    /// Runs the child to its end, publishing its progress in `progress`. Killed if this future
    /// is dropped.
    pub async fn run(&self, progress: watch::Sender<Option<(u64, u64)>>) -> Outcome {
        let mut cmd = tokio::process::Command::new(&self.exe);
        for d in &self.data {
            cmd.arg("--data").arg(d);
        }
        cmd.arg("--index")
            .arg(&self.index)
            .args(["index", "--json", "--by"])
            .arg(&self.built_by)
            .env_remove("DISCORD_TOKEN")
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .kill_on_drop(true);
        let mut child = match cmd.spawn() {
            Ok(c) => c,
            Err(e) => {
                return Outcome::Failed {
                    detail: format!("cannot start {}: {e}", self.exe.display()),
                };
            }
        };
        tracing::info!(pid = child.id(), exe = %self.exe.display(), "reindexing in a child process");
        let mut last = None;
        if let Some(out) = child.stdout.take() {
            let mut lines = BufReader::new(out).lines();
            while let Ok(Some(line)) = lines.next_line().await {
                match serde_json::from_str::<Event>(&line) {
                    Ok(Event::Progress { done, total }) => {
                        let _ = progress.send(Some((done, total)));
                    }
                    Ok(e) => last = Some(e),
                    Err(_) => tracing::warn!(line, "unexpected output from the reindexing child"),
                }
            }
        }
        let status = match child.wait().await {
            Ok(s) => s,
            Err(e) => {
                return Outcome::Failed {
                    detail: format!("lost the reindexing child: {e}"),
                };
            }
        };
        match last {
            Some(Event::Done(summary)) if status.success() => Outcome::Done(summary),
            Some(Event::Busy { pid }) => Outcome::Busy { pid },
            None if status.code() == Some(i32::from(EXIT_BUSY)) => Outcome::Busy {
                pid: crate::search::lock::holder(&self.index),
            },
            Some(Event::DataError { message }) => Outcome::DataError(message),
            last => Outcome::Failed {
                detail: format!("the reindexing child ended with {status}, last said {last:?}"),
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn events_are_one_json_object_a_line() {
        assert_eq!(
            Event::Progress { done: 3, total: 9 }.to_line(),
            r#"{"event":"progress","done":3,"total":9}"#
        );
        assert_eq!(
            Event::Busy { pid: Some(42) }.to_line(),
            r#"{"event":"busy","pid":42}"#
        );
        assert_eq!(Event::Failed.to_line(), r#"{"event":"failed"}"#);
        let done = Event::Done(Summary {
            titles: 1,
            passages: 2,
            facts: 3,
            files: 4,
            build_ms: 5,
            repaired: 6,
            merged: 7,
            skipped: vec!["a.csv:2: empty title".into()],
        });
        assert_eq!(
            done.to_line(),
            r#"{"event":"done","titles":1,"passages":2,"facts":3,"files":4,"build_ms":5,"repaired":6,"merged":7,"skipped":["a.csv:2: empty title"]}"#
        );
        assert_eq!(
            serde_json::from_str::<Event>(&done.to_line()).unwrap(),
            done
        );
    }

    #[test]
    fn errors_become_their_events() {
        assert_eq!(
            Event::of_error(&SearchError::Busy { pid: None }),
            Event::Busy { pid: None }
        );
        assert_eq!(
            Event::of_error(&SearchError::NotAnIndex("x".into())),
            Event::Failed
        );
    }

    #[tokio::test]
    async fn a_child_that_cannot_start_is_a_failure() {
        let child = Child::new(
            Some("/nonexistent/streambot".into()),
            vec![],
            "index".into(),
            "test",
        );
        let (tx, _rx) = watch::channel(None);
        assert!(matches!(child.run(tx).await, Outcome::Failed { .. }));
    }
}
