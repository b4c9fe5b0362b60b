//! Looking beyond one team, over HTTP on SQLite and PostgreSQL: run charts
//! (only for logged-in users, identical bytes with ETag validation,
//! suppressed as the team page is), a wijk's weighted totals, comparisons in
//! a funnel, and Wat werkt — each checked against values computed here from
//! the stored records.

mod support;

use app::store::entity::team;
use axum::http::StatusCode;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use support::{Backend, Client, TestDb};

on_both_backends!(
    a_run_chart_is_stable_validated_and_suppressed,
    |backend: Backend| async move {
        let Some(t) = TestDb::with_demo(backend).await else {
            return;
        };
        let db = &t.db;
        let ggz = support::team_named(db, "GGZ Oosterpark").await;
        let path = format!("/grafieken/teams/{}/verder-zonder-hulp.svg", ggz.id);

        let mut anonymous = Client::new(db);
        let reply = anonymous.get(&path).await;
        assert_ne!(reply.status, StatusCode::OK, "no chart without logging in");
        assert!(!reply.body.contains("<svg"));

        let mut member = Client::new(db);
        member
            .session_for(db, "teamlid.ggz-oosterpark@demo.wijkwijs.nl")
            .await;
        let first = member.get(&path).await;
        assert_eq!(first.status, StatusCode::OK);
        assert_eq!(
            first.headers["content-type"],
            "image/svg+xml; charset=utf-8"
        );
        assert!(first.body.starts_with("<svg") && first.body.contains("<title id=\"titel\">"));
        let second = member.get(&path).await;
        assert_eq!(first.body, second.body, "byte-identical");
        let etag = first.headers["etag"].to_str().unwrap().to_string();
        assert_eq!(second.headers["etag"].to_str().unwrap(), etag);
        let request = axum::http::Request::get(&path).header("if-none-match", etag.as_str());
        let cached = member.send(request, String::new()).await;
        assert_eq!(cached.status, StatusCode::NOT_MODIFIED);
        assert!(cached.body.is_empty());

        // Outside the team, months with fewer than 10 ended clients are
        // left out: the chart differs and says so in its description.
        let mut outsider = Client::new(db);
        outsider
            .session_for(db, "teamlid.jeugd-zuilen@demo.wijkwijs.nl")
            .await;
        let outside = outsider.get(&path).await;
        assert_eq!(outside.status, StatusCode::OK);
        assert_ne!(outside.body, first.body);
        let own = member
            .call("/api/network/team", &[("team_id", &ggz.id.to_string())])
            .await
            .body;
        assert!(own.contains("\"measure\":\"WithoutHelp\""), "{own}");

        // The sparkline: the last months only, on a given scale.
        let spark = member
            .get(&format!(
                "/grafieken/teams/{}/verder-zonder-hulp-lijn.svg?van=0&tot=1&maanden=6",
                ggz.id
            ))
            .await;
        assert_eq!(spark.status, StatusCode::OK);
        assert!(spark.body.starts_with("<svg") && spark.body.contains("width=\"160\""));
        assert_ne!(spark.body, first.body);

        let unknown = member
            .get(&format!("/grafieken/teams/{}/onbekend.svg", ggz.id))
            .await;
        assert_eq!(unknown.status, StatusCode::NOT_FOUND);
        t.cleanup().await;
    }
);

on_both_backends!(
    a_wijk_adds_its_teams_up_weighted,
    |backend: Backend| async move {
        use app::store::entity::{outcome_period, wijk};
        let Some(t) = TestDb::with_demo(backend).await else {
            return;
        };
        let db = &t.db;
        let ondiep = wijk::Entity::find()
            .filter(wijk::Column::Name.eq("Zuilen Ondiep"))
            .one(db)
            .await
            .unwrap()
            .unwrap();
        let teams: Vec<i32> = team::Entity::find()
            .filter(team::Column::WijkId.eq(ondiep.id))
            .all(db)
            .await
            .unwrap()
            .into_iter()
            .map(|t| t.id)
            .collect();
        assert_eq!(teams.len(), 7);
        // The wijk's share without help in its latest month, recomputed here
        // from the stored counts of the teams that show it (ten or more
        // ended).
        let rows = outcome_period::Entity::find()
            .filter(outcome_period::Column::TeamId.is_in(teams))
            .filter(outcome_period::Column::Month.eq("2026-10"))
            .all(db)
            .await
            .unwrap();
        let (without, ended): (i32, i32) = rows
            .iter()
            .filter(|r| r.ended >= 10)
            .fold((0, 0), |(w, e), r| (w + r.without_help, e + r.ended));
        let expected = f64::from(without) / f64::from(ended);

        let mut viewer = Client::new(db);
        viewer.session_for(db, "bestuurder@demo.wijkwijs.nl").await;
        let page = viewer
            .call("/api/network/wijk", &[("wijk_id", &ondiep.id.to_string())])
            .await;
        assert_eq!(page.status, StatusCode::OK);
        let page: serde_json::Value = serde_json::from_str(&page.body).unwrap();
        assert_eq!(page["teams"].as_array().unwrap().len(), 7);
        let share = page["charts"]
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["measure"] == "WithoutHelp")
            .unwrap()["points"]
            .as_array()
            .unwrap()
            .last()
            .unwrap()["figure"]["Value"]
            .as_f64()
            .unwrap();
        assert!((share - expected).abs() < 1e-9, "{share} vs {expected}");

        let svg = viewer
            .get(&format!(
                "/grafieken/wijken/{}/verder-zonder-hulp.svg",
                ondiep.id
            ))
            .await;
        assert_eq!(svg.status, StatusCode::OK);
        assert!(svg.body.contains("Zuilen Ondiep"));
        let html = viewer.get(&format!("/wijken/{}", ondiep.id)).await;
        assert_eq!(html.status, StatusCode::OK);
        assert!(html.body.contains("Jeugd Zuilen") && html.body.contains("Ouderen Ondiep"));
        t.cleanup().await;
    }
);

