//! Accounts and security over HTTP, on SQLite and PostgreSQL: login and
//! logout, sessions, throttling, the same-origin check, security headers
//! and the audit log.

mod support;

use app::store::entity::{audit_event, login_throttle, session};
use axum::http::StatusCode;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder, Set,
};
use shared::throttle::ThrottlePolicy;
use support::{Backend, Client, TestDb};

const TEAMLID: &str = "teamlid.jeugd-zuilen@demo.wijkwijs.nl";

async fn last_audit(db: &sea_orm::DatabaseConnection) -> audit_event::Model {
    audit_event::Entity::find()
        .order_by_desc(audit_event::Column::Id)
        .one(db)
        .await
        .unwrap()
        .expect("an audit entry")
}

on_both_backends!(
    anonymous_visitors_reach_only_public_pages,
    |backend: Backend| async move {
        let Some(t) = TestDb::with_demo(backend).await else {
            return;
        };
        let mut client = Client::new(&t.db);
        for path in ["/", "/teams/1", "/account"] {
            let reply = client.get(path).await;
            assert_eq!(reply.status, StatusCode::SEE_OTHER, "{path}");
            let location = reply.headers["location"].to_str().unwrap();
            assert!(location.starts_with("/inloggen?volgende=/"), "{location}");
        }
        assert_eq!(client.get("/inloggen").await.status, StatusCode::OK);
        let public = client.get("/toegankelijkheid").await;
        assert_eq!(public.status, StatusCode::OK);
        assert!(site_header(&public.body).contains("<a href=\"/inloggen\">Inloggen</a>"));
        let reply = client.call("/api/network/overview", &[]).await;
        assert_eq!(reply.status, StatusCode::UNAUTHORIZED);
        assert!(!reply.body.contains("Zuilen"));
        t.cleanup().await;
    }
);

on_both_backends!(
    mijn_team_leads_a_member_to_their_team_and_others_to_the_network,
    |backend: Backend| async move {
        let Some(t) = TestDb::with_demo(backend).await else {
            return;
        };
        let db = &t.db;
        let location = |reply: &support::Reply| {
            assert_eq!(reply.status, StatusCode::SEE_OTHER);
            reply.headers["location"].to_str().unwrap().to_string()
        };
        let anonymous = Client::new(db).get("/mijn-team").await;
        assert_eq!(location(&anonymous), "/inloggen?volgende=/mijn-team");
        let mut member = Client::signed_in(db, TEAMLID).await;
        let zuilen = support::team_named(db, "Jeugd Zuilen").await.id;
        assert_eq!(
            location(&member.get("/mijn-team").await),
            format!("/teams/{zuilen}")
        );
        let team_page = member.get(&format!("/teams/{zuilen}")).await;
        assert!(site_header(&team_page.body).contains("<a href=\"/mijn-team\">Mijn team"));
        let mut bestuurder = Client::signed_in(db, "bestuurder@demo.wijkwijs.nl").await;
        assert_eq!(location(&bestuurder.get("/mijn-team").await), "/");
        let overview = bestuurder.get("/").await;
        assert!(!site_header(&overview.body).contains("Mijn team"));
        t.cleanup().await;
    }
);

on_both_backends!(
    a_nul_in_the_login_form_is_refused_at_the_field,
    |backend: Backend| async move {
        let Some(t) = TestDb::with_demo(backend).await else {
            return;
        };
        let mut client = Client::new(&t.db);
        let reply = client
            .call(
                "/api/account/login",
                &[
                    ("email", "teamlid\u{0}@demo.wijkwijs.nl"),
                    ("password", "x"),
                ],
            )
            .await;
        assert_eq!(
            reply.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "{}",
            reply.body
        );
        assert!(reply.body.contains("stuurtekens"), "{}", reply.body);
        t.cleanup().await;
    }
);

