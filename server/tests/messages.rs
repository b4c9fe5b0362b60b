//! Monthly figures from iJw and iWmo messages, on SQLite and PostgreSQL:
//! a generated batch with known answers (starts, ends, waits, early ends,
//! deletions, late stop messages) lands as the expected months, audited as
//! "import uit iJw-berichten"; months Wijkwijs does not have yet are
//! refused with a way forward; malicious XML changes nothing; and no BSN,
//! name or address of the messages is found in the database (the audit
//! log included) or in the logs, at debug level.

mod support;

use app::store::entity::outcome_period;
use axum::http::StatusCode;
use sea_orm::{
    ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, PaginatorTrait, QueryFilter,
    Statement,
};
use shared::import::messages::samples::{Client as Person, Generator};
use shared::import::messages::Standard;
use std::sync::{Arc, Mutex, OnceLock};
use support::{Backend, Client, TestDb};

const MEMBER: &str = "teamlid.jeugd-zuilen@demo.wijkwijs.nl";
const MESSAGES: &str = "/api/results/import/messages";
const UPLOAD: &str = "/api/results/import";
const CONFIRM: &str = "/api/results/import/confirm";

/// Everything this test binary logs, at debug level, from every thread.
fn log() -> &'static Arc<Mutex<Vec<u8>>> {
    static LOG: OnceLock<Arc<Mutex<Vec<u8>>>> = OnceLock::new();
    LOG.get_or_init(|| {
        let log = Arc::new(Mutex::new(Vec::new()));
        let sink = Sink(log.clone());
        let subscriber = tracing_subscriber::fmt()
            .with_writer(move || sink.clone())
            .with_ansi(false)
            .with_max_level(tracing::Level::DEBUG)
            .finish();
        tracing::subscriber::set_global_default(subscriber).expect("the only subscriber");
        log
    })
}

#[derive(Clone)]
struct Sink(Arc<Mutex<Vec<u8>>>);

