//! Zoeken: lessons and agreements by their words.

use crate::error::AppError;
use leptos::prelude::*;
use shared::dto;

/// Lessons and agreements holding every word of `q`, within the filters.
#[server(endpoint = "network/search")]
pub async fn load_search(
    q: String,
    kind: String,
    theme: String,
    doelgroep: String,
    wijk: String,
) -> Result<dto::SearchResults, AppError> {
    use shared::permissions::Permission;
    crate::auth::require(Permission::ReadNetwork)?;
    let state = crate::state::AppState::current();
    let query = dto::SearchQuery::from_params(&q, &kind, &theme, &doelgroep, &wijk);
    Ok(dto::SearchResults {
        hits: crate::store::search::search(&state.db, &query).await?,
        wijken: crate::store::search::wijk_options(&state.db).await?,
        query,
    })
}
