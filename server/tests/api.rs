//! The JSON API (`/api/v1`) on SQLite and PostgreSQL: tokens made in the
//! app are shown once and kept only as a fingerprint; a team's push token
//! enters and corrects its months by the form's rule, and nothing else;
//! read tokens read published figures; every use is audited and marks the
//! token's last use; revoked, expired or missing tokens get a 401 problem;
//! refusals are problem+json; the OpenAPI document describes it all.

mod support;

use app::store::entity::{api_token, outcome_period};
use axum::http::StatusCode;
use sea_orm::{ActiveModelTrait, ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, Set};
use support::{Backend, Client, Reply, TestDb};

const COORDINATOR: &str = "coordinator.jeugd-zuilen@demo.wijkwijs.nl";
const MEMBER: &str = "teamlid.jeugd-zuilen@demo.wijkwijs.nl";
const BESTUURDER: &str = "bestuurder@demo.wijkwijs.nl";
const CREATE: &str = "/api/account/api-tokens/create";
const REVOKE: &str = "/api/account/api-tokens/revoke";

/// A registration system's request: a token, no cookie, no Origin.
async fn call(
    db: &DatabaseConnection,
    method: &str,
    path: &str,
    token: Option<&str>,
    body: Option<serde_json::Value>,
) -> Reply {
    let mut system = Client::new(db);
    let mut request = axum::http::Request::builder().method(method).uri(path);
    if let Some(token) = token {
        request = request.header("authorization", format!("Bearer {token}"));
    }
    let body = match body {
        Some(json) => {
            request = request.header("content-type", "application/json");
            json.to_string()
        }
        None => String::new(),
    };
    system.send(request, body).await
}

fn json(reply: &Reply) -> serde_json::Value {
    serde_json::from_str(&reply.body).unwrap_or_else(|_| panic!("not JSON: {}", reply.body))
}

fn is_problem(reply: &Reply, status: StatusCode) {
    assert_eq!(reply.status, status, "{}", reply.body);
    assert_eq!(
        reply.headers["content-type"], "application/problem+json",
        "{}",
        reply.body
    );
    assert_eq!(json(reply)["status"], status.as_u16());
    assert_eq!(reply.headers["api-version"], "1.0.0");
}

/// Makes a token in the app as `email` and reads it off the keys page,
/// where it shows once.
async fn token_made(db: &DatabaseConnection, email: &str, form: &[(&str, &str)]) -> String {
    let mut person = Client::signed_in(db, email).await;
    let reply = person.call(CREATE, form).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    let page = person.get("/api-sleutels").await;
    let start = page
        .body
        .find("<code class=\"secret\">")
        .expect("the new token is shown")
        + "<code class=\"secret\">".len();
    let token = page.body[start..].split('<').next().unwrap().to_string();
    let again = person.get("/api-sleutels").await;
    assert!(!again.body.contains(&token), "shown once only");
    assert!(again.body.contains("actief"));
    token
}

