//! An island: the saving of a maatwerkcanvas, computed while the user types
//! the two routes' costs, where JavaScript runs. It is the same pure
//! computation the save uses; without JavaScript the saved canvas shows it.
//! Labels come from the server, so the browser bundle carries no texts.

use leptos::prelude::*;

#[island]
pub fn LiveSaving(
    /// "Besparing:" and "Meerkosten:" in the page's language.
    saving_label: String,
    extra_cost_label: String,
    /// The form's fields, rendered on the server.
    children: Children,
) -> impl IntoView {
    // Shown once the user changes a field: the saved canvas states its own.
    let saving = RwSignal::new(None::<i64>);
    let recompute = move |event: leptos::ev::Event| {
        use leptos::wasm_bindgen::JsCast;
        use leptos::web_sys::{Element, HtmlInputElement, HtmlSelectElement};
        let Some(fields) = event
            .current_target()
            .and_then(|target| target.dyn_into::<Element>().ok())
        else {
            return;
        };
        let typed = |name: &str| -> String {
            match fields.query_selector(&format!("[name={name}]")) {
                Ok(Some(field)) => match field.dyn_ref::<HtmlInputElement>() {
                    Some(input) => input.value(),
                    None => field
                        .dyn_ref::<HtmlSelectElement>()
                        .map(HtmlSelectElement::value)
                        .unwrap_or_default(),
                },
                _ => String::new(),
            }
        };
        let route = |route: &str| {
            [
                typed(&format!("{route}_amount")),
                typed(&format!("{route}_basis")),
                typed(&format!("{route}_months")),
            ]
        };
        let (regular, tailored) = (route("regular"), route("tailored"));
        saving.set(shared::canvas::typed_saving(
            (&regular[0], &regular[1], &regular[2]),
            (&tailored[0], &tailored[1], &tailored[2]),
        ));
    };
    let shown = move || {
        saving.get().map(|cents| {
            if cents >= 0 {
                format!("{saving_label} {}", shared::canvas::euro(cents))
            } else {
                format!("{extra_cost_label} {}", shared::canvas::euro(-cents))
            }
        })
    };
    view! {
        <div on:input=recompute on:change=recompute>
            {children()}
            <p class="lead saving"><output>{shown}</output></p>
        </div>
    }
}
