//! Showing data that a server function loads: a loading note while it
//! comes, the page when it is there, a Dutch error with the right HTTP
//! status when it fails.

use crate::error::AppError;
use leptos::prelude::*;
use leptos_meta::Title;
use shared::i18n::{t, Text};

/// Renders `resource` with `render` once it has loaded. On failure the
/// error takes the whole page, title and heading included, so `render`
/// owns the page's `<h1>`.
#[component]
pub fn Loaded<T, V>(
    resource: Resource<Result<T, AppError>>,
    render: impl Fn(T) -> V + Send + Sync + Clone + 'static,
) -> impl IntoView
where
    T: Clone + Send + Sync + serde::Serialize + serde::de::DeserializeOwned + 'static,
    V: IntoView + 'static,
{
    view! {
        <Suspense fallback=|| view! { <p class="loading">{t(Text::Loading)}</p> }>
            {
                let render = render.clone();
                move || {
                    let render = render.clone();
                    Suspend::new(async move {
                        match resource.await {
                            Ok(data) => render(data).into_any(),
                            Err(error) => view! { <ErrorNotice error /> }.into_any(),
                        }
                    })
                }
            }
        </Suspense>
    }
}

#[component]
pub fn ErrorNotice(error: AppError) -> impl IntoView {
    error.set_response_status();
    view! {
        <Title text=t(Text::ErrorTitle) />
        <section class="notice notice-error" role="alert">
            <h1>{t(Text::ErrorTitle)}</h1>
            <p>{error.message()}</p>
            <p><a href="/">{t(Text::BackToOverview)}</a></p>
        </section>
    }
}
