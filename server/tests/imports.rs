//! Importing monthly results from CSV and XLSX files, on SQLite and
//! PostgreSQL: the preview changes nothing; the confirmation adds and
//! corrects months in one audited transaction, versioned as the form
//! versions them; importing the same file again changes nothing; bad
//! files, other teams' imports and other people's previews change nothing.

mod support;

use app::store::entity::{audit_event, outcome_period, outcome_version, result_import};
use axum::http::StatusCode;
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, PaginatorTrait, QueryFilter};
use support::{Backend, Client, TestDb};

const MEMBER: &str = "teamlid.jeugd-zuilen@demo.wijkwijs.nl";
const UPLOAD: &str = "/api/results/import";
const CONFIRM: &str = "/api/results/import/confirm";

/// Rows and versions of results, and audit entries: what an import may
/// change.
async fn counts(db: &DatabaseConnection) -> (u64, u64) {
    (
        outcome_period::Entity::find().count(db).await.unwrap(),
        outcome_version::Entity::find().count(db).await.unwrap(),
    )
}

async fn month_of(
    db: &DatabaseConnection,
    team: i32,
    month: &str,
) -> Option<outcome_period::Model> {
    outcome_period::Entity::find()
        .filter(outcome_period::Column::TeamId.eq(team))
        .filter(outcome_period::Column::Month.eq(month))
        .one(db)
        .await
        .unwrap()
}

/// Waits (up to a minute) until the import confirmed at `page` is done,
/// as its page says.
async fn until_imported(client: &mut Client, page: &str) -> String {
    for _ in 0..3000 {
        let reply = client.get(page).await;
        if reply.body.contains("Deze import is verwerkt") {
            return reply.body;
        }
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    }
    panic!("the import at {page} did not finish");
}

/// The token at the end of a preview's address.
fn token_of(location: &str) -> String {
    location.rsplit('/').next().unwrap().to_string()
}

