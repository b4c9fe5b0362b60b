//! A team's monthly results: the entry page of one month (members only:
//! these are the unsuppressed figures) and entering or correcting it.

#[cfg(feature = "ssr")]
use super::write::{AuditAction, Change};
use crate::error::AppError;
use leptos::prelude::*;
use shared::dto;

#[server(endpoint = "results/month")]
pub async fn month_entry(team_id: i32, month: Option<String>) -> Result<dto::MonthEntry, AppError> {
    use crate::store::{results, teams};
    use shared::permissions::Permission;

    crate::auth::require(Permission::WriteTeam(team_id))?;
    let state = crate::state::AppState::current();
    let team_name = teams::team_names(&state.db, &[team_id])
        .await?
        .remove(&team_id)
        .ok_or_else(|| AppError::NotFound.with_status())?;
    let month = month
        .as_deref()
        .and_then(|m| m.parse::<shared::Month>().ok());
    let versions = match month {
        Some(m) => results::history(&state.db, team_id, &m.to_string()).await?,
        None => Vec::new(),
    };
    let authors: Vec<i32> = versions
        .iter()
        .filter_map(|v| v.author_account_id)
        .collect();
    let names = crate::store::accounts::display_names(&state.db, authors).await?;
    let count = |n: i32| u32::try_from(n).unwrap_or(0);
    Ok(dto::MonthEntry {
        team_id,
        team_name,
        month,
        versions: versions
            .into_iter()
            .map(|v| dto::OutcomeVersionRow {
                version: v.version,
                saved_at: v.created_at.map(shared::clock::local_timestamp),
                author: v.author_account_id.and_then(|id| names.get(&id).cloned()),
                started: count(v.started),
                mean_wait_days: v.mean_wait_days,
                ended: count(v.ended),
                without_help: count(v.without_help),
                client_grade: v.client_grade,
                client_responses: count(v.client_responses),
                uitval: v.uitval.map(count),
                doelrealisatie: v.doelrealisatie.map(count),
            })
            .collect(),
    })
}

/// Enters a month, or corrects it (the earlier figures are kept).
/// Enters or corrects a month of `team_id`'s checked figures for
/// `author`, versioned and audited as entered or corrected: the form's
/// write, and the JSON API's. True when the month was new.
#[cfg(feature = "ssr")]
pub async fn record_month(
    db: &sea_orm::DatabaseConnection,
    request: &crate::auth::RequestContext,
    team_id: i32,
    figures: &shared::results::MonthlyResult,
    author: i32,
) -> Result<bool, AppError> {
    use crate::store::results;
    let write = super::write::AuditedWrite::begin_on(db, request).await?;
    let (before, after) = results::save(
        write.db(),
        team_id,
        figures,
        Some(author),
        chrono::Utc::now(),
    )
    .await?;
    let action = AuditAction::saved(
        &before,
        AuditAction::ResultsEntered,
        AuditAction::ResultsCorrected,
    );
    write
        .commit(
            action,
            Change::of("resultaten", format!("{team_id}/{}", figures.month))
                .before(before.as_ref().map(results::json))
                .after(results::json(&after)),
        )
        .await?;
    Ok(before.is_none())
}

#[server(endpoint = "results/save")]
pub async fn save_results(
    team_id: i32,
    #[server(flatten)] form: shared::validation::ResultsForm,
) -> Result<(), AppError> {
    use crate::error::FormErrors;
    use shared::permissions::Permission;

    let (request, viewer) = crate::auth::require(Permission::WriteTeam(team_id))?;
    let mut errors = FormErrors::typed(&form);
    let figures = errors.take(shared::validation::monthly_result(
        &form,
        super::this_month(),
    ));
    let figures = errors.accepted(figures)?;
    let state = crate::state::AppState::current();
    record_month(&state.db, &request, team_id, &figures, viewer.account_id).await?;
    leptos_axum::redirect(&format!(
        "/teams/{team_id}/resultaten/invoeren?maand={}",
        figures.month
    ));
    Ok(())
}
