//! Beheer of accounts over HTTP, on SQLite and PostgreSQL: a new account
//! with a one-time setup link, editing, deactivating, and the audit log
//! with its CSV export.

mod support;

use app::store::entity::{account, audit_event, session, setup_link};
use axum::http::StatusCode;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder, Set,
};
use support::{Backend, Client, TestDb};

use support::{beheerder, BEHEERDER};

fn link_token(location: &str) -> String {
    location.split("link=").nth(1).unwrap().to_string()
}

on_both_backends!(
    a_new_account_sets_its_password_through_a_one_time_link,
    |backend: Backend| async move {
        let Some(t) = TestDb::with_demo(backend).await else {
            return;
        };
        let db = &t.db;
        let mut admin = beheerder(db).await;

        // Bad input changes nothing and says why, per field.
        let reply = admin
            .call(
                "/api/admin/accounts/create",
                &[
                    ("email", "geen-adres"),
                    ("display_name", " "),
                    ("role", "koning"),
                ],
            )
            .await;
        assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);
        for message in ["geldig e-mailadres", "Vul een naam in", "Kies een rol"] {
            assert!(reply.body.contains(message), "{message}: {}", reply.body);
        }
        let reply = admin
            .call(
                "/api/admin/accounts/create",
                &[
                    ("email", "teamlid.jeugd-zuilen@demo.wijkwijs.nl"),
                    ("display_name", "Dubbel"),
                    ("role", "professional"),
                ],
            )
            .await;
        assert!(reply.body.contains("al een account"));
        let before = account::Entity::find().count(db).await.unwrap();

        let reply = admin
            .call(
                "/api/admin/accounts/create",
                &[
                    ("email", "Nieuwe.Huisarts@Wijk.nl"),
                    ("display_name", "Nieuwe Huisarts"),
                    ("role", "professional"),
                ],
            )
            .await;
        assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
        assert_eq!(account::Entity::find().count(db).await.unwrap(), before + 1);
        let token = link_token(reply.headers["location"].to_str().unwrap());
        let created = account::Entity::find()
            .filter(account::Column::Email.eq("nieuwe.huisarts@wijk.nl"))
            .one(db)
            .await
            .unwrap()
            .unwrap();
        assert!(created.password_hash.is_none());
        let audit = audit_event::Entity::find()
            .order_by_desc(audit_event::Column::Id)
            .one(db)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(
            (audit.action.as_str(), audit.actor.as_str()),
            ("account-aanmaken", BEHEERDER)
        );
        assert!(audit.after.unwrap().contains("nieuwe.huisarts@wijk.nl"));

        // The link page is public; a weak password is refused, a good one works once.
        let mut newcomer = Client::new(db);
        assert_eq!(
            newcomer
                .get(&format!("/account/instellen/{token}"))
                .await
                .status,
            StatusCode::OK
        );
        let reply = newcomer
            .call(
                "/api/account/setup",
                &[
                    ("token", &token),
                    ("password", "wachtwoord123"),
                    ("password_repeat", "wachtwoord123"),
                ],
            )
            .await;
        assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);
        let reply = newcomer
            .call(
                "/api/account/setup",
                &[
                    ("token", &token),
                    ("password", "koffie bij de huisarts"),
                    ("password_repeat", "koffie bij de huisaarts"),
                ],
            )
            .await;
        assert!(reply.body.contains("niet gelijk"));
        let reply = newcomer
            .call(
                "/api/account/setup",
                &[
                    ("token", &token),
                    ("password", "koffie bij de huisarts"),
                    ("password_repeat", "koffie bij de huisarts"),
                ],
            )
            .await;
        assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
        let reply = newcomer
            .call(
                "/api/account/login",
                &[
                    ("email", "nieuwe.huisarts@wijk.nl"),
                    ("password", "koffie bij de huisarts"),
                ],
            )
            .await;
        assert_eq!(reply.status, StatusCode::OK);
        let again = Client::new(db)
            .call(
                "/api/account/setup",
                &[
                    ("token", &token),
                    ("password", "nog een ander wachtwoord"),
                    ("password_repeat", "nog een ander wachtwoord"),
                ],
            )
            .await;
        assert!(again.body.contains("verlopen of al gebruikt"));
        t.cleanup().await;
    }
);

