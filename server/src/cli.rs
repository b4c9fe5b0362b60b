//! The command line: `serve` (the default), `migrate`, `demo`, `national`
//! (a generated country-wide network for benchmarks) and `user create`.

use crate::config::{DatabaseArgs, ServeArgs};
use crate::{db, demo, http};
use anyhow::{bail, Context};
use app::store::accounts::{self, NewAccount};
use clap::{Parser, Subcommand};
use shared::network::AccountRole;
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
    /// Manage accounts.
    #[command(subcommand)]
    User(UserCommand),
}

#[derive(Subcommand, Debug)]
pub enum UserCommand {
    /// Create a beheerder account; the password is read from standard input.
    Create {
        #[arg(long)]
        email: String,
        #[arg(long)]
        name: String,
    },
}

pub async fn run(cli: Cli) -> anyhow::Result<()> {
    let url = &cli.database.database_url;
    match cli.command.unwrap_or(Command::Serve) {
        Command::Serve => {
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
        Command::User(UserCommand::Create { email, name }) => {
            shared::validation::email(&email).map_err(anyhow::Error::msg)?;
            if name.trim().is_empty() {
                bail!("--name must not be empty");
            }
            let password = read_password()?;
            shared::validation::password(&password).map_err(anyhow::Error::msg)?;
            let db = db::connect_and_migrate(url).await?;
            let account = accounts::create(
                &db,
                NewAccount {
                    email: &email,
                    display_name: &name,
                    role: AccountRole::Beheerder,
                    password: Some(&password),
                },
            )
            .await
            .with_context(|| format!("cannot create the account {email}"))?;
            tracing::info!(email = %account.email, "beheerder account created");
            Ok(())
        }
    }
}

/// The first line of standard input, without its line ending.
fn read_password() -> anyhow::Result<String> {
    if std::io::IsTerminal::is_terminal(&std::io::stdin()) {
        eprintln!("Password (input is shown; pipe it in to keep it off the screen):");
    }
    let mut line = String::new();
    std::io::stdin()
        .lock()
        .read_line(&mut line)
        .context("cannot read the password from standard input")?;
    Ok(line.trim_end_matches(['\r', '\n']).to_string())
}