impl std::io::Write for Sink {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(bytes);
        Ok(bytes.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// Every byte the database holds, as text: the SQLite file (and its
/// write-ahead log), or every row of every PostgreSQL table.
async fn stored_text(t: &TestDb) -> String {
    match t.db.get_database_backend() {
        sea_orm::DbBackend::Sqlite => {
            let path = t
                .url
                .trim_start_matches("sqlite://")
                .split('?')
                .next()
                .unwrap()
                .to_string();
            let mut bytes = std::fs::read(&path).unwrap();
            bytes.extend(std::fs::read(format!("{path}-wal")).unwrap_or_default());
            String::from_utf8_lossy(&bytes).into_owned()
        }
        backend => {
            let tables =
                t.db.query_all(Statement::from_string(
                    backend,
                    "SELECT table_name::text AS name FROM information_schema.tables \
                     WHERE table_schema = 'public'",
                ))
                .await
                .unwrap();
            let mut text = String::new();
            for table in tables {
                let name: String = table.try_get("", "name").unwrap();
                let rows =
                    t.db.query_all(Statement::from_string(
                        backend,
                        format!("SELECT t::text AS row FROM \"{name}\" t"),
                    ))
                    .await
                    .unwrap();
                for row in rows {
                    text += &row.try_get::<String>("", "row").unwrap();
                    text.push('\n');
                }
            }
            text
        }
    }
}

async fn periods(db: &DatabaseConnection) -> u64 {
    outcome_period::Entity::find().count(db).await.unwrap()
}

/// Uploads files to `path` (as the app's script does) and follows the
/// reply to its preview page.
async fn preview_of(
    member: &mut Client,
    path: &str,
    page: &str,
    team_id: &str,
    field: &str,
    files: &[Vec<u8>],
) -> (String, String) {
    let parts: Vec<(&str, &[u8])> = files.iter().map(|f| (field, f.as_slice())).collect();
    let reply = member
        .upload_files(path, page, &[("team_id", team_id)], &parts, false)
        .await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    let location = reply.headers["location"].to_str().unwrap().to_string();
    let preview = member.get(&location).await;
    assert_eq!(preview.status, StatusCode::OK);
    (location, preview.body)
}

/// Confirms the import at `location` and waits (up to a minute) until
/// its page says it is done.
async fn confirm(member: &mut Client, location: &str) {
    let token = location.rsplit('/').next().unwrap();
    let reply = member.call(CONFIRM, &[("token", token)]).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    for _ in 0..3000 {
        if member
            .get(location)
            .await
            .body
            .contains("Deze import is verwerkt")
        {
            return;
        }
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    }
    panic!("the import at {location} did not finish");
}

fn personal_data(people: &[Person]) -> Vec<String> {
    people
        .iter()
        .flat_map(|p| {
            [
                p.bsn.clone(),
                p.surname.clone(),
                p.street.clone(),
                p.postcode.clone(),
            ]
        })
        .collect()
}

on_both_backends!(
    a_batch_of_messages_lands_as_its_known_months,
    |backend: Backend| async move {
        let log = log();
        let Some(t) = TestDb::with_demo(backend).await else {
            return;
        };
        let db = &t.db;
        let team = support::team_named(db, "Jeugd Zuilen").await;
        let team_id = team.id.to_string();
        let page = format!("/teams/{}/resultaten/importeren", team.id);
        // Before the demo's months, from when every reason code existed.
        let start = chrono::NaiveDate::from_ymd_opt(2022, 6, 6).unwrap();
        let (files, answer, people) = Generator::new(Standard::Jeugd, 11).from(start).files();
        let months = answer.months.len();
        assert!(months > 3 && answer.deleted > 0, "a story worth telling");
        let mut member = Client::signed_in(db, MEMBER).await;
        let before = periods(db).await;

        // Months Wijkwijs does not have yet lack what the messages do not
        // say: each is refused with the way forward, nothing is saved.
        let (_, preview) =
            preview_of(&mut member, MESSAGES, &page, &team_id, "berichten", &files).await;
        assert!(
            preview.contains(&format!(
                "Maanden toe te voegen: 0; te corrigeren: 0; ongewijzigd: 0. Regels geweigerd: {months}."
            )),
            "{preview}"
        );
        assert!(preview.contains("iJw-berichten, release 3.2"));
        assert!(preview.contains("Vul deze maand eerst in met het formulier"));
        assert!(preview.contains("Geweigerde maanden"));
        assert_eq!(periods(db).await, before);

        // The team enters those months (here from a file), with its own
        // figures for what the messages do not hold.
        let mut csv = "month;started;ended;without_help;client_responses\n".to_string();
        for month in answer.months.keys() {
            csv += &format!("{month};0;0;0;0\n");
        }
        let (location, _) = preview_of(
            &mut member,
            UPLOAD,
            &page,
            &team_id,
            "bestand",
            &[csv.into_bytes()],
        )
        .await;
        confirm(&mut member, &location).await;
        assert_eq!(periods(db).await, before + months as u64);

        // Now the messages correct every month to its known answer.
        let (location, preview) =
            preview_of(&mut member, MESSAGES, &page, &team_id, "berichten", &files).await;
        assert!(
            preview.contains(&format!(
                "Maanden toe te voegen: 0; te corrigeren: {months}; ongewijzigd: 0. Regels geweigerd: 0."
            )),
            "{preview}"
        );
        assert!(preview.contains(&format!(
            "Berichten gelezen: {}; overgeslagen: 0.",
            files.len()
        )));
        confirm(&mut member, &location).await;
        for (month, figures) in &answer.months {
            let stored = outcome_period::Entity::find()
                .filter(outcome_period::Column::TeamId.eq(team.id))
                .filter(outcome_period::Column::Month.eq(month.to_string()))
                .one(db)
                .await
                .unwrap()
                .unwrap();
            let counted = (
                stored.started,
                stored.ended,
                stored.uitval,
                stored.without_help,
            );
            assert_eq!(
                counted,
                (
                    figures.started as i32,
                    figures.ended as i32,
                    Some(figures.uitval as i32),
                    0
                ),
                "{month}"
            );
            match (stored.mean_wait_days, figures.mean_wait()) {
                (Some(stored), Some(known)) => assert!((stored - known).abs() < 1e-9, "{month}"),
                (stored, known) => assert_eq!(stored, known, "{month}"),
            }
        }
        assert_eq!(support::audited(db, "import-uit-ijw-berichten").await, 1);

        // The same messages again change nothing.
        let (_, preview) =
            preview_of(&mut member, MESSAGES, &page, &team_id, "berichten", &files).await;
        assert!(preview.contains("Er verandert niets"), "{preview}");

        // Nothing personal of the messages is stored or logged.
        let stored = stored_text(&t).await;
        let logged = String::from_utf8_lossy(&log.lock().unwrap()).into_owned();
        assert!(logged.contains("DEBUG"), "the log is captured");
        for personal in personal_data(&people) {
            assert!(!stored.contains(&personal), "{personal} is stored");
            assert!(!logged.contains(&personal), "{personal} is logged");
        }
        t.cleanup().await;
    }
);

on_both_backends!(
    bad_messages_are_refused_at_their_field_and_change_nothing,
    |backend: Backend| async move {
        let Some(t) = TestDb::with_demo(backend).await else {
            return;
        };
        let db = &t.db;
        let team = support::team_named(db, "Jeugd Zuilen").await;
        let team_id = team.id.to_string();
        let page = format!("/teams/{}/resultaten/importeren", team.id);
        let mut member = Client::signed_in(db, MEMBER).await;
        let (files, _, _) = Generator::new(Standard::Jeugd, 3).files();
        let (wmo, _, _) = Generator::new(Standard::Wmo, 3).files();
        let good = files[0].clone();
        let laughs = br#"<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]><lolz>&lol2;</lolz>"#;
        let before = (
            periods(db).await,
            support::audited(db, "resultaten-import-voorbereiden").await,
        );
        for (upload, message) in [
            (vec![], "Kies een bestand."),
            (
                vec![laughs.to_vec()],
                "Bestand 1: dit bestand bevat een DTD",
            ),
            (
                vec![good.clone(), b"\x7fELF\x02\x01".to_vec()],
                "Bestand 2: dit is geen geldig XML-bericht",
            ),
            (
                vec![good.clone(), wmo[0].clone()],
                "mengt iJw- en iWmo-berichten",
            ),
            (
                vec![
                    b"<x:Bericht xmlns:x=\"http://www.istandaarden.nl/ijw/3_2/jw302/schema\"></x:Bericht>"
                        .to_vec(),
                ],
                "geen iJw- of iWmo-berichten 301, 305, 307 of 315",
            ),
        ] {
            let parts: Vec<(&str, &[u8])> =
                upload.iter().map(|f| ("berichten", f.as_slice())).collect();
            // Without JavaScript: back to the form, the message beside the field.
            let reply = member
                .upload_files(MESSAGES, &page, &[("team_id", &team_id)], &parts, true)
                .await;
            assert!(reply.status.is_redirection(), "{message}: {}", reply.status);
            let back = reply.headers["location"].to_str().unwrap();
            let back = back.trim_start_matches(support::ORIGIN).to_string();
            let form = member.get(&back).await;
            assert!(form.body.contains(message), "{message}: {}", form.body);
            assert!(
                form.body.contains("id=\"veld-berichten-melding\""),
                "{message}"
            );
            // With it: a 422 with the message.
            let reply = member
                .upload_files(MESSAGES, &page, &[("team_id", &team_id)], &parts, false)
                .await;
            assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY, "{message}");
            assert!(reply.body.contains(message), "{message}: {}", reply.body);
        }
        // A team that is not theirs, and no team at all, are refused.
        let other = support::team_named(db, "Ouderen Ondiep")
            .await
            .id
            .to_string();
        let parts = [("berichten", good.as_slice())];
        let reply = member
            .upload_files(MESSAGES, &page, &[("team_id", &other)], &parts, false)
            .await;
        assert!(reply.status.is_client_error(), "{}", reply.status);
        let reply = member
            .upload_files(MESSAGES, &page, &[], &parts, false)
            .await;
        assert!(reply.status.is_client_error(), "{}", reply.status);
        assert_eq!(
            (
                periods(db).await,
                support::audited(db, "resultaten-import-voorbereiden").await
            ),
            before
        );
        t.cleanup().await;
    }
);
