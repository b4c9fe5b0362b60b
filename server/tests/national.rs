//! The national benchmark network, generated small on SQLite and
//! PostgreSQL: the counts the scale promises, and the same seed giving the
//! same figures.

mod support;

use app::store::entity::{
    account, agreement, agreement_version, canvas, knelpunt, knelpunt_support, lesson,
    outcome_period, outcome_version, search_entry, team,
};
use sea_orm::{DatabaseConnection, EntityTrait, PaginatorTrait, QueryOrder};
use server::demo::national::{generate, Scale};
use support::{Backend, TestDb};

async fn count<E: EntityTrait>(db: &DatabaseConnection) -> u64
where
    E::Model: Sync,
{
    E::find().count(db).await.unwrap()
}

/// Every month's figures in order, as one comparable value.
async fn months(db: &DatabaseConnection) -> Vec<(String, i32, Option<f64>, i32, i32)> {
    outcome_period::Entity::find()
        .order_by_asc(outcome_period::Column::Id)
        .all(db)
        .await
        .unwrap()
        .into_iter()
        .map(|o| {
            (
                o.month,
                o.started,
                o.mean_wait_days,
                o.ended,
                o.without_help,
            )
        })
        .collect()
}

on_both_backends!(
    a_small_national_network_has_what_its_scale_promises,
    |backend: Backend| async move {
        let Some(t) = TestDb::migrated(backend).await else {
            return;
        };
        let Some(again) = TestDb::migrated(backend).await else {
            return;
        };
        let scale = Scale::national(0.001);
        assert_eq!((scale.gemeenten, scale.wijken, scale.teams), (1, 3, 15));
        let made = generate(&t.db, 7, scale, "Wachtwoord-voor-de-test")
            .await
            .unwrap()
            .expect("generated");
        assert_eq!(made.teams, 15);
        let db = &t.db;
        assert_eq!(count::<team::Entity>(db).await, 15);
        assert_eq!(count::<outcome_period::Entity>(db).await, 15 * 120);
        assert_eq!(count::<outcome_version::Entity>(db).await, 15 * 120);
        assert_eq!(count::<agreement::Entity>(db).await, 15 * 20);
        assert_eq!(count::<agreement_version::Entity>(db).await, 15 * 20 * 2);
        assert_eq!(count::<lesson::Entity>(db).await, 15 * 10);
        // Every agreement and lesson is in the search index.
        assert_eq!(count::<search_entry::Entity>(db).await, 15 * 30);
        assert_eq!(count::<canvas::Entity>(db).await, 15);
        assert_eq!(count::<knelpunt::Entity>(db).await, 15);
        assert_eq!(count::<knelpunt_support::Entity>(db).await, 15 * 2);
        assert_eq!(count::<account::Entity>(db).await, 100 + 1);
        // Idempotent: a second run adds nothing.
        assert!(generate(db, 7, scale, "Wachtwoord-voor-de-test")
            .await
            .unwrap()
            .is_none());
        // The same seed, the same network.
        generate(&again.db, 7, scale, "Wachtwoord-voor-de-test")
            .await
            .unwrap();
        assert_eq!(months(db).await, months(&again.db).await);
        again.cleanup().await;
        t.cleanup().await;
    }
);
