//! The network's overview: gemeenten, wijken and teams with their latest
//! figures. (Each server function also defines a struct named after it,
//! hence `dto::` paths.)

use crate::error::AppError;
use leptos::prelude::*;
use shared::dto;

/// The overview, of one gemeente when asked.
#[server(endpoint = "network/overview")]
pub async fn network_overview(
    #[server(default)] gemeente: String,
) -> Result<dto::NetworkOverview, AppError> {
    use shared::permissions::Permission;
    let (request, _) = crate::auth::require(Permission::ReadNetwork)?;
    let state = crate::state::AppState::current();
    let gemeente = dto::gemeente_param(&gemeente).map_err(|()| AppError::NotFound.with_status())?;
    state
        .insight
        .overview(&state.db, request.seen, gemeente, state.suppression)
        .await?
        .map(|kept| kept.as_ref().clone())
        .ok_or_else(|| AppError::NotFound.with_status())
}
