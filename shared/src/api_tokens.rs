//! API tokens, with which a registration system uses the JSON API
//! (`/api/v1`): who may create which token, what each lets its holder do,
//! and the creation form's rule. A coördinator creates tokens for their
//! team: to push its monthly results, or to read; a bestuurder or beheerder
//! creates read tokens for the network. A token reads only published
//! (suppressed) figures, whatever its creator may see.

use crate::i18n::Text;
use crate::network::AccountRole;
use crate::permissions::Viewer;
use serde::{Deserialize, Serialize};

/// What a token lets its holder do.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum TokenScope {
    /// Push the team's monthly results (and read what anyone may).
    Push,
    /// Read published figures.
    Read,
}

impl TokenScope {
    pub const ALL: [TokenScope; 2] = [TokenScope::Push, TokenScope::Read];

    /// As stored and as the form sends it.
    pub fn code(self) -> &'static str {
        match self {
            TokenScope::Push => "aanleveren",
            TokenScope::Read => "lezen",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.code() == code)
    }

    pub fn label(self) -> Text {
        match self {
            TokenScope::Push => Text::TokenScopePush,
            TokenScope::Read => Text::TokenScopeRead,
        }
    }
}

/// The longest a token may live, and how long it lives unless told.
pub const MAX_DAYS: u32 = 365;
pub const DEFAULT_DAYS: u32 = 90;
/// The longest name of a token.
pub const MAX_NAME: usize = 80;

/// Whether `viewer` may create a token of `scope` for `team` (none: the
/// network). A beheerder without two-factor login may not.
pub fn may_create(viewer: &Viewer, team: Option<i32>, scope: TokenScope) -> bool {
    match team {
        Some(team) => viewer.role != AccountRole::Bestuurder && viewer.coordinates(team),
        None => {
            scope == TokenScope::Read
                && match viewer.role {
                    AccountRole::Bestuurder => true,
                    AccountRole::Beheerder => viewer.two_factor,
                    _ => false,
                }
        }
    }
}

/// What a request with a token wants to do.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ApiUse {
    /// Read published figures.
    Read,
    /// Push a month of this team's results.
    PushResults(i32),
}

/// Whether a token of `scope` for `team` allows `wanted`.
pub fn allows(scope: TokenScope, team: Option<i32>, wanted: ApiUse) -> bool {
    match wanted {
        ApiUse::Read => true,
        ApiUse::PushResults(target) => scope == TokenScope::Push && team == Some(target),
    }
}

/// The creation form as typed.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct TokenForm {
    pub name: String,
    pub scope: String,
    /// A team's id, or empty for the network.
    pub team: String,
    pub days: String,
}

/// A token to create, checked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewToken {
    pub name: String,
    pub scope: TokenScope,
    pub team: Option<i32>,
    pub days: u32,
}

