//! A coördinator manages the team's members, on SQLite and PostgreSQL:
//! add an existing account, remove a member, never oneself; every change
//! audited; others are refused.

mod support;

use app::store::entity::{account, audit_event, membership, organisation};
use axum::http::StatusCode;
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder};
use support::{Backend, Client, TestDb};

const COORDINATOR: &str = "coordinator.jeugd-zuilen@demo.wijkwijs.nl";

on_both_backends!(
    a_coordinator_adds_and_removes_members,
    |backend: Backend| async move {
        let Some(t) = TestDb::with_demo(backend).await else {
            return;
        };
        let db = &t.db;
        let team = support::team_named(db, "Jeugd Zuilen").await;
        let org = organisation::Entity::find().one(db).await.unwrap().unwrap();
        let members = || async {
            membership::Entity::find()
                .filter(membership::Column::TeamId.eq(team.id))
                .count(db)
                .await
                .unwrap()
        };
        let before = members().await;
        let (team_id, org_id) = (team.id.to_string(), org.id.to_string());
        let mut coordinator = Client::new(db);
        coordinator.session_for(db, COORDINATOR).await;

        let reply = coordinator
            .call(
                "/api/team/members/add",
                &[
                    ("team_id", &team_id),
                    ("email", "niemand@wijk.nl"),
                    ("discipline", ""),
                    ("organisation_id", &org_id),
                ],
            )
            .await;
        assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(
            reply.body.contains("geen actief account") && reply.body.contains("Vul een naam in")
        );
        let reply = coordinator
            .call(
                "/api/team/members/add",
                &[
                    ("team_id", &team_id),
                    ("email", "teamlid.jeugd-zuilen@demo.wijkwijs.nl"),
                    ("discipline", "Huisarts"),
                    ("organisation_id", &org_id),
                ],
            )
            .await;
        assert!(reply.body.contains("al lid"));
        assert_eq!(members().await, before);

        let reply = coordinator
            .call(
                "/api/team/members/add",
                &[
                    ("team_id", &team_id),
                    ("email", "bestuurder@demo.wijkwijs.nl"),
                    ("discipline", "Wethouder"),
                    ("organisation_id", &org_id),
                ],
            )
            .await;
        assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
        assert_eq!(members().await, before + 1);

        let own = account::Entity::find()
            .filter(account::Column::Email.eq(COORDINATOR))
            .one(db)
            .await
            .unwrap()
            .unwrap();
        let reply = coordinator
            .call(
                "/api/team/members/remove",
                &[("team_id", &team_id), ("account_id", &own.id.to_string())],
            )
            .await;
        assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(reply.body.contains("uzelf"));

        let lid = account::Entity::find()
            .filter(account::Column::Email.eq("lid2.jeugd-zuilen@demo.wijkwijs.nl"))
            .one(db)
            .await
            .unwrap()
            .unwrap();
        let reply = coordinator
            .call(
                "/api/team/members/remove",
                &[("team_id", &team_id), ("account_id", &lid.id.to_string())],
            )
            .await;
        assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
        assert_eq!(members().await, before);
        let audit = audit_event::Entity::find()
            .order_by_desc(audit_event::Column::Id)
            .one(db)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(
            (audit.action.as_str(), audit.actor.as_str()),
            ("teamlid-verwijderen", COORDINATOR)
        );
        assert!(audit
            .before
            .unwrap()
            .contains(&format!("\"account_id\":{}", lid.id)));

        // A coördinator of another team is refused and changes nothing.
        let mut other = Client::new(db);
        other
            .session_for(db, "coordinator.jeugd-ondiep@demo.wijkwijs.nl")
            .await;
        let reply = other
            .call(
                "/api/team/members/remove",
                &[("team_id", &team_id), ("account_id", &own.id.to_string())],
            )
            .await;
        assert_eq!(reply.status, StatusCode::FORBIDDEN);
        assert_eq!(members().await, before);
        t.cleanup().await;
    }
);
