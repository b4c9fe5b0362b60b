//! English beside Dutch, over HTTP on SQLite and PostgreSQL: the language
//! follows the browser, then the switch (a cookie before login, the
//! account's choice after), and reaches every part of an answer — the
//! page, its figures and months, a refused field, a chart, a kept page.

mod support;

use app::store::entity::{account, audit_event};
use axum::http::StatusCode;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};
use support::{Backend, Client, TestDb};

const TEAMLID: &str = "teamlid.jeugd-zuilen@demo.wijkwijs.nl";

/// The page's `<html lang>`.
fn html_lang(page: &str) -> &str {
    let start = page.find("<html lang=\"").expect("an html element") + "<html lang=\"".len();
    &page[start..start + page[start..].find('"').unwrap()]
}

/// A GET with an `Accept-Language` header.
async fn get_in(client: &mut Client, path: &str, accept_language: &str) -> support::Reply {
    let request = axum::http::Request::get(path).header("accept-language", accept_language);
    client.send(request, String::new()).await
}

on_both_backends!(
    the_browser_language_and_the_switch_choose_before_login,
    |backend: Backend| async move {
        let Some(t) = TestDb::with_demo(backend).await else {
            return;
        };
        let mut visitor = Client::new(&t.db);
        let dutch = visitor.get("/inloggen").await.body;
        assert_eq!(html_lang(&dutch), "nl");
        assert!(dutch.contains("Log in met het e-mailadres"));

        let english = get_in(&mut visitor, "/inloggen", "en-GB,en;q=0.9")
            .await
            .body;
        assert_eq!(html_lang(&english), "en");
        assert!(
            english.contains("Log in with the email address"),
            "{english}"
        );
        assert!(
            english.contains(">Nederlands</button>"),
            "the switch offers Dutch"
        );

        // The switch (a plain form post) keeps the choice in a cookie and
        // returns to the page it was on.
        let switched = visitor
            .post_form(
                "/api/language",
                "/inloggen",
                &[("language", "en"), ("back", "/inloggen?volgende=%2Fzoeken")],
            )
            .await;
        assert!(switched.status.is_redirection(), "{}", switched.status);
        assert_eq!(switched.headers["location"], "/inloggen?volgende=%2Fzoeken");
        let page = visitor.get("/inloggen").await.body;
        assert_eq!(html_lang(&page), "en");
        // The cookie wins over the browser's own preference.
        let page = get_in(&mut visitor, "/inloggen", "nl-NL").await.body;
        assert_eq!(html_lang(&page), "en");

        // An unknown language is refused and changes nothing.
        let refused = visitor
            .call("/api/language", &[("language", "xx"), ("back", "/")])
            .await;
        assert_eq!(refused.status, StatusCode::BAD_REQUEST);
        assert_eq!(html_lang(&visitor.get("/inloggen").await.body), "en");
        // Somewhere else to return to than this site is not followed.
        let away = visitor
            .call(
                "/api/language",
                &[("language", "nl"), ("back", "//elders.test/")],
            )
            .await;
        assert_eq!(away.status, StatusCode::OK, "{}", away.body);
        assert_eq!(html_lang(&visitor.get("/inloggen").await.body), "nl");
        t.cleanup().await;
    }
);

on_both_backends!(
    an_account_keeps_its_language_and_every_part_of_a_page_speaks_it,
    |backend: Backend| async move {
        let Some(t) = TestDb::with_demo(backend).await else {
            return;
        };
        let db = &t.db;
        let team = support::team_named(db, "Jeugd Zuilen").await.id;
        let other = support::team_named(db, "Jeugd Ondiep").await.id;
        let mut member = Client::signed_in(db, TEAMLID).await;
        // A Dutch page first, so the kept values are Dutch ones.
        let dutch = member.get(&format!("/teams/{team}/resultaten")).await.body;
        assert_eq!(html_lang(&dutch), "nl");
        assert!(dutch.contains("okt 2026"), "Dutch months");
        let what_works = member.get("/wat-werkt").await.body;
        assert!(what_works.contains("<h1>Wat werkt</h1>"), "{what_works}");

        let chosen = member
            .call(
                "/api/language",
                &[("language", "en"), ("back", "/wat-werkt")],
            )
            .await;
        assert_eq!(chosen.status, StatusCode::OK, "{}", chosen.body);
        let account = account::Entity::find()
            .filter(account::Column::Email.eq(TEAMLID))
            .one(db)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(account.language.as_deref(), Some("en"));
        let audited = audit_event::Entity::find()
            .filter(audit_event::Column::Action.eq("taal-kiezen"))
            .order_by_desc(audit_event::Column::Id)
            .one(db)
            .await
            .unwrap()
            .expect("the choice is audited");
        assert_eq!(audited.actor, TEAMLID);
        assert_eq!(audited.after.as_deref(), Some(r#"{"taal":"en"}"#));

        // A new session without the cookie, in a Dutch browser: the
        // account's choice holds.
        let mut again = Client::signed_in(db, TEAMLID).await;
        let page = get_in(&mut again, &format!("/teams/{team}/resultaten"), "nl")
            .await
            .body;
        assert_eq!(html_lang(&page), "en");
        assert!(page.contains("Oct 2026"), "English months");
        assert!(!page.contains("okt 2026"), "no Dutch month left");
        let what_works = again.get("/wat-werkt").await.body;
        assert!(
            what_works.contains("<h1>What works</h1>"),
            "kept per language"
        );

        // A refused field says why in English.
        let asked = again
            .call(
                "/api/team/message",
                &[
                    ("to_team_id", &other.to_string()),
                    ("team_id", &team.to_string()),
                    ("body", ""),
                ],
            )
            .await;
        assert_eq!(asked.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(asked.body.contains("Fill in this field."), "{}", asked.body);

        // A chart's title and text alternative too.
        let chart = again.get("/grafieken/verspreiding.svg").await;
        assert_eq!(chart.status, StatusCode::OK);
        assert!(chart.body.contains("How lessons and agreements spread"));
        let mut bestuurder = Client::signed_in(db, "bestuurder@demo.wijkwijs.nl").await;
        let chart = bestuurder.get("/grafieken/verspreiding.svg").await;
        assert!(chart.body.contains(shared::i18n::Text::SpreadTitle.nl()));
        t.cleanup().await;
    }
);
