//! Reading what Vergelijken, Wat werkt and the bestuurderstafel compare:
//! the teams of a gemeente (or the network) with their months over recent
//! months, in a fixed number of queries. The comparisons themselves are
//! worked out from it in `shared::stats::comparison`, so one read serves
//! every measure, doelgroep and level.

use super::entity::{gemeente, outcome_period, team, wijk};
use sea_orm::{ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QueryOrder, Select};
use shared::dto::{CompareQuery, Comparison};
use shared::stats::comparison::{self, TeamMonths};
use shared::suppression::SuppressionPolicy;
use shared::Month;
use std::collections::HashMap;

type Col = outcome_period::Column;

/// The selected teams' months in `first..=last`, as a query to build on.
pub(super) fn months_of(
    teams: &Select<team::Entity>,
    first: Month,
    last: Month,
) -> Select<outcome_period::Entity> {
    outcome_period::Entity::find()
        .filter(Col::TeamId.in_subquery(super::teams::team_ids(teams)))
        .filter(Col::Month.gte(first.to_string()))
        .filter(Col::Month.lte(last.to_string()))
}

/// The teams of a gemeente (or of the network) with their months of a
/// period ending in the network's latest month.
pub struct Selection {
    /// Every gemeente, to filter by: (id, name).
    pub gemeenten: Vec<(i32, String)>,
    /// `None` when nothing was ever recorded.
    pub period: Option<(Month, Month)>,
    pub teams: Vec<TeamMonths>,
}

impl Selection {
    /// The comparison `query` asks for (its gemeente and months as read).
    pub fn compare(&self, query: CompareQuery, policy: SuppressionPolicy) -> Comparison {
        let Some(period) = self.period else {
            return Comparison {
                gemeenten: self.gemeenten.clone(),
                ..empty(query)
            };
        };
        Comparison {
            gemeenten: self.gemeenten.clone(),
            ..comparison::compare(query, period, &self.teams, policy)
        }
    }
}

/// The teams of `gemeente_id` (or all), of `doelgroep` only when given,
/// with their last `months` months: one comparison reads only its own
/// doelgroep; Wat werkt and the bestuurderstafel read every doelgroep once.
pub async fn select(
    db: &impl ConnectionTrait,
    gemeente_id: Option<i32>,
    doelgroep: Option<shared::network::Doelgroep>,
    months: u32,
) -> Result<Selection, DbErr> {
    let gemeenten: Vec<(i32, String)> = gemeente::Entity::find()
        .order_by_asc(gemeente::Column::Name)
        .all(db)
        .await?
        .into_iter()
        .map(|g| (g.id, g.name))
        .collect();
    let Some(last) = super::series::latest_month(db).await? else {
        return Ok(Selection {
            gemeenten,
            period: None,
            teams: Vec::new(),
        });
    };
    let first = last.plus(1 - months as i32);
    let mut selected = super::teams::teams_in(gemeente_id);
    if let Some(d) = doelgroep {
        selected = selected.filter(team::Column::Doelgroep.eq(d.code()));
    }
    let teams = selected.clone().all(db).await?;
    let mut wijken = wijk::Entity::find();
    if let Some(g) = gemeente_id {
        wijken = wijken.filter(wijk::Column::GemeenteId.eq(g));
    }
    let wijken: HashMap<i32, (String, i32)> = wijken
        .all(db)
        .await?
        .into_iter()
        .map(|w| (w.id, (w.name, w.gemeente_id)))
        .collect();
    let names: HashMap<i32, &String> = gemeenten.iter().map(|(id, n)| (*id, n)).collect();
    let mut months: HashMap<i32, Vec<_>> = HashMap::new();
    for p in months_of(&selected, first, last).all(db).await? {
        months
            .entry(p.team_id)
            .or_default()
            .push(super::results::monthly(&p));
    }
    let teams = teams
        .into_iter()
        .map(|t| {
            let (wijk, gemeente_id) = wijken.get(&t.wijk_id).cloned().unwrap_or_default();
            TeamMonths {
                doelgroep: super::teams::doelgroep(&t.doelgroep),
                wijk: (t.wijk_id, wijk),
                gemeente: (
                    gemeente_id,
                    names
                        .get(&gemeente_id)
                        .map(|n| n.to_string())
                        .unwrap_or_default(),
                ),
                months: months.remove(&t.id).unwrap_or_default(),
                team: (t.id, t.name),
            }
        })
        .collect();
    Ok(Selection {
        gemeenten,
        period: Some((first, last)),
        teams,
    })
}

/// One comparison, read and worked out.
pub async fn compare(
    db: &impl ConnectionTrait,
    query: CompareQuery,
    policy: SuppressionPolicy,
) -> Result<Comparison, DbErr> {
    Ok(select(db, query.gemeente_id, query.doelgroep, query.months)
        .await?
        .compare(query, policy))
}

fn empty(query: CompareQuery) -> Comparison {
    Comparison {
        query,
        gemeenten: Vec::new(),
        period: None,
        centre: None,
        cases: shared::suppression::Figure::NoData,
        spread: 0.0,
        overdispersion: None,
        inflation: 1.0,
        monthly_range: None,
        rows: Vec::new(),
        html: Default::default(),
    }
}
