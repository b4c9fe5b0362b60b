//! The one way to render a form field and a form's overall message. A
//! refused submission comes back (with or without JavaScript) as
//! `AppError::Invalid`, whose messages appear next to their fields and
//! whose input refills them.

use crate::error::{AppError, FormErrors};
use leptos::prelude::*;

/// The `FormErrors` of an action's last result, if it was refused.
pub fn form_errors<T: Clone + Send + Sync + 'static>(
    value: impl Get<Value = Option<Result<T, AppError>>> + Send + Sync + 'static,
) -> Signal<Option<FormErrors>> {
    Signal::derive(move || match value.get() {
        Some(Err(AppError::Invalid(errors))) => Some(errors),
        _ => None,
    })
}

/// The refusal of a plain form post to the server function `S` that the
/// server sent back in the page's address, as `ServerAction` reads it for
/// the forms it drives: for a server function no action can drive (a file
/// upload, whose arguments cannot be cloned).
pub fn returned_refusal<S>() -> Signal<Option<Result<(), AppError>>>
where
    S: leptos::server_fn::ServerFn<Error = AppError>,
{
    use leptos::server_fn::error::ServerFnUrlError;
    let refusal = use_context::<leptos::server::ServerActionError>()
        .filter(|error| error.path() == S::PATH)
        .map(|error| Err(ServerFnUrlError::<AppError>::decode_err(error.err())));
    Signal::stored(refusal)
}

/// The error of an action's last result, if any.
pub fn action_error<T: Clone + Send + Sync + 'static>(
    value: impl Get<Value = Option<Result<T, AppError>>> + Send + Sync + 'static,
) -> Signal<Option<AppError>> {
    Signal::derive(move || match value.get() {
        Some(Err(error)) => Some(error),
        _ => None,
    })
}

/// The version of an action's last successful submission: a key for
/// resources to load again after a change, but not after a refusal (which
/// would redraw the form the user is still correcting).
pub fn last_success<T: Clone + Send + Sync + 'static>(
    version: impl Get<Value = usize> + Send + Sync + 'static,
    value: impl Get<Value = Option<Result<T, AppError>>> + Send + Sync + 'static,
) -> Memo<usize> {
    Memo::new(move |previous: Option<&usize>| {
        let version = version.get();
        match value.get() {
            Some(Ok(_)) => version,
            _ => previous.copied().unwrap_or(0),
        }
    })
}

/// A labelled input with its hint and, after a refused submission, its
/// message and the value the user typed (never for passwords).
#[component]
pub fn FormField(
    /// The server function argument this field fills.
    name: &'static str,
    /// Tells fields of the same name apart when a page has several forms.
    #[prop(optional)]
    scope: Option<&'static str>,
    label: &'static str,
    /// An input type, or "textarea".
    #[prop(default = "text")]
    kind: &'static str,
    #[prop(optional)] hint: Option<&'static str>,
    #[prop(optional)] autocomplete: Option<&'static str>,
    #[prop(optional)] required: bool,
    #[prop(optional, into)] value: Option<String>,
    /// Makes the field a choice: (value, label) pairs.
    #[prop(optional)]
    options: Option<Vec<(String, String)>>,
    #[prop(into)] errors: Signal<Option<FormErrors>>,
    /// A file field that takes several files.
    #[prop(optional)]
    multiple: bool,
    /// The file types a file field offers first (".xml,.zip").
    #[prop(optional)]
    accept: Option<&'static str>,
) -> impl IntoView {
    let id = match scope {
        Some(scope) => format!("veld-{scope}-{name}"),
        None => format!("veld-{name}"),
    };
    let hint_id = format!("{id}-hint");
    let message_id = format!("{id}-melding");
    let message = move || {
        errors
            .get()
            .and_then(|e| e.message(name).map(str::to_string))
    };
    let retained = Signal::derive(move || {
        if kind == "password" {
            // Never sent back; emptied after a refusal.
            return errors.get().map(|_| String::new());
        }
        errors
            .get()
            .and_then(|e| e.value(name).map(str::to_string))
            .or_else(|| value.clone())
    });
    let described_by = {
        let (hint_id, message_id) = (hint_id.clone(), message_id.clone());
        move || {
            let mut ids = Vec::new();
            if hint.is_some() {
                ids.push(hint_id.clone());
            }
            if message().is_some() {
                ids.push(message_id.clone());
            }
            (!ids.is_empty()).then(|| ids.join(" "))
        }
    };
    let invalid = move || message().is_some().then_some("true");
    let control = match options {
        None if kind == "textarea" => view! {
            <textarea
                id=id.clone()
                name=name
                rows="6"
                required=required
                prop:value=move || retained.get().unwrap_or_default()
                aria-invalid=invalid
                aria-describedby=described_by
            >
                {move || retained.get().unwrap_or_default()}
            </textarea>
        }
        .into_any(),
        Some(options) => view! {
            <select id=id.clone() name=name required=required aria-invalid=invalid aria-describedby=described_by>
                {options
                    .into_iter()
                    .map(|(option, text)| {
                        let selected = {
                            let option = option.clone();
                            move || retained.get().as_deref() == Some(option.as_str())
                        };
                        view! { <option value=option selected=selected>{text}</option> }
                    })
                    .collect_view()}
            </select>
        }
        .into_any(),
        None => view! {
            <input
                id=id.clone()
                name=name
                type=kind
                autocomplete=autocomplete
                required=required
                multiple=multiple
                accept=accept
                prop:value=move || retained.get().unwrap_or_default()
                value=retained
                aria-invalid=invalid
                aria-describedby=described_by
            />
        }
        .into_any(),
    };
    view! {
        <div class="field" class:field-invalid=move || message().is_some()>
            <label for=id.clone()>{label}</label>
            {hint.map(|h| view! { <p class="hint" id=hint_id.clone()>{h}</p> })}
            {move || message().map(|m| view! { <p class="field-message" id=message_id.clone()>{m}</p> })}
            {control}
        </div>
    }
}

