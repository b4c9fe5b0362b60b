//! An island: a confirmed import's progress bar, where JavaScript runs. It
//! asks the server how far the import is twice a second and reloads the
//! page once it is done; without JavaScript the page refreshes itself
//! (`<noscript>` with a `<meta http-equiv="refresh">`, beside it). Texts
//! come from the server, so the browser bundle carries none.

use leptos::prelude::*;

#[island]
pub fn ImportProgressBar(
    /// The import's token, as in the page's address.
    token: String,
    /// "Voortgang" in the page's language.
    label: String,
    /// "{}% gedaan" in the page's language.
    steps: String,
    done: usize,
    total: usize,
) -> impl IntoView {
    let state = RwSignal::new((done, total));
    Effect::new(move |_| {
        let token = token.clone();
        let ask = move || {
            let token = token.clone();
            leptos::task::spawn_local(async move {
                if let Ok(progress) = crate::api::imports::import_progress(token).await {
                    if progress.finished || !progress.under_way {
                        let _ = window().location().reload();
                    } else {
                        state.set((progress.done, progress.total));
                    }
                }
            });
        };
        if let Ok(handle) = set_interval_with_handle(ask, std::time::Duration::from_millis(500)) {
            on_cleanup(move || handle.clear());
        }
    });
    // Said aloud a tenth at a time, not at every step.
    let tenths = Memo::new(move |_| {
        let (done, total) = state.get();
        (total > 0).then(|| done * 10 / total * 10)
    });
    let shown = move || {
        tenths
            .get()
            .map(|percent| steps.replacen("{}", &percent.to_string(), 1))
    };
    view! {
        <label for="import-voortgang">{label}</label>
        <progress
            id="import-voortgang"
            max=move || state.get().1.max(1)
            value=move || { let (done, total) = state.get(); (total > 0).then_some(done) }
        ></progress>
        <p role="status">{shown}</p>
    }
}
