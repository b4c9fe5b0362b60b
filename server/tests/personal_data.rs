//! Personal data in free text: a BSN is refused with a message at its
//! field and nothing saved; a phone number, date of birth, e-mail address or
//! address asks for a confirmation; and a passage that slipped through is
//! removed by the team's coördinator from the record, what hangs on it, its
//! earlier versions, the search index and the audit log — audited without
//! what was removed.

mod support;

use app::store::entity::{
    agreement, agreement_version, audit_event, lesson, lesson_reaction, search_entry,
};
use axum::http::StatusCode;
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, PaginatorTrait, QueryFilter};
use support::{Backend, Client, TestDb};

const TEAMLID: &str = "teamlid.jeugd-zuilen@demo.wijkwijs.nl";
const COORDINATOR: &str = "coordinator.jeugd-zuilen@demo.wijkwijs.nl";
const OTHER: &str = "teamlid.jeugd-ondiep@demo.wijkwijs.nl";

fn lesson_form(team: i32, title: &str, what_happened: &str) -> Vec<(&'static str, String)> {
    vec![
        ("team_id", team.to_string()),
        ("source", "intervisie".to_string()),
        ("title", title.to_string()),
        ("what_happened", what_happened.to_string()),
        ("what_worked", "Samen op huisbezoek.".to_string()),
        (
            "what_needed",
            "Agenda's die op elkaar aansluiten.".to_string(),
        ),
        ("tags", "huisbezoek".to_string()),
    ]
}

async fn lessons(db: &DatabaseConnection) -> u64 {
    lesson::Entity::find().count(db).await.unwrap()
}

on_both_backends!(
    a_bsn_is_refused_and_other_personal_data_needs_a_confirmation,
    |backend: Backend| async move {
        let Some(t) = TestDb::with_demo(backend).await else {
            return;
        };
        let db = &t.db;
        let team = support::team_named(db, "Jeugd Zuilen").await.id;
        let before = lessons(db).await;
        let mut member = Client::signed_in(db, TEAMLID).await;
        // The lesson, as it was published before.
        let text = "Jan Jansen (BSN 123456782, geboren 12-03-2011, Kastanjelaan 4) is bereikbaar op 06-12345678 of jan.jansen@example.nl.";
        let mut form = lesson_form(team, "Samen op pad", text);
        form.push(("personal_data_checked", "ja".to_string()));
        let reply = member.call_owned("/api/lessons/save", &form).await;
        assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(
            reply
                .body
                .contains("[\"what_happened\",\"Deze tekst bevat een burgerservicenummer"),
            "a BSN is refused at its field, confirmed or not: {}",
            reply.body
        );
        assert_eq!(lessons(db).await, before, "nothing saved");

        // Without the BSN: a warning at the field and at the confirmation.
        let text = "Bereikbaar op 06-12345678, geboren 12-03-2011.";
        let reply = member
            .call_owned(
                "/api/lessons/save",
                &lesson_form(team, "Samen op pad", text),
            )
            .await;
        assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);
        for expected in ["telefoonnummer", "geboortedatum", "Kruis dit alleen aan"] {
            assert!(reply.body.contains(expected), "{expected}: {}", reply.body);
        }
        assert!(
            reply.body.contains("personal_data_checked"),
            "{}",
            reply.body
        );
        assert_eq!(lessons(db).await, before, "nothing saved");
        // Confirmed: saved.
        let mut form = lesson_form(team, "Samen op pad", text);
        form.push(("personal_data_checked", "ja".to_string()));
        let reply = member.call_owned("/api/lessons/save", &form).await;
        assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
        assert_eq!(lessons(db).await, before + 1);

        // Every free text refuses a BSN: a reaction, a message to a team.
        let lesson_id = support::lesson_titled(db, "Samen op pad").await.id;
        let other_team = support::team_named(db, "Jeugd Ondiep").await.id;
        let mut other = Client::signed_in(db, OTHER).await;
        let reply = other
            .call_owned(
                "/api/lessons/react",
                &[
                    ("lesson_id", lesson_id.to_string()),
                    ("team_id", other_team.to_string()),
                    ("body", "Gaat het om 1234.56.782?".to_string()),
                ],
            )
            .await;
        assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(reply.body.contains("burgerservicenummer"), "{}", reply.body);
        let reply = other
            .call_owned(
                "/api/team/message",
                &[
                    ("to_team_id", team.to_string()),
                    ("team_id", other_team.to_string()),
                    ("body", "Cliënt 123456782 is bij jullie bekend?".to_string()),
                ],
            )
            .await;
        assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(
            lesson_reaction::Entity::find()
                .filter(lesson_reaction::Column::LessonId.eq(lesson_id))
                .count(db)
                .await
                .unwrap(),
            0
        );
        t.cleanup().await;
    }
);

