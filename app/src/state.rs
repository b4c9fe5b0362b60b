//! What every request handler and server function shares on the server.

use axum::extract::FromRef;
use leptos::prelude::LeptosOptions;
use sea_orm::DatabaseConnection;
use shared::suppression::SuppressionPolicy;

#[derive(Clone)]
pub struct AppState {
    pub leptos_options: LeptosOptions,
    pub db: DatabaseConnection,
    /// Suppression applied outside a team's own space.
    pub suppression: SuppressionPolicy,
    /// The site's public origin (e.g. https://wijkwijs.example.nl); when
    /// unset, the request's Host header is the origin.
    pub public_origin: Option<String>,
    /// The reverse proxies whose forwarding headers name the client.
    pub trusted_proxies: shared::proxy::TrustedProxies,
    /// What `/metrics` asks for as a bearer token; none: no `/metrics`.
    /// Never serialized (no state is).
    pub metrics_token: Option<String>,
    /// The contact `/.well-known/security.txt` names, if any.
    pub security_contact: Option<String>,
    /// Wat werkt and Vergelijken, kept until their data changes.
    pub insight: crate::store::insight_cache::InsightCache,
    /// The theme's name: its token values are `/pkg/themes/<theme>.css`.
    pub theme: String,
    /// Writes the audit entries of reads by group commit.
    pub audit: crate::store::audit::GroupWriter,
    /// Confirmed imports of results being applied in the background.
    pub imports_under_way: crate::store::imports::UnderWay,
    /// API tokens just created, each shown once to its creator.
    pub tokens_to_show: crate::store::api_tokens::ToShow,
}

impl FromRef<AppState> for LeptosOptions {
    fn from_ref(state: &AppState) -> Self {
        state.leptos_options.clone()
    }
}

impl AppState {
    /// The state of the current request (server functions and SSR).
    pub fn current() -> Self {
        leptos::prelude::expect_context::<AppState>()
    }
}
