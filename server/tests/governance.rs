//! The bestuurderstafel over HTTP, on SQLite and PostgreSQL: its figures
//! against values computed here from the stored records, a bestuurder's
//! answer to a knelpunt that the team then reads, targets, dialogue notes
//! linked both ways, and the CSV export. Bad input changes nothing;
//! teamleden only read.

mod support;

use app::store::entity::{
    audit_event, canvas, dialogue_action, dialogue_note, knelpunt, knelpunt_answer,
    knelpunt_support, lesson, measure_target, team, wijk,
};
use axum::http::StatusCode;
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};
use serde_json::Value;
use std::collections::HashMap;
use support::{Backend, Client, TestDb};

const BESTUURDER: &str = "bestuurder@demo.wijkwijs.nl";
const TEAMLID: &str = "teamlid.jeugd-zuilen@demo.wijkwijs.nl";

async fn table(client: &mut Client, gemeente: &str) -> (StatusCode, Value) {
    let reply = client
        .call("/api/governance/table", &[("gemeente", gemeente)])
        .await;
    let body = serde_json::from_str(&reply.body).unwrap_or(Value::Null);
    (reply.status, body)
}

async fn send(client: &mut Client, form: Vec<(&'static str, String)>) -> support::Reply {
    let refs: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
    client.call("/api/knelpunten/answer", &refs).await
}

on_both_backends!(
    the_table_shows_every_wijk_and_team_with_figures_from_the_records,
    |backend: Backend| async move {
        let Some(t) = TestDb::with_demo(backend).await else {
            return;
        };
        let db = &t.db;
        let mut bestuurder = Client::signed_in(db, BESTUURDER).await;
        let (status, page) = table(&mut bestuurder, "").await;
        assert_eq!(status, StatusCode::OK);
        assert_eq!(page["viewer_governs"], true);
        // Every wijk, every team, a verdict per measure each.
        let wijken = page["wijken"].as_array().unwrap();
        assert_eq!(
            wijken.len() as u64,
            wijk::Entity::find().count(db).await.unwrap()
        );
        let teams: usize = wijken
            .iter()
            .map(|w| w["teams"].as_array().unwrap().len())
            .sum();
        assert_eq!(teams as u64, team::Entity::find().count(db).await.unwrap());
        for w in wijken {
            for team in w["teams"].as_array().unwrap() {
                assert_eq!(
                    team["verdicts"].as_array().unwrap().len(),
                    shared::network::Measure::ALL.len()
                );
            }
        }
        let zuilen = wijken
            .iter()
            .find(|w| w["wijk"] == "Zuilen Ondiep")
            .unwrap();
        assert_eq!(zuilen["teams"].as_array().unwrap().len(), 7);
        // Without targets there is no assurance verdict.
        assert!(zuilen["verdicts"]
            .as_array()
            .unwrap()
            .iter()
            .all(|v| v["assurance"].is_null()));

        // Savings: the sum of every canvas's saving, per team and in all.
        let canvases = canvas::Entity::find().all(db).await.unwrap();
        let mut expected: HashMap<i32, (u64, i64)> = HashMap::new();
        for c in &canvases {
            let entry = expected.entry(c.team_id).or_default();
            entry.0 += 1;
            entry.1 += c.saving_cents;
        }
        let mut total = (0, 0);
        for w in page["savings"].as_array().unwrap() {
            for team in w["teams"].as_array().unwrap() {
                let id = team["team_id"].as_i64().unwrap() as i32;
                let (n, saving) = expected.get(&id).copied().unwrap_or_default();
                assert_eq!(
                    (
                        team["canvases"].as_u64().unwrap(),
                        team["saving_cents"].as_i64().unwrap()
                    ),
                    (n, saving)
                );
            }
            total.0 += w["canvases"].as_u64().unwrap();
            total.1 += w["saving_cents"].as_i64().unwrap();
        }
        assert_eq!(
            total,
            (
                canvases.len() as u64,
                canvases.iter().map(|c| c.saving_cents).sum::<i64>()
            )
        );

        // Open knelpunten, the most supported first, with their support.
        let open = page["knelpunten"].as_array().unwrap();
        let stored_open = knelpunt::Entity::find()
            .filter(knelpunt::Column::Status.is_in(["nieuw", "geagendeerd", "in-behandeling"]))
            .count(db)
            .await
            .unwrap();
        assert_eq!(open.len() as u64, stored_open);
        assert!(!open.is_empty());
        let counts: Vec<u64> = open
            .iter()
            .map(|k| k["supporters"].as_u64().unwrap())
            .collect();
        assert!(counts.windows(2).all(|w| w[0] >= w[1]), "{counts:?}");
        for k in open {
            let supporters = knelpunt_support::Entity::find()
                .filter(knelpunt_support::Column::KnelpuntId.eq(k["id"].as_i64().unwrap()))
                .count(db)
                .await
                .unwrap();
            assert_eq!(k["supporters"].as_u64().unwrap(), supporters);
        }
        // Notable lessons: each found useful or adopted by another team.
        for l in page["lessons"].as_array().unwrap() {
            assert!(l["useful"].as_u64().unwrap() + l["adoptions"].as_u64().unwrap() > 0);
        }

        // One gemeente: only its wijken; an unknown one is not found.
        let utrecht = app::store::entity::gemeente::Entity::find()
            .filter(app::store::entity::gemeente::Column::Name.eq("Utrecht"))
            .one(db)
            .await
            .unwrap()
            .unwrap();
        let (_, page) = table(&mut bestuurder, &utrecht.id.to_string()).await;
        assert_eq!(page["gemeente"], "Utrecht");
        assert_eq!(
            page["wijken"].as_array().unwrap().len() as u64,
            wijk::Entity::find()
                .filter(wijk::Column::GemeenteId.eq(utrecht.id))
                .count(db)
                .await
                .unwrap()
        );
        assert_eq!(
            table(&mut bestuurder, "99999").await.0,
            StatusCode::NOT_FOUND
        );

        // A teamlid reads it, without the bestuurders' forms.
        let mut teamlid = Client::signed_in(db, TEAMLID).await;
        let (status, page) = table(&mut teamlid, "").await;
        assert_eq!(status, StatusCode::OK);
        assert_eq!(page["viewer_governs"], false);
        t.cleanup().await;
    }
);

on_both_backends!(
    a_bestuurder_answers_a_knelpunt_and_the_team_reads_it,
    |backend: Backend| async move {
        let Some(t) = TestDb::with_demo(backend).await else {
            return;
        };
        let db = &t.db;
        let target = knelpunt::Entity::find()
            .filter(knelpunt::Column::Status.eq("nieuw"))
            .one(db)
            .await
            .unwrap()
            .expect("the demo has a new knelpunt");
        let id = target.id.to_string();
        let answers_before = knelpunt_answer::Entity::find().count(db).await.unwrap();
        let form = |status: &'static str, body: &'static str| {
            vec![
                ("knelpunt_id", id.clone()),
                ("status", status.to_string()),
                ("body", body.to_string()),
            ]
        };
        // A teamlid may not answer.
        let mut teamlid = Client::signed_in(db, TEAMLID).await;
        let reply = send(&mut teamlid, form("opgelost", "Zelf opgelost.")).await;
        assert_eq!(reply.status, StatusCode::FORBIDDEN);
        // Bad input: nothing changes, the message names the field.
        let mut bestuurder = Client::signed_in(db, BESTUURDER).await;
        let reply = send(&mut bestuurder, form("misschien", "")).await;
        assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(reply.body.contains("Kies een status"), "{}", reply.body);
        assert_eq!(
            knelpunt_answer::Entity::find().count(db).await.unwrap(),
            answers_before
        );
        // A good answer sets the status and is kept.
        let reply = send(
            &mut bestuurder,
            form(
                "geagendeerd",
                "Op de agenda van het bestuurlijk overleg in december.",
            ),
        )
        .await;
        assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
        let after = knelpunt::Entity::find_by_id(target.id)
            .one(db)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(after.status, "geagendeerd");
        assert_eq!(support::audited(db, "knelpunt-beantwoorden").await, 1);
        // The team reads it on the knelpunt's page.
        let team_member = team::Entity::find_by_id(target.team_id)
            .one(db)
            .await
            .unwrap()
            .unwrap();
        let slug = team_member.name.to_lowercase().replace(' ', "-");
        let mut member = Client::signed_in(db, &format!("teamlid.{slug}@demo.wijkwijs.nl")).await;
        let detail = member.call("/api/knelpunten/detail", &[("id", &id)]).await;
        assert_eq!(detail.status, StatusCode::OK);
        assert!(detail
            .body
            .contains("Op de agenda van het bestuurlijk overleg in december."));
        let detail: Value = serde_json::from_str(&detail.body).unwrap();
        assert_eq!(detail["status"], "Geagendeerd");
        assert_eq!(detail["viewer_governs"], false);
        t.cleanup().await;
    }
);

on_both_backends!(
    targets_give_assurance_verdicts_and_refuse_nonsense,
    |backend: Backend| async move {
        let Some(t) = TestDb::with_demo(backend).await else {
            return;
        };
        let db = &t.db;
        let mut bestuurder = Client::signed_in(db, BESTUURDER).await;
        let reply = bestuurder
            .call(
                "/api/governance/targets",
                &[
                    ("wait", "30"),
                    ("without_help", "140"),
                    ("client_grade", "7"),
                ],
            )
            .await;
        assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(reply.body.contains("tussen 0 en 100"), "{}", reply.body);
        assert_eq!(measure_target::Entity::find().count(db).await.unwrap(), 0);
        let reply = bestuurder
            .call(
                "/api/governance/targets",
                &[
                    ("wait", "30"),
                    ("without_help", "60,5"),
                    ("client_grade", ""),
                ],
            )
            .await;
        assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
        let stored: HashMap<String, f64> = measure_target::Entity::find()
            .all(db)
            .await
            .unwrap()
            .into_iter()
            .map(|t| (t.measure, t.value))
            .collect();
        assert_eq!(
            stored,
            HashMap::from([
                ("wachttijd".to_string(), 30.0),
                ("verder-zonder-hulp".to_string(), 0.605)
            ])
        );
        // Teams with a year of shown months now get an assurance verdict on
        // the measures with a target, never on the one without.
        let (_, page) = table(&mut bestuurder, "").await;
        let mut assured = 0;
        for w in page["wijken"].as_array().unwrap() {
            for team in w["teams"].as_array().unwrap() {
                for v in team["verdicts"].as_array().unwrap() {
                    if v["measure"] == "ClientGrade" {
                        assert!(v["assurance"].is_null());
                    } else if !v["assurance"].is_null() {
                        assured += 1;
                    }
                }
            }
        }
        assert!(assured > 0);
        t.cleanup().await;
    }
);

on_both_backends!(
    a_target_saved_unchanged_keeps_who_set_it_and_when,
    |backend: Backend| async move {
        use sea_orm::{ActiveModelTrait, Set};
        let Some(t) = TestDb::with_demo(backend).await else {
            return;
        };
        let db = &t.db;
        let mut bestuurder = Client::signed_in(db, BESTUURDER).await;
        let mut save = async |wait: &str, without_help: &str, client_grade: &str| {
            let form = [
                ("wait", wait),
                ("without_help", without_help),
                ("client_grade", client_grade),
            ];
            let reply = bestuurder.call("/api/governance/targets", &form).await;
            assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
        };
        let stored = async || -> HashMap<String, measure_target::Model> {
            measure_target::Entity::find()
                .all(db)
                .await
                .unwrap()
                .into_iter()
                .map(|t| (t.measure.clone(), t))
                .collect()
        };
        save("30", "60", "7").await;
        // Set long ago by nobody in particular.
        let long_ago = chrono::Utc::now() - chrono::Duration::days(400);
        for row in stored().await.into_values() {
            measure_target::ActiveModel {
                id: Set(row.id),
                account_id: Set(None),
                updated_at: Set(long_ago),
                ..Default::default()
            }
            .update(db)
            .await
            .unwrap();
        }
        // The wait unchanged, the share changed, the grade removed.
        save("30", "65", "").await;
        let after = stored().await;
        assert_eq!(after.len(), 2);
        let wait = &after["wachttijd"];
        assert_eq!((wait.value, wait.account_id), (30.0, None));
        assert_eq!(wait.updated_at.timestamp(), long_ago.timestamp());
        let share = &after["verder-zonder-hulp"];
        assert_eq!(share.value, 0.65);
        assert!(share.account_id.is_some());
        assert!(share.updated_at > long_ago);
        // Both saves are audited, with what was before and after.
        assert_eq!(support::audited(db, "streefwaarden-opslaan").await, 2);
        let last = audit_event::Entity::find()
            .filter(audit_event::Column::Action.eq("streefwaarden-opslaan"))
            .all(db)
            .await
            .unwrap()
            .into_iter()
            .max_by_key(|e| e.id)
            .unwrap();
        let before: Value = serde_json::from_str(last.before.as_deref().unwrap()).unwrap();
        let now: Value = serde_json::from_str(last.after.as_deref().unwrap()).unwrap();
        assert_eq!(before["wachttijd"], 30.0);
        assert_eq!(before["cijfer-clienten"], 7.0);
        assert_eq!(now["wachttijd"], 30.0);
        assert_eq!(now["cijfer-clienten"], Value::Null);
        t.cleanup().await;
    }
);

on_both_backends!(
    a_dialogue_note_links_both_ways_and_bad_input_saves_nothing,
    |backend: Backend| async move {
        let Some(t) = TestDb::with_demo(backend).await else {
            return;
        };
        let db = &t.db;
        let k = knelpunt::Entity::find().one(db).await.unwrap().unwrap();
        let l = lesson::Entity::find().one(db).await.unwrap().unwrap();
        let (k_id, l_id) = (k.id.to_string(), l.id.to_string());
        let mut bestuurder = Client::signed_in(db, BESTUURDER).await;
        // Half an action and no date: refused, nothing saved.
        let reply = bestuurder
            .call(
                "/api/governance/note",
                &[
                    ("held_on", ""),
                    ("attendees", "Wethouder, directeuren"),
                    ("conclusions", "Eén budget per wijk."),
                    ("knelpunten[0]", &k_id),
                    ("actions[0][description]", "Budget ontschotten"),
                    ("actions[0][owner]", ""),
                    ("actions[0][due_on]", "2027-01-15"),
                ],
            )
            .await;
        assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(reply.body.contains("actions[0][owner]"), "{}", reply.body);
        assert_eq!(dialogue_note::Entity::find().count(db).await.unwrap(), 0);
        assert_eq!(dialogue_action::Entity::find().count(db).await.unwrap(), 0);
        // A complete note.
        let reply = bestuurder
            .call(
                "/api/governance/note",
                &[
                    ("held_on", "2026-11-20"),
                    ("attendees", "Wethouder, directeuren"),
                    ("conclusions", "Eén budget per wijk."),
                    ("knelpunten[0]", &k_id),
                    ("lessons[0]", &l_id),
                    ("actions[0][description]", "Budget ontschotten"),
                    ("actions[0][owner]", "Wethouder Zorg"),
                    ("actions[0][due_on]", "2027-01-15"),
                    ("actions[1][description]", ""),
                    ("actions[1][owner]", ""),
                    ("actions[1][due_on]", ""),
                ],
            )
            .await;
        assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
        let note = dialogue_note::Entity::find()
            .one(db)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(dialogue_action::Entity::find().count(db).await.unwrap(), 1);
        assert_eq!(support::audited(db, "overlegverslag-opslaan").await, 1);
        // The note names both; both name the note.
        let mut teamlid = Client::signed_in(db, TEAMLID).await;
        let view: Value = serde_json::from_str(
            &teamlid
                .call(
                    "/api/governance/note-detail",
                    &[("id", &note.id.to_string())],
                )
                .await
                .body,
        )
        .unwrap();
        assert_eq!(view["knelpunten"][0][0], k.id);
        assert_eq!(view["lessons"][0][0], l.id);
        assert_eq!(view["actions"][0]["owner"], "Wethouder Zorg");
        let knelpunt: Value = serde_json::from_str(
            &teamlid
                .call("/api/knelpunten/detail", &[("id", &k_id)])
                .await
                .body,
        )
        .unwrap();
        assert_eq!(
            knelpunt["discussed_in"],
            serde_json::json!([[note.id, "2026-11-20"]])
        );
        let lesson: Value = serde_json::from_str(
            &teamlid
                .call("/api/lessons/detail", &[("id", &l_id)])
                .await
                .body,
        )
        .unwrap();
        assert_eq!(
            lesson["discussed_in"],
            serde_json::json!([[note.id, "2026-11-20"]])
        );
        // The table lists it.
        let (_, page) = table(&mut teamlid, "").await;
        assert_eq!(page["notes"][0]["id"], note.id);
        t.cleanup().await;
    }
);

on_both_backends!(
    the_exports_hold_what_the_tables_show,
    |backend: Backend| async move {
        use calamine::Reader;
        let Some(t) = TestDb::with_demo(backend).await else {
            return;
        };
        let db = &t.db;
        // Anonymous visitors are sent to the login page.
        let mut anonymous = Client::new(db);
        let refused = anonymous.get("/bestuurderstafel?bestand=xlsx").await;
        assert_eq!(refused.status, StatusCode::SEE_OTHER);
        let mut teamlid = Client::signed_in(db, TEAMLID).await;
        let (_, page) = table(&mut teamlid, "").await;

        // Every table of the page, a sheet each, in one workbook.
        let file = teamlid.get_bytes("/bestuurderstafel?bestand=xlsx").await;
        assert_eq!(file.status, StatusCode::OK);
        assert_eq!(
            file.headers["content-disposition"],
            "attachment; filename=\"bestuurderstafel.xlsx\""
        );
        assert_eq!(file.headers["cache-control"], "no-store");
        let mut workbook: calamine::Xlsx<_> =
            calamine::open_workbook_from_rs(std::io::Cursor::new(file.bytes)).unwrap();
        let names = workbook.sheet_names();
        let wijken = page["wijken"].as_array().unwrap().len();
        // A signals table per wijk, knelpunten, lessons, savings, targets.
        assert!(names.len() >= wijken + 3, "{names:?}");
        let knelpunten = names
            .iter()
            .find(|n| n.starts_with("Open knelpunten"))
            .unwrap()
            .clone();
        let sheet = workbook.worksheet_range(&knelpunten).unwrap();
        let rows: Vec<Vec<String>> = sheet
            .rows()
            .map(|r| r.iter().map(|c| c.to_string()).collect())
            .collect();
        assert_eq!(rows.len(), page["knelpunten"].as_array().unwrap().len() + 1);
        for k in page["knelpunten"].as_array().unwrap() {
            let title = k["title"].as_str().unwrap();
            assert!(
                rows.iter()
                    .any(|r| r[0] == title
                        && r.contains(&k["raised_on"].as_str().unwrap().to_string())),
                "{title}: an ISO date in {rows:?}"
            );
        }
        // Amounts are numbers of euros.
        let savings = names
            .iter()
            .find(|n| n.starts_with("Maatwerkcanvassen"))
            .unwrap()
            .clone();
        let sheet = workbook.worksheet_range(&savings).unwrap();
        let total = sheet
            .rows()
            .find(|r| r[0] == "Totaal")
            .expect("a total row");
        let cents: i64 = page["savings"]
            .as_array()
            .unwrap()
            .iter()
            .map(|w| w["saving_cents"].as_i64().unwrap())
            .sum();
        assert_eq!(
            total.last().unwrap(),
            &calamine::Data::Float(cents as f64 / 100.0)
        );

        // One table as CSV, by its caption; read back with the csv crate.
        let stem = shared::export::file_stem(shared::i18n::Text::OpenKnelpuntenCaption.nl());
        let csv = teamlid
            .get_bytes(&format!("/bestuurderstafel?bestand=csv&tabel={stem}"))
            .await;
        assert_eq!(csv.status, StatusCode::OK);
        assert!(csv.headers["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/csv"));
        let mut reader = csv::Reader::from_reader(&csv.bytes[..]);
        let headers = reader.headers().unwrap().clone();
        assert_eq!(&headers[0], "Titel", "{headers:?}");
        assert_eq!(
            reader.records().count(),
            page["knelpunten"].as_array().unwrap().len()
        );
        // No such table, no other format: nothing to download.
        let missing = teamlid
            .get("/bestuurderstafel?bestand=csv&tabel=bestaat-niet")
            .await;
        assert_eq!(missing.status, StatusCode::NOT_FOUND);
        let page_again = teamlid.get("/bestuurderstafel?bestand=pdf").await;
        assert_eq!(page_again.status, StatusCode::OK);
        assert!(page_again.body.contains("<html"));
        assert_eq!(
            teamlid
                .get("/bestuurderstafel?gemeente=nee&bestand=xlsx")
                .await
                .status,
            StatusCode::NOT_FOUND
        );
        t.cleanup().await;
    }
);

on_both_backends!(
    a_network_too_large_to_list_asks_for_a_gemeente_first,
    |backend: Backend| async move {
        use app::store::governance::table_within;
        use shared::suppression::SuppressionPolicy;
        let Some(t) = TestDb::with_demo(backend).await else {
            return;
        };
        let db = &t.db;
        let policy = SuppressionPolicy::default();
        let teams = team::Entity::find().count(db).await.unwrap();
        // More open knelpunten than a large network lists.
        let first = team::Entity::find().one(db).await.unwrap().unwrap();
        for i in 0..shared::dto::KNELPUNTEN_LISTED {
            sea_orm::ActiveModelTrait::insert(
                knelpunt::ActiveModel {
                    team_id: sea_orm::Set(first.id),
                    category: sea_orm::Set("overig".into()),
                    title: sea_orm::Set(format!("Knelpunt {i}")),
                    description: sea_orm::Set("Wachten op een plek.".into()),
                    status: sea_orm::Set("nieuw".into()),
                    created_at: sea_orm::Set(chrono::Utc::now()),
                    ..Default::default()
                },
                db,
            )
            .await
            .unwrap();
        }
        let open = knelpunt::Entity::find()
            .filter(knelpunt::Column::Status.is_in(["nieuw", "geagendeerd", "in-behandeling"]))
            .count(db)
            .await
            .unwrap();
        let recent = app::store::compare::Recent::read(db).await.unwrap();
        let large = table_within(db, &recent, None, policy, 5)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(large.too_many_teams, Some(teams as u32));
        assert!(large.wijken.is_empty() && large.savings.is_empty());
        // Only the most supported knelpunten, and how many are open.
        assert_eq!(large.knelpunten.len(), shared::dto::KNELPUNTEN_LISTED);
        assert_eq!(u64::from(large.knelpunten_open), open);
        assert!(large
            .knelpunten
            .windows(2)
            .all(|k| k[0].supporters >= k[1].supporters));
        // One gemeente is listed whole.
        let utrecht = large
            .gemeenten
            .iter()
            .find(|(_, n)| n == "Utrecht")
            .unwrap()
            .0;
        let one = table_within(db, &recent, Some(utrecht), policy, 5)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(one.too_many_teams, None);
        assert!(!one.wijken.is_empty() && !one.savings.is_empty());
        // Below the limit the whole network is listed.
        let whole = table_within(db, &recent, None, policy, 1_000)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(whole.too_many_teams, None);
        assert_eq!(whole.knelpunten.len() as u64, open);
        assert_eq!(
            whole.wijken.iter().map(|w| w.teams.len()).sum::<usize>() as u64,
            teams
        );
        t.cleanup().await;
    }
);

/// Two bestuurders save the first target of a measure at the same time:
/// neither save fails, and the later commit's value stands.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn first_targets_saved_at_once_both_succeed() {
    use app::store::targets;
    use sea_orm::{ConnectionTrait, TransactionTrait};
    use shared::network::Measure;
    support::bounded(async {
        let Some(t) = TestDb::migrated(Backend::Postgres).await else {
            return;
        };
        let now = chrono::Utc::now();
        let first = t.db.begin().await.unwrap();
        targets::save(&first, &[(Measure::Wait, Some(30.0))], None, now)
            .await
            .unwrap();
        let db = t.db.clone();
        let second = tokio::spawn(async move {
            let txn = db.begin().await?;
            targets::save(&txn, &[(Measure::Wait, Some(20.0))], None, now).await?;
            txn.commit().await
        });
        // The second save waits on the first's uncommitted row.
        let waiting = "SELECT COUNT(*) FROM pg_stat_activity \
             WHERE datname = current_database() AND wait_event_type = 'Lock'";
        loop {
            let row =
                t.db.query_one(sea_orm::Statement::from_string(
                    sea_orm::DbBackend::Postgres,
                    waiting,
                ))
                .await
                .unwrap()
                .unwrap();
            if row.try_get_by_index::<i64>(0).unwrap() > 0 {
                break;
            }
        }
        first.commit().await.unwrap();
        second.await.unwrap().expect("the second save succeeds");
        let saved = targets::all(&t.db).await.unwrap();
        assert_eq!(saved.get(&Measure::Wait), Some(&20.0));
        t.cleanup().await;
    })
    .await;
}
