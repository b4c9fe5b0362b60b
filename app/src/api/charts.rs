//! A team's run chart of one measure, with what its members set on it:
//! baselines (a new phase of limits from a month, for a reason) and notes
//! on months. Anyone in the network reads them; the team's members add
//! and remove them, each change audited.

use crate::error::AppError;
use leptos::prelude::*;
use shared::dto::ChartPage;

/// The chart's address, where every change returns to.
pub fn chart_page(team_id: i32, measure: shared::network::Measure) -> String {
    format!("/teams/{team_id}/grafieken/{}", measure.code())
}

#[server(endpoint = "charts/page")]
pub async fn load_chart(team_id: i32, measure: String) -> Result<ChartPage, AppError> {
    use shared::permissions::{self, Permission};
    use shared::suppression::SuppressionPolicy;

    let (request, viewer) = crate::auth::require(Permission::ReadNetwork)?;
    let state = crate::state::AppState::current();
    let measure = shared::network::Measure::from_code(&measure)
        .ok_or_else(|| AppError::NotFound.with_status())?;
    let policy = if viewer.is_member(team_id) {
        SuppressionPolicy::OWN_TEAM
    } else {
        state.suppression
    };
    let (team_name, charts) = crate::store::series::team_charts(&state.db, team_id, policy)
        .await?
        .ok_or_else(|| AppError::NotFound.with_status())?;
    let series = charts
        .into_iter()
        .find(|s| s.measure == measure)
        .ok_or_else(|| AppError::NotFound.with_status())?;
    crate::auth::audit_outside_view(
        &state.audit,
        &request,
        team_id,
        ("grafiek", Some(format!("{team_id}/{}", measure.code()))),
    )
    .await?;
    let viewer_writes = permissions::check(Some(&viewer), Permission::WriteTeam(team_id)).is_ok();
    Ok(ChartPage {
        team_id,
        team_name,
        series,
        viewer_writes,
        link_options: if viewer_writes {
            crate::store::chart_marks::link_titles(&state.db, team_id).await?
        } else {
            Vec::new()
        },
    })
}

/// The months of a team's chart of `measure` (every month it recorded):
/// what a baseline or note may be set on. `None` when there is no chart.
#[cfg(feature = "ssr")]
async fn chart_months(
    db: &sea_orm::DatabaseConnection,
    team_id: i32,
    measure: shared::network::Measure,
) -> Result<Option<Vec<shared::Month>>, AppError> {
    let series = crate::store::series::team_series(
        db,
        team_id,
        shared::suppression::SuppressionPolicy::OWN_TEAM,
    )
    .await?;
    Ok(series
        .into_iter()
        .find(|s| s.measure == measure)
        .map(|s| s.points.iter().map(|p| p.month).collect()))
}

/// Sets a new baseline on the team's chart of `measure` from `month`.
#[server(endpoint = "charts/baseline")]
pub async fn add_baseline(
    team_id: i32,
    measure: String,
    month: String,
    reason: String,
    fixed_after: String,
    #[server(default)] personal_data_checked: Option<String>,
) -> Result<(), AppError> {
    use super::write::{AuditAction, AuditedWrite, Change};
    use crate::error::FormErrors;
    use shared::permissions::Permission;

    let (request, viewer) = crate::auth::require(Permission::WriteTeam(team_id))?;
    let state = crate::state::AppState::current();
    let measure = shared::network::Measure::from_code(&measure)
        .ok_or_else(|| AppError::NotFound.with_status())?;
    let months = chart_months(&state.db, team_id, measure)
        .await?
        .ok_or_else(|| AppError::NotFound.with_status())?;
    let mut errors = FormErrors::new(&[
        ("month", month.as_str()),
        ("reason", reason.as_str()),
        ("fixed_after", fixed_after.as_str()),
    ]);
    let input = shared::chart_marks::baseline(&month, &reason, &fixed_after, &months);
    if let Err(problems) = &input {
        for (field, message) in problems {
            errors.add(field, message.clone());
        }
    }
    errors.check_personal_data(&[("reason", reason.as_str())], &personal_data_checked);
    errors.into_result()?;
    let Ok(input) = input else {
        unreachable!("refused above")
    };
    let write = AuditedWrite::begin(&request).await?;
    let id = crate::store::chart_marks::add_baseline(
        write.db(),
        (team_id, measure),
        &input,
        viewer.account_id,
        chrono::Utc::now(),
    )
    .await?;
    let after = serde_json::json!({
        "team_id": team_id,
        "maat": measure.code(),
        "maand": input.month.to_string(),
        "vast_na": input.fixed_after,
    });
    write
        .commit(
            AuditAction::BaselineSet,
            Change::of("basislijn", id).after(after.to_string()),
        )
        .await?;
    leptos_axum::redirect(&chart_page(team_id, measure));
    Ok(())
}

