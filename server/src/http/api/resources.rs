//! The API's resources and their types — its own, versioned with the API,
//! so a change of a page never changes what a registration system reads:
//! teams and wijken, a team's months (read published, pushed with a team's
//! token), Vergelijken and Wat werkt.

use super::caller::Caller;
use super::problem::InvalidParam;
use super::Problem;
use app::state::AppState;
use axum::extract::rejection::{JsonRejection, PathRejection, QueryRejection};
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::Json;
use serde::{Deserialize, Serialize};
use shared::api_tokens::ApiUse;
use shared::suppression::Figure;
use utoipa::{IntoParams, ToSchema};

/// How a figure is published.
#[derive(Clone, Copy, Debug, Serialize, ToSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    /// Shown: `waarde` holds it.
    Getoond,
    /// A count below the smallest shown; `minderDan` says below what.
    MinderDan,
    /// A mean or share over too few cases to show.
    Verborgen,
    /// Nothing recorded.
    GeenGegevens,
}

/// A published figure: a value, or why there is none.
#[derive(Clone, Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct Cijfer {
    /// A count, a mean, or a share from 0 to 1; null when not shown.
    pub waarde: Option<f64>,
    pub status: Status,
    /// For `minder-dan`: the count is below this.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub minder_dan: Option<u32>,
}

impl From<Figure> for Cijfer {
    fn from(figure: Figure) -> Self {
        let (waarde, status, minder_dan) = match figure {
            Figure::Value(v) if v.is_finite() => (Some(v), Status::Getoond, None),
            Figure::Value(_) | Figure::Hidden => (None, Status::Verborgen, None),
            Figure::FewerThan(n) => (None, Status::MinderDan, Some(n)),
            Figure::NoData => (None, Status::GeenGegevens, None),
        };
        Cijfer {
            waarde,
            status,
            minder_dan,
        }
    }
}

/// A virtual team.
#[derive(Clone, Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct Team {
    pub id: i32,
    pub naam: String,
    /// "jeugd", "ouderen" or another doelgroep's code.
    pub doelgroep: String,
    pub wijk_id: i32,
    pub wijk: String,
    pub gemeente: String,
}

/// A wijk.
#[derive(Clone, Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct Wijk {
    pub id: i32,
    pub naam: String,
    /// The CBS code, e.g. WK034401.
    pub cbs_code: String,
    pub gemeente: String,
}

/// A team's month as published.
#[derive(Clone, Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct Maand {
    /// YYYY-MM.
    #[schema(example = "2026-03")]
    pub maand: String,
    pub gestart: Cijfer,
    pub wachttijd_dagen: Cijfer,
    pub beeindigd: Cijfer,
    /// Of the ended clients, the share who continue without help (0–1).
    pub aandeel_zonder_hulp: Cijfer,
    pub cijfer_clienten: Cijfer,
    pub reacties_clienten: Cijfer,
    pub uitval: Cijfer,
    pub doelrealisatie: Cijfer,
}

/// A month of a team's results as a registration system sends it; the
/// rules are the results form's.
#[derive(Clone, Debug, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Maandresultaat {
    /// Clients whose help started this month.
    #[schema(minimum = 0, maximum = 100000)]
    pub gestart: u32,
    /// Mean days from aanmelding to start; required when `gestart` > 0.
    #[schema(minimum = 0, maximum = 730)]
    pub wachttijd_dagen: Option<f64>,
    /// Clients whose help ended this month.
    #[schema(minimum = 0, maximum = 100000)]
    pub beeindigd: u32,
    /// Of them, how many continue without help (at most `beeindigd`).
    #[schema(minimum = 0, maximum = 100000)]
    pub zonder_hulp: u32,
    /// Clients who gave a grade.
    #[schema(minimum = 0, maximum = 100000)]
    pub reacties_clienten: u32,
    /// Their mean grade, 1–10; required when `reactiesClienten` > 0.
    #[schema(minimum = 1, maximum = 10)]
    pub cijfer_clienten: Option<f64>,
    /// Of the ended clients, how many stopped early and one-sidedly.
    #[schema(minimum = 0, maximum = 100000)]
    pub uitval: Option<u32>,
    /// Of the ended clients, how many met their goals.
    #[schema(minimum = 0, maximum = 100000)]
    pub doelrealisatie: Option<u32>,
}

