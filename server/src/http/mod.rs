//! The HTTP server: the Leptos app and its server functions, static files,
//! a health check, request logging and graceful shutdown.

mod access;
pub mod api;
pub mod bundle;
mod charts;
mod export;
mod guard;
pub use guard::MAX_BODY_BYTES;
mod metrics;
mod reply;

use crate::config::ServeArgs;
use anyhow::Context;
use app::state::AppState;
use app::{shell, App};
use axum::extract::State;
use axum::http::StatusCode;
use axum::routing::get;
use axum::Router;
use leptos::prelude::LeptosOptions;
use leptos_axum::{generate_route_list, AxumRouteListing, LeptosRoutes};
use sea_orm::DatabaseConnection;
use shared::suppression::SuppressionPolicy;

/// The app's routes, generated once per process. Generating runs the
/// app with resource loading suppressed for the whole process (leptos
/// #4773): a page rendering on another thread meanwhile would wait for
/// its data forever. Every router waits for this list, so once it is
/// made no render can overlap its making (tests build many routers).
fn routes() -> Vec<AxumRouteListing> {
    static ROUTES: std::sync::OnceLock<Vec<AxumRouteListing>> = std::sync::OnceLock::new();
    ROUTES.get_or_init(|| generate_route_list(App)).clone()
}

/// The application's router around `state`, serving the browser bundle
/// from the site root on disk.
pub fn router(state: AppState) -> Router {
    router_with(state, None)
}

/// `router`, serving the browser bundle from `embedded` when given.
pub fn router_with(state: AppState, embedded: Option<&'static bundle::Bundle>) -> Router {
    shared::i18n::set_language_source(app::language::current);
    metrics::handle();
    let routes = routes();
    let options = state.leptos_options.clone();
    // The routes beside the app speak the request's language as its pages
    // and server functions do.
    let beside_the_app = Router::new()
        .route("/mijn-team", get(my_team))
        .route("/beheer/auditlog.csv", get(export::audit_csv))
        .route(
            "/grafieken/teams/{id}/{measure}",
            get(charts::team_run_chart),
        )
        .route(
            "/grafieken/wijken/{id}/{measure}",
            get(charts::wijk_run_chart),
        )
        .route("/grafieken/vergelijken.svg", get(charts::compare_funnel))
        .route("/grafieken/verspreiding.svg", get(charts::adoptions_chart))
        .route_layer(axum::middleware::from_fn(in_request_language));
    let files = match embedded {
        Some(_) => Router::new().route("/pkg/{*name}", get(bundle::serve)),
        None => Router::new(),
    };
    Router::new()
        .merge(files)
        .merge(api::router())
        .route("/healthz", get(healthz))
        .route("/metrics", get(metrics::scrape))
        .route("/.well-known/security.txt", get(security_txt))
        .merge(beside_the_app)
        .leptos_routes_with_context(
            &state,
            routes,
            app::language::provide_from_request,
            move || shell(options.clone()),
        )
        .fallback(leptos_axum::file_and_error_handler_with_context::<
            AppState,
            _,
        >(app::language::provide_from_request, shell))
        .layer(axum::middleware::from_fn(export::tables))
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            guard::guard,
        ))
        .layer(axum::middleware::from_fn(access::log))
        .with_state(state)
}

/// Where the browser bundle is read from disk: `--site-root`, else
/// `target/site` (a development checkout; a release binary carries its
/// bundle and reads none).
fn site_root(args: &ServeArgs) -> std::path::PathBuf {
    args.site_root
        .clone()
        .unwrap_or_else(|| std::path::PathBuf::from("target/site"))
}

pub fn state(db: DatabaseConnection, args: &ServeArgs) -> AppState {
    let leptos_options = LeptosOptions::builder()
        .output_name("wijkwijs")
        .site_root(site_root(args).to_string_lossy().to_string())
        .site_pkg_dir("pkg")
        .site_addr(args.addr)
        .build();
    AppState {
        leptos_options,
        audit: app::store::audit::GroupWriter::start(db.clone()),
        db,
        suppression: SuppressionPolicy {
            min_denominator: args.min_denominator,
            min_count: args.min_count,
        },
        public_origin: args.public_origin.clone(),
        trusted_proxies: args.trusted_proxies.clone(),
        metrics_token: args.metrics_token.clone(),
        security_contact: args.security_contact.clone(),
        theme: args.theme.clone(),
        insight: app::store::insight_cache::InsightCache::with_megabytes(args.cache_mb),
        imports_under_way: Default::default(),
        tokens_to_show: Default::default(),
    }
}

