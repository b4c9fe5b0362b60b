//! No request a client can send makes a server function answer 5xx: every
//! registered endpoint, posted bodies it cannot read, answers 4xx, and a
//! 400 says so in Dutch — on SQLite and PostgreSQL.

mod support;

use support::{Backend, Client, TestDb, ORIGIN};

/// Bodies no server function can read: a word where a number belongs, a
/// broken percent-escape, bracket soup, raw control bytes.
const BODIES: &[&str] = &[
    "team_id=abc&id=x&lesson_id=y&to_team_id=z&gemeente_id=q&wijk_id=w&month=%ZZ",
    "a[=1&&&b]]=2&[[",
    "\u{0}\u{1}\u{7f}niets",
];

on_both_backends!(
    malformed_bodies_answer_4xx_on_every_endpoint,
    |backend: Backend| async move {
        let Some(t) = TestDb::with_demo(backend).await else {
            return;
        };
        let mut anonymous = Client::new(&t.db);
        let mut member = Client::signed_in(&t.db, "teamlid.jeugd-zuilen@demo.wijkwijs.nl").await;
        let paths: Vec<String> = leptos::server_fn::axum::server_fn_paths()
            .map(|(path, _)| path.to_string())
            .filter(|path| path != "/api/account/logout")
            .collect();
        assert!(paths.len() > 40, "the endpoints are registered");
        for path in &paths {
            for client in [&mut anonymous, &mut member] {
                for body in BODIES {
                    let request = axum::http::Request::post(path.as_str())
                        .header("origin", ORIGIN)
                        .header("accept", "application/json")
                        .header("content-type", "application/x-www-form-urlencoded");
                    let reply = client.send(request, body.to_string()).await;
                    assert!(
                        reply.status.as_u16() < 500,
                        "{path} answered {} to {body:?}: {}",
                        reply.status,
                        reply.body
                    );
                    if reply.status == axum::http::StatusCode::BAD_REQUEST {
                        assert!(!reply.body.contains("deserializ"), "{path}: {}", reply.body);
                    }
                }
            }
        }
        t.cleanup().await;
    }
);
