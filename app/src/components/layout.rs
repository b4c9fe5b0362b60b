//! The frame around every page: skip link, header with navigation, footer.

use crate::api::account::{load_signed_in, Logout};
use leptos::prelude::*;
use leptos_router::hooks::use_location;
use shared::i18n::{t, Text};
use shared::network::AccountRole;

#[component]
pub fn SiteHeader() -> impl IntoView {
    // Asked again on every navigation, so logging in or out shows at once.
    let pathname = use_location().pathname;
    let account = Resource::new(move || pathname.get(), |_| load_signed_in());
    let logout = ServerAction::<Logout>::new();
    let who = move || {
        Suspend::new(async move {
            match account.await {
                Ok(Some(account)) => view! {
                    {(account.role == AccountRole::Beheerder)
                        .then(|| view! { <li><a href="/beheer">{t(Text::NavAdmin)}</a></li> })}
                    <li><a href="/account">{format!("{} {}", t(Text::LoggedInAs), account.display_name)}</a></li>
                    <li>
                        <ActionForm action=logout attr:class="inline-form">
                            <button type="submit" class="link-button">{t(Text::Logout)}</button>
                        </ActionForm>
                    </li>
                }
                .into_any(),
                _ => view! { <li><a href="/inloggen">{t(Text::LoginTitle)}</a></li> }.into_any(),
            }
        })
    };
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
                    <li><a href="/vergelijken">{t(Text::NavCompare)}</a></li>
                    <li><a href="/wat-werkt">{t(Text::NavWhatWorks)}</a></li>
                    <li><a href="/zoeken">{t(Text::NavSearch)}</a></li>
                    <li><a href="/bestuurderstafel">{t(Text::NavGovernance)}</a></li>
                    <Suspense fallback=|| ()>{who}</Suspense>
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
