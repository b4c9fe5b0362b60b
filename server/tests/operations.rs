//! The operator's side, on SQLite and PostgreSQL: the account commands of
//! the `wijkwijs` binary (run as a process, the password piped in and
//! never printed, every change audited as the operator) and the clean-up
//! of what is past its retention.

mod support;

use app::store::entity::{account, audit_event, login_throttle, recovery_code, session};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, DatabaseConnection, EntityTrait, PaginatorTrait, QueryFilter,
    QueryOrder, Set,
};
use support::{Backend, Client, TestDb};

const TEAMLID: &str = "teamlid.jeugd-zuilen@demo.wijkwijs.nl";
const NEW_PASSWORD: &str = "Een heel nieuw wachtwoord 2026";

/// Runs `wijkwijs args…` on `url` as the operator "operator-test", with
/// `stdin`; (exit ok, stdout, stderr).
fn wijkwijs(url: &str, args: &[&str], stdin: &str) -> (bool, String, String) {
    let env = [
        ("DATABASE_URL", url),
        ("USER", "operator-test"),
        ("SUDO_USER", ""),
    ];
    let out = support::wijkwijs(args, &env, stdin);
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

async fn account_of(db: &DatabaseConnection, email: &str) -> account::Model {
    account::Entity::find()
        .filter(account::Column::Email.eq(email))
        .one(db)
        .await
        .unwrap()
        .unwrap()
}

async fn last_audit(db: &DatabaseConnection) -> audit_event::Model {
    audit_event::Entity::find()
        .order_by_desc(audit_event::Column::Id)
        .one(db)
        .await
        .unwrap()
        .unwrap()
}

async fn sessions_of(db: &DatabaseConnection, account_id: i32) -> u64 {
    session::Entity::find()
        .filter(session::Column::AccountId.eq(account_id))
        .count(db)
        .await
        .unwrap()
}

on_both_backends!(
    the_operator_recovers_accounts_from_the_command_line,
    |backend: Backend| async move {
        let Some(t) = TestDb::with_demo(backend).await else {
            return;
        };
        let (db, url) = (&t.db, t.url.clone());
        let operator = "beheer via de commandoregel (operator-test)";

        // A new beheerder, the password piped in and never printed.
        let (ok, out, err) = wijkwijs(
            &url,
            &[
                "user",
                "create",
                "--email",
                "ops@gemeente.test",
                "--name",
                "Ops",
            ],
            &format!("{NEW_PASSWORD}\n"),
        );
        assert!(ok, "{err}");
        assert!(!out.contains(NEW_PASSWORD) && !err.contains(NEW_PASSWORD));
        assert_eq!(account_of(db, "ops@gemeente.test").await.role, "beheerder");
        let audited = last_audit(db).await;
        assert_eq!(
            (audited.action.as_str(), audited.actor.as_str()),
            ("account-aanmaken", operator)
        );

        // A forgotten password: a new one, and every session ends.
        let member = account_of(db, TEAMLID).await;
        Client::signed_in(db, TEAMLID).await;
        assert_eq!(sessions_of(db, member.id).await, 1);
        let (ok, out, err) = wijkwijs(
            &url,
            &["user", "reset-password", "--email", TEAMLID],
            &format!("{NEW_PASSWORD}\n"),
        );
        assert!(ok, "{err}");
        assert!(!out.contains(NEW_PASSWORD) && !err.contains(NEW_PASSWORD));
        assert_eq!(sessions_of(db, member.id).await, 0);
        assert_eq!(last_audit(db).await.action, "wachtwoord-herstellen");
        let mut client = Client::new(db);
        let login = client
            .call(
                "/api/account/login",
                &[("email", TEAMLID), ("password", NEW_PASSWORD)],
            )
            .await;
        assert_eq!(login.status, axum::http::StatusCode::OK, "{}", login.body);

        // A password the rules refuse changes nothing.
        let before = account_of(db, TEAMLID).await.password_hash;
        let (ok, _, err) = wijkwijs(
            &url,
            &["user", "reset-password", "--email", TEAMLID],
            "kort\n",
        );
        assert!(!ok);
        assert_eq!(
            err.lines()
                .filter(|l| l.starts_with("wijkwijs: error:"))
                .count(),
            1,
            "{err}"
        );
        assert_eq!(account_of(db, TEAMLID).await.password_hash, before);

        // A lost phone: two-factor login off, its codes gone.
        let mut with_totp: account::ActiveModel =
            account_of(db, "beheerder@demo.wijkwijs.nl").await.into();
        with_totp.totp_enabled = Set(true);
        with_totp.totp_secret = Set(Some("JBSWY3DPEHPK3PXP".into()));
        let with_totp = with_totp.update(db).await.unwrap();
        recovery_code::ActiveModel {
            account_id: Set(with_totp.id),
            code_hash: Set("ab".repeat(32)),
            used_at: Set(None),
            ..Default::default()
        }
        .insert(db)
        .await
        .unwrap();
        let (ok, _, err) = wijkwijs(
            &url,
            &["user", "reset-two-factor", "--email", &with_totp.email],
            "",
        );
        assert!(ok, "{err}");
        let reset = account_of(db, &with_totp.email).await;
        assert!(!reset.totp_enabled && reset.totp_secret.is_none());
        let codes = recovery_code::Entity::find()
            .filter(recovery_code::Column::AccountId.eq(reset.id))
            .count(db)
            .await
            .unwrap();
        assert_eq!(codes, 0);
        assert_eq!(last_audit(db).await.action, "tweestaps-herstellen");

        // Deactivated: no login, no sessions.
        Client::signed_in(db, TEAMLID).await;
        let (ok, _, err) = wijkwijs(&url, &["user", "deactivate", "--email", TEAMLID], "");
        assert!(ok, "{err}");
        assert!(!account_of(db, TEAMLID).await.active);
        assert_eq!(sessions_of(db, member.id).await, 0);

        // The list, itself audited; an unknown account is one clear error.
        let (ok, out, err) = wijkwijs(&url, &["user", "list"], "");
        assert!(ok, "{err}");
        assert!(
            out.contains(&format!("{TEAMLID}\tprofessional\tnee\tnee\t1\t")),
            "{out}"
        );
        assert!(out.contains("ops@gemeente.test\tbeheerder\tja"), "{out}");
        assert_eq!(last_audit(db).await.action, "accounts-bekijken");
        let (ok, _, err) = wijkwijs(
            &url,
            &["user", "deactivate", "--email", "niemand@x.test"],
            "",
        );
        assert!(!ok);
        assert!(
            err.contains("wijkwijs: error: there is no account niemand@x.test"),
            "{err}"
        );
        t.cleanup().await;
    }
);

on_both_backends!(
    what_is_past_its_retention_is_removed_and_the_removal_audited,
    |backend: Backend| async move {
        let Some(t) = TestDb::with_demo(backend).await else {
            return;
        };
        let db = &t.db;
        let now = chrono::Utc::now();
        let hours = |h: i64| now - chrono::Duration::hours(h);
        let member = account_of(db, TEAMLID).await;
        for (token, created, seen) in [
            ("dood-idle", hours(3), hours(2)),
            ("dood-oud", hours(13), hours(0)),
            ("levend", hours(1), hours(0)),
        ] {
            session::ActiveModel {
                token_hash: Set(token.to_string()),
                account_id: Set(member.id),
                second_factor_pending: Set(false),
                client_addr: Set("192.0.2.1".into()),
                created_at: Set(created),
                last_seen_at: Set(seen),
                ..Default::default()
            }
            .insert(db)
            .await
            .unwrap();
        }
        for (key, at) in [("addr:oud", hours(2)), ("addr:recent", hours(0))] {
            login_throttle::ActiveModel {
                key: Set(key.into()),
                failures: Set(3),
                last_failure_at: Set(at),
                ..Default::default()
            }
            .insert(db)
            .await
            .unwrap();
        }
        let entries = audit_event::Entity::find().count(db).await.unwrap();
        audit_event::ActiveModel {
            at: Set(now - chrono::Duration::days(40)),
            actor_account_id: Set(Some(member.id)),
            actor: Set(TEAMLID.into()),
            action: Set("inloggen".into()),
            object_type: Set("sessie".into()),
            object_id: Set(None),
            outcome: Set("ok".into()),
            client_addr: Set("192.0.2.1".into()),
            before: Set(None),
            after: Set(None),
            ..Default::default()
        }
        .insert(db)
        .await
        .unwrap();

        // Kept for ever: only the dead sessions and the stale throttle go.
        let removed = server::upkeep::clean(db, now, 0).await.unwrap();
        assert_eq!(
            (removed.sessions, removed.throttles, removed.audit_entries),
            (2, 1, 0)
        );
        let left: Vec<String> = session::Entity::find()
            .all(db)
            .await
            .unwrap()
            .into_iter()
            .map(|s| s.token_hash)
            .collect();
        assert_eq!(left, ["levend"]);
        let keys: Vec<String> = login_throttle::Entity::find()
            .all(db)
            .await
            .unwrap()
            .into_iter()
            .map(|s| s.key)
            .collect();
        assert_eq!(keys, ["addr:recent"]);
        assert_eq!(
            audit_event::Entity::find().count(db).await.unwrap(),
            entries + 1
        );

        // Thirty days: the old entry goes, and its removal is the log's last.
        let removed = server::upkeep::clean(db, now, 30).await.unwrap();
        assert_eq!(removed.audit_entries, 1);
        assert_eq!(
            audit_event::Entity::find().count(db).await.unwrap(),
            entries + 1
        );
        let pruned = last_audit(db).await;
        assert_eq!(pruned.action, "auditlog-opschonen");
        assert_eq!(pruned.actor, "systeem (bewaartermijn)");
        assert!(pruned.after.unwrap().contains("\"verwijderd\":1"));
        // Nothing more to remove: no entry about nothing.
        assert_eq!(
            server::upkeep::clean(db, now, 30).await.unwrap(),
            server::upkeep::Removed::default()
        );
        assert_eq!(
            audit_event::Entity::find().count(db).await.unwrap(),
            entries + 1
        );
        t.cleanup().await;
    }
);