/// Adds a note on a month of the team's chart of `measure`.
#[server(endpoint = "charts/note")]
pub async fn add_month_note(
    team_id: i32,
    measure: String,
    month: String,
    text: String,
    #[server(default)] link: String,
    #[server(default)] personal_data_checked: Option<String>,
) -> Result<(), AppError> {
    use super::write::{AuditAction, AuditedWrite, Change};
    use crate::error::FormErrors;
    use shared::i18n::{t, Text};
    use shared::permissions::Permission;

    let (request, viewer) = crate::auth::require(Permission::WriteTeam(team_id))?;
    let state = crate::state::AppState::current();
    let measure = shared::network::Measure::from_code(&measure)
        .ok_or_else(|| AppError::NotFound.with_status())?;
    let months = chart_months(&state.db, team_id, measure)
        .await?
        .ok_or_else(|| AppError::NotFound.with_status())?;
    let mut errors = FormErrors::new(&[
        ("month", month.as_str()),
        ("text", text.as_str()),
        ("link", link.as_str()),
    ]);
    let input = shared::chart_marks::note(&month, &text, &link, &months);
    match &input {
        Err(problems) => {
            for (field, message) in problems {
                errors.add(field, message.clone());
            }
        }
        // Only the team's own lessons and canvases.
        Ok(note) => {
            if let Some(l) = note.link {
                let options = crate::store::chart_marks::link_titles(&state.db, team_id).await?;
                if !options.iter().any(|(code, _)| *code == l.code()) {
                    errors.add("link", t(Text::NoteLinkInvalid));
                }
            }
        }
    }
    errors.check_personal_data(&[("text", text.as_str())], &personal_data_checked);
    errors.into_result()?;
    let Ok(input) = input else {
        unreachable!("refused above")
    };
    let write = AuditedWrite::begin(&request).await?;
    let id = crate::store::chart_marks::add_note(
        write.db(),
        (team_id, measure),
        &input,
        viewer.account_id,
        chrono::Utc::now(),
    )
    .await?;
    // The note's text stays out of the audit log: removing the note
    // removes it everywhere.
    let after = serde_json::json!({
        "team_id": team_id,
        "maat": measure.code(),
        "maand": input.month.to_string(),
    });
    write
        .commit(
            AuditAction::NoteAdded,
            Change::of("toelichting", id).after(after.to_string()),
        )
        .await?;
    leptos_axum::redirect(&chart_page(team_id, measure));
    Ok(())
}

/// Removes a baseline (undo) or a note: `kind` is `basislijn` or
/// `toelichting`.
#[server(endpoint = "charts/remove")]
pub async fn remove_chart_mark(kind: String, id: i32) -> Result<(), AppError> {
    use super::write::{AuditAction, AuditedWrite, Change};
    use crate::store::chart_marks;
    use shared::permissions::Permission;

    crate::auth::require(Permission::ReadNetwork)?;
    let state = crate::state::AppState::current();
    let owner = match kind.as_str() {
        "basislijn" => chart_marks::baseline_owner(&state.db, id).await?,
        "toelichting" => chart_marks::note_owner(&state.db, id).await?,
        _ => None,
    };
    let (team_id, measure) = owner.ok_or_else(|| AppError::NotFound.with_status())?;
    let (request, _) = crate::auth::require(Permission::WriteTeam(team_id))?;
    let write = AuditedWrite::begin(&request).await?;
    let (removed, action, object) = match kind.as_str() {
        "basislijn" => (
            chart_marks::remove_baseline(write.db(), id).await?,
            AuditAction::BaselineUndone,
            "basislijn",
        ),
        _ => (
            chart_marks::remove_note(write.db(), id).await?,
            AuditAction::NoteRemoved,
            "toelichting",
        ),
    };
    if !removed {
        // Removed meanwhile: nothing to do or to audit.
        return Err(AppError::NotFound.with_status());
    }
    let before = serde_json::json!({ "team_id": team_id, "maat": measure.code() });
    write
        .commit(
            action,
            Change::of(object, id).before(Some(before.to_string())),
        )
        .await?;
    leptos_axum::redirect(&chart_page(team_id, measure));
    Ok(())
}
