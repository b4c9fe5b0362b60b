//! The audit log for beheerders: filter by person, action, result and
//! period; export what matches as CSV.

use crate::api::admin::{audit_log, AUDIT_PAGE_ROWS};
use crate::components::data_table::{Cell, DataTable};
use crate::components::form::FormField;
use crate::components::load::Loaded;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;
use shared::dto::{AuditFilter, AuditRow};
use shared::i18n::{t, Text};

#[component]
pub fn AuditPage() -> impl IntoView {
    let query = use_query_map();
    let filter = move || {
        let q = query.read();
        let get = |name: &str| q.get(name).unwrap_or_default();
        AuditFilter {
            actor: get("actor"),
            action: get("action"),
            outcome: get("outcome"),
            from: get("from"),
            to: get("to"),
        }
    };
    let rows = Resource::new(filter, audit_log);
    view! { <Loaded resource=rows render=move |rows| audit_view(rows, filter()) /> }
}

fn audit_view(rows: Vec<AuditRow>, filter: AuditFilter) -> impl IntoView {
    let no_errors = Signal::derive(|| None);
    let csv = format!(
        "/beheer/auditlog.csv?{}",
        [
            ("actor", &filter.actor),
            ("action", &filter.action),
            ("outcome", &filter.outcome),
            ("from", &filter.from),
            ("to", &filter.to),
        ]
        .iter()
        .map(|(k, v)| format!("{k}={}", crate::api::account::encode_query(v)))
        .collect::<Vec<_>>()
        .join("&")
    );
    let outcomes = vec![
        (String::new(), t(Text::AuditAnyOutcome).to_string()),
        ("ok".to_string(), "ok".to_string()),
        ("geweigerd".to_string(), "geweigerd".to_string()),
        ("mislukt".to_string(), "mislukt".to_string()),
    ];
    let count = rows.len();
    view! {
        <Title text=t(Text::AuditTitle) />
        <p><a href="/beheer">{t(Text::AdminTitle)}</a></p>
        <h1>{t(Text::AuditTitle)}</h1>
        <p class="lead">{t(Text::AuditIntro)}</p>
        <form method="get" action="/beheer/auditlog" class="form filters">
            <FormField name="actor" label=t(Text::AuditActor) value=filter.actor.clone() errors=no_errors />
            <FormField name="action" label=t(Text::AuditAction) value=filter.action.clone() errors=no_errors />
            <FormField name="outcome" label=t(Text::AuditOutcome) options=outcomes value=filter.outcome.clone() errors=no_errors />
            <FormField name="from" label=t(Text::AuditFrom) kind="date" value=filter.from.clone() errors=no_errors />
            <FormField name="to" label=t(Text::AuditTo) kind="date" value=filter.to.clone() errors=no_errors />
            <button type="submit" class="button">{t(Text::AuditFilterButton)}</button>
        </form>
        <p><a href=csv download="auditlog.csv">{t(Text::AuditExport)}</a></p>
        {(count as u64 == AUDIT_PAGE_ROWS).then(|| view! { <p class="note">{t(Text::AuditTruncated)}</p> })}
        <DataTable
            caption=t(Text::AuditCaption).to_string()
            headers=vec![t(Text::AuditAt), t(Text::AuditActor), t(Text::AuditAction), t(Text::AuditObject), t(Text::AuditOutcome), t(Text::AuditAddress)]
            rows=rows
                .into_iter()
                .map(|r| vec![
                    Cell::Text(r.at),
                    Cell::Text(r.actor),
                    Cell::Text(r.action),
                    Cell::Text(r.object),
                    Cell::Text(r.outcome),
                    Cell::Text(r.client_addr),
                ])
                .collect()
        />
    }
}
