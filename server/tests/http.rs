//! The HTTP surface: pages render completely on the server, unknown pages
//! and teams answer 404, and the health check reports the database.

mod support;

use axum::body::Body;
use axum::http::{Request, StatusCode};
use server::config::ServeArgs;
use support::{Backend, TestDb};
use tower::ServiceExt;

fn args() -> ServeArgs {
    ServeArgs {
        addr: "127.0.0.1:0".parse().unwrap(),
        site_root: std::env::temp_dir(),
        min_denominator: 10,
    }
}

async fn get(router: &axum::Router, path: &str) -> (StatusCode, String) {
    let response = router
        .clone()
        .oneshot(Request::get(path).body(Body::empty()).unwrap())
        .await
        .unwrap();
    let status = response.status();
    let body = axum::body::to_bytes(response.into_body(), 10 << 20)
        .await
        .unwrap();
    (status, String::from_utf8_lossy(&body).into_owned())
}

on_both_backends!(pages_render_on_the_server, |backend: Backend| async move {
    let Some(t) = TestDb::with_demo(backend).await else {
        return;
    };
    let router = server::http::router(server::http::state(t.db.clone(), &args()));

    let (status, body) = get(&router, "/healthz").await;
    assert_eq!((status, body.as_str()), (StatusCode::OK, "ok"));

    let (status, html) = get(&router, "/").await;
    assert_eq!(status, StatusCode::OK);
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
    let (status, html) = get(&router, &format!("/teams/{team_id}")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("Samenwerkingsafspraken"));
    assert!(html.contains("Resultaten van de laatste 12 maanden"));

    let (status, html) = get(&router, "/teams/999999").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert!(html.contains("bestaat niet"));
    let (status, _) = get(&router, "/teams/geen-getal").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (status, _) = get(&router, "/bestaat-niet").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    t.cleanup().await;
});
