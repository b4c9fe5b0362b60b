//! Who may do what. Every server function asks here before it reads or
//! writes; hiding a button is never the check.

use crate::network::AccountRole;
use serde::{Deserialize, Serialize};

/// The person behind a request, as far as permissions go.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Viewer {
    pub account_id: i32,
    pub role: AccountRole,
    pub teams: Vec<TeamMembership>,
    /// Whether the account logs in with a second factor (TOTP).
    pub two_factor: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TeamMembership {
    pub team_id: i32,
    pub coordinator: bool,
}

/// Something a viewer may want to do.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Permission {
    /// Read the network, any team's space, wijken and comparisons.
    ReadNetwork,
    /// Record or edit the records of this team.
    WriteTeam(i32),
    /// Manage this team's members and settings.
    ManageTeam(i32),
    /// Answer knelpunten and write dialogue notes.
    Govern,
    /// Remove a passage that slipped through (personal data) from this
    /// team's texts, their earlier versions, the search index and the
    /// audit log: the team's coördinator, or a beheerder.
    Redact(i32),
    /// Manage gemeenten, wijken, teams, organisations and accounts, and read
    /// the audit log. Needs two-factor login.
    Administer,
    /// Manage one's own account (password, two-factor login).
    ManageOwnAccount,
}

/// Why a permission was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Refusal {
    /// Nobody is logged in.
    NotLoggedIn,
    /// Logged in, but not allowed.
    NotAllowed,
    /// A beheerder who has not turned on two-factor login yet.
    NeedsTwoFactor,
}

impl Viewer {
    /// Where "Mijn team" leads: the one team's page; the account page,
    /// which lists them, to choose among several; the network overview for
    /// someone in no team (a bestuurder, a beheerder).
    pub fn my_team_page(&self) -> String {
        match self.teams.as_slice() {
            [only] => format!("/teams/{}", only.team_id),
            [] => "/".to_string(),
            _ => "/account#mijn-teams".to_string(),
        }
    }

    pub fn is_member(&self, team_id: i32) -> bool {
        self.teams.iter().any(|m| m.team_id == team_id)
    }

    pub fn coordinates(&self, team_id: i32) -> bool {
        self.teams
            .iter()
            .any(|m| m.team_id == team_id && m.coordinator)
    }
}

