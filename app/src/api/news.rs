//! What is new in a team's space for one of its members, and marking it
//! seen.

use crate::error::AppError;
use leptos::prelude::*;
use shared::news::TeamNews;

/// The viewer's news of their team `team_id`.
#[server(endpoint = "news/team")]
pub async fn load_team_news(team_id: i32) -> Result<TeamNews, AppError> {
    use shared::permissions::Permission;
    let (_, viewer) = crate::auth::require(Permission::WriteTeam(team_id))?;
    let state = crate::state::AppState::current();
    Ok(
        crate::store::news::for_member(&state.db, viewer.account_id, team_id, chrono::Utc::now())
            .await?,
    )
}

/// Marks everything in the team's news seen for the viewer; back to the
/// team's overview.
#[server(endpoint = "news/seen")]
pub async fn mark_news_seen(team_id: i32) -> Result<(), AppError> {
    use super::write::{AuditAction, AuditedWrite, Change};
    use shared::permissions::Permission;
    let (request, viewer) = crate::auth::require(Permission::WriteTeam(team_id))?;
    let write = AuditedWrite::begin(&request).await?;
    let (before, after) =
        crate::store::news::mark_seen(write.db(), viewer.account_id, team_id, chrono::Utc::now())
            .await?;
    write
        .commit(
            AuditAction::NewsSeen,
            Change::of("team", team_id)
                .before(before.as_ref().map(crate::store::news::json))
                .after(crate::store::news::json(&after)),
        )
        .await?;
    leptos_axum::redirect(&format!("/teams/{team_id}"));
    Ok(())
}
