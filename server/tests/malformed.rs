//! No request a client can send makes a server function answer 5xx: every
//! registered endpoint, posted bodies it cannot read, answers 4xx and
//! changes nothing; a 400 says so in Dutch — JSON to a script, a page to a
//! browser's plain form post — on SQLite and PostgreSQL.

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
        use sea_orm::{EntityTrait, PaginatorTrait};
        let audited = || async {
            app::store::entity::audit_event::Entity::find()
                .count(&t.db)
                .await
                .unwrap()
        };
        let entries = audited().await;
        let clock = app::store::change_clock::Fingerprint::read(&t.db)
            .await
            .unwrap();
        let mut anonymous = Client::new(&t.db);
        let mut member = Client::signed_in(&t.db, "teamlid.jeugd-zuilen@demo.wijkwijs.nl").await;
        let paths: Vec<String> = leptos::server_fn::axum::server_fn_paths()
            .map(|(path, _)| path.to_string())
            // Two endpoints take no arguments, so no body is malformed to
            // them: logging out, and starting two-factor enrolment.
            .filter(|path| path != "/api/account/logout" && path != "/api/account/two-factor/start")
            .collect();
        assert!(paths.len() > 40, "the endpoints are registered");
        for path in &paths {
            for client in [&mut anonymous, &mut member] {
                for (body, accept) in BODIES
                    .iter()
                    .flat_map(|body| [(body, "application/json"), (body, "text/html")])
                {
                    let request = axum::http::Request::post(path.as_str())
                        .header("origin", ORIGIN)
                        .header("accept", accept)
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
                        let dutch = shared::i18n::Text::ErrorRequest.nl();
                        assert!(reply.body.contains(dutch), "{path}: {}", reply.body);
                        if accept == "text/html" {
                            assert!(reply.body.starts_with("<!DOCTYPE html><html lang=\"nl\">"));
                        }
                    }
                }
            }
        }
        let logged: Vec<(String, String, String)> = app::store::entity::audit_event::Entity::find()
            .all(&t.db)
            .await
            .unwrap()
            .into_iter()
            .skip(entries as usize)
            .map(|e| (e.actor, e.action, e.object_type))
            .collect();
        assert_eq!(
            audited().await,
            entries,
            "nothing was changed or logged as done: {logged:?}"
        );
        let after = app::store::change_clock::Fingerprint::read(&t.db)
            .await
            .unwrap();
        assert_eq!(after, clock, "no change reached the data");
        t.cleanup().await;
    }
);

on_both_backends!(
    a_body_too_large_is_refused_not_read,
    |backend: Backend| async move {
        let Some(t) = TestDb::with_demo(backend).await else {
            return;
        };
        let mut member = Client::signed_in(&t.db, "teamlid.jeugd-zuilen@demo.wijkwijs.nl").await;
        let huge = format!("body={}", "a".repeat(server::http::MAX_BODY_BYTES + 1));
        let request = axum::http::Request::post("/api/team/message")
            .header("origin", ORIGIN)
            .header("accept", "application/json")
            .header("content-type", "application/x-www-form-urlencoded")
            .header("content-length", huge.len().to_string());
        let reply = member.send(request, huge.clone()).await;
        assert_eq!(reply.status, axum::http::StatusCode::PAYLOAD_TOO_LARGE);
        assert_eq!(reply.body, shared::i18n::Text::ErrorTooLarge.nl());
        // Streamed without a length, it is cut off at the limit: a 4xx.
        use tower::ServiceExt;
        let chunks = futures_chunks(huge);
        let request = axum::http::Request::post("/api/team/message")
            .header("host", "wijkwijs.test")
            .header("origin", ORIGIN)
            .header("accept", "application/json")
            .header("content-type", "application/x-www-form-urlencoded")
            .header("cookie", member.cookie.clone().unwrap())
            .body(axum::body::Body::from_stream(chunks))
            .unwrap();
        let response = member.router.clone().oneshot(request).await.unwrap();
        assert!(response.status().is_client_error(), "{}", response.status());
        t.cleanup().await;
    }
);

/// `text` as a stream of 64 KiB chunks, with no length announced.
fn futures_chunks(
    text: String,
) -> impl futures_util::Stream<Item = Result<axum::body::Bytes, std::io::Error>> {
    let chunks: Vec<Result<axum::body::Bytes, std::io::Error>> = text
        .into_bytes()
        .chunks(64 << 10)
        .map(|c| Ok(axum::body::Bytes::copy_from_slice(c)))
        .collect();
    futures_util::stream::iter(chunks)
}