/// Serves until SIGTERM or Ctrl-C, then finishes the requests under way.
pub async fn serve(db: DatabaseConnection, args: &ServeArgs) -> anyhow::Result<()> {
    use axum::serve::ListenerExt;
    let listener = tokio::net::TcpListener::bind(args.addr)
        .await
        .with_context(|| format!("cannot listen on {}", args.addr))?
        // Small answers leave at once instead of waiting for the client's
        // delayed acknowledgement (Nagle).
        .tap_io(|tcp| {
            if let Err(err) = tcp.set_nodelay(true) {
                tracing::debug!(error = %err, "cannot set TCP_NODELAY");
            }
        });
    let embedded = args
        .site_root
        .is_none()
        .then(bundle::Bundle::embedded)
        .flatten();
    let theme = format!("themes/{}.css", args.theme);
    let theme_missing = match embedded {
        Some(bundle) => (!bundle.has(&theme)).then(|| "the bundle in this binary".to_string()),
        None => {
            let pkg = site_root(args).join("pkg");
            if !pkg.join("wijkwijs.js").exists() {
                tracing::warn!(
                    site_root = %site_root(args).display(),
                    "no browser bundle found: pages work, but without their islands"
                );
                None
            } else {
                (!pkg.join(&theme).exists()).then(|| pkg.display().to_string())
            }
        }
    };
    if let Some(place) = theme_missing {
        anyhow::bail!(
            "WIJKWIJS_THEME={}: there is no {theme} in {place} (see docs/theming.md)",
            args.theme
        );
    }
    tracing::info!("Wijkwijs is served at http://{}", args.addr);
    let upkeep = tokio::spawn(crate::upkeep::run_while_serving(
        db.clone(),
        args.audit_retention_days,
    ));
    let app = router_with(state(db, args), embedded)
        .into_make_service_with_connect_info::<std::net::SocketAddr>();
    axum::serve(listener, app)
        .with_graceful_shutdown(shutdown_signal())
        .await
        .context("the HTTP server stopped")?;
    upkeep.abort();
    tracing::info!("stopped");
    Ok(())
}

/// "Mijn team": the signed-in member's own team (the guard has sent anyone
/// else to log in first).
async fn my_team(
    axum::Extension(request): axum::Extension<app::auth::RequestContext>,
) -> axum::response::Redirect {
    let page = request
        .viewer()
        .map_or_else(|| "/".to_string(), |viewer| viewer.my_team_page());
    axum::response::Redirect::to(&page)
}

/// Runs a handler beside the app in the request's language.
async fn in_request_language(
    request: axum::extract::Request,
    next: axum::middleware::Next,
) -> axum::response::Response {
    let language = request
        .extensions()
        .get::<app::auth::RequestContext>()
        .map(|context| context.language)
        .unwrap_or_default();
    app::language::speaking(language, next.run(request)).await
}

/// RFC 9116: whom to tell about a vulnerability, valid for half a year
/// from each request (so it never expires while the server runs).
async fn security_txt(State(state): State<AppState>) -> axum::response::Response {
    use axum::response::IntoResponse;
    let Some(contact) = state.security_contact.as_deref() else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let expires = chrono::Utc::now() + chrono::Duration::days(182);
    let mut text = format!(
        "Contact: {contact}\nExpires: {}\nPreferred-Languages: nl, en\n",
        expires.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
    );
    if let Some(origin) = state.public_origin.as_deref() {
        text.push_str(&format!(
            "Canonical: {}/.well-known/security.txt\n",
            origin.trim_end_matches('/')
        ));
    }
    (
        [(
            axum::http::header::CONTENT_TYPE,
            "text/plain; charset=utf-8",
        )],
        text,
    )
        .into_response()
}

/// 200 when the database answers, 503 when it does not.
async fn healthz(State(state): State<AppState>) -> (StatusCode, &'static str) {
    match state.db.ping().await {
        Ok(()) => (StatusCode::OK, "ok"),
        Err(err) => {
            tracing::error!(error = %err, "health check: database unreachable");
            (StatusCode::SERVICE_UNAVAILABLE, "database unreachable")
        }
    }
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
    tracing::info!("shutting down");
}
