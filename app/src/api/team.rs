//! A team's space: reading it, what its coördinator manages (the team's
//! members, from the network's organisations), and the messages a team
//! sends another.

#[cfg(feature = "ssr")]
use super::write::{AuditAction, Change};
use crate::error::AppError;
use leptos::prelude::*;
use shared::dto;

/// A team's space. A view by someone outside the team is audited.
#[server(endpoint = "network/team")]
pub async fn team_space(team_id: i32) -> Result<dto::TeamSpace, AppError> {
    use shared::permissions::{self, Permission};
    let (request, viewer) = crate::auth::require(Permission::ReadNetwork)?;
    let state = crate::state::AppState::current();
    // A team sees its own figures in full; everyone else, suppressed.
    let policy = if viewer.is_member(team_id) {
        shared::suppression::SuppressionPolicy::OWN_TEAM
    } else {
        state.suppression
    };
    let acting = crate::store::teams::acting_teams(&state.db, &viewer).await?;
    let partners: Vec<i32> = acting
        .iter()
        .map(|t| t.id)
        .filter(|&id| id != team_id)
        .collect();
    let threads = if viewer.is_member(team_id) {
        crate::store::messages::threads(&state.db, team_id, None).await?
    } else {
        crate::store::messages::threads(&state.db, team_id, Some(&partners)).await?
    };
    let space = state
        .insight
        .team_space(&state.db, request.seen, team_id, policy)
        .await?
        .map(|kept| dto::TeamSpace {
            threads,
            asking_teams: acting.into_iter().filter(|t| t.id != team_id).collect(),
            viewer_coordinates: permissions::check(Some(&viewer), Permission::ManageTeam(team_id))
                .is_ok(),
            viewer_writes: permissions::check(Some(&viewer), Permission::WriteTeam(team_id))
                .is_ok(),
            ..kept.as_ref().clone()
        });
    if space.is_some() {
        crate::auth::audit_outside_view(
            &state.audit,
            &request,
            team_id,
            ("team", Some(team_id.to_string())),
        )
        .await?;
    }
    space.ok_or_else(|| AppError::NotFound.with_status())
}

/// Organisations to choose from, e.g. for a new member.
#[server(endpoint = "network/organisations")]
pub async fn organisation_options() -> Result<Vec<(i32, String)>, AppError> {
    use shared::permissions::Permission;
    crate::auth::require(Permission::ReadNetwork)?;
    let state = crate::state::AppState::current();
    Ok(crate::store::structure::organisations(&state.db)
        .await?
        .into_iter()
        .map(|o| (o.id, o.name))
        .collect())
}

#[cfg(feature = "ssr")]
fn member_json(m: &crate::store::entity::membership::Model) -> String {
    serde_json::json!({
        "team_id": m.team_id,
        "account_id": m.account_id,
        "organisation_id": m.organisation_id,
        "discipline": m.discipline,
        "coordinator": m.coordinator,
    })
    .to_string()
}

/// Adds an existing, active account to the team.
#[server(endpoint = "team/members/add")]
pub async fn add_member(
    team_id: i32,
    email: String,
    discipline: String,
    organisation_id: i32,
) -> Result<(), AppError> {
    use crate::error::FormErrors;
    use crate::store::accounts;
    use crate::store::entity::{membership, organisation};
    use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, Set};
    use shared::permissions::Permission;

    let (request, _) = crate::auth::require(Permission::ManageTeam(team_id))?;
    let state = crate::state::AppState::current();
    let organisation_text = organisation_id.to_string();
    let mut errors = FormErrors::new(&[
        ("email", email.as_str()),
        ("discipline", discipline.as_str()),
        ("organisation_id", organisation_text.as_str()),
    ]);
    errors.check("discipline", shared::validation::name(&discipline));
    let account = accounts::find_by_email(&state.db, &email)
        .await?
        .filter(|a| a.active);
    match &account {
        None => errors.add("email", shared::i18n::Text::InvalidNoActiveAccount),
        Some(a) => {
            let already = membership::Entity::find()
                .filter(membership::Column::TeamId.eq(team_id))
                .filter(membership::Column::AccountId.eq(a.id))
                .one(&state.db)
                .await?;
            if already.is_some() {
                errors.add("email", shared::i18n::Text::InvalidAlreadyMember);
            }
        }
    }
    if organisation::Entity::find_by_id(organisation_id)
        .one(&state.db)
        .await?
        .is_none()
    {
        errors.add(
            "organisation_id",
            shared::i18n::Text::InvalidChooseOrganisation,
        );
    }
    errors.into_result()?;
    let account = account.expect("checked above");
    let write = super::write::AuditedWrite::begin(&request).await?;
    let txn = write.db();
    let added = membership::ActiveModel {
        team_id: Set(team_id),
        account_id: Set(account.id),
        organisation_id: Set(organisation_id),
        discipline: Set(discipline.trim().to_string()),
        coordinator: Set(false),
        ..Default::default()
    }
    .insert(txn)
    .await?;
    write
        .commit(
            AuditAction::MemberAdded,
            Change::of("team", team_id).after(member_json(&added)),
        )
        .await?;
    // No redirect: a form post returns to the team page by itself.
    Ok(())
}

