//! Knelpunten: read one with its support and answers; raise one (members
//! of the team); support another team's (on behalf of one of the viewer's
//! teams); answer one with a new status (bestuurders).

#[cfg(feature = "ssr")]
use super::write::{AuditAction, Change};
use crate::error::AppError;
use leptos::prelude::*;
use shared::dto::KnelpuntView;

#[server(endpoint = "knelpunten/detail")]
pub async fn load_knelpunt(id: i32) -> Result<KnelpuntView, AppError> {
    use crate::store::{knelpunten, teams};
    use shared::permissions::Permission;

    let (request, viewer) = crate::auth::require(Permission::ReadNetwork)?;
    let state = crate::state::AppState::current();
    let knelpunt = knelpunten::find(&state.db, id)
        .await?
        .ok_or_else(|| AppError::NotFound.with_status())?;
    crate::auth::audit_outside_view(
        &state.audit,
        &request,
        knelpunt.team_id,
        ("knelpunt", Some(id.to_string())),
    )
    .await?;
    let supporters = knelpunten::supporter_ids(&state.db, id).await?;
    let supporting_teams = teams::acting_teams(&state.db, &viewer)
        .await?
        .into_iter()
        .filter(|t| shared::knelpunten::support(t.id, knelpunt.team_id, &supporters).is_ok())
        .collect();
    Ok(KnelpuntView {
        supporting_teams,
        viewer_governs: shared::permissions::check(Some(&viewer), Permission::Govern).is_ok(),
        viewer_redacts: shared::permissions::check(
            Some(&viewer),
            Permission::Redact(knelpunt.team_id),
        )
        .is_ok(),
        ..knelpunten::view(&state.db, knelpunt).await?
    })
}

/// A bestuurder answers a knelpunt: its new status and an explanation,
/// which the team reads on the knelpunt's page.
#[server(endpoint = "knelpunten/answer")]
pub async fn answer_knelpunt(
    knelpunt_id: i32,
    status: String,
    body: String,
    #[server(default)] personal_data_checked: Option<String>,
) -> Result<(), AppError> {
    use crate::error::FormErrors;
    use crate::store::knelpunten;
    use shared::network::KnelpuntStatus;
    use shared::permissions::Permission;

    let (request, viewer) = crate::auth::require(Permission::Govern)?;
    let state = crate::state::AppState::current();
    let knelpunt = knelpunten::find(&state.db, knelpunt_id)
        .await?
        .ok_or_else(|| AppError::NotFound.with_status())?;
    let mut errors = FormErrors::new(&[("status", status.as_str()), ("body", body.as_str())]);
    for (field, message) in shared::governance::answer(&status, &body) {
        errors.add(field, message);
    }
    errors.check_personal_data(&[("body", body.as_str())], &personal_data_checked);
    errors.into_result()?;
    let new_status = KnelpuntStatus::from_code(&status).expect("checked above");
    let write = super::write::AuditedWrite::begin(&request).await?;
    let txn = write.db();
    let after = knelpunten::answer(
        txn,
        &knelpunt,
        viewer.account_id,
        new_status,
        &body,
        chrono::Utc::now(),
    )
    .await?;
    write.commit(AuditAction::KnelpuntAnswered, Change::of("knelpunt", knelpunt_id).before(Some(knelpunten::json(&knelpunt))).after(
                serde_json::json!({
                    "knelpunt": serde_json::from_str::<serde_json::Value>(&knelpunten::json(&after)).ok(),
                    "answer": body.trim(),
                })
                .to_string(),
            )).await?;
    Ok(())
}

#[server(endpoint = "knelpunten/raise")]
pub async fn raise_knelpunt(
    team_id: i32,
    category: String,
    title: String,
    description: String,
    #[server(default)] personal_data_checked: Option<String>,
) -> Result<(), AppError> {
    use crate::error::FormErrors;
    use crate::store::knelpunten;
    use shared::knelpunten::KnelpuntInput;
    use shared::network::KnelpuntCategory;
    use shared::permissions::Permission;

    let (request, _) = crate::auth::require(Permission::WriteTeam(team_id))?;
    let mut errors = FormErrors::new(&[
        ("category", category.as_str()),
        ("title", title.as_str()),
        ("description", description.as_str()),
    ]);
    for (field, message) in shared::knelpunten::knelpunt(&KnelpuntInput {
        category: &category,
        title: &title,
        description: &description,
    }) {
        errors.add(field, message);
    }
    errors.check_personal_data(
        &[
            ("title", title.as_str()),
            ("description", description.as_str()),
        ],
        &personal_data_checked,
    );
    errors.into_result()?;
    let category = KnelpuntCategory::from_code(&category).expect("checked");
    let write = super::write::AuditedWrite::begin(&request).await?;
    let txn = write.db();
    let knelpunt = knelpunten::raise(
        txn,
        team_id,
        category,
        &title,
        &description,
        chrono::Utc::now(),
    )
    .await?;
    write
        .commit(
            AuditAction::KnelpuntCreated,
            Change::of("knelpunt", knelpunt.id).after(knelpunten::json(&knelpunt)),
        )
        .await?;
    leptos_axum::redirect(&format!("/knelpunten/{}", knelpunt.id));
    Ok(())
}

#[server(endpoint = "knelpunten/support")]
pub async fn support_knelpunt(knelpunt_id: i32, team_id: i32) -> Result<(), AppError> {
    use crate::error::FormErrors;
    use crate::store::knelpunten;
    use shared::permissions::Permission;

    let (request, viewer) = crate::auth::require(Permission::WriteTeam(team_id))?;
    let state = crate::state::AppState::current();
    let knelpunt = knelpunten::find(&state.db, knelpunt_id)
        .await?
        .ok_or_else(|| AppError::NotFound.with_status())?;
    let write = super::write::AuditedWrite::begin(&request).await?;
    let txn = write.db();
    let supporters = knelpunten::supporter_ids(txn, knelpunt_id).await?;
    let mut errors = FormErrors::new(&[]);
    if let Err(message) = shared::knelpunten::support(team_id, knelpunt.team_id, &supporters) {
        errors.add("", message);
    }
    errors.into_result()?;
    knelpunten::support(
        txn,
        knelpunt_id,
        team_id,
        viewer.account_id,
        chrono::Utc::now(),
    )
    .await?;
    write
        .commit(
            AuditAction::KnelpuntSupported,
            Change::of("knelpunt", knelpunt_id)
                .after(serde_json::json!({ "team_id": team_id }).to_string()),
        )
        .await?;
    Ok(())
}