on_both_backends!(
    a_coordinator_removes_a_passage_from_everywhere_it_was,
    |backend: Backend| async move {
        let Some(t) = TestDb::with_demo(backend).await else {
            return;
        };
        let db = &t.db;
        let team = support::team_named(db, "Jeugd Zuilen").await.id;
        let other_team = support::team_named(db, "Jeugd Ondiep").await.id;
        let name = "Jan Jansen";
        let mut member = Client::signed_in(db, TEAMLID).await;
        // A lesson naming a client, edited once, with a reaction naming him.
        let text = format!("{name} had twee hulpverleners tegelijk.");
        let reply = member
            .call_owned(
                "/api/lessons/save",
                &lesson_form(team, "Samen op pad", &text),
            )
            .await;
        assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
        let saved = support::lesson_titled(db, "Samen op pad").await;
        let mut edit = lesson_form(team, "Samen op pad", &format!("{text} Nu één."));
        edit.push(("id", saved.id.to_string()));
        assert_eq!(
            member.call_owned("/api/lessons/save", &edit).await.status,
            StatusCode::OK
        );
        let mut other = Client::signed_in(db, OTHER).await;
        let reply = other
            .call_owned(
                "/api/lessons/react",
                &[
                    ("lesson_id", saved.id.to_string()),
                    ("team_id", other_team.to_string()),
                    ("body", format!("Herkenbaar, ook bij {name}.")),
                ],
            )
            .await;
        assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
        // An agreement naming him, in two versions.
        let agreement_form = |id: Option<i32>| {
            let mut form = vec![
                ("team_id", team.to_string()),
                ("theme", "werkwijze".to_string()),
                ("title", "Casusoverleg".to_string()),
                ("body", format!("Zoals bij {name}: binnen een week.")),
                ("status", "concept".to_string()),
                ("effective_from", String::new()),
                ("review_date", String::new()),
            ];
            if let Some(id) = id {
                form.push(("id", id.to_string()));
            }
            form
        };
        assert_eq!(
            member
                .call_owned("/api/agreements/save", &agreement_form(None))
                .await
                .status,
            StatusCode::OK
        );
        let made = agreement::Entity::find()
            .filter(agreement::Column::Title.eq("Casusoverleg"))
            .filter(agreement::Column::TeamId.eq(team))
            .one(db)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(
            member
                .call_owned("/api/agreements/save", &agreement_form(Some(made.id)))
                .await
                .status,
            StatusCode::OK
        );

        let redact = |kind: &str, id: i32, passage: &str| {
            vec![
                ("kind", kind.to_string()),
                ("id", id.to_string()),
                ("passage", passage.to_string()),
            ]
        };
        // A teamlid may not; a passage that is not there changes nothing.
        let reply = member
            .call_owned("/api/redaction/redact", &redact("les", saved.id, name))
            .await;
        assert_eq!(reply.status, StatusCode::FORBIDDEN);
        let mut coordinator = Client::signed_in(db, COORDINATOR).await;
        let reply = coordinator
            .call_owned(
                "/api/redaction/redact",
                &redact("les", saved.id, "Piet Pietersen"),
            )
            .await;
        assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(
            reply.body.contains("komt er niet in voor"),
            "{}",
            reply.body
        );
        let reply = coordinator
            .call_owned("/api/redaction/redact", &redact("les", saved.id, "a"))
            .await;
        assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);

        for (kind, id) in [("les", saved.id), ("afspraak", made.id)] {
            let reply = coordinator
                .call_owned("/api/redaction/redact", &redact(kind, id, name))
                .await;
            assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
        }
        // Gone from the lesson, its reaction, the agreement and its versions.
        let after = lesson::Entity::find_by_id(saved.id)
            .one(db)
            .await
            .unwrap()
            .unwrap();
        assert!(
            after.what_happened.starts_with("[verwijderd] had twee"),
            "{}",
            after.what_happened
        );
        let reactions = lesson_reaction::Entity::find()
            .filter(lesson_reaction::Column::LessonId.eq(saved.id))
            .all(db)
            .await
            .unwrap();
        assert_eq!(reactions[0].body, "Herkenbaar, ook bij [verwijderd].");
        let versions = agreement_version::Entity::find()
            .filter(agreement_version::Column::AgreementId.eq(made.id))
            .all(db)
            .await
            .unwrap();
        assert_eq!(versions.len(), 2);
        assert!(versions.iter().all(|v| !v.body.contains(name)));
        // From the search index.
        let indexed = search_entry::Entity::find()
            .filter(search_entry::Column::TeamId.eq(team))
            .all(db)
            .await
            .unwrap();
        assert!(
            indexed.iter().all(|e| !e.text.contains("jansen")),
            "{indexed:?}"
        );
        let hits = other
            .call(
                "/api/network/search",
                &[
                    ("q", "jansen"),
                    ("kind", ""),
                    ("theme", ""),
                    ("doelgroep", ""),
                    ("wijk", ""),
                ],
            )
            .await;
        assert_eq!(hits.status, StatusCode::OK, "{}", hits.body);
        let hits: serde_json::Value = serde_json::from_str(&hits.body).unwrap();
        assert_eq!(hits["hits"].as_array().unwrap().len(), 0, "{hits}");
        // From the audit log, whose redaction entries keep nothing of it.
        let log = audit_event::Entity::find().all(db).await.unwrap();
        for entry in &log {
            for payload in [&entry.before, &entry.after].into_iter().flatten() {
                assert!(
                    !payload.contains(name),
                    "{} {}: {payload}",
                    entry.action,
                    entry.id
                );
            }
        }
        let redactions: Vec<_> = log
            .iter()
            .filter(|e| e.action == "tekst-afschermen")
            .collect();
        assert_eq!(redactions.len(), 2);
        assert!(redactions
            .iter()
            .all(|e| e.actor == COORDINATOR && e.before.is_none()));
        t.cleanup().await;
    }
);
