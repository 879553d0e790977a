//! A case: one dispute with one client.

use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Case {
    /// Who the client is.
    pub client: String,
    /// What the dispute is about, in a line.
    pub summary: String,
    /// Set on the worked example, so it is clearly marked and easy to delete.
    pub example: bool,
}

impl Case {
    /// How the case is named in lists and notices.
    pub fn title(&self) -> String {
        let client = self.client.trim();
        if client.is_empty() {
            "Untitled case".into()
        } else {
            client.to_string()
        }
    }
}
