//! Lessons, maatwerkcanvassen, knelpunten and the anonymous survey over
//! HTTP, on SQLite and PostgreSQL: members record, bad input changes
//! nothing, other teams react, endorse, adopt and support, and a survey
//! answer never points to its member.

mod support;

use app::store::entity::{
    adoption, agreement, audit_event, canvas, knelpunt, knelpunt_support, lesson, lesson_agreement,
    lesson_reaction, lesson_useful, survey_participation, survey_tally,
};
use axum::http::StatusCode;
use sea_orm::{
    ColumnTrait, DatabaseConnection, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder,
};
use support::{Backend, Client, TestDb};

const TEAMLID: &str = "teamlid.jeugd-zuilen@demo.wijkwijs.nl";
const COORDINATOR: &str = "coordinator.jeugd-zuilen@demo.wijkwijs.nl";
const OTHER: &str = "teamlid.jeugd-ondiep@demo.wijkwijs.nl";

async fn team_id(db: &DatabaseConnection, name: &str) -> i32 {
    support::team_named(db, name).await.id
}

async fn call(
    client: &mut Client,
    path: &str,
    form: Vec<(&'static str, String)>,
) -> support::Reply {
    let refs: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
    client.call(path, &refs).await
}

async fn audited(db: &DatabaseConnection, action: &str) -> Vec<audit_event::Model> {
    audit_event::Entity::find()
        .filter(audit_event::Column::Action.eq(action))
        .order_by_asc(audit_event::Column::Id)
        .all(db)
        .await
        .unwrap()
}

on_both_backends!(
    a_lesson_is_recorded_edited_and_adopted_by_another_team,
    |backend: Backend| async move {
        let Some(t) = TestDb::with_demo(backend).await else {
            return;
        };
        let db = &t.db;
        let own = team_id(db, "Jeugd Zuilen").await;
        let other = team_id(db, "Jeugd Ondiep").await;
        let own_agreement = agreement::Entity::find()
            .filter(agreement::Column::TeamId.eq(own))
            .one(db)
            .await
            .unwrap()
            .unwrap()
            .id
            .to_string();
        let foreign_agreement = agreement::Entity::find()
            .filter(agreement::Column::TeamId.eq(other))
            .one(db)
            .await
            .unwrap()
            .unwrap()
            .id
            .to_string();
        let lessons = || async { lesson::Entity::find().count(db).await.unwrap() };
        let before = lessons().await;
        let (own_s, other_s) = (own.to_string(), other.to_string());
        let lesson_form = |title: &'static str, link: &str| {
            vec![
                ("team_id", own_s.clone()),
                ("source", "intervisie".to_string()),
                ("title", title.to_string()),
                (
                    "what_happened",
                    "Twee hulpverleners gingen los van elkaar op huisbezoek.".to_string(),
                ),
                ("what_worked", "Samen op huisbezoek.".to_string()),
                (
                    "what_needed",
                    "Agenda's die op elkaar aansluiten.".to_string(),
                ),
                ("tags", "Huisbezoek, samenwerking".to_string()),
                ("agreements[0]", link.to_string()),
            ]
        };

        let mut member = Client::signed_in(db, TEAMLID).await;
        // Bad input: a message at the field, nothing saved; an agreement of
        // another team cannot be linked.
        let reply = call(
            &mut member,
            "/api/lessons/save",
            lesson_form(" ", &own_agreement),
        )
        .await;
        assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(reply.body.contains("Vul dit veld in"), "{}", reply.body);
        // A NUL is refused at the field on both backends (PostgreSQL
        // would refuse to store it), not answered with a server error.
        let reply = call(
            &mut member,
            "/api/lessons/save",
            lesson_form("Samen\u{0} op pad", &own_agreement),
        )
        .await;
        assert_eq!(
            reply.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "{}",
            reply.body
        );
        assert!(reply.body.contains("stuurtekens"), "{}", reply.body);
        let reply = call(
            &mut member,
            "/api/lessons/save",
            lesson_form("Samen op pad", &foreign_agreement),
        )
        .await;
        assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(lessons().await, before);

        let reply = call(
            &mut member,
            "/api/lessons/save",
            lesson_form("Samen op pad", &own_agreement),
        )
        .await;
        assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
        let saved = support::lesson_titled(db, "Samen op pad").await;
        assert_eq!(saved.tags, "huisbezoek,samenwerking");
        let links = lesson_agreement::Entity::find()
            .filter(lesson_agreement::Column::LessonId.eq(saved.id))
            .count(db)
            .await
            .unwrap();
        assert_eq!(links, 1);
        // Editing it changes the lesson; the audit log holds before and after.
        let mut edit = lesson_form("Samen op pad, ook bij ouderen", &own_agreement);
        edit.push(("id", saved.id.to_string()));
        let reply = call(&mut member, "/api/lessons/save", edit).await;
        assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
        let edits = audited(db, "les-wijzigen").await;
        assert_eq!(edits.len(), 1);
        assert!(edits[0].before.as_deref().unwrap().contains("Samen op pad"));
        assert!(edits[0]
            .after
            .as_deref()
            .unwrap()
            .contains("ook bij ouderen"));

        // Another team's member cannot edit it…
        let mut outsider = Client::signed_in(db, OTHER).await;
        let mut foreign_edit = lesson_form("Overgenomen titel", &own_agreement);
        foreign_edit.push(("id", saved.id.to_string()));
        let reply = call(&mut outsider, "/api/lessons/save", foreign_edit).await;
        assert_eq!(reply.status, StatusCode::FORBIDDEN);
        // …but reacts, finds it useful (once) and adopts it.
        let lesson_id = saved.id.to_string();
        let reply = call(
            &mut outsider,
            "/api/lessons/react",
            vec![
                ("lesson_id", lesson_id.clone()),
                ("team_id", other_s.clone()),
                ("body", "  ".into()),
            ],
        )
        .await;
        assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);
        let reply = call(
            &mut outsider,
            "/api/lessons/react",
            vec![
                ("lesson_id", lesson_id.clone()),
                ("team_id", other_s.clone()),
                ("body", "Gaan wij ook doen.".into()),
            ],
        )
        .await;
        assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
        assert_eq!(
            lesson_reaction::Entity::find()
                .filter(lesson_reaction::Column::LessonId.eq(saved.id))
                .count(db)
                .await
                .unwrap(),
            1
        );
        for expected in [StatusCode::OK, StatusCode::UNPROCESSABLE_ENTITY] {
            let reply = call(
                &mut outsider,
                "/api/lessons/useful",
                vec![
                    ("lesson_id", lesson_id.clone()),
                    ("team_id", other_s.clone()),
                ],
            )
            .await;
            assert_eq!(reply.status, expected, "{}", reply.body);
        }
        // Own team: not "useful" for itself.
        let reply = call(
            &mut member,
            "/api/lessons/useful",
            vec![("lesson_id", lesson_id.clone()), ("team_id", own_s.clone())],
        )
        .await;
        assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(
            lesson_useful::Entity::find()
                .filter(lesson_useful::Column::LessonId.eq(saved.id))
                .count(db)
                .await
                .unwrap(),
            1
        );
        // Acting for a team one is not in is refused.
        let reply = call(
            &mut outsider,
            "/api/lessons/adopt",
            vec![
                ("lesson_id", lesson_id.clone()),
                ("team_id", own_s.clone()),
                ("theme", "werkwijze".into()),
            ],
        )
        .await;
        assert_eq!(reply.status, StatusCode::FORBIDDEN);
        let reply = call(
            &mut outsider,
            "/api/lessons/adopt",
            vec![
                ("lesson_id", lesson_id.clone()),
                ("team_id", other_s.clone()),
                ("theme", String::new()),
            ],
        )
        .await;
        assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(reply.body.contains("Kies een thema"), "{}", reply.body);
        let reply = call(
            &mut outsider,
            "/api/lessons/adopt",
            vec![
                ("lesson_id", lesson_id.clone()),
                ("team_id", other_s.clone()),
                ("theme", "werkwijze".into()),
            ],
        )
        .await;
        assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
        let adopted = adoption::Entity::find()
            .filter(adoption::Column::LessonId.eq(saved.id))
            .one(db)
            .await
            .unwrap()
            .expect("the adoption is recorded");
        assert_eq!((adopted.team_id, adopted.from_team_id), (other, own));
        let new_agreement = agreement::Entity::find_by_id(adopted.agreement_id)
            .one(db)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(new_agreement.team_id, other);
        assert_eq!(new_agreement.status, "concept");
        assert_eq!(new_agreement.title, "Samen op pad, ook bij ouderen");
        // Its page says where it came from.
        let detail = call(
            &mut outsider,
            "/api/agreements/detail",
            vec![("id", adopted.agreement_id.to_string())],
        )
        .await;
        assert!(
            detail.body.contains("Samen op pad, ook bij ouderen")
                && detail.body.contains("Jeugd Zuilen"),
            "{}",
            detail.body
        );
        assert_eq!(audited(db, "les-overnemen").await.len(), 1);
        t.cleanup().await;
    }
);

