//! Importing monthly results from a spreadsheet, in two steps: the upload
//! is read and checked, and kept with its preview (nothing in the team's
//! results changes); the confirmation imports the accepted rows in one
//! audited transaction. A member imports for their team; a beheerder for
//! any teams, named in a team column. The file itself is never stored:
//! only the accepted figures and the preview are, for a day.

#[cfg(feature = "ssr")]
use super::write::{AuditAction, AuditedWrite, Change};
use crate::error::AppError;
use leptos::prelude::*;
use leptos::server_fn::codec::{MultipartData, MultipartFormData};
use shared::dto;

/// The permission an import of `team` (none: many teams) needs.
#[cfg(feature = "ssr")]
fn permission(team: Option<i32>) -> shared::permissions::Permission {
    use shared::permissions::Permission;
    team.map_or(Permission::Administer, Permission::WriteTeam)
}

/// Where an import's pages are: under the team, or under beheer.
pub fn import_page(team: Option<i32>) -> String {
    match team {
        Some(team) => format!("/teams/{team}/resultaten/importeren"),
        None => "/beheer/resultaten-importeren".to_string(),
    }
}

/// The team an import page is for (checking that the viewer may import
/// there): its name, or none for a beheerder's import of many teams.
#[server(endpoint = "results/import/target")]
pub async fn import_target(team_id: Option<i32>) -> Result<Option<String>, AppError> {
    crate::auth::require(permission(team_id))?;
    let Some(team_id) = team_id else {
        return Ok(None);
    };
    let state = crate::state::AppState::current();
    crate::store::teams::team_names(&state.db, &[team_id])
        .await?
        .remove(&team_id)
        .map(Some)
        .ok_or_else(|| AppError::NotFound.with_status())
}

/// The upload's fields: the team (absent for many teams) and the files
/// (a spreadsheet, or messages), read up to `MAX_FILE_BYTES` together; a
/// larger upload is read to its end (so the browser sees the answer) and
/// refused.
#[cfg(feature = "ssr")]
struct Upload {
    team_id: Option<i32>,
    files: Vec<Vec<u8>>,
    too_large: bool,
}

#[cfg(feature = "ssr")]
async fn read_upload(data: MultipartData) -> Result<Upload, AppError> {
    use shared::import::MAX_FILE_BYTES;
    let unreadable = || AppError::Request("unreadable upload".to_string()).with_status();
    let mut multipart = data.into_inner().ok_or_else(unreadable)?;
    let mut upload = Upload {
        team_id: None,
        files: Vec::new(),
        too_large: false,
    };
    let mut size = 0;
    while let Some(mut field) = multipart.next_field().await.map_err(|_| unreadable())? {
        let name = field.name().map(str::to_string);
        match name.as_deref() {
            Some("team_id") => {
                let text = field.text().await.map_err(|_| unreadable())?;
                let text = text.trim();
                if !text.is_empty() {
                    upload.team_id = Some(text.parse().map_err(|_| unreadable())?);
                }
            }
            Some("bestand" | "berichten") => {
                let mut file = Vec::new();
                while let Some(chunk) = field.chunk().await.map_err(|_| unreadable())? {
                    size += chunk.len();
                    upload.too_large |= size > MAX_FILE_BYTES;
                    if !upload.too_large {
                        file.extend_from_slice(&chunk);
                    }
                }
                // A file input left empty still sends an empty part.
                if !file.is_empty() {
                    upload.files.push(file);
                }
            }
            _ => while field.chunk().await.map_err(|_| unreadable())?.is_some() {},
        }
    }
    if upload.too_large {
        upload.files = Vec::new();
    }
    Ok(upload)
}

/// A refusal of the upload, shown at its file field.
#[cfg(feature = "ssr")]
fn refuse_at(field: &str, message: shared::i18n::Message) -> Result<(), AppError> {
    let mut errors = crate::error::FormErrors::default();
    errors.add(field, message);
    errors.into_result()
}

