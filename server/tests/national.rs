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

/// The names of the teams in a page of `/api/network/compare`.
fn names(page: &serde_json::Value) -> Vec<String> {
    page["comparison"]["rows"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["name"].as_str().unwrap().to_string())
        .collect()
}

on_both_backends!(
    a_large_comparison_comes_a_page_at_a_time_and_wat_werkt_a_few_per_measure,
    |backend: Backend| async move {
        use axum::http::StatusCode;
        use support::Client;
        let Some(t) = TestDb::migrated(backend).await else {
            return;
        };
        let db = &t.db;
        let scale = Scale {
            gemeenten: 2,
            wijken: 8,
            teams: 120,
            months: 24,
            agreements: 2,
            lessons: 1,
            accounts: 5,
            clients_a_month: (6.0, 24.0),
        };
        generate(db, 3, scale, "Wachtwoord-voor-de-test")
            .await
            .unwrap()
            .expect("generated");
        let mut viewer = Client::new(db);
        viewer
            .session_for(db, "bestuurder@landelijk.wijkwijs.nl")
            .await;

        // Three pages of at most 50 teams: together every team once, by name.
        let mut all = Vec::new();
        let mut shown = 0;
        for page in ["1", "2", "3"] {
            let reply = viewer
                .call(
                    "/api/network/compare",
                    &[
                        ("measure", "verder-zonder-hulp"),
                        ("doelgroep", "alle"),
                        ("gemeente", ""),
                        ("months", "12"),
                        ("page", page),
                    ],
                )
                .await;
            assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
            let reply: serde_json::Value = serde_json::from_str(&reply.body).unwrap();
            assert_eq!(reply["page"]["pages"], 3);
            assert_eq!(reply["page"]["total"], 120);
            let rows = names(&reply);
            assert_eq!(rows.len(), if page == "3" { 20 } else { 50 });
            shown = reply["funnel"]["shown"].as_u64().unwrap();
            all.extend(rows);
        }
        let mut sorted = all.clone();
        sorted.sort();
        sorted.dedup();
        assert_eq!(all, sorted, "every team once, by name");
        assert_eq!(all.len(), 120);
        assert!(shown > 50, "the funnel counts every page's teams: {shown}");

        // The page itself: the second page's table, its small multiples
        // and links to the pages around it.
        let html = viewer
            .get(
                "/vergelijken?maat=verder-zonder-hulp&doelgroep=alle&gemeente=&periode=12&pagina=2",
            )
            .await;
        assert_eq!(html.status, StatusCode::OK);
        let body = &html.body;
        assert!(body.contains(&all[50]) && body.contains(&all[99]));
        assert!(
            !body.contains(&format!(">{}<", all[49])) && !body.contains(&format!(">{}<", all[100]))
        );
        assert!(
            body.contains("Pagina 2 van 3 (teams 51–100 van 120)"),
            "{body}"
        );
        assert!(
            body.contains("pagina=1\" rel=\"prev\"") && body.contains("pagina=3\" rel=\"next\"")
        );
        assert!(body.matches("class=\"multiple\"").count() <= 50);

        // Wat werkt names at most ten standouts per measure and counts the
        // rest; together they are the comparison's favourable teams.
        let reply = viewer.call("/api/network/what-works", &[]).await;
        let works: serde_json::Value = serde_json::from_str(&reply.body).unwrap();
        let standouts = &works["standouts"];
        let mut more_somewhere = false;
        for (measure, code) in [
            ("Wait", "wachttijd"),
            ("WithoutHelp", "verder-zonder-hulp"),
            ("ClientGrade", "cijfer-clienten"),
        ] {
            let shown = standouts["shown"]
                .as_array()
                .unwrap()
                .iter()
                .filter(|s| s["measure"] == measure)
                .count();
            let more = standouts["more"]
                .as_array()
                .unwrap()
                .iter()
                .find(|m| m[0] == measure)
                .map_or(0, |m| m[1].as_u64().unwrap() as usize);
            assert!(shown <= 10);
            // Wat werkt names teams against their own doelgroep: the
            // favourable teams of each doelgroep's funnel, counted over all
            // its pages.
            let mut favourable = 0;
            for doelgroep in shared::network::Doelgroep::ALL {
                let reply = viewer
                    .call(
                        "/api/network/compare",
                        &[
                            ("measure", code),
                            ("doelgroep", doelgroep.code()),
                            ("gemeente", ""),
                            ("months", "12"),
                        ],
                    )
                    .await;
                let reply: serde_json::Value = serde_json::from_str(&reply.body).unwrap();
                favourable += reply["funnel"]["favourable"].as_u64().unwrap() as usize;
            }
            assert_eq!(shown + more, favourable, "{measure}");
            more_somewhere |= more > 0;
        }
        let html = viewer.get("/wat-werkt").await;
        assert_eq!(
            html.body.contains("bekijk ze allemaal bij Vergelijken"),
            more_somewhere,
            "a link to the full list exactly when teams were left out"
        );
        t.cleanup().await;
    }
);

on_both_backends!(
    the_bestuurderstafel_of_a_large_network_lists_its_most_supported_knelpunten,
    |backend: Backend| async move {
        use axum::http::StatusCode;
        use support::Client;
        let Some(t) = TestDb::migrated(backend).await else {
            return;
        };
        let db = &t.db;
        // More teams than the table lists per wijk and team, each with an
        // open knelpunt.
        let teams = app::store::network::OVERVIEW_TEAMS as usize + 10;
        let scale = Scale {
            gemeenten: 2,
            wijken: 20,
            teams,
            months: 12,
            agreements: 1,
            lessons: 1,
            accounts: 5,
            clients_a_month: (6.0, 24.0),
        };
        generate(db, 5, scale, "Wachtwoord-voor-de-test")
            .await
            .unwrap()
            .expect("generated");
        let open = count::<knelpunt::Entity>(db).await;
        assert_eq!(open, teams as u64);
        let mut viewer = Client::new(db);
        viewer
            .session_for(db, "bestuurder@landelijk.wijkwijs.nl")
            .await;
        let page = viewer.get("/bestuurderstafel").await;
        assert_eq!(page.status, StatusCode::OK);
        assert!(
            page.body
                .contains(&format!("De meest gesteunde van {open} open knelpunten")),
            "{}",
            page.body
        );
        let listed = page.body.matches("href=\"/knelpunten/").count();
        assert_eq!(listed, shared::dto::KNELPUNTEN_LISTED);
        t.cleanup().await;
    }
);