on_both_backends!(
    login_starts_a_fresh_server_side_session_and_logout_ends_it,
    |backend: Backend| async move {
        let Some(t) = TestDb::with_demo(backend).await else {
            return;
        };
        let db = &t.db;
        let mut client = Client::new(db);

        let reply = client
            .call(
                "/api/account/login",
                &[
                    ("email", TEAMLID),
                    ("password", server::demo::DEMO_PASSWORD),
                ],
            )
            .await;
        assert_eq!(reply.status, StatusCode::OK);
        let cookie = reply.headers["set-cookie"].to_str().unwrap().to_string();
        assert!(cookie.starts_with("wijkwijs_sessie="), "{cookie}");
        for attribute in ["HttpOnly", "SameSite=Lax", "Path=/"] {
            assert!(cookie.contains(attribute), "{cookie}");
        }
        assert!(!cookie.contains("Secure"), "plain http: no Secure");
        let first = client.cookie.clone().unwrap();
        assert_eq!(session::Entity::find().count(db).await.unwrap(), 1);
        let audit = last_audit(db).await;
        assert_eq!(
            (
                audit.action.as_str(),
                audit.outcome.as_str(),
                audit.actor.as_str()
            ),
            ("inloggen", "ok", TEAMLID)
        );
        assert_eq!(client.get("/").await.status, StatusCode::OK);
        // Every page's header names who is logged in, in its HTML itself
        // (no script needed), the public pages' too.
        let public = client.get("/toegankelijkheid").await.body;
        assert!(site_header(&public).contains(">Ingelogd als "), "{public}");
        assert!(!public.contains("<template"), "{public}");

        // Logging in again gives a new session id; the old one is gone.
        client.login(TEAMLID).await;
        let second = client.cookie.clone().unwrap();
        assert_ne!(first, second);
        assert_eq!(session::Entity::find().count(db).await.unwrap(), 1);
        let mut stale = Client::new(db);
        stale.cookie = Some(first);
        assert_eq!(stale.get("/").await.status, StatusCode::SEE_OTHER);

        let reply = client.call("/api/account/logout", &[]).await;
        assert_eq!(reply.status, StatusCode::OK);
        assert!(reply.headers["set-cookie"]
            .to_str()
            .unwrap()
            .contains("Max-Age=0"));
        assert_eq!(session::Entity::find().count(db).await.unwrap(), 0);
        assert_eq!(last_audit(db).await.action, "uitloggen");
        let mut replay = Client::new(db);
        replay.cookie = Some(second);
        assert_eq!(
            replay.get("/").await.status,
            StatusCode::SEE_OTHER,
            "the token is dead server-side"
        );
        t.cleanup().await;
    }
);

on_both_backends!(
    a_session_brings_its_account_with_every_team_and_ends_with_the_account,
    |backend: Backend| async move {
        use app::store::entity::{account, membership};
        use app::store::sessions;
        let Some(t) = TestDb::with_demo(backend).await else {
            return;
        };
        let db = &t.db;
        let person = account::Entity::find()
            .filter(account::Column::Email.eq(TEAMLID))
            .one(db)
            .await
            .unwrap()
            .unwrap();
        let mut expected: Vec<(i32, bool)> = membership::Entity::find()
            .filter(membership::Column::AccountId.eq(person.id))
            .all(db)
            .await
            .unwrap()
            .iter()
            .map(|m| (m.team_id, m.coordinator))
            .collect();
        // A second team, coordinated.
        let own = membership::Entity::find()
            .filter(membership::Column::AccountId.eq(person.id))
            .one(db)
            .await
            .unwrap()
            .unwrap();
        let other = app::store::entity::team::Entity::find()
            .filter(app::store::entity::team::Column::Id.ne(own.team_id))
            .one(db)
            .await
            .unwrap()
            .unwrap();
        membership::ActiveModel {
            team_id: Set(other.id),
            account_id: Set(person.id),
            organisation_id: Set(own.organisation_id),
            discipline: Set(own.discipline.clone()),
            coordinator: Set(true),
            ..Default::default()
        }
        .insert(db)
        .await
        .unwrap();
        expected.push((other.id, true));
        expected.sort_unstable();

        let now = chrono::Utc::now();
        let token = sessions::create(db, person.id, false, "test", now)
            .await
            .unwrap();
        let found = sessions::resolve(db, &token, now).await.unwrap().unwrap();
        assert_eq!(found.viewer.account_id, person.id);
        assert_eq!(found.email, person.email);
        assert_eq!(found.display_name, person.display_name);
        assert!(!found.second_factor_pending);
        let mut teams: Vec<(i32, bool)> = found
            .viewer
            .teams
            .iter()
            .map(|m| (m.team_id, m.coordinator))
            .collect();
        teams.sort_unstable();
        assert_eq!(teams, expected);
        // A page request reads the data's fingerprint in the same query:
        // the same as read alone, once however many teams the account has.
        use app::store::change_clock::Fingerprint;
        let (again, values) = sessions::resolve_reading(db, &token, now, &Fingerprint::QUERIES)
            .await
            .unwrap();
        assert_eq!(again.unwrap().viewer.teams.len(), expected.len());
        let alone = Fingerprint::read(db).await.unwrap();
        assert_eq!(values.len(), 2);
        assert_eq!(Fingerprint::from_values(&values), Some(alone));
        assert!(sessions::resolve(db, "not-a-token", now)
            .await
            .unwrap()
            .is_none());

        // A deactivated account's session ends at its next request.
        account::ActiveModel {
            id: Set(person.id),
            active: Set(false),
            ..Default::default()
        }
        .update(db)
        .await
        .unwrap();
        assert!(sessions::resolve(db, &token, now).await.unwrap().is_none());
        assert_eq!(session::Entity::find().count(db).await.unwrap(), 0);
        t.cleanup().await;
    }
);

