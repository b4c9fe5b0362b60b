//! Vergelijken: teams, wijken or gemeenten side by side on one measure.

use crate::error::AppError;
use leptos::prelude::*;
use shared::dto;

/// Teams, wijken or gemeenten side by side on one measure, with funnel
/// limits: one page of the table. Parameters as typed in the address
/// (`niveau`, `maat`, `doelgroep`, `gemeente`, `periode`, `pagina`,
/// `spreiding`); without a doelgroep, the viewer's own team's.
#[server(endpoint = "network/compare")]
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
