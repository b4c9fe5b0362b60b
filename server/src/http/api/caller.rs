//! Who calls the JSON API: the holder of the bearer token, checked on
//! every request (neither revoked nor expired, its creator still allowed
//! to make it), and audited with the route it asked for.

use super::Problem;
use app::api::write::{AuditAction, AuditedWrite, Change};
use app::auth::RequestContext;
use app::state::AppState;
use app::store::{api_tokens, entity::api_token, sessions};
use axum::extract::{FromRequestParts, MatchedPath};
use axum::http::{header, request::Parts};
use shared::api_tokens::{allows, ApiUse, TokenScope};

/// A request's token and the context its writes and audit entries use.
pub struct Caller {
    pub token: api_token::Model,
    pub request: RequestContext,
}

impl Caller {
    /// Refuses what the token does not allow.
    pub fn may(&self, wanted: ApiUse) -> Result<(), Problem> {
        let scope = TokenScope::from_code(&self.token.scope).ok_or_else(Problem::unauthorized)?;
        if allows(scope, self.token.team_id, wanted) {
            Ok(())
        } else {
            Err(Problem::forbidden(
                "Deze API-sleutel mag dit niet: alleen een aanleversleutel van dit team levert zijn resultaten aan.",
            ))
        }
    }
}

impl FromRequestParts<AppState> for Caller {
    type Rejection = Problem;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Problem> {
        let presented = parts
            .headers
            .get(header::AUTHORIZATION)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.strip_prefix("Bearer "))
            .map(str::trim)
            .filter(|t| !t.is_empty())
            .ok_or_else(Problem::unauthorized)?;
        let now = chrono::Utc::now();
        let token = api_tokens::active(&state.db, &sessions::hash_token(presented), now)
            .await?
            .ok_or_else(Problem::unauthorized)?;
        let holder = api_tokens::holder(&state.db, &token)
            .await?
            .ok_or_else(Problem::unauthorized)?;
        let client_addr = parts
            .extensions
            .get::<RequestContext>()
            .map(|c| c.client_addr.clone())
            .unwrap_or_default();
        let request = RequestContext {
            session: Some(holder),
            client_addr,
            ..RequestContext::default()
        };
        // The route, not the address: an address holds whatever was typed.
        let route = parts
            .extensions
            .get::<MatchedPath>()
            .map_or("", |p| p.as_str())
            .to_string();
        let use_ =
            serde_json::json!({ "methode": parts.method.as_str(), "route": route }).to_string();
        let write = AuditedWrite::begin_on(&state.db, &request).await?;
        api_tokens::used(write.db(), token.id, now).await?;
        write
            .commit(
                AuditAction::ApiUsed,
                Change::of("api-sleutel", token.id).after(use_),
            )
            .await?;
        Ok(Caller { token, request })
    }
}