on_both_backends!(
    an_expired_setup_link_does_nothing,
    |backend: Backend| async move {
        let Some(t) = TestDb::with_demo(backend).await else {
            return;
        };
        let db = &t.db;
        let mut admin = beheerder(db).await;
        let reply = admin
            .call(
                "/api/admin/accounts/create",
                &[
                    ("email", "laat@wijk.nl"),
                    ("display_name", "Te Laat"),
                    ("role", "bestuurder"),
                ],
            )
            .await;
        let token = link_token(reply.headers["location"].to_str().unwrap());
        let link = setup_link::Entity::find().one(db).await.unwrap().unwrap();
        setup_link::ActiveModel {
            id: Set(link.id),
            expires_at: Set(chrono::Utc::now() - chrono::Duration::minutes(1)),
            ..Default::default()
        }
        .update(db)
        .await
        .unwrap();
        let reply = Client::new(db)
            .call(
                "/api/account/setup",
                &[
                    ("token", &token),
                    ("password", "koffie bij de huisarts"),
                    ("password_repeat", "koffie bij de huisarts"),
                ],
            )
            .await;
        assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(reply.body.contains("verlopen"));
        let account = account::Entity::find()
            .filter(account::Column::Email.eq("laat@wijk.nl"))
            .one(db)
            .await
            .unwrap()
            .unwrap();
        assert!(account.password_hash.is_none());
        t.cleanup().await;
    }
);

on_both_backends!(
    deactivating_ends_sessions_and_logins,
    |backend: Backend| async move {
        let Some(t) = TestDb::with_demo(backend).await else {
            return;
        };
        let db = &t.db;
        let email = "teamlid.ouderen-ondiep@demo.wijkwijs.nl";
        let target = account::Entity::find()
            .filter(account::Column::Email.eq(email))
            .one(db)
            .await
            .unwrap()
            .unwrap();
        let mut member = Client::new(db);
        member.login(email).await;
        let mut admin = beheerder(db).await;

        let reply = admin
            .call(
                "/api/admin/accounts/update",
                &[
                    ("id", &target.id.to_string()),
                    ("display_name", "Nieuwe Naam"),
                    ("role", "bestuurder"),
                ],
            )
            .await;
        assert_eq!(reply.status, StatusCode::OK);
        let audit = audit_event::Entity::find()
            .order_by_desc(audit_event::Column::Id)
            .one(db)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(audit.action, "account-wijzigen");
        assert!(audit.before.unwrap().contains("\"professional\""));
        assert!(audit.after.unwrap().contains("\"bestuurder\""));

        let reply = admin
            .call(
                "/api/admin/accounts/active",
                &[("id", &target.id.to_string()), ("active", "false")],
            )
            .await;
        assert_eq!(reply.status, StatusCode::OK);
        let sessions = session::Entity::find()
            .filter(session::Column::AccountId.eq(target.id))
            .count(db)
            .await
            .unwrap();
        assert_eq!(sessions, 0);
        assert_eq!(member.get("/").await.status, StatusCode::SEE_OTHER);
        let reply = Client::new(db)
            .call(
                "/api/account/login",
                &[("email", email), ("password", server::demo::DEMO_PASSWORD)],
            )
            .await;
        assert_eq!(
            reply.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "a deactivated account cannot log in"
        );
        t.cleanup().await;
    }
);

on_both_backends!(
    the_audit_log_filters_and_exports,
    |backend: Backend| async move {
        let Some(t) = TestDb::with_demo(backend).await else {
            return;
        };
        let db = &t.db;
        let mut wrong = Client::new(db);
        wrong
            .call(
                "/api/account/login",
                &[
                    ("email", "=cmd|evil@demo.wijkwijs.nl"),
                    ("password", "fout fout fout"),
                ],
            )
            .await;
        let mut admin = beheerder(db).await;

        let reply = admin
            .call(
                "/api/admin/audit",
                &[
                    ("filter[actor]", "cmd"),
                    ("filter[action]", "inloggen"),
                    ("filter[outcome]", "mislukt"),
                    ("filter[from]", ""),
                    ("filter[to]", ""),
                ],
            )
            .await;
        assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
        assert!(reply.body.contains("=cmd|evil@demo.wijkwijs.nl"));
        let reply = admin
            .call(
                "/api/admin/audit",
                &[
                    ("filter[actor]", ""),
                    ("filter[action]", "bestaat-niet"),
                    ("filter[outcome]", ""),
                    ("filter[from]", ""),
                    ("filter[to]", ""),
                ],
            )
            .await;
        assert_eq!(reply.body, "[]");

        let csv = admin
            .get("/beheer/auditlog.csv?actor=cmd&action=&outcome=mislukt&from=&to=")
            .await;
        assert_eq!(csv.status, StatusCode::OK);
        assert!(csv.headers["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/csv"));
        assert_eq!(
            csv.headers["content-disposition"],
            "attachment; filename=\"auditlog.csv\""
        );
        // RFC 4180, read back with the csv crate (which skips the BOM).
        let mut reader = csv::Reader::from_reader(csv.body.as_bytes());
        let headers: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
        assert_eq!(
            headers,
            [
                "tijdstip",
                "wie",
                "actie",
                "object",
                "resultaat",
                "adres",
                "voor",
                "na"
            ]
        );
        let records: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
        assert_eq!(records.len(), 1, "{records:?}");
        assert_eq!(
            &records[0][1], "'=cmd|evil@demo.wijkwijs.nl",
            "formula neutralised"
        );
        assert_eq!(&records[0][2], "inloggen");

        let mut teamlid = Client::new(db);
        teamlid
            .session_for(db, "teamlid.jeugd-zuilen@demo.wijkwijs.nl")
            .await;
        assert_eq!(
            teamlid.get("/beheer/auditlog.csv").await.status,
            StatusCode::FORBIDDEN
        );
        let exported = audit_event::Entity::find()
            .filter(audit_event::Column::Action.eq("auditlog-exporteren"))
            .count(db)
            .await
            .unwrap();
        assert_eq!(exported, 1);
        t.cleanup().await;
    }
);

