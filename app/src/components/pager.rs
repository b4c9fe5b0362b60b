//! One way to move through a long table a page at a time: plain links to
//! the same address with another `pagina`, so it works without JavaScript
//! and every page can be bookmarked.

use leptos::prelude::*;
use shared::format::{self, Unit};
use shared::i18n::{t, Text};
use shared::paging::Page;
use shared::suppression::Figure;

/// Links to the page before and after `page` of the table at `address`
/// (a path with its query string, without `pagina`). Nothing for a table
/// that fits on one page.
pub fn pager(page: Page, address: String) -> Option<impl IntoView> {
    (page.pages > 1).then(|| {
        let separator = if address.contains('?') { '&' } else { '?' };
        let link = move |number: Option<u32>, text: Text, rel: &'static str| {
            number.map(|n| {
                view! { <a href=format!("{address}{separator}pagina={n}") rel=rel>{t(text)}</a> }
            })
        };
        let range = page.range();
        let count = |n: usize| format::figure(Figure::Value(n as f64), Unit::Count);
        let status = format!(
            "{} {} {} {} ({} {}–{} {} {})",
            t(Text::PagerPage),
            page.number,
            t(Text::PagerOf),
            page.pages,
            t(Text::PagerTeams),
            count(range.start + 1),
            count(range.end),
            t(Text::PagerOf),
            count(page.total as usize),
        );
        view! {
            <nav class="pager" aria-label=t(Text::PagerLabel)>
                {link(page.previous(), Text::PagerPrevious, "prev")}
                <span>{status}</span>
                {link(page.next(), Text::PagerNext, "next")}
            </nav>
        }
    })
}
