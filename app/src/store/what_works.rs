//! Wat werkt: for every measure, the teams beyond the favourable funnel
//! limit of all teams over the last twelve months ("kijk eens in de keuken
//! bij …"), and per agreement theme the teams with an active agreement set
//! against the teams without, and the change around the start of the
//! agreements that took effect in the last two years. Only figures that may
//! be shown take part; the months come from the network's recent months
//! (`store::compare::Recent`), which keep what these windows need.

use super::entity::{adoption, agreement};
use chrono::Datelike;
use sea_orm::{ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QuerySelect};
use shared::dto::{CompareQuery, Comparison, Standout, Standouts, ThemeAssociation, WhatWorks};
use shared::network::{AgreementStatus, AgreementTheme, CompareLevel, Doelgroep, Measure};
use shared::stats::association;
use shared::suppression::SuppressionPolicy;
use shared::Month;
use std::collections::{HashMap, HashSet};

/// How far back before/after looks for agreements that took effect
/// (`store::compare` keeps these months and the window before them).
const RECENT_MONTHS: i32 = 24;

/// What Wat werkt reads besides the months: the agreements set (not
/// concepts) and the adoptions. They change only with what every page
/// shares, so they are kept under its count (`insight_cache`) while
/// months are saved.
pub struct Agreements {
    /// The network's latest month they were read up to.
    latest: Option<Month>,
    /// Per theme, the teams with an active agreement.
    active: HashMap<AgreementTheme, HashSet<i32>>,
    /// Agreements that took effect in the last two years: (theme, team,
    /// month).
    started: Vec<(AgreementTheme, i32, Month)>,
    /// Adoptions per month over the two years up to the latest month.
    adoptions: Vec<(Month, u32)>,
}

impl Agreements {
    /// Read with the network's latest month `latest`.
    pub async fn read(db: &impl ConnectionTrait, latest: Option<Month>) -> Result<Self, DbErr> {
        let adoptions = adoptions_per_month(db, latest).await?;
        let mut active: HashMap<AgreementTheme, HashSet<i32>> = HashMap::new();
        let mut started = Vec::new();
        let Some(last) = latest else {
            return Ok(Self {
                latest,
                active,
                started,
                adoptions,
            });
        };
        let recent = last.plus(-(RECENT_MONTHS - 1));
        for (theme, team_id, status, effective_from) in agreement::Entity::find()
            .select_only()
            .columns([
                agreement::Column::Theme,
                agreement::Column::TeamId,
                agreement::Column::Status,
                agreement::Column::EffectiveFrom,
            ])
            .filter(agreement::Column::Status.ne(AgreementStatus::Concept.code()))
            .into_tuple::<(String, i32, String, Option<chrono::NaiveDate>)>()
            .all(db)
            .await?
        {
            let Some(theme) = AgreementTheme::from_code(&theme) else {
                continue;
            };
            if status == AgreementStatus::Actief.code() {
                active.entry(theme).or_default().insert(team_id);
            }
            let month = effective_from.and_then(|day| Month::new(day.year(), day.month() as u8));
            if let Some(month) = month.filter(|&m| m >= recent) {
                started.push((theme, team_id, month));
            }
        }
        Ok(Self {
            latest,
            active,
            started,
            adoptions,
        })
    }

    /// Its size in memory in bytes, near enough.
    pub fn weight(&self) -> usize {
        let teams: usize = self.active.values().map(HashSet::len).sum();
        64 + 16 * teams + 16 * self.started.len() + 8 * self.adoptions.len()
    }
}

/// Wat werkt from the network's recent months (`network`) and its
/// agreements (`agreements`, read with the same latest month).
pub fn what_works(
    network: &super::compare::Recent,
    agreements: &Agreements,
    policy: SuppressionPolicy,
) -> WhatWorks {
    debug_assert_eq!(network.latest(), agreements.latest);
    let Some(last) = network.latest() else {
        return WhatWorks {
            period: None,
            standouts: Standouts::default(),
            themes: Vec::new(),
            adoptions: agreements.adoptions.clone(),
            html: Default::default(),
        };
    };
    let recent = last.plus(-(RECENT_MONTHS - 1));
    let active = &agreements.active;
    let started = &agreements.started;
    let changes = changes_around(network, started, recent, policy);
    let mut period = None;
    let mut standouts = Vec::new();
    let mut themes = Vec::new();
    // One pass over the last twelve months serves every measure, over all
    // teams and within each doelgroep.
    let selection = network.select(None, None, 12);
    let scopes = 1 + Doelgroep::ALL.len();
    let queries = Measure::ALL
        .iter()
        .flat_map(|&measure| {
            std::iter::once(None)
                .chain(Doelgroep::ALL.iter().copied().map(Some))
                .map(move |doelgroep| teams_query(measure, doelgroep, None))
        })
        .collect();
    let comparisons = selection.compare_all(queries, policy);
    for (&measure, of_measure) in Measure::ALL.iter().zip(comparisons.chunks(scopes)) {
        let comparison = &of_measure[0];
        period = period.or(comparison.period);
        standouts.extend(of_measure[1..].iter().flat_map(standouts_of));
        let values: Vec<(i32, f64)> = comparison
            .rows
            .iter()
            .filter_map(|row| Some((row.id, row.value.value()?)))
            .collect();
        for &theme in AgreementTheme::ALL {
            let with_theme = active.get(&theme);
            let (with, without): (Vec<&(i32, f64)>, Vec<_>) = values
                .iter()
                .partition(|(team, _)| with_theme.is_some_and(|teams| teams.contains(team)));
            let pick = |group: &[&(i32, f64)]| group.iter().map(|(_, v)| *v).collect::<Vec<_>>();
            themes.push(ThemeAssociation {
                measure,
                theme,
                comparison: association::compare(&pick(&with), &pick(&without)),
                before_after: association::before_after(
                    changes
                        .get(&(measure, theme))
                        .map_or(&[][..], Vec::as_slice),
                ),
            });
        }
    }
    // Every theme on every measure is tested at once: "clear" only after
    // Holm's adjustment for all of them.
    let mut comparisons: Vec<&mut association::GroupComparison> = themes
        .iter_mut()
        .filter_map(|t| t.comparison.as_mut())
        .collect();
    association::adjust_for_multiple_tests(&mut comparisons);
    WhatWorks {
        period,
        standouts: Standouts::of(standouts),
        themes,
        adoptions: agreements.adoptions.clone(),
        html: Default::default(),
    }
}