on_both_backends!(
    a_comparison_places_teams_in_a_funnel_not_a_ranking,
    |backend: Backend| async move {
        use app::store::entity::outcome_period;
        let Some(t) = TestDb::with_demo(backend).await else {
            return;
        };
        let db = &t.db;
        let jeugd: Vec<i32> = team::Entity::find()
            .filter(team::Column::Doelgroep.eq("jeugd"))
            .all(db)
            .await
            .unwrap()
            .into_iter()
            .map(|t| t.id)
            .collect();
        // All jeugd teams' share without help over the last three months,
        // recomputed here from the stored counts of the months that show
        // it (ten or more ended).
        let rows = outcome_period::Entity::find()
            .filter(outcome_period::Column::TeamId.is_in(jeugd.clone()))
            .filter(outcome_period::Column::Month.gte("2026-08"))
            .all(db)
            .await
            .unwrap();
        let (without, ended) = rows
            .iter()
            .filter(|r| r.ended >= 10)
            .fold((0, 0), |(w, e), r| (w + r.without_help, e + r.ended));
        let expected = f64::from(without) / f64::from(ended);

        let mut viewer = Client::new(db);
        viewer.session_for(db, "bestuurder@demo.wijkwijs.nl").await;
        let form = [
            ("measure", "verder-zonder-hulp"),
            ("doelgroep", "jeugd"),
            ("gemeente", ""),
            ("months", "3"),
        ];
        let reply = viewer.call("/api/network/compare", &form).await;
        assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
        let reply: serde_json::Value = serde_json::from_str(&reply.body).unwrap();
        assert_eq!(reply["page"]["number"], 1);
        assert_eq!(
            reply["funnel"]["shown"].as_u64().unwrap() as usize,
            reply["comparison"]["rows"]
                .as_array()
                .unwrap()
                .iter()
                .filter(|r| r["value"] != "Hidden")
                .count()
        );
        let page = &reply["comparison"];
        let centre = page["centre"].as_f64().unwrap();
        assert!((centre - expected).abs() < 1e-9, "{centre} vs {expected}");
        let names: Vec<&str> = page["rows"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r["name"].as_str().unwrap())
            .collect();
        assert_eq!(names.len(), jeugd.len());
        let mut sorted = names.clone();
        sorted.sort();
        assert_eq!(names, sorted, "by name, never by value");
        // The total is made of what the rows show, so no hidden count
        // follows from it by subtraction.
        let shown_cases: f64 = page["rows"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|r| r["cases"]["Value"].as_f64())
            .sum();
        assert_eq!(page["cases"]["Value"].as_f64(), Some(shown_cases), "{page}");
        // A hidden value has no place in the funnel and no count beside it.
        for row in page["rows"].as_array().unwrap() {
            if row["value"] == "Hidden" {
                assert!(
                    row["position"].is_null() && row["cases"] == "Hidden",
                    "{row}"
                );
            }
        }
        let svg = viewer
            .get("/grafieken/vergelijken.svg?maat=verder-zonder-hulp&doelgroep=jeugd&gemeente=&periode=3")
            .await;
        assert_eq!(svg.status, StatusCode::OK);
        assert!(svg.body.starts_with("<svg") && svg.body.contains("Trechterdiagram"));
        let html = viewer
            .get("/vergelijken?maat=wachttijd&doelgroep=ouderen")
            .await;
        assert_eq!(html.status, StatusCode::OK);
        assert!(html.body.contains("Ouderen Ondiep") && !html.body.contains("Jeugd Zuilen"));
        t.cleanup().await;
    }
);

