//! The bestuurderstafel: read it (everyone logged in), and what only
//! bestuurders do there — set the network's targets and write dialogue
//! notes. Answering a knelpunt lives with the knelpunten.

#[cfg(feature = "ssr")]
use super::write::{AuditAction, Change};
use crate::error::AppError;
use leptos::prelude::*;
use shared::dto::{GovernanceView, NoteForm, NoteView};
use shared::governance::ActionInput;

/// A gemeente id from a query string: empty means the whole network.
#[cfg(feature = "ssr")]
fn gemeente_param(gemeente: &str) -> Result<Option<i32>, AppError> {
    shared::dto::gemeente_param(gemeente).map_err(|()| AppError::NotFound.with_status())
}

#[server(endpoint = "governance/table")]
pub async fn load_governance(gemeente: String) -> Result<GovernanceView, AppError> {
    use shared::permissions::{check, Permission};

    let (request, viewer) = crate::auth::require(Permission::ReadNetwork)?;
    let state = crate::state::AppState::current();
    let view = state
        .insight
        .table(
            &state.db,
            request.seen,
            gemeente_param(&gemeente)?,
            state.suppression,
        )
        .await?
        .ok_or_else(|| AppError::NotFound.with_status())?;
    Ok(GovernanceView {
        viewer_governs: check(Some(&viewer), Permission::Govern).is_ok(),
        ..view.as_ref().clone()
    })
}

/// Sets the network's targets (an empty field removes one; the NJi
/// indicators' fields, when left out of the request, leave theirs as is).
#[server(endpoint = "governance/targets")]
pub async fn save_targets(
    wait: String,
    without_help: String,
    client_grade: String,
    #[server(default)] uitval: Option<String>,
    #[server(default)] doelrealisatie: Option<String>,
) -> Result<(), AppError> {
    use crate::error::FormErrors;
    use shared::network::Measure;
    use shared::permissions::Permission;

    let (request, viewer) = crate::auth::require(Permission::Govern)?;
    let mut typed = vec![
        (Measure::Wait, "wait", wait.as_str()),
        (Measure::WithoutHelp, "without_help", without_help.as_str()),
        (Measure::ClientGrade, "client_grade", client_grade.as_str()),
    ];
    typed.extend(uitval.as_deref().map(|v| (Measure::Uitval, "uitval", v)));
    typed.extend(
        doelrealisatie
            .as_deref()
            .map(|v| (Measure::Doelrealisatie, "doelrealisatie", v)),
    );
    let fields: Vec<(&str, &str)> = typed
        .iter()
        .map(|&(_, field, value)| (field, value))
        .collect();
    let mut errors = FormErrors::new(&fields);
    let mut targets = Vec::new();
    for (measure, field, value) in typed {
        match shared::governance::target(measure, value) {
            Ok(target) => targets.push((measure, target)),
            Err(message) => errors.add(field, message),
        }
    }
    errors.into_result()?;
    let write = super::write::AuditedWrite::begin(&request).await?;
    let txn = write.db();
    let before =
        crate::store::targets::save(txn, &targets, Some(viewer.account_id), chrono::Utc::now())
            .await?;
    let json = |pairs: Vec<(&str, Option<f64>)>| {
        serde_json::json!(pairs
            .into_iter()
            .collect::<std::collections::BTreeMap<_, _>>())
        .to_string()
    };
    write
        .commit(
            AuditAction::TargetsSaved,
            Change::of_all("streefwaarden")
                .before(Some(json(
                    Measure::ALL
                        .iter()
                        .map(|m| (m.code(), before.get(m).copied()))
                        .collect(),
                )))
                .after(json(targets.iter().map(|(m, t)| (m.code(), *t)).collect())),
        )
        .await?;
    Ok(())
}

/// What the new-note form of the network or a gemeente offers to link.
#[server(endpoint = "governance/note-form")]
pub async fn load_note_form(gemeente: String) -> Result<NoteForm, AppError> {
    use shared::permissions::Permission;

    crate::auth::require(Permission::Govern)?;
    let state = crate::state::AppState::current();
    crate::store::governance::note_form(&state.db, gemeente_param(&gemeente)?)
        .await?
        .ok_or_else(|| AppError::NotFound.with_status())
}