/// An upload's files once someone who may import there sent them: the
/// files, or the refusal for a missing or too large upload.
#[cfg(feature = "ssr")]
async fn checked_upload(
    data: MultipartData,
    field: &str,
) -> Result<
    (
        crate::auth::RequestContext,
        shared::permissions::Viewer,
        Upload,
    ),
    AppError,
> {
    use shared::i18n::Text;
    use shared::import::MAX_FILE_BYTES;
    use shared::permissions::Permission;
    // Someone logged in, before a byte of the file is read.
    crate::auth::require(Permission::ReadNetwork)?;
    let upload = read_upload(data).await?;
    let (request, viewer) = crate::auth::require(permission(upload.team_id))?;
    if upload.too_large {
        refuse_at(field, Text::ImportTooLarge.with(MAX_FILE_BYTES >> 20))?;
    }
    if upload.files.is_empty() {
        refuse_at(field, Text::ImportNoFile.into())?;
    }
    Ok((request, viewer, upload))
}

/// Reads an uploaded file and keeps its preview; on to the preview page.
#[server(endpoint = "results/import", input = MultipartFormData)]
pub async fn import_results(data: MultipartData) -> Result<(), AppError> {
    use shared::i18n::Text;
    use shared::import::file;
    use shared::import::results::{self as import, Scope};

    let (request, viewer, mut upload) = checked_upload(data, "bestand").await?;
    let scope = upload.team_id.map_or(Scope::Network, Scope::Team);
    // Reading and checking a national file is CPU work of a second or so:
    // off the threads that answer other requests.
    let bytes = upload.files.swap_remove(0);
    let read = tokio::task::spawn_blocking(move || file::read(&bytes))
        .await
        .map_err(|_| AppError::Server)?;
    let (kind, table) = match read {
        Ok(read) => read,
        Err(message) => return refuse_at("bestand", message),
    };
    let columns = match import::columns(&table.header, scope) {
        Ok(columns) => columns,
        Err(message) => return refuse_at("bestand", message),
    };
    if table.rows.is_empty() {
        refuse_at("bestand", Text::ImportNoRows.into())?;
    }
    let kind = match kind {
        file::Kind::Csv => "csv",
        file::Kind::Xlsx => "xlsx",
    };
    let source = Source {
        kind,
        left_out: Text::ImportStoredFigure,
        messages: None,
    };
    save_preview(request, viewer, scope, table, columns, source).await
}

/// Reads uploaded iJw/iWmo messages for a team, counts their months and
/// keeps the preview; on to the preview page. Nothing but the counts
/// outlives this request.
#[server(endpoint = "results/import/messages", input = MultipartFormData)]
pub async fn import_messages(data: MultipartData) -> Result<(), AppError> {
    use shared::i18n::Text;
    use shared::import::messages;
    use shared::import::results::Scope;

    let (request, viewer, upload) = checked_upload(data, "berichten").await?;
    // Messages are a team's own: no beheerder imports them for many teams.
    let Some(team) = upload.team_id else {
        return Err(AppError::Request("messages need a team".to_string()).with_status());
    };
    let files = upload.files;
    let owner = Owner::current();
    let counted = tokio::task::spawn_blocking(move || {
        let work = || messages::xml::read(&files).map(|batch| messages::count(&batch));
        match owner {
            Some(owner) => owner.with(work),
            None => work(),
        }
    })
    .await
    .map_err(|_| AppError::Server)?;
    let counted = match counted {
        Ok(counted) => counted,
        Err(message) => return refuse_at("berichten", message),
    };
    let source = Source {
        kind: "berichten",
        left_out: Text::IjwFigureMissing,
        messages: Some(counted.summary.clone()),
    };
    let table = messages::table(&counted);
    save_preview(
        request,
        viewer,
        Scope::Team(team),
        table,
        messages::columns(),
        source,
    )
    .await
}

/// What an import's table was read from.
#[cfg(feature = "ssr")]
struct Source {
    /// "csv", "xlsx" or "berichten".
    kind: &'static str,
    /// Why a stored figure the source leaves out is refused.
    left_out: shared::i18n::Text,
    messages: Option<shared::import::messages::Summary>,
}

