//! Every registered server function × every kind of user × own or other
//! team, with the expected answer. The matrix is checked against the
//! registered endpoints, so a new server function without an entry here
//! fails this test.

mod support;

use app::store::entity::account;
use axum::http::StatusCode;
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, Set};
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
    /// A beheerder who logs in with two factors.
    Beheerder,
    /// A beheerder who has not turned on two-factor login.
    BeheerderWithoutTwoFactor,
}

const ACTORS: [Actor; 7] = [
    Actor::Anonymous,
    Actor::MemberOwnTeam,
    Actor::MemberOtherTeam,
    Actor::CoordinatorOwnTeam,
    Actor::Bestuurder,
    Actor::Beheerder,
    Actor::BeheerderWithoutTwoFactor,
];

const SECOND_BEHEERDER: &str = "beheerder2@demo.wijkwijs.nl";

/// The endpoints that take files (multipart), and the files they get.
const UPLOAD: &str = "/api/results/import";
const UPLOADED: &[u8] =
    "Maand;Gestart;Afgesloten;Zonder hulp verder;Reacties cliënten\n2026-01;0;0;0;0\n".as_bytes();
const MESSAGES: &str = "/api/results/import/messages";
const MESSAGE: &[u8] = br#"<m:Bericht xmlns:m="http://www.istandaarden.nl/ijw/3_2/jw305/schema" xmlns:b="http://www.istandaarden.nl/ijw/3_2/basisschema/schema"><m:Header><m:BerichtIdentificatie><b:Dagtekening>2026-01-09</b:Dagtekening></m:BerichtIdentificatie></m:Header><m:Client><m:StartProducten><m:StartProduct><m:ToewijzingNummer>1</m:ToewijzingNummer><m:Begindatum>2026-01-05</m:Begindatum><m:StatusAanlevering>1</m:StatusAanlevering></m:StartProduct></m:StartProducten></m:Client></m:Bericht>"#;

impl Actor {
    fn email(self) -> Option<&'static str> {
        match self {
            Actor::Anonymous => None,
            Actor::MemberOwnTeam => Some("teamlid.jeugd-zuilen@demo.wijkwijs.nl"),
            Actor::MemberOtherTeam => Some("teamlid.jeugd-ondiep@demo.wijkwijs.nl"),
            Actor::CoordinatorOwnTeam => Some("coordinator.jeugd-zuilen@demo.wijkwijs.nl"),
            Actor::Bestuurder => Some("bestuurder@demo.wijkwijs.nl"),
            Actor::Beheerder => Some("beheerder@demo.wijkwijs.nl"),
            Actor::BeheerderWithoutTwoFactor => Some(SECOND_BEHEERDER),
        }
    }
}

/// What the matrix expects.
fn anyone(_: Actor) -> StatusCode {
    StatusCode::OK
}