on_both_backends!(
    an_agreement_is_adopted_by_another_team_and_both_pages_say_so,
    |backend: Backend| async move {
        let Some(t) = TestDb::with_demo(backend).await else {
            return;
        };
        let db = &t.db;
        let own = team_id(db, "Jeugd Zuilen").await;
        let other = team_id(db, "Jeugd Ondiep").await;
        let source = agreement::Entity::find()
            .filter(agreement::Column::TeamId.eq(own))
            .filter(agreement::Column::Status.eq("actief"))
            .order_by_desc(agreement::Column::Id)
            .one(db)
            .await
            .unwrap()
            .unwrap();
        let form = |team: i32| {
            vec![
                ("agreement_id", source.id.to_string()),
                ("team_id", team.to_string()),
            ]
        };
        let agreements_before = agreement::Entity::find().count(db).await.unwrap();
        // Its own team makes a new version instead…
        let mut member = Client::signed_in(db, TEAMLID).await;
        let reply = call(&mut member, "/api/agreements/adopt", form(own)).await;
        assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(reply.body.contains("eigen team"), "{}", reply.body);
        // …and nobody acts for a team they are not in.
        let mut outsider = Client::signed_in(db, OTHER).await;
        let reply = call(&mut outsider, "/api/agreements/adopt", form(own)).await;
        assert_eq!(reply.status, StatusCode::FORBIDDEN);
        assert_eq!(
            agreement::Entity::find().count(db).await.unwrap(),
            agreements_before
        );
        // Another team adopts it as a concept with the same theme and text.
        let reply = call(&mut outsider, "/api/agreements/adopt", form(other)).await;
        assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
        let adopted = adoption::Entity::find()
            .filter(adoption::Column::SourceAgreementId.eq(source.id))
            .filter(adoption::Column::TeamId.eq(other))
            .one(db)
            .await
            .unwrap()
            .expect("the adoption is recorded");
        assert_eq!(
            (adopted.team_id, adopted.from_team_id, adopted.lesson_id),
            (other, own, None)
        );
        let copy = agreement::Entity::find_by_id(adopted.agreement_id)
            .one(db)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(
            (
                copy.team_id,
                copy.status.as_str(),
                &copy.theme,
                &copy.title,
                &copy.body
            ),
            (other, "concept", &source.theme, &source.title, &source.body)
        );
        // The copy names its source; the source lists the adopting team.
        let detail = call(
            &mut outsider,
            "/api/agreements/detail",
            vec![("id", copy.id.to_string())],
        )
        .await;
        let detail: serde_json::Value = serde_json::from_str(&detail.body).unwrap();
        assert_eq!(detail["adopted_from"]["id"], source.id);
        assert_eq!(detail["adopted_from"]["lesson"], false);
        assert_eq!(detail["adopted_from"]["team"], "Jeugd Zuilen");
        let detail = call(
            &mut member,
            "/api/agreements/detail",
            vec![("id", source.id.to_string())],
        )
        .await;
        let detail: serde_json::Value = serde_json::from_str(&detail.body).unwrap();
        assert!(
            detail["adoptions"]
                .as_array()
                .unwrap()
                .contains(&serde_json::json!([copy.id, "Jeugd Ondiep"])),
            "{detail}"
        );
        assert_eq!(audited(db, "afspraak-overnemen").await.len(), 1);
        t.cleanup().await;
    }
);