/// Checks a table's rows against the stored months and keeps its preview
/// and accepted rows (nothing in the team's results changes); on to the
/// preview page.
#[cfg(feature = "ssr")]
async fn save_preview(
    request: crate::auth::RequestContext,
    viewer: shared::permissions::Viewer,
    scope: shared::import::results::Scope,
    table: shared::import::Table,
    columns: shared::import::results::Columns,
    source: Source,
) -> Result<(), AppError> {
    use crate::store::{imports, sessions};
    use shared::import::results::{self as import, Column, Context, Kept, Scope};

    let state = crate::state::AppState::current();
    let named_teams: Vec<i32> = match scope {
        Scope::Team(team) => {
            if crate::store::teams::team_names(&state.db, &[team])
                .await?
                .is_empty()
            {
                return Err(AppError::NotFound.with_status());
            }
            vec![team]
        }
        Scope::Network => {
            let at = columns
                .position(Column::Team)
                .expect("a network import has a team column");
            let mut ids: Vec<i32> = table
                .rows
                .iter()
                .filter_map(|(_, cells)| cells.get(at)?.trim().parse().ok())
                .collect();
            ids.sort_unstable();
            ids.dedup();
            ids
        }
    };
    let teams = imports::existing_teams(&state.db, &named_teams).await?;
    let team_ids: Vec<i32> = teams.iter().copied().collect();
    let this_month = super::this_month();
    let months: std::collections::HashSet<shared::Month> = columns
        .position(Column::Field("month"))
        .map(|at| {
            table
                .rows
                .iter()
                .filter_map(|(_, cells)| cells.get(at)?.trim().parse().ok())
                .filter(|month| *month <= this_month)
                .collect()
        })
        .unwrap_or_default();
    let stored = imports::stored_months(&state.db, &team_ids, &months).await?;
    let Source {
        kind,
        left_out,
        messages,
    } = source;
    // Messages are worded in the request's language, which the request's
    // owner carries to the other thread.
    let owner = Owner::current();
    let (preview, kept) = tokio::task::spawn_blocking(move || {
        let work = || {
            let stored_month =
                |team: i32, month: shared::Month| stored.get(&(team, month)).cloned();
            let team_exists = |team: i32| teams.contains(&team);
            let checked = import::check(
                &table,
                &columns,
                &Context {
                    scope,
                    left_out,
                    this_month,
                    team_exists: &team_exists,
                    stored: &stored_month,
                },
            );
            let mut preview = import::preview(&table, &columns, &checked, &stored_month);
            preview.messages = messages;
            let kept: Vec<Kept> = checked.rows.iter().map(Kept::from).collect();
            (preview, kept)
        };
        match owner {
            Some(owner) => owner.with(work),
            None => work(),
        }
    })
    .await
    .map_err(|_| AppError::Server)?;
    let token = sessions::new_token();
    let summary = serde_json::json!({
        "kind": kind,
        "rows": preview.rows_read,
        "added": preview.added,
        "corrected": preview.corrected,
        "unchanged": preview.unchanged,
        "refused": preview.refused_rows,
    })
    .to_string();
    let team_id = match scope {
        Scope::Team(team) => Some(team),
        Scope::Network => None,
    };
    let write = AuditedWrite::begin(&request).await?;
    let id = imports::save_pending(
        write.db(),
        imports::Pending {
            token_hash: sessions::hash_token(&token),
            account_id: viewer.account_id,
            team_id,
            kind,
            preview: serde_json::to_string(&preview).map_err(|_| AppError::Server)?,
            rows: serde_json::to_string(&kept).map_err(|_| AppError::Server)?,
        },
        chrono::Utc::now(),
    )
    .await?;
    write
        .commit(
            AuditAction::ImportPrepared,
            Change::of("resultaten-import", id).after(summary),
        )
        .await?;
    leptos_axum::redirect(&format!("{}/{token}", import_page(team_id)));
    Ok(())
}

