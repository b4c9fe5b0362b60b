//! The network's structure as beheerders keep it: gemeenten, wijken,
//! teams and organisations.

use super::entity::{gemeente, organisation, team, wijk};
use sea_orm::{ConnectionTrait, DbErr, EntityTrait, QueryOrder};
use shared::dto::{GemeenteRecord, NetworkStructure, OrganisationRecord, TeamRecord, WijkRecord};
use shared::network::{Doelgroep, Sector};

/// Every gemeente by name: (id, name), to choose from or filter by.
pub async fn gemeente_names(db: &impl ConnectionTrait) -> Result<Vec<(i32, String)>, DbErr> {
    Ok(gemeente::Entity::find()
        .order_by_asc(gemeente::Column::Name)
        .all(db)
        .await?
        .into_iter()
        .map(|g| (g.id, g.name))
        .collect())
}

pub async fn load(db: &impl ConnectionTrait) -> Result<NetworkStructure, DbErr> {
    Ok(NetworkStructure {
        gemeenten: gemeente::Entity::find()
            .order_by_asc(gemeente::Column::Name)
            .all(db)
            .await?
            .into_iter()
            .map(|g| GemeenteRecord {
                id: g.id,
                cbs_code: g.cbs_code,
                name: g.name,
            })
            .collect(),
        wijken: wijk::Entity::find()
            .order_by_asc(wijk::Column::Name)
            .all(db)
            .await?
            .into_iter()
            .map(|w| WijkRecord {
                id: w.id,
                gemeente_id: w.gemeente_id,
                cbs_code: w.cbs_code,
                name: w.name,
            })
            .collect(),
        teams: team::Entity::find()
            .order_by_asc(team::Column::Name)
            .all(db)
            .await?
            .into_iter()
            .map(|t| TeamRecord {
                id: t.id,
                wijk_id: t.wijk_id,
                doelgroep: Doelgroep::from_code(&t.doelgroep).unwrap_or(Doelgroep::Overig),
                name: t.name,
            })
            .collect(),
        organisations: organisations(db).await?,
    })
}

/// Every organisation, by name.
pub async fn organisations(db: &impl ConnectionTrait) -> Result<Vec<OrganisationRecord>, DbErr> {
    Ok(organisation::Entity::find()
        .order_by_asc(organisation::Column::Name)
        .all(db)
        .await?
        .into_iter()
        .map(|o| OrganisationRecord {
            id: o.id,
            sector: Sector::from_code(&o.sector).unwrap_or(Sector::Welzijn),
            name: o.name,
        })
        .collect())
}
