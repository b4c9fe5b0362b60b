//! Choosing the language of the interface (the switch in the header).

use crate::error::AppError;
use leptos::prelude::*;

/// Switches the language and returns to the page `back`. A signed-in
/// account keeps the choice (an audited change of the account); anyone
/// also gets a cookie, so the login page follows the choice too.
#[server(endpoint = "language")]
pub async fn choose_language(language: String, back: Option<String>) -> Result<(), AppError> {
    use super::write::{AuditAction, AuditedWrite, Change};
    use shared::i18n::{t, Text};
    let chosen = shared::i18n::Language::from_code(&language)
        .ok_or_else(|| AppError::Request(t(Text::ErrorRequest).to_string()).with_status())?;
    let request = crate::auth::request();
    if let Some(viewer) = request.viewer() {
        let write = AuditedWrite::begin(&request).await?;
        let before =
            crate::store::accounts::choose_language(write.db(), viewer.account_id, chosen).await?;
        write
            .commit(
                AuditAction::LanguageChosen,
                Change::of("account", viewer.account_id)
                    .before(before.map(|code| serde_json::json!({ "taal": code }).to_string()))
                    .after(serde_json::json!({ "taal": chosen.code() }).to_string()),
            )
            .await?;
    }
    crate::language::set_cookie(chosen, request.https);
    leptos_axum::redirect(&super::account::safe_next(back.as_deref()));
    Ok(())
}