on_both_backends!(
    a_canvas_computes_its_saving_and_refuses_bad_money,
    |backend: Backend| async move {
        let Some(t) = TestDb::with_demo(backend).await else {
            return;
        };
        let db = &t.db;
        let own = team_id(db, "Jeugd Zuilen").await.to_string();
        let form = |regular_amount: &str| shared::canvas::CanvasForm {
            regular_amount: regular_amount.into(),
            ..support::good_canvas()
        };
        let team = [("team_id", own.as_str())];
        let canvases = || async { canvas::Entity::find().count(db).await.unwrap() };
        let before = canvases().await;
        let mut member = Client::signed_in(db, TEAMLID).await;
        let reply = member
            .submit("/api/canvases/save", &form("-450"), &team)
            .await;
        assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(reply.body.contains("0 of meer"), "{}", reply.body);
        assert_eq!(canvases().await, before);
        let reply = member
            .submit("/api/canvases/save", &form("450,00"), &team)
            .await;
        assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
        let saved = canvas::Entity::find()
            .order_by_desc(canvas::Column::Id)
            .one(db)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(saved.saving_cents, 420_000, "12 × € 450 − € 1.200");
        let mut outsider = Client::signed_in(db, OTHER).await;
        let reply = outsider
            .submit("/api/canvases/save", &form("450"), &team)
            .await;
        assert_eq!(reply.status, StatusCode::FORBIDDEN);
        let read = outsider
            .call("/api/canvases/detail", &[("id", &saved.id.to_string())])
            .await;
        assert!(
            read.body.contains("\"saving_cents\":420000"),
            "{}",
            read.body
        );
        assert_eq!(audited(db, "canvas-aanmaken").await.len(), 1);
        t.cleanup().await;
    }
);