on_both_backends!(
    what_works_lists_the_standouts_and_counts_teams_per_theme,
    |backend: Backend| async move {
        use app::store::entity::agreement;
        use std::collections::BTreeSet;
        let Some(t) = TestDb::with_demo(backend).await else {
            return;
        };
        let db = &t.db;
        let mut viewer = Client::new(db);
        viewer.session_for(db, "bestuurder@demo.wijkwijs.nl").await;
        let reply = viewer.call("/api/network/what-works", &[]).await;
        assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
        let page: serde_json::Value = serde_json::from_str(&reply.body).unwrap();

        // The standouts on the wait are exactly the teams the comparison
        // within their own doelgroep places below its lower limits.
        let mut below: BTreeSet<String> = BTreeSet::new();
        for doelgroep in shared::network::Doelgroep::ALL {
            let compare = viewer
                .call(
                    "/api/network/compare",
                    &[
                        ("measure", "wachttijd"),
                        ("doelgroep", doelgroep.code()),
                        ("gemeente", ""),
                        ("months", "12"),
                    ],
                )
                .await;
            let compare: serde_json::Value = serde_json::from_str(&compare.body).unwrap();
            below.extend(
                compare["comparison"]["rows"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .filter(|r| {
                        matches!(
                            r["position"].as_str(),
                            Some("BelowWarning" | "BelowControl")
                        )
                    })
                    .map(|r| r["name"].as_str().unwrap().to_string()),
            );
        }
        let standouts: BTreeSet<String> = page["standouts"]["shown"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|s| s["measure"] == "Wait")
            .map(|s| s["team"].as_str().unwrap().to_string())
            .collect();
        assert_eq!(standouts, below);

        // Teams with an active communication agreement, counted here.
        let with: BTreeSet<i32> = agreement::Entity::find()
            .filter(agreement::Column::Theme.eq("communicatie"))
            .filter(agreement::Column::Status.eq("actief"))
            .all(db)
            .await
            .unwrap()
            .into_iter()
            .map(|a| a.team_id)
            .collect();
        let theme = page["themes"]
            .as_array()
            .unwrap()
            .iter()
            .find(|a| a["measure"] == "WithoutHelp" && a["theme"] == "Communicatie")
            .unwrap();
        let comparison = &theme["comparison"];
        assert_eq!(
            comparison["with_teams"].as_u64().unwrap() as usize,
            with.len(),
            "{theme}"
        );
        assert_eq!(
            (comparison["with_teams"].as_u64().unwrap()
                + comparison["without_teams"].as_u64().unwrap()) as usize,
            17
        );
        // Half the demo teams shortened their wait after an agreement that
        // started halfway: some theme shows a clear drop around the start.
        let clear_drop = page["themes"].as_array().unwrap().iter().any(|a| {
            a["measure"] == "Wait"
                && a["before_after"]["high"]
                    .as_f64()
                    .is_some_and(|high| high < 0.0)
        });
        assert!(clear_drop, "{}", page["themes"]);
        // Adoptions per month: every adoption of the last two years counted.
        let adoptions = app::store::entity::adoption::Entity::find()
            .all(db)
            .await
            .unwrap()
            .len() as u64;
        let counted: u64 = page["adoptions"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| p[1].as_u64().unwrap())
            .sum();
        assert_eq!(
            (page["adoptions"].as_array().unwrap().len(), counted),
            (24, adoptions)
        );
        let svg = viewer.get("/grafieken/verspreiding.svg").await;
        assert_eq!(svg.status, StatusCode::OK);
        assert!(svg
            .body
            .contains(&format!("Overgenomen in deze twee jaar: {adoptions}")));
        let html = viewer.get("/wat-werkt").await;
        assert_eq!(html.status, StatusCode::OK);
        assert!(
            html.body.contains("Kijk eens in de keuken bij")
                || html.body.contains("Geen team wijkt")
        );
        t.cleanup().await;
    }
);

on_both_backends!(
    search_finds_every_word_without_minding_accents,
    |backend: Backend| async move {
        use app::store::entity::{agreement, lesson};
        let Some(t) = TestDb::with_demo(backend).await else {
            return;
        };
        let db = &t.db;
        let mut viewer = Client::new(db);
        viewer
            .session_for(db, "teamlid.jeugd-zuilen@demo.wijkwijs.nl")
            .await;
        let search = |q: &'static str, kind: &'static str| {
            [
                ("q", q),
                ("kind", kind),
                ("theme", ""),
                ("doelgroep", ""),
                ("wijk", ""),
            ]
        };
        let hits = |body: &str| -> Vec<serde_json::Value> {
            let page: serde_json::Value = serde_json::from_str(body).unwrap();
            page["hits"].as_array().unwrap().clone()
        };
        // Counted here: the demo lessons with this title (the agreement one
        // team adopted from it is left out by the kind filter).
        let expected = lesson::Entity::find()
            .filter(lesson::Column::Title.eq("Huisarts eerder aan tafel"))
            .all(db)
            .await
            .unwrap()
            .len();
        let reply = viewer
            .call("/api/network/search", &search("TAFEL huisarts", "les"))
            .await;
        assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
        let found = hits(&reply.body);
        assert_eq!(found.len(), expected.min(50));
        assert!(found.iter().all(|h| h["lesson"] == true));
        // Accents and case do not matter: "een" finds "één". Counted here
        // by matching every agreement's text in Rust, not in SQL.
        let terms = shared::search::terms("een REGISSEUR");
        let agreements = agreement::Entity::find()
            .all(db)
            .await
            .unwrap()
            .into_iter()
            .filter(|a| {
                let text = shared::search::normalize(&format!("{} {}", a.title, a.body));
                shared::search::matches(&text, &terms)
            })
            .count();
        let reply = viewer
            .call("/api/network/search", &search("een REGISSEUR", "afspraak"))
            .await;
        assert_eq!(hits(&reply.body).len(), agreements.min(50));
        assert!(agreements > 0);
        // Every word must occur.
        let reply = viewer
            .call("/api/network/search", &search("regisseur walvis", ""))
            .await;
        assert!(hits(&reply.body).is_empty());
        // A lesson is found as soon as it is saved, and under its new title.
        let team_id = support::team_named(db, "Jeugd Zuilen").await.id.to_string();
        let save = |title: &'static str, id: Option<String>| {
            let mut form = vec![
                ("team_id", team_id.clone()),
                ("source", "intervisie".to_string()),
                ("title", title.to_string()),
                (
                    "what_happened",
                    "Een zeldzame kwestie met de woningcorporatie.".to_string(),
                ),
                ("what_worked", "Samen bellen.".to_string()),
                ("what_needed", "Een vast aanspreekpunt.".to_string()),
                ("tags", String::new()),
            ];
            if let Some(id) = id {
                form.push(("id", id));
            }
            form
        };
        let form = save("Woningcorporatie aan tafel", None);
        let form: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
        assert_eq!(
            viewer.call("/api/lessons/save", &form).await.status,
            StatusCode::OK
        );
        let reply = viewer
            .call("/api/network/search", &search("woningcorporatie", ""))
            .await;
        let found = hits(&reply.body);
        assert_eq!(found.len(), 1);
        let id = found[0]["id"].as_i64().unwrap().to_string();
        let form = save("Corporatie eerder betrekken", Some(id));
        let form: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
        assert_eq!(
            viewer.call("/api/lessons/save", &form).await.status,
            StatusCode::OK
        );
        let reply = viewer
            .call("/api/network/search", &search("corporatie eerder", "les"))
            .await;
        assert_eq!(hits(&reply.body)[0]["title"], "Corporatie eerder betrekken");
        let html = viewer.get("/zoeken?q=regisseur").await;
        assert_eq!(html.status, StatusCode::OK);
        assert!(
            html.body.contains("één regisseur"),
            "the page lists what was found"
        );
        t.cleanup().await;
    }
);

