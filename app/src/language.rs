//! The reader's language. On the server it is the request's — the
//! account's choice, else the language cookie, else `Accept-Language`
//! (`Language::for_request`, resolved by the server's guard) — provided as
//! context to every page and server function; in the browser it is the
//! page's `<html lang>`. `shared::i18n::t` asks `current`, so every label
//! speaks it. The header's switch posts a choice to `api::language`.

use leptos::prelude::*;
use shared::i18n::Language;

/// Remembers the choice of someone not logged in (and keeps a login page
/// in the language chosen before it).
pub const COOKIE: &str = "wijkwijs_taal";

/// The language of whoever is being answered.
pub fn current() -> Language {
    #[cfg(feature = "ssr")]
    return use_context::<Language>().unwrap_or_default();
    #[cfg(not(feature = "ssr"))]
    page_language()
}

/// The page's `<html lang>`, read once: an island speaks the language its
/// page was rendered in.
#[cfg(not(feature = "ssr"))]
fn page_language() -> Language {
    thread_local! {
        static PAGE: Language = document()
            .document_element()
            .and_then(|html| html.get_attribute("lang"))
            .and_then(|code| Language::from_code(&code))
            .unwrap_or_default();
    }
    PAGE.with(|language| *language)
}

/// Provides the request's language to a page or server function (called
/// by the server for each, after the request's parts are in context).
#[cfg(feature = "ssr")]
pub fn provide_from_request() {
    provide_context(crate::auth::request().language);
}

/// Remembers the chosen language in the browser for a year.
#[cfg(feature = "ssr")]
pub fn set_cookie(language: Language, https: bool) {
    if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
        let secure = if https { "; Secure" } else { "" };
        let cookie = format!(
            "{}={}; Path=/; HttpOnly; SameSite=Lax; Max-Age=31536000{secure}",
            crate::auth::cookie_name(COOKIE, https),
            language.code()
        );
        if let Ok(value) = axum::http::HeaderValue::from_str(&cookie) {
            response.append_header(axum::http::header::SET_COOKIE, value);
        }
    }
}

/// Runs `work` (an axum handler's, outside the app: a chart, an export)
/// speaking `language`.
#[cfg(feature = "ssr")]
pub async fn speaking<T>(language: Language, work: impl std::future::Future<Output = T>) -> T {
    use leptos::reactive::computed::ScopedFuture;
    let owner = Owner::new();
    owner
        .with(|| {
            provide_context(language);
            ScopedFuture::new(work)
        })
        .await
}