on_both_backends!(
    a_knelpunt_is_raised_and_supported_once_by_other_teams,
    |backend: Backend| async move {
        let Some(t) = TestDb::with_demo(backend).await else {
            return;
        };
        let db = &t.db;
        let own = team_id(db, "Jeugd Zuilen").await.to_string();
        let other = team_id(db, "Jeugd Ondiep").await.to_string();
        let mut member = Client::signed_in(db, TEAMLID).await;
        let before = knelpunt::Entity::find().count(db).await.unwrap();
        let reply = member
            .call(
                "/api/knelpunten/raise",
                &[
                    ("team_id", &own),
                    ("category", ""),
                    ("title", "Geen tijd"),
                    ("description", ""),
                ],
            )
            .await;
        assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(reply.body.contains("Kies een categorie"), "{}", reply.body);
        assert_eq!(knelpunt::Entity::find().count(db).await.unwrap(), before);
        let reply = member
            .call(
                "/api/knelpunten/raise",
                &[
                    ("team_id", &own),
                    ("category", "capaciteit"),
                    ("title", "Geen tijd voor overleg"),
                    ("description", "Het overleg valt steeds uit."),
                ],
            )
            .await;
        assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
        let raised = knelpunt::Entity::find()
            .filter(knelpunt::Column::Title.eq("Geen tijd voor overleg"))
            .one(db)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(raised.status, "nieuw");
        let id = raised.id.to_string();
        let reply = member
            .call(
                "/api/knelpunten/support",
                &[("knelpunt_id", &id), ("team_id", &own)],
            )
            .await;
        assert_eq!(
            reply.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "not one's own"
        );
        let mut outsider = Client::signed_in(db, OTHER).await;
        for expected in [StatusCode::OK, StatusCode::UNPROCESSABLE_ENTITY] {
            let reply = outsider
                .call(
                    "/api/knelpunten/support",
                    &[("knelpunt_id", &id), ("team_id", &other)],
                )
                .await;
            assert_eq!(reply.status, expected, "{}", reply.body);
        }
        let supports = knelpunt_support::Entity::find()
            .filter(knelpunt_support::Column::KnelpuntId.eq(raised.id))
            .count(db)
            .await
            .unwrap();
        assert_eq!(supports, 1);
        let read = member.call("/api/knelpunten/detail", &[("id", &id)]).await;
        assert!(read.body.contains("Jeugd Ondiep"), "{}", read.body);
        t.cleanup().await;
    }
);

