//! The one shape of a write. A server function that changes data checks
//! who is asking (`auth::require`) and what was typed, and then:
//!
//! ```text
//! let write = AuditedWrite::begin(&request).await?;        // one transaction
//! let id = store::x::save(write.db(), &input).await?;      // the change
//! write.commit(AuditAction::X, Change::of("x", id).after(json)).await?;
//! leptos_axum::redirect(&page);                            // back to its page
//! ```
//!
//! `commit` writes the audit entry in the same transaction and is the only
//! way to commit, so no change goes unaudited — and every audited change
//! moves the change clock that kept pages wait on. Dropping a write
//! instead (a refusal halfway, an error) rolls everything back: nothing is
//! ever half saved.
//!
//! Logging in is no write of this kind: sessions and throttles are the
//! security machinery, and each attempt (refused, failed or ok) is
//! audited as an event with `auth::audit` (`api/account.rs`), as is a
//! failed code when turning on two-factor login.

use crate::auth::RequestContext;
use crate::error::AppError;
use sea_orm::{DatabaseTransaction, TransactionTrait};

/// A store's answer, with a record that is not there (any more) as a 404:
/// an edit of something removed meanwhile changes nothing.
pub fn found<T>(result: Result<T, sea_orm::DbErr>) -> Result<T, AppError> {
    match result {
        Err(sea_orm::DbErr::RecordNotFound(_)) => Err(AppError::NotFound.with_status()),
        other => Ok(other?),
    }
}

/// What a change was, as the audit log names it. The codes are what the
/// log has always held; they never change.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AuditAction {
    AccountCreated,
    AccountEdited,
    AccountActivated,
    AccountDeactivated,
    SetupLinkMade,
    AgreementCreated,
    AgreementEdited,
    CanvasCreated,
    CanvasEdited,
    BaselineSet,
    BaselineUndone,
    NoteAdded,
    NoteRemoved,
    TargetsSaved,
    DialogueNoteSaved,
    KnelpuntCreated,
    KnelpuntAnswered,
    KnelpuntSupported,
    LessonCreated,
    LessonEdited,
    LessonReaction,
    LessonUseful,
    TextRedacted,
    AgreementAdopted,
    LessonAdopted,
    ResultsEntered,
    ResultsCorrected,
    /// A file of results read and kept for its preview.
    ImportPrepared,
    /// A previewed import confirmed: its months added and corrected.
    ResultsImported,
    /// Months counted from iJw/iWmo messages imported.
    MessagesImported,
    ApiTokenCreated,
    ApiTokenRevoked,
    /// A request to the JSON API with a token.
    ApiUsed,
    SurveyAnswered,
    MemberAdded,
    MemberRemoved,
    TeamMessage,
    TwoFactorStarted,
    TwoFactorTurnedOn,
    AccountSetUp,
    NewsSeen,
    LanguageChosen,
    PasswordReset,
    TwoFactorReset,
    AuditLogPruned,
    /// A gemeente, wijk, team or organisation made or changed by beheer:
    /// the code is its object type with "-aanmaken" or "-wijzigen".
    StructureCreated(&'static str),
    StructureEdited(&'static str),
}

impl AuditAction {
    /// Made when there was nothing `before`, else changed.
    pub fn saved<T>(before: &Option<T>, created: Self, edited: Self) -> Self {
        if before.is_some() {
            edited
        } else {
            created
        }
    }

    /// The code the audit log holds.
    pub fn code(self) -> String {
        use AuditAction::*;
        let code = match self {
            AccountCreated => "account-aanmaken",
            AccountEdited => "account-wijzigen",
            AccountActivated => "account-activeren",
            AccountDeactivated => "account-deactiveren",
            SetupLinkMade => "setup-link-maken",
            AgreementCreated => "afspraak-aanmaken",
            AgreementEdited => "afspraak-wijzigen",
            CanvasCreated => "canvas-aanmaken",
            CanvasEdited => "canvas-wijzigen",
            BaselineSet => "basislijn-zetten",
            BaselineUndone => "basislijn-ongedaan-maken",
            NoteAdded => "toelichting-toevoegen",
            NoteRemoved => "toelichting-verwijderen",
            TargetsSaved => "streefwaarden-opslaan",
            DialogueNoteSaved => "overlegverslag-opslaan",
            KnelpuntCreated => "knelpunt-aanmaken",
            KnelpuntAnswered => "knelpunt-beantwoorden",
            KnelpuntSupported => "knelpunt-steunen",
            LessonCreated => "les-aanmaken",
            LessonEdited => "les-wijzigen",
            LessonReaction => "les-reageren",
            LessonUseful => "les-nuttig",
            TextRedacted => "tekst-afschermen",
            AgreementAdopted => "afspraak-overnemen",
            LessonAdopted => "les-overnemen",
            ResultsEntered => "resultaten-invoeren",
            ResultsCorrected => "resultaten-corrigeren",
            ImportPrepared => "resultaten-import-voorbereiden",
            ResultsImported => "resultaten-importeren",
            MessagesImported => "import-uit-ijw-berichten",
            ApiTokenCreated => "api-sleutel-maken",
            ApiTokenRevoked => "api-sleutel-intrekken",
            ApiUsed => "api-gebruik",
            SurveyAnswered => "vragenlijst-invullen",
            MemberAdded => "teamlid-toevoegen",
            MemberRemoved => "teamlid-verwijderen",
            TeamMessage => "team-bericht",
            TwoFactorStarted => "tweestaps-starten",
            TwoFactorTurnedOn => "tweestaps-aanzetten",
            AccountSetUp => "account-instellen",
            NewsSeen => "nieuws-gezien",
            LanguageChosen => "taal-kiezen",
            PasswordReset => "wachtwoord-herstellen",
            TwoFactorReset => "tweestaps-herstellen",
            AuditLogPruned => "auditlog-opschonen",
            StructureCreated(object) => return format!("{object}-aanmaken"),
            StructureEdited(object) => return format!("{object}-wijzigen"),
        };
        code.to_string()
    }
}

/// What a change touched and how it looked before and after, as JSON;
/// never a passage a team may have to redact from the log later (a note's
/// text, say) unless `redaction` scrubs it.
#[derive(Clone, Debug, Default)]
pub struct Change {
    object_type: &'static str,
    object_id: Option<String>,
    before: Option<String>,
    after: Option<String>,
}

impl Change {
    /// A change to the object `object_type` `id`.
    pub fn of(object_type: &'static str, id: impl ToString) -> Self {
        Change {
            object_type,
            object_id: Some(id.to_string()),
            ..Change::default()
        }
    }

    /// A change to an object without an id of its own (the targets).
    pub fn of_all(object_type: &'static str) -> Self {
        Change {
            object_type,
            ..Change::default()
        }
    }

    pub fn before(mut self, before: Option<String>) -> Self {
        self.before = before;
        self
    }

    pub fn after(mut self, after: impl Into<String>) -> Self {
        self.after = Some(after.into());
        self
    }
}

/// A change under way: one transaction, committed with its audit entry.
pub struct AuditedWrite<'r> {
    txn: DatabaseTransaction,
    request: &'r RequestContext,
}

