//! The Wijkwijs web application: pages, components and server functions.
//! Built twice: with `ssr` into the server binary, which renders every page
//! and answers every form post; and with `hydrate` into the browser bundle,
//! which holds only the islands (`#[island]`): the few parts that do more
//! with JavaScript. Everything else is plain HTML, so pages carry no
//! hydration data and the bundle stays small.

pub mod api;
#[cfg(feature = "ssr")]
pub mod auth;
pub mod components;
pub mod error;
pub mod language;
pub mod pages;
#[cfg(feature = "ssr")]
pub mod state;
#[cfg(feature = "ssr")]
pub mod store;

use components::layout::{SiteFooter, SiteHeader};
use leptos::prelude::*;
use leptos_meta::{provide_meta_context, MetaTags, Title};
use leptos_router::{
    components::{Route, Router, Routes},
    path, SsrMode,
};
use pages::{
    accessibility::AccessibilityPage,
    account::AccountPage,
    admin::{AdminAccountPage, AdminPage},
    agreement::{AgreementPage, NewAgreementPage},
    audit::AuditPage,
    canvas::{CanvasPage, NewCanvasPage},
    chart::ChartPage,
    compare::ComparePage,
    governance::{GovernancePage, NewNotePage, NotePage},
    import::{ImportPage, ImportPreviewPage},
    knelpunt::{KnelpuntPage, NewKnelpuntPage},
    lesson::{LessonPage, NewLessonPage},
    login::LoginPage,
    not_found::NotFoundPage,
    overview::OverviewPage,
    results::ResultsPage,
    search::SearchPage,
    second_factor::SecondFactorPage,
    setup::SetupPage,
    structure::StructurePage,
    survey::SurveyPage,
    team::{TeamPage, TeamPart},
    what_works::WhatWorksPage,
    wijk::WijkPage,
};
use shared::i18n::{t, Text};

/// The configured theme's name (`WIJKWIJS_THEME`).
fn theme() -> String {
    #[cfg(feature = "ssr")]
    if let Some(state) = use_context::<state::AppState>() {
        return state.theme;
    }
    "voorbeeld".to_string()
}

/// The HTML document around the app, rendered on the server only.
pub fn shell(options: LeptosOptions) -> impl IntoView {
    #[cfg(feature = "ssr")]
    content_security_policy();
    view! {
        <!DOCTYPE html>
        <html lang=language::current().code()>
            <head>
                <meta charset="utf-8" />
                <meta name="viewport" content="width=device-width, initial-scale=1" />
                <link rel="stylesheet" href=format!("/pkg/themes/{}.css", theme()) />
                <link rel="stylesheet" href="/pkg/wijkwijs.css" />
                <link rel="icon" href="/pkg/favicon.svg" type="image/svg+xml" />
                <HydrationScripts options islands=true />
                <MetaTags />
            </head>
            <body>
                <App />
            </body>
        </html>
    }
}

/// Allows only the app's own script, stylesheet and wasm, plus the one
/// inline islands script carrying this response's nonce.
#[cfg(feature = "ssr")]
fn content_security_policy() {
    use axum::http::{header, HeaderValue};
    let (Some(nonce), Some(response)) = (
        leptos::nonce::use_nonce(),
        use_context::<leptos_axum::ResponseOptions>(),
    ) else {
        return;
    };
    let policy = format!(
        "default-src 'self'; script-src 'self' 'wasm-unsafe-eval' 'nonce-{nonce}'; \
         style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; \
         base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
    );
    if let Ok(value) = HeaderValue::from_str(&policy) {
        response.insert_header(header::CONTENT_SECURITY_POLICY, value);
    }
}

