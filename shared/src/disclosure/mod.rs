//! Statistical disclosure control as a whole: what Wijkwijs publishes
//! outside a team (`publication`) and the proof that no hidden cell can be
//! worked out from it (`audit`, built for tests and the `audit` feature).
//! The protection itself is the rule in `suppression`.

#[cfg(any(test, feature = "audit"))]
pub mod audit;
pub mod publication;

pub use publication::{published, Published, TeamCells};

/// A network of many small teams for the audit: `teams` teams over
/// `months` months in a few wijken and two gemeenten, each with 3–15
/// clients a month and now and then a month of 0–4, from `seed`.
#[cfg(any(test, feature = "audit"))]
pub fn small_teams(seed: u64, teams: usize, months: i32) -> Vec<TeamCells> {
    use crate::network::Doelgroep;
    use crate::results::MonthlyResult;
    // A small linear congruential generator: the same seed, the same
    // network, with no dependency.
    let mut state = seed
        .wrapping_mul(6364136223846793005)
        .wrapping_add(1442695040888963407);
    let mut next = move |below: u32| -> u32 {
        state = state
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((state >> 33) % u64::from(below.max(1))) as u32
    };
    let last = crate::Month::new(2026, 10).expect("a month");
    (0..teams)
        .map(|t| {
            let doelgroep = [Doelgroep::Jeugd, Doelgroep::Ouderen, Doelgroep::Ggz][t % 3];
            let months = (0..months)
                .map(|i| {
                    let mut size = || {
                        if next(6) == 0 {
                            next(5)
                        } else {
                            3 + next(13)
                        }
                    };
                    let (started, ended, responses) = (size(), size(), size());
                    // Jeugd teams also record the NJi indicators.
                    let jeugd = doelgroep == Doelgroep::Jeugd;
                    let uitval = jeugd.then(|| next(ended / 3 + 1));
                    let doelrealisatie = jeugd.then(|| next(ended + 1 - uitval.unwrap_or(0)));
                    MonthlyResult {
                        month: last.plus(i + 1 - months),
                        started,
                        mean_wait_days: (started > 0).then(|| f64::from(5 + next(60)) / 2.0),
                        ended,
                        without_help: next(ended + 1),
                        client_grade: (responses > 0).then(|| f64::from(50 + next(45)) / 10.0),
                        client_responses: responses,
                        uitval,
                        doelrealisatie,
                    }
                })
                .collect();
            TeamCells {
                wijk: (t / 3) as i32,
                gemeente: (t / 6) as i32,
                doelgroep,
                months,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::audit::{audit, Rule};
    use super::publication::{published_combining, Quantity};
    use super::*;
    use crate::network::{Doelgroep, Measure};
    use crate::results::MonthlyResult;
    use crate::suppression::SuppressionPolicy;
    use crate::Month;
    use proptest::prelude::*;

    fn month(m: u8, started: u32, wait: f64) -> MonthlyResult {
        MonthlyResult {
            month: Month::new(2026, m).unwrap(),
            started,
            mean_wait_days: (started > 0).then_some(wait),
            ended: 20,
            without_help: 14,
            client_grade: Some(7.5),
            client_responses: 12,
            uitval: None,
            doelrealisatie: None,
        }
    }

    fn team(wijk: i32, months: Vec<MonthlyResult>) -> TeamCells {
        TeamCells {
            wijk,
            gemeente: 1,
            doelgroep: Doelgroep::Ouderen,
            months,
        }
    }

    /// The first finding: a wijk's month against its teams' months.
    /// One team waited 9 days for 7 clients (hidden); the others show.
    fn wijk_against_teams() -> Vec<TeamCells> {
        vec![
            team(1, vec![month(9, 7, 9.0)]),
            team(1, vec![month(9, 20, 30.0)]),
            team(1, vec![month(9, 15, 12.0)]),
        ]
    }

    /// The second: a team's window against its shown months.
    fn window_against_months() -> Vec<TeamCells> {
        vec![team(
            1,
            vec![month(8, 12, 20.0), month(9, 6, 8.0), month(10, 14, 22.0)],
        )]
    }

    fn unprotected(teams: &[TeamCells]) -> Vec<audit::Pinned> {
        let policy = SuppressionPolicy::default();
        let figures = published_combining(teams, policy, SuppressionPolicy::OWN_TEAM);
        audit(teams, policy, &figures, Rule::default())
    }

    fn protected(teams: &[TeamCells]) -> Vec<audit::Pinned> {
        let policy = SuppressionPolicy::default();
        audit(teams, policy, &published(teams, policy), Rule::default())
    }

    #[test]
    fn the_audit_catches_what_totals_over_every_cell_gave_away() {
        for (network, hidden) in [(wijk_against_teams(), 9.0), (window_against_months(), 8.0)] {
            let pinned = unprotected(&network);
            let wait = pinned
                .iter()
                .find(|p| p.quantity == Quantity::Value(Measure::Wait))
                .expect("the hidden wait is pinned");
            // Pinned to within a day, around the truth.
            let (lo, hi) = wait.interval;
            assert!(
                hi - lo < 1.0 && lo - 1e-6 <= hidden && hidden <= hi + 1e-6,
                "{wait}"
            );
            assert!(!wait.by.is_empty(), "the audit names the figures");
        }
    }

    #[test]
    fn totals_of_shown_cells_keep_every_hidden_cell_wide() {
        for network in [wijk_against_teams(), window_against_months()] {
            let pinned = protected(&network);
            assert!(pinned.is_empty(), "{}", pinned[0]);
        }
    }

    #[test]
    fn a_generated_network_of_small_teams_passes_and_fails_as_it_should() {
        let network = small_teams(7, 12, 24);
        let pinned = protected(&network);
        assert!(pinned.is_empty(), "{}", pinned[0]);
        assert!(!unprotected(&small_teams(7, 6, 6)).is_empty());
    }

    #[test]
    fn a_count_shown_as_fewer_than_five_keeps_five_values() {
        // Team 0 started 3 clients (shown "<5"); its wijk's count follows
        // from the others only if totals add it in.
        let mut network = wijk_against_teams();
        network[0].months[0].started = 3;
        let pinned = unprotected(&network);
        assert!(pinned
            .iter()
            .any(|p| p.quantity == Quantity::Count(super::publication::Count::Started)));
        assert!(protected(&network).is_empty());
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(24))]
        #[test]
        fn random_small_networks_pass_the_audit(seed in 0u64..10_000, teams in 1usize..7, months in 1i32..8) {
            let network = small_teams(seed, teams, months);
            let pinned = protected(&network);
            prop_assert!(pinned.is_empty(), "{}", pinned[0]);
        }
    }
}
