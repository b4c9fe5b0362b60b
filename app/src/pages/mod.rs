//! One module per screen.

pub mod accessibility;
pub mod account;
pub mod admin;
pub mod agreement;
pub mod api_tokens;
pub mod audit;
pub mod canvas;
pub mod chart;
pub mod compare;
pub mod governance;
pub mod import;
pub mod knelpunt;
pub mod lesson;
pub mod login;
pub mod not_found;
pub mod overview;
pub mod results;
pub mod search;
pub mod second_factor;
pub mod setup;
pub mod structure;
pub mod survey;
pub mod team;
pub mod what_works;
pub mod wijk;

/// A numeric route parameter, e.g. the `:id` of `/teams/:id`.
fn param(name: &'static str) -> impl Fn() -> Option<i32> + Copy + Send + Sync + 'static {
    let params = leptos_router::hooks::use_params_map();
    move || {
        leptos::prelude::Read::read(&params)
            .get(name)
            .and_then(|v| v.parse().ok())
    }
}