/// Decides whether `viewer` (or nobody) may do `permission`.
pub fn check(viewer: Option<&Viewer>, permission: Permission) -> Result<(), Refusal> {
    let Some(viewer) = viewer else {
        return Err(Refusal::NotLoggedIn);
    };
    let allowed = match permission {
        Permission::ReadNetwork | Permission::ManageOwnAccount => true,
        // Bestuurders never edit a team's own records, even as a member.
        Permission::WriteTeam(team) => {
            viewer.role != AccountRole::Bestuurder && viewer.is_member(team)
        }
        Permission::ManageTeam(team) => {
            viewer.role != AccountRole::Bestuurder && viewer.coordinates(team)
        }
        Permission::Govern => viewer.role == AccountRole::Bestuurder,
        Permission::Redact(team) => {
            if viewer.role == AccountRole::Beheerder {
                return check(Some(viewer), Permission::Administer);
            }
            viewer.role != AccountRole::Bestuurder && viewer.coordinates(team)
        }
        Permission::Administer => {
            if viewer.role == AccountRole::Beheerder && !viewer.two_factor {
                return Err(Refusal::NeedsTwoFactor);
            }
            viewer.role == AccountRole::Beheerder
        }
    };
    if allowed {
        Ok(())
    } else {
        Err(Refusal::NotAllowed)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn my_team_is_the_one_team_or_a_choice() {
        let viewer = |teams: &[i32]| Viewer {
            account_id: 1,
            role: AccountRole::Professional,
            teams: teams
                .iter()
                .map(|&team_id| TeamMembership {
                    team_id,
                    coordinator: false,
                })
                .collect(),
            two_factor: false,
        };
        assert_eq!(viewer(&[7]).my_team_page(), "/teams/7");
        assert_eq!(viewer(&[7, 9]).my_team_page(), "/account#mijn-teams");
        assert_eq!(viewer(&[]).my_team_page(), "/");
    }
    use proptest::prelude::*;

    fn viewer(role: AccountRole, teams: &[(i32, bool)], two_factor: bool) -> Viewer {
        Viewer {
            account_id: 1,
            role,
            teams: teams
                .iter()
                .map(|&(team_id, coordinator)| TeamMembership {
                    team_id,
                    coordinator,
                })
                .collect(),
            two_factor,
        }
    }

    #[test]
    fn roles_as_in_the_product() {
        let teamlid = viewer(AccountRole::Professional, &[(7, false)], false);
        let coordinator = viewer(AccountRole::Professional, &[(7, true)], false);
        let bestuurder = viewer(AccountRole::Bestuurder, &[], false);
        let beheerder = viewer(AccountRole::Beheerder, &[], true);
        let beheerder_1fa = viewer(AccountRole::Beheerder, &[], false);

        assert_eq!(
            check(None, Permission::ReadNetwork),
            Err(Refusal::NotLoggedIn)
        );
        assert_eq!(check(Some(&teamlid), Permission::ReadNetwork), Ok(()));
        assert_eq!(check(Some(&teamlid), Permission::WriteTeam(7)), Ok(()));
        assert_eq!(
            check(Some(&teamlid), Permission::WriteTeam(8)),
            Err(Refusal::NotAllowed)
        );
        assert_eq!(
            check(Some(&teamlid), Permission::ManageTeam(7)),
            Err(Refusal::NotAllowed)
        );
        assert_eq!(check(Some(&coordinator), Permission::ManageTeam(7)), Ok(()));
        assert_eq!(
            check(Some(&coordinator), Permission::ManageTeam(8)),
            Err(Refusal::NotAllowed)
        );
        assert_eq!(check(Some(&bestuurder), Permission::Govern), Ok(()));
        assert_eq!(
            check(Some(&bestuurder), Permission::WriteTeam(7)),
            Err(Refusal::NotAllowed)
        );
        assert_eq!(
            check(Some(&teamlid), Permission::Govern),
            Err(Refusal::NotAllowed)
        );
        assert_eq!(check(Some(&beheerder), Permission::Administer), Ok(()));
        assert_eq!(
            check(Some(&beheerder_1fa), Permission::Administer),
            Err(Refusal::NeedsTwoFactor)
        );
        assert_eq!(
            check(Some(&bestuurder), Permission::Administer),
            Err(Refusal::NotAllowed)
        );
        assert_eq!(check(Some(&coordinator), Permission::Redact(7)), Ok(()));
        assert_eq!(check(Some(&beheerder), Permission::Redact(7)), Ok(()));
        assert_eq!(
            check(Some(&beheerder_1fa), Permission::Redact(7)),
            Err(Refusal::NeedsTwoFactor)
        );
        for (who, team) in [(&teamlid, 7), (&coordinator, 8), (&bestuurder, 7)] {
            assert_eq!(
                check(Some(who), Permission::Redact(team)),
                Err(Refusal::NotAllowed)
            );
        }
    }

    proptest! {
        #[test]
        fn writing_needs_membership(teams in proptest::collection::vec((0i32..20, any::<bool>()), 0..5), team in 0i32..20, role in 0usize..3) {
            let v = viewer(AccountRole::ALL[role], &teams, true);
            let member = teams.iter().any(|(t, _)| *t == team);
            let writer = member && v.role != AccountRole::Bestuurder;
            prop_assert_eq!(check(Some(&v), Permission::WriteTeam(team)).is_ok(), writer);
            if check(Some(&v), Permission::ManageTeam(team)).is_ok() {
                prop_assert!(member);
            }
            prop_assert!(check(None, Permission::WriteTeam(team)).is_err());
        }
    }
}
