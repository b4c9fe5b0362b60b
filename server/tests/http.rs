//! The HTTP surface: pages render completely on the server for a logged-in
//! user, unknown pages and teams answer 404, and the health check reports
//! the database.

mod support;

use axum::http::StatusCode;
use support::{Backend, Client, TestDb};

on_both_backends!(pages_render_on_the_server, |backend: Backend| async move {
    let Some(t) = TestDb::with_demo(backend).await else {
        return;
    };
    let mut client = Client::new(&t.db);

    let reply = client.get("/healthz").await;
    assert_eq!((reply.status, reply.body.as_str()), (StatusCode::OK, "ok"));

    client.login("teamlid.jeugd-zuilen@demo.wijkwijs.nl").await;
    let html = client.get("/").await;
    assert_eq!(html.status, StatusCode::OK);
    let html = html.body;
    assert!(html.contains("<html lang=\"nl\""));
    assert!(html.contains("Netwerkoverzicht"));
    assert!(html.contains("Zuilen Ondiep"));
    assert!(html.contains("Jeugd Zuilen"));
    assert!(html.contains("Oosterparkwijk"));

    let team_id = html
        .split("href=\"/teams/")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .unwrap()
        .to_string();
    let reply = client.get(&format!("/teams/{team_id}")).await;
    assert_eq!(reply.status, StatusCode::OK);
    assert!(reply
        .body
        .contains("aria-label=\"Onderdelen van het team\""));
    let agreements = client.get(&format!("/teams/{team_id}/afspraken")).await;
    assert!(agreements.body.contains("Samenwerkingsafspraken"));
    assert!(agreements
        .body
        .contains("aria-current=\"page\">Afspraken</a>"));
    let results = client.get(&format!("/teams/{team_id}/resultaten")).await;
    assert!(results
        .body
        .contains("Resultaten van de laatste 12 maanden"));

    let reply = client.get("/teams/999999").await;
    assert_eq!(reply.status, StatusCode::NOT_FOUND);
    assert!(reply.body.contains("bestaat niet"));
    assert_eq!(
        client.get("/teams/geen-getal").await.status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        client.get("/bestaat-niet").await.status,
        StatusCode::NOT_FOUND
    );
    t.cleanup().await;
});

on_both_backends!(
    a_team_sees_its_own_figures_in_full_and_others_suppressed,
    |backend: Backend| async move {
        let Some(t) = TestDb::with_demo(backend).await else {
            return;
        };
        // The GGZ team has small numbers: some of its counts are under 5.
        let ggz = support::team_named(&t.db, "GGZ Oosterpark").await;
        let form = [("team_id", ggz.id.to_string())];
        let form: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();

        // One server for both viewers, so what it keeps for one is never
        // what it shows the other.
        let mut client = Client::new(&t.db);
        client
            .session_for(&t.db, "teamlid.jeugd-zuilen@demo.wijkwijs.nl")
            .await;
        let outside = client.call("/api/network/team", &form).await.body;
        assert!(
            outside.contains("FewerThan") || outside.contains("Hidden"),
            "outside the team, small cells are hidden"
        );

        client
            .session_for(&t.db, "teamlid.ggz-oosterpark@demo.wijkwijs.nl")
            .await;
        let own = client.call("/api/network/team", &form).await.body;
        let space: serde_json::Value = serde_json::from_str(&own).unwrap();
        let figures = space["results"].to_string();
        assert!(
            !figures.contains("FewerThan") && !figures.contains("Hidden"),
            "a team sees its own results in full (its survey keeps the three-answer rule)"
        );
        assert!(own.contains("\"latest\":{") && own.contains("\"previous\":{"));

        client
            .session_for(&t.db, "teamlid.jeugd-zuilen@demo.wijkwijs.nl")
            .await;
        assert_eq!(client.call("/api/network/team", &form).await.body, outside);
        t.cleanup().await;
    }
);

/// Building a router once generated the app's route list, which runs the
/// app with resource loading suppressed for the whole process (leptos
/// #4773): a page rendering on another thread meanwhile waited forever
/// for its data, and a parallel test hung. Routers are built here while
/// pages render.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn pages_render_while_other_routers_are_built() {
    use std::sync::atomic::{AtomicBool, Ordering};
    use std::sync::Arc;
    use std::time::Duration;
    support::bounded(async {
        let t = TestDb::with_demo(Backend::Sqlite).await.unwrap();
        let mut client = Client::new(&t.db);
        client.login("teamlid.jeugd-zuilen@demo.wijkwijs.nl").await;
        let done = Arc::new(AtomicBool::new(false));
        let builder = std::thread::spawn({
            let (db, done) = (t.db.clone(), done.clone());
            move || {
                let runtime = tokio::runtime::Runtime::new().unwrap();
                let _inside = runtime.enter();
                while !done.load(Ordering::Relaxed) {
                    Client::new(&db);
                }
            }
        });
        for _ in 0..200 {
            let reply = tokio::time::timeout(Duration::from_secs(10), client.get("/"))
                .await
                .expect("the page rendered while a router was built");
            assert_eq!(reply.status, StatusCode::OK);
        }
        done.store(true, Ordering::Relaxed);
        builder.join().unwrap();
        t.cleanup().await;
    })
    .await;
}

/// Pooled connections are lent without a ping first (`server::db`): when
/// PostgreSQL drops them all (a restart, a failover), each can fail the
/// one request that meets it, and then the pool has fresh ones.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn pages_recover_when_postgres_drops_every_connection() {
    support::bounded(async {
        let Some(t) = TestDb::with_demo(Backend::Postgres).await else {
            return;
        };
        let mut client = Client::new(&t.db);
        client.login("teamlid.jeugd-zuilen@demo.wijkwijs.nl").await;
        assert_eq!(client.get("/").await.status, StatusCode::OK);

        let other = server::db::connect(&t.url).await.unwrap();
        use sea_orm::ConnectionTrait;
        other
            .execute_unprepared(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity \
                 WHERE datname = current_database() AND pid <> pg_backend_pid()",
            )
            .await
            .unwrap();
        other.close().await.unwrap();

        // A dropped connection fails at most once: within the pool's size
        // (sqlx's default of 10) plus one, a page loads again.
        let mut failed = 0;
        while client.get("/").await.status != StatusCode::OK {
            failed += 1;
            assert!(failed <= 10, "still failing after {failed} requests");
        }
        eprintln!("requests that met a dropped connection: {failed}");
        for _ in 0..20 {
            assert_eq!(client.get("/").await.status, StatusCode::OK);
        }
        t.cleanup().await;
    })
    .await;
}
