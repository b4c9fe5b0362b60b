//! Wat werkt: teams to learn from, themes against outcomes, and how
//! lessons spread.

use crate::error::AppError;
use leptos::prelude::*;
use shared::dto;

/// Wat werkt: teams that stand out, and agreement themes against outcomes.
#[server(endpoint = "network/what-works")]
pub async fn load_what_works() -> Result<dto::WhatWorks, AppError> {
    use shared::permissions::Permission;
    let (request, _) = crate::auth::require(Permission::ReadNetwork)?;
    let state = crate::state::AppState::current();
    Ok(state
        .insight
        .what_works(&state.db, request.seen, state.suppression)
        .await?
        .as_ref()
        .clone())
}
