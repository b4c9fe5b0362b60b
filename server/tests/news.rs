//! What is new for a member, over HTTP on SQLite and PostgreSQL: a question
//! from another team shows in the team's news and as a count beside
//! "Mijn team" in the header, until the member marks it seen.

mod support;

use axum::http::StatusCode;
use support::{Backend, Client, TestDb};

const TEAMLID: &str = "teamlid.jeugd-zuilen@demo.wijkwijs.nl";
const OTHER: &str = "teamlid.jeugd-ondiep@demo.wijkwijs.nl";

/// The header's count beside "Mijn team", if any.
fn header_count(page: &str) -> Option<String> {
    let header = &page[..page.find("</header>").expect("a site header")];
    let start = header.find("class=\"count\">")? + "class=\"count\">".len();
    Some(header[start..start + header[start..].find('<')?].to_string())
}

on_both_backends!(
    a_question_is_news_until_the_member_marks_it_seen,
    |backend: Backend| async move {
        let Some(t) = TestDb::with_demo(backend).await else {
            return;
        };
        let db = &t.db;
        let own = support::team_named(db, "Jeugd Zuilen").await.id.to_string();
        let other = support::team_named(db, "Jeugd Ondiep").await.id.to_string();
        let team_page = format!("/teams/{own}");
        let mut member = Client::signed_in(db, TEAMLID).await;
        let seen = member.call("/api/news/seen", &[("team_id", &own)]).await;
        assert_eq!(seen.status, StatusCode::OK, "{}", seen.body);
        let news = member.call("/api/news/team", &[("team_id", &own)]).await;
        assert!(news.body.contains("\"items\":[]"), "{}", news.body);
        assert_eq!(header_count(&member.get(&team_page).await.body), None);

        let mut asker = Client::signed_in(db, OTHER).await;
        let question = [
            ("to_team_id", own.as_str()),
            ("team_id", other.as_str()),
            ("body", "Hoe plannen jullie het casusoverleg?"),
        ];
        let asked = asker.call("/api/team/message", &question).await;
        assert_eq!(asked.status, StatusCode::OK, "{}", asked.body);

        let news = member.call("/api/news/team", &[("team_id", &own)]).await;
        assert!(news.body.contains("\"kind\":\"Question\""), "{}", news.body);
        assert!(
            news.body.contains("\"by\":\"Jeugd Ondiep\""),
            "{}",
            news.body
        );
        let page = member.get(&team_page).await.body;
        assert_eq!(header_count(&page).as_deref(), Some("1"));
        assert!(page.contains("Vraag van Jeugd Ondiep"));
        // The asking team has no news of it, and cannot read the other's.
        assert_eq!(header_count(&asker.get("/").await.body), None);
        let refused = asker.call("/api/news/team", &[("team_id", &own)]).await;
        assert_eq!(refused.status, StatusCode::FORBIDDEN);

        let seen = member.call("/api/news/seen", &[("team_id", &own)]).await;
        assert_eq!(seen.status, StatusCode::OK);
        let news = member.call("/api/news/team", &[("team_id", &own)]).await;
        assert!(news.body.contains("\"items\":[]"), "{}", news.body);
        assert_eq!(header_count(&member.get(&team_page).await.body), None);
        t.cleanup().await;
    }
);
