//! The one way to send a part of a page rendered once: a page built from a
//! value the server keeps (a team's space, a wijk, Wat werkt) renders the
//! parts that depend only on that value into the value's `KeptHtml`, and
//! sends that HTML again until the value changes. What depends on the
//! viewer or the address (forms, buttons, threads, the title) stays
//! outside. On a national network rendering is most of a page's work.
//!
//! Only for pages outside the islands: their HTML is never hydrated, so the
//! browser build just renders the part as it is.

use leptos::prelude::*;
use shared::dto::KeptHtml;

/// `render`'s HTML, kept in `html` as `part`: the same name must always
/// render the same from the same value.
pub fn kept<V>(html: &KeptHtml, part: &str, render: impl FnOnce() -> V) -> AnyView
where
    V: IntoView + 'static,
{
    #[cfg(feature = "ssr")]
    {
        // An export collects the tables as they render: none may come
        // from kept HTML.
        if crate::components::data_table::collecting().is_some() {
            return render().into_any();
        }
        let made = html.get_or_render(part, || render().into_view().to_html());
        leptos::tachys::html::InertElement::new(made.to_string()).into_any()
    }
    #[cfg(not(feature = "ssr"))]
    {
        let _ = (html, part);
        render().into_any()
    }
}
