//! Accounts and security: server-side sessions, login throttling, the
//! append-only audit log, two-factor login with recovery codes, and the
//! one-time links with which a new account sets its password.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Account {
    Table,
    Id,
    TotpSecret,
    TotpEnabled,
    TotpLastStep,
    PendingRecoveryCodes,
}

#[derive(DeriveIden)]
enum Session {
    Table,
    Id,
    TokenHash,
    AccountId,
    SecondFactorPending,
    ClientAddr,
    CreatedAt,
    LastSeenAt,
}

#[derive(DeriveIden)]
enum LoginThrottle {
    Table,
    Id,
    Key,
    Failures,
    LastFailureAt,
}

#[derive(DeriveIden)]
enum AuditEvent {
    Table,
    Id,
    At,
    ActorAccountId,
    Actor,
    Action,
    ObjectType,
    ObjectId,
    Outcome,
    ClientAddr,
    Before,
    After,
}

#[derive(DeriveIden)]
enum SetupLink {
    Table,
    Id,
    AccountId,
    TokenHash,
    ExpiresAt,
    UsedAt,
}

#[derive(DeriveIden)]
enum RecoveryCode {
    Table,
    Id,
    AccountId,
    CodeHash,
    UsedAt,
}

#[sea_orm_migration::async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // SQLite adds one column per ALTER TABLE.
        manager
            .alter_table(
                Table::alter()
                    .table(Account::Table)
                    .add_column(string_null(Account::TotpSecret))
                    .to_owned(),
            )
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table(Account::Table)
                    .add_column(boolean(Account::TotpEnabled).default(false))
                    .to_owned(),
            )
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table(Account::Table)
                    .add_column(big_integer_null(Account::TotpLastStep))
                    .to_owned(),
            )
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table(Account::Table)
                    .add_column(text_null(Account::PendingRecoveryCodes))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(Session::Table)
                    .col(pk_auto(Session::Id))
                    .col(string_uniq(Session::TokenHash))
                    .col(integer(Session::AccountId))
                    .col(boolean(Session::SecondFactorPending))
                    .col(string(Session::ClientAddr))
                    .col(timestamp_with_time_zone(Session::CreatedAt))
                    .col(timestamp_with_time_zone(Session::LastSeenAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(Session::Table, Session::AccountId)
                            .to(Account::Table, Account::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(LoginThrottle::Table)
                    .col(pk_auto(LoginThrottle::Id))
                    .col(string_uniq(LoginThrottle::Key))
                    .col(integer(LoginThrottle::Failures))
                    .col(timestamp_with_time_zone(LoginThrottle::LastFailureAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(AuditEvent::Table)
                    .col(pk_auto(AuditEvent::Id))
                    .col(timestamp_with_time_zone(AuditEvent::At))
                    .col(integer_null(AuditEvent::ActorAccountId))
                    .col(string(AuditEvent::Actor))
                    .col(string(AuditEvent::Action))
                    .col(string(AuditEvent::ObjectType))
                    .col(string_null(AuditEvent::ObjectId))
                    .col(string(AuditEvent::Outcome))
                    .col(string(AuditEvent::ClientAddr))
                    .col(text_null(AuditEvent::Before))
                    .col(text_null(AuditEvent::After))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(RecoveryCode::Table)
                    .col(pk_auto(RecoveryCode::Id))
                    .col(integer(RecoveryCode::AccountId))
                    .col(string(RecoveryCode::CodeHash))
                    .col(timestamp_with_time_zone_null(RecoveryCode::UsedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(RecoveryCode::Table, RecoveryCode::AccountId)
                            .to(Account::Table, Account::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(SetupLink::Table)
                    .col(pk_auto(SetupLink::Id))
                    .col(integer(SetupLink::AccountId))
                    .col(string_uniq(SetupLink::TokenHash))
                    .col(timestamp_with_time_zone(SetupLink::ExpiresAt))
                    .col(timestamp_with_time_zone_null(SetupLink::UsedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(SetupLink::Table, SetupLink::AccountId)
                            .to(Account::Table, Account::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        for (table, name, columns) in [
            (
                Session::Table.into_iden(),
                "idx_session_account",
                vec!["account_id"],
            ),
            (AuditEvent::Table.into_iden(), "idx_audit_at", vec!["at"]),
            (
                AuditEvent::Table.into_iden(),
                "idx_audit_actor",
                vec!["actor_account_id"],
            ),
            (
                AuditEvent::Table.into_iden(),
                "idx_audit_action",
                vec!["action"],
            ),
            (
                RecoveryCode::Table.into_iden(),
                "idx_recovery_account",
                vec!["account_id"],
            ),
        ] {
            let mut index = Index::create();
            index.name(name).table(table);
            for column in columns {
                index.col(Alias::new(column));
            }
            manager.create_index(index.to_owned()).await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            SetupLink::Table.into_iden(),
            RecoveryCode::Table.into_iden(),
            AuditEvent::Table.into_iden(),
            LoginThrottle::Table.into_iden(),
            Session::Table.into_iden(),
        ] {
            manager
                .drop_table(Table::drop().table(table).to_owned())
                .await?;
        }
        for column in [
            Account::TotpEnabled.into_iden(),
            Account::TotpSecret.into_iden(),
        ] {
            manager
                .alter_table(
                    Table::alter()
                        .table(Account::Table)
                        .drop_column(column)
                        .to_owned(),
                )
                .await?;
        }
        Ok(())
    }
}
