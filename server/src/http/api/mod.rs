//! The JSON API for registration systems, `/api/v1` (following the Dutch
//! API Design Rules: versioned path, Dutch resource names, camelCase
//! properties, problem+json errors, an `API-Version` header). A system
//! authenticates with an API token (`Authorization: Bearer …`) that a
//! coördinator, bestuurder or beheerder made (`app::api::tokens`); every
//! use is audited. It reads published figures only — suppressed as the
//! network sees them, whoever made the token — and a team's push token
//! enters or corrects its months through the form's own rule and versions.
//! The OpenAPI 3.1 document (`/api/v1/openapi.json`) is generated from the
//! handlers and types here.

mod caller;
mod problem;
mod resources;

pub use problem::Problem;

use app::state::AppState;
use axum::http::HeaderValue;
use axum::response::Response;
use axum::Router;
use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::{Modify, OpenApi};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

/// The API's full version, in every response's `API-Version` header.
pub const VERSION: &str = "1.0.0";

#[derive(OpenApi)]
#[openapi(
    info(
        title = "Wijkwijs API",
        version = "1.0.0",
        description = "Gepubliceerde cijfers van de virtuele teams in de wijken lezen, en de maandresultaten van een team aanleveren vanuit een registratiesysteem. Elke aanvraag heeft een API-sleutel (Authorization: Bearer …) die een coördinator (voor het eigen team), bestuurder of beheerder (leessleutel voor het netwerk) in Wijkwijs maakt onder API-sleutels. Elk gebruik komt in de auditlog. Cijfers over te weinig cliënten zijn verborgen, zoals overal buiten het eigen team. Fouten volgen RFC 9457 (application/problem+json).",
    ),
    modifiers(&BearerToken),
    tags(
        (name = "teams", description = "De virtuele teams en hun maandresultaten"),
        (name = "wijken", description = "De wijken van het netwerk"),
        (name = "inzicht", description = "Vergelijken en Wat werkt"),
    )
)]
struct Document;

/// The one way to authenticate: a bearer token.
struct BearerToken;

impl Modify for BearerToken {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "apiSleutel",
            SecurityScheme::Http(
                HttpBuilder::new()
                    .scheme(HttpAuthScheme::Bearer)
                    .description(Some("Een API-sleutel uit Wijkwijs (API-sleutels)."))
                    .build(),
            ),
        );
        openapi.security = Some(vec![utoipa::openapi::security::SecurityRequirement::new(
            "apiSleutel",
            Vec::<String>::new(),
        )]);
    }
}

fn api() -> OpenApiRouter<AppState> {
    OpenApiRouter::with_openapi(Document::openapi())
        .routes(routes!(resources::teams))
        .routes(routes!(resources::team_months))
        .routes(routes!(resources::push_month))
        .routes(routes!(resources::wijken))
        .routes(routes!(resources::compare))
        .routes(routes!(resources::what_works))
}

/// The API's OpenAPI document.
pub fn openapi() -> utoipa::openapi::OpenApi {
    api().split_for_parts().1
}

/// The API's routes, its document at `/api/v1/openapi.json`, and a
/// problem for any other address under `/api/v1`.
pub fn router() -> Router<AppState> {
    let (routes, document) = api().split_for_parts();
    let document = std::sync::Arc::new(document);
    routes
        .route(
            "/api/v1/openapi.json",
            axum::routing::get(move || {
                let document = document.clone();
                async move { axum::Json(document.as_ref().clone()) }
            }),
        )
        .route("/api/v1", axum::routing::any(not_found))
        .route("/api/v1/{*rest}", axum::routing::any(not_found))
        .layer(axum::middleware::map_response(with_version))
}

async fn not_found() -> Problem {
    Problem::not_found()
}

async fn with_version(mut response: Response) -> Response {
    response
        .headers_mut()
        .insert("api-version", HeaderValue::from_static(VERSION));
    response
}
