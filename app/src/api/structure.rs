//! Beheer of the network's structure: gemeenten, wijken, teams and
//! organisations, each created or edited through one `save_*` function
//! (no id: create; an id: edit). Only for beheerders with two factors.

use crate::error::AppError;
use leptos::prelude::*;
use shared::dto;

#[server(endpoint = "admin/structure")]
pub async fn load_structure() -> Result<dto::NetworkStructure, AppError> {
    use shared::permissions::Permission;
    crate::auth::require(Permission::Administer)?;
    let state = crate::state::AppState::current();
    Ok(crate::store::structure::load(&state.db).await?)
}

/// Creates (no `id`) or edits a row of the structure with its audit entry
/// ("{object}-aanmaken" or "-wijzigen"), and returns to the structure page.
/// `describe` gives a row's id and what the audit keeps of it.
#[cfg(feature = "ssr")]
async fn audited_save<A>(
    write: super::write::AuditedWrite<'_>,
    object_type: &'static str,
    id: Option<i32>,
    values: A,
    describe: impl Fn(&crate::store::rows::RowOf<A>) -> (i32, serde_json::Value),
) -> Result<(), AppError>
where
    A: sea_orm::ActiveModelTrait + sea_orm::ActiveModelBehavior + Send,
    crate::store::rows::RowOf<A>: sea_orm::IntoActiveModel<A>,
    i32: Into<
        <<A::Entity as sea_orm::EntityTrait>::PrimaryKey as sea_orm::PrimaryKeyTrait>::ValueType,
    >,
{
    use super::write::{found, AuditAction, Change};
    use crate::store::rows;
    let before = found(rows::existing::<A::Entity>(write.db(), id).await)?;
    let saved = rows::upsert(write.db(), before.as_ref(), values).await?;
    let before = before.as_ref().map(|row| describe(row).1);
    let (id, after) = describe(&saved);
    let action = AuditAction::saved(
        &before,
        AuditAction::StructureCreated(object_type),
        AuditAction::StructureEdited(object_type),
    );
    let change = Change::of(object_type, id)
        .before(before.map(|b| b.to_string()))
        .after(after.to_string());
    write.commit(action, change).await?;
    leptos_axum::redirect("/beheer/structuur");
    Ok(())
}

#[server(endpoint = "admin/gemeente/save")]
pub async fn save_gemeente(
    id: Option<i32>,
    cbs_code: String,
    name: String,
) -> Result<(), AppError> {
    use crate::error::FormErrors;
    use crate::store::entity::gemeente;
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, Set};
    use shared::permissions::Permission;
    use shared::validation;

    let (request, _) = crate::auth::require(Permission::Administer)?;
    let state = crate::state::AppState::current();
    let mut errors = FormErrors::new(&[("cbs_code", cbs_code.as_str()), ("name", name.as_str())]);
    errors.check("cbs_code", validation::gemeente_code(&cbs_code));
    errors.check("name", validation::name(&name));
    let taken = gemeente::Entity::find()
        .filter(gemeente::Column::CbsCode.eq(cbs_code.trim()))
        .one(&state.db)
        .await?
        .is_some_and(|g| Some(g.id) != id);
    if taken {
        errors.add("cbs_code", shared::i18n::Text::InvalidGemeenteCodeTaken);
    }
    errors.into_result()?;
    let write = super::write::AuditedWrite::begin(&request).await?;
    let values = gemeente::ActiveModel {
        cbs_code: Set(cbs_code.trim().to_string()),
        name: Set(name.trim().to_string()),
        ..Default::default()
    };
    audited_save(write, "gemeente", id, values, |row| {
        (
            row.id,
            serde_json::json!({ "cbs_code": row.cbs_code, "name": row.name }),
        )
    })
    .await
}