/// Per measure and theme, the change in a team's shown monthly figures
/// around the start of each of `started`, beyond the change of the teams
/// of its doelgroep that did not start an agreement on that theme in
/// those months (`association::Starts`), from every
/// team's months from `recent` minus the window on (kept in `network`),
/// keeping only the shown figures.
fn changes_around(
    network: &super::compare::Recent,
    started: &[(AgreementTheme, i32, Month)],
    recent: Month,
    policy: SuppressionPolicy,
) -> HashMap<(Measure, AgreementTheme), Vec<f64>> {
    let from = recent.plus(-association::WINDOW);
    debug_assert!(network.kept_from().is_none_or(|kept| kept <= from));
    // Per measure, each team's shown monthly figures, oldest first, teams
    // in id order, as the network keeps them.
    let mut series: Vec<association::TeamSeries<Doelgroep>> =
        vec![association::TeamSeries::default(); Measure::ALL.len()];
    for team in network.teams() {
        let months = team.months.iter().filter(|o| o.month >= from);
        for (of_measure, &measure) in series.iter_mut().zip(Measure::ALL) {
            let shown = months
                .clone()
                .filter_map(|o| Some((o.month, policy.month(o, measure).value()?)));
            of_measure.push(team.team.0, team.doelgroep, shown);
        }
    }
    // In team order, so the changes come out the same on every run.
    let mut started = started.to_vec();
    started.sort_by_key(|&(theme, team, month)| (team, month, theme));
    // Which teams are no control around which start is the same on every
    // measure: worked out once.
    let Some(first) = series.first() else {
        return HashMap::new();
    };
    let starts = association::Starts::new(first, &started);
    let mut changes: HashMap<(Measure, AgreementTheme), Vec<f64>> = HashMap::new();
    for (of_measure, &measure) in series.iter().zip(Measure::ALL) {
        for (theme, change) in starts.differences(of_measure) {
            changes.entry((measure, theme)).or_default().push(change);
        }
    }
    changes
}

/// The comparison of `measure` over the last twelve months between teams
/// (of `doelgroep` and `gemeente_id` when given), with the limits widened
/// for overdispersion.
fn teams_query(
    measure: Measure,
    doelgroep: Option<Doelgroep>,
    gemeente_id: Option<i32>,
) -> CompareQuery {
    CompareQuery {
        measure,
        doelgroep,
        gemeente_id,
        months: 12,
        adjusted: true,
        level: CompareLevel::Teams,
    }
}

/// On every measure, the teams of `selection` (of `gemeente_id` or all)
/// beyond the favourable funnel limit of their own doelgroep: ouderenzorg
/// waits are a third of jeugdhulp waits, so a shared funnel would name the
/// doelgroep, not the collaboration.
pub fn standouts_within_doelgroep(
    selection: &super::compare::Selection,
    gemeente_id: Option<i32>,
    policy: SuppressionPolicy,
) -> Vec<Standout> {
    let queries = Measure::ALL
        .iter()
        .flat_map(|&measure| {
            Doelgroep::ALL
                .iter()
                .map(move |&doelgroep| teams_query(measure, Some(doelgroep), gemeente_id))
        })
        .collect();
    selection
        .compare_all(queries, policy)
        .iter()
        .flat_map(standouts_of)
        .collect()
}

/// The teams of a comparison beyond its favourable funnel limit.
pub fn standouts_of(comparison: &Comparison) -> Vec<Standout> {
    let measure = comparison.query.measure;
    comparison
        .rows
        .iter()
        .filter_map(|row| {
            let value = row.value.value()?;
            let position = row.position?;
            (position.favourable(measure.better()) == Some(true)).then(|| Standout {
                measure,
                team_id: row.id,
                team: row.name.clone(),
                wijk: row.within.clone(),
                value,
                position,
            })
        })
        .collect()
}

/// Adoptions per month over the two years up to `last` (or this month).
pub async fn adoptions_per_month(
    db: &impl ConnectionTrait,
    last: Option<Month>,
) -> Result<Vec<(Month, u32)>, DbErr> {
    let now = shared::clock::month_of(chrono::Utc::now());
    let last = last.map_or(now, |l| l.max(now));
    let first = last.plus(-23);
    let mut counts: HashMap<Month, u32> = HashMap::new();
    let since = shared::clock::start_of_day(
        chrono::NaiveDate::from_ymd_opt(first.year(), u32::from(first.month()), 1)
            .expect("the first day of a month"),
    );
    for created_at in adoption::Entity::find()
        .select_only()
        .column(adoption::Column::CreatedAt)
        .filter(adoption::Column::CreatedAt.gte(since))
        .into_tuple::<chrono::DateTime<chrono::Utc>>()
        .all(db)
        .await?
    {
        let day = shared::clock::local_date(created_at);
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
