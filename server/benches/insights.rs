//! How long the network-wide pages take to work out when nothing of them
//! is kept: after a month is saved, Wat werkt, Vergelijken and the
//! bestuurderstafel are remade from the network's recent months
//! (`store::compare::Recent`, brought up to date by re-reading one team),
//! so their time after a write is the time measured here. Reads the
//! network once, then works each page out afresh many times over random
//! filters and prints the figures (the goal: under 50 ms each at scale
//! 1.0). `.ci/bench` runs it:
//!
//! ```sh
//! DATABASE_URL=… cargo bench -p server --bench insights
//! ```

use app::store::network::OVERVIEW_TEAMS;
use app::store::{compare, governance, what_works};
use shared::dto::CompareQuery;
use shared::network::{CompareLevel, Doelgroep, Measure};
use shared::suppression::SuppressionPolicy;
use std::time::{Duration, Instant};

// The server's allocator: allocation is much of what these pages cost.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Times each page is worked out; the first ones warm the caches and are
/// not counted.
const RUNS: usize = 12;
const WARM_UP: usize = 2;

fn main() -> anyhow::Result<()> {
    let url = std::env::var("DATABASE_URL")?;
    let runs: usize = std::env::var("WIJKWIJS_BENCH_RUNS")
        .ok()
        .and_then(|r| r.parse().ok())
        .unwrap_or(RUNS);
    let policy = SuppressionPolicy::default();
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()?;
    runtime.block_on(async {
        let db = server::db::connect(&url).await?;
        let start = Instant::now();
        let recent = compare::Recent::read(&db).await?;
        let read = start.elapsed();
        let teams = recent.teams().count();
        let gemeenten: Vec<i32> = recent
            .select(None, None, 1)
            .gemeenten
            .iter()
            .map(|g| g.0)
            .collect();
        println!(
            "The network's recent months ({teams} teams) read afresh in {:.0} ms.",
            read.as_secs_f64() * 1000.0
        );
        let agreements = what_works::Agreements::read(&db, recent.latest()).await?;

        let mut times = Vec::new();
        for _ in 0..WARM_UP + runs {
            let start = Instant::now();
            std::hint::black_box(what_works::what_works(&recent, &agreements, policy));
            times.push(start.elapsed());
        }
        report("Wat werkt from the kept months", &times[WARM_UP..]);

        let mut dice = 1u64;
        let mut pick = |n: usize| {
            // A fixed sequence of filters: the same figures on every run.
            dice = dice.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
            (dice >> 33) as usize % n.max(1)
        };
        let mut times = Vec::new();
        for _ in 0..WARM_UP + runs * 4 {
            let query = CompareQuery {
                measure: Measure::ALL[pick(Measure::ALL.len())],
                doelgroep: [None, Some(Doelgroep::ALL[0]), Some(Doelgroep::ALL[1])][pick(3)],
                gemeente_id: [None, gemeenten.get(pick(gemeenten.len())).copied()][pick(2)],
                months: [3, 6, 12][pick(3)],
                adjusted: true,
                level: [
                    CompareLevel::Teams,
                    CompareLevel::Wijken,
                    CompareLevel::Gemeenten,
                ][pick(3)],
            };
            let start = Instant::now();
            std::hint::black_box(compare::compare(&recent, query, policy));
            times.push(start.elapsed());
        }
        report("Vergelijken, random filters", &times[WARM_UP..]);

        for (label, gemeente) in [
            ("the bestuurderstafel of the network", None),
            (
                "the bestuurderstafel of a gemeente",
                gemeenten.first().copied(),
            ),
        ] {
            // Its teams, knelpunten, lessons and savings are kept while
            // months are saved: read once, as after the first visit.
            let start = Instant::now();
            let records = governance::Records::read(&db, gemeente, OVERVIEW_TEAMS)
                .await?
                .ok_or_else(|| anyhow::anyhow!("no gemeente {gemeente:?}"))?;
            println!(
                "{label}: its kept records read in {:.0} ms",
                start.elapsed().as_secs_f64() * 1000.0
            );
            let mut times = Vec::new();
            for _ in 0..WARM_UP + runs {
                let start = Instant::now();
                std::hint::black_box(governance::table_of(&db, &recent, &records, policy).await?);
                times.push(start.elapsed());
            }
            report(label, &times[WARM_UP..]);
        }
        anyhow::Ok(())
    })
}

fn report(what: &str, times: &[Duration]) {
    let mut times = times.to_vec();
    times.sort();
    let ms = |at: f64| {
        let index = ((times.len() - 1) as f64 * at).round() as usize;
        times[index].as_secs_f64() * 1000.0
    };
    println!(
        "{what}: p50 {:.1} ms, max {:.1} ms over {} runs",
        ms(0.5),
        ms(1.0),
        times.len()
    );
}
