//! What ingestion did to the rows it could not take as they were, so that moderators can fix the
//! data: every skipped, repaired or merged row, with its file and line.

use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    /// The row was left out.
    Skipped,
    /// The row was taken after fixing a known quirk.
    Repaired,
    /// The row duplicated an earlier one and was merged into it.
    Merged,
}

/// One note about one row (or a whole file, at line 0).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RowNote {
    pub file: String,
    pub line: u64,
    pub action: Action,
    pub detail: String,
}

impl std::fmt::Display for RowNote {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let action = match self.action {
            Action::Skipped => "skipped",
            Action::Repaired => "repaired",
            Action::Merged => "merged",
        };
        write!(f, "{}:{}: {action}: {}", self.file, self.line, self.detail)
    }
}

/// All notes of one load, in file order.
#[derive(Debug, Clone, Default, Serialize)]
pub struct LoadReport {
    pub notes: Vec<RowNote>,
}

impl LoadReport {
    pub fn note(&mut self, file: &str, line: u64, action: Action, detail: impl Into<String>) {
        self.notes.push(RowNote {
            file: file.to_string(),
            line,
            action,
            detail: detail.into(),
        });
    }

    pub fn count(&self, action: Action) -> usize {
        self.notes.iter().filter(|n| n.action == action).count()
    }
}
