//! Beheer of the network's structure: one section per kind (gemeenten,
//! wijken, teams, organisaties), each a table with "wijzigen" links and one
//! form that creates a new record or, after such a link, edits that one.

use crate::api::structure::{load_structure, SaveGemeente, SaveOrganisation, SaveTeam, SaveWijk};
use crate::components::data_table::{Cell, DataTable};
use crate::components::form::{action_error, form_errors, last_success, FormAlert, FormField};
use crate::components::load::Loaded;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;
use shared::dto::NetworkStructure;
use shared::i18n::{t, Text};
use shared::network::{Doelgroep, Sector};

#[component]
pub fn StructurePage() -> impl IntoView {
    let gemeente = ServerAction::<SaveGemeente>::new();
    let wijk = ServerAction::<SaveWijk>::new();
    let team = ServerAction::<SaveTeam>::new();
    let organisation = ServerAction::<SaveOrganisation>::new();
    let saved = [
        last_success(gemeente.version(), gemeente.value()),
        last_success(wijk.version(), wijk.value()),
        last_success(team.version(), team.value()),
        last_success(organisation.version(), organisation.value()),
    ];
    let structure = Resource::new(move || saved.map(|s| s.get()), |_| load_structure());
    view! {
        <Loaded
            resource=structure
            render=move |s| structure_view(s, gemeente, wijk, team, organisation)
        />
    }
}

/// Which record a "wijzigen" link asked for, as (kind, id).
fn editing() -> Option<(String, i32)> {
    let query = use_query_map();
    let value = query.read_untracked().get("bewerk")?;
    let (kind, id) = value.rsplit_once('-')?;
    Some((kind.to_string(), id.parse().ok()?))
}

fn edit_link(kind: &str, id: i32) -> Cell {
    Cell::Link {
        text: t(Text::Edit).to_string(),
        href: format!("/beheer/structuur?bewerk={kind}-{id}#{kind}"),
    }
}

fn options<T>(items: &[T], value: impl Fn(&T) -> (String, String)) -> Vec<(String, String)> {
    items.iter().map(value).collect()
}

