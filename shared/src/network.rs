//! The vocabulary of the network: target groups, sectors, roles, the
//! themes and statuses of collaboration agreements, and the kinds and
//! statuses of lessons, maatwerkcanvassen and knelpunten. Each is stored by a
//! stable code and shown through the catalogue.

use crate::i18n::{t, Text};
use serde::{Deserialize, Serialize};

/// Declares a closed set of domain values with a stable storage code and a
/// catalogue label, so parsing, storing and showing never drift apart.
macro_rules! coded_enum {
    ($(#[$meta:meta])* $name:ident { $($variant:ident => ($code:literal, $text:ident),)* }) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        pub enum $name { $($variant,)* }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant,)*];

            /// The code stored in the database and used in URLs.
            pub const fn code(self) -> &'static str {
                match self { $($name::$variant => $code,)* }
            }

            pub fn from_code(code: &str) -> Option<Self> {
                match code { $($code => Some($name::$variant),)* _ => None }
            }

            /// The label a user sees.
            pub fn label(self) -> &'static str {
                match self { $($name::$variant => t(Text::$text),)* }
            }
        }
    };
}

coded_enum! {
    /// Whom a virtual team is organised around.
    Doelgroep {
        Jeugd => ("jeugd", DoelgroepJeugd),
        Ouderen => ("ouderen", DoelgroepOuderen),
        Ggz => ("ggz", DoelgroepGgz),
        Lvb => ("lvb", DoelgroepLvb),
        Overig => ("overig", DoelgroepOverig),
    }
}

coded_enum! {
    /// The sector an organisation works in.
    Sector {
        Huisartsenzorg => ("huisartsenzorg", SectorHuisartsenzorg),
        Onderwijs => ("onderwijs", SectorOnderwijs),
        Jeugdhulp => ("jeugdhulp", SectorJeugdhulp),
        Welzijn => ("welzijn", SectorWelzijn),
        Wijkverpleging => ("wijkverpleging", SectorWijkverpleging),
        Ggz => ("ggz", SectorGgz),
        Gemeente => ("gemeente", SectorGemeente),
        Schuldhulp => ("schuldhulp", SectorSchuldhulp),
        Ouderenzorg => ("ouderenzorg", SectorOuderenzorg),
    }
}

coded_enum! {
    /// What an account may do across the network; per-team rights
    /// (teamlid, coördinator) come from memberships.
    AccountRole {
        Professional => ("professional", RoleTeamlid),
        Bestuurder => ("bestuurder", RoleBestuurder),
        Beheerder => ("beheerder", RoleBeheerder),
    }
}

coded_enum! {
    /// What a collaboration agreement is about.
    AgreementTheme {
        Techniek => ("techniek", ThemeTechniek),
        Communicatie => ("communicatie", ThemeCommunicatie),
        Visie => ("visie", ThemeVisie),
        Werkwijze => ("werkwijze", ThemeWerkwijze),
        Privacy => ("privacy", ThemePrivacy),
        Opschaling => ("opschaling", ThemeOpschaling),
    }
}

coded_enum! {
    /// Where a collaboration agreement is in its life.
    AgreementStatus {
        Concept => ("concept", StatusConcept),
        Actief => ("actief", StatusActief),
        Beeindigd => ("beeindigd", StatusBeeindigd),
    }
}

coded_enum! {
    /// Where a lesson was drawn.
    LessonSource {
        Casusbespreking => ("casusbespreking", SourceCasusbespreking),
        Intervisie => ("intervisie", SourceIntervisie),
        Evaluatie => ("evaluatie", SourceEvaluatie),
        Maatwerk => ("maatwerk", SourceMaatwerk),
        Overig => ("overig", SourceOverig),
    }
}

coded_enum! {
    /// The law under which a tailored solution (maatwerk) is paid.
    Law {
        Jeugdwet => ("jeugdwet", LawJeugdwet),
        Wmo => ("wmo", LawWmo),
        Participatiewet => ("participatiewet", LawParticipatiewet),
        Zvw => ("zvw", LawZvw),
        Wlz => ("wlz", LawWlz),
        Onderwijs => ("onderwijs", LawOnderwijs),
        Anders => ("anders", LawAnders),
    }
}

coded_enum! {
    /// Where a maatwerkcanvas is in its review.
    CanvasStatus {
        Ingediend => ("ingediend", CanvasIngediend),
        Besproken => ("besproken", CanvasBesproken),
        Akkoord => ("akkoord", CanvasAkkoord),
    }
}

