//! Baselines and notes on a team's run charts through the server functions:
//! who may set them, what is refused, what the chart and the
//! bestuurderstafel then say, and that each change is audited and undone.

mod support;

use app::store::entity::{audit_event, chart_baseline, lesson, month_note};
use axum::http::StatusCode;
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};
use support::{Backend, Client, TestDb};

const TEAMLID: &str = "teamlid.jeugd-zuilen@demo.wijkwijs.nl";
const OTHER: &str = "teamlid.jeugd-ondiep@demo.wijkwijs.nl";

async fn chart(client: &mut Client, team: i32, measure: &str) -> serde_json::Value {
    let reply = client
        .call_owned(
            "/api/charts/page",
            &[("team_id", team.to_string()), ("measure", measure.into())],
        )
        .await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    serde_json::from_str(&reply.body).unwrap()
}

fn baseline(team: i32, month: &str, reason: &str, fixed: &str) -> Vec<(&'static str, String)> {
    vec![
        ("team_id", team.to_string()),
        ("measure", "wachttijd".into()),
        ("month", month.into()),
        ("reason", reason.into()),
        ("fixed_after", fixed.into()),
    ]
}

on_both_backends!(
    a_member_rebases_a_chart_and_the_verdict_follows_the_latest_phase,
    |backend: Backend| async move {
        let Some(t) = TestDb::with_demo(backend).await else {
            return;
        };
        let db = &t.db;
        let team = support::team_named(db, "Jeugd Zuilen").await.id;
        let mut member = Client::signed_in(db, TEAMLID).await;
        let page = chart(&mut member, team, "wachttijd").await;
        assert_eq!(page["viewer_writes"], true);
        let points = page["series"]["points"].as_array().unwrap();
        let month = |i: usize| points[i]["month"].as_str().unwrap().to_string();
        let cut = month(points.len() - 14);

        // Refused: no reason, a month the chart does not have, too few
        // months to fix on, another team's member, a bestuurder.
        for (form, field) in [
            (baseline(team, &cut, " ", ""), "Vul dit veld in."),
            (baseline(team, "1999-01", "Reden", ""), "Kies een maand"),
            (baseline(team, &cut, "Reden", "6"), "12 tot en met 24"),
        ] {
            let reply = member.call_owned("/api/charts/baseline", &form).await;
            assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);
            assert!(reply.body.contains(field), "{}", reply.body);
        }
        let form = baseline(team, &cut, "Casusoverleg om de week", "12");
        for email in [OTHER, "bestuurder@demo.wijkwijs.nl"] {
            let mut outsider = Client::signed_in(db, email).await;
            let reply = outsider.call_owned("/api/charts/baseline", &form).await;
            assert_eq!(reply.status, StatusCode::FORBIDDEN, "{email}");
        }
        assert_eq!(chart_baseline::Entity::find().count(db).await.unwrap(), 0);

        let reply = member.call_owned("/api/charts/baseline", &form).await;
        assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
        assert_eq!(support::audited(db, "basislijn-zetten").await, 1);
        let page = chart(&mut member, team, "wachttijd").await;
        let phases = page["series"]["phases"].as_array().unwrap();
        assert_eq!(phases.len(), 2, "{phases:?}");
        let latest = &phases[1];
        assert_eq!(latest["from"], points.len() - 14);
        assert_eq!(latest["baseline"]["reason"], "Casusoverleg om de week");
        assert_eq!(latest["baseline"]["fixed_after"], 12);
        assert_eq!(page["series"]["mean"], latest["mean"]);
        assert_eq!(page["series"]["variation"], latest["variation"]);
        // Outside the team the same phases (under suppression), and the
        // bestuurderstafel's icon says what the chart says.
        let mut bestuurder = Client::signed_in(db, "bestuurder@demo.wijkwijs.nl").await;
        let outside = chart(&mut bestuurder, team, "wachttijd").await;
        assert_eq!(outside["series"]["phases"].as_array().unwrap().len(), 2);
        assert_eq!(outside["viewer_writes"], false);
        let table = bestuurder
            .call("/api/governance/table", &[("gemeente", "")])
            .await;
        assert_eq!(table.status, StatusCode::OK, "{}", table.body);
        let table: serde_json::Value = serde_json::from_str(&table.body).unwrap();
        let verdict = table["wijken"]
            .as_array()
            .unwrap()
            .iter()
            .flat_map(|w| w["teams"].as_array().unwrap())
            .find(|t| t["team_id"] == team)
            .unwrap()["verdicts"]
            .as_array()
            .unwrap()
            .iter()
            .find(|v| v["measure"] == "Wait")
            .unwrap()["variation"]
            .clone();
        assert_eq!(verdict, outside["series"]["variation"]);

        // Undone: by another team's member refused, by a member done.
        let id = chart_baseline::Entity::find()
            .one(db)
            .await
            .unwrap()
            .unwrap()
            .id;
        let undo = [("kind", "basislijn".to_string()), ("id", id.to_string())];
        let mut other = Client::signed_in(db, OTHER).await;
        let reply = other.call_owned("/api/charts/remove", &undo).await;
        assert_eq!(reply.status, StatusCode::FORBIDDEN);
        let reply = member.call_owned("/api/charts/remove", &undo).await;
        assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
        assert_eq!(chart_baseline::Entity::find().count(db).await.unwrap(), 0);
        assert_eq!(support::audited(db, "basislijn-ongedaan-maken").await, 1);
        let reply = member.call_owned("/api/charts/remove", &undo).await;
        assert_eq!(reply.status, StatusCode::NOT_FOUND);
        let page = chart(&mut member, team, "wachttijd").await;
        assert_eq!(page["series"]["phases"].as_array().unwrap().len(), 1);
        t.cleanup().await;
    }
);