/// The form's overall message: a refusal without a field, or any other
/// error of the last submission.
#[component]
pub fn FormAlert(#[prop(into)] error: Signal<Option<AppError>>) -> impl IntoView {
    let text = move || {
        error.get().map(|error| match &error {
            AppError::Invalid(errors) => errors
                .message("")
                .map(str::to_string)
                .unwrap_or_else(|| error.message().to_string()),
            other => other.message().to_string(),
        })
    };
    move || {
        text().map(|text| {
            view! { <p class="form-alert" role="alert">{text}</p> }
        })
    }
}

/// A group of checkboxes sending `name[i]` = id for every ticked option,
/// ticked from `chosen` — or, after a refusal, from what the user sent
/// (the server keeps the ids comma-separated under `name`).
#[component]
pub fn CheckboxList(
    name: &'static str,
    legend: &'static str,
    options: Vec<(i32, String)>,
    #[prop(optional)] chosen: Vec<i32>,
    /// Shown instead when there is nothing to choose.
    empty: &'static str,
    #[prop(into)] errors: Signal<Option<FormErrors>>,
) -> impl IntoView {
    let ticked = move |id: i32| match errors.get().and_then(|e| e.value(name).map(str::to_string)) {
        Some(ids) => ids.split(',').any(|x| x == id.to_string()),
        None => chosen.contains(&id),
    };
    let boxes = if options.is_empty() {
        view! { <p class="hint">{empty}</p> }.into_any()
    } else {
        options
            .into_iter()
            .enumerate()
            .map(|(i, (id, label))| {
                let ticked = ticked.clone();
                let box_id = format!("veld-{name}-{id}");
                view! {
                    <div class="check">
                        <input type="checkbox" id=box_id.clone() name=format!("{name}[{i}]") value=id checked=move || ticked(id) />
                        <label for=box_id>{label}</label>
                    </div>
                }
            })
            .collect_view()
            .into_any()
    };
    view! {
        <fieldset class="checks">
            <legend>{legend}</legend>
            {boxes}
        </fieldset>
    }
}

/// After a free text looked like it held personal data (a phone number, a
/// date of birth …): the box by which the writer confirms it is none of a
/// client's. Shown only then, so nobody ticks it out of habit.
#[component]
pub fn PersonalDataCheck(
    /// Tells the box apart when a page has several forms.
    #[prop(optional)]
    scope: Option<&'static str>,
    #[prop(into)] errors: Signal<Option<FormErrors>>,
) -> impl IntoView {
    use shared::personal_data::CHECK_FIELD;
    let id = match scope {
        Some(scope) => format!("veld-{scope}-{CHECK_FIELD}"),
        None => format!("veld-{CHECK_FIELD}"),
    };
    move || {
        use shared::i18n::{t, Text};
        let message = errors.get()?.message(CHECK_FIELD)?.to_string();
        let message_id = format!("{id}-melding");
        Some(view! {
            <div class="field field-invalid check">
                <p class="field-message" id=message_id.clone()>{message}</p>
                <input type="checkbox" id=id.clone() name=CHECK_FIELD value="ja" aria-describedby=message_id />
                <label for=id.clone()>{t(Text::PersonalDataConfirm)}</label>
            </div>
        })
    }
}

/// Which of the viewer's teams acts on another team's record: a choice
/// when they are in several, otherwise a hidden field and a line saying
/// for which team.
#[component]
pub fn ActingTeamField(
    teams: Vec<shared::dto::ActingTeam>,
    /// Tells this form's field apart from others on the page.
    scope: &'static str,
    #[prop(into)] errors: Signal<Option<FormErrors>>,
) -> impl IntoView {
    use shared::i18n::{t, Text};
    match teams.as_slice() {
        [one] => view! {
            <input type="hidden" name="team_id" value=one.id />
            <p class="hint">{format!("{} {}", t(Text::OnBehalfOf), one.name)}</p>
        }
        .into_any(),
        _ => {
            let options = teams
                .iter()
                .map(|team| (team.id.to_string(), team.name.clone()))
                .collect();
            view! { <FormField name="team_id" scope label=t(Text::OnBehalfOfTeam) options errors /> }
                .into_any()
        }
    }
}

/// A choice's options from a coded enum's values: (code, label), with an
/// empty "choose" option first when nothing is chosen yet.
pub fn coded_options<T: Copy>(
    all: &[T],
    code: impl Fn(T) -> &'static str,
    label: impl Fn(T) -> &'static str,
    with_empty: bool,
) -> Vec<(String, String)> {
    let empty = with_empty.then(|| {
        (
            String::new(),
            shared::i18n::t(shared::i18n::Text::Choose).to_string(),
        )
    });
    empty
        .into_iter()
        .chain(
            all.iter()
                .map(|v| (code(*v).to_string(), label(*v).to_string())),
        )
        .collect()
}
