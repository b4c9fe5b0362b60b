//! What the API keys page shows.

use crate::api_tokens::TokenScope;
use serde::{Deserialize, Serialize};

/// The viewer's tokens, what they may create, and a token just created.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ApiTokens {
    pub tokens: Vec<ApiTokenRow>,
    /// (team id or none for the network, its name) the viewer may create
    /// tokens for, each with the scopes allowed there.
    pub targets: Vec<(Option<i32>, String, Vec<TokenScope>)>,
    /// The token created a moment ago, shown this once.
    pub created: Option<String>,
}

/// A token as listed (never the token itself).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ApiTokenRow {
    pub id: i32,
    pub name: String,
    pub scope: TokenScope,
    /// The team's name, or none for the network.
    pub team: Option<String>,
    pub created: String,
    pub expires: String,
    pub last_used: Option<String>,
    pub revoked: bool,
    pub expired: bool,
}