on_both_backends!(
    a_teams_push_token_pushes_its_months_and_reads_published_figures,
    |backend: Backend| async move {
        let Some(t) = TestDb::with_demo(backend).await else {
            return;
        };
        let db = &t.db;
        let team = support::team_named(db, "Jeugd Zuilen").await;
        let other = support::team_named(db, "Ouderen Ondiep").await;
        let team_id = team.id.to_string();

        // A member who does not coordinate may not make one.
        let mut member = Client::signed_in(db, MEMBER).await;
        let refused = member
            .call(
                CREATE,
                &[
                    ("name", "Koppeling"),
                    ("scope", "aanleveren"),
                    ("team", &team_id),
                ],
            )
            .await;
        assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(refused.body.contains("Zo’n sleutel mag u hier niet maken"));

        let token = token_made(
            db,
            COORDINATOR,
            &[
                ("name", "Koppeling Suite"),
                ("scope", "aanleveren"),
                ("team", &team_id),
                ("days", "30"),
            ],
        )
        .await;
        assert_eq!(token.len(), 64);
        let kept = api_token::Entity::find().one(db).await.unwrap().unwrap();
        assert_ne!(kept.token_hash, token, "only a fingerprint is kept");
        assert_eq!(kept.last_used_at, None);
        assert_eq!(support::audited(db, "api-sleutel-maken").await, 1);

        // Reading.
        let teams = call(db, "GET", "/api/v1/teams", Some(&token), None).await;
        assert_eq!(teams.status, StatusCode::OK, "{}", teams.body);
        assert_eq!(teams.headers["api-version"], "1.0.0");
        assert!(json(&teams)
            .as_array()
            .unwrap()
            .iter()
            .any(|t| t["naam"] == "Jeugd Zuilen" && t["doelgroep"] == "jeugd"));
        let months = call(
            db,
            "GET",
            &format!("/api/v1/teams/{}/maanden", other.id),
            Some(&token),
            None,
        )
        .await;
        assert_eq!(months.status, StatusCode::OK, "{}", months.body);
        let first = &json(&months)[0];
        assert!(first["maand"].is_string() && first["gestart"]["status"].is_string());
        assert_eq!(support::audited(db, "api-gebruik").await, 2);
        let used = api_token::Entity::find_by_id(kept.id)
            .one(db)
            .await
            .unwrap()
            .unwrap();
        assert!(used.last_used_at.is_some());

        // Pushing a month: the form's rule, versions and audit.
        let october = |without_help: u32| {
            serde_json::json!({
                "gestart": 4, "wachttijdDagen": 12.5, "beeindigd": 3,
                "zonderHulp": without_help, "reactiesClienten": 0,
            })
        };
        let path = format!("/api/v1/teams/{}/maanden/2026-10", team.id);
        let pushed = call(db, "PUT", &path, Some(&token), Some(october(2))).await;
        assert_eq!(pushed.status, StatusCode::OK, "{}", pushed.body);
        let stored = outcome_period::Entity::find()
            .filter(outcome_period::Column::TeamId.eq(team.id))
            .filter(outcome_period::Column::Month.eq("2026-10"))
            .one(db)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(
            (stored.started, stored.ended, stored.without_help),
            (4, 3, 2)
        );
        assert_eq!(support::audited(db, "resultaten-corrigeren").await, 1);
        let refused = call(db, "PUT", &path, Some(&token), Some(october(5))).await;
        is_problem(&refused, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(json(&refused)["invalidParams"][0]["name"], "zonderHulp");
        let future = format!("/api/v1/teams/{}/maanden/2999-01", team.id);
        let refused = call(db, "PUT", &future, Some(&token), Some(october(1))).await;
        is_problem(&refused, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(json(&refused)["invalidParams"][0]["name"], "maand");
        let unreadable = serde_json::json!({ "gestart": "vier" });
        is_problem(
            &call(db, "PUT", &path, Some(&token), Some(unreadable)).await,
            StatusCode::BAD_REQUEST,
        );
        let elsewhere = format!("/api/v1/teams/{}/maanden/2026-10", other.id);
        is_problem(
            &call(db, "PUT", &elsewhere, Some(&token), Some(october(1))).await,
            StatusCode::FORBIDDEN,
        );
        let unchanged = outcome_period::Entity::find_by_id(stored.id)
            .one(db)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(unchanged, stored, "refusals change nothing");

        // Without a token, with a wrong one, after revocation: 401.
        let missing = call(db, "GET", "/api/v1/teams", None, None).await;
        is_problem(&missing, StatusCode::UNAUTHORIZED);
        assert_eq!(missing.headers["www-authenticate"], "Bearer");
        is_problem(
            &call(db, "GET", "/api/v1/teams", Some("0123abcd"), None).await,
            StatusCode::UNAUTHORIZED,
        );
        let mut coordinator = Client::signed_in(db, COORDINATOR).await;
        let other_person = Client::signed_in(db, MEMBER)
            .await
            .call(REVOKE, &[("id", &kept.id.to_string())])
            .await;
        assert_eq!(
            other_person.status,
            StatusCode::NOT_FOUND,
            "only its maker revokes it"
        );
        let revoked = coordinator
            .call(REVOKE, &[("id", &kept.id.to_string())])
            .await;
        assert_eq!(revoked.status, StatusCode::OK, "{}", revoked.body);
        assert_eq!(support::audited(db, "api-sleutel-intrekken").await, 1);
        is_problem(
            &call(db, "GET", "/api/v1/teams", Some(&token), None).await,
            StatusCode::UNAUTHORIZED,
        );
        assert!(coordinator
            .get("/api-sleutels")
            .await
            .body
            .contains("ingetrokken"));
        t.cleanup().await;
    }
);

on_both_backends!(
    a_network_read_token_reads_and_expires,
    |backend: Backend| async move {
        let Some(t) = TestDb::with_demo(backend).await else {
            return;
        };
        let db = &t.db;
        let team = support::team_named(db, "Jeugd Zuilen").await;
        // A bestuurder cannot push, only read the network.
        let mut bestuurder = Client::signed_in(db, BESTUURDER).await;
        let refused = bestuurder
            .call(
                CREATE,
                &[("name", "Dashboard"), ("scope", "aanleveren"), ("team", "")],
            )
            .await;
        assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
        let token = token_made(db, BESTUURDER, &[("name", "Dashboard"), ("scope", "lezen")]).await;
        for path in [
            "/api/v1/wijken",
            "/api/v1/vergelijken?maat=zonder-hulp&niveau=wijken",
            "/api/v1/vergelijken",
            "/api/v1/wat-werkt",
        ] {
            let reply = call(db, "GET", path, Some(&token), None).await;
            assert_eq!(reply.status, StatusCode::OK, "{path}: {}", reply.body);
        }
        let compared = json(&call(db, "GET", "/api/v1/vergelijken", Some(&token), None).await);
        assert!(!compared["rijen"].as_array().unwrap().is_empty());
        let push = format!("/api/v1/teams/{}/maanden/2026-10", team.id);
        let body = serde_json::json!({ "gestart": 0, "beeindigd": 0, "zonderHulp": 0, "reactiesClienten": 0 });
        is_problem(
            &call(db, "PUT", &push, Some(&token), Some(body)).await,
            StatusCode::FORBIDDEN,
        );
        is_problem(
            &call(
                db,
                "GET",
                "/api/v1/teams/999999/maanden",
                Some(&token),
                None,
            )
            .await,
            StatusCode::NOT_FOUND,
        );
        is_problem(
            &call(
                db,
                "GET",
                "/api/v1/teams/twaalf/maanden",
                Some(&token),
                None,
            )
            .await,
            StatusCode::BAD_REQUEST,
        );
        is_problem(
            &call(db, "GET", "/api/v1/bestaat-niet", Some(&token), None).await,
            StatusCode::NOT_FOUND,
        );
        // Past its expiry it works no more.
        let kept = api_token::Entity::find().one(db).await.unwrap().unwrap();
        let mut expired: api_token::ActiveModel = kept.into();
        expired.expires_at = Set(chrono::Utc::now() - chrono::Duration::minutes(1));
        expired.update(db).await.unwrap();
        is_problem(
            &call(db, "GET", "/api/v1/wijken", Some(&token), None).await,
            StatusCode::UNAUTHORIZED,
        );
        assert!(bestuurder
            .get("/api-sleutels")
            .await
            .body
            .contains("verlopen"));

        // The document describes the API, as OpenAPI 3.1.
        let document = call(db, "GET", "/api/v1/openapi.json", None, None).await;
        assert_eq!(document.status, StatusCode::OK);
        let document = json(&document);
        assert_eq!(document["openapi"], "3.1.0");
        for path in [
            "/api/v1/teams",
            "/api/v1/teams/{id}/maanden",
            "/api/v1/teams/{id}/maanden/{maand}",
            "/api/v1/wijken",
            "/api/v1/vergelijken",
            "/api/v1/wat-werkt",
        ] {
            assert!(document["paths"][path].is_object(), "{path}");
        }
        assert!(document["components"]["securitySchemes"]["apiSleutel"].is_object());
        t.cleanup().await;
    }
);
