//! The inference audit on real networks: as a viewer outside every team,
//! every figure the pages publish (`shared::disclosure::publication`, which
//! the pages are checked against here) leaves each hidden cell as wide as
//! the rule asks — on the demo network and on a generated network of many
//! small teams, on SQLite and PostgreSQL. That the same audit catches the
//! way totals were built before (every cell in every total) is tested in
//! `shared::disclosure`.

mod support;

use app::store::entity::{outcome_period, team, wijk};
use sea_orm::{DatabaseConnection, EntityTrait, QueryOrder};
use shared::disclosure::audit::{audit, Rule};
use shared::disclosure::publication::Quantity;
use shared::disclosure::{published, Published, TeamCells};
use shared::dto::CompareQuery;
use shared::network::{CompareLevel, Doelgroep, Measure};
use shared::suppression::{Figure, SuppressionPolicy};
use std::collections::HashMap;
use support::{Backend, TestDb};

/// Every team's months as cells, with the team ids in the same order.
async fn cells(db: &DatabaseConnection) -> (Vec<i32>, Vec<TeamCells>) {
    let gemeente_of: HashMap<i32, i32> = wijk::Entity::find()
        .all(db)
        .await
        .unwrap()
        .into_iter()
        .map(|w| (w.id, w.gemeente_id))
        .collect();
    let teams = team::Entity::find()
        .order_by_asc(team::Column::Id)
        .all(db)
        .await
        .unwrap();
    let mut months: HashMap<i32, Vec<_>> = HashMap::new();
    for p in outcome_period::Entity::find()
        .order_by_asc(outcome_period::Column::Month)
        .all(db)
        .await
        .unwrap()
    {
        months
            .entry(p.team_id)
            .or_default()
            .push(app::store::results::monthly(&p));
    }
    let ids = teams.iter().map(|t| t.id).collect();
    let cells = teams
        .into_iter()
        .map(|t| TeamCells {
            wijk: t.wijk_id,
            gemeente: gemeente_of[&t.wijk_id],
            doelgroep: Doelgroep::from_code(&t.doelgroep).expect("a doelgroep"),
            months: months.remove(&t.id).unwrap_or_default(),
        })
        .collect();
    (ids, cells)
}

fn figure_of<'a>(
    figures: &'a [Published],
    scope: &str,
    quantity: Quantity,
) -> Option<&'a Published> {
    figures
        .iter()
        .find(|f| f.scope == scope && f.quantity == quantity)
}

fn same(shown: Figure, modelled: Option<&Published>, what: &str) {
    match (shown, modelled) {
        (Figure::Value(v), Some(f)) => assert!(
            (v - f.value).abs() < 1e-9,
            "{what}: {v} against {}",
            f.value
        ),
        (Figure::Value(v), None) => {
            panic!("{what}: the page shows {v}, which the audit does not know")
        }
        _ => {}
    }
}

/// The pages show what the audit audits: the wijk pages' twelve months and
/// months, and Vergelijken's teams and centre over every window.
async fn pages_match_the_publication(db: &DatabaseConnection, ids: &[i32], figures: &[Published]) {
    let policy = SuppressionPolicy::default();
    let index: HashMap<i32, usize> = ids.iter().enumerate().map(|(i, id)| (*id, i)).collect();
    for w in wijk::Entity::find().all(db).await.unwrap() {
        let view = app::store::wijken::wijk_page(db, w.id, policy)
            .await
            .unwrap()
            .unwrap();
        for (measure, value, cases) in &view.year_totals {
            let scope = format!("wijk {}, 12 maanden", w.id);
            same(
                *value,
                figure_of(figures, &scope, Quantity::Value(*measure)),
                &scope,
            );
            same(
                *cases,
                figure_of(figures, &scope, Quantity::Cases(*measure)),
                &scope,
            );
        }
        for chart in &view.charts {
            for point in &chart.points {
                let scope = format!("wijk {}, {}", w.id, point.month);
                same(
                    point.figure,
                    figure_of(figures, &scope, Quantity::Value(chart.measure)),
                    &scope,
                );
            }
        }
    }
    let doelgroepen = std::iter::once(None).chain(Doelgroep::ALL.iter().copied().map(Some));
    let doelgroepen: Vec<Option<Doelgroep>> = doelgroepen.collect();
    for &measure in Measure::ALL {
        for months in CompareQuery::PERIODS {
            let selection = app::store::compare::select(db, None, None, months)
                .await
                .unwrap();
            for (level, doelgroep) in CompareLevel::ALL
                .iter()
                .flat_map(|&l| doelgroepen.iter().map(move |&d| (l, d)))
            {
                let query = CompareQuery {
                    measure,
                    doelgroep,
                    gemeente_id: None,
                    months,
                    adjusted: true,
                    level,
                };
                let comparison = selection.compare(query, policy);
                let within =
                    doelgroep.map_or(String::new(), |d| format!(" doelgroep {}", d.code()));
                for row in &comparison.rows {
                    let scope = match level {
                        CompareLevel::Teams => format!("team {}", index[&row.id]),
                        CompareLevel::Wijken => format!("wijk {}{within}", row.id),
                        CompareLevel::Gemeenten => format!("gemeente {}{within}", row.id),
                    };
                    let scope = format!("{scope}, {months} maanden");
                    same(
                        row.value,
                        figure_of(figures, &scope, Quantity::Value(measure)),
                        &scope,
                    );
                }
                let scope = match doelgroep {
                    None => format!("netwerk, {months} maanden"),
                    Some(d) => format!("doelgroep {}, {months} maanden", d.code()),
                };
                if let Some(centre) = comparison.centre {
                    same(
                        Figure::Value(centre),
                        figure_of(figures, &scope, Quantity::Value(measure)),
                        &scope,
                    );
                }
            }
        }
    }
}