/// A team, wijk or gemeente in Vergelijken.
#[derive(Clone, Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct Vergeleken {
    pub id: i32,
    pub naam: String,
    /// The wijk a team lies in, the gemeente of a wijk; empty for a gemeente.
    pub binnen: String,
    pub waarde: Cijfer,
    /// The clients the value is over.
    pub aantal: Cijfer,
    /// Against the funnel's limits: "binnen", "boven-waarschuwing",
    /// "onder-waarschuwing", "boven-controle", "onder-controle"; null when
    /// the value is not shown.
    pub positie: Option<String>,
}

/// Vergelijken: one measure side by side.
#[derive(Clone, Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct Vergelijking {
    pub maat: String,
    /// The doelgroep compared; null for all.
    pub doelgroep: Option<String>,
    /// The months compared, oldest and newest (YYYY-MM); null without data.
    pub van: Option<String>,
    pub tot: Option<String>,
    /// The value of all selected together; null when hidden.
    pub midden: Option<f64>,
    pub rijen: Vec<Vergeleken>,
}

/// A team that does clearly better or worse than all teams on a measure.
#[derive(Clone, Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct Uitschieter {
    pub maat: String,
    pub team_id: i32,
    pub team: String,
    pub wijk: String,
    pub waarde: f64,
    pub positie: String,
}

/// Wat werkt: teams to learn from.
#[derive(Clone, Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct WatWerkt {
    pub van: Option<String>,
    pub tot: Option<String>,
    pub uitschieters: Vec<Uitschieter>,
}

/// The filters of Vergelijken, as on its page.
#[derive(Clone, Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct VergelijkenFilters {
    /// "teams" (default), "wijken" or "gemeenten".
    niveau: Option<String>,
    /// A measure's code, e.g. "zonder-hulp", "wachttijd", "uitval".
    maat: Option<String>,
    /// A doelgroep's code, or "alle"; default the token's team's.
    doelgroep: Option<String>,
    /// A gemeente's id; empty for all.
    gemeente: Option<String>,
    /// Recent months: 3, 6 or 12.
    periode: Option<String>,
    /// "binnen-teams" for limits from the spread within teams alone;
    /// by default they are widened for real differences between teams.
    spreiding: Option<String>,
}

fn position(p: shared::stats::funnel::FunnelPosition) -> String {
    use shared::stats::funnel::FunnelPosition::*;
    match p {
        Within => "binnen",
        AboveWarning => "boven-waarschuwing",
        BelowWarning => "onder-waarschuwing",
        AboveControl => "boven-controle",
        BelowControl => "onder-controle",
    }
    .to_string()
}

fn path_refused(rejection: PathRejection) -> Problem {
    Problem::bad_request(format!("Het adres klopt niet: {}", rejection.body_text()))
}

