//! The frame around every page: skip link, header with navigation, footer.

use leptos::prelude::*;
use shared::i18n::{t, Text};

#[component]
pub fn SiteHeader() -> impl IntoView {
    view! {
        <a class="skip-link" href="#inhoud">{t(Text::SkipToContent)}</a>
        <header class="site-header">
            <a class="brand" href="/">
                <span class="brand-name">{t(Text::AppName)}</span>
                <span class="brand-tagline">{t(Text::Tagline)}</span>
            </a>
            <nav aria-label=t(Text::MainNavigation)>
                <ul>
                    <li><a href="/">{t(Text::NavOverview)}</a></li>
                </ul>
            </nav>
        </header>
    }
}

#[component]
pub fn SiteFooter() -> impl IntoView {
    view! {
        <footer class="site-footer">
            <a href="/toegankelijkheid">{t(Text::NavAccessibility)}</a>
        </footer>
    }
}