/// Checks the form; the problems by field. Whether the viewer may create
/// such a token is `may_create`'s to say.
pub fn check(form: &TokenForm) -> Result<NewToken, crate::validation::Problems> {
    let mut problems = Vec::new();
    let name = form.name.trim();
    if name.is_empty() {
        problems.push(("name", Text::TokenNameMissing.into()));
    } else if name.chars().count() > MAX_NAME || crate::validation::has_control_characters(name) {
        problems.push(("name", Text::TokenNameInvalid.with(MAX_NAME)));
    }
    let scope = TokenScope::from_code(form.scope.trim());
    if scope.is_none() {
        problems.push(("scope", Text::TokenScopeInvalid.into()));
    }
    let team = match form.team.trim() {
        "" => Ok(None),
        id => id.parse::<i32>().map(Some).map_err(|_| ()),
    };
    if team.is_err() {
        problems.push(("team", Text::TokenTeamInvalid.into()));
    }
    let days = form.days.trim();
    let days = if days.is_empty() {
        Some(DEFAULT_DAYS)
    } else {
        days.parse::<u32>()
            .ok()
            .filter(|d| (1..=MAX_DAYS).contains(d))
    };
    if days.is_none() {
        problems.push(("days", Text::TokenDaysInvalid.with(MAX_DAYS)));
    }
    match (scope, team, days) {
        (Some(scope), Ok(team), Some(days)) if problems.is_empty() => Ok(NewToken {
            name: name.to_string(),
            scope,
            team,
            days,
        }),
        _ => Err(problems),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::permissions::TeamMembership;
    use proptest::prelude::*;

    fn viewer(role: AccountRole, coordinates: Option<i32>, two_factor: bool) -> Viewer {
        Viewer {
            account_id: 1,
            role,
            teams: coordinates
                .map(|team_id| TeamMembership {
                    team_id,
                    coordinator: true,
                })
                .into_iter()
                .chain([TeamMembership {
                    team_id: 9,
                    coordinator: false,
                }])
                .collect(),
            two_factor,
        }
    }

    #[test]
    fn a_coordinator_creates_tokens_for_their_team_only() {
        let coordinator = viewer(AccountRole::Professional, Some(3), false);
        for scope in TokenScope::ALL {
            assert!(may_create(&coordinator, Some(3), scope));
            assert!(!may_create(&coordinator, Some(9), scope), "a member only");
            assert!(!may_create(&coordinator, Some(4), scope));
            assert!(!may_create(&coordinator, None, scope));
        }
    }

    #[test]
    fn network_tokens_read_and_need_a_bestuurder_or_a_secured_beheerder() {
        let bestuurder = viewer(AccountRole::Bestuurder, None, false);
        assert!(may_create(&bestuurder, None, TokenScope::Read));
        assert!(!may_create(&bestuurder, None, TokenScope::Push));
        let beheerder = viewer(AccountRole::Beheerder, None, true);
        assert!(may_create(&beheerder, None, TokenScope::Read));
        let unsecured = viewer(AccountRole::Beheerder, None, false);
        assert!(!may_create(&unsecured, None, TokenScope::Read));
        let member = viewer(AccountRole::Professional, None, true);
        assert!(!may_create(&member, None, TokenScope::Read));
    }

    #[test]
    fn only_a_teams_push_token_pushes_its_results() {
        assert!(allows(TokenScope::Push, Some(3), ApiUse::PushResults(3)));
        assert!(!allows(TokenScope::Push, Some(3), ApiUse::PushResults(4)));
        assert!(!allows(TokenScope::Read, Some(3), ApiUse::PushResults(3)));
        assert!(!allows(TokenScope::Read, None, ApiUse::PushResults(3)));
        for scope in TokenScope::ALL {
            assert!(allows(scope, None, ApiUse::Read));
            assert!(allows(scope, Some(3), ApiUse::Read));
        }
    }

    #[test]
    fn the_form_is_checked_field_by_field() {
        let form = TokenForm {
            name: " Koppeling Suite4Jeugd ".into(),
            scope: "aanleveren".into(),
            team: "3".into(),
            days: "".into(),
        };
        assert_eq!(
            check(&form),
            Ok(NewToken {
                name: "Koppeling Suite4Jeugd".into(),
                scope: TokenScope::Push,
                team: Some(3),
                days: DEFAULT_DAYS,
            })
        );
        let bad = TokenForm {
            name: "".into(),
            scope: "alles".into(),
            team: "drie".into(),
            days: "366".into(),
        };
        let fields: Vec<&str> = check(&bad).unwrap_err().iter().map(|(f, _)| *f).collect();
        assert_eq!(fields, ["name", "scope", "team", "days"]);
    }

    proptest! {
        #[test]
        fn any_form_is_checked_without_panic(name in ".{0,100}", scope in ".{0,12}", team in ".{0,12}", days in ".{0,6}") {
            let form = TokenForm { name, scope, team, days };
            if let Ok(token) = check(&form) {
                prop_assert!((1..=MAX_DAYS).contains(&token.days));
                prop_assert!(!token.name.is_empty() && token.name.chars().count() <= MAX_NAME);
            }
        }
    }
}