on_both_backends!(
    kept_views_follow_a_correction_at_once,
    |backend: Backend| async move {
        let Some(t) = TestDb::with_demo(backend).await else {
            return;
        };
        let db = &t.db;
        let team = support::team_named(db, "Jeugd Zuilen").await;
        // One client, so one server process and one cache.
        let mut client = Client::new(db);
        client
            .session_for(db, "teamlid.jeugd-zuilen@demo.wijkwijs.nl")
            .await;
        let compare = [
            ("measure", "wachttijd"),
            ("doelgroep", "jeugd"),
            ("gemeente", ""),
            ("months", "3"),
        ];
        // The team's wait over three months; none while every month has
        // too few clients to show.
        let wait_of_team = |body: &str| -> f64 {
            let page: serde_json::Value = serde_json::from_str(body).unwrap();
            page["comparison"]["rows"]
                .as_array()
                .unwrap()
                .iter()
                .find(|r| r["name"] == "Jeugd Zuilen")
                .unwrap()["value"]["Value"]
                .as_f64()
                .unwrap_or(0.0)
        };
        let before = client.call("/api/network/compare", &compare).await;
        let what_works_before = client.call("/api/network/what-works", &[]).await.body;
        let table = [("gemeente", "")];
        let table_before = client.call("/api/governance/table", &table).await;
        assert_eq!(table_before.status, StatusCode::OK, "{}", table_before.body);
        assert_eq!(
            client.call("/api/governance/table", &table).await.body,
            table_before.body
        );
        let team_id = team.id.to_string();
        let space = [("team_id", team_id.as_str())];
        let space_before = client.call("/api/network/team", &space).await.body;
        let chart = format!("/grafieken/teams/{team_id}/wachttijd.svg");
        let chart_before = client.get(&chart).await;
        assert_eq!(chart_before.status, StatusCode::OK);
        let wijk_id = team.wijk_id.to_string();
        let wijk = [("wijk_id", wijk_id.as_str())];
        let wijk_before = client.call("/api/network/wijk", &wijk).await;
        assert_eq!(wijk_before.status, StatusCode::OK, "{}", wijk_before.body);
        let overview = [("gemeente", "")];
        let overview_before = client.call("/api/network/overview", &overview).await;
        assert_eq!(
            overview_before.status,
            StatusCode::OK,
            "{}",
            overview_before.body
        );
        // Asked again, the same answer (kept).
        assert_eq!(
            client.call("/api/network/compare", &compare).await.body,
            before.body
        );
        assert_eq!(
            client.call("/api/network/overview", &overview).await.body,
            overview_before.body
        );
        assert_eq!(
            client.call("/api/network/wijk", &wijk).await.body,
            wijk_before.body
        );
        correct_latest_wait(&mut client, db, team.id).await;
        let after = client.call("/api/network/compare", &compare).await;
        assert!(
            wait_of_team(&after.body) > wait_of_team(&before.body) + 10.0,
            "{} then {}",
            before.body,
            after.body
        );
        assert_ne!(
            client.call("/api/network/what-works", &[]).await.body,
            what_works_before
        );
        // The bestuurderstafel's wait verdict of the team sees the month.
        assert_ne!(
            client.call("/api/governance/table", &table).await.body,
            table_before.body
        );
        // So does the team's headline in the overview.
        let overview_wait = |body: &str| -> serde_json::Value {
            let page: serde_json::Value = serde_json::from_str(body).unwrap();
            page["gemeenten"]
                .as_array()
                .unwrap()
                .iter()
                .flat_map(|g| g["wijken"].as_array().unwrap())
                .flat_map(|w| w["teams"].as_array().unwrap())
                .find(|t| t["name"] == "Jeugd Zuilen")
                .unwrap()["latest"]["figures"][shared::network::Measure::Wait as usize]
                .clone()
        };
        let overview_after = client.call("/api/network/overview", &overview).await.body;
        assert_ne!(
            overview_wait(&overview_before.body),
            serde_json::json!({"Value": 300.0})
        );
        assert_eq!(
            overview_wait(&overview_after),
            serde_json::json!({"Value": 300.0})
        );
        // And the team's own space and its wijk's page.
        let space_after: serde_json::Value =
            serde_json::from_str(&client.call("/api/network/team", &space).await.body).unwrap();
        let space_before: serde_json::Value = serde_json::from_str(&space_before).unwrap();
        assert_ne!(space_before["latest"], space_after["latest"]);
        assert_eq!(
            space_after["latest"]["figures"][shared::network::Measure::Wait as usize],
            serde_json::json!({"Value": 300.0})
        );
        assert_ne!(
            client.call("/api/network/wijk", &wijk).await.body,
            wijk_before.body
        );
        // So is its run chart, kept apart from the space.
        assert_ne!(client.get(&chart).await.body, chart_before.body);
        t.cleanup().await;
    }
);

/// A month of results for `team_id`, as a team records it.
fn month_of(team_id: i32, month: &str) -> app::store::entity::outcome_period::ActiveModel {
    use sea_orm::Set;
    app::store::entity::outcome_period::ActiveModel {
        team_id: Set(team_id),
        month: Set(month.into()),
        started: Set(12),
        mean_wait_days: Set(Some(9.5)),
        ended: Set(11),
        without_help: Set(7),
        client_grade: Set(Some(7.5)),
        client_responses: Set(6),
        ..Default::default()
    }
}

on_both_backends!(
    the_change_clock_moves_only_what_a_change_can_change,
    |backend: Backend| async move {
        use app::store::audit::{self, Entry, Outcome};
        use app::store::change_clock::{team_count, Fingerprint};
        use sea_orm::{ActiveModelTrait, Set, TransactionTrait};
        let Some(t) = TestDb::with_demo(backend).await else {
            return;
        };
        let db = &t.db;
        let zuilen = support::team_named(db, "Jeugd Zuilen").await;
        let other = team::Entity::find()
            .filter(team::Column::Id.ne(zuilen.id))
            .one(db)
            .await
            .unwrap()
            .unwrap();
        let audited = |action: &'static str, outcome: Outcome| Entry {
            actor_account_id: None,
            actor: "anoniem",
            action,
            object_type: "team",
            object_id: Some(zuilen.id.to_string()),
            outcome,
            client_addr: "127.0.0.1",
            before: None,
            after: None,
        };
        let now = chrono::Utc::now();
        // (every change, the shared ones, Zuilen's own, the other team's)
        let read = || async {
            let print = Fingerprint::read(db).await.unwrap();
            (
                print,
                team_count(db, zuilen.id).await.unwrap(),
                team_count(db, other.id).await.unwrap(),
            )
        };
        let start = read().await;

        // Views, logins, API use and refusals are audited, and change
        // nothing.
        for action in ["bekijken", "inloggen", "api-gebruik", "taal-kiezen"] {
            audit::record(db, audited(action, Outcome::Ok), now)
                .await
                .unwrap();
        }
        audit::record(db, audited("afspraak-wijzigen", Outcome::Refused), now)
            .await
            .unwrap();
        assert_eq!(read().await, start);

        // An audited change of what every page shares moves it all.
        audit::record(db, audited("afspraak-wijzigen", Outcome::Ok), now)
            .await
            .unwrap();
        let shared = read().await;
        assert_ne!(shared.0.all, start.0.all);
        assert_ne!(shared.0.shared, start.0.shared);
        assert_eq!(
            Fingerprint::read(db).await.unwrap(),
            shared.0,
            "read twice, the same"
        );
        assert_eq!((shared.1, shared.2), (start.1, start.2));

        // A month of results, written without an audit entry, moves the
        // network and its team only.
        month_of(zuilen.id, "2019-01").insert(db).await.unwrap();
        let added = read().await;
        assert_ne!(added.0, shared.0);
        assert_ne!(added.1, shared.1);
        assert_eq!(added.2, shared.2);
        assert_eq!(added.0.shared, shared.0.shared, "a team's month is its own");

        // A member added moves that team's pages and the network's.
        audit::record(db, audited("teamlid-toevoegen", Outcome::Ok), now)
            .await
            .unwrap();
        let member = read().await;
        assert_ne!(member.0, added.0);
        assert_eq!(member.0.shared, added.0.shared);
        assert_ne!(member.1, added.1);
        assert_eq!(member.2, added.2);

        // Targets move the network only; saved unchanged, nothing.
        let targets = [(shared::network::Measure::Wait, Some(21.0))];
        app::store::targets::save(db, &targets, None, now)
            .await
            .unwrap();
        let target = read().await;
        assert_ne!(target.0, member.0);
        assert_eq!(target.0.shared, member.0.shared);
        assert_eq!((target.1, target.2), (member.1, member.2));
        app::store::targets::save(db, &targets, None, now)
            .await
            .unwrap();
        assert_eq!(read().await, target);

        // A rolled-back change moves nothing; a team's new name is shared.
        let txn = db.begin().await.unwrap();
        team::ActiveModel {
            id: Set(zuilen.id),
            name: Set("Jeugd Zuilen-Noord".into()),
            ..Default::default()
        }
        .update(&txn)
        .await
        .unwrap();
        txn.rollback().await.unwrap();
        assert_eq!(read().await, target);
        team::ActiveModel {
            id: Set(zuilen.id),
            name: Set("Jeugd Zuilen-Noord".into()),
            ..Default::default()
        }
        .update(db)
        .await
        .unwrap();
        let renamed = read().await;
        assert_ne!(renamed.0.all, target.0.all);
        assert_ne!(renamed.0.shared, target.0.shared);
        t.cleanup().await;
    }
);

