//! How long a team's run chart takes to draw. The chart route serves a
//! kept copy until the team's data changes, so the page benchmark measures
//! sending it, not drawing it; this draws every measure's chart of one team
//! afresh from the national network, through the route's own code, and
//! prints the figures (the goal: under 5 ms a chart). `.ci/bench` runs it:
//!
//! ```sh
//! DATABASE_URL=… WIJKWIJS_BENCH_TEAM=1 cargo bench -p server --bench chart_render
//! ```

use shared::suppression::SuppressionPolicy;
use std::time::{Duration, Instant};

/// Draws of each chart; the first ones warm the caches and are not counted.
const DRAWS: usize = 200;
const WARM_UP: usize = 20;

fn main() -> anyhow::Result<()> {
    let url = std::env::var("DATABASE_URL")?;
    let team: i32 = std::env::var("WIJKWIJS_BENCH_TEAM")
        .unwrap_or_else(|_| "1".into())
        .parse()?;
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()?;
    let (name, charts) = runtime.block_on(async {
        let db = server::db::connect(&url).await?;
        app::store::series::team_charts(&db, team, SuppressionPolicy::default())
            .await?
            .ok_or_else(|| anyhow::anyhow!("no team {team}"))
    })?;
    let mut times: Vec<Duration> = Vec::new();
    let mut largest = 0;
    for series in &charts {
        for draw in 0..WARM_UP + DRAWS {
            let start = Instant::now();
            let title = server::charts::team_chart_title(series.measure, &name);
            let svg = server::charts::run_chart(series, &title);
            let took = start.elapsed();
            if draw >= WARM_UP {
                times.push(took);
            }
            largest = largest.max(std::hint::black_box(svg).len());
        }
    }
    anyhow::ensure!(!times.is_empty(), "team {team} has no run charts");
    times.sort();
    let ms = |at: f64| {
        let index = ((times.len() - 1) as f64 * at).round() as usize;
        times[index].as_secs_f64() * 1000.0
    };
    let months = charts.iter().map(|s| s.points.len()).max().unwrap_or(0);
    println!("Team {team}'s run charts drawn afresh:");
    println!(
        "p50 {:.2} ms, p99 {:.2} ms, max {:.2} ms over {} draws \
         ({} measures of {months} months), largest {largest} bytes",
        ms(0.5),
        ms(0.99),
        ms(1.0),
        times.len(),
        charts.len(),
    );
    Ok(())
}