on_both_backends!(
    a_member_previews_and_confirms_a_csv_file,
    |backend: Backend| async move {
        let Some(t) = TestDb::with_demo(backend).await else {
            return;
        };
        let db = &t.db;
        let team = support::team_named(db, "Jeugd Zuilen").await;
        let team_id = team.id.to_string();
        let page = format!("/teams/{}/resultaten/importeren", team.id);
        let october = month_of(db, team.id, "2026-10").await.unwrap();
        let this_month = support::this_month();
        let next_month = this_month.plus(1);
        // Dutch Excel: a BOM, semicolons, decimal commas, columns in its
        // own order, and a column Wijkwijs does not know.
        let file = format!(
            "\u{feff}Gestart;Maand;Wachttijd (dagen);Afgesloten;Zonder hulp verder;Reacties cliënten;Cijfer cliënten;Opmerking\r\n\
             {started};2026-10;{wait};{ended};{without};{responses};{grade};ok\r\n\
             3;{this_month};4,5;2;1;0;;nieuw\r\n\
             =HYPERLINK(\"http://x\");2026-09;1;1;1;0;;\r\n\
             2;2026-08;3;2;5;0;;\r\n\
             1;{next_month};1;1;1;0;;\r\n",
            started = october.started + 1,
            wait = october
                .mean_wait_days
                .map(|w| w.to_string().replace('.', ","))
                .unwrap_or_default(),
            ended = october.ended,
            without = october.without_help,
            responses = october.client_responses,
            grade = october
                .client_grade
                .map(|g| g.to_string().replace('.', ","))
                .unwrap_or_default(),
        );
        let before = counts(db).await;
        let mut member = Client::signed_in(db, MEMBER).await;
        assert_eq!(member.get(&page).await.status, StatusCode::OK);

        let reply = member
            .upload(
                UPLOAD,
                &page,
                &[("team_id", &team_id)],
                Some(("bestand", file.as_bytes())),
                false,
            )
            .await;
        assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
        let location = reply.headers["location"].to_str().unwrap().to_string();
        assert!(location.starts_with(&format!("{page}/")), "{location}");
        // The preview saves nothing of the team's results.
        assert_eq!(counts(db).await, before);
        assert_eq!(
            support::audited(db, "resultaten-import-voorbereiden").await,
            1
        );

        let preview = member.get(&location).await;
        assert_eq!(preview.status, StatusCode::OK);
        assert!(
            preview.body.contains(
                "Regels gelezen: 5. Maanden toe te voegen: 1; te corrigeren: 1; ongewijzigd: 0. Regels geweigerd: 3."
            ),
            "{}",
            preview.body
        );
        assert!(preview.body.contains("Een formule wordt niet ingelezen"));
        assert!(preview
            .body
            .contains("Kan niet meer zijn dan het aantal afgesloten"));
        assert!(preview.body.contains("nog niet voorbij"));
        assert!(preview.body.contains("worden overgeslagen: Opmerking"));
        assert!(
            preview
                .body
                .contains(&format!("{} → {}", october.started, october.started + 1)),
            "a correction shows before and after"
        );

        // Between the preview and the confirmation the team corrects
        // October's doelrealisatie in the form: the file has no such
        // column, so the confirmation keeps the corrected figure.
        let goals = if october.doelrealisatie == Some(0) {
            1
        } else {
            0
        };
        let text = |x: Option<f64>| x.map(|x| x.to_string()).unwrap_or_default();
        let october_form = shared::validation::ResultsForm {
            month: "2026-10".into(),
            started: october.started.to_string(),
            mean_wait_days: text(october.mean_wait_days),
            ended: october.ended.to_string(),
            without_help: october.without_help.to_string(),
            client_grade: text(october.client_grade),
            client_responses: october.client_responses.to_string(),
            uitval: october.uitval.map(|n| n.to_string()).unwrap_or_default(),
            doelrealisatie: goals.to_string(),
        };
        let reply = member
            .submit("/api/results/save", &october_form, &[("team_id", &team_id)])
            .await;
        assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
        let before = counts(db).await;

        // Someone else's preview is not found, nor can they confirm it.
        let token = token_of(&location);
        let mut other = Client::signed_in(db, "teamlid.ouderen-ondiep@demo.wijkwijs.nl").await;
        assert_eq!(other.get(&location).await.status, StatusCode::NOT_FOUND);
        let refused = other.call(CONFIRM, &[("token", &token)]).await;
        assert!(refused.status.is_client_error(), "{}", refused.status);
        assert_eq!(counts(db).await, before);

        // Confirmed: one month added, one corrected with its history kept.
        let reply = member.call(CONFIRM, &[("token", &token)]).await;
        assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
        let page_after = until_imported(&mut member, &location).await;
        assert!(page_after.contains("Maanden toegevoegd: 1; gecorrigeerd: 1."));
        let corrected = month_of(db, team.id, "2026-10").await.unwrap();
        assert_eq!(corrected.started, october.started + 1);
        assert_eq!(corrected.client_grade, october.client_grade);
        assert_eq!(
            corrected.doelrealisatie,
            Some(goals),
            "corrected since the preview"
        );
        let added = month_of(db, team.id, &this_month.to_string())
            .await
            .unwrap();
        assert_eq!((added.started, added.mean_wait_days), (3, Some(4.5)));
        let history = outcome_version::Entity::find()
            .filter(outcome_version::Column::OutcomePeriodId.eq(corrected.id))
            .all(db)
            .await
            .unwrap();
        assert_eq!(
            history.len(),
            3,
            "the loaded figures, the form's, the import's"
        );
        assert_eq!(
            history.iter().find(|v| v.version == 1).unwrap().started,
            october.started
        );
        assert_eq!(counts(db).await, (before.0 + 1, before.1 + 2));
        assert_eq!(support::audited(db, "resultaten-importeren").await, 1);
        let page_after = member.get(&location).await;
        assert!(page_after
            .body
            .contains("Maanden toegevoegd: 1; gecorrigeerd: 1."));

        // A second confirmation, and the same file again, change nothing.
        let again = member.call(CONFIRM, &[("token", &token)]).await;
        assert_eq!(again.status, StatusCode::OK);
        let reply = member
            .upload(
                UPLOAD,
                &page,
                &[("team_id", &team_id)],
                Some(("bestand", file.as_bytes())),
                false,
            )
            .await;
        let second = reply.headers["location"].to_str().unwrap().to_string();
        let preview = member.get(&second).await;
        assert!(
            preview.body.contains("Er verandert niets"),
            "{}",
            preview.body
        );
        assert_eq!(counts(db).await, (before.0 + 1, before.1 + 2));
        assert_eq!(support::audited(db, "resultaten-importeren").await, 1);

        // The upkeep removes imports a day after they were made, and the
        // preview with them.
        let later = chrono::Utc::now() + chrono::Duration::hours(25);
        let removed = server::upkeep::clean(db, later, 0).await.unwrap();
        assert_eq!(removed.imports, 2);
        assert_eq!(result_import::Entity::find().count(db).await.unwrap(), 0);
        let mut member = Client::signed_in(db, MEMBER).await;
        assert_eq!(member.get(&second).await.status, StatusCode::NOT_FOUND);
        assert_eq!(counts(db).await, (before.0 + 1, before.1 + 2));
        t.cleanup().await;
    }
);

