//! Input rules shared by forms and command-line tools. Each rule returns a
//! Dutch message for the field it guards.

/// Shortest password accepted.
pub const PASSWORD_MIN_CHARS: usize = 12;
/// Longest password accepted (long passphrases are welcome).
pub const PASSWORD_MAX_CHARS: usize = 128;

/// Passwords too common to accept, whatever their length.
const COMMON_PASSWORDS: &str = include_str!("common_passwords.txt");

/// Whether `candidate` is a well-known password or too repetitive to guess
/// slowly (fewer than five different characters).
pub fn is_common_password(candidate: &str) -> bool {
    let lower = candidate.to_lowercase();
    let mut distinct: Vec<char> = lower.chars().collect();
    distinct.sort_unstable();
    distinct.dedup();
    distinct.len() < 5 || COMMON_PASSWORDS.lines().any(|common| common == lower)
}

/// Checks a new password; `Err` holds the message for the field.
pub fn password(candidate: &str) -> Result<(), String> {
    let chars = candidate.chars().count();
    if chars < PASSWORD_MIN_CHARS {
        Err(format!(
            "Kies een wachtwoord van minstens {PASSWORD_MIN_CHARS} tekens."
        ))
    } else if chars > PASSWORD_MAX_CHARS {
        Err(format!(
            "Kies een wachtwoord van hoogstens {PASSWORD_MAX_CHARS} tekens."
        ))
    } else if is_common_password(candidate) {
        Err("Dit wachtwoord is te bekend of te eenvoudig. Kies een ander, bijvoorbeeld een zin van een paar woorden.".to_string())
    } else {
        Ok(())
    }
}

/// Checks that an e-mail address has the form name@domain.
pub fn email(candidate: &str) -> Result<(), String> {
    let candidate = candidate.trim();
    let valid = candidate.len() <= 254
        && !candidate.contains(char::is_whitespace)
        && candidate.split_once('@').is_some_and(|(local, domain)| {
            !local.is_empty()
                && domain.contains('.')
                && !domain.starts_with('.')
                && !domain.ends_with('.')
        });
    if valid {
        Ok(())
    } else {
        Err("Vul een geldig e-mailadres in, zoals naam@organisatie.nl.".to_string())
    }
}

/// Longest name of a person, team, wijk, gemeente or organisation.
pub const NAME_MAX_CHARS: usize = 100;

/// Checks a name: not empty, not too long.
pub fn name(candidate: &str) -> Result<(), String> {
    let chars = candidate.trim().chars().count();
    if chars == 0 {
        Err("Vul een naam in.".to_string())
    } else if chars > NAME_MAX_CHARS {
        Err(format!("Gebruik hoogstens {NAME_MAX_CHARS} tekens."))
    } else {
        Ok(())
    }
}

/// Checks a CBS gemeente code: "GM" and four digits, e.g. GM0344.
pub fn gemeente_code(candidate: &str) -> Result<(), String> {
    cbs_code(candidate, "GM", 4)
        .ok_or_else(|| "Vul een CBS-gemeentecode in: GM en vier cijfers, zoals GM0344.".to_string())
}

/// Checks a CBS wijk code: "WK" and six digits, e.g. WK034403.
pub fn wijk_code(candidate: &str) -> Result<(), String> {
    cbs_code(candidate, "WK", 6)
        .ok_or_else(|| "Vul een CBS-wijkcode in: WK en zes cijfers, zoals WK034403.".to_string())
}

fn cbs_code(candidate: &str, prefix: &str, digits: usize) -> Option<()> {
    let rest = candidate.trim().strip_prefix(prefix)?;
    (rest.len() == digits && rest.bytes().all(|b| b.is_ascii_digit())).then_some(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn known_answers() {
        assert!(password("kort").is_err());
        assert!(password("twaalf tekens").is_ok());
        assert!(password(&"x".repeat(129)).is_err());
        assert!(
            password(&"lang wachtwoord ".repeat(4)).is_ok(),
            "64 characters are fine"
        );
        assert!(password("Wachtwoord123").is_err());
        assert!(password("aaaaaaaaaaaaaaaa").is_err());
        assert!(password("ababababababab").is_err());
        assert!(email("a.jansen@buurtzorg.nl").is_ok());
        assert!(email("a.jansen").is_err());
        assert!(email("@buurtzorg.nl").is_err());
        assert!(email("a jansen@buurtzorg.nl").is_err());
        assert!(name("  ").is_err());
        assert!(name("Anouk de Vries").is_ok());
        assert!(name(&"a".repeat(101)).is_err());
        assert!(gemeente_code("GM0344").is_ok());
        assert!(gemeente_code("GM344").is_err());
        assert!(gemeente_code("gm0344").is_err());
        assert!(wijk_code("WK034403").is_ok());
        assert!(wijk_code("WK03440").is_err());
    }

    proptest! {
        #[test]
        fn password_length_and_commonness_decide(s in "\\PC{0,140}") {
            let n = s.chars().count();
            let acceptable = (PASSWORD_MIN_CHARS..=PASSWORD_MAX_CHARS).contains(&n) && !is_common_password(&s);
            prop_assert_eq!(password(&s).is_ok(), acceptable);
        }
    }
}
