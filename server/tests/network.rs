//! The schema, the demo network and the network reads, on SQLite and
//! PostgreSQL alike.

mod support;

use app::store::entity::{account, agreement, gemeente, membership, outcome_period, team, wijk};
use app::store::network;
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};
use sea_orm_migration::MigratorTrait;
use server::demo;
use shared::network::Doelgroep;
use shared::suppression::{Figure, SuppressionPolicy};
use support::{Backend, TestDb};

on_both_backends!(migrations_are_idempotent, |backend: Backend| async move {
    let Some(t) = TestDb::migrated(backend).await else {
        return;
    };
    server::migration::Migrator::up(&t.db, None).await.unwrap();
    let pending = server::migration::Migrator::get_pending_migrations(&t.db)
        .await
        .unwrap();
    assert!(pending.is_empty());
    // The database also survives a second connect-and-migrate, as on restart.
    server::db::connect_and_migrate(&t.url).await.unwrap();
    t.cleanup().await;
});

on_both_backends!(
    demo_network_is_complete_and_loads_once,
    |backend: Backend| async move {
        let Some(t) = TestDb::with_demo(backend).await else {
            return;
        };
        let db = &t.db;
        assert_eq!(demo::load(db).await.unwrap(), demo::Loaded::Already);

        let gemeenten = gemeente::Entity::find().all(db).await.unwrap();
        let wijken = wijk::Entity::find().all(db).await.unwrap();
        assert!(gemeenten.len() >= 2);
        assert!(wijken.len() >= 4);
        let zo = wijken.iter().find(|w| w.name == "Zuilen Ondiep").unwrap();
        let utrecht = gemeenten.iter().find(|g| g.id == zo.gemeente_id).unwrap();
        assert_eq!(
            (utrecht.name.as_str(), utrecht.cbs_code.as_str()),
            ("Utrecht", "GM0344")
        );

        let zo_teams = team::Entity::find()
            .filter(team::Column::WijkId.eq(zo.id))
            .all(db)
            .await
            .unwrap();
        let of = |d: Doelgroep| zo_teams.iter().filter(|t| t.doelgroep == d.code()).count();
        assert_eq!(
            (of(Doelgroep::Jeugd), of(Doelgroep::Ouderen), zo_teams.len()),
            (2, 5, 7)
        );

        let teams = team::Entity::find().all(db).await.unwrap();
        for team in &teams {
            let months = outcome_period::Entity::find()
                .filter(outcome_period::Column::TeamId.eq(team.id))
                .count(db)
                .await
                .unwrap();
            assert_eq!(months, 24, "{}", team.name);
            let agreements = agreement::Entity::find()
                .filter(agreement::Column::TeamId.eq(team.id))
                .count(db)
                .await
                .unwrap();
            assert!(agreements > 0, "{} has no agreements", team.name);
            let coordinators = membership::Entity::find()
                .filter(membership::Column::TeamId.eq(team.id))
                .filter(membership::Column::Coordinator.eq(true))
                .count(db)
                .await
                .unwrap();
            assert_eq!(coordinators, 1);
            assert!(team.contact_account_id.is_some());
        }

        // Every listed demo login exists and can log in with the demo password.
        for (email, _) in demo::logins() {
            let account = account::Entity::find()
                .filter(account::Column::Email.eq(email.clone()))
                .one(db)
                .await
                .unwrap()
                .unwrap_or_else(|| panic!("{email} missing"));
            let hash = account.password_hash.expect("demo login has a password");
            assert!(
                hash.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"),
                "{hash}"
            );
        }
        assert_eq!(demo::logins().len(), 2 + 2 * teams.len());
        t.cleanup().await;
    }
);

on_both_backends!(
    demo_is_the_same_on_every_load,
    |backend: Backend| async move {
        let Some(a) = TestDb::with_demo(backend).await else {
            return;
        };
        let Some(b) = TestDb::with_demo(Backend::Sqlite).await else {
            return;
        };
        let rows = |db| async move {
            let mut rows: Vec<_> = outcome_period::Entity::find()
                .all(db)
                .await
                .unwrap()
                .into_iter()
                .map(|o| {
                    (
                        o.team_id,
                        o.month,
                        o.started,
                        o.ended,
                        o.without_help,
                        o.mean_wait_days.map(|w| (w * 10.0).round() as i64),
                    )
                })
                .collect();
            rows.sort();
            rows
        };
        assert_eq!(rows(&a.db).await, rows(&b.db).await);
        a.cleanup().await;
        b.cleanup().await;
    }
);

