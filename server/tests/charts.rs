//! Run charts over HTTP, on SQLite and PostgreSQL: only for logged-in
//! users, identical bytes for the same data with ETag validation, and
//! suppressed outside the team exactly as the team page is.

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
        let ggz = team::Entity::find()
            .filter(team::Column::Name.eq("GGZ Oosterpark"))
            .one(db)
            .await
            .unwrap()
            .unwrap();
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
        // from the stored counts.
        let rows = outcome_period::Entity::find()
            .filter(outcome_period::Column::TeamId.is_in(teams))
            .filter(outcome_period::Column::Month.eq("2026-10"))
            .all(db)
            .await
            .unwrap();
        let (without, ended): (i32, i32) = rows
            .iter()
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
        // recomputed here from the stored counts.
        let rows = outcome_period::Entity::find()
            .filter(outcome_period::Column::TeamId.is_in(jeugd.clone()))
            .filter(outcome_period::Column::Month.gte("2026-08"))
            .all(db)
            .await
            .unwrap();
        let (without, ended) = rows
            .iter()
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
        let page: serde_json::Value = serde_json::from_str(&reply.body).unwrap();
        let centre = page["centre"].as_f64().unwrap();
        assert!((centre - expected).abs() < 1e-9, "{centre} vs {expected}");
        let names: Vec<&str> = page["rows"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r["team"].as_str().unwrap())
            .collect();
        assert_eq!(names.len(), jeugd.len());
        let mut sorted = names.clone();
        sorted.sort();
        assert_eq!(names, sorted, "by name, never by value");
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
