//! Every table a page shows downloads as CSV and XLSX with machine values,
//! under the page's own suppression, on SQLite and PostgreSQL: a figure
//! hidden on screen is an empty cell with its status beside it, never the
//! number.

mod support;

use axum::http::StatusCode;
use calamine::{Data, Reader};
use support::{Backend, Client, TestDb};

on_both_backends!(
    a_hidden_figure_is_an_empty_cell_with_its_reason,
    |backend: Backend| async move {
        let Some(t) = TestDb::with_demo(backend).await else {
            return;
        };
        let db = &t.db;
        let team = support::team_named(db, "Jeugd Zuilen").await;
        // Thresholds no team meets: every figure of another team is hidden.
        let mut client = Client::configured(db, |args| {
            args.min_denominator = 100_000;
            args.min_count = 100_000;
        });
        client
            .session_for(db, "teamlid.ouderen-ondiep@demo.wijkwijs.nl")
            .await;
        let page = client.get(&format!("/wijken/{}", team.wijk_id)).await;
        assert_eq!(page.status, StatusCode::OK);
        assert!(
            page.body.contains("bestand=csv&amp;tabel="),
            "download links"
        );

        let file = client
            .get_bytes(&format!("/wijken/{}?bestand=xlsx", team.wijk_id))
            .await;
        assert_eq!(file.status, StatusCode::OK);
        let mut workbook: calamine::Xlsx<_> =
            calamine::open_workbook_from_rs(std::io::Cursor::new(file.bytes)).unwrap();
        let mut hidden = 0;
        for name in workbook.sheet_names() {
            let range = workbook.worksheet_range(&name).unwrap();
            let mut rows = range.rows();
            let header: Vec<String> = rows.next().unwrap().iter().map(|c| c.to_string()).collect();
            for row in rows {
                for (i, column) in header.iter().enumerate() {
                    if !column.ends_with("– status") {
                        continue;
                    }
                    let (value, status) = (&row[i - 1], &row[i]);
                    if !matches!(status, Data::Empty) {
                        hidden += 1;
                        assert!(
                            matches!(value, Data::Empty),
                            "{name}: {column} has a value beside its status {status}"
                        );
                    }
                }
            }
        }
        assert!(hidden > 0, "the thresholds hid figures");

        // One table as CSV: the same cells.
        let stem = page
            .body
            .split("bestand=csv&amp;tabel=")
            .nth(1)
            .unwrap()
            .split('"')
            .next()
            .unwrap()
            .to_string();
        let csv = client
            .get_bytes(&format!(
                "/wijken/{}?bestand=csv&tabel={stem}",
                team.wijk_id
            ))
            .await;
        assert_eq!(csv.status, StatusCode::OK);
        let mut reader = csv::Reader::from_reader(&csv.bytes[..]);
        let header = reader.headers().unwrap().clone();
        for record in reader.records() {
            let record = record.unwrap();
            for (i, column) in header.iter().enumerate() {
                if column.ends_with("– status") && !record[i].is_empty() {
                    assert_eq!(&record[i - 1], "", "{column}: hidden means empty");
                }
            }
        }
        t.cleanup().await;
    }
);