/// Marks the one session as last seen `seconds` ago; returns that moment.
async fn last_seen_ago(
    db: &sea_orm::DatabaseConnection,
    seconds: i64,
) -> chrono::DateTime<chrono::Utc> {
    let row = session::Entity::find().one(db).await.unwrap().unwrap();
    let at = chrono::Utc::now() - chrono::Duration::seconds(seconds);
    session::ActiveModel {
        id: Set(row.id),
        last_seen_at: Set(at),
        ..Default::default()
    }
    .update(db)
    .await
    .unwrap();
    at
}

on_both_backends!(sessions_expire_when_idle, |backend: Backend| async move {
    let Some(t) = TestDb::with_demo(backend).await else {
        return;
    };
    let mut client = Client::new(&t.db);
    client.login(TEAMLID).await;
    last_seen_ago(&t.db, shared::session::IDLE_TIMEOUT_SECONDS + 1).await;
    assert_eq!(client.get("/").await.status, StatusCode::SEE_OTHER);
    assert_eq!(
        session::Entity::find().count(&t.db).await.unwrap(),
        0,
        "expired session removed"
    );
    t.cleanup().await;
});

on_both_backends!(
    bundle_files_leave_the_session_alone,
    |backend: Backend| async move {
        // The bundle's files are fetched with every page load: they need
        // no session, so none is looked up and none is kept alive by them.
        let Some(t) = TestDb::with_demo(backend).await else {
            return;
        };
        let mut client = Client::new(&t.db);
        client.login(TEAMLID).await;
        let earlier = last_seen_ago(&t.db, shared::session::TOUCH_INTERVAL_SECONDS + 60).await;
        let last_seen = || async {
            let row = session::Entity::find().one(&t.db).await.unwrap().unwrap();
            row.last_seen_at.timestamp()
        };
        client.get("/pkg/wijkwijs.css").await;
        assert_eq!(last_seen().await, earlier.timestamp(), "not touched");
        assert_eq!(client.get("/").await.status, StatusCode::OK);
        assert!(last_seen().await > earlier.timestamp(), "a page touches it");
        t.cleanup().await;
    }
);