#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();

    view! {
        <Title formatter=|page: String| format!("{page} · {}", t(Text::AppName)) />
        <Router>
            <SiteHeader />
            <main id="inhoud" tabindex="-1">
                <Routes fallback=NotFoundPage>
                    <Route path=path!("") view=OverviewPage ssr=SsrMode::Async />
                    <Route path=path!("/teams/:id") view=|| view! { <TeamPage part=TeamPart::Overview /> } ssr=SsrMode::Async />
                    <Route path=path!("/teams/:id/afspraken") view=|| view! { <TeamPage part=TeamPart::Agreements /> } ssr=SsrMode::Async />
                    <Route path=path!("/teams/:id/resultaten") view=|| view! { <TeamPage part=TeamPart::Results /> } ssr=SsrMode::Async />
                    <Route path=path!("/teams/:id/lessen") view=|| view! { <TeamPage part=TeamPart::Lessons /> } ssr=SsrMode::Async />
                    <Route path=path!("/teams/:id/canvassen") view=|| view! { <TeamPage part=TeamPart::Canvases /> } ssr=SsrMode::Async />
                    <Route path=path!("/teams/:id/knelpunten") view=|| view! { <TeamPage part=TeamPart::Knelpunten /> } ssr=SsrMode::Async />
                    <Route path=path!("/teams/:id/vragen") view=|| view! { <TeamPage part=TeamPart::Questions /> } ssr=SsrMode::Async />
                    <Route path=path!("/teams/:id/leden") view=|| view! { <TeamPage part=TeamPart::Members /> } ssr=SsrMode::Async />
                    <Route path=path!("/teams/:id/nieuwe-afspraak") view=NewAgreementPage ssr=SsrMode::Async />
                    <Route path=path!("/teams/:id/resultaten/invoeren") view=ResultsPage ssr=SsrMode::Async />
                    <Route path=path!("/teams/:id/resultaten/importeren") view=|| view! { <ImportPage network=false /> } ssr=SsrMode::Async />
                    <Route path=path!("/teams/:id/resultaten/importeren/:token") view=|| view! { <ImportPreviewPage network=false /> } ssr=SsrMode::Async />
                    <Route path=path!("/teams/:id/grafieken/:measure") view=ChartPage ssr=SsrMode::Async />
                    <Route path=path!("/teams/:id/nieuwe-les") view=NewLessonPage ssr=SsrMode::Async />
                    <Route path=path!("/teams/:id/nieuw-canvas") view=NewCanvasPage ssr=SsrMode::Async />
                    <Route path=path!("/teams/:id/nieuw-knelpunt") view=NewKnelpuntPage ssr=SsrMode::Async />
                    <Route path=path!("/teams/:id/vragenlijst") view=SurveyPage ssr=SsrMode::Async />
                    <Route path=path!("/afspraken/:id") view=AgreementPage ssr=SsrMode::Async />
                    <Route path=path!("/wijken/:id") view=WijkPage ssr=SsrMode::Async />
                    <Route path=path!("/vergelijken") view=ComparePage ssr=SsrMode::Async />
                    <Route path=path!("/wat-werkt") view=WhatWorksPage ssr=SsrMode::Async />
                    <Route path=path!("/zoeken") view=SearchPage ssr=SsrMode::Async />
                    <Route path=path!("/bestuurderstafel") view=GovernancePage ssr=SsrMode::Async />
                    <Route path=path!("/bestuurderstafel/overleg/nieuw") view=NewNotePage ssr=SsrMode::Async />
                    <Route path=path!("/overleg/:id") view=NotePage ssr=SsrMode::Async />
                    <Route path=path!("/lessen/:id") view=LessonPage ssr=SsrMode::Async />
                    <Route path=path!("/canvassen/:id") view=CanvasPage ssr=SsrMode::Async />
                    <Route path=path!("/knelpunten/:id") view=KnelpuntPage ssr=SsrMode::Async />
                    <Route path=path!("/toegankelijkheid") view=AccessibilityPage />
                    <Route path=path!("/inloggen") view=LoginPage ssr=SsrMode::Async />
                    <Route path=path!("/inloggen/tweede-stap") view=SecondFactorPage ssr=SsrMode::Async />
                    <Route path=path!("/account") view=AccountPage ssr=SsrMode::Async />
                    <Route path=path!("/api-sleutels") view=pages::api_tokens::ApiTokensPage ssr=SsrMode::Async />
                    <Route path=path!("/account/instellen/:token") view=SetupPage ssr=SsrMode::Async />
                    <Route path=path!("/beheer") view=AdminPage ssr=SsrMode::Async />
                    <Route path=path!("/beheer/accounts/:id") view=AdminAccountPage ssr=SsrMode::Async />
                    <Route path=path!("/beheer/auditlog") view=AuditPage ssr=SsrMode::Async />
                    <Route path=path!("/beheer/structuur") view=StructurePage ssr=SsrMode::Async />
                    <Route path=path!("/beheer/resultaten-importeren") view=|| view! { <ImportPage network=true /> } ssr=SsrMode::Async />
                    <Route path=path!("/beheer/resultaten-importeren/:token") view=|| view! { <ImportPreviewPage network=true /> } ssr=SsrMode::Async />
                </Routes>
            </main>
            <SiteFooter />
        </Router>
    }
}

/// Entry point of the browser bundle.
#[cfg(feature = "hydrate")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    shared::i18n::set_language_source(language::current);
    leptos::mount::hydrate_islands();
    // Lets browser tests wait for the islands instead of sleeping. Leptos's
    // islands script wakes them right after this returns, within the same
    // task, so anything that sees the mark sees them awake.
    if let Some(body) = document().body() {
        let _ = body.set_attribute("data-hydrated", "true");
    }
}