on_both_backends!(
    a_month_saved_keeps_every_other_teams_pages_and_remakes_the_networks,
    |backend: Backend| async move {
        use app::store::insight_cache::InsightCache;
        use sea_orm::ActiveModelTrait;
        use shared::suppression::SuppressionPolicy;
        use std::sync::Arc;
        let Some(t) = TestDb::with_demo(backend).await else {
            return;
        };
        let db = &t.db;
        let zuilen = support::team_named(db, "Jeugd Zuilen").await;
        // A team of another wijk.
        let other = team::Entity::find()
            .filter(team::Column::WijkId.ne(zuilen.wijk_id))
            .one(db)
            .await
            .unwrap()
            .unwrap();
        let policy = SuppressionPolicy::OWN_TEAM;
        let cache = InsightCache::default();
        let space = |id| {
            let cache = cache.clone();
            async move {
                cache
                    .team_space(db, None, id, policy)
                    .await
                    .unwrap()
                    .unwrap()
            }
        };
        let wijk = |id| {
            let cache = cache.clone();
            async move { cache.wijk(db, None, id, policy).await.unwrap().unwrap() }
        };
        let what_works = || async { cache.what_works(db, None, policy).await.unwrap() };
        let (other_space, other_wijk, zuilen_space, zuilen_wijk, works) = (
            space(other.id).await,
            wijk(other.wijk_id).await,
            space(zuilen.id).await,
            wijk(zuilen.wijk_id).await,
            what_works().await,
        );
        // Kept: asked again, the very same result.
        assert!(Arc::ptr_eq(&space(other.id).await, &other_space));
        assert!(Arc::ptr_eq(&what_works().await, &works));

        month_of(zuilen.id, "2019-01").insert(db).await.unwrap();
        assert!(
            Arc::ptr_eq(&space(other.id).await, &other_space),
            "another team's space stays kept"
        );
        assert!(
            Arc::ptr_eq(&wijk(other.wijk_id).await, &other_wijk),
            "another wijk stays kept"
        );
        assert!(!Arc::ptr_eq(&space(zuilen.id).await, &zuilen_space));
        assert!(!Arc::ptr_eq(&wijk(zuilen.wijk_id).await, &zuilen_wijk));
        assert!(!Arc::ptr_eq(&what_works().await, &works));
        t.cleanup().await;
    }
);

on_both_backends!(
    the_networks_recent_months_kept_team_by_team_are_as_read_afresh,
    |backend: Backend| async move {
        use app::store::compare::{Recent, RecentMonths};
        use sea_orm::{ActiveModelTrait, ModelTrait, Set};
        let Some(t) = TestDb::with_demo(backend).await else {
            return;
        };
        let db = &t.db;
        let kept = RecentMonths::default();
        let teams = team::Entity::find().all(db).await.unwrap();
        let latest = app::store::series::latest_month(db).await.unwrap().unwrap();
        let same = |kept: &Recent, fresh: &Recent| {
            for months in shared::dto::CompareQuery::PERIODS {
                let (a, b) = (
                    kept.select(None, None, months),
                    fresh.select(None, None, months),
                );
                assert_eq!(a.period, b.period);
                assert_eq!(a.teams, b.teams, "{months} months");
            }
        };
        same(
            &kept.current(db, None).await.unwrap(),
            &Recent::read(db).await.unwrap(),
        );
        // A month corrected, one removed, one added before the latest:
        // each team's months re-read, the rest as they were.
        let periods = app::store::entity::outcome_period::Entity::find()
            .filter(app::store::entity::outcome_period::Column::Month.eq(latest.to_string()))
            .all(db)
            .await
            .unwrap();
        let mut corrected: app::store::entity::outcome_period::ActiveModel =
            periods[0].clone().into();
        corrected.started = Set(periods[0].started + 7);
        corrected.update(db).await.unwrap();
        let before = kept.current(db, None).await.unwrap();
        same(&before, &Recent::read(db).await.unwrap());
        periods[1].clone().delete(db).await.unwrap();
        let gone = teams
            .iter()
            .find(|t| t.id != periods[0].team_id && t.id != periods[1].team_id)
            .unwrap();
        app::store::entity::outcome_period::Entity::delete_many()
            .filter(app::store::entity::outcome_period::Column::TeamId.eq(gone.id))
            .filter(
                app::store::entity::outcome_period::Column::Month.eq(latest.plus(-1).to_string()),
            )
            .exec(db)
            .await
            .unwrap();
        month_of(gone.id, &latest.plus(-1).to_string())
            .insert(db)
            .await
            .unwrap();
        let after = kept.current(db, None).await.unwrap();
        same(&after, &Recent::read(db).await.unwrap());
        assert_ne!(
            before.select(None, None, 12).teams,
            after.select(None, None, 12).teams
        );
        // Nothing changed: the very same, not read again.
        assert!(std::sync::Arc::ptr_eq(
            &after,
            &kept.current(db, None).await.unwrap()
        ));
        t.cleanup().await;
    }
);