on_both_backends!(
    wrong_passwords_are_throttled_without_revealing_accounts,
    |backend: Backend| async move {
        // The waits themselves are time rules, tested without a clock in
        // shared::throttle; here: failures are counted per account, answered
        // alike for known and unknown accounts, and a locked account is refused
        // even with the right password.
        let Some(t) = TestDb::with_demo(backend).await else {
            return;
        };
        let db = &t.db;
        let mut answers = Vec::new();
        for email in [TEAMLID, "niemand@demo.wijkwijs.nl"] {
            let mut client = Client::new(db);
            for _ in 0..ThrottlePolicy::PER_ACCOUNT.free_failures {
                let reply = client
                    .call(
                        "/api/account/login",
                        &[("email", email), ("password", "fout wachtwoord 123")],
                    )
                    .await;
                assert_eq!(
                    reply.status,
                    StatusCode::UNPROCESSABLE_ENTITY,
                    "{}",
                    reply.body
                );
                answers.push(reply.body.replace(email, "…"));
            }
            let row = login_throttle::Entity::find()
                .filter(login_throttle::Column::Key.eq(format!("account:{email}")))
                .one(db)
                .await
                .unwrap()
                .unwrap();
            assert_eq!(
                row.failures,
                ThrottlePolicy::PER_ACCOUNT.free_failures as i32
            );

            login_throttle::ActiveModel {
                id: Set(row.id),
                failures: Set(ThrottlePolicy::PER_ACCOUNT.lock_after as i32),
                last_failure_at: Set(chrono::Utc::now()),
                ..Default::default()
            }
            .update(db)
            .await
            .unwrap();
            let reply = client
                .call(
                    "/api/account/login",
                    &[("email", email), ("password", server::demo::DEMO_PASSWORD)],
                )
                .await;
            assert_eq!(
                reply.status,
                StatusCode::TOO_MANY_REQUESTS,
                "{email}: even the right password waits"
            );
            assert!(reply.body.contains("Throttled"));
            assert!(client.cookie.is_none());
            let audit = last_audit(db).await;
            assert_eq!(
                (audit.action.as_str(), audit.outcome.as_str()),
                ("inloggen", "geweigerd")
            );
        }
        assert!(
            answers.windows(2).all(|w| w[0] == w[1]),
            "known and unknown accounts get the same answer"
        );
        let failed = audit_event::Entity::find()
            .filter(audit_event::Column::Outcome.eq("mislukt"))
            .count(db)
            .await
            .unwrap();
        assert_eq!(
            failed,
            2 * u64::from(ThrottlePolicy::PER_ACCOUNT.free_failures)
        );

        // A successful login clears the account's count.
        let mut client = Client::new(db);
        client.login("teamlid.jeugd-ondiep@demo.wijkwijs.nl").await;
        let cleared = login_throttle::Entity::find()
            .filter(login_throttle::Column::Key.eq("account:teamlid.jeugd-ondiep@demo.wijkwijs.nl"))
            .one(db)
            .await
            .unwrap();
        assert!(cleared.is_none());
        t.cleanup().await;
    }
);

on_both_backends!(
    cross_site_posts_are_refused_and_change_nothing,
    |backend: Backend| async move {
        let Some(t) = TestDb::with_demo(backend).await else {
            return;
        };
        let mut client = Client::new(&t.db);
        let body = support::encode_form(&[
            ("email", TEAMLID),
            ("password", server::demo::DEMO_PASSWORD),
        ]);
        for origin in [Some("http://evil.example"), None] {
            let mut request = axum::http::Request::post("/api/account/login")
                .header("content-type", "application/x-www-form-urlencoded")
                .header("accept", "text/html");
            if let Some(origin) = origin {
                request = request.header("origin", origin);
            }
            let reply = client.send(request, body.clone()).await;
            assert_eq!(reply.status, StatusCode::FORBIDDEN);
            assert!(reply.body.contains("geweigerd"));
        }
        assert!(client.cookie.is_none());
        assert_eq!(session::Entity::find().count(&t.db).await.unwrap(), 0);
        assert_eq!(audit_event::Entity::find().count(&t.db).await.unwrap(), 0);
        t.cleanup().await;
    }
);

