//! API keys for registration systems (`/api/v1`): the viewer's own, made
//! and revoked here. A key is shown once, on the page loaded right after
//! it was made; only its fingerprint is kept. Creating and revoking are
//! audited, as is every use (`server/src/http/api`).

#[cfg(feature = "ssr")]
use super::write::{AuditAction, AuditedWrite, Change};
use crate::error::AppError;
use leptos::prelude::*;
use shared::dto;

/// Where the keys are managed.
pub const TOKENS_PAGE: &str = "/api-sleutels";

/// The viewer's keys, where they may make one, and a key just made.
#[server(endpoint = "account/api-tokens")]
pub async fn api_tokens() -> Result<dto::ApiTokens, AppError> {
    use shared::api_tokens::{may_create, TokenScope};
    use shared::permissions::Permission;
    let (request, viewer) = crate::auth::require(Permission::ManageOwnAccount)?;
    let state = crate::state::AppState::current();
    let now = chrono::Utc::now();
    let kept = crate::store::api_tokens::of_account(&state.db, viewer.account_id).await?;
    let mut ids: Vec<i32> = kept
        .iter()
        .filter_map(|t| t.team_id)
        .chain(viewer.teams.iter().map(|m| m.team_id))
        .collect();
    ids.sort_unstable();
    ids.dedup();
    let names = crate::store::teams::team_names(&state.db, &ids).await?;
    let tokens = kept
        .into_iter()
        .filter_map(|t| {
            Some(dto::ApiTokenRow {
                id: t.id,
                scope: TokenScope::from_code(&t.scope)?,
                team: t.team_id.and_then(|id| names.get(&id).cloned()),
                name: t.name,
                created: shared::clock::local_timestamp(t.created_at),
                expires: shared::clock::local_timestamp(t.expires_at),
                last_used: t.last_used_at.map(shared::clock::local_timestamp),
                revoked: t.revoked_at.is_some(),
                expired: t.expires_at <= now,
            })
        })
        .collect();
    let allowed = |team: Option<i32>| -> Vec<TokenScope> {
        TokenScope::ALL
            .into_iter()
            .filter(|&scope| may_create(&viewer, team, scope))
            .collect()
    };
    let targets = std::iter::once((
        None,
        shared::i18n::t(shared::i18n::Text::TokenNetwork).to_string(),
    ))
    .chain(
        viewer
            .teams
            .iter()
            .filter_map(|m| Some((Some(m.team_id), names.get(&m.team_id)?.clone()))),
    )
    .map(|(team, name)| (team, name, allowed(team)))
    .filter(|(_, _, scopes)| !scopes.is_empty())
    .collect();
    let created = request
        .session
        .as_ref()
        .and_then(|s| state.tokens_to_show.take(s.session_id, now));
    Ok(dto::ApiTokens {
        tokens,
        targets,
        created,
    })
}

/// Makes a key; it is shown once, on the keys page.
#[server(endpoint = "account/api-tokens/create")]
pub async fn create_api_token(
    name: String,
    scope: String,
    #[server(default)] team: String,
    #[server(default)] days: String,
) -> Result<(), AppError> {
    use crate::error::FormErrors;
    use shared::api_tokens::{check, may_create, TokenForm};
    use shared::i18n::Text;
    use shared::permissions::Permission;
    let (request, viewer) = crate::auth::require(Permission::ManageOwnAccount)?;
    let form = TokenForm {
        name,
        scope,
        team,
        days,
    };
    let mut errors = FormErrors::typed(&form);
    let token = errors.take(check(&form));
    if let Some(token) = &token {
        if !may_create(&viewer, token.team, token.scope) {
            errors.add("team", Text::TokenNotAllowed);
        }
    }
    let token = errors.accepted(token)?;
    let state = crate::state::AppState::current();
    if let Some(team) = token.team {
        if crate::store::teams::team_names(&state.db, &[team])
            .await?
            .is_empty()
        {
            return Err(AppError::NotFound.with_status());
        }
    }
    let secret = crate::store::sessions::new_token();
    let now = chrono::Utc::now();
    let write = AuditedWrite::begin(&request).await?;
    let id = crate::store::api_tokens::create(
        write.db(),
        &token,
        crate::store::sessions::hash_token(&secret),
        viewer.account_id,
        now,
    )
    .await?;
    let summary = serde_json::json!({
        "name": token.name,
        "scope": token.scope.code(),
        "team": token.team,
        "days": token.days,
    })
    .to_string();
    write
        .commit(
            AuditAction::ApiTokenCreated,
            Change::of("api-sleutel", id).after(summary),
        )
        .await?;
    // Shown by the page loaded next: the same page again, after a plain
    // form post (back to where it came from) or the script's reload.
    if let Some(session) = &request.session {
        state.tokens_to_show.put(session.session_id, secret, now);
    }
    Ok(())
}

/// Revokes one of the viewer's keys; it works no more from now on.
#[server(endpoint = "account/api-tokens/revoke")]
pub async fn revoke_api_token(id: i32) -> Result<(), AppError> {
    use shared::permissions::Permission;
    let (request, viewer) = crate::auth::require(Permission::ManageOwnAccount)?;
    let write = AuditedWrite::begin(&request).await?;
    let revoked =
        crate::store::api_tokens::revoke(write.db(), id, viewer.account_id, chrono::Utc::now())
            .await?;
    if !revoked {
        return Err(AppError::NotFound.with_status());
    }
    write
        .commit(AuditAction::ApiTokenRevoked, Change::of("api-sleutel", id))
        .await
}