fn structure_view(
    s: NetworkStructure,
    gemeente_action: ServerAction<SaveGemeente>,
    wijk_action: ServerAction<SaveWijk>,
    team_action: ServerAction<SaveTeam>,
    organisation_action: ServerAction<SaveOrganisation>,
) -> impl IntoView {
    let edit = editing();
    let editing_id = |kind: &str| edit.as_ref().filter(|(k, _)| k == kind).map(|(_, id)| *id);
    let gemeente_name = |id: i32| {
        s.gemeenten
            .iter()
            .find(|g| g.id == id)
            .map(|g| g.name.clone())
            .unwrap_or_default()
    };
    let wijk_name = |id: i32| {
        s.wijken
            .iter()
            .find(|w| w.id == id)
            .map(|w| w.name.clone())
            .unwrap_or_default()
    };
    let gemeente_options = options(&s.gemeenten, |g| (g.id.to_string(), g.name.clone()));
    let wijk_options = options(&s.wijken, |w| {
        (
            w.id.to_string(),
            format!("{} ({})", w.name, gemeente_name(w.gemeente_id)),
        )
    });
    let doelgroep_options = options(Doelgroep::ALL, |d| {
        (d.code().to_string(), d.label().to_string())
    });
    let sector_options = options(Sector::ALL, |x| {
        (x.code().to_string(), x.label().to_string())
    });

    let gemeente =
        editing_id("gemeente").and_then(|id| s.gemeenten.iter().find(|g| g.id == id).cloned());
    let wijk = editing_id("wijk").and_then(|id| s.wijken.iter().find(|w| w.id == id).cloned());
    let team = editing_id("team").and_then(|id| s.teams.iter().find(|x| x.id == id).cloned());
    let organisation = editing_id("organisatie")
        .and_then(|id| s.organisations.iter().find(|o| o.id == id).cloned());

    let gemeente_errors = form_errors(gemeente_action.value());
    let wijk_errors = form_errors(wijk_action.value());
    let team_errors = form_errors(team_action.value());
    let organisation_errors = form_errors(organisation_action.value());
    let heading = |editing: bool, new: Text| t(if editing { Text::EditSelected } else { new });

    view! {
        <Title text=t(Text::StructureTitle) />
        <p><a href="/beheer">{t(Text::AdminTitle)}</a></p>
        <h1>{t(Text::StructureTitle)}</h1>

        <section id="gemeente" aria-labelledby="gemeenten-kop">
            <h2 id="gemeenten-kop">{t(Text::Gemeenten)}</h2>
            <DataTable
                caption=t(Text::Gemeenten).to_string()
                headers=vec![t(Text::Name), t(Text::CbsCode), t(Text::Edit)]
                rows=s.gemeenten.iter().map(|g| vec![Cell::Text(g.name.clone()), Cell::Text(g.cbs_code.clone()), edit_link("gemeente", g.id)]).collect()
            />
            <h3>{heading(gemeente.is_some(), Text::NewGemeente)}</h3>
            <ActionForm action=gemeente_action attr:class="form">
                <FormAlert error=action_error(gemeente_action.value()) />
                {gemeente.as_ref().map(|g| view! { <input type="hidden" name="id" value=g.id /> })}
                <FormField name="name" label=t(Text::Name) value=gemeente.as_ref().map(|g| g.name.clone()).unwrap_or_default() scope="gemeente" errors=gemeente_errors />
                <FormField name="cbs_code" label=t(Text::CbsCode) hint=t(Text::GemeenteCodeHint) value=gemeente.as_ref().map(|g| g.cbs_code.clone()).unwrap_or_default() scope="gemeente" errors=gemeente_errors />
                <button type="submit" class="button">{t(Text::Save)}</button>
            </ActionForm>
        </section>

        <section id="wijk" aria-labelledby="wijken-kop">
            <h2 id="wijken-kop">{t(Text::Wijken)}</h2>
            <DataTable
                caption=t(Text::Wijken).to_string()
                headers=vec![t(Text::Name), t(Text::CbsCode), t(Text::Gemeente), t(Text::Edit)]
                rows=s.wijken.iter().map(|w| vec![Cell::Text(w.name.clone()), Cell::Text(w.cbs_code.clone()), Cell::Text(gemeente_name(w.gemeente_id)), edit_link("wijk", w.id)]).collect()
            />
            <h3>{heading(wijk.is_some(), Text::NewWijk)}</h3>
            <ActionForm action=wijk_action attr:class="form">
                <FormAlert error=action_error(wijk_action.value()) />
                {wijk.as_ref().map(|w| view! { <input type="hidden" name="id" value=w.id /> })}
                <FormField name="name" label=t(Text::Name) value=wijk.as_ref().map(|w| w.name.clone()).unwrap_or_default() scope="wijk" errors=wijk_errors />
                <FormField name="cbs_code" label=t(Text::CbsCode) hint=t(Text::WijkCodeHint) value=wijk.as_ref().map(|w| w.cbs_code.clone()).unwrap_or_default() scope="wijk" errors=wijk_errors />
                <FormField name="gemeente_id" label=t(Text::Gemeente) options=gemeente_options value=wijk.as_ref().map(|w| w.gemeente_id.to_string()).unwrap_or_default() scope="wijk" errors=wijk_errors />
                <button type="submit" class="button">{t(Text::Save)}</button>
            </ActionForm>
        </section>

        <section id="team" aria-labelledby="teams-kop">
            <h2 id="teams-kop">{t(Text::Teams)}</h2>
            <DataTable
                caption=t(Text::Teams).to_string()
                headers=vec![t(Text::Name), t(Text::Doelgroep), t(Text::Wijk), t(Text::Edit)]
                rows=s.teams.iter().map(|x| vec![Cell::Text(x.name.clone()), Cell::Text(x.doelgroep.label().to_string()), Cell::Text(wijk_name(x.wijk_id)), edit_link("team", x.id)]).collect()
            />
            <h3>{heading(team.is_some(), Text::NewTeam)}</h3>
            <ActionForm action=team_action attr:class="form">
                <FormAlert error=action_error(team_action.value()) />
                {team.as_ref().map(|x| view! { <input type="hidden" name="id" value=x.id /> })}
                <FormField name="name" label=t(Text::Name) value=team.as_ref().map(|x| x.name.clone()).unwrap_or_default() scope="team" errors=team_errors />
                <FormField name="doelgroep" label=t(Text::Doelgroep) options=doelgroep_options value=team.as_ref().map(|x| x.doelgroep.code().to_string()).unwrap_or_default() scope="team" errors=team_errors />
                <FormField name="wijk_id" label=t(Text::Wijk) options=wijk_options value=team.as_ref().map(|x| x.wijk_id.to_string()).unwrap_or_default() scope="team" errors=team_errors />
                <button type="submit" class="button">{t(Text::Save)}</button>
            </ActionForm>
        </section>

        <section id="organisatie" aria-labelledby="organisaties-kop">
            <h2 id="organisaties-kop">{t(Text::Organisations)}</h2>
            <DataTable
                caption=t(Text::Organisations).to_string()
                headers=vec![t(Text::Name), t(Text::Sector), t(Text::Edit)]
                rows=s.organisations.iter().map(|o| vec![Cell::Text(o.name.clone()), Cell::Text(o.sector.label().to_string()), edit_link("organisatie", o.id)]).collect()
            />
            <h3>{heading(organisation.is_some(), Text::NewOrganisation)}</h3>
            <ActionForm action=organisation_action attr:class="form">
                <FormAlert error=action_error(organisation_action.value()) />
                {organisation.as_ref().map(|o| view! { <input type="hidden" name="id" value=o.id /> })}
                <FormField name="name" label=t(Text::Name) value=organisation.as_ref().map(|o| o.name.clone()).unwrap_or_default() scope="organisatie" errors=organisation_errors />
                <FormField name="sector" label=t(Text::Sector) options=sector_options value=organisation.as_ref().map(|o| o.sector.code().to_string()).unwrap_or_default() scope="organisatie" errors=organisation_errors />
                <button type="submit" class="button">{t(Text::Save)}</button>
            </ActionForm>
        </section>
    }
}
