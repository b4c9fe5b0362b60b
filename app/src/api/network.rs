//! Reading the network: the overview and a team's space. (Each server
//! function also defines a struct named after it, hence `dto::` paths.)

use crate::error::AppError;
use leptos::prelude::*;
use shared::dto;

#[server(endpoint = "network/overview")]
pub async fn network_overview() -> Result<dto::NetworkOverview, AppError> {
    let state = crate::state::AppState::current();
    Ok(crate::store::network::overview(&state.db, state.suppression).await?)
}

#[server(endpoint = "network/team")]
pub async fn team_space(team_id: i32) -> Result<dto::TeamSpace, AppError> {
    let state = crate::state::AppState::current();
    crate::store::network::team_space(&state.db, team_id, state.suppression)
        .await?
        .ok_or(AppError::NotFound)
}