on_both_backends!(
    a_form_without_javascript_comes_back_with_the_message_and_input,
    |backend: Backend| async move {
        let Some(t) = TestDb::with_demo(backend).await else {
            return;
        };
        let mut client = Client::new(&t.db);
        let reply = client
            .post_form(
                "/api/account/login",
                "/inloggen",
                &[
                    ("email", TEAMLID),
                    ("password", "fout wachtwoord 123"),
                    ("next", "/"),
                ],
            )
            .await;
        assert_eq!(reply.status, StatusCode::FOUND);
        let back = reply.headers["location"].to_str().unwrap().to_string();
        assert!(
            back.starts_with(&format!("{}/inloggen?", support::ORIGIN)),
            "{back}"
        );
        let page = client.get(back.trim_start_matches(support::ORIGIN)).await;
        assert_eq!(page.status, StatusCode::OK);
        assert!(page.body.contains("horen niet bij elkaar"));
        assert!(
            page.body.contains(&format!("value=\"{TEAMLID}\"")),
            "the e-mail address is kept"
        );
        assert!(
            !page.body.contains("fout wachtwoord"),
            "the password is never echoed"
        );

        let reply = client
            .post_form(
                "/api/account/login",
                "/inloggen",
                &[
                    ("email", TEAMLID),
                    ("password", server::demo::DEMO_PASSWORD),
                    ("next", "/teams/2"),
                ],
            )
            .await;
        assert_eq!(reply.status, StatusCode::FOUND);
        assert_eq!(reply.headers["location"], "/teams/2");
        assert!(client.cookie.is_some());
        t.cleanup().await;
    }
);

on_both_backends!(
    pages_carry_security_headers,
    |backend: Backend| async move {
        let Some(t) = TestDb::with_demo(backend).await else {
            return;
        };
        let mut client = Client::new(&t.db);
        let reply = client.get("/inloggen").await;
        let csp = reply.headers["content-security-policy"].to_str().unwrap();
        assert!(csp.contains("frame-ancestors 'none'"), "{csp}");
        assert!(
            csp.contains("script-src 'self' 'wasm-unsafe-eval' 'nonce-"),
            "{csp}"
        );
        let nonce = csp
            .split("'nonce-")
            .nth(1)
            .unwrap()
            .split('\'')
            .next()
            .unwrap();
        assert!(
            reply.body.contains(&format!("nonce=\"{nonce}\"")),
            "the inline hydration script has the nonce"
        );
        assert_eq!(reply.headers["x-content-type-options"], "nosniff");
        assert_eq!(reply.headers["referrer-policy"], "same-origin");
        assert_eq!(reply.headers["x-frame-options"], "DENY");
        assert!(reply.headers["permissions-policy"]
            .to_str()
            .unwrap()
            .contains("camera=()"));
        assert!(!reply.headers.contains_key("strict-transport-security"));
        let over_https = |client: &mut Client| {
            let mut client = client.clone();
            async move {
                client
                    .send(
                        axum::http::Request::get("/inloggen").header("x-forwarded-proto", "https"),
                        String::new(),
                    )
                    .await
            }
        };
        // Only a trusted proxy is believed when it says https.
        let forged = over_https(&mut Client::behind(&t.db, "10.0.0.1", "198.51.100.7")).await;
        assert!(!forged.headers.contains_key("strict-transport-security"));
        let proxied = over_https(&mut Client::behind(&t.db, "10.0.0.1", "10.0.0.1")).await;
        assert_eq!(
            proxied.headers["strict-transport-security"],
            "max-age=31536000"
        );
        let health = client.get("/healthz").await;
        assert!(health.headers["content-security-policy"]
            .to_str()
            .unwrap()
            .contains("frame-ancestors 'none'"));
        t.cleanup().await;
    }
);