on_both_backends!(
    wat_werkt_keeps_its_agreements_while_months_are_saved_and_follows_a_new_one,
    |backend: Backend| async move {
        use app::store::agreements::{self, AgreementContent};
        use app::store::compare::Recent;
        use app::store::insight_cache::InsightCache;
        use app::store::what_works::{what_works, Agreements};
        use sea_orm::{ActiveModelTrait, TransactionTrait};
        use shared::suppression::SuppressionPolicy;
        let Some(t) = TestDb::with_demo(backend).await else {
            return;
        };
        let db = &t.db;
        let policy = SuppressionPolicy::OWN_TEAM;
        let cache = InsightCache::default();
        let kept = || async { cache.what_works(db, None, policy).await.unwrap() };
        let fresh = || async {
            let recent = Recent::read(db).await.unwrap();
            let agreements = Agreements::read(db, recent.latest()).await.unwrap();
            what_works(&recent, &agreements, policy)
        };
        let before = kept().await;
        assert_eq!(*before, fresh().await);

        // A month saved: made again with the agreements as they were
        // kept, the same as made afresh.
        let zuilen = support::team_named(db, "Jeugd Zuilen").await;
        month_of(zuilen.id, "2019-01").insert(db).await.unwrap();
        assert_eq!(*kept().await, fresh().await);

        // An agreement that took effect half a year before the latest
        // month: on the next request.
        let latest = app::store::series::latest_month(db).await.unwrap().unwrap();
        let start = latest.plus(-6);
        let txn = db.begin().await.unwrap();
        agreements::save(
            &txn,
            zuilen.id,
            None,
            AgreementContent {
                theme: "werkwijze".into(),
                title: "Aanmelden in het casusoverleg van dezelfde week".into(),
                body: "Nieuwe aanmeldingen bespreken we dezelfde week.".into(),
                status: "actief".into(),
                effective_from: chrono::NaiveDate::from_ymd_opt(
                    start.year(),
                    u32::from(start.month()),
                    1,
                ),
                review_date: None,
            },
            None,
            chrono::Utc::now(),
        )
        .await
        .unwrap();
        txn.commit().await.unwrap();
        let after = fresh().await;
        assert_ne!(after, *before, "the new agreement changes Wat werkt");
        assert_eq!(*kept().await, after);
        t.cleanup().await;
    }
);

on_both_backends!(
    the_bestuurderstafel_keeps_its_records_while_months_are_saved_and_follows_them,
    |backend: Backend| async move {
        use app::store::entity::knelpunt_support;
        let Some(t) = TestDb::with_demo(backend).await else {
            return;
        };
        let db = &t.db;
        let zuilen = support::team_named(db, "Jeugd Zuilen").await;
        // One client, so one server process and one cache.
        let mut client = Client::new(db);
        client
            .session_for(db, "teamlid.jeugd-zuilen@demo.wijkwijs.nl")
            .await;
        let table = [("gemeente", "")];
        let page = |body: &str| -> serde_json::Value { serde_json::from_str(body).unwrap() };
        let before = client.call("/api/governance/table", &table).await;
        assert_eq!(before.status, StatusCode::OK, "{}", before.body);
        let before = page(&before.body);
        // An open knelpunt of another team that Zuilen does not support.
        let supported: Vec<i64> = knelpunt_support::Entity::find()
            .filter(knelpunt_support::Column::TeamId.eq(zuilen.id))
            .all(db)
            .await
            .unwrap()
            .iter()
            .map(|s| i64::from(s.knelpunt_id))
            .collect();
        let id = before["knelpunten"]
            .as_array()
            .unwrap()
            .iter()
            .find(|k| k["team_id"] != zuilen.id && !supported.contains(&k["id"].as_i64().unwrap()))
            .expect("a knelpunt Zuilen can support")["id"]
            .as_i64()
            .unwrap();
        let supporters = |page: &serde_json::Value| {
            page["knelpunten"]
                .as_array()
                .unwrap()
                .iter()
                .find(|k| k["id"] == id)
                .unwrap()["supporters"]
                .as_u64()
                .unwrap()
        };

        // A month saved: the table shows it, made from its kept records.
        correct_latest_wait(&mut client, db, zuilen.id).await;
        let after_month = page(&client.call("/api/governance/table", &table).await.body);
        assert_ne!(after_month["wijken"], before["wijken"]);
        assert_eq!(after_month["knelpunten"], before["knelpunten"]);

        // Support for a knelpunt: on the next request.
        let (knelpunt_id, team_id) = (id.to_string(), zuilen.id.to_string());
        let reply = client
            .call(
                "/api/knelpunten/support",
                &[
                    ("knelpunt_id", knelpunt_id.as_str()),
                    ("team_id", team_id.as_str()),
                ],
            )
            .await;
        assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
        let after_support = page(&client.call("/api/governance/table", &table).await.body);
        assert_eq!(supporters(&after_support), supporters(&before) + 1);
        assert_eq!(after_support["wijken"], after_month["wijken"]);
        t.cleanup().await;
    }
);

on_both_backends!(
    a_result_missing_is_made_once_for_all_who_ask_and_kept_within_its_size,
    |backend: Backend| async move {
        use app::store::insight_cache::InsightCache;
        use shared::suppression::SuppressionPolicy;
        use std::sync::Arc;
        let Some(t) = TestDb::with_demo(backend).await else {
            return;
        };
        let db = &t.db;
        let policy = SuppressionPolicy::OWN_TEAM;
        let cache = InsightCache::default();
        // Eight requests at once: one Wat werkt, made once, for all.
        let asked =
            futures_util::future::join_all((0..8).map(|_| cache.what_works(db, None, policy)))
                .await;
        let first = asked[0].as_ref().unwrap();
        assert!(asked
            .iter()
            .all(|made| Arc::ptr_eq(made.as_ref().unwrap(), first)));

        // A cache of one megabyte keeps at most that, whatever is asked.
        let small = InsightCache::with_megabytes(1);
        for team in team::Entity::find().all(db).await.unwrap() {
            small.team_space(db, None, team.id, policy).await.unwrap();
            small.wijk(db, None, team.wijk_id, policy).await.unwrap();
        }
        small.what_works(db, None, policy).await.unwrap();
        let weight = small.weight().await;
        assert!(weight > 0 && weight <= 1 << 20, "{weight} bytes kept");
        t.cleanup().await;
    }
);

