//! Wat werkt: for every measure, the teams beyond the favourable funnel
//! limit of all teams over the last twelve months ("kijk eens in de keuken
//! bij …"), and per agreement theme the teams with an active agreement set
//! against the teams without. Only figures that may be shown take part.

use super::compare::compare;
use super::entity::agreement;
use sea_orm::{ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter};
use shared::dto::{CompareQuery, Standout, ThemeAssociation, WhatWorks};
use shared::network::{AgreementStatus, AgreementTheme, Measure};
use shared::stats::association;
use shared::suppression::SuppressionPolicy;
use std::collections::{HashMap, HashSet};

pub async fn what_works(
    db: &impl ConnectionTrait,
    policy: SuppressionPolicy,
) -> Result<WhatWorks, DbErr> {
    let mut active: HashMap<AgreementTheme, HashSet<i32>> = HashMap::new();
    for a in agreement::Entity::find()
        .filter(agreement::Column::Status.eq(AgreementStatus::Actief.code()))
        .all(db)
        .await?
    {
        if let Some(theme) = AgreementTheme::from_code(&a.theme) {
            active.entry(theme).or_default().insert(a.team_id);
        }
    }
    let mut period = None;
    let mut standouts = Vec::new();
    let mut themes = Vec::new();
    for &measure in Measure::ALL {
        let query = CompareQuery {
            measure,
            doelgroep: None,
            gemeente_id: None,
            months: 12,
        };
        let comparison = compare(db, query, policy).await?;
        period = period.or(comparison.period);
        let better = measure.better();
        let mut values: Vec<(i32, f64)> = Vec::new();
        for row in &comparison.rows {
            let Some(value) = row.value.value() else {
                continue;
            };
            values.push((row.team_id, value));
            if let Some(position) = row.position {
                if position.favourable(better) == Some(true) {
                    standouts.push(Standout {
                        measure,
                        team_id: row.team_id,
                        team: row.team.clone(),
                        wijk: row.wijk.clone(),
                        value,
                        position,
                    });
                }
            }
        }
        for &theme in AgreementTheme::ALL {
            let with_theme = active.get(&theme);
            let (with, without): (Vec<(i32, f64)>, Vec<(i32, f64)>) = values
                .iter()
                .partition(|(team, _)| with_theme.is_some_and(|teams| teams.contains(team)));
            let pick = |group: &[(i32, f64)]| group.iter().map(|(_, v)| *v).collect::<Vec<_>>();
            themes.push(ThemeAssociation {
                measure,
                theme,
                comparison: association::compare(&pick(&with), &pick(&without)),
            });
        }
    }
    Ok(WhatWorks {
        period,
        standouts,
        themes,
    })
}
