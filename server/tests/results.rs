//! Monthly results over HTTP, on SQLite and PostgreSQL: a member enters a
//! month and corrects one; the earlier figures are kept; bad input,
//! future months and other teams change nothing.

mod support;

use app::store::entity::{audit_event, outcome_period, outcome_version};
use axum::http::StatusCode;
use chrono::Datelike;
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder};
use support::{Backend, Client, TestDb};

fn month(offset: i32) -> String {
    let today = chrono::Utc::now().date_naive();
    shared::Month::new(today.year(), today.month() as u8)
        .unwrap()
        .plus(offset)
        .to_string()
}

fn form<'a>(
    team: &'a str,
    month: &'a str,
    without_help: &'a str,
    grade: &'a str,
) -> Vec<(&'a str, &'a str)> {
    vec![
        ("team_id", team),
        ("month", month),
        ("started", "14"),
        ("mean_wait_days", "11,5"),
        ("ended", "12"),
        ("without_help", without_help),
        ("client_grade", grade),
        ("client_responses", "10"),
        ("uitval", ""),
        ("doelrealisatie", "9"),
    ]
}

on_both_backends!(
    a_member_enters_and_corrects_months,
    |backend: Backend| async move {
        let Some(t) = TestDb::with_demo(backend).await else {
            return;
        };
        let db = &t.db;
        let team = support::team_named(db, "Jeugd Zuilen").await;
        let team_id = team.id.to_string();
        let rows = || async { outcome_period::Entity::find().count(db).await.unwrap() };
        let versions = || async { outcome_version::Entity::find().count(db).await.unwrap() };
        let (rows_before, versions_before) = (rows().await, versions().await);
        let mut member = Client::new(db);
        member
            .session_for(db, "teamlid.jeugd-zuilen@demo.wijkwijs.nl")
            .await;

        // Bad input: a part above its whole, a grade out of range, a month to come.
        let reply = member
            .call("/api/results/save", &form(&team_id, &month(0), "13", "11"))
            .await;
        assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(
            reply
                .body
                .contains("Kan niet meer zijn dan het aantal afgesloten"),
            "{}",
            reply.body
        );
        assert!(reply.body.contains("tussen 1 en 10"));
        let reply = member
            .call("/api/results/save", &form(&team_id, &month(1), "6", "7,5"))
            .await;
        assert!(reply.body.contains("nog niet voorbij"));
        assert_eq!(
            (rows().await, versions().await),
            (rows_before, versions_before)
        );

        // A new month.
        let this_month = month(0);
        let reply = member
            .call(
                "/api/results/save",
                &form(&team_id, &this_month, "6", "7,5"),
            )
            .await;
        assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
        let entered = outcome_period::Entity::find()
            .filter(outcome_period::Column::TeamId.eq(team.id))
            .filter(outcome_period::Column::Month.eq(this_month.clone()))
            .one(db)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(
            (
                entered.started,
                entered.mean_wait_days,
                entered.client_grade
            ),
            (14, Some(11.5), Some(7.5))
        );
        assert_eq!(versions().await, versions_before + 1);

        // A correction of a demo month keeps the loaded figures as version 1.
        let demo_month = "2026-10";
        let original = outcome_period::Entity::find()
            .filter(outcome_period::Column::TeamId.eq(team.id))
            .filter(outcome_period::Column::Month.eq(demo_month))
            .one(db)
            .await
            .unwrap()
            .unwrap();
        let reply = member
            .call("/api/results/save", &form(&team_id, demo_month, "7", "8"))
            .await;
        assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
        let history = outcome_version::Entity::find()
            .filter(outcome_version::Column::OutcomePeriodId.eq(original.id))
            .order_by_asc(outcome_version::Column::Version)
            .all(db)
            .await
            .unwrap();
        assert_eq!(history.len(), 2);
        assert_eq!(
            (history[0].started, history[0].author_account_id),
            (original.started, None)
        );
        assert_eq!((history[1].started, history[1].without_help), (14, 7));
        assert_eq!(rows().await, rows_before + 1, "a correction adds no month");
        let audit = audit_event::Entity::find()
            .order_by_desc(audit_event::Column::Id)
            .one(db)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(audit.action, "resultaten-corrigeren");
        assert!(audit
            .before
            .unwrap()
            .contains(&format!("\"started\":{}", original.started)));

        let reply = member
            .call(
                "/api/results/month",
                &[("team_id", &team_id), ("month", demo_month)],
            )
            .await;
        assert_eq!(reply.status, StatusCode::OK);
        assert!(reply.body.contains("\"version\":2"));

        // Another team's member can neither read the raw figures nor write them.
        let mut other = Client::new(db);
        other
            .session_for(db, "teamlid.jeugd-ondiep@demo.wijkwijs.nl")
            .await;
        assert_eq!(
            other
                .call(
                    "/api/results/month",
                    &[("team_id", &team_id), ("month", demo_month)]
                )
                .await
                .status,
            StatusCode::FORBIDDEN
        );
        let reply = other
            .call("/api/results/save", &form(&team_id, demo_month, "1", "5"))
            .await;
        assert_eq!(reply.status, StatusCode::FORBIDDEN);
        assert_eq!(versions().await, versions_before + 3);
        t.cleanup().await;
    }
);
