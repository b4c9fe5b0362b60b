//! Every registered server function × every kind of user × own or other
//! team, with the expected answer. The matrix is checked against the
//! registered endpoints, so a new server function without an entry here
//! fails this test.

mod support;

use app::store::entity::team;
use axum::http::StatusCode;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use std::collections::BTreeSet;
use support::{Backend, Client, TestDb};

/// Who calls. The target team is always Jeugd Zuilen.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Actor {
    Anonymous,
    /// A teamlid of the target team.
    MemberOwnTeam,
    /// A teamlid of another team.
    MemberOtherTeam,
    /// The coördinator of the target team.
    CoordinatorOwnTeam,
    Bestuurder,
    Beheerder,
}

const ACTORS: [Actor; 6] = [
    Actor::Anonymous,
    Actor::MemberOwnTeam,
    Actor::MemberOtherTeam,
    Actor::CoordinatorOwnTeam,
    Actor::Bestuurder,
    Actor::Beheerder,
];

impl Actor {
    fn login(self) -> Option<&'static str> {
        match self {
            Actor::Anonymous => None,
            Actor::MemberOwnTeam => Some("teamlid.jeugd-zuilen@demo.wijkwijs.nl"),
            Actor::MemberOtherTeam => Some("teamlid.jeugd-ondiep@demo.wijkwijs.nl"),
            Actor::CoordinatorOwnTeam => Some("coordinator.jeugd-zuilen@demo.wijkwijs.nl"),
            Actor::Bestuurder => Some("bestuurder@demo.wijkwijs.nl"),
            Actor::Beheerder => Some("beheerder@demo.wijkwijs.nl"),
        }
    }
}

/// What the matrix expects.
fn anyone(_: Actor) -> StatusCode {
    StatusCode::OK
}

fn logged_in(actor: Actor) -> StatusCode {
    if actor == Actor::Anonymous {
        StatusCode::UNAUTHORIZED
    } else {
        StatusCode::OK
    }
}

/// Allowed to ask, but the (deliberately wrong) input is refused.
fn logged_in_input_refused(actor: Actor) -> StatusCode {
    if actor == Actor::Anonymous {
        StatusCode::UNAUTHORIZED
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    }
}

/// Only a session halfway through login (password right, code to come).
fn halfway_login_only(_: Actor) -> StatusCode {
    StatusCode::UNAUTHORIZED
}

struct Entry {
    path: &'static str,
    /// The form, given the target team's id.
    form: fn(i32) -> Vec<(&'static str, String)>,
    expect: fn(Actor) -> StatusCode,
}

fn matrix() -> Vec<Entry> {
    vec![
        Entry {
            path: "/api/account/login",
            form: |_| {
                vec![
                    ("email", "teamlid.jeugd-zuilen@demo.wijkwijs.nl".into()),
                    ("password", server::demo::DEMO_PASSWORD.into()),
                ]
            },
            expect: anyone,
        },
        Entry {
            path: "/api/account/logout",
            form: |_| vec![],
            expect: anyone,
        },
        Entry {
            path: "/api/account/current",
            form: |_| vec![],
            expect: anyone,
        },
        Entry {
            path: "/api/account/second-factor",
            form: |_| vec![("code", "000000".into())],
            expect: halfway_login_only,
        },
        Entry {
            path: "/api/account/two-factor",
            form: |_| vec![],
            expect: logged_in,
        },
        Entry {
            path: "/api/account/two-factor/start",
            form: |_| vec![],
            expect: logged_in,
        },
        Entry {
            path: "/api/account/two-factor/confirm",
            form: |_| vec![("code", "abcdef".into())],
            expect: logged_in_input_refused,
        },
        Entry {
            path: "/api/network/overview",
            form: |_| vec![],
            expect: logged_in,
        },
        Entry {
            path: "/api/network/team",
            form: |team| vec![("team_id", team.to_string())],
            expect: logged_in,
        },
    ]
}

#[test]
fn every_registered_endpoint_is_in_the_matrix() {
    let registered: BTreeSet<String> = leptos::server_fn::axum::server_fn_paths()
        .map(|(path, _)| path.to_string())
        .collect();
    let covered: BTreeSet<String> = matrix().iter().map(|e| e.path.to_string()).collect();
    assert_eq!(
        registered, covered,
        "every server function needs a row in the permission matrix"
    );
}

on_both_backends!(
    every_endpoint_answers_every_actor_as_the_matrix_says,
    |backend: Backend| async move {
        let Some(t) = TestDb::with_demo(backend).await else {
            return;
        };
        let team_id = team::Entity::find()
            .filter(team::Column::Name.eq("Jeugd Zuilen"))
            .one(&t.db)
            .await
            .unwrap()
            .unwrap()
            .id;
        for entry in matrix() {
            for actor in ACTORS {
                let mut client = Client::new(&t.db);
                if let Some(email) = actor.login() {
                    client.login(email).await;
                }
                let form = (entry.form)(team_id);
                let form: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
                let reply = client.call(entry.path, &form).await;
                assert_eq!(
                    reply.status,
                    (entry.expect)(actor),
                    "{} as {actor:?}: {}",
                    entry.path,
                    reply.body
                );
            }
        }
        t.cleanup().await;
    }
);
