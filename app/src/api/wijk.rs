//! A wijk's page: its teams, totals, run charts and lessons.

use crate::error::AppError;
use leptos::prelude::*;
use shared::dto;

/// A wijk as a whole: its teams, totals and lessons.
#[server(endpoint = "network/wijk")]
pub async fn load_wijk(wijk_id: i32) -> Result<dto::WijkView, AppError> {
    use shared::permissions::Permission;
    let (request, _) = crate::auth::require(Permission::ReadNetwork)?;
    let state = crate::state::AppState::current();
    state
        .insight
        .wijk(&state.db, request.seen, wijk_id, state.suppression)
        .await?
        .map(|kept| kept.as_ref().clone())
        .ok_or_else(|| AppError::NotFound.with_status())
}