#[server(endpoint = "admin/wijk/save")]
pub async fn save_wijk(
    id: Option<i32>,
    gemeente_id: i32,
    cbs_code: String,
    name: String,
) -> Result<(), AppError> {
    use crate::error::FormErrors;
    use crate::store::entity::{gemeente, wijk};
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, Set};
    use shared::permissions::Permission;
    use shared::validation;

    let (request, _) = crate::auth::require(Permission::Administer)?;
    let state = crate::state::AppState::current();
    let gemeente_text = gemeente_id.to_string();
    let mut errors = FormErrors::new(&[
        ("gemeente_id", gemeente_text.as_str()),
        ("cbs_code", cbs_code.as_str()),
        ("name", name.as_str()),
    ]);
    errors.check("cbs_code", validation::wijk_code(&cbs_code));
    errors.check("name", validation::name(&name));
    if gemeente::Entity::find_by_id(gemeente_id)
        .one(&state.db)
        .await?
        .is_none()
    {
        errors.add("gemeente_id", shared::i18n::Text::InvalidChooseGemeente);
    }
    let taken = wijk::Entity::find()
        .filter(wijk::Column::CbsCode.eq(cbs_code.trim()))
        .one(&state.db)
        .await?
        .is_some_and(|w| Some(w.id) != id);
    if taken {
        errors.add("cbs_code", shared::i18n::Text::InvalidWijkCodeTaken);
    }
    errors.into_result()?;
    let write = super::write::AuditedWrite::begin(&request).await?;
    let values = wijk::ActiveModel {
        gemeente_id: Set(gemeente_id),
        cbs_code: Set(cbs_code.trim().to_string()),
        name: Set(name.trim().to_string()),
        ..Default::default()
    };
    audited_save(write, "wijk", id, values, |row| {
        (row.id, serde_json::json!({ "gemeente_id": row.gemeente_id, "cbs_code": row.cbs_code, "name": row.name }))
    })
    .await
}

#[server(endpoint = "admin/team/save")]
pub async fn save_team(
    id: Option<i32>,
    wijk_id: i32,
    name: String,
    doelgroep: String,
) -> Result<(), AppError> {
    use crate::error::FormErrors;
    use crate::store::entity::{team, wijk};
    use sea_orm::{EntityTrait, Set};
    use shared::network::Doelgroep;
    use shared::permissions::Permission;

    let (request, _) = crate::auth::require(Permission::Administer)?;
    let state = crate::state::AppState::current();
    let wijk_text = wijk_id.to_string();
    let mut errors = FormErrors::new(&[
        ("wijk_id", wijk_text.as_str()),
        ("name", name.as_str()),
        ("doelgroep", doelgroep.as_str()),
    ]);
    errors.check("name", shared::validation::name(&name));
    if Doelgroep::from_code(&doelgroep).is_none() {
        errors.add("doelgroep", shared::i18n::Text::InvalidChooseDoelgroep);
    }
    if wijk::Entity::find_by_id(wijk_id)
        .one(&state.db)
        .await?
        .is_none()
    {
        errors.add("wijk_id", shared::i18n::Text::InvalidChooseWijk);
    }
    errors.into_result()?;
    let write = super::write::AuditedWrite::begin(&request).await?;
    let values = team::ActiveModel {
        wijk_id: Set(wijk_id),
        name: Set(name.trim().to_string()),
        doelgroep: Set(doelgroep),
        ..Default::default()
    };
    audited_save(write, "team", id, values, |row| {
        (row.id, serde_json::json!({ "wijk_id": row.wijk_id, "name": row.name, "doelgroep": row.doelgroep }))
    })
    .await
}

#[server(endpoint = "admin/organisation/save")]
pub async fn save_organisation(
    id: Option<i32>,
    name: String,
    sector: String,
) -> Result<(), AppError> {
    use crate::error::FormErrors;
    use crate::store::entity::organisation;
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, Set};
    use shared::network::Sector;
    use shared::permissions::Permission;

    let (request, _) = crate::auth::require(Permission::Administer)?;
    let state = crate::state::AppState::current();
    let mut errors = FormErrors::new(&[("name", name.as_str()), ("sector", sector.as_str())]);
    errors.check("name", shared::validation::name(&name));
    if Sector::from_code(&sector).is_none() {
        errors.add("sector", shared::i18n::Text::InvalidChooseSector);
    }
    let taken = organisation::Entity::find()
        .filter(organisation::Column::Name.eq(name.trim()))
        .one(&state.db)
        .await?
        .is_some_and(|o| Some(o.id) != id);
    if taken {
        errors.add("name", shared::i18n::Text::InvalidOrganisationNameTaken);
    }
    errors.into_result()?;
    let write = super::write::AuditedWrite::begin(&request).await?;
    let values = organisation::ActiveModel {
        name: Set(name.trim().to_string()),
        sector: Set(sector),
        ..Default::default()
    };
    audited_save(write, "organisatie", id, values, |row| {
        (
            row.id,
            serde_json::json!({ "name": row.name, "sector": row.sector }),
        )
    })
    .await
}
