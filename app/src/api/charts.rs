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
    // The series the team page and the chart image use, kept until the
    // data changes.
    let charts = state
        .insight
        .team_charts(&state.db, request.seen, team_id, policy)
        .await?
        .ok_or_else(|| AppError::NotFound.with_status())?;
    let (team_name, all) = charts.as_ref();
    let series = all
        .iter()
        .find(|s| s.measure == measure)
        .cloned()
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
        team_name: team_name.clone(),
        series,
        viewer_writes,
        link_options: if viewer_writes {
            crate::store::chart_marks::link_titles(&state.db, team_id).await?
        } else {
            Vec::new()
        },
    })
}

/// What adding a baseline or note starts from: the member asking, the
/// measure and the months of the team's chart of it (what a mark may be
/// set on).
#[cfg(feature = "ssr")]
struct ChartWrite {
    request: crate::auth::RequestContext,
    author: i32,
    measure: shared::network::Measure,
    months: Vec<shared::Month>,
}

#[cfg(feature = "ssr")]
impl ChartWrite {
    async fn of(team_id: i32, measure: &str) -> Result<Self, AppError> {
        use shared::permissions::Permission;
        let (request, viewer) = crate::auth::require(Permission::WriteTeam(team_id))?;
        let state = crate::state::AppState::current();
        let not_found = || AppError::NotFound.with_status();
        let measure = shared::network::Measure::from_code(measure).ok_or_else(not_found)?;
        let months = crate::store::series::chart_months(&state.db, team_id, measure)
            .await?
            .ok_or_else(not_found)?;
        Ok(ChartWrite {
            request,
            author: viewer.account_id,
            measure,
            months,
        })
    }

    /// Commits an added mark with its audit entry (the team, measure and
    /// month; never a note's text) and returns to the chart.
    async fn commit(
        &self,
        write: super::write::AuditedWrite<'_>,
        (team_id, month): (i32, shared::Month),
        (action, object, id): (super::write::AuditAction, &'static str, i32),
        extra: serde_json::Value,
    ) -> Result<(), AppError> {
        let mut after = serde_json::json!({
            "team_id": team_id,
            "maat": self.measure.code(),
            "maand": month.to_string(),
        });
        if let (Some(after), serde_json::Value::Object(extra)) = (after.as_object_mut(), extra) {
            after.extend(extra);
        }
        let change = super::write::Change::of(object, id).after(after.to_string());
        write.commit(action, change).await?;
        leptos_axum::redirect(&chart_page(team_id, self.measure));
        Ok(())
    }
}

/// Sets a new baseline on the team's chart of `measure` from `month`.
#[server(endpoint = "charts/baseline")]
pub async fn add_baseline(
    team_id: i32,
    measure: String,
    #[server(flatten)] form: shared::chart_marks::BaselineForm,
    #[server(default)] personal_data_checked: Option<String>,
) -> Result<(), AppError> {
    use super::write::{AuditAction, AuditedWrite};
    use crate::error::FormErrors;

    let chart = ChartWrite::of(team_id, &measure).await?;
    let mut errors = FormErrors::typed(&form);
    let input = errors.take(form.check(&chart.months));
    errors.check_personal_data(&[("reason", form.reason.as_str())], &personal_data_checked);
    let input = errors.accepted(input)?;
    let write = AuditedWrite::begin(&chart.request).await?;
    let id = crate::store::chart_marks::add_baseline(
        write.db(),
        (team_id, chart.measure),
        &input,
        chart.author,
        chrono::Utc::now(),
    )
    .await?;
    let extra = serde_json::json!({ "vast_na": input.fixed_after });
    chart
        .commit(
            write,
            (team_id, input.month),
            (AuditAction::BaselineSet, "basislijn", id),
            extra,
        )
        .await
}

/// Adds a note on a month of the team's chart of `measure`, optionally
/// linked to one of the team's own lessons or canvases.
#[server(endpoint = "charts/note")]
pub async fn add_month_note(
    team_id: i32,
    measure: String,
    #[server(flatten)] form: shared::chart_marks::MonthNoteForm,
    #[server(default)] personal_data_checked: Option<String>,
) -> Result<(), AppError> {
    use super::write::{AuditAction, AuditedWrite};
    use crate::error::FormErrors;
    use shared::i18n::Text;

    let chart = ChartWrite::of(team_id, &measure).await?;
    let mut errors = FormErrors::typed(&form);
    let input = errors.take(form.check(&chart.months));
    if let Some(l) = input.as_ref().and_then(|note| note.link) {
        let state = crate::state::AppState::current();
        let options = crate::store::chart_marks::link_titles(&state.db, team_id).await?;
        if !options.iter().any(|(code, _)| *code == l.code()) {
            errors.add("link", Text::NoteLinkInvalid);
        }
    }
    errors.check_personal_data(&[("text", form.text.as_str())], &personal_data_checked);
    let input = errors.accepted(input)?;
    let write = AuditedWrite::begin(&chart.request).await?;
    let id = crate::store::chart_marks::add_note(
        write.db(),
        (team_id, chart.measure),
        &input,
        chart.author,
        chrono::Utc::now(),
    )
    .await?;
    // The note's text stays out of the audit log: removing the note
    // removes it everywhere.
    chart
        .commit(
            write,
            (team_id, input.month),
            (AuditAction::NoteAdded, "toelichting", id),
            serde_json::Value::Null,
        )
        .await
}

/// Removes a baseline (undo) or a note: `kind` is `basislijn` or
/// `toelichting`.
#[server(endpoint = "charts/remove")]
pub async fn remove_chart_mark(kind: String, id: i32) -> Result<(), AppError> {
    use super::write::{AuditAction, AuditedWrite, Change};
    use crate::store::chart_marks::{self, Mark};
    use shared::permissions::Permission;

    crate::auth::require(Permission::ReadNetwork)?;
    let state = crate::state::AppState::current();
    let not_found = || AppError::NotFound.with_status();
    let mark = Mark::from_code(&kind).ok_or_else(not_found)?;
    let (team_id, measure) = chart_marks::owner(&state.db, (mark, id))
        .await?
        .ok_or_else(not_found)?;
    let (request, _) = crate::auth::require(Permission::WriteTeam(team_id))?;
    let write = AuditedWrite::begin(&request).await?;
    if !chart_marks::remove(write.db(), (mark, id)).await? {
        // Removed meanwhile: nothing to do or to audit.
        return Err(not_found());
    }
    let action = match mark {
        Mark::Baseline => AuditAction::BaselineUndone,
        Mark::Note => AuditAction::NoteRemoved,
    };
    let before = serde_json::json!({ "team_id": team_id, "maat": measure.code() });
    write
        .commit(
            action,
            Change::of(mark.code(), id).before(Some(before.to_string())),
        )
        .await?;
    leptos_axum::redirect(&chart_page(team_id, measure));
    Ok(())
}
