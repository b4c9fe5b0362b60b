//! The binary's operator experience: bad configuration ends with one clear
//! error line and a failing exit code, never a panic.

mod support;

use std::process::Output;
use support::{wijkwijs, Backend};

/// The last line of stderr, after checking it is the only error line.
fn error_line(output: &Output) -> String {
    assert!(!output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(!stderr.contains("panicked"), "{stderr}");
    let errors: Vec<&str> = stderr
        .lines()
        .filter(|l| l.starts_with("wijkwijs: error:"))
        .collect();
    assert_eq!(errors.len(), 1, "{stderr}");
    errors[0].to_string()
}

#[test]
fn unreachable_database_is_one_clear_line() {
    let output = wijkwijs(
        &["migrate"],
        &[(
            "DATABASE_URL",
            "postgres://wijk:geheim@127.0.0.1:9/wijkwijs",
        )],
        "",
    );
    let line = error_line(&output);
    assert!(
        line.contains("cannot connect to the database at postgres://wijk:***@127.0.0.1:9/wijkwijs"),
        "{line}"
    );
    assert!(!line.contains("geheim"));
}

#[tokio::test]
async fn port_in_use_is_one_clear_line() {
    let (url, cleanup) = support::empty_url(Backend::Sqlite).await.unwrap();
    let taken = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = taken.local_addr().unwrap().to_string();
    let output = wijkwijs(
        &["serve"],
        &[("DATABASE_URL", &url), ("WIJKWIJS_ADDR", &addr)],
        "",
    );
    let line = error_line(&output);
    assert!(line.contains(&format!("cannot listen on {addr}")), "{line}");
    assert!(line.contains("in use"), "{line}");
    cleanup.run().await;
}

#[tokio::test]
async fn user_create_makes_a_beheerder_and_refuses_short_passwords() {
    let (url, cleanup) = support::empty_url(Backend::Sqlite).await.unwrap();
    let env = [("DATABASE_URL", url.as_str())];
    let args = [
        "user",
        "create",
        "--email",
        "beheer@wijk.nl",
        "--name",
        "Eerste Beheerder",
    ];

    let line = error_line(&wijkwijs(&args, &env, "kort\n"));
    assert!(line.contains("minstens 12 tekens"), "{line}");

    let output = wijkwijs(&args, &env, "een lang genoeg wachtwoord\n");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );

    let db = server::db::connect(&url).await.unwrap();
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
    let account = app::store::entity::account::Entity::find()
        .filter(app::store::entity::account::Column::Email.eq("beheer@wijk.nl"))
        .one(&db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(account.role, "beheerder");
    assert!(account.password_hash.unwrap().starts_with("$argon2id$"));

    // A second account with the same e-mail is refused, not duplicated.
    let line = error_line(&wijkwijs(&args, &env, "een lang genoeg wachtwoord\n"));
    assert!(
        line.contains("cannot create the account beheer@wijk.nl"),
        "{line}"
    );
    db.close().await.ok();
    cleanup.run().await;
}