on_both_backends!(
    a_note_links_only_the_teams_own_lessons_and_keeps_its_text_out_of_the_log,
    |backend: Backend| async move {
        let Some(t) = TestDb::with_demo(backend).await else {
            return;
        };
        let db = &t.db;
        let team = support::team_named(db, "Jeugd Zuilen").await.id;
        let other_team = support::team_named(db, "Jeugd Ondiep").await.id;
        let lesson_of = |team: i32| async move {
            lesson::Entity::find()
                .filter(lesson::Column::TeamId.eq(team))
                .one(db)
                .await
                .unwrap()
                .unwrap()
        };
        let own = lesson_of(team).await;
        let foreign = lesson_of(other_team).await;
        let mut member = Client::signed_in(db, TEAMLID).await;
        let points = chart(&mut member, team, "uitval").await["series"]["points"]
            .as_array()
            .unwrap()
            .clone();
        let month = points.last().unwrap()["month"]
            .as_str()
            .unwrap()
            .to_string();
        let note = |text: &str, link: String| {
            vec![
                ("team_id", team.to_string()),
                ("measure", "uitval".to_string()),
                ("month", month.clone()),
                ("text", text.to_string()),
                ("link", link),
            ]
        };
        for form in [
            note("Twee collega's met verlof", format!("les-{}", foreign.id)),
            note("Cliënt 111222333 verhuisd", String::new()),
            note("", String::new()),
        ] {
            let reply = member.call_owned("/api/charts/note", &form).await;
            assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY, "{form:?}");
        }
        assert_eq!(month_note::Entity::find().count(db).await.unwrap(), 0);
        let reply = member
            .call_owned(
                "/api/charts/note",
                &note("Twee collega's met verlof", format!("les-{}", own.id)),
            )
            .await;
        assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
        let page = chart(&mut member, team, "uitval").await;
        let notes = page["series"]["notes"].as_array().unwrap();
        assert_eq!(notes.len(), 1);
        assert_eq!(notes[0]["text"], "Twee collega's met verlof");
        assert_eq!(notes[0]["link"][1], format!("/lessen/{}", own.id));
        let svg = member
            .get(&format!("/grafieken/teams/{team}/uitval.svg"))
            .await;
        assert!(svg.body.contains("Toelichting bij"), "{}", svg.body);
        let logged = audit_event::Entity::find().all(db).await.unwrap();
        assert!(logged
            .iter()
            .all(|e| !e.after.as_deref().unwrap_or("").contains("collega")));
        let id = notes[0]["id"].as_i64().unwrap().to_string();
        let reply = member
            .call_owned(
                "/api/charts/remove",
                &[("kind", "toelichting".into()), ("id", id)],
            )
            .await;
        assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
        assert_eq!(month_note::Entity::find().count(db).await.unwrap(), 0);
        assert_eq!(support::audited(db, "toelichting-verwijderen").await, 1);
        t.cleanup().await;
    }
);
