//! The frame around every page: skip link, header with navigation, footer.

use crate::api::account::Logout;
use leptos::prelude::*;
use shared::dto::SignedIn;
use shared::i18n::{t, Language, Text};
use shared::network::AccountRole;

/// Who is logged in. The frame is rendered on the server only (it is no
/// island), where the request's session is already at hand: every page is
/// a full load, so logging in or out shows at once.
fn signed_in() -> Option<SignedIn> {
    #[cfg(feature = "ssr")]
    return crate::auth::signed_in();
    #[cfg(not(feature = "ssr"))]
    None
}

#[component]
pub fn SiteHeader() -> impl IntoView {
    let logout = ServerAction::<Logout>::new();
    let account = signed_in();
    let my_team = account.as_ref().filter(|a| a.in_a_team).map(|a| {
        let news = (a.news > 0).then(|| {
            view! {
                " "
                <span class="count">{a.news}<span class="visually-hidden">{format!(" {}", t(Text::NewsCount))}</span></span>
            }
        });
        view! { <li><a href="/mijn-team">{t(Text::NavMyTeam)}{news}</a></li> }
    });
    let who = match account {
        Some(account) => view! {
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
        None => view! { <li><a href="/inloggen">{t(Text::LoginTitle)}</a></li> }.into_any(),
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
                    {my_team}
                    <li><a href="/">{t(Text::NavOverview)}</a></li>
                    <li><a href="/vergelijken">{t(Text::NavCompare)}</a></li>
                    <li><a href="/wat-werkt">{t(Text::NavWhatWorks)}</a></li>
                    <li><a href="/zoeken">{t(Text::NavSearch)}</a></li>
                    <li><a href="/bestuurderstafel">{t(Text::NavGovernance)}</a></li>
                    {who}
                    <li><LanguageSwitch /></li>
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

/// The header's switch: a plain form (a full page load, with or without
/// JavaScript) offering the other language, named in that language.
#[component]
pub fn LanguageSwitch() -> impl IntoView {
    let other = match crate::language::current() {
        Language::Dutch => Language::English,
        Language::English => Language::Dutch,
    };
    let location = leptos_router::hooks::use_location();
    let back = move || {
        let (path, query) = (location.pathname.get(), location.search.get());
        let query = query.trim_start_matches('?');
        if query.is_empty() {
            path
        } else {
            format!("{path}?{query}")
        }
    };
    view! {
        <form method="post" action="/api/language" class="inline-form language-switch">
            <input type="hidden" name="language" value=other.code() />
            <input type="hidden" name="back" value=back />
            <button type="submit" class="link-button" lang=other.code()>
                {Text::LanguageName.text(other)}
            </button>
        </form>
    }
}