/// Records a dialogue note with the knelpunten and lessons it discussed
/// and its follow-up actions; leads to the note's page.
#[server(endpoint = "governance/note")]
pub async fn save_note(
    gemeente_id: Option<i32>,
    #[server(flatten)] form: shared::governance::NoteFields,
    #[server(default)] knelpunten: Vec<i32>,
    #[server(default)] lessons: Vec<i32>,
    #[server(default)] actions: Vec<ActionInput>,
    #[server(default)] personal_data_checked: Option<String>,
) -> Result<(), AppError> {
    use crate::error::FormErrors;
    use crate::store::entity::{gemeente, knelpunt, lesson};
    use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};
    use shared::governance::ACTION_FIELDS;
    use shared::i18n::Text;
    use shared::permissions::Permission;

    let (request, viewer) = crate::auth::require(Permission::Govern)?;
    let state = crate::state::AppState::current();
    // Ticked boxes and action rows come back as typed after a refusal.
    let joined = |ids: &[i32]| ids.iter().map(i32::to_string).collect::<Vec<_>>().join(",");
    let mut errors = FormErrors::typed(&form)
        .keeping("knelpunten", &joined(&knelpunten))
        .keeping("lessons", &joined(&lessons));
    for (row, action) in actions.iter().enumerate().take(ACTION_FIELDS.len()) {
        let [description, owner, due_on] = ACTION_FIELDS[row];
        errors = errors
            .keeping(description, &action.description)
            .keeping(owner, &action.owner)
            .keeping(due_on, &action.due_on);
    }
    let note = errors.take(shared::governance::note(&form, &actions));
    let mut texts = vec![("conclusions", form.conclusions.as_str())];
    for (row, action) in actions.iter().enumerate().take(ACTION_FIELDS.len()) {
        texts.push((ACTION_FIELDS[row][0], action.description.as_str()));
    }
    errors.check_personal_data(&texts, &personal_data_checked);
    let mut knelpunt_ids = knelpunten.clone();
    knelpunt_ids.sort_unstable();
    knelpunt_ids.dedup();
    let mut lesson_ids = lessons.clone();
    lesson_ids.sort_unstable();
    lesson_ids.dedup();
    let known_knelpunten = knelpunt::Entity::find()
        .filter(knelpunt::Column::Id.is_in(knelpunt_ids.clone()))
        .count(&state.db)
        .await?;
    let known_lessons = lesson::Entity::find()
        .filter(lesson::Column::Id.is_in(lesson_ids.clone()))
        .count(&state.db)
        .await?;
    if known_knelpunten != knelpunt_ids.len() as u64 || known_lessons != lesson_ids.len() as u64 {
        errors.add("", Text::InvalidChosenItemGone);
    }
    if let Some(g) = gemeente_id {
        if gemeente::Entity::find_by_id(g)
            .one(&state.db)
            .await?
            .is_none()
        {
            return Err(AppError::NotFound.with_status());
        }
    }
    let note = errors.accepted(note)?;
    let write = super::write::AuditedWrite::begin(&request).await?;
    let txn = write.db();
    let saved = crate::store::dialogue::save(
        txn,
        gemeente_id,
        &note,
        (&knelpunt_ids, &lesson_ids),
        viewer.account_id,
        chrono::Utc::now(),
    )
    .await?;
    write
        .commit(
            AuditAction::DialogueNoteSaved,
            Change::of("overlegverslag", saved.id).after(crate::store::dialogue::json(
                &saved,
                &note,
                (&knelpunt_ids, &lesson_ids),
            )),
        )
        .await?;
    leptos_axum::redirect(&format!("/overleg/{}", saved.id));
    Ok(())
}

#[server(endpoint = "governance/note-detail")]
pub async fn load_note(id: i32) -> Result<NoteView, AppError> {
    use shared::permissions::Permission;

    crate::auth::require(Permission::ReadNetwork)?;
    let state = crate::state::AppState::current();
    crate::store::dialogue::find(&state.db, id)
        .await?
        .ok_or_else(|| AppError::NotFound.with_status())
}
