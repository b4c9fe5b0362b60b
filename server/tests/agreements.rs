//! Collaboration agreements over HTTP, on SQLite and PostgreSQL: a member
//! records one and a new version; every save keeps the earlier version;
//! bad input and other teams change nothing.

mod support;

use app::store::entity::{agreement, agreement_version, audit_event};
use axum::http::StatusCode;
use sea_orm::{EntityTrait, PaginatorTrait, QueryOrder};
use support::{Backend, Client, TestDb};

const TEAMLID: &str = "teamlid.jeugd-zuilen@demo.wijkwijs.nl";

fn form<'a>(
    team_id: &'a str,
    id: Option<&'a str>,
    title: &'a str,
    status: &'a str,
    from: &'a str,
    review: &'a str,
) -> Vec<(&'a str, &'a str)> {
    let mut form = vec![
        ("team_id", team_id),
        ("theme", "werkwijze"),
        ("title", title),
        (
            "body",
            "Nieuwe aanmeldingen bespreken we dezelfde week in het casusoverleg.",
        ),
        ("status", status),
        ("effective_from", from),
        ("review_date", review),
    ];
    if let Some(id) = id {
        form.push(("id", id));
    }
    form
}

on_both_backends!(
    a_member_records_an_agreement_and_its_versions,
    |backend: Backend| async move {
        let Some(t) = TestDb::with_demo(backend).await else {
            return;
        };
        let db = &t.db;
        let team = support::team_named(db, "Jeugd Zuilen").await;
        let team_id = team.id.to_string();
        let count = || async { agreement::Entity::find().count(db).await.unwrap() };
        let versions = || async { agreement_version::Entity::find().count(db).await.unwrap() };
        assert_eq!(
            count().await,
            versions().await,
            "every demo agreement has its first version"
        );
        let (agreements_before, versions_before) = (count().await, versions().await);

        let mut member = Client::new(db);
        member.session_for(db, TEAMLID).await;

        // Bad input: a message per field, nothing saved.
        let reply = member
            .call(
                "/api/agreements/save",
                &form(&team_id, None, " ", "actief", "", "2026-02-30"),
            )
            .await;
        assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);
        for message in ["Vul dit veld in", "ingangsdatum", "bestaande datum"] {
            assert!(reply.body.contains(message), "{message}: {}", reply.body);
        }
        assert_eq!(
            (count().await, versions().await),
            (agreements_before, versions_before)
        );

        let reply = member
            .call(
                "/api/agreements/save",
                &form(
                    &team_id,
                    None,
                    "Casusoverleg binnen een week",
                    "concept",
                    "",
                    "",
                ),
            )
            .await;
        assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
        let created = agreement::Entity::find()
            .order_by_desc(agreement::Column::Id)
            .one(db)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(
            (created.team_id, created.title.as_str()),
            (team.id, "Casusoverleg binnen een week")
        );
        let id = created.id.to_string();

        let reply = member
            .call(
                "/api/agreements/save",
                &form(
                    &team_id,
                    Some(&id),
                    "Casusoverleg binnen vijf werkdagen",
                    "actief",
                    "2026-12-01",
                    "2027-12-01",
                ),
            )
            .await;
        assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
        let current = agreement::Entity::find_by_id(created.id)
            .one(db)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(
            (current.title.as_str(), current.status.as_str()),
            ("Casusoverleg binnen vijf werkdagen", "actief")
        );
        assert_eq!(
            current.effective_from.map(|d| d.to_string()).as_deref(),
            Some("2026-12-01")
        );

        let reply = member.call("/api/agreements/detail", &[("id", &id)]).await;
        assert_eq!(reply.status, StatusCode::OK);
        assert!(reply.body.contains("\"version\":2") && reply.body.contains("\"version\":1"));
        assert!(
            reply.body.contains("Casusoverleg binnen een week"),
            "the earlier version is kept"
        );
        let audit = audit_event::Entity::find()
            .order_by_desc(audit_event::Column::Id)
            .one(db)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(audit.action, "afspraak-wijzigen");
        assert!(audit.before.unwrap().contains("binnen een week"));
        assert!(audit.after.unwrap().contains("binnen vijf werkdagen"));

        // A member of another team may read it but not change it.
        let mut other = Client::new(db);
        other
            .session_for(db, "teamlid.jeugd-ondiep@demo.wijkwijs.nl")
            .await;
        assert_eq!(
            other
                .call("/api/agreements/detail", &[("id", &id)])
                .await
                .status,
            StatusCode::OK
        );
        let reply = other
            .call(
                "/api/agreements/save",
                &form(
                    &team_id,
                    Some(&id),
                    "Overgenomen",
                    "actief",
                    "2026-12-01",
                    "",
                ),
            )
            .await;
        assert_eq!(reply.status, StatusCode::FORBIDDEN);
        // Nor through their own team's id.
        let ondiep = support::team_named(db, "Jeugd Ondiep").await;
        let reply = other
            .call(
                "/api/agreements/save",
                &form(
                    &ondiep.id.to_string(),
                    Some(&id),
                    "Overgenomen",
                    "actief",
                    "2026-12-01",
                    "",
                ),
            )
            .await;
        assert_eq!(reply.status, StatusCode::NOT_FOUND);
        let unchanged = agreement::Entity::find_by_id(created.id)
            .one(db)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(unchanged.title, "Casusoverleg binnen vijf werkdagen");
        assert_eq!(versions().await, versions_before + 2);
        t.cleanup().await;
    }
);