/// The import behind `token` if it is the viewer's and they may still
/// import there; else not found (a token of someone else's is no proof).
#[cfg(feature = "ssr")]
async fn own_import(
    token: &str,
    with_rows: bool,
) -> Result<
    (
        crate::auth::RequestContext,
        shared::permissions::Viewer,
        crate::store::entity::result_import::Model,
    ),
    AppError,
> {
    use shared::permissions::Permission;
    let (_, viewer) = crate::auth::require(Permission::ReadNetwork)?;
    let state = crate::state::AppState::current();
    let hash = crate::store::sessions::hash_token(token);
    let found = if with_rows {
        crate::store::imports::find(&state.db, &hash).await?
    } else {
        crate::store::imports::find_summary(&state.db, &hash).await?
    };
    let import = found
        .filter(|i| i.account_id == viewer.account_id)
        .ok_or_else(|| AppError::NotFound.with_status())?;
    let (request, viewer) = crate::auth::require(permission(import.team_id))?;
    Ok((request, viewer, import))
}

/// Whether an unconfirmed import made at `created` can still be confirmed.
#[cfg(feature = "ssr")]
fn expired(created: chrono::DateTime<chrono::Utc>) -> bool {
    chrono::Utc::now() - created > chrono::Duration::seconds(shared::import::CONFIRM_WITHIN_SECONDS)
}

/// What an import would do (or did), for its preview page.
#[server(endpoint = "results/import/preview")]
pub async fn import_preview(token: String) -> Result<dto::ImportPreview, AppError> {
    use shared::import::results::Preview;
    let (_, _, import) = own_import(&token, false).await?;
    let preview: Preview = serde_json::from_str(&import.preview).map_err(|err| {
        tracing::error!(error = %err, "an import's preview does not read back");
        AppError::Server
    })?;
    let state = crate::state::AppState::current();
    let mut ids: Vec<i32> = preview
        .additions
        .iter()
        .chain(&preview.corrections)
        .map(|p| p.team_id)
        .chain(import.team_id)
        .collect();
    ids.sort_unstable();
    ids.dedup();
    let names = crate::store::teams::team_names(&state.db, &ids).await?;
    let count = |n: Option<i32>| n.and_then(|n| usize::try_from(n).ok()).unwrap_or(0);
    Ok(dto::ImportPreview {
        token,
        team_id: import.team_id,
        team_name: import.team_id.and_then(|id| names.get(&id).cloned()),
        kind: import.kind.clone(),
        team_names: names.into_iter().collect(),
        expired: import.applied_at.is_none() && expired(import.created_at),
        progress: progress_of(&import, &state.imports_under_way),
        applied: import.applied_at.map(|at| dto::ImportApplied {
            at: shared::clock::local_timestamp(at),
            added: count(import.applied_added),
            corrected: count(import.applied_corrected),
            refused: count(import.applied_refused),
        }),
        preview,
    })
}