coded_enum! {
    /// What a knelpunt is about.
    KnelpuntCategory {
        Financiering => ("financiering", KnelpuntFinanciering),
        Privacy => ("privacy", KnelpuntPrivacy),
        Regels => ("regels", KnelpuntRegels),
        Capaciteit => ("capaciteit", KnelpuntCapaciteit),
        Contractering => ("contractering", KnelpuntContractering),
        Onderwijs => ("onderwijs", KnelpuntOnderwijs),
        Overig => ("overig", KnelpuntOverig),
    }
}

coded_enum! {
    /// Where a knelpunt is in its handling by the bestuurders.
    KnelpuntStatus {
        Nieuw => ("nieuw", KnelpuntNieuw),
        Geagendeerd => ("geagendeerd", KnelpuntGeagendeerd),
        InBehandeling => ("in-behandeling", KnelpuntInBehandeling),
        Opgelost => ("opgelost", KnelpuntOpgelost),
        Afgewezen => ("afgewezen", KnelpuntAfgewezen),
    }
}

coded_enum! {
    /// A headline measure of a team's results, as charted and compared.
    Measure {
        Wait => ("wachttijd", MeasureWait),
        WithoutHelp => ("verder-zonder-hulp", MeasureWithoutHelp),
        ClientGrade => ("cijfer-clienten", MeasureClientGrade),
        Uitval => ("uitval", MeasureUitval),
        Doelrealisatie => ("doelrealisatie", MeasureDoelrealisatie),
    }
}

coded_enum! {
    /// What Vergelijken sets side by side.
    CompareLevel {
        Teams => ("teams", LevelTeams),
        Wijken => ("wijken", LevelWijken),
        Gemeenten => ("gemeenten", LevelGemeenten),
    }
}

impl Measure {
    /// Which way the measure improves.
    pub const fn better(self) -> crate::results::Better {
        match self {
            Measure::Wait | Measure::Uitval => crate::results::Better::Lower,
            _ => crate::results::Better::Higher,
        }
    }

    /// Whether the measure is a share of cases (rather than a mean): its
    /// funnel uses binomial limits and its cases are counts of clients.
    pub const fn is_share(self) -> bool {
        matches!(
            self,
            Measure::WithoutHelp | Measure::Uitval | Measure::Doelrealisatie
        )
    }

    /// Whether a team records the measure only when it chooses to (the
    /// NJi indicators uitval and doelrealisatie): pages leave it out for a
    /// team that never recorded it.
    pub const fn is_optional(self) -> bool {
        matches!(self, Measure::Uitval | Measure::Doelrealisatie)
    }

    /// The lowest and (if any) highest value the measure can take: a wait
    /// is never negative, a share lies within 0–100 %, a grade within 1–10.
    pub const fn possible_range(self) -> (f64, Option<f64>) {
        match self {
            Measure::Wait => (0.0, None),
            Measure::WithoutHelp | Measure::Uitval | Measure::Doelrealisatie => (0.0, Some(1.0)),
            Measure::ClientGrade => (1.0, Some(10.0)),
        }
    }

    pub const fn unit(self) -> crate::format::Unit {
        match self {
            Measure::Wait => crate::format::Unit::Days,
            Measure::WithoutHelp | Measure::Uitval | Measure::Doelrealisatie => {
                crate::format::Unit::Percent
            }
            Measure::ClientGrade => crate::format::Unit::Grade,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip() {
        for d in Doelgroep::ALL {
            assert_eq!(Doelgroep::from_code(d.code()), Some(*d));
        }
        for s in Sector::ALL {
            assert_eq!(Sector::from_code(s.code()), Some(*s));
        }
        for th in AgreementTheme::ALL {
            assert_eq!(AgreementTheme::from_code(th.code()), Some(*th));
        }
        assert_eq!(
            AgreementStatus::from_code("beeindigd"),
            Some(AgreementStatus::Beeindigd)
        );
        assert_eq!(AgreementStatus::Beeindigd.label(), "Beëindigd");
        assert_eq!(Doelgroep::from_code("Jeugd"), None);
        for s in LessonSource::ALL {
            assert_eq!(LessonSource::from_code(s.code()), Some(*s));
        }
        for l in Law::ALL {
            assert_eq!(Law::from_code(l.code()), Some(*l));
        }
        for s in CanvasStatus::ALL {
            assert_eq!(CanvasStatus::from_code(s.code()), Some(*s));
        }
        for c in KnelpuntCategory::ALL {
            assert_eq!(KnelpuntCategory::from_code(c.code()), Some(*c));
        }
        for s in KnelpuntStatus::ALL {
            assert_eq!(KnelpuntStatus::from_code(s.code()), Some(*s));
        }
    }
}
