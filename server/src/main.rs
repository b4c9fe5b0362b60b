//! The `wijkwijs` binary: serves the web app and runs the operator tasks
//! (migrations, demo network, first accounts). Any failure ends with one
//! clear error line and a non-zero exit code, never a panic.

use clap::Parser;
use std::process::ExitCode;

/// A page is rendered from many small strings; mimalloc serves them faster
/// than the system allocator (see BENCHMARKS.md).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let cli = server::cli::Cli::parse();
    server::telemetry::init();
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(runtime) => runtime,
        Err(err) => {
            eprintln!("wijkwijs: error: cannot start the async runtime: {err}");
            return ExitCode::FAILURE;
        }
    };
    match runtime.block_on(server::cli::run(cli)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("wijkwijs: error: {err:#}");
            ExitCode::FAILURE
        }
    }
}