#[utoipa::path(
    get,
    path = "/api/v1/teams",
    tag = "teams",
    summary = "Alle teams",
    responses(
        (status = 200, description = "De teams, op naam", body = Vec<Team>),
        (status = 401, description = "Geen geldige API-sleutel", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn teams(
    State(state): State<AppState>,
    caller: Caller,
) -> Result<Json<Vec<Team>>, Problem> {
    caller.may(ApiUse::Read)?;
    let structure = app::store::structure::load(&state.db).await?;
    let wijk = |id: i32| structure.wijken.iter().find(|w| w.id == id);
    let gemeente = |id: i32| {
        structure
            .gemeenten
            .iter()
            .find(|g| g.id == id)
            .map_or(String::new(), |g| g.name.clone())
    };
    Ok(Json(
        structure
            .teams
            .iter()
            .map(|t| Team {
                id: t.id,
                naam: t.name.clone(),
                doelgroep: t.doelgroep.code().to_string(),
                wijk_id: t.wijk_id,
                wijk: wijk(t.wijk_id).map_or(String::new(), |w| w.name.clone()),
                gemeente: wijk(t.wijk_id).map_or(String::new(), |w| gemeente(w.gemeente_id)),
            })
            .collect(),
    ))
}

#[utoipa::path(
    get,
    path = "/api/v1/wijken",
    tag = "wijken",
    summary = "Alle wijken",
    responses(
        (status = 200, description = "De wijken, op naam", body = Vec<Wijk>),
        (status = 401, description = "Geen geldige API-sleutel", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn wijken(
    State(state): State<AppState>,
    caller: Caller,
) -> Result<Json<Vec<Wijk>>, Problem> {
    caller.may(ApiUse::Read)?;
    let structure = app::store::structure::load(&state.db).await?;
    Ok(Json(
        structure
            .wijken
            .iter()
            .map(|w| Wijk {
                id: w.id,
                naam: w.name.clone(),
                cbs_code: w.cbs_code.clone(),
                gemeente: structure
                    .gemeenten
                    .iter()
                    .find(|g| g.id == w.gemeente_id)
                    .map_or(String::new(), |g| g.name.clone()),
            })
            .collect(),
    ))
}

#[utoipa::path(
    get,
    path = "/api/v1/teams/{id}/maanden",
    tag = "teams",
    summary = "De maanden van een team, zoals gepubliceerd",
    params(("id" = i32, Path, description = "Het nummer van het team")),
    responses(
        (status = 200, description = "De maanden, nieuwste eerst; cijfers over te weinig cliënten zijn verborgen", body = Vec<Maand>),
        (status = 400, description = "Het adres klopt niet", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Geen geldige API-sleutel", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "Dit team bestaat niet", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn team_months(
    State(state): State<AppState>,
    caller: Caller,
    id: Result<Path<i32>, PathRejection>,
) -> Result<Json<Vec<Maand>>, Problem> {
    let Path(id) = id.map_err(path_refused)?;
    caller.may(ApiUse::Read)?;
    let space = state
        .insight
        .team_space(&state.db, None, id, state.suppression)
        .await?
        .ok_or_else(Problem::not_found)?;
    Ok(Json(
        space
            .results
            .iter()
            .map(|row| Maand {
                maand: row.month.to_string(),
                gestart: row.started.into(),
                wachttijd_dagen: row.mean_wait_days.into(),
                beeindigd: row.ended.into(),
                aandeel_zonder_hulp: row.share_without_help.into(),
                cijfer_clienten: row.client_grade.into(),
                reacties_clienten: row.client_responses.into(),
                uitval: row.uitval.into(),
                doelrealisatie: row.doelrealisatie.into(),
            })
            .collect(),
    ))
}

/// The form's text of an optional figure.
fn typed<T: ToString>(value: Option<T>) -> String {
    value.map(|v| v.to_string()).unwrap_or_default()
}

/// The API's name of a form field, for `invalidParams`.
fn api_name(field: &str) -> &str {
    match field {
        "month" => "maand",
        "started" => "gestart",
        "mean_wait_days" => "wachttijdDagen",
        "ended" => "beeindigd",
        "without_help" => "zonderHulp",
        "client_responses" => "reactiesClienten",
        "client_grade" => "cijferClienten",
        "uitval" => "uitval",
        "doelrealisatie" => "doelrealisatie",
        other => other,
    }
}

#[utoipa::path(
    put,
    path = "/api/v1/teams/{id}/maanden/{maand}",
    tag = "teams",
    summary = "Een maand van het team aanleveren of corrigeren",
    description = "Met een aanleversleutel van dit team. Dezelfde regels als het formulier in Wijkwijs; een correctie bewaart de eerdere cijfers als versie.",
    params(
        ("id" = i32, Path, description = "Het nummer van het team"),
        ("maand" = String, Path, description = "De maand, JJJJ-MM; niet in de toekomst", example = "2026-03"),
    ),
    request_body = Maandresultaat,
    responses(
        (status = 200, description = "De maand is gecorrigeerd", body = Maandresultaat),
        (status = 201, description = "De maand is toegevoegd", body = Maandresultaat),
        (status = 400, description = "Het adres of de inhoud is onleesbaar", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Geen geldige API-sleutel", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Deze sleutel levert niet aan voor dit team", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "De cijfers kloppen niet (zie invalidParams)", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn push_month(
    State(state): State<AppState>,
    caller: Caller,
    path: Result<Path<(i32, String)>, PathRejection>,
    body: Result<Json<Maandresultaat>, JsonRejection>,
) -> Result<(StatusCode, Json<Maandresultaat>), Problem> {
    let Path((team, month)) = path.map_err(path_refused)?;
    caller.may(ApiUse::PushResults(team))?;
    let Json(sent) = body.map_err(|rejection| {
        Problem::bad_request(format!(
            "De inhoud is geen geldige Maandresultaat: {}",
            rejection.body_text()
        ))
    })?;
    let form = shared::validation::ResultsForm {
        month,
        started: sent.gestart.to_string(),
        mean_wait_days: typed(sent.wachttijd_dagen),
        ended: sent.beeindigd.to_string(),
        without_help: sent.zonder_hulp.to_string(),
        client_grade: typed(sent.cijfer_clienten),
        client_responses: sent.reacties_clienten.to_string(),
        uitval: typed(sent.uitval),
        doelrealisatie: typed(sent.doelrealisatie),
    };
    let figures = shared::validation::monthly_result(&form, app::store::this_month()).map_err(
        |problems| {
            Problem::invalid(
                problems
                    .into_iter()
                    .map(|(field, message)| InvalidParam {
                        name: api_name(field).to_string(),
                        reason: message.to_string(),
                    })
                    .collect(),
            )
        },
    )?;
    let added = app::api::results::record_month(
        &state.db,
        &caller.request,
        team,
        &figures,
        caller.token.account_id,
    )
    .await?;
    let status = if added {
        StatusCode::CREATED
    } else {
        StatusCode::OK
    };
    Ok((status, Json(sent)))
}

#[utoipa::path(
    get,
    path = "/api/v1/vergelijken",
    tag = "inzicht",
    summary = "Vergelijken: teams, wijken of gemeenten op één maat",
    params(VergelijkenFilters),
    responses(
        (status = 200, description = "Eén maat naast elkaar, met de grenzen van de trechter", body = Vergelijking),
        (status = 400, description = "Een filter is onleesbaar", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Geen geldige API-sleutel", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn compare(
    State(state): State<AppState>,
    caller: Caller,
    filters: Result<Query<VergelijkenFilters>, QueryRejection>,
) -> Result<Json<Vergelijking>, Problem> {
    let Query(filters) = filters.map_err(|rejection| {
        Problem::bad_request(format!("Een filter klopt niet: {}", rejection.body_text()))
    })?;
    caller.may(ApiUse::Read)?;
    let text = |value: &Option<String>| value.clone().unwrap_or_default();
    let (level, measure, doelgroep, gemeente, months, spread) = (
        text(&filters.niveau),
        text(&filters.maat),
        text(&filters.doelgroep),
        text(&filters.gemeente),
        text(&filters.periode),
        text(&filters.spreiding),
    );
    let default = app::store::teams::doelgroep_of(&state.db, caller.token.team_id).await?;
    let query = shared::dto::CompareQuery::from_params(
        &shared::dto::CompareParams {
            level: &level,
            measure: &measure,
            doelgroep: &doelgroep,
            gemeente: &gemeente,
            months: &months,
            spread: &spread,
        },
        default,
    );
    let comparison = state
        .insight
        .compare(&state.db, None, query, state.suppression)
        .await?;
    Ok(Json(Vergelijking {
        maat: comparison.query.measure.code().to_string(),
        doelgroep: comparison.query.doelgroep.map(|d| d.code().to_string()),
        van: comparison.period.map(|(from, _)| from.to_string()),
        tot: comparison.period.map(|(_, to)| to.to_string()),
        midden: comparison.centre.filter(|c| c.is_finite()),
        rijen: comparison
            .rows
            .iter()
            .map(|row| Vergeleken {
                id: row.id,
                naam: row.name.clone(),
                binnen: row.within.clone(),
                waarde: row.value.into(),
                aantal: row.cases.into(),
                positie: row.position.map(position),
            })
            .collect(),
    }))
}

#[utoipa::path(
    get,
    path = "/api/v1/wat-werkt",
    tag = "inzicht",
    summary = "Wat werkt: teams om van te leren",
    responses(
        (status = 200, description = "Teams die op een maat duidelijk beter of slechter doen dan alle teams samen", body = WatWerkt),
        (status = 401, description = "Geen geldige API-sleutel", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn what_works(
    State(state): State<AppState>,
    caller: Caller,
) -> Result<Json<WatWerkt>, Problem> {
    caller.may(ApiUse::Read)?;
    let works = state
        .insight
        .what_works(&state.db, None, state.suppression)
        .await?;
    Ok(Json(WatWerkt {
        van: works.period.map(|(from, _)| from.to_string()),
        tot: works.period.map(|(_, to)| to.to_string()),
        uitschieters: works
            .standouts
            .shown
            .iter()
            .filter(|s| s.value.is_finite())
            .map(|s| Uitschieter {
                maat: s.measure.code().to_string(),
                team_id: s.team_id,
                team: s.team.clone(),
                wijk: s.wijk.clone(),
                waarde: s.value,
                positie: position(s.position),
            })
            .collect(),
    }))
}