on_both_backends!(
    bad_files_get_one_message_next_to_the_field,
    |backend: Backend| async move {
        let Some(t) = TestDb::with_demo(backend).await else {
            return;
        };
        let db = &t.db;
        let team = support::team_named(db, "Jeugd Zuilen").await;
        let team_id = team.id.to_string();
        let page = format!("/teams/{}/resultaten/importeren", team.id);
        let mut member = Client::signed_in(db, MEMBER).await;
        let before = counts(db).await;
        let imports = || async { result_import::Entity::find().count(db).await.unwrap() };
        let mut merged = rust_xlsxwriter::Workbook::new();
        let sheet = merged.add_worksheet();
        sheet
            .merge_range(0, 0, 0, 1, "Maand", &rust_xlsxwriter::Format::new())
            .unwrap();
        let merged = merged.save_to_buffer().unwrap();
        // Two cells far apart: read as a rectangle, 17 billion cells.
        let mut sparse = rust_xlsxwriter::Workbook::new();
        let sheet = sparse.add_worksheet();
        sheet.write_string(0, 0, "Maand").unwrap();
        sheet.write_string(1_048_575, 16_383, "x").unwrap();
        let sparse = sparse.save_to_buffer().unwrap();
        let too_large = vec![b'1'; shared::import::MAX_FILE_BYTES + 10];
        for (file, message) in [
            (&b""[..], "Kies een bestand."),
            (
                &b"\x7fELF\x02\x01\x01\0\0\0"[..],
                "geen CSV- of Excel-bestand",
            ),
            (
                &b"Naam;BSN\nJan;123456782\n"[..],
                "Geen enkele kolom is herkend",
            ),
            (
                &b"Maand;Gestart\n2026-01;3\n"[..],
                "Deze kolommen ontbreken",
            ),
            (
                &b"Maand;Gestart;Afgesloten;Zonder hulp verder;Reacties cli\xEBnten\n"[..],
                "geen regels met resultaten",
            ),
            (&merged[..], "samengevoegde cellen (A1:B1)"),
            (&sparse[..], "meer dan 64 kolommen"),
            (&too_large[..], "groter dan 20 MB"),
        ] {
            // Without JavaScript: back to the form, the message beside the field.
            let reply = member
                .upload(
                    UPLOAD,
                    &page,
                    &[("team_id", &team_id)],
                    Some(("bestand", file)),
                    true,
                )
                .await;
            assert!(reply.status.is_redirection(), "{message}: {}", reply.status);
            let back = reply.headers["location"].to_str().unwrap();
            let back = back.trim_start_matches(support::ORIGIN).to_string();
            assert!(back.starts_with(&page), "{back}");
            let form = member.get(&back).await;
            assert!(form.body.contains(message), "{message}: {}", form.body);
            assert!(
                form.body.contains("id=\"veld-bestand-melding\""),
                "{message}"
            );
            // With it: a 422 with the message.
            let reply = member
                .upload(
                    UPLOAD,
                    &page,
                    &[("team_id", &team_id)],
                    Some(("bestand", file)),
                    false,
                )
                .await;
            assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY, "{message}");
            assert!(reply.body.contains(message), "{message}: {}", reply.body);
        }
        // The personal data in the refused file shows nowhere.
        let log = audit_event::Entity::find().all(db).await.unwrap();
        assert!(log.iter().all(|e| !format!("{e:?}").contains("123456782")));
        assert_eq!(counts(db).await, before);
        assert_eq!(imports().await, 0);

        // A member imports for their own team only; a beheerder's import of
        // many teams needs the beheerder.
        let file =
            b"Maand;Gestart;Afgesloten;Zonder hulp verder;Reacties cli\xEBnten\n2026-01;0;0;0;0\n";
        let ouderen = support::team_named(db, "Ouderen Ondiep").await;
        for fields in [vec![("team_id", ouderen.id.to_string())], vec![]] {
            let fields: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
            let reply = member
                .upload(UPLOAD, &page, &fields, Some(("bestand", &file[..])), false)
                .await;
            assert_eq!(reply.status, StatusCode::FORBIDDEN, "{fields:?}");
        }
        let mut visitor = Client::new(db);
        let reply = visitor
            .upload(
                UPLOAD,
                &page,
                &[("team_id", &team_id)],
                Some(("bestand", &file[..])),
                false,
            )
            .await;
        assert_eq!(reply.status, StatusCode::UNAUTHORIZED);
        assert_eq!(imports().await, 0);
        t.cleanup().await;
    }
);