/// Prints, per measure, the share of the team-months with data whose value
/// shows outside the team, the share of all cases that enter the combined
/// figures, and how many combined figures (windows and margins) show a
/// value, with the protection and without (docs/privacy.md reports these).
fn report(name: &str, cells: &[TeamCells]) {
    let policy = SuppressionPolicy::default();
    let shown_values = |figures: &[Published], measure: Measure| {
        // Every figure but a team's single month.
        let combined =
            |f: &&Published| !f.scope.starts_with("team ") || f.scope.contains("maanden");
        let cases: Vec<&Published> = figures
            .iter()
            .filter(combined)
            .filter(|f| f.quantity == Quantity::Cases(measure))
            .collect();
        let shown = cases
            .iter()
            .filter(|f| f.value >= f64::from(policy.min_denominator))
            .count();
        (shown, cases.len())
    };
    let after = published(cells, policy);
    let before = shared::disclosure::publication::published_combining(
        cells,
        policy,
        SuppressionPolicy::OWN_TEAM,
    );
    for &measure in Measure::ALL {
        let (shown_after, _) = shown_values(&after, measure);
        let (shown_before, all) = shown_values(&before, measure);
        eprintln!(
            "{name} {measure:?}: combined figures with a value: {shown_before} of {all} before, {shown_after} after"
        );
        let base = shared::disclosure::publication::Count::base_of(measure);
        let months = cells.iter().flat_map(|t| &t.months);
        let with_data = months.clone().filter(|o| base.of(o) > 0);
        let shown = with_data
            .clone()
            .filter(|o| policy.month(o, measure).value().is_some());
        let cases: u32 = with_data.clone().map(|o| base.of(o)).sum();
        let entering: u32 = shown.clone().map(|o| base.of(o)).sum();
        eprintln!(
            "{name} {measure:?}: {} of {} team-months shown, {entering} of {cases} cases ({:.0} %) in totals",
            shown.count(),
            with_data.count(),
            100.0 * f64::from(entering) / f64::from(cases.max(1)),
        );
    }
}

fn assert_protected(cells: &[TeamCells], figures: &[Published]) {
    let pinned = audit(
        cells,
        SuppressionPolicy::default(),
        figures,
        Rule::default(),
    );
    assert!(
        pinned.is_empty(),
        "{} hidden quantities narrowed too far, first: {}",
        pinned.len(),
        pinned[0]
    );
}

on_both_backends!(
    no_hidden_figure_of_the_demo_can_be_worked_out,
    |backend: Backend| async move {
        let Some(t) = TestDb::with_demo(backend).await else {
            return;
        };
        let (ids, cells) = cells(&t.db).await;
        let policy = SuppressionPolicy::default();
        let figures = published(&cells, policy);
        pages_match_the_publication(&t.db, &ids, &figures).await;
        assert_protected(&cells, &figures);
        report("demo", &cells);
        t.cleanup().await;
    }
);

on_both_backends!(
    no_hidden_figure_of_a_network_of_small_teams_can_be_worked_out,
    |backend: Backend| async move {
        let Some(t) = TestDb::migrated(backend).await else {
            return;
        };
        let scale = server::demo::national::Scale {
            months: 36,
            clients_a_month: (3.0, 15.0),
            ..server::demo::national::Scale::national(0.001)
        };
        server::demo::national::generate(&t.db, 11, scale, "Wachtwoord-voor-de-test")
            .await
            .unwrap()
            .expect("generated");
        let (ids, cells) = cells(&t.db).await;
        let figures = published(&cells, SuppressionPolicy::default());
        pages_match_the_publication(&t.db, &ids, &figures).await;
        assert_protected(&cells, &figures);
        report("small teams", &cells);
        t.cleanup().await;
    }
);
