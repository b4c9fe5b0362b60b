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
#[server(endpoint = "canvases/save")]
pub async fn save_canvas(
    team_id: i32,
    id: Option<i32>,
    #[server(flatten)] form: shared::canvas::CanvasForm,
    #[server(default)] personal_data_checked: Option<String>,
) -> Result<(), AppError> {
    use crate::error::FormErrors;
    use crate::store::canvases;
    use shared::permissions::Permission;

    let (request, _) = crate::auth::require(Permission::WriteTeam(team_id))?;
    let mut errors = FormErrors::typed(&form);
    let content = errors.take(shared::canvas::canvas(&form));
    errors.check_personal_data(
        &[
            ("title", form.title.as_str()),
            ("family_wants", form.family_wants.as_str()),
            ("law_reason", form.law_reason.as_str()),
            ("system_lesson", form.system_lesson.as_str()),
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