on_both_backends!(
    a_change_saved_through_one_server_shows_at_once_on_another,
    |backend: Backend| async move {
        let Some(t) = TestDb::with_demo(backend).await else {
            return;
        };
        let db = &t.db;
        let team = support::team_named(db, "Jeugd Zuilen").await;
        // Two servers on one database, each with its own pool and cache:
        // one reads (and keeps), the other writes.
        let elsewhere = sea_orm::Database::connect(&t.url).await.unwrap();
        let mut reader = Client::signed_in(db, "bestuurder@demo.wijkwijs.nl").await;
        let mut writer = Client::new(&elsewhere);
        writer
            .session_for(&elsewhere, "teamlid.jeugd-zuilen@demo.wijkwijs.nl")
            .await;
        let (team_id, wijk_id) = (team.id.to_string(), team.wijk_id.to_string());
        let pages: [(&str, Vec<(&str, &str)>); 5] = [
            ("/api/network/team", vec![("team_id", team_id.as_str())]),
            ("/api/network/wijk", vec![("wijk_id", wijk_id.as_str())]),
            ("/api/network/what-works", vec![]),
            ("/api/governance/table", vec![("gemeente", "")]),
            (
                "/api/network/compare",
                vec![
                    ("measure", "wachttijd"),
                    ("doelgroep", "jeugd"),
                    ("gemeente", ""),
                    ("months", "3"),
                ],
            ),
        ];
        let mut before = Vec::new();
        for (path, form) in &pages {
            let first = reader.call(path, form).await;
            assert_eq!(first.status, StatusCode::OK, "{path}: {}", first.body);
            // Kept: the same again.
            assert_eq!(reader.call(path, form).await.body, first.body, "{path}");
            before.push(first.body);
        }
        correct_latest_wait(&mut writer, &elsewhere, team.id).await;
        for ((path, form), before) in pages.iter().zip(&before) {
            assert_ne!(
                &reader.call(path, form).await.body,
                before,
                "{path} still shows what the other server changed"
            );
        }
        elsewhere.close().await.unwrap();
        t.cleanup().await;
    }
);

/// Ids are handed out as rows are inserted, not as their transactions
/// commit: a change that commits after a newer one must still show in
/// what is kept. SQLite writes one transaction at a time.
#[tokio::test]
async fn a_change_committed_after_a_newer_one_still_shows() {
    use app::store::insight_cache::InsightCache;
    use sea_orm::{ActiveModelTrait, TransactionTrait};
    use shared::suppression::SuppressionPolicy;
    support::bounded(async {
        let Some(t) = TestDb::with_demo(Backend::Postgres).await else {
            return;
        };
        let db = &t.db;
        let teams = team::Entity::find().all(db).await.unwrap();
        let (older, newer) = (&teams[0], &teams[1]);
        let cache = InsightCache::default();
        let months = |cache: &InsightCache| {
            let cache = cache.clone();
            let db = db.clone();
            let id = older.id;
            async move {
                let kept = cache
                    .team_charts(&db, None, id, SuppressionPolicy::OWN_TEAM)
                    .await
                    .unwrap()
                    .unwrap();
                kept.1.iter().map(|s| s.points.len()).sum::<usize>()
            }
        };
        let before = months(&cache).await;

        // The older change takes the lower id and stays open while a
        // newer one commits and the team's series are kept.
        let open = db.begin().await.unwrap();
        month_of(older.id, "2019-01").insert(&open).await.unwrap();
        month_of(newer.id, "2019-01").insert(db).await.unwrap();
        assert_eq!(months(&cache).await, before);
        open.commit().await.unwrap();

        assert!(
            months(&cache).await > before,
            "the older change shows once it is committed"
        );
        t.cleanup().await;
    })
    .await;
}

/// The network's recent months re-read only the teams stamped since they
/// last looked (migration 18): a team whose change commits after a newer
/// one's, already read, must still be re-read. SQLite writes one
/// transaction at a time.
#[tokio::test]
async fn the_network_s_recent_months_follow_a_change_committed_after_a_newer_one() {
    use app::store::compare::{Recent, RecentMonths};
    use app::store::entity::outcome_period;
    use sea_orm::sea_query::Expr;
    use sea_orm::TransactionTrait;
    support::bounded(async {
        let Some(t) = TestDb::with_demo(Backend::Postgres).await else {
            return;
        };
        let db = &t.db;
        let recent = RecentMonths::default();
        let first = recent.current(db, None).await.unwrap();
        let latest = first.latest().expect("the demo has months");
        let teams: Vec<i32> = first.teams().map(|t| t.team.0).take(2).collect();
        let (older, newer) = (teams[0], teams[1]);
        let started = |recent: &Recent, team: i32| {
            let of = recent.teams().find(|t| t.team.0 == team).unwrap();
            of.months.last().map(|m| (m.month, m.started))
        };
        let set_started = |team: i32, to: i32| {
            outcome_period::Entity::update_many()
                .col_expr(outcome_period::Column::Started, Expr::value(to))
                .filter(outcome_period::Column::TeamId.eq(team))
                .filter(outcome_period::Column::Month.eq(latest.to_string()))
        };

        // The older change stays open while a newer one commits and the
        // network's months are brought up to date.
        let open = db.begin().await.unwrap();
        set_started(older, 901).exec(&open).await.unwrap();
        set_started(newer, 902).exec(db).await.unwrap();
        let between = recent.current(db, None).await.unwrap();
        assert_eq!(started(&between, newer), Some((latest, 902)));
        assert_eq!(started(&between, older), started(&first, older));
        open.commit().await.unwrap();

        let after = recent.current(db, None).await.unwrap();
        assert_eq!(
            started(&after, older),
            Some((latest, 901)),
            "the older change shows once it is committed"
        );
        assert_eq!(started(&after, newer), Some((latest, 902)));
        t.cleanup().await;
    })
    .await;
}