on_both_backends!(
    survey_answers_are_anonymous_once_per_month_and_shown_from_three,
    |backend: Backend| async move {
        let Some(t) = TestDb::with_demo(backend).await else {
            return;
        };
        let db = &t.db;
        let own = team_id(db, "Jeugd Zuilen").await;
        let own_s = own.to_string();
        let month = support::this_month().to_string();
        let answer = |grade: &'static str| {
            vec![
                ("team_id", own_s.clone()),
                ("month", month.clone()),
                ("grade", grade.to_string()),
                ("know_whom", "4".to_string()),
                ("information", "3".to_string()),
                ("vision", "5".to_string()),
                ("tools", "2".to_string()),
            ]
        };
        let mut member = Client::signed_in(db, TEAMLID).await;
        let reply = call(&mut member, "/api/survey/answer", answer("11")).await;
        assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(reply.body.contains("1 tot en met 10"), "{}", reply.body);
        let tallies = || async {
            survey_tally::Entity::find()
                .filter(survey_tally::Column::TeamId.eq(own))
                .filter(survey_tally::Column::Month.eq(support::this_month().to_string()))
                .one(db)
                .await
                .unwrap()
        };
        assert!(tallies().await.is_none(), "a refused answer adds nothing");
        assert_eq!(
            call(&mut member, "/api/survey/answer", answer("8"))
                .await
                .status,
            StatusCode::OK
        );
        let reply = call(&mut member, "/api/survey/answer", answer("6")).await;
        assert_eq!(
            reply.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "once per month"
        );
        assert!(reply.body.contains("al ingevuld"), "{}", reply.body);
        let mut coordinator = Client::signed_in(db, COORDINATOR).await;
        assert_eq!(
            call(&mut coordinator, "/api/survey/answer", answer("6"))
                .await
                .status,
            StatusCode::OK
        );
        let form = member
            .call("/api/survey/form", &[("team_id", &own_s)])
            .await;
        assert!(
            form.body.contains("\"respondents\":2,\"grade\":\"Hidden\""),
            "{}",
            form.body
        );
        // A third member (added through the store) makes the result show.
        let lid = app::store::entity::account::Entity::find()
            .filter(
                app::store::entity::account::Column::Email.eq("lid2.jeugd-zuilen@demo.wijkwijs.nl"),
            )
            .one(db)
            .await
            .unwrap()
            .unwrap();
        let mut third = Client::new(db);
        third.session_for(db, &lid.email).await;
        assert_eq!(
            call(&mut third, "/api/survey/answer", answer("7"))
                .await
                .status,
            StatusCode::OK
        );
        let form = member
            .call("/api/survey/form", &[("team_id", &own_s)])
            .await;
        // Three answers, but the month is still open to answers: a read
        // before and after a colleague's answer would give it away.
        assert!(
            form.body.contains("\"respondents\":3,\"grade\":\"Hidden\""),
            "{}",
            form.body
        );
        // Once a month is closed, its result shows from three answers on.
        let closed = support::this_month().plus(-shared::survey::MONTHS_OPEN - 1);
        let three = shared::survey::Tally {
            respondents: 3,
            grade_sum: 21,
            item_sums: [12, 9, 15, 6],
        };
        app::store::survey::add(db, own, closed, three)
            .await
            .unwrap();
        let form = member
            .call("/api/survey/form", &[("team_id", &own_s)])
            .await;
        let form: serde_json::Value = serde_json::from_str(&form.body).unwrap();
        let result = form["results"]
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["month"] == closed.to_string())
            .expect("the closed month is listed")
            .clone();
        assert!(result["respondents"].as_u64().unwrap() >= 3, "{result}");
        assert!(result["grade"]["Value"].is_number(), "{result}");
        let tally = tallies().await.unwrap();
        assert_eq!(
            (tally.respondents, tally.grade_sum, tally.vision_sum),
            (3, 21, 15)
        );
        // Who answered is kept, what they answered is not linked to them.
        let participants = survey_participation::Entity::find()
            .filter(survey_participation::Column::TeamId.eq(own))
            .filter(survey_participation::Column::Month.eq(support::this_month().to_string()))
            .count(db)
            .await
            .unwrap();
        assert_eq!(participants, 3);
        for entry in audited(db, "vragenlijst-invullen").await {
            let after = entry.after.unwrap_or_default();
            assert!(
                !after.contains("grade") && !after.contains("tools"),
                "{after}"
            );
        }
        // Another team cannot answer for this team.
        let mut outsider = Client::signed_in(db, OTHER).await;
        assert_eq!(
            call(&mut outsider, "/api/survey/answer", answer("9"))
                .await
                .status,
            StatusCode::FORBIDDEN
        );
        t.cleanup().await;
    }
);

