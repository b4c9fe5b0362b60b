//! What an operator watches and publishes, on SQLite and PostgreSQL: one
//! access-log line per request (method, route, status, duration; never a
//! query string), `/metrics` in Prometheus's format behind its token, and
//! `/.well-known/security.txt`.

mod support;

use axum::http::StatusCode;
use std::sync::{Arc, Mutex};
use support::{Backend, Client, TestDb};

const TOKEN: &str = "een-lang-geheim-voor-prometheus";

/// Log lines written while the subscriber is the thread's default.
#[derive(Clone, Default)]
struct Captured(Arc<Mutex<Vec<u8>>>);

impl std::io::Write for Captured {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(bytes);
        Ok(bytes.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

impl Captured {
    fn text(&self) -> String {
        String::from_utf8_lossy(&self.0.lock().unwrap()).into_owned()
    }
}

async fn scrape(client: &mut Client, authorization: Option<&str>) -> support::Reply {
    let mut request = axum::http::Request::get("/metrics");
    if let Some(value) = authorization {
        request = request.header("authorization", value);
    }
    client.send(request, String::new()).await
}

on_both_backends!(
    every_request_is_logged_once_without_its_query,
    |backend: Backend| async move {
        let Some(t) = TestDb::with_demo(backend).await else {
            return;
        };
        let captured = Captured::default();
        let writer = captured.clone();
        let subscriber = tracing_subscriber::fmt()
            .with_writer(move || writer.clone())
            .with_ansi(false)
            .with_max_level(tracing::Level::INFO)
            .finish();
        let guard = tracing::subscriber::set_default(subscriber);
        let mut client = Client::signed_in(&t.db, "teamlid.jeugd-zuilen@demo.wijkwijs.nl").await;
        let team = support::team_named(&t.db, "Jeugd Zuilen").await.id;
        assert_eq!(
            client.get(&format!("/teams/{team}")).await.status,
            StatusCode::OK
        );
        let searched = client.get("/zoeken?q=Jansen+Utrechtseweg").await;
        assert_eq!(searched.status, StatusCode::OK);
        drop(guard);
        let log = captured.text();
        let lines: Vec<&str> = log
            .lines()
            .filter(|l| l.contains("wijkwijs::access"))
            .collect();
        assert_eq!(lines.len(), 2, "{log}");
        assert!(lines[0].contains("method=GET"), "{}", lines[0]);
        assert!(lines[0].contains("route=/teams/{id}"), "{}", lines[0]);
        assert!(lines[0].contains("status=200"), "{}", lines[0]);
        assert!(lines[0].contains("ms="), "{}", lines[0]);
        assert!(lines[1].contains("route=/zoeken"), "{}", lines[1]);
        assert!(!log.contains("Jansen"), "no query string in the log: {log}");
        assert!(!log.contains('\u{1b}'), "no colour codes");
        t.cleanup().await;
    }
);

on_both_backends!(
    metrics_answer_only_their_token,
    |backend: Backend| async move {
        let Some(t) = TestDb::with_demo(backend).await else {
            return;
        };
        let mut closed = Client::new(&t.db);
        assert_eq!(
            scrape(&mut closed, None).await.status,
            StatusCode::NOT_FOUND
        );
        assert_eq!(
            scrape(&mut closed, Some(&format!("Bearer {TOKEN}")))
                .await
                .status,
            StatusCode::NOT_FOUND
        );

        let mut client = Client::configured(&t.db, |args| args.metrics_token = Some(TOKEN.into()));
        assert_eq!(
            scrape(&mut client, None).await.status,
            StatusCode::UNAUTHORIZED
        );
        let wrong = scrape(&mut client, Some("Bearer raden")).await;
        assert_eq!(wrong.status, StatusCode::UNAUTHORIZED);
        assert_eq!(client.get("/inloggen").await.status, StatusCode::OK);
        client
            .session_for(&t.db, "bestuurder@demo.wijkwijs.nl")
            .await;
        client.get("/wat-werkt").await;
        client.get("/wat-werkt").await;

        let reply = scrape(&mut client, Some(&format!("Bearer {TOKEN}"))).await;
        assert_eq!(reply.status, StatusCode::OK);
        let body = reply.body;
        assert!(
            body.contains(
                r#"wijkwijs_http_requests_total{method="GET",route="/inloggen",status="200"}"#
            ),
            "{body}"
        );
        assert!(
            body.contains("wijkwijs_http_request_duration_seconds_bucket{"),
            "{body}"
        );
        assert!(
            body.contains(r#"wijkwijs_db_connections{state="open"}"#),
            "{body}"
        );
        assert!(
            body.contains(r#"wijkwijs_kept_results_total{outcome="hit"}"#),
            "{body}"
        );
        assert!(
            body.contains(r#"wijkwijs_kept_results_total{outcome="miss"}"#),
            "{body}"
        );
        t.cleanup().await;
    }
);

on_both_backends!(
    security_txt_names_the_configured_contact,
    |backend: Backend| async move {
        let Some(t) = TestDb::migrated(backend).await else {
            return;
        };
        let path = "/.well-known/security.txt";
        assert_eq!(
            Client::new(&t.db).get(path).await.status,
            StatusCode::NOT_FOUND
        );
        let mut client = Client::configured(&t.db, |args| {
            args.security_contact = Some("mailto:security@gemeente.test".into());
            args.public_origin = Some("https://wijkwijs.gemeente.test".into());
        });
        let reply = client.get(path).await;
        assert_eq!(reply.status, StatusCode::OK, "public, no login");
        assert!(reply
            .body
            .contains("Contact: mailto:security@gemeente.test\n"));
        assert!(reply
            .body
            .contains("Canonical: https://wijkwijs.gemeente.test/.well-known/security.txt\n"));
        let expires = reply
            .body
            .lines()
            .find_map(|l| l.strip_prefix("Expires: "))
            .expect("an Expires field");
        let expires: chrono::DateTime<chrono::Utc> = expires.parse().unwrap();
        let ahead = expires - chrono::Utc::now();
        assert!(ahead > chrono::Duration::days(30) && ahead < chrono::Duration::days(366));
        t.cleanup().await;
    }
);