on_both_backends!(
    the_structure_is_kept_by_beheerders,
    |backend: Backend| async move {
        use app::store::entity::{gemeente, team, wijk};
        let Some(t) = TestDb::with_demo(backend).await else {
            return;
        };
        let db = &t.db;
        let mut admin = beheerder(db).await;

        let reply = admin
            .call(
                "/api/admin/gemeente/save",
                &[("cbs_code", "GM307"), ("name", "")],
            )
            .await;
        assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(reply.body.contains("CBS-gemeentecode") && reply.body.contains("Vul een naam in"));
        let reply = admin
            .call(
                "/api/admin/gemeente/save",
                &[("cbs_code", "GM0344"), ("name", "Nog een Utrecht")],
            )
            .await;
        assert!(reply.body.contains("al een gemeente met deze code"));
        let count = gemeente::Entity::find().count(db).await.unwrap();

        let reply = admin
            .call(
                "/api/admin/gemeente/save",
                &[("cbs_code", "GM0307"), ("name", "Amersfoort")],
            )
            .await;
        assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
        assert_eq!(gemeente::Entity::find().count(db).await.unwrap(), count + 1);
        let amersfoort = gemeente::Entity::find()
            .filter(gemeente::Column::CbsCode.eq("GM0307"))
            .one(db)
            .await
            .unwrap()
            .unwrap();

        let reply = admin
            .call(
                "/api/admin/wijk/save",
                &[
                    ("gemeente_id", &amersfoort.id.to_string()),
                    ("cbs_code", "WK030701"),
                    ("name", "Kruiskamp"),
                ],
            )
            .await;
        assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
        let kruiskamp = wijk::Entity::find()
            .filter(wijk::Column::CbsCode.eq("WK030701"))
            .one(db)
            .await
            .unwrap()
            .unwrap();
        let reply = admin
            .call(
                "/api/admin/team/save",
                &[
                    ("wijk_id", &kruiskamp.id.to_string()),
                    ("name", "Jeugd Kruiskamp"),
                    ("doelgroep", "jeugd"),
                ],
            )
            .await;
        assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
        let kruiskamp_team = support::team_named(db, "Jeugd Kruiskamp").await;

        // Editing keeps the id and audits before and after.
        let reply = admin
            .call(
                "/api/admin/team/save",
                &[
                    ("id", &kruiskamp_team.id.to_string()),
                    ("wijk_id", &kruiskamp.id.to_string()),
                    ("name", "Jeugd en Gezin Kruiskamp"),
                    ("doelgroep", "jeugd"),
                ],
            )
            .await;
        assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
        let renamed = team::Entity::find_by_id(kruiskamp_team.id)
            .one(db)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(renamed.name, "Jeugd en Gezin Kruiskamp");
        let audit = audit_event::Entity::find()
            .order_by_desc(audit_event::Column::Id)
            .one(db)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(audit.action, "team-wijzigen");
        assert!(audit.before.unwrap().contains("Jeugd Kruiskamp"));
        assert!(audit.after.unwrap().contains("Jeugd en Gezin Kruiskamp"));

        let reply = admin
            .call(
                "/api/admin/organisation/save",
                &[
                    ("name", "Huisartsenpraktijk De Linde"),
                    ("sector", "huisartsenzorg"),
                ],
            )
            .await;
        assert!(reply.body.contains("al een organisatie"));
        let reply = admin
            .call(
                "/api/admin/organisation/save",
                &[("name", "Bibliotheek Kruiskamp"), ("sector", "onbekend")],
            )
            .await;
        assert!(reply.body.contains("Kies een sector"));

        let page = admin
            .get(&format!("/beheer/structuur?bewerk=team-{}", renamed.id))
            .await;
        assert_eq!(page.status, StatusCode::OK);
        assert!(
            page.body.contains("value=\"Jeugd en Gezin Kruiskamp\""),
            "the edit form is filled in"
        );
        t.cleanup().await;
    }
);