on_both_backends!(
    teams_ask_each_other_and_only_they_read_the_thread,
    |backend: Backend| async move {
        let Some(t) = TestDb::with_demo(backend).await else {
            return;
        };
        let db = &t.db;
        let own = team_id(db, "Jeugd Zuilen").await.to_string();
        let other = team_id(db, "Jeugd Ondiep").await.to_string();
        let mut outsider = Client::signed_in(db, OTHER).await;
        let ask = |body: &'static str| {
            vec![
                ("to_team_id", own.clone()),
                ("team_id", other.clone()),
                ("body", body.to_string()),
            ]
        };
        let reply = call(&mut outsider, "/api/team/message", ask(" ")).await;
        assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);
        let reply = call(
            &mut outsider,
            "/api/team/message",
            ask("Hoe plannen jullie het casusoverleg?"),
        )
        .await;
        assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
        // Sending on behalf of a team one is not in is refused.
        let forged = vec![
            ("to_team_id", other.clone()),
            ("team_id", own.clone()),
            ("body", "Namens een ander".to_string()),
        ];
        assert_eq!(
            call(&mut outsider, "/api/team/message", forged)
                .await
                .status,
            StatusCode::FORBIDDEN
        );

        let mut member = Client::signed_in(db, TEAMLID).await;
        let space = member
            .call("/api/network/team", &[("team_id", &own)])
            .await
            .body;
        assert!(
            space.contains("Hoe plannen jullie het casusoverleg?"),
            "{space}"
        );
        let answer = vec![
            ("to_team_id", other.clone()),
            ("team_id", own.clone()),
            ("body", "Elke dinsdag, om de week.".to_string()),
        ];
        assert_eq!(
            call(&mut member, "/api/team/message", answer).await.status,
            StatusCode::OK
        );
        let seen = outsider
            .call("/api/network/team", &[("team_id", &own)])
            .await
            .body;
        assert!(seen.contains("Elke dinsdag, om de week."), "{seen}");

        // A third team and a bestuurder do not read it.
        for email in [
            "teamlid.ouderen-ondiep@demo.wijkwijs.nl",
            "bestuurder@demo.wijkwijs.nl",
        ] {
            let mut third = Client::signed_in(db, email).await;
            let body = third
                .call("/api/network/team", &[("team_id", &own)])
                .await
                .body;
            assert!(
                !body.contains("casusoverleg?") && !body.contains("Elke dinsdag"),
                "{email}: {body}"
            );
        }
        assert_eq!(audited(db, "team-bericht").await.len(), 2);
        t.cleanup().await;
    }
);