/// Removes a member from the team; a coördinator cannot remove themselves.
#[server(endpoint = "team/members/remove")]
pub async fn remove_member(team_id: i32, account_id: i32) -> Result<(), AppError> {
    use crate::error::FormErrors;

    use crate::store::entity::{membership, team};
    use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, Set};
    use shared::permissions::Permission;

    let (request, viewer) = crate::auth::require(Permission::ManageTeam(team_id))?;
    if account_id == viewer.account_id {
        let mut errors = FormErrors::default();
        errors.add("", shared::i18n::Text::InvalidRemoveSelf);
        return Err(AppError::Invalid(errors).with_status());
    }
    let write = super::write::AuditedWrite::begin(&request).await?;
    let txn = write.db();
    let member = membership::Entity::find()
        .filter(membership::Column::TeamId.eq(team_id))
        .filter(membership::Column::AccountId.eq(account_id))
        .one(txn)
        .await?
        .ok_or(AppError::NotFound)?;
    membership::Entity::delete_by_id(member.id)
        .exec(txn)
        .await?;
    // The team's contact person must be a member: the coördinator takes over.
    let team = team::Entity::find_by_id(team_id)
        .one(txn)
        .await?
        .ok_or(AppError::NotFound)?;
    if team.contact_account_id == Some(account_id) {
        team::ActiveModel {
            id: Set(team_id),
            contact_account_id: Set(Some(viewer.account_id)),
            ..Default::default()
        }
        .update(txn)
        .await?;
    }
    write
        .commit(
            AuditAction::MemberRemoved,
            Change::of("team", team_id).before(Some(member_json(&member))),
        )
        .await?;
    // No redirect: a form post returns to the team page by itself.
    Ok(())
}

/// Sends another team a message (a question, or the answer to one) on
/// behalf of one of the viewer's teams. Both teams read the thread.
#[server(endpoint = "team/message")]
pub async fn send_team_message(
    to_team_id: i32,
    team_id: i32,
    body: String,
    #[server(default)] personal_data_checked: Option<String>,
) -> Result<(), AppError> {
    use crate::error::FormErrors;
    use shared::permissions::Permission;

    let (request, viewer) = crate::auth::require(Permission::WriteTeam(team_id))?;
    let mut errors = FormErrors::short_message(&body, &personal_data_checked);
    if to_team_id == team_id {
        errors.add("", shared::i18n::Text::InvalidMessageToOwnTeam);
    }
    errors.into_result()?;
    let state = crate::state::AppState::current();
    if crate::store::teams::team_names(&state.db, &[to_team_id])
        .await?
        .is_empty()
    {
        return Err(AppError::NotFound.with_status());
    }
    let write = super::write::AuditedWrite::begin(&request).await?;
    let txn = write.db();
    let sent = crate::store::messages::send(
        txn,
        to_team_id,
        team_id,
        viewer.account_id,
        &body,
        chrono::Utc::now(),
    )
    .await?;
    write
        .commit(
            AuditAction::TeamMessage,
            Change::of("team", to_team_id).after(
                serde_json::json!({ "from_team_id": team_id, "body": sent.body }).to_string(),
            ),
        )
        .await?;
    Ok(())
}