on_both_backends!(
    a_large_network_offers_its_gemeenten_first,
    |backend: Backend| async move {
        let Some(t) = TestDb::with_demo(backend).await else {
            return;
        };
        let db = &t.db;
        let policy = SuppressionPolicy::default();
        // Above the limit: only the gemeenten, with their counts.
        let large = network::overview_within(db, None, policy, 5)
            .await
            .unwrap()
            .unwrap();
        assert!(large.gemeenten.is_empty());
        let utrecht = large.choose.iter().find(|g| g.name == "Utrecht").unwrap();
        assert_eq!((utrecht.wijken, utrecht.teams), (3, 12));
        assert_eq!(
            large.choose.iter().map(|g| u64::from(g.teams)).sum::<u64>(),
            team::Entity::find().count(db).await.unwrap()
        );
        // One gemeente chosen: its wijken and teams in full.
        let chosen = network::overview_within(db, Some(utrecht.id), policy, 5)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(chosen.gemeenten.len(), 1);
        let teams: usize = chosen.gemeenten[0]
            .wijken
            .iter()
            .map(|w| w.teams.len())
            .sum();
        assert_eq!(teams, 12);
        assert!(network::overview(db, Some(99_999), policy)
            .await
            .unwrap()
            .is_none());
        t.cleanup().await;
    }
);

on_both_backends!(
    overview_shows_latest_month_with_suppression,
    |backend: Backend| async move {
        let Some(t) = TestDb::with_demo(backend).await else {
            return;
        };
        let db = &t.db;
        let policy = SuppressionPolicy::default();
        let overview = network::overview(db, None, policy).await.unwrap().unwrap();
        let headlines: Vec<_> = overview
            .gemeenten
            .iter()
            .flat_map(|g| &g.wijken)
            .flat_map(|w| &w.teams)
            .collect();
        assert_eq!(
            headlines.len(),
            team::Entity::find().count(db).await.unwrap() as usize
        );

        let mut shown = 0;
        let mut hidden = 0;
        for h in headlines {
            let latest = h.latest.expect("every demo team has results");
            assert_eq!(latest.month.to_string(), "2026-10");
            let raw = outcome_period::Entity::find()
                .filter(outcome_period::Column::TeamId.eq(h.id))
                .filter(outcome_period::Column::Month.eq("2026-10"))
                .one(db)
                .await
                .unwrap()
                .unwrap();
            match latest.of(shared::network::Measure::WithoutHelp) {
                Figure::Value(v) => {
                    shown += 1;
                    assert!(raw.ended >= 10);
                    assert!((v - f64::from(raw.without_help) / f64::from(raw.ended)).abs() < 1e-9);
                }
                Figure::Hidden => {
                    hidden += 1;
                    assert!(raw.ended < 10)
                }
                other => panic!("unexpected {other:?}"),
            }
            match latest.of(shared::network::Measure::ClientGrade) {
                Figure::Value(v) => {
                    assert!(raw.client_responses >= 10 && Some(v) == raw.client_grade)
                }
                Figure::Hidden => assert!(raw.client_responses < 10),
                Figure::NoData => assert_eq!(raw.client_responses, 0),
                other => panic!("unexpected {other:?}"),
            }
        }
        assert!(
            shown > 0 && hidden > 0,
            "the demo shows both visible and suppressed figures"
        );
        t.cleanup().await;
    }
);

on_both_backends!(
    team_space_groups_agreements_and_lists_recent_results,
    |backend: Backend| async move {
        let Some(t) = TestDb::with_demo(backend).await else {
            return;
        };
        let db = &t.db;
        let team = support::team_named(db, "Jeugd Zuilen").await;
        let space = network::team_space(db, team.id, SuppressionPolicy::default())
            .await
            .unwrap()
            .unwrap();
        assert_eq!(space.wijk_name, "Zuilen Ondiep");
        assert_eq!(space.gemeente_name, "Utrecht");
        assert_eq!(space.results.len(), 12);
        assert_eq!(space.results[0].month.to_string(), "2026-10");
        assert!(space.results.windows(2).all(|w| w[0].month > w[1].month));
        let stored = agreement::Entity::find()
            .filter(agreement::Column::TeamId.eq(team.id))
            .count(db)
            .await
            .unwrap();
        assert_eq!(
            space
                .agreements
                .iter()
                .map(|(_, a)| a.len() as u64)
                .sum::<u64>(),
            stored
        );
        assert!(
            space.agreements.windows(2).all(|w| w[0].0 < w[1].0),
            "themes in catalogue order"
        );
        assert!(space.members[0].coordinator);
        assert!(space.contact.is_some());
        assert!(
            network::team_space(db, 999_999, SuppressionPolicy::default())
                .await
                .unwrap()
                .is_none()
        );
        t.cleanup().await;
    }
);
