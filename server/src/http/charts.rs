//! Chart images: plain GET routes beside the app, with the same permission
//! check and suppression as the team page, and cache validation by ETag
//! (the same data always gives the same bytes).

use super::reply::{found, loaded, permitted};
use app::auth::RequestContext;
use app::state::AppState;
use app::store::insight_cache::KeptChart;
use axum::extract::{Path, Query, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Extension;
use shared::network::Measure;
use shared::permissions::Permission;
use shared::suppression::SuppressionPolicy;

/// What a chart route answers: the chart, or why there is none.
type Reply = Result<Response, StatusCode>;

/// `/grafieken/teams/{id}/{measure}.svg`: a team's run chart of a measure;
/// `{measure}-lijn.svg` its sparkline, on the range `?van=…&tot=…` and of
/// the last `?maanden=…` when given (small multiples share them).
pub async fn team_run_chart(
    State(state): State<AppState>,
    Extension(request): Extension<RequestContext>,
    Path((team_id, file)): Path<(i32, String)>,
    Query(params): Query<std::collections::HashMap<String, String>>,
    headers: HeaderMap,
) -> Reply {
    permitted(&request, Permission::ReadNetwork)?;
    let name = file.strip_suffix(".svg").ok_or(StatusCode::NOT_FOUND)?;
    let (code, spark) = match name.strip_suffix("-lijn") {
        Some(code) => (code, true),
        None => (name, false),
    };
    let measure = Measure::from_code(code).ok_or(StatusCode::NOT_FOUND)?;
    let own = request.viewer().is_some_and(|v| v.is_member(team_id));
    let policy = if own {
        SuppressionPolicy::OWN_TEAM
    } else {
        state.suppression
    };
    let title = |team: &str| crate::charts::team_chart_title(measure, team);
    let drawn = if spark {
        state
            .insight
            .team_charts(&state.db, request.seen, team_id, policy)
            .await
            .map(|kept| {
                let charts = kept?;
                let (team, series) = charts.as_ref();
                let series = series.iter().find(|s| s.measure == measure)?;
                Some(std::sync::Arc::new(sparkline(
                    series,
                    &params,
                    &title(team),
                )))
            })
    } else {
        // The full chart depends on nothing but the data: kept as sent.
        state
            .insight
            .team_run_chart(
                &state.db,
                request.seen,
                (team_id, policy, measure),
                |team, series| sent(crate::charts::run_chart(series, &title(team))),
            )
            .await
    };
    let chart = found(drawn, "loading a run chart")?;
    Ok(chart_response(&chart, &headers))
}

/// A sparkline of `series` on the range `?van=…&tot=…` and of the last
/// `?maanden=…` when given (small multiples share them).
fn sparkline(
    series: &shared::stats::chart::ChartSeries,
    params: &std::collections::HashMap<String, String>,
    title: &str,
) -> KeptChart {
    let bound = |key: &str| params.get(key).and_then(|v| v.parse::<f64>().ok());
    let range = bound("van")
        .zip(bound("tot"))
        .filter(|(low, high)| low < high);
    let mut series = series.clone();
    if let Some(months) = params.get("maanden").and_then(|m| m.parse::<usize>().ok()) {
        let skip = series.points.len().saturating_sub(months);
        series.points.drain(..skip);
    }
    sent(crate::charts::sparkline(&series, range, title))
}

/// `/grafieken/wijken/{id}/{measure}.svg`: a wijk's run chart of a measure
/// (its teams' monthly totals); `{measure}-lijn.svg` its sparkline, as a
/// team's.
pub async fn wijk_run_chart(
    State(state): State<AppState>,
    Extension(request): Extension<RequestContext>,
    Path((wijk_id, file)): Path<(i32, String)>,
    Query(params): Query<std::collections::HashMap<String, String>>,
    headers: HeaderMap,
) -> Reply {
    permitted(&request, Permission::ReadNetwork)?;
    let name = file.strip_suffix(".svg").ok_or(StatusCode::NOT_FOUND)?;
    let (code, spark) = match name.strip_suffix("-lijn") {
        Some(code) => (code, true),
        None => (name, false),
    };
    let measure = Measure::from_code(code).ok_or(StatusCode::NOT_FOUND)?;
    let (name, charts) = found(
        app::store::wijken::wijk_charts(&state.db, wijk_id, state.suppression).await,
        "loading a wijk chart",
    )?;
    let series = charts
        .into_iter()
        .find(|s| s.measure == measure)
        .ok_or(StatusCode::NOT_FOUND)?;
    let title = format!(
        "{} – {} {}",
        measure.label(),
        shared::i18n::t(shared::i18n::Text::Wijk),
        name
    );
    if spark {
        return Ok(chart_response(
            &sparkline(&series, &params, &title),
            &headers,
        ));
    }
    svg_response(crate::charts::run_chart(&series, &title), &headers)
}

/// `/grafieken/vergelijken.svg?maat=…`: the funnel plot of a comparison,
/// with the same parameters as the page.
pub async fn compare_funnel(
    State(state): State<AppState>,
    Extension(request): Extension<RequestContext>,
    Query(params): Query<std::collections::HashMap<String, String>>,
    headers: HeaderMap,
) -> Reply {
    permitted(&request, Permission::ReadNetwork)?;
    let get = |key: &str| params.get(key).map(String::as_str).unwrap_or("");
    // The page always gives the doelgroep (or `alle`) in the address.
    let query = shared::dto::CompareQuery::from_params(
        &shared::dto::CompareParams::from_query(get),
        shared::network::Doelgroep::Jeugd,
    );
    let comparison = loaded(
        state
            .insight
            .compare(&state.db, request.seen, query, state.suppression)
            .await,
        "loading a comparison",
    )?;
    let title = format!(
        "{}: {}",
        shared::i18n::t(shared::i18n::Text::CompareFunnel),
        comparison.query.measure.label()
    );
    let description = shared::i18n::t(shared::i18n::Text::CompareIntro);
    svg_response(
        crate::charts::funnel_plot(&comparison, &title, description),
        &headers,
    )
}

/// `/grafieken/verspreiding.svg`: lessons adopted by other teams per month.
pub async fn adoptions_chart(
    State(state): State<AppState>,
    Extension(request): Extension<RequestContext>,
    headers: HeaderMap,
) -> Reply {
    permitted(&request, Permission::ReadNetwork)?;
    let points = loaded(
        app::store::what_works::adoptions_per_month(&state.db, None).await,
        "loading adoptions",
    )?;
    let t = shared::i18n::t;
    let total: u32 = points.iter().map(|(_, c)| c).sum();
    let description = format!("{} {total}", t(shared::i18n::Text::SpreadTotal));
    svg_response(
        crate::charts::monthly_counts(&points, t(shared::i18n::Text::SpreadTitle), &description),
        &headers,
    )
}

/// An SVG with a strong ETag; `304 Not Modified` when the browser has it.
fn svg_response(svg: String, headers: &HeaderMap) -> Reply {
    Ok(chart_response(&sent(svg), headers))
}

/// A chart as sent: its ETag (from its bytes) and its bytes.
fn sent(svg: String) -> KeptChart {
    use sha2::{Digest, Sha256};
    let digest = Sha256::digest(svg.as_bytes());
    let etag = format!(
        "\"{}\"",
        digest[..16]
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect::<String>()
    );
    (etag, svg.into())
}

/// The chart, or 304 when the browser has these bytes already.
fn chart_response((etag, body): &KeptChart, headers: &HeaderMap) -> Response {
    let cached = headers
        .get(header::IF_NONE_MATCH)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.split(',').any(|tag| tag.trim() == etag));
    let common = [
        (header::ETAG, etag.clone()),
        (header::CACHE_CONTROL, "private, no-cache".to_string()),
    ];
    if cached {
        return (StatusCode::NOT_MODIFIED, common).into_response();
    }
    (
        common,
        [(
            header::CONTENT_TYPE,
            "image/svg+xml; charset=utf-8".to_string(),
        )],
        body.clone(),
    )
        .into_response()
}
