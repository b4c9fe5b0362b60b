//! Lessons: read one with what other teams did with it; record or edit one
//! (members of its team); react, mark useful or adopt it (on behalf of one
//! of the viewer's own teams).

#[cfg(feature = "ssr")]
use super::write::{AuditAction, Change};
use crate::error::AppError;
use leptos::prelude::*;
use shared::dto::{LessonDetail, LessonForm};

#[server(endpoint = "lessons/detail")]
pub async fn load_lesson(id: i32) -> Result<LessonDetail, AppError> {
    use crate::store::{lessons, teams};
    use shared::network::LessonSource;
    use shared::permissions::{self, Permission};

    let (request, viewer) = crate::auth::require(Permission::ReadNetwork)?;
    let state = crate::state::AppState::current();
    let lesson = lessons::find(&state.db, id)
        .await?
        .ok_or_else(|| AppError::NotFound.with_status())?;
    crate::auth::audit_outside_view(
        &state.audit,
        &request,
        lesson.team_id,
        ("les", Some(id.to_string())),
    )
    .await?;
    let viewer_writes =
        permissions::check(Some(&viewer), Permission::WriteTeam(lesson.team_id)).is_ok();
    let useful_ids = lessons::useful_team_ids(&state.db, id).await?;
    let adoptions = crate::store::adoptions::made_from(
        &state.db,
        crate::store::entity::adoption::Column::LessonId,
        id,
    )
    .await?;
    let mut ids = useful_ids.clone();
    ids.extend(adoptions.iter().map(|(_, team)| *team));
    ids.push(lesson.team_id);
    let names = teams::team_names(&state.db, &ids).await?;
    let name = |id: &i32| names.get(id).cloned().unwrap_or_default();
    let acting = teams::acting_teams(&state.db, &viewer).await?;
    let others = || acting.iter().filter(|t| t.id != lesson.team_id).cloned();
    Ok(LessonDetail {
        id,
        team_id: lesson.team_id,
        team_name: name(&lesson.team_id),
        source: LessonSource::from_code(&lesson.source).unwrap_or(LessonSource::Overig),
        tags: shared::lessons::tags(&lesson.tags),
        recorded_on: shared::clock::local_date(lesson.created_at).to_string(),
        agreements: lessons::linked_agreements(&state.db, id).await?,
        reactions: lessons::reactions(&state.db, id).await?,
        useful_teams: useful_ids.iter().map(name).collect(),
        adoptions: adoptions
            .iter()
            .map(|(agreement, team)| (*agreement, name(team)))
            .collect(),
        viewer_writes,
        viewer_redacts: permissions::check(Some(&viewer), Permission::Redact(lesson.team_id))
            .is_ok(),
        agreement_options: if viewer_writes {
            lessons::agreement_options(&state.db, lesson.team_id).await?
        } else {
            Vec::new()
        },
        endorsing_teams: others().filter(|t| !useful_ids.contains(&t.id)).collect(),
        adopting_teams: others().collect(),
        reacting_teams: acting.clone(),
        discussed_in: crate::store::dialogue::of_lesson(&state.db, id).await?,
        title: lesson.title,
        what_happened: lesson.what_happened,
        what_worked: lesson.what_worked,
        what_needed: lesson.what_needed,
    })
}

/// What the new-lesson form of a team needs.
#[server(endpoint = "lessons/form")]
pub async fn load_lesson_form(team_id: i32) -> Result<LessonForm, AppError> {
    use crate::store::{lessons, teams};
    use shared::permissions::Permission;
    crate::auth::require(Permission::WriteTeam(team_id))?;
    let state = crate::state::AppState::current();
    let team_name = teams::team_names(&state.db, &[team_id])
        .await?
        .remove(&team_id)
        .ok_or_else(|| AppError::NotFound.with_status())?;
    Ok(LessonForm {
        team_id,
        team_name,
        agreement_options: lessons::agreement_options(&state.db, team_id).await?,
    })
}

