//! The command line: `serve` (the default), `migrate`, `demo`, `national`
//! (a generated country-wide network for benchmarks), `prune`, and the
//! operator's account commands `user …` (`operator.rs`).

use crate::config::{DatabaseArgs, ServeArgs};
use crate::operator;
use crate::{db, demo, http};
use anyhow::{bail, Context};
use clap::{Parser, Subcommand};
use std::io::BufRead;

#[derive(Parser, Debug)]
#[command(
    name = "wijkwijs",
    version,
    about = "Wijkwijs: network intelligence for virtual neighbourhood teams"
)]
pub struct Cli {
    #[command(flatten)]
    pub database: DatabaseArgs,
    #[command(flatten)]
    pub serve: ServeArgs,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Serve the web app (the default); migrates the database first.
    Serve,
    /// Bring the database schema up to date.
    Migrate,
    /// Load the demo network (idempotent).
    Demo,
    /// Generate a national network for benchmarks (idempotent); its one
    /// login is bestuurder@landelijk.wijkwijs.nl with the demo password.
    National {
        /// The same seed gives the same network.
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// The part of the country: 1.0 is 15,000 teams.
        #[arg(long, default_value_t = 1.0)]
        scale: f64,
    },
    /// Copy the SQLite database to a new FILE, consistently while the
    /// server runs, and check the copy (PostgreSQL: pg_dump).
    Backup { file: std::path::PathBuf },
    /// Put the backup FILE in place of the SQLite database, after checking
    /// it; stop the server first (PostgreSQL: pg_restore).
    Restore { file: std::path::PathBuf },
    /// Remove dead sessions, stale login throttles and audit entries past
    /// their retention now (a serving server does this every hour).
    Prune,
    /// Manage accounts as the operator; every change is audited.
    #[command(subcommand)]
    User(UserCommand),
    /// Manage API tokens as the operator; every change is audited.
    #[command(subcommand)]
    Token(TokenCommand),
}

#[derive(Subcommand, Debug)]
pub enum TokenCommand {
    /// Make an API token held by the account EMAIL (a coördinator for
    /// their team; a bestuurder or beheerder reads the network) and print
    /// it, once.
    Create {
        #[arg(long)]
        email: String,
        #[arg(long)]
        name: String,
        /// "aanleveren" (push the team's results) or "lezen".
        #[arg(long, default_value = "lezen")]
        scope: String,
        /// The team's number; none for the network.
        #[arg(long)]
        team: Option<i32>,
        /// How many days it works (1–365).
        #[arg(long, default_value_t = shared::api_tokens::DEFAULT_DAYS)]
        days: u32,
    },
}

/// Passwords are typed without echo at a terminal (twice), or read from
/// the first line of standard input when it is piped.
#[derive(Subcommand, Debug)]
pub enum UserCommand {
    /// Create a beheerder account.
    Create {
        #[arg(long)]
        email: String,
        #[arg(long)]
        name: String,
    },
    /// Set a new password; ends the account's sessions.
    ResetPassword {
        #[arg(long)]
        email: String,
    },
    /// Turn two-factor login off (a lost phone); ends the account's sessions.
    ResetTwoFactor {
        #[arg(long)]
        email: String,
    },
    /// Deactivate an account; ends its sessions.
    Deactivate {
        #[arg(long)]
        email: String,
    },
    /// List every account: e-mail, role, active, two-factor, teams, name.
    List,
}