fn input_refused_for_anyone(_: Actor) -> StatusCode {
    StatusCode::UNPROCESSABLE_ENTITY
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

/// Only a beheerder with two-factor login.
fn beheerder(actor: Actor) -> StatusCode {
    match actor {
        Actor::Anonymous => StatusCode::UNAUTHORIZED,
        Actor::Beheerder => StatusCode::OK,
        _ => StatusCode::FORBIDDEN,
    }
}

/// Only the coördinator of the target team.
fn coordinator_of_team(actor: Actor) -> StatusCode {
    match actor {
        Actor::Anonymous => StatusCode::UNAUTHORIZED,
        Actor::CoordinatorOwnTeam => StatusCode::OK,
        _ => StatusCode::FORBIDDEN,
    }
}

/// Only the coördinator of the target team or a beheerder with two-factor
/// login, whose (deliberately absent) passage is then refused.
fn redactor_input_refused(actor: Actor) -> StatusCode {
    match actor {
        Actor::Anonymous => StatusCode::UNAUTHORIZED,
        Actor::CoordinatorOwnTeam | Actor::Beheerder => StatusCode::UNPROCESSABLE_ENTITY,
        _ => StatusCode::FORBIDDEN,
    }
}

/// Anyone logged in may ask; only the target team's coördinator is
/// granted it, the others' request is refused at its field.
fn coordinator_of_team_others_refused(actor: Actor) -> StatusCode {
    match actor {
        Actor::Anonymous => StatusCode::UNAUTHORIZED,
        Actor::CoordinatorOwnTeam => StatusCode::OK,
        _ => StatusCode::UNPROCESSABLE_ENTITY,
    }
}

/// Only bestuurders.
fn bestuurder(actor: Actor) -> StatusCode {
    match actor {
        Actor::Anonymous => StatusCode::UNAUTHORIZED,
        Actor::Bestuurder => StatusCode::OK,
        _ => StatusCode::FORBIDDEN,
    }
}

/// Only members of the target team who are not bestuurders.
fn member_of_team(actor: Actor) -> StatusCode {
    match actor {
        Actor::Anonymous => StatusCode::UNAUTHORIZED,
        Actor::MemberOwnTeam | Actor::CoordinatorOwnTeam => StatusCode::OK,
        _ => StatusCode::FORBIDDEN,
    }
}

/// Only members of the target team, whose (deliberately wrong) input is
/// then refused.
fn member_input_refused(actor: Actor) -> StatusCode {
    match member_of_team(actor) {
        StatusCode::OK => StatusCode::UNPROCESSABLE_ENTITY,
        other => other,
    }
}

/// Logged in, asking for something that does not exist.
fn logged_in_not_found(actor: Actor) -> StatusCode {
    match logged_in(actor) {
        StatusCode::OK => StatusCode::NOT_FOUND,
        other => other,
    }
}

/// Only members of the target team, once: the second call (the
/// coördinator, for the same team) is refused as already done.
fn member_of_team_once(actor: Actor) -> StatusCode {
    match actor {
        Actor::CoordinatorOwnTeam => StatusCode::UNPROCESSABLE_ENTITY,
        other => member_of_team(other),
    }
}

/// Ids the forms refer to.
struct Targets {
    /// A lesson, a knelpunt of another team; a canvas of the target team.
    other_lesson: i32,
    other_knelpunt: i32,
    canvas: i32,
    other_team: i32,
    team: i32,
    wijk: i32,
    gemeente: i32,
    account: i32,
    organisation: i32,
    agreement: i32,
    other_agreement: i32,
    /// A dialogue note.
    note: i32,
}

struct Entry {
    path: &'static str,
    form: fn(&Targets) -> Vec<(&'static str, String)>,
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
            path: "/api/language",
            form: |_| vec![("language", "en".into()), ("back", "/".into())],
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
            path: "/api/account/setup-link",
            form: |_| vec![("token", "geen-geldige-link".into())],
            expect: anyone,
        },
        Entry {
            path: "/api/account/setup",
            form: |_| {
                vec![
                    ("token", "geen-geldige-link".into()),
                    ("password", "een heel goed wachtwoord".into()),
                    ("password_repeat", "een heel goed wachtwoord".into()),
                ]
            },
            expect: input_refused_for_anyone,
        },
        Entry {
            path: "/api/network/overview",
            form: |_| vec![],
            expect: logged_in,
        },
        Entry {
            path: "/api/network/team",
            form: |t| vec![("team_id", t.team.to_string())],
            expect: logged_in,
        },
        Entry {
            path: "/api/network/wijk",
            form: |t| vec![("wijk_id", t.wijk.to_string())],
            expect: logged_in,
        },
        Entry {
            path: "/api/network/compare",
            form: |_| {
                vec![
                    ("measure", "wachttijd".into()),
                    ("doelgroep", "jeugd".into()),
                    ("gemeente", String::new()),
                    ("months", "12".into()),
                ]
            },
            expect: logged_in,
        },
        Entry {
            path: "/api/network/what-works",
            form: |_| vec![],
            expect: logged_in,
        },
        Entry {
            path: "/api/network/search",
            form: |_| {
                vec![
                    ("q", "huisarts".into()),
                    ("kind", String::new()),
                    ("theme", String::new()),
                    ("doelgroep", String::new()),
                    ("wijk", String::new()),
                ]
            },
            expect: logged_in,
        },
        Entry {
            path: "/api/network/organisations",
            form: |_| vec![],
            expect: logged_in,
        },
        Entry {
            path: "/api/team/members/add",
            form: |t| {
                vec![
                    ("team_id", t.team.to_string()),
                    // Not an actor: the matrix's "other team" must stay other.
                    ("email", "teamlid.ouderen-ondiep@demo.wijkwijs.nl".into()),
                    ("discipline", "Jeugdverpleegkundige".into()),
                    ("organisation_id", t.organisation.to_string()),
                ]
            },
            expect: coordinator_of_team,
        },
        Entry {
            path: "/api/team/members/remove",
            form: |t| {
                vec![
                    ("team_id", t.team.to_string()),
                    ("account_id", t.account.to_string()),
                ]
            },
            expect: coordinator_of_team,
        },
        Entry {
            path: "/api/team/message",
            form: |t| {
                vec![
                    ("to_team_id", t.other_team.to_string()),
                    ("team_id", t.team.to_string()),
                    ("body", "Hoe organiseren jullie het casusoverleg?".into()),
                ]
            },
            expect: member_of_team,
        },
        Entry {
            path: "/api/agreements/detail",
            form: |t| vec![("id", t.agreement.to_string())],
            expect: logged_in,
        },
        Entry {
            path: "/api/agreements/save",
            form: |t| {
                vec![
                    ("team_id", t.team.to_string()),
                    ("theme", "communicatie".into()),
                    ("title", "Vaste belronde op maandag".into()),
                    (
                        "body",
                        "Elke maandag om negen uur bellen we de lopende aanmeldingen door.".into(),
                    ),
                    ("status", "concept".into()),
                    ("effective_from", String::new()),
                    ("review_date", String::new()),
                ]
            },
            expect: member_of_team,
        },
        Entry {
            path: "/api/results/month",
            form: |t| vec![("team_id", t.team.to_string()), ("month", "2026-10".into())],
            expect: member_of_team,
        },
        Entry {
            path: "/api/results/import/target",
            form: |t| vec![("team_id", t.team.to_string())],
            expect: member_of_team,
        },
        Entry {
            // Sent as a multipart upload with `UPLOADED` as its file.
            path: UPLOAD,
            form: |t| vec![("team_id", t.team.to_string())],
            expect: member_of_team,
        },
        Entry {
            // Sent as a multipart upload with `MESSAGE` as its file.
            path: MESSAGES,
            form: |t| vec![("team_id", t.team.to_string())],
            expect: member_of_team,
        },
        Entry {
            path: "/api/account/api-tokens",
            form: |_| vec![],
            expect: logged_in,
        },
        Entry {
            path: "/api/account/api-tokens/create",
            form: |t| {
                vec![
                    ("name", "Koppeling".into()),
                    ("scope", "aanleveren".into()),
                    ("team", t.team.to_string()),
                ]
            },
            expect: coordinator_of_team_others_refused,
        },
        Entry {
            path: "/api/account/api-tokens/revoke",
            form: |_| vec![("id", "999999".into())],
            expect: logged_in_not_found,
        },
        Entry {
            path: "/api/results/import/preview",
            form: |_| vec![("token", "onbekend".into())],
            expect: logged_in_not_found,
        },
        Entry {
            path: "/api/results/import/progress",
            form: |_| vec![("token", "onbekend".into())],
            expect: logged_in_not_found,
        },
        Entry {
            path: "/api/results/import/confirm",
            form: |_| vec![("token", "onbekend".into())],
            expect: logged_in_not_found,
        },
        Entry {
            path: "/api/results/save",
            form: |t| {
                vec![
                    ("team_id", t.team.to_string()),
                    ("month", "2026-10".into()),
                    ("started", "10".into()),
                    ("mean_wait_days", "12,5".into()),
                    ("ended", "10".into()),
                    ("without_help", "5".into()),
                    ("client_grade", "7,5".into()),
                    ("client_responses", "10".into()),
                    ("uitval", String::new()),
                    ("doelrealisatie", String::new()),
                ]
            },
            expect: member_of_team,
        },
        Entry {
            path: "/api/lessons/detail",
            form: |t| vec![("id", t.other_lesson.to_string())],
            expect: logged_in,
        },
        Entry {
            path: "/api/lessons/form",
            form: |t| vec![("team_id", t.team.to_string())],
            expect: member_of_team,
        },
        Entry {
            path: "/api/lessons/save",
            form: |t| {
                vec![
                    ("team_id", t.team.to_string()),
                    ("source", "intervisie".into()),
                    ("title", "Samen naar huis".into()),
                    (
                        "what_happened",
                        "Twee hulpverleners gingen los van elkaar op huisbezoek.".into(),
                    ),
                    ("what_worked", "Samen op huisbezoek gaan.".into()),
                    ("what_needed", "Agenda's die op elkaar aansluiten.".into()),
                    ("tags", "huisbezoek".into()),
                    ("agreements[0]", t.agreement.to_string()),
                ]
            },
            expect: member_of_team,
        },
        Entry {
            path: "/api/lessons/react",
            form: |t| {
                vec![
                    ("lesson_id", t.other_lesson.to_string()),
                    ("team_id", t.team.to_string()),
                    ("body", "Herkenbaar.".into()),
                ]
            },
            expect: member_of_team,
        },
        Entry {
            path: "/api/lessons/useful",
            form: |t| {
                vec![
                    ("lesson_id", t.other_lesson.to_string()),
                    ("team_id", t.team.to_string()),
                ]
            },
            expect: member_of_team_once,
        },
        Entry {
            path: "/api/lessons/adopt",
            form: |t| {
                vec![
                    ("lesson_id", t.other_lesson.to_string()),
                    ("team_id", t.team.to_string()),
                    ("theme", "werkwijze".into()),
                ]
            },
            expect: member_of_team,
        },
        Entry {
            path: "/api/agreements/adopt",
            form: |t| {
                vec![
                    ("agreement_id", t.other_agreement.to_string()),
                    ("team_id", t.team.to_string()),
                ]
            },
            expect: member_of_team,
        },
        Entry {
            path: "/api/governance/table",
            form: |t| vec![("gemeente", t.gemeente.to_string())],
            expect: logged_in,
        },
        Entry {
            path: "/api/governance/targets",
            form: |_| {
                vec![
                    ("wait", "30".into()),
                    ("without_help", "60".into()),
                    ("client_grade", String::new()),
                ]
            },
            expect: bestuurder,
        },
        Entry {
            path: "/api/governance/note-form",
            form: |t| vec![("gemeente", t.gemeente.to_string())],
            expect: bestuurder,
        },
        Entry {
            path: "/api/governance/note",
            form: |t| {
                vec![
                    ("gemeente_id", t.gemeente.to_string()),
                    ("held_on", "2026-11-20".into()),
                    ("attendees", "Wethouder".into()),
                    ("conclusions", "Doorgaan.".into()),
                    ("knelpunten[0]", t.other_knelpunt.to_string()),
                ]
            },
            expect: bestuurder,
        },
        Entry {
            path: "/api/governance/note-detail",
            form: |t| vec![("id", t.note.to_string())],
            expect: logged_in,
        },
        Entry {
            path: "/api/knelpunten/answer",
            form: |t| {
                vec![
                    ("knelpunt_id", t.other_knelpunt.to_string()),
                    ("status", "geagendeerd".into()),
                    ("body", "Staat op de agenda van 12 december.".into()),
                ]
            },
            expect: bestuurder,
        },
        Entry {
            path: "/api/charts/page",
            form: |t| {
                vec![
                    ("team_id", t.team.to_string()),
                    ("measure", "wachttijd".into()),
                ]
            },
            expect: logged_in,
        },
        Entry {
            path: "/api/charts/baseline",
            form: |t| {
                vec![
                    ("team_id", t.team.to_string()),
                    ("measure", "wachttijd".into()),
                    ("month", "1999-01".into()),
                    ("reason", String::new()),
                    ("fixed_after", String::new()),
                ]
            },
            expect: member_input_refused,
        },
        Entry {
            path: "/api/charts/note",
            form: |t| {
                vec![
                    ("team_id", t.team.to_string()),
                    ("measure", "wachttijd".into()),
                    ("month", "1999-01".into()),
                    ("text", String::new()),
                ]
            },
            expect: member_input_refused,
        },
        Entry {
            path: "/api/charts/remove",
            form: |_| vec![("kind", "basislijn".into()), ("id", "999999".into())],
            expect: logged_in_not_found,
        },
        Entry {
            path: "/api/redaction/redact",
            form: |t| {
                vec![
                    ("kind", "canvas".into()),
                    ("id", t.canvas.to_string()),
                    ("passage", "Deze zin staat er niet in".into()),
                ]
            },
            expect: redactor_input_refused,
        },
        Entry {
            path: "/api/canvases/detail",
            form: |t| vec![("id", t.canvas.to_string())],
            expect: logged_in,
        },
        Entry {
            path: "/api/canvases/save",
            form: |t| {
                vec![
                    ("team_id", t.team.to_string()),
                    ("title", "Bijles in plaats van therapie".into()),
                    (
                        "family_wants",
                        "Dat hun dochter weer naar school gaat.".into(),
                    ),
                    ("law", "jeugdwet".into()),
                    ("law_reason", "Maatwerk is toegestaan.".into()),
                    ("regular_amount", "950".into()),
                    ("regular_basis", "per-maand".into()),
                    ("regular_months", "6".into()),
                    ("tailored_amount", "180".into()),
                    ("tailored_basis", "per-maand".into()),
                    ("tailored_months", "6".into()),
                    ("status", "ingediend".into()),
                    ("system_lesson", String::new()),
                ]
            },
            expect: member_of_team,
        },
        Entry {
            path: "/api/knelpunten/detail",
            form: |t| vec![("id", t.other_knelpunt.to_string())],
            expect: logged_in,
        },
        Entry {
            path: "/api/knelpunten/raise",
            form: |t| {
                vec![
                    ("team_id", t.team.to_string()),
                    ("category", "capaciteit".into()),
                    ("title", "Te weinig tijd voor overleg".into()),
                    ("description", "Het casusoverleg valt steeds uit.".into()),
                ]
            },
            expect: member_of_team,
        },
        Entry {
            path: "/api/knelpunten/support",
            form: |t| {
                vec![
                    ("knelpunt_id", t.other_knelpunt.to_string()),
                    ("team_id", t.team.to_string()),
                ]
            },
            expect: member_of_team_once,
        },
        Entry {
            path: "/api/news/team",
            form: |t| vec![("team_id", t.team.to_string())],
            expect: member_of_team,
        },
        Entry {
            path: "/api/news/seen",
            form: |t| vec![("team_id", t.team.to_string())],
            expect: member_of_team,
        },
        Entry {
            path: "/api/survey/form",
            form: |t| vec![("team_id", t.team.to_string())],
            expect: member_of_team,
        },
        Entry {
            path: "/api/survey/answer",
            form: |t| {
                vec![
                    ("team_id", t.team.to_string()),
                    ("month", support::this_month().to_string()),
                    ("grade", "8".into()),
                    ("know_whom", "4".into()),
                    ("information", "3".into()),
                    ("vision", "4".into()),
                    ("tools", "2".into()),
                ]
            },
            expect: member_of_team,
        },
        Entry {
            path: "/api/admin/accounts",
            form: |_| vec![],
            expect: beheerder,
        },
        Entry {
            path: "/api/admin/account",
            form: |t| vec![("id", t.account.to_string())],
            expect: beheerder,
        },
        Entry {
            path: "/api/admin/accounts/create",
            form: |_| {
                vec![
                    ("email", "nieuw.lid@demo.wijkwijs.nl".into()),
                    ("display_name", "Nieuw Lid".into()),
                    ("role", "professional".into()),
                ]
            },
            expect: beheerder,
        },
        Entry {
            path: "/api/admin/accounts/update",
            form: |t| {
                vec![
                    ("id", t.account.to_string()),
                    ("display_name", "Andere Naam".into()),
                    ("role", "professional".into()),
                ]
            },
            expect: beheerder,
        },
        Entry {
            path: "/api/admin/accounts/active",
            form: |t| vec![("id", t.account.to_string()), ("active", "true".into())],
            expect: beheerder,
        },
        Entry {
            path: "/api/admin/accounts/setup-link",
            form: |t| vec![("id", t.account.to_string())],
            expect: beheerder,
        },
        Entry {
            path: "/api/admin/structure",
            form: |_| vec![],
            expect: beheerder,
        },
        Entry {
            path: "/api/admin/gemeente/save",
            form: |_| vec![("cbs_code", "GM0307".into()), ("name", "Amersfoort".into())],
            expect: beheerder,
        },
        Entry {
            path: "/api/admin/wijk/save",
            form: |t| {
                vec![
                    ("gemeente_id", t.gemeente.to_string()),
                    ("cbs_code", "WK034499".into()),
                    ("name", "Nieuwe Wijk".into()),
                ]
            },
            expect: beheerder,
        },
        Entry {
            path: "/api/admin/team/save",
            form: |t| {
                vec![
                    ("id", t.team.to_string()),
                    ("wijk_id", t.wijk.to_string()),
                    ("name", "Jeugd Zuilen".into()),
                    ("doelgroep", "jeugd".into()),
                ]
            },
            expect: beheerder,
        },
        Entry {
            path: "/api/admin/organisation/save",
            form: |_| {
                vec![
                    ("name", "Nieuwe Organisatie".into()),
                    ("sector", "welzijn".into()),
                ]
            },
            expect: beheerder,
        },
        Entry {
            path: "/api/admin/audit",
            form: |_| {
                [
                    "filter[actor]",
                    "filter[action]",
                    "filter[outcome]",
                    "filter[from]",
                    "filter[to]",
                ]
                .into_iter()
                .map(|field| (field, String::new()))
                .collect()
            },
            expect: beheerder,
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
        let db = &t.db;
        let find = |email: &'static str| async move {
            account::Entity::find()
                .filter(account::Column::Email.eq(email))
                .one(db)
                .await
                .unwrap()
                .unwrap()
        };
        let beheerder = find("beheerder@demo.wijkwijs.nl").await;
        account::ActiveModel {
            id: Set(beheerder.id),
            totp_enabled: Set(true),
            ..Default::default()
        }
        .update(db)
        .await
        .unwrap();
        app::store::accounts::create(
            db,
            app::store::accounts::NewAccount {
                email: SECOND_BEHEERDER,
                display_name: "Tweede Beheerder",
                role: shared::network::AccountRole::Beheerder,
                password: None,
            },
        )
        .await
        .unwrap();
        let target_team = support::team_named(db, "Jeugd Zuilen").await;
        let target_wijk = app::store::entity::wijk::Entity::find_by_id(target_team.wijk_id)
            .one(db)
            .await
            .unwrap()
            .unwrap();
        let other_team = support::team_named(db, "Ouderen Ondiep").await;
        let now = chrono::Utc::now();
        let (_, other_lesson) = app::store::lessons::save(
            db,
            other_team.id,
            None,
            app::store::lessons::LessonContent {
                source: "evaluatie".into(),
                title: "Vast belmoment".into(),
                what_happened: "Aanmeldingen bleven liggen.".into(),
                what_worked: "Een dagelijks belmoment.".into(),
                what_needed: "Bereikbaarheid.".into(),
                tags: vec![],
                agreement_ids: vec![],
            },
            now,
        )
        .await
        .unwrap();
        let other_knelpunt = app::store::knelpunten::raise(
            db,
            other_team.id,
            shared::network::KnelpuntCategory::Regels,
            "Te veel formulieren",
            "Elke organisatie zijn eigen formulier.",
            now,
        )
        .await
        .unwrap();
        let (_, canvas) = app::store::canvases::save(
            db,
            target_team.id,
            None,
            &shared::canvas::canvas(&support::good_canvas()).unwrap(),
            now,
        )
        .await
        .unwrap();
        let note = app::store::dialogue::save(
            db,
            None,
            &shared::governance::note(
                &shared::governance::NoteFields {
                    held_on: "2026-11-01".into(),
                    attendees: "Bestuurders".into(),
                    conclusions: "Knelpunten eerst.".into(),
                },
                &[],
            )
            .unwrap(),
            (&[other_knelpunt.id], &[]),
            find("bestuurder@demo.wijkwijs.nl").await.id,
            now,
        )
        .await
        .unwrap();
        let targets = Targets {
            note: note.id,
            other_lesson: other_lesson.id,
            other_knelpunt: other_knelpunt.id,
            canvas: canvas.id,
            other_team: other_team.id,
            team: target_team.id,
            wijk: target_wijk.id,
            gemeente: target_wijk.gemeente_id,
            account: find("lid2.jeugd-zuilen@demo.wijkwijs.nl").await.id,
            agreement: app::store::entity::agreement::Entity::find()
                .filter(app::store::entity::agreement::Column::TeamId.eq(target_team.id))
                .one(db)
                .await
                .unwrap()
                .unwrap()
                .id,
            other_agreement: app::store::entity::agreement::Entity::find()
                .filter(app::store::entity::agreement::Column::TeamId.eq(other_team.id))
                .one(db)
                .await
                .unwrap()
                .unwrap()
                .id,
            organisation: app::store::entity::organisation::Entity::find()
                .one(db)
                .await
                .unwrap()
                .unwrap()
                .id,
        };
        for entry in matrix() {
            for actor in ACTORS {
                let mut client = Client::new(db);
                if let Some(email) = actor.email() {
                    client.session_for(db, email).await;
                }
                let form = (entry.form)(&targets);
                let form: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
                let reply = if entry.path == UPLOAD {
                    client
                        .upload(entry.path, "/", &form, Some(("bestand", UPLOADED)), false)
                        .await
                } else if entry.path == MESSAGES {
                    client
                        .upload(entry.path, "/", &form, Some(("berichten", MESSAGE)), false)
                        .await
                } else {
                    client.call(entry.path, &form).await
                };
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
