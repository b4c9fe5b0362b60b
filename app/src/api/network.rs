//! Reading the network: the overview, a wijk and a team's space. (Each server
//! function also defines a struct named after it, hence `dto::` paths.)

use crate::error::AppError;
use leptos::prelude::*;
use shared::dto;

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

/// A team's space. A view by someone outside the team is audited.
#[server(endpoint = "network/team")]
pub async fn team_space(team_id: i32) -> Result<dto::TeamSpace, AppError> {
    use shared::permissions::{self, Permission};
    let (request, viewer) = crate::auth::require(Permission::ReadNetwork)?;
    let state = crate::state::AppState::current();
    // A team sees its own figures in full; everyone else, suppressed.
    let policy = if viewer.is_member(team_id) {
        shared::suppression::SuppressionPolicy::OWN_TEAM
    } else {
        state.suppression
    };
    let acting = crate::store::teams::acting_teams(&state.db, &viewer).await?;
    let partners: Vec<i32> = acting
        .iter()
        .map(|t| t.id)
        .filter(|&id| id != team_id)
        .collect();
    let threads = if viewer.is_member(team_id) {
        crate::store::messages::threads(&state.db, team_id, None).await?
    } else {
        crate::store::messages::threads(&state.db, team_id, Some(&partners)).await?
    };
    let space = state
        .insight
        .team_space(&state.db, request.seen, team_id, policy)
        .await?
        .map(|kept| dto::TeamSpace {
            threads,
            asking_teams: acting.into_iter().filter(|t| t.id != team_id).collect(),
            viewer_coordinates: permissions::check(Some(&viewer), Permission::ManageTeam(team_id))
                .is_ok(),
            viewer_writes: permissions::check(Some(&viewer), Permission::WriteTeam(team_id))
                .is_ok(),
            ..kept.as_ref().clone()
        });
    if space.is_some() {
        crate::auth::audit_outside_view(
            &state.audit,
            &request,
            team_id,
            ("team", Some(team_id.to_string())),
        )
        .await?;
    }
    space.ok_or_else(|| AppError::NotFound.with_status())
}

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

/// Teams, wijken or gemeenten side by side on one measure, with funnel
/// limits: one page of the table. Parameters as typed in the address
/// (`niveau`, `maat`, `doelgroep`, `gemeente`, `periode`, `pagina`,
/// `spreiding`); without a doelgroep, the viewer's own team's.
#[server(endpoint = "network/compare")]
#[allow(clippy::too_many_arguments)]
pub async fn load_compare(
    measure: String,
    doelgroep: String,
    gemeente: String,
    months: String,
    #[server(default)] page: String,
    #[server(default)] spreiding: String,
    #[server(default)] niveau: String,
) -> Result<dto::ComparePage, AppError> {
    use shared::permissions::Permission;
    let (request, viewer) = crate::auth::require(Permission::ReadNetwork)?;
    let state = crate::state::AppState::current();
    let own = viewer.teams.first().map(|m| m.team_id);
    let default = crate::store::teams::doelgroep_of(&state.db, own).await?;
    let params = dto::CompareParams {
        level: &niveau,
        measure: &measure,
        doelgroep: &doelgroep,
        gemeente: &gemeente,
        months: &months,
        spread: &spreiding,
    };
    let query = dto::CompareQuery::from_params(&params, default);
    Ok(state
        .insight
        .compare(&state.db, request.seen, query, state.suppression)
        .await?
        .page(&page))
}

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

/// Organisations to choose from, e.g. for a new member.
#[server(endpoint = "network/organisations")]
pub async fn organisation_options() -> Result<Vec<(i32, String)>, AppError> {
    use shared::permissions::Permission;
    crate::auth::require(Permission::ReadNetwork)?;
    let state = crate::state::AppState::current();
    Ok(crate::store::structure::organisations(&state.db)
        .await?
        .into_iter()
        .map(|o| (o.id, o.name))
        .collect())
}
