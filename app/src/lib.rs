//! The Wijkwijs web application: pages, components and server functions.
//! Built twice: with `ssr` into the server binary, and with `hydrate` into
//! the browser bundle that takes over the server-rendered HTML.

pub mod api;
pub mod components;
pub mod error;
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
    accessibility::AccessibilityPage, not_found::NotFoundPage, overview::OverviewPage,
    team::TeamPage,
};
use shared::i18n::{t, Text};

/// The HTML document around the app, rendered on the server only.
pub fn shell(options: LeptosOptions) -> impl IntoView {
    view! {
        <!DOCTYPE html>
        <html lang="nl">
            <head>
                <meta charset="utf-8" />
                <meta name="viewport" content="width=device-width, initial-scale=1" />
                <link rel="stylesheet" href="/pkg/wijkwijs.css" />
                <HydrationScripts options />
                <MetaTags />
            </head>
            <body>
                <App />
            </body>
        </html>
    }
}

#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    // Lets browser tests wait for hydration instead of sleeping.
    Effect::new(|_| {
        if let Some(body) = document().body() {
            let _ = body.set_attribute("data-hydrated", "true");
        }
    });

    view! {
        <Title formatter=|page: String| format!("{page} · {}", t(Text::AppName)) />
        <Router>
            <SiteHeader />
            <main id="inhoud" tabindex="-1">
                <Routes fallback=NotFoundPage>
                    <Route path=path!("") view=OverviewPage ssr=SsrMode::Async />
                    <Route path=path!("/teams/:id") view=TeamPage ssr=SsrMode::Async />
                    <Route path=path!("/toegankelijkheid") view=AccessibilityPage />
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
    leptos::mount::hydrate_body(App);
}