/// Imports the accepted rows of a previewed import, once: in the
/// background, so a national file shows its progress; the page follows it
/// (`import_progress`) and shows what it did.
#[server(endpoint = "results/import/confirm")]
pub async fn confirm_import(token: String) -> Result<(), AppError> {
    use crate::error::FormErrors;
    use crate::store::imports;
    use shared::i18n::Text;
    use shared::import::results::Kept;

    let (request, viewer, import) = own_import(&token, true).await?;
    let page = format!("{}/{token}", import_page(import.team_id));
    if import.applied_at.is_some() {
        // Confirmed already (a second click): nothing more to do.
        leptos_axum::redirect(&page);
        return Ok(());
    }
    if expired(import.created_at) {
        let mut errors = FormErrors::default();
        errors.add("", Text::ImportGone);
        return errors.into_result();
    }
    let kept: Vec<Kept> = serde_json::from_str(&import.rows).map_err(|err| {
        tracing::error!(error = %err, "an import's rows do not read back");
        AppError::Server
    })?;
    // A beheerder's rows name their teams; a member's are all their own
    // team's (checked again: the membership may have ended).
    let rows: Vec<(i32, shared::results::MonthlyResult)> = kept
        .iter()
        .map(Kept::result)
        .filter(|(team, _)| import.team_id.is_none_or(|own| own == *team))
        .collect();
    let preview: shared::import::results::Preview =
        serde_json::from_str(&import.preview).map_err(|err| {
            tracing::error!(error = %err, "an import's preview does not read back");
            AppError::Server
        })?;
    let in_file = preview.in_file;
    let state = crate::state::AppState::current();
    if !imports::start(&state.db, import.id, chrono::Utc::now()).await? {
        // Under way already (a second click, or another tab).
        leptos_axum::redirect(&page);
        return Ok(());
    }
    let (id, team, account) = (import.id, import.team_id, viewer.account_id);
    let kind = import.kind.clone();
    state
        .imports_under_way
        .set(id, imports::Stage::Running(0, rows.len() * 2));
    tokio::spawn(async move {
        let under_way = state.imports_under_way.clone();
        let applied = async {
            let write = AuditedWrite::begin_on(&state.db, &request).await?;
            let now = chrono::Utc::now();
            if !imports::claim(write.db(), id, now).await? {
                return Ok(());
            }
            let progress = |done, total| under_way.set(id, imports::Stage::Running(done, total));
            let this_month = crate::store::this_month();
            let settle =
                |imported: &shared::results::MonthlyResult,
                 stored: Option<&shared::results::MonthlyResult>| {
                    shared::import::results::settle(imported, stored, &in_file, this_month)
                };
            let applied =
                imports::apply(write.db(), &rows, &settle, account, now, &progress).await?;
            imports::mark_applied(write.db(), id, &applied).await?;
            let summary = serde_json::json!({
                "import": id,
                "added": applied.added,
                "corrected": applied.corrected,
                "unchanged": applied.unchanged,
                "refused": applied.refused,
                "teams": applied.teams,
                "first_month": applied.first_month.map(|m| m.to_string()),
                "last_month": applied.last_month.map(|m| m.to_string()),
            })
            .to_string();
            let object = team.map_or_else(|| "netwerk".to_string(), |team| team.to_string());
            let action = if kind == "berichten" {
                AuditAction::MessagesImported
            } else {
                AuditAction::ResultsImported
            };
            write
                .commit(action, Change::of("resultaten", object).after(summary))
                .await
        }
        .await;
        match applied {
            Ok(()) => under_way.remove(id),
            Err(err) => {
                tracing::error!(error = %err, import = id, "importing results failed");
                if let Err(err) = imports::unstart(&state.db, id).await {
                    tracing::error!(error = %err, import = id, "cannot release a failed import");
                }
                under_way.set(id, imports::Stage::Failed);
            }
        }
    });
    leptos_axum::redirect(&page);
    Ok(())
}

/// How far a confirmed import is, for its page's progress bar.
#[server(endpoint = "results/import/progress")]
pub async fn import_progress(token: String) -> Result<dto::ImportProgress, AppError> {
    let (_, _, import) = own_import(&token, false).await?;
    let state = crate::state::AppState::current();
    Ok(progress_of(&import, &state.imports_under_way))
}

/// Where an import stands.
#[cfg(feature = "ssr")]
fn progress_of(
    import: &crate::store::entity::result_import::Model,
    under_way: &crate::store::imports::UnderWay,
) -> dto::ImportProgress {
    use crate::store::imports::Stage;
    let finished = import.applied_at.is_some();
    let recent = import.started_at.is_some_and(|at| {
        chrono::Utc::now() - at <= chrono::Duration::seconds(shared::import::APPLY_STALE_SECONDS)
    });
    let stage = under_way.get(import.id);
    let (done, total) = match stage {
        Some(Stage::Running(done, total)) => (done, total),
        _ => (0, 0),
    };
    dto::ImportProgress {
        finished,
        // Running here however long it takes, or begun elsewhere lately.
        under_way: !finished
            && (matches!(stage, Some(Stage::Running(..)))
                || (recent && import.started_at.is_some() && stage.is_none())),
        failed: !finished && import.started_at.is_none() && stage == Some(Stage::Failed),
        done,
        total,
    }
}
