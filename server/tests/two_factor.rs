//! Two-factor login end to end over HTTP, on SQLite and PostgreSQL:
//! enrolment, the second login step, one-time use of codes, recovery
//! codes, and the beheerder rule.

mod support;

use app::store::entity::{account, recovery_code, session};
use axum::http::StatusCode;
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};
use support::{Backend, Client, TestDb};

const TEAMLID: &str = "teamlid.ouderen-ondiep@demo.wijkwijs.nl";

async fn account(db: &sea_orm::DatabaseConnection, email: &str) -> account::Model {
    account::Entity::find()
        .filter(account::Column::Email.eq(email))
        .one(db)
        .await
        .unwrap()
        .unwrap()
}

fn code_now(secret: &str, offset_steps: i64) -> String {
    let secret = shared::totp::base32_decode(secret).unwrap();
    let step = shared::totp::step(chrono::Utc::now().timestamp()) + offset_steps;
    format!("{:06}", shared::totp::code_at_step(&secret, step, 6))
}

/// Enrols `email` and returns the secret and recovery codes.
async fn enrol(
    client: &mut Client,
    db: &sea_orm::DatabaseConnection,
    email: &str,
) -> (String, Vec<String>) {
    assert_eq!(
        client
            .call("/api/account/two-factor/start", &[])
            .await
            .status,
        StatusCode::OK
    );
    let reply = client.call("/api/account/two-factor", &[]).await;
    assert_eq!(reply.status, StatusCode::OK);
    assert!(
        reply.body.contains("data:image/svg+xml;base64,"),
        "a QR code as SVG"
    );
    let pending = account(db, email).await;
    let secret = pending.totp_secret.clone().unwrap();
    assert!(
        reply.body.contains(&secret),
        "the secret is shown as text too"
    );
    let codes: Vec<String> = pending
        .pending_recovery_codes
        .unwrap()
        .lines()
        .map(String::from)
        .collect();
    assert_eq!(codes.len(), 10);

    let wrong = client
        .call("/api/account/two-factor/confirm", &[("code", "123456")])
        .await;
    assert!(wrong.status == StatusCode::UNPROCESSABLE_ENTITY || code_now(&secret, 0) == "123456");
    assert!(
        !account(db, email).await.totp_enabled,
        "a wrong code changes nothing"
    );

    let reply = client
        .call(
            "/api/account/two-factor/confirm",
            &[("code", &code_now(&secret, 0))],
        )
        .await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    let enabled = account(db, email).await;
    assert!(enabled.totp_enabled);
    assert!(enabled.pending_recovery_codes.is_none());
    let stored = recovery_code::Entity::find()
        .filter(recovery_code::Column::AccountId.eq(enabled.id))
        .count(db)
        .await
        .unwrap();
    assert_eq!(stored, 10);
    let setup = client.call("/api/account/two-factor", &[]).await.body;
    assert!(!setup.contains(&secret), "the secret is never sent again");
    (secret, codes)
}

on_both_backends!(enrolment_and_second_step, |backend: Backend| async move {
    let Some(t) = TestDb::with_demo(backend).await else {
        return;
    };
    let db = &t.db;
    let mut client = Client::new(db);
    client.login(TEAMLID).await;
    let (secret, recovery) = enrol(&mut client, db, TEAMLID).await;
    assert_eq!(
        client.call("/api/account/logout", &[]).await.status,
        StatusCode::OK
    );

    // The password alone opens nothing.
    client.login(TEAMLID).await;
    let pending = session::Entity::find().one(db).await.unwrap().unwrap();
    assert!(pending.second_factor_pending);
    let reply = client.get("/").await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER);
    assert!(reply.headers["location"]
        .to_str()
        .unwrap()
        .starts_with("/inloggen/tweede-stap"));
    assert_eq!(
        client.call("/api/network/overview", &[]).await.status,
        StatusCode::UNAUTHORIZED
    );

    let reply = client
        .call("/api/account/second-factor", &[("code", "000000x")])
        .await;
    assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(reply.body.contains("klopt niet"));

    // The code used to confirm enrolment is spent; the next one works.
    let next_code = code_now(&secret, 1);
    let reply = client
        .call("/api/account/second-factor", &[("code", &next_code)])
        .await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    assert_eq!(client.get("/").await.status, StatusCode::OK);
    let full = session::Entity::find().one(db).await.unwrap().unwrap();
    assert!(!full.second_factor_pending);
    assert_ne!(full.id, pending.id, "a fresh session after the second step");

    // The same code again, at the next login, is refused.
    client.call("/api/account/logout", &[]).await;
    client.login(TEAMLID).await;
    let reply = client
        .call("/api/account/second-factor", &[("code", &next_code)])
        .await;
    assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);

    // A recovery code works, once.
    let reply = client
        .call("/api/account/second-factor", &[("code", &recovery[0])])
        .await;
    assert_eq!(reply.status, StatusCode::OK);
    client.call("/api/account/logout", &[]).await;
    client.login(TEAMLID).await;
    let reply = client
        .call("/api/account/second-factor", &[("code", &recovery[0])])
        .await;
    assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);
    t.cleanup().await;
});

on_both_backends!(
    no_second_step_without_the_first,
    |backend: Backend| async move {
        let Some(t) = TestDb::with_demo(backend).await else {
            return;
        };
        let mut client = Client::new(&t.db);
        let reply = client
            .call("/api/account/second-factor", &[("code", "123456")])
            .await;
        assert_eq!(reply.status, StatusCode::UNAUTHORIZED);
        assert!(client.cookie.is_none());
        t.cleanup().await;
    }
);
