//! Maatwerkcanvassen: read one; record or edit one (members of its team).

#[cfg(feature = "ssr")]
use super::write::{AuditAction, Change};
use crate::error::AppError;
use leptos::prelude::*;
use shared::dto::CanvasView;

#[server(endpoint = "canvases/detail")]
pub async fn load_canvas(id: i32) -> Result<CanvasView, AppError> {
    use crate::store::{canvases, teams};
    use shared::permissions::{self, Permission};

    let (request, viewer) = crate::auth::require(Permission::ReadNetwork)?;
    let state = crate::state::AppState::current();
    let canvas = canvases::find(&state.db, id)
        .await?
        .ok_or_else(|| AppError::NotFound.with_status())?;
    crate::auth::audit_outside_view(
        &state.audit,
        &request,
        canvas.team_id,
        ("canvas", Some(id.to_string())),
    )
    .await?;
    let team_id = canvas.team_id;
    let team_name = teams::team_names(&state.db, &[team_id])
        .await?
        .remove(&team_id)
        .unwrap_or_default();
    Ok(CanvasView {
        viewer_writes: permissions::check(Some(&viewer), Permission::WriteTeam(team_id)).is_ok(),
        viewer_redacts: permissions::check(Some(&viewer), Permission::Redact(team_id)).is_ok(),
        ..canvases::view(canvas, team_name)
    })
}

/// Records a new canvas (no `id`) or edits one; the saving is computed.
#[allow(clippy::too_many_arguments)]
#[server(endpoint = "canvases/save")]
pub async fn save_canvas(
    team_id: i32,
    id: Option<i32>,
    title: String,
    family_wants: String,
    law: String,
    law_reason: String,
    regular_amount: String,
    regular_basis: String,
    regular_months: String,
    tailored_amount: String,
    tailored_basis: String,
    tailored_months: String,
    status: String,
    system_lesson: String,
    #[server(default)] personal_data_checked: Option<String>,
) -> Result<(), AppError> {
    use crate::error::FormErrors;
    use crate::store::canvases;
    use shared::canvas::CanvasInput;
    use shared::permissions::Permission;

    let (request, _) = crate::auth::require(Permission::WriteTeam(team_id))?;
    let input = CanvasInput {
        title: &title,
        family_wants: &family_wants,
        law: &law,
        law_reason: &law_reason,
        regular_amount: &regular_amount,
        regular_basis: &regular_basis,
        regular_months: &regular_months,
        tailored_amount: &tailored_amount,
        tailored_basis: &tailored_basis,
        tailored_months: &tailored_months,
        status: &status,
        system_lesson: &system_lesson,
    };
    let mut errors = FormErrors::new(&[
        ("title", input.title),
        ("family_wants", input.family_wants),
        ("law", input.law),
        ("law_reason", input.law_reason),
        ("regular_amount", input.regular_amount),
        ("regular_basis", input.regular_basis),
        ("regular_months", input.regular_months),
        ("tailored_amount", input.tailored_amount),
        ("tailored_basis", input.tailored_basis),
        ("tailored_months", input.tailored_months),
        ("status", input.status),
        ("system_lesson", input.system_lesson),
    ]);
    let content = errors.take(shared::canvas::canvas(&input));
    errors.check_personal_data(
        &[
            ("title", title.as_str()),
            ("family_wants", family_wants.as_str()),
            ("law_reason", law_reason.as_str()),
            ("system_lesson", system_lesson.as_str()),
        ],
        &personal_data_checked,
    );
    let content = errors.accepted(content)?;
    let write = super::write::AuditedWrite::begin(&request).await?;
    let txn = write.db();
    let (before, after) =
        super::write::found(canvases::save(txn, team_id, id, &content, chrono::Utc::now()).await)?;
    write
        .commit(
            AuditAction::saved(
                &before,
                AuditAction::CanvasCreated,
                AuditAction::CanvasEdited,
            ),
            Change::of("canvas", after.id)
                .before(before.as_ref().map(canvases::json))
                .after(canvases::json(&after)),
        )
        .await?;
    if before.is_none() {
        leptos_axum::redirect(&format!("/canvassen/{}", after.id));
    }
    Ok(())
}
