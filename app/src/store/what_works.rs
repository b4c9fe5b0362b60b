//! Wat werkt: for every measure, the teams beyond the favourable funnel
//! limit of all teams over the last twelve months ("kijk eens in de keuken
//! bij …"), and per agreement theme the teams with an active agreement set
//! against the teams without, and the change around such agreements'
//! start. Only figures that may be shown take part.

use super::compare::compare;
use super::entity::{adoption, agreement, outcome_period};
use chrono::Datelike;
use sea_orm::{ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QueryOrder};
use shared::dto::{CompareQuery, Standout, ThemeAssociation, WhatWorks};
use shared::network::{AgreementStatus, AgreementTheme, Measure};
use shared::stats::association;
use shared::suppression::SuppressionPolicy;
use shared::Month;
use std::collections::{HashMap, HashSet};

pub async fn what_works(
    db: &impl ConnectionTrait,
    policy: SuppressionPolicy,
) -> Result<WhatWorks, DbErr> {
    let mut active: HashMap<AgreementTheme, HashSet<i32>> = HashMap::new();
    // Agreements that took effect: (theme, team, month).
    let mut started: Vec<(AgreementTheme, i32, Month)> = Vec::new();
    for a in agreement::Entity::find()
        .filter(agreement::Column::Status.ne(AgreementStatus::Concept.code()))
        .all(db)
        .await?
    {
        let Some(theme) = AgreementTheme::from_code(&a.theme) else {
            continue;
        };
        if a.status == AgreementStatus::Actief.code() {
            active.entry(theme).or_default().insert(a.team_id);
        }
        if let Some(day) = a.effective_from {
            if let Some(month) = Month::new(day.year(), day.month() as u8) {
                started.push((theme, a.team_id, month));
            }
        }
    }
    let periods = outcome_period::Entity::find()
        .order_by_asc(outcome_period::Column::Month)
        .all(db)
        .await?;
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
        // Each team's shown monthly figures, for before/after.
        let mut series: HashMap<i32, Vec<(Month, f64)>> = HashMap::new();
        for p in &periods {
            if let (Some(v), Ok(m)) = (
                super::series::figure(p, measure, policy).value(),
                p.month.parse::<Month>(),
            ) {
                series.entry(p.team_id).or_default().push((m, v));
            }
        }
        for &theme in AgreementTheme::ALL {
            let changes: Vec<f64> = started
                .iter()
                .filter(|(th, ..)| *th == theme)
                .filter_map(|(_, team, month)| {
                    association::window_change(series.get(team)?, *month)
                })
                .collect();
            let with_theme = active.get(&theme);
            let (with, without): (Vec<(i32, f64)>, Vec<(i32, f64)>) = values
                .iter()
                .partition(|(team, _)| with_theme.is_some_and(|teams| teams.contains(team)));
            let pick = |group: &[(i32, f64)]| group.iter().map(|(_, v)| *v).collect::<Vec<_>>();
            themes.push(ThemeAssociation {
                measure,
                theme,
                comparison: association::compare(&pick(&with), &pick(&without)),
                before_after: association::before_after(&changes),
            });
        }
    }
    Ok(WhatWorks {
        period,
        standouts,
        themes,
        adoptions: adoptions_per_month(db, period.map(|(_, last)| last)).await?,
    })
}

/// Adoptions per month over the two years up to `last` (or this month).
pub async fn adoptions_per_month(
    db: &impl ConnectionTrait,
    last: Option<Month>,
) -> Result<Vec<(Month, u32)>, DbErr> {
    let today = chrono::Utc::now().date_naive();
    let now = Month::new(today.year(), today.month() as u8).expect("a calendar month");
    let last = last.map_or(now, |l| l.max(now));
    let first = last.plus(-23);
    let mut counts: HashMap<Month, u32> = HashMap::new();
    for a in adoption::Entity::find().all(db).await? {
        let day = a.created_at.date_naive();
        if let Some(m) = Month::new(day.year(), day.month() as u8) {
            *counts.entry(m).or_default() += 1;
        }
    }
    Ok((0..24)
        .map(|i| {
            let m = first.plus(i);
            (m, counts.get(&m).copied().unwrap_or(0))
        })
        .collect())
}