/// An XLSX workbook as a beheerder's registration system might write it.
fn workbook(teams: (i32, i32)) -> Vec<u8> {
    use rust_xlsxwriter::{ExcelDateTime, Format, Formula, Workbook};
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    let header = [
        "Team",
        "Maand",
        "Gestart",
        "Wachttijd (dagen)",
        "Afgesloten",
        "Zonder hulp verder",
        "Reacties cliënten",
    ];
    for (column, name) in header.iter().enumerate() {
        sheet.write_string(0, column as u16, *name).unwrap();
    }
    let month_format = Format::new().set_num_format("mmm yyyy");
    let rows: [(f64, &str, f64, f64, f64, f64, f64); 3] = [
        (f64::from(teams.0), "2020-06", 5.0, 12.5, 4.0, 3.0, 0.0),
        (f64::from(teams.1), "", 2.0, 7.0, 1.0, 1.0, 0.0),
        (999_999.0, "2020-06", 1.0, 1.0, 1.0, 1.0, 0.0),
    ];
    for (i, (team, month, started, wait, ended, without, responses)) in rows.iter().enumerate() {
        let row = i as u32 + 1;
        sheet.write_number(row, 0, *team).unwrap();
        if month.is_empty() {
            // Excel turned "jun 2020" into a date.
            let date = ExcelDateTime::from_ymd(2020, 6, 1).unwrap();
            sheet
                .write_datetime_with_format(row, 1, &date, &month_format)
                .unwrap();
        } else {
            sheet.write_string(row, 1, *month).unwrap();
        }
        for (column, value) in [started, wait, ended, without, responses]
            .iter()
            .enumerate()
        {
            sheet.write_number(row, column as u16 + 2, **value).unwrap();
        }
    }
    // A row whose count is a formula.
    sheet.write_number(4, 0, f64::from(teams.0)).unwrap();
    sheet.write_string(4, 1, "2020-05").unwrap();
    sheet.write_formula(4, 2, Formula::new("=1+1")).unwrap();
    for column in 3..7 {
        sheet.write_number(4, column, 0.0).unwrap();
    }
    book.save_to_buffer().unwrap()
}

on_both_backends!(
    a_beheerder_imports_many_teams_from_an_xlsx_file,
    |backend: Backend| async move {
        let Some(t) = TestDb::with_demo(backend).await else {
            return;
        };
        let db = &t.db;
        let jeugd = support::team_named(db, "Jeugd Zuilen").await;
        let ouderen = support::team_named(db, "Ouderen Ondiep").await;
        let page = "/beheer/resultaten-importeren";
        let mut beheerder = support::beheerder(db).await;
        assert_eq!(beheerder.get(page).await.status, StatusCode::OK);
        let file = workbook((jeugd.id, ouderen.id));
        let reply = beheerder
            .upload(UPLOAD, page, &[], Some(("bestand", &file)), true)
            .await;
        assert!(reply.status.is_redirection(), "{}", reply.body);
        let location = reply.headers["location"].to_str().unwrap().to_string();
        assert!(location.starts_with(page), "{location}");
        let preview = beheerder.get(&location).await;
        assert!(preview.body.contains("Excel-werkmap"), "{}", preview.body);
        assert!(
            preview.body.contains("Regels geweigerd: 2."),
            "{}",
            preview.body
        );
        assert!(preview
            .body
            .contains("Vul het nummer van een bestaand team in."));
        assert!(preview.body.contains("Een formule wordt niet ingelezen"));
        // The member's page does not show the beheerder's import.
        let mut member = Client::signed_in(db, MEMBER).await;
        assert_eq!(member.get(&location).await.status, StatusCode::NOT_FOUND);

        let token = token_of(&location);
        let reply = beheerder
            .post_form(CONFIRM, &location, &[("token", &token)])
            .await;
        assert!(reply.status.is_redirection(), "{}", reply.body);
        until_imported(&mut beheerder, &location).await;
        let june = month_of(db, jeugd.id, "2020-06").await.unwrap();
        assert_eq!(
            (june.started, june.mean_wait_days, june.ended),
            (5, Some(12.5), 4)
        );
        let june = month_of(db, ouderen.id, "2020-06").await.unwrap();
        assert_eq!((june.started, june.without_help), (2, 1));
        assert_eq!(support::audited(db, "resultaten-importeren").await, 1);
        let entry = audit_event::Entity::find()
            .filter(audit_event::Column::Action.eq("resultaten-importeren"))
            .one(db)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(entry.object_id.as_deref(), Some("netwerk"));
        t.cleanup().await;
    }
);