pub async fn run(cli: Cli) -> anyhow::Result<()> {
    let url = &cli.database.database_url;
    match cli.command.unwrap_or(Command::Serve) {
        Command::Serve => {
            let _serving = crate::backup::ServingLock::serve(url)?;
            let db = db::connect_and_migrate(url).await?;
            http::serve(db, &cli.serve).await
        }
        Command::Migrate => {
            db::connect_and_migrate(url).await?;
            tracing::info!("database is up to date");
            Ok(())
        }
        Command::Demo => {
            let db = db::connect_and_migrate(url).await?;
            match demo::load(&db).await? {
                demo::Loaded::Now => tracing::info!("demo network loaded"),
                demo::Loaded::Already => tracing::info!("demo network was already loaded"),
            }
            Ok(())
        }
        Command::National { seed, scale } => {
            if !(scale > 0.0 && scale <= 1.0) {
                bail!("--scale must lie in (0, 1]");
            }
            let db = db::connect_and_migrate(url).await?;
            let started = std::time::Instant::now();
            let size = demo::national::Scale::national(scale);
            match demo::national::generate(&db, seed, size, demo::DEMO_PASSWORD).await? {
                Some(made) => {
                    // A line for the benchmark script to read.
                    println!(
                        "generated teams={} months={} agreements={} lessons={} accounts={} seconds={:.1}",
                        made.teams,
                        made.months,
                        made.agreements,
                        made.lessons,
                        made.accounts,
                        started.elapsed().as_secs_f64()
                    );
                }
                None => println!("generated already"),
            }
            Ok(())
        }
        Command::Backup { file } => {
            crate::backup::backup(url, &file).await?;
            println!("backed up to {}", file.display());
            Ok(())
        }
        Command::Restore { file } => {
            crate::backup::restore(url, &file).await?;
            println!("restored from {}", file.display());
            Ok(())
        }
        Command::Prune => {
            let db = db::connect_and_migrate(url).await?;
            let removed =
                crate::upkeep::clean(&db, chrono::Utc::now(), cli.serve.audit_retention_days)
                    .await?;
            println!(
                "removed sessions={} throttles={} imports={} audit_entries={}",
                removed.sessions, removed.throttles, removed.imports, removed.audit_entries
            );
            Ok(())
        }
        Command::User(command) => user(url, command).await,
        Command::Token(TokenCommand::Create {
            email,
            name,
            scope,
            team,
            days,
        }) => {
            let db = db::connect_and_migrate(url).await?;
            let form = shared::api_tokens::TokenForm {
                name,
                scope,
                team: team.map(|t| t.to_string()).unwrap_or_default(),
                days: days.to_string(),
            };
            let token =
                operator::create_api_token(&db, &operator::operator(), &email, &form).await?;
            println!("{token}");
            Ok(())
        }
    }
}

async fn user(url: &str, command: UserCommand) -> anyhow::Result<()> {
    let by = operator::operator();
    match command {
        UserCommand::Create { email, name } => {
            let password = read_password()?;
            let db = db::connect_and_migrate(url).await?;
            let made = operator::create_beheerder(&db, &by, &email, &name, &password).await?;
            tracing::info!(email = %made.email, "beheerder account created");
        }
        UserCommand::ResetPassword { email } => {
            let password = read_password()?;
            let db = db::connect_and_migrate(url).await?;
            operator::reset_password(&db, &by, &email, &password).await?;
            tracing::info!(%email, "password reset; the account's sessions ended");
        }
        UserCommand::ResetTwoFactor { email } => {
            let db = db::connect_and_migrate(url).await?;
            operator::reset_two_factor(&db, &by, &email).await?;
            tracing::info!(%email, "two-factor login turned off; the account's sessions ended");
        }
        UserCommand::Deactivate { email } => {
            let db = db::connect_and_migrate(url).await?;
            operator::deactivate(&db, &by, &email).await?;
            tracing::info!(%email, "account deactivated; its sessions ended");
        }
        UserCommand::List => {
            let db = db::connect_and_migrate(url).await?;
            for line in operator::list(&db, &by).await? {
                println!("{line}");
            }
        }
    }
    Ok(())
}

/// A password: typed twice without echo at a terminal, else the first
/// line of standard input (never shown either way).
fn read_password() -> anyhow::Result<String> {
    if std::io::IsTerminal::is_terminal(&std::io::stdin()) {
        let first = rpassword::prompt_password("Password: ").context("cannot read the password")?;
        let again = rpassword::prompt_password("Again: ").context("cannot read the password")?;
        if first != again {
            bail!("the two passwords differ");
        }
        return Ok(first);
    }
    let mut line = String::new();
    std::io::stdin()
        .lock()
        .read_line(&mut line)
        .context("cannot read the password from standard input")?;
    Ok(line.trim_end_matches(['\r', '\n']).to_string())
}
