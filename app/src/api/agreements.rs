//! Collaboration agreements: read one with its history; record a new one
//! or a new version (members of the team only).

#[cfg(feature = "ssr")]
use super::write::{AuditAction, Change};
use crate::error::AppError;
use leptos::prelude::*;
use shared::dto::AgreementDetail;

#[server(endpoint = "agreements/detail")]
pub async fn load_agreement(id: i32) -> Result<AgreementDetail, AppError> {
    use crate::store::{agreements, teams};
    use shared::dto::AgreementVersionRow;
    use shared::network::{AgreementStatus, AgreementTheme};
    use shared::permissions::{self, Permission};

    let (request, viewer) = crate::auth::require(Permission::ReadNetwork)?;
    let state = crate::state::AppState::current();
    let agreement = agreements::find(&state.db, id)
        .await?
        .ok_or_else(|| AppError::NotFound.with_status())?;
    crate::auth::audit_outside_view(
        &state.audit,
        &request,
        agreement.team_id,
        ("afspraak", Some(id.to_string())),
    )
    .await?;
    let adoptions = crate::store::adoptions::made_from(
        &state.db,
        crate::store::entity::adoption::Column::SourceAgreementId,
        id,
    )
    .await?;
    let mut ids: Vec<i32> = adoptions.iter().map(|(_, team)| *team).collect();
    ids.push(agreement.team_id);
    let names = teams::team_names(&state.db, &ids).await?;
    let name = |id: &i32| names.get(id).cloned().unwrap_or_default();
    let adopting_teams = teams::acting_teams(&state.db, &viewer)
        .await?
        .into_iter()
        .filter(|t| t.id != agreement.team_id)
        .collect();
    let versions = agreements::history(&state.db, id)
        .await?
        .into_iter()
        .map(|(v, author)| AgreementVersionRow {
            version: v.version,
            saved_at: shared::clock::local_timestamp(v.created_at),
            author,
            title: v.title,
            body: v.body,
            status: AgreementStatus::from_code(&v.status).unwrap_or(AgreementStatus::Concept),
            effective_from: v.effective_from.map(|d| d.to_string()),
            review_date: v.review_date.map(|d| d.to_string()),
        })
        .collect();
    Ok(AgreementDetail {
        team_id: agreement.team_id,
        team_name: name(&agreement.team_id),
        theme: AgreementTheme::from_code(&agreement.theme).unwrap_or(AgreementTheme::Werkwijze),
        viewer_writes: permissions::check(Some(&viewer), Permission::WriteTeam(agreement.team_id))
            .is_ok(),
        viewer_redacts: permissions::check(Some(&viewer), Permission::Redact(agreement.team_id))
            .is_ok(),
        adopted_from: crate::store::adoptions::origin(&state.db, id).await?,
        adoptions: adoptions
            .iter()
            .map(|(agreement, team)| (*agreement, name(team)))
            .collect(),
        current: agreements::agreement_view(&agreement),
        versions,
        adopting_teams,
    })
}

/// Records a new agreement (no `id`) or a new version of one.
#[server(endpoint = "agreements/save")]
pub async fn save_agreement(
    team_id: i32,
    id: Option<i32>,
    #[server(flatten)] form: shared::validation::AgreementForm,
    #[server(default)] personal_data_checked: Option<String>,
) -> Result<(), AppError> {
    use crate::error::FormErrors;
    use crate::store::agreements::{self, AgreementContent};
    use shared::permissions::Permission;
    use shared::validation;

    let (request, viewer) = crate::auth::require(Permission::WriteTeam(team_id))?;
    let mut errors = FormErrors::typed(&form);
    errors.add_all(validation::agreement(&form));
    errors.check_personal_data(
        &[("title", form.title.as_str()), ("body", form.body.as_str())],
        &personal_data_checked,
    );
    errors.into_result()?;
    let day = |text: &str| {
        validation::date(text)
            .ok()
            .flatten()
            .and_then(|(y, m, d)| chrono::NaiveDate::from_ymd_opt(y, m, d))
    };
    let content = AgreementContent {
        effective_from: day(&form.effective_from),
        review_date: day(&form.review_date),
        theme: form.theme,
        title: form.title,
        body: form.body,
        status: form.status,
    };
    let now = chrono::Utc::now();
    let write = super::write::AuditedWrite::begin(&request).await?;
    let txn = write.db();
    let (before, after) = super::write::found(
        agreements::save(txn, team_id, id, content, Some(viewer.account_id), now).await,
    )?;
    let action = AuditAction::saved(
        &before,
        AuditAction::AgreementCreated,
        AuditAction::AgreementEdited,
    );
    write
        .commit(
            action,
            Change::of("afspraak", after.id)
                .before(before.as_ref().map(agreements::json))
                .after(agreements::json(&after)),
        )
        .await?;
    if before.is_none() {
        leptos_axum::redirect(&format!("/afspraken/{}", after.id));
    }
    Ok(())
}

/// Adopts another team's agreement as a concept agreement of `team_id`.
#[server(endpoint = "agreements/adopt")]
pub async fn adopt_agreement(agreement_id: i32, team_id: i32) -> Result<(), AppError> {
    use crate::error::FormErrors;
    use crate::store::adoptions::Source;
    use crate::store::agreements;
    use shared::i18n::Text;
    use shared::permissions::Permission;

    let (request, viewer) = crate::auth::require(Permission::WriteTeam(team_id))?;
    let state = crate::state::AppState::current();
    let source = agreements::find(&state.db, agreement_id)
        .await?
        .ok_or_else(|| AppError::NotFound.with_status())?;
    if source.team_id == team_id {
        let mut errors = FormErrors::new(&[]);
        errors.add("", Text::AdoptAgreementOwnTeam);
        errors.into_result()?;
    }
    record_adoption(
        &request,
        viewer.account_id,
        Source::Agreement(&source),
        (team_id, &source.theme),
        (
            AuditAction::AgreementAdopted,
            "source_agreement_id",
            agreement_id,
        ),
    )
    .await
}

/// Makes `source` a concept agreement of `team_id` with `theme` in one
/// transaction, audits it as `action` with the source's id under `key`,
/// and leads to the new agreement. For lessons and agreements alike.
#[cfg(feature = "ssr")]
pub(crate) async fn record_adoption(
    request: &crate::auth::RequestContext,
    author: i32,
    source: crate::store::adoptions::Source<'_>,
    (team_id, theme): (i32, &str),
    (action, key, source_id): (AuditAction, &str, i32),
) -> Result<(), AppError> {
    let write = super::write::AuditedWrite::begin(request).await?;
    let txn = write.db();
    let agreement =
        crate::store::adoptions::adopt(txn, source, team_id, theme, author, chrono::Utc::now())
            .await?;
    let mut after = serde_json::Map::new();
    after.insert(key.to_string(), source_id.into());
    after.insert(
        "agreement".to_string(),
        serde_json::from_str(&crate::store::agreements::json(&agreement))
            .unwrap_or(serde_json::Value::Null),
    );
    write
        .commit(
            action,
            Change::of("afspraak", agreement.id)
                .after(serde_json::Value::Object(after).to_string()),
        )
        .await?;
    leptos_axum::redirect(&format!("/afspraken/{}", agreement.id));
    Ok(())
}