on_both_backends!(
    a_chart_table_shows_two_years_until_every_month_is_asked_for,
    |backend: Backend| async move {
        use sea_orm::ActiveModelTrait;
        let Some(t) = TestDb::with_demo(backend).await else {
            return;
        };
        let db = &t.db;
        let zuilen = support::team_named(db, "Jeugd Zuilen").await;
        // The demo's 24 months, and six more before them.
        for month in [
            "2024-05", "2024-06", "2024-07", "2024-08", "2024-09", "2024-10",
        ] {
            month_of(zuilen.id, month).insert(db).await.unwrap();
        }
        let mut viewer = Client::new(db);
        viewer.session_for(db, "bestuurder@demo.wijkwijs.nl").await;
        let table_rows = |html: &str, code: &str| {
            let start = html.find(&format!("id=\"cijfers-{code}\"")).unwrap();
            let table = &html[start..start + html[start..].find("</details>").unwrap()];
            (
                table.matches("<th scope=\"row\"").count(),
                table.to_string(),
            )
        };
        let results = format!("/teams/{}/resultaten", zuilen.id);
        let page = viewer.get(&results).await;
        assert_eq!(page.status, StatusCode::OK);
        let (rows, table) = table_rows(&page.body, "wachttijd");
        assert_eq!(rows, 24, "the latest two years");
        assert!(
            table.contains("okt 2026") && !table.contains("okt 2024"),
            "{table}"
        );
        assert!(table.contains("de laatste 24 maanden"), "{table}");
        let all = format!("{results}?cijfers=wachttijd#cijfers-wachttijd");
        assert!(
            table.contains(&format!("href=\"{all}\">Alle maanden tonen (30)</a>")),
            "{table}"
        );
        // The image's text alternative leaves the agreements to its caption.
        let alt_start = page.body.find("alt=\"Wachttijd").unwrap();
        let alt = &page.body[alt_start..alt_start + page.body[alt_start..].find("\" ").unwrap()];
        assert!(!alt.contains("Afspraken ingegaan"), "{alt}");

        let asked = viewer.get(&format!("{results}?cijfers=wachttijd")).await;
        assert_eq!(asked.status, StatusCode::OK);
        let (rows, table) = table_rows(&asked.body, "wachttijd");
        assert_eq!(rows, 30, "every month");
        assert!(
            table.contains("mei 2024") && !table.contains("Alle maanden tonen"),
            "{table}"
        );
        assert!(asked.body.contains("id=\"cijfers-wachttijd\" open"));
        // The other charts keep their two years.
        assert_eq!(table_rows(&asked.body, "verder-zonder-hulp").0, 24);

        // Every month was rendered for that address only: the page's kept
        // charts still show two years.
        let again = viewer.get(&results).await;
        assert_eq!(table_rows(&again.body, "wachttijd").0, 24);

        let wijk_page = format!("/wijken/{}", zuilen.wijk_id);
        assert_eq!(
            table_rows(&viewer.get(&wijk_page).await.body, "wachttijd").0,
            24
        );
        let wijk = viewer.get(&format!("{wijk_page}?cijfers=wachttijd")).await;
        assert_eq!(table_rows(&wijk.body, "wachttijd").0, 30);
        assert_eq!(table_rows(&wijk.body, "verder-zonder-hulp").0, 24);
        t.cleanup().await;
    }
);

on_both_backends!(
    kept_page_parts_show_a_correction_at_once_and_leave_the_viewer_out,
    |backend: Backend| async move {
        let Some(t) = TestDb::with_demo(backend).await else {
            return;
        };
        let db = &t.db;
        let zuilen = support::team_named(db, "Jeugd Zuilen").await;
        // One router, so one cache, for every viewer.
        let mut coordinator = Client::new(db);
        let (mut member, mut outsider) = (coordinator.clone(), coordinator.clone());
        coordinator
            .session_for(db, "coordinator.jeugd-zuilen@demo.wijkwijs.nl")
            .await;
        member
            .session_for(db, "teamlid.jeugd-zuilen@demo.wijkwijs.nl")
            .await;
        outsider
            .session_for(db, "teamlid.jeugd-ondiep@demo.wijkwijs.nl")
            .await;
        let team_page = format!("/teams/{}", zuilen.id);
        let pages = [
            team_page.clone(),
            format!("/wijken/{}", zuilen.wijk_id),
            "/".to_string(),
            "/vergelijken?maat=wachttijd&doelgroep=jeugd&gemeente=&periode=3".to_string(),
            "/wat-werkt".to_string(),
        ];
        // A page's content, without the nonces that change every time.
        let main = |body: &str| -> String {
            let start = body.find("<main").expect("a main element");
            body[start..start + body[start..].find("</main>").unwrap()].to_string()
        };
        let mut before = Vec::new();
        for page in &pages {
            let first = coordinator.get(page).await;
            assert_eq!(first.status, StatusCode::OK, "{page}");
            assert_eq!(
                main(&coordinator.get(page).await.body),
                main(&first.body),
                "{page}"
            );
            before.push(main(&first.body));
        }
        // The same kept team space, seen by each viewer: the coordinator's
        // controls and the members' buttons are theirs alone.
        let (manage, members) = ("Leden beheren", format!("{team_page}/leden"));
        let record = "Resultaten van een maand invoeren";
        assert!(before[0].contains(record));
        assert!(coordinator.get(&members).await.body.contains(manage));
        assert!(!member.get(&members).await.body.contains(manage));
        assert!(member.get(&team_page).await.body.contains(record));
        let as_outsider = outsider.get(&team_page).await.body;
        assert!(!as_outsider.contains(record));
        assert!(!outsider.get(&members).await.body.contains(manage));
        let questions = outsider.get(&format!("{team_page}/vragen")).await.body;
        assert!(questions.contains("Vraag versturen"));

        correct_latest_wait(&mut coordinator, db, zuilen.id).await;
        for (page, before) in pages.iter().zip(&before) {
            let after = main(&coordinator.get(page).await.body);
            assert_ne!(&after, before, "{page} still shows the old month");
        }
        for page in &pages[..3] {
            assert!(
                coordinator.get(page).await.body.contains("300,0"),
                "{page} lacks the corrected wait"
            );
        }
        t.cleanup().await;
    }
);

/// The team corrects its latest month: a wait of 300 days, far longer than
/// any in the demo.
async fn correct_latest_wait(client: &mut Client, db: &sea_orm::DatabaseConnection, team_id: i32) {
    let latest = app::store::series::latest_month(db).await.unwrap().unwrap();
    let (team_id, month) = (team_id.to_string(), latest.to_string());
    let reply = client
        .call(
            "/api/results/save",
            &[
                ("team_id", team_id.as_str()),
                ("month", month.as_str()),
                ("started", "40"),
                ("mean_wait_days", "300"),
                ("ended", "12"),
                ("without_help", "6"),
                ("client_grade", "7,5"),
                ("client_responses", "10"),
                ("uitval", ""),
                ("doelrealisatie", "9"),
            ],
        )
        .await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
}