/// Records a new lesson (no `id`) or edits one. `agreements` are the
/// team's agreements it links to (checkboxes `agreements[i]`).
#[server(endpoint = "lessons/save")]
pub async fn save_lesson(
    team_id: i32,
    id: Option<i32>,
    #[server(flatten)] form: shared::lessons::LessonForm,
    #[server(default)] agreements: Vec<i32>,
    #[server(default)] personal_data_checked: Option<String>,
) -> Result<(), AppError> {
    use crate::error::FormErrors;
    use crate::store::lessons::{self, LessonContent};
    use shared::i18n::Text;
    use shared::permissions::Permission;

    let (request, _) = crate::auth::require(Permission::WriteTeam(team_id))?;
    let state = crate::state::AppState::current();
    let ticked: Vec<String> = agreements.iter().map(i32::to_string).collect();
    let mut errors = FormErrors::typed(&form).keeping("agreements", &ticked.join(","));
    errors.add_all(shared::lessons::lesson(&form));
    let own: Vec<i32> = lessons::agreement_options(&state.db, team_id)
        .await?
        .into_iter()
        .map(|(id, _)| id)
        .collect();
    if agreements.iter().any(|a| !own.contains(a)) {
        errors.add("", Text::InvalidLessonLinksOwnAgreements);
    }
    errors.check_personal_data(
        &[
            ("title", form.title.as_str()),
            ("what_happened", form.what_happened.as_str()),
            ("what_worked", form.what_worked.as_str()),
            ("what_needed", form.what_needed.as_str()),
        ],
        &personal_data_checked,
    );
    errors.into_result()?;
    let mut agreement_ids = agreements;
    agreement_ids.sort_unstable();
    agreement_ids.dedup();
    let content = LessonContent {
        tags: shared::lessons::tags(&form.tags),
        source: form.source,
        title: form.title,
        what_happened: form.what_happened,
        what_worked: form.what_worked,
        what_needed: form.what_needed,
        agreement_ids: agreement_ids.clone(),
    };
    let write = super::write::AuditedWrite::begin(&request).await?;
    let txn = write.db();
    let before_links = match id {
        Some(id) => lessons::linked_agreements(txn, id)
            .await?
            .into_iter()
            .map(|(id, _)| id)
            .collect(),
        None => Vec::new(),
    };
    let (before, after) =
        super::write::found(lessons::save(txn, team_id, id, content, chrono::Utc::now()).await)?;
    write
        .commit(
            AuditAction::saved(
                &before,
                AuditAction::LessonCreated,
                AuditAction::LessonEdited,
            ),
            Change::of("les", after.id)
                .before(before.as_ref().map(|b| lessons::json(b, &before_links)))
                .after(lessons::json(&after, &agreement_ids)),
        )
        .await?;
    if before.is_none() {
        leptos_axum::redirect(&format!("/lessen/{}", after.id));
    }
    Ok(())
}

/// Reacts to a lesson on behalf of one of the viewer's teams.
#[server(endpoint = "lessons/react")]
pub async fn react_to_lesson(
    lesson_id: i32,
    team_id: i32,
    body: String,
    #[server(default)] personal_data_checked: Option<String>,
) -> Result<(), AppError> {
    use crate::error::FormErrors;
    use crate::store::lessons;
    use shared::permissions::Permission;

    let (request, viewer) = crate::auth::require(Permission::WriteTeam(team_id))?;
    let state = crate::state::AppState::current();
    FormErrors::short_message(&body, &personal_data_checked).into_result()?;
    lessons::find(&state.db, lesson_id)
        .await?
        .ok_or_else(|| AppError::NotFound.with_status())?;
    let write = super::write::AuditedWrite::begin(&request).await?;
    let txn = write.db();
    let reaction = lessons::react(
        txn,
        lesson_id,
        team_id,
        viewer.account_id,
        &body,
        chrono::Utc::now(),
    )
    .await?;
    write
        .commit(
            AuditAction::LessonReaction,
            Change::of("les", lesson_id).after(
                serde_json::json!({ "team_id": team_id, "body": reaction.body }).to_string(),
            ),
        )
        .await?;
    Ok(())
}

/// Marks another team's lesson useful, on behalf of one of the viewer's
/// teams.
#[server(endpoint = "lessons/useful")]
pub async fn mark_lesson_useful(lesson_id: i32, team_id: i32) -> Result<(), AppError> {
    use crate::error::FormErrors;
    use crate::store::lessons;
    use shared::permissions::Permission;

    let (request, _) = crate::auth::require(Permission::WriteTeam(team_id))?;
    let state = crate::state::AppState::current();
    let lesson = lessons::find(&state.db, lesson_id)
        .await?
        .ok_or_else(|| AppError::NotFound.with_status())?;
    let write = super::write::AuditedWrite::begin(&request).await?;
    let txn = write.db();
    let mut errors = FormErrors::new(&[]);
    if lesson.team_id == team_id {
        errors.add("", shared::i18n::Text::InvalidOwnLesson);
    } else if lessons::useful_team_ids(txn, lesson_id)
        .await?
        .contains(&team_id)
    {
        errors.add("", shared::i18n::Text::InvalidLessonUseful);
    }
    errors.into_result()?;
    lessons::mark_useful(txn, lesson_id, team_id, chrono::Utc::now()).await?;
    write
        .commit(
            AuditAction::LessonUseful,
            Change::of("les", lesson_id)
                .after(serde_json::json!({ "team_id": team_id }).to_string()),
        )
        .await?;
    Ok(())
}

/// Adopts another team's lesson as a concept agreement of one of the
/// viewer's teams, and opens that agreement.
#[server(endpoint = "lessons/adopt")]
pub async fn adopt_lesson(lesson_id: i32, team_id: i32, theme: String) -> Result<(), AppError> {
    use crate::error::FormErrors;
    use crate::store::lessons;
    use shared::permissions::Permission;

    let (request, viewer) = crate::auth::require(Permission::WriteTeam(team_id))?;
    let state = crate::state::AppState::current();
    let lesson = lessons::find(&state.db, lesson_id)
        .await?
        .ok_or_else(|| AppError::NotFound.with_status())?;
    let mut errors = FormErrors::new(&[("theme", theme.as_str())]);
    for (field, message) in shared::lessons::adoption(&theme) {
        errors.add(field, message);
    }
    if lesson.team_id == team_id {
        errors.add("", shared::i18n::Text::InvalidOwnLessonAdopted);
    }
    errors.into_result()?;
    super::agreements::record_adoption(
        &request,
        viewer.account_id,
        crate::store::adoptions::Source::Lesson(&lesson),
        (team_id, &theme),
        (AuditAction::LessonAdopted, "lesson_id", lesson_id),
    )
    .await
}
