//! Behind a reverse proxy, on SQLite and PostgreSQL: the proxy's
//! `X-Forwarded-For` names the client only when the proxy is trusted, so
//! the login throttle counts each user's address, not the proxy's, and a
//! client cannot pick the address it is counted (and logged) under.

mod support;

use app::store::entity::{audit_event, login_throttle};
use axum::http::StatusCode;
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, QueryOrder, Set};
use shared::throttle::ThrottlePolicy;
use support::{Backend, Client, TestDb};

const PROXY: &str = "10.0.0.1";

/// A login as sent through the proxy for the client at `forwarded_for`.
async fn login_as(
    client: &mut Client,
    email: &str,
    password: &str,
    forwarded_for: &str,
) -> StatusCode {
    let request = axum::http::Request::post("/api/account/login")
        .header("origin", support::ORIGIN)
        .header("accept", "application/json")
        .header("content-type", "application/x-www-form-urlencoded")
        .header("x-forwarded-for", forwarded_for);
    let body = support::encode_form(&[("email", email), ("password", password)]);
    client.send(request, body).await.status
}

async fn failures_at(db: &sea_orm::DatabaseConnection, addr: &str) -> i32 {
    login_throttle::Entity::find()
        .filter(login_throttle::Column::Key.eq(app::store::throttle::address_key(addr)))
        .one(db)
        .await
        .unwrap()
        .map_or(0, |row| row.failures)
}

on_both_backends!(
    behind_a_trusted_proxy_each_user_is_counted_at_their_own_address,
    |backend: Backend| async move {
        let Some(t) = TestDb::with_demo(backend).await else {
            return;
        };
        let db = &t.db;
        let (first, second) = ("203.0.113.5", "203.0.113.6");
        let mut proxied = Client::behind(db, PROXY, PROXY);
        let wrong = "fout wachtwoord 123";
        let refused = login_as(&mut proxied, "niemand@demo.wijkwijs.nl", wrong, first).await;
        assert_eq!(refused, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(failures_at(db, first).await, 1);
        assert_eq!(failures_at(db, PROXY).await, 0, "never the proxy's address");

        // The first user's address is locked; the second user, through the
        // same proxy, still logs in.
        let row = login_throttle::Entity::find()
            .filter(login_throttle::Column::Key.eq(app::store::throttle::address_key(first)))
            .one(db)
            .await
            .unwrap()
            .unwrap();
        login_throttle::ActiveModel {
            id: Set(row.id),
            failures: Set(ThrottlePolicy::PER_ADDRESS.lock_after as i32),
            last_failure_at: Set(chrono::Utc::now()),
            ..Default::default()
        }
        .update(db)
        .await
        .unwrap();
        let password = server::demo::DEMO_PASSWORD;
        let email = "teamlid.jeugd-zuilen@demo.wijkwijs.nl";
        let mut locked = Client::behind(db, PROXY, PROXY);
        assert_eq!(
            login_as(&mut locked, email, password, first).await,
            StatusCode::TOO_MANY_REQUESTS
        );
        let mut other = Client::behind(db, PROXY, PROXY);
        // A hop the client added itself in front is not believed either.
        let chain = format!("{first}, {second}");
        assert_eq!(
            login_as(&mut other, email, password, &chain).await,
            StatusCode::OK
        );
        let logged = audit_event::Entity::find()
            .order_by_desc(audit_event::Column::Id)
            .one(db)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(
            (logged.action.as_str(), logged.client_addr.as_str()),
            ("inloggen", second)
        );
        t.cleanup().await;
    }
);

on_both_backends!(
    a_forged_forwarding_header_from_an_untrusted_peer_is_ignored,
    |backend: Backend| async move {
        let Some(t) = TestDb::with_demo(backend).await else {
            return;
        };
        let db = &t.db;
        let (peer, victim) = ("198.51.100.7", "203.0.113.6");
        let mut forger = Client::behind(db, PROXY, peer);
        let refused = login_as(
            &mut forger,
            "niemand@demo.wijkwijs.nl",
            "fout wachtwoord 123",
            victim,
        )
        .await;
        assert_eq!(refused, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(failures_at(db, peer).await, 1);
        assert_eq!(failures_at(db, victim).await, 0);
        // Without any trusted proxy, the header means nothing at all.
        let mut direct = Client::behind(db, "", PROXY);
        login_as(
            &mut direct,
            "niemand@demo.wijkwijs.nl",
            "fout wachtwoord 123",
            victim,
        )
        .await;
        assert_eq!(failures_at(db, PROXY).await, 1);
        assert_eq!(failures_at(db, victim).await, 0);
        t.cleanup().await;
    }
);