on_both_backends!(
    viewing_another_teams_space_is_audited,
    |backend: Backend| async move {
        let Some(t) = TestDb::with_demo(backend).await else {
            return;
        };
        let db = &t.db;
        let mut client = Client::new(db);
        client.login(TEAMLID).await;
        let teams = app::store::entity::team::Entity::find()
            .all(db)
            .await
            .unwrap();
        let own = teams.iter().find(|t| t.name == "Jeugd Zuilen").unwrap().id;
        let other = teams.iter().find(|t| t.name == "Jeugd Ondiep").unwrap().id;
        let views = || async {
            audit_event::Entity::find()
                .filter(audit_event::Column::Action.eq("bekijken"))
                .all(db)
                .await
                .unwrap()
        };
        assert_eq!(
            client.get(&format!("/teams/{own}")).await.status,
            StatusCode::OK
        );
        assert!(
            views().await.is_empty(),
            "a team's own space is not a view of another team"
        );
        assert_eq!(
            client.get(&format!("/teams/{other}")).await.status,
            StatusCode::OK
        );
        let logged = views().await;
        assert_eq!(logged.len(), 1);
        assert_eq!(
            logged[0].object_id.as_deref(),
            Some(other.to_string().as_str())
        );
        assert_eq!(logged[0].actor, TEAMLID);
        t.cleanup().await;
    }
);

on_both_backends!(
    concurrent_views_are_each_audited,
    |backend: Backend| async move {
        let Some(t) = TestDb::with_demo(backend).await else {
            return;
        };
        let db = &t.db;
        let mut client = Client::new(db);
        client.login(TEAMLID).await;
        let teams = app::store::entity::team::Entity::find()
            .filter(app::store::entity::team::Column::Name.ne("Jeugd Zuilen"))
            .all(db)
            .await
            .unwrap();
        // Views that arrive together are written as one group; each must
        // still be its own entry, and each page waits for its entry. Eight
        // at once, as the benchmark's eight connections.
        let mut views = tokio::task::JoinSet::new();
        for team in teams.iter().take(4) {
            for _ in 0..2 {
                let (mut client, id) = (client.clone(), team.id);
                views.spawn(async move { (id, client.get(&format!("/teams/{id}")).await.status) });
            }
        }
        let mut expected: Vec<String> = Vec::new();
        while let Some(view) = views.join_next().await {
            let (id, status) = view.unwrap();
            assert_eq!(status, StatusCode::OK);
            expected.push(id.to_string());
        }
        let mut logged: Vec<String> = audit_event::Entity::find()
            .filter(audit_event::Column::Action.eq("bekijken"))
            .all(db)
            .await
            .unwrap()
            .into_iter()
            .inspect(|e| assert_eq!(e.actor, TEAMLID))
            .filter_map(|e| e.object_id)
            .collect();
        expected.sort();
        logged.sort();
        assert_eq!(logged, expected);
        t.cleanup().await;
    }
);

/// The page's site header.
fn site_header(page: &str) -> &str {
    let start = page
        .find("<header class=\"site-header\"")
        .expect("a site header");
    &page[start..start + page[start..].find("</header>").unwrap()]
}

on_both_backends!(
    over_https_the_cookies_carry_the_host_prefix,
    |backend: Backend| async move {
        let Some(t) = TestDb::with_demo(backend).await else {
            return;
        };
        let origin = "https://wijkwijs.test";
        let mut client = Client::configured(&t.db, |args| args.public_origin = Some(origin.into()));
        let login = axum::http::Request::post("/api/account/login")
            .header("origin", origin)
            .header("accept", "application/json")
            .header("content-type", "application/x-www-form-urlencoded");
        let body = support::encode_form(&[
            ("email", TEAMLID),
            ("password", server::demo::DEMO_PASSWORD),
        ]);
        let reply = client.send(login, body).await;
        assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
        let cookie = reply.headers["set-cookie"].to_str().unwrap().to_string();
        assert!(cookie.starts_with("__Host-wijkwijs_sessie="), "{cookie}");
        for attribute in ["Secure", "Path=/", "HttpOnly"] {
            assert!(cookie.contains(attribute), "{cookie}");
        }
        assert!(!cookie.contains("Domain"), "{cookie}");
        assert_eq!(client.get("/").await.status, StatusCode::OK);
        // The same token under the name without the prefix is no session.
        let token = client.cookie.clone().unwrap().replace("__Host-", "");
        let mut unprefixed =
            Client::configured(&t.db, |args| args.public_origin = Some(origin.into()));
        unprefixed.cookie = Some(token);
        assert_eq!(unprefixed.get("/").await.status, StatusCode::SEE_OTHER);
        t.cleanup().await;
    }
);