impl<'r> AuditedWrite<'r> {
    /// Begins the transaction of a change asked for by `request`.
    pub async fn begin(request: &'r RequestContext) -> Result<Self, AppError> {
        Self::begin_on(&crate::state::AppState::current().db, request).await
    }

    /// `begin` on `db`, for work outside the app's requests (an operator's
    /// command, the server's upkeep: `RequestContext::outside_requests`).
    pub async fn begin_on(
        db: &sea_orm::DatabaseConnection,
        request: &'r RequestContext,
    ) -> Result<Self, AppError> {
        Ok(AuditedWrite {
            txn: db.begin().await?,
            request,
        })
    }

    /// Where the change is written.
    pub fn db(&self) -> &DatabaseTransaction {
        &self.txn
    }

    /// `commit`, for a change made by someone not yet logged in: the
    /// account `(id, e-mail)` setting itself up.
    pub async fn commit_for(
        self,
        (account_id, email): (i32, &str),
        action: AuditAction,
        change: Change,
    ) -> Result<(), AppError> {
        let code = action.code();
        crate::store::audit::record(
            &self.txn,
            crate::store::audit::Entry {
                actor_account_id: Some(account_id),
                actor: email,
                action: &code,
                object_type: change.object_type,
                object_id: change.object_id,
                outcome: crate::store::audit::Outcome::Ok,
                client_addr: &self.request.client_addr,
                before: change.before,
                after: change.after,
            },
            chrono::Utc::now(),
        )
        .await?;
        self.txn.commit().await?;
        Ok(())
    }

    /// Writes the audit entry of `action` and commits it with the change.
    pub async fn commit(self, action: AuditAction, change: Change) -> Result<(), AppError> {
        crate::auth::audit(
            &self.txn,
            self.request,
            &action.code(),
            (change.object_type, change.object_id),
            crate::store::audit::Outcome::Ok,
            (change.before, change.after),
        )
        .await?;
        self.txn.commit().await?;
        Ok(())
    }
}
