//! Teams as other reads need them: by gemeente, as a subquery of ids, by
//! name, by doelgroep, and those a viewer acts for. A leaf: it reads the
//! entities only, so every store module may use it.

use super::entity::{team, wijk};
use sea_orm::{
    ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QueryOrder, QuerySelect,
};
use shared::network::Doelgroep;
use std::collections::HashMap;

/// The doelgroep of a team (Vergelijken's default for its members); the
/// first doelgroep for anyone else.
pub async fn doelgroep_of(
    db: &impl ConnectionTrait,
    team_id: Option<i32>,
) -> Result<Doelgroep, DbErr> {
    let Some(id) = team_id else {
        return Ok(Doelgroep::ALL[0]);
    };
    Ok(team::Entity::find_by_id(id)
        .one(db)
        .await?
        .map_or(Doelgroep::ALL[0], |t| doelgroep(&t.doelgroep)))
}

/// A stored doelgroep code; an unknown one counts as "overig".
pub fn doelgroep(code: &str) -> Doelgroep {
    Doelgroep::from_code(code).unwrap_or(Doelgroep::Overig)
}

/// The teams of one gemeente (or of the whole network), by name, as a
/// query to build on; the gemeente is a subquery, never a list of ids.
pub fn teams_in(gemeente_id: Option<i32>) -> sea_orm::Select<team::Entity> {
    use sea_orm::sea_query::Query;
    let teams = team::Entity::find().order_by_asc(team::Column::Name);
    match gemeente_id {
        None => teams,
        Some(g) => teams.filter(
            team::Column::WijkId.in_subquery(
                Query::select()
                    .column(wijk::Column::Id)
                    .from(wijk::Entity)
                    .and_where(wijk::Column::GemeenteId.eq(g))
                    .to_owned(),
            ),
        ),
    }
}

/// The ids of a query's teams, as a subquery.
pub fn team_ids(teams: &sea_orm::Select<team::Entity>) -> sea_orm::sea_query::SelectStatement {
    ids_of(teams.clone())
}

/// The ids of what `select` finds, as a subquery (unordered): a list of
/// ids bound one by one would pass the databases' parameter limits on a
/// national network.
pub fn ids_of<E: EntityTrait>(select: sea_orm::Select<E>) -> sea_orm::sea_query::SelectStatement
where
    E::PrimaryKey: sea_orm::PrimaryKeyToColumn<Column = E::Column>,
{
    use sea_orm::{Iterable, PrimaryKeyToColumn, QueryTrait};
    let mut ids = select.select_only();
    for key in E::PrimaryKey::iter() {
        ids = ids.column(key.into_column());
    }
    let mut ids = ids.into_query();
    ids.clear_order_by();
    ids
}

/// Team names by id, for the given ids.
pub async fn team_names(
    db: &impl ConnectionTrait,
    ids: &[i32],
) -> Result<HashMap<i32, String>, DbErr> {
    if ids.is_empty() {
        return Ok(HashMap::new());
    }
    Ok(team::Entity::find()
        .filter(team::Column::Id.is_in(ids.to_vec()))
        .all(db)
        .await?
        .into_iter()
        .map(|t| (t.id, t.name))
        .collect())
}

/// The teams a viewer may record in (and so act for on other teams'
/// records), with their names, by name.
pub async fn acting_teams(
    db: &impl ConnectionTrait,
    viewer: &shared::permissions::Viewer,
) -> Result<Vec<shared::dto::ActingTeam>, DbErr> {
    use shared::permissions::{check, Permission};
    let ids: Vec<i32> = viewer
        .teams
        .iter()
        .map(|m| m.team_id)
        .filter(|&id| check(Some(viewer), Permission::WriteTeam(id)).is_ok())
        .collect();
    let mut teams: Vec<shared::dto::ActingTeam> = team_names(db, &ids)
        .await?
        .into_iter()
        .map(|(id, name)| shared::dto::ActingTeam { id, name })
        .collect();
    teams.sort_by(|a, b| a.name.cmp(&b.name));
    Ok(teams)
}
