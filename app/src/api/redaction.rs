//! Removing a passage of personal data that slipped into a team's text —
//! by the team's coördinator or a beheerder — from the record, what hangs
//! on it, its earlier versions, the search index and the audit log.

use crate::error::AppError;
use leptos::prelude::*;

/// Replaces `passage` by "[verwijderd]" wherever the record `kind` `id`
/// (les, afspraak, canvas, knelpunt) holds it, then returns to its page.
/// The audit entry says that a redaction happened and how many rows it
/// changed, never what was removed.
#[server(endpoint = "redaction/redact")]
pub async fn redact_text(kind: String, id: i32, passage: String) -> Result<(), AppError> {
    use crate::error::FormErrors;
    use crate::store::redaction::{self, Target};
    use shared::permissions::Permission;

    crate::auth::require(Permission::ReadNetwork)?;
    let target = Target::from_code(&kind, id).ok_or_else(|| AppError::NotFound.with_status())?;
    let state = crate::state::AppState::current();
    let team_id = redaction::team_of(&state.db, target)
        .await?
        .ok_or_else(|| AppError::NotFound.with_status())?;
    let (request, _) = crate::auth::require(Permission::Redact(team_id))?;
    use shared::i18n::Text;
    let refused = |message: Text| {
        let mut errors = FormErrors::new(&[("passage", passage.as_str())]);
        errors.add("passage", message);
        errors.into_result()
    };
    let passage = match shared::personal_data::passage(&passage) {
        Ok(checked) => checked,
        Err(message) => return refused(message),
    };
    let write = super::write::AuditedWrite::begin(&request).await?;
    let txn = write.db();
    let changed = redaction::redact_record(txn, target, passage).await?;
    if changed == 0 {
        // Nothing was changed; the transaction is dropped unused.
        return refused(Text::RedactNotFound);
    }
    write
        .commit(
            super::write::AuditAction::TextRedacted,
            super::write::Change::of(target.code(), id)
                .after(serde_json::json!({ "rijen": changed }).to_string()),
        )
        .await?;
    leptos_axum::redirect(&target.page());
    Ok(())
}
