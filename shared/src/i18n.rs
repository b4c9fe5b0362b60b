//! The one translation catalogue: every text a user sees is a `Text` key,
//! so a second language is one more column here, not a hunt through views.

macro_rules! catalogue {
    ($($key:ident => $nl:expr,)*) => {
        /// A user-visible text.
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub enum Text { $($key,)* }

        impl Text {
            /// The Dutch wording.
            pub const fn nl(self) -> &'static str {
                match self { $(Text::$key => $nl,)* }
            }
        }
    };
}

/// The text in the user's language (Dutch is the only one so far).
pub const fn t(key: Text) -> &'static str {
    key.nl()
}

catalogue! {
    AppName => "Wijkwijs",
    Tagline => "Samenwerken in de wijk, zichtbaar gemaakt",
    SkipToContent => "Naar de inhoud",
    MainNavigation => "Hoofdmenu",
    Breadcrumb => "Kruimelpad",
    NavOverview => "Netwerk",
    NavAccessibility => "Toegankelijkheid",
    Loading => "Bezig met laden…",
    LoginTitle => "Inloggen",
    LoginIntro => "Log in met het e-mailadres en wachtwoord van uw Wijkwijs-account.",
    LoginButton => "Inloggen",
    Logout => "Uitloggen",
    LoggedInAs => "Ingelogd als",
    Email => "E-mailadres",
    Password => "Wachtwoord",
    Role => "Rol",
    AccountTitle => "Mijn account",
    MyTeams => "Mijn teams",
    NoTeams => "U bent (nog) geen lid van een team.",
    BackToLogin => "Opnieuw inloggen",
    Yes => "ja",
    No => "nee",
    Save => "Opslaan",
    NavAdmin => "Beheer",
    AdminTitle => "Beheer",
    AccountsTitle => "Accounts",
    AccountsCaption => "Alle accounts",
    AccountActive => "Actief",
    AccountSetUp => "Ingesteld",
    AccountCreateTitle => "Nieuw account",
    AccountCreateIntro => "Het nieuwe account krijgt een eenmalige link waarmee de gebruiker zelf een wachtwoord kiest. Geef die link zelf door; er wordt geen e-mail verstuurd.",
    AccountCreateButton => "Account aanmaken",
    AccountEditTitle => "Gegevens wijzigen",
    AccountAccessTitle => "Toegang",
    AccountDeactivate => "Account deactiveren",
    AccountActivate => "Account weer activeren",
    SetupLinkTitle => "Eenmalige link om het account in te stellen",
    SetupLinkIntro => "Geef deze link door aan de gebruiker. Hij werkt één keer en vervalt na 72 uur. Zet dit adres achter het adres van Wijkwijs:",
    SetupLinkNew => "Nieuwe instellink maken",
    SetupTitle => "Account instellen",
    SetupIntro => "Welkom bij Wijkwijs. Kies een wachtwoord voor uw account; daarna kunt u inloggen.",
    SetupLinkExpired => "Deze link is verlopen of al gebruikt. Vraag de beheerder om een nieuwe.",
    SetupButton => "Wachtwoord instellen",
    SetupDone => "Uw wachtwoord is ingesteld. U kunt nu inloggen.",
    NewPassword => "Nieuw wachtwoord",
    RepeatPassword => "Herhaal het wachtwoord",
    PasswordHint => "Minstens 12 tekens. Een zin van een paar woorden is sterk en goed te onthouden.",
    AuditTitle => "Auditlog",
    StructureTitle => "Gemeenten, wijken, teams en organisaties",
    Gemeenten => "Gemeenten",
    Wijken => "Wijken",
    Organisations => "Organisaties",
    Sector => "Sector",
    CbsCode => "CBS-code",
    Edit => "Wijzigen",
    EditSelected => "Gekozen onderdeel wijzigen",
    NewGemeente => "Nieuwe gemeente",
    NewWijk => "Nieuwe wijk",
    NewTeam => "Nieuw team",
    NewOrganisation => "Nieuwe organisatie",
    GemeenteCodeHint => "GM en vier cijfers, zoals GM0344.",
    WijkCodeHint => "WK en zes cijfers, zoals WK034403.",
    AuditIntro => "Wie deed wat, wanneer, vanaf welk adres en met welk resultaat. De log kan niet worden gewijzigd of gewist.",
    AuditCaption => "Gebeurtenissen, nieuwste eerst",
    AuditAt => "Tijdstip (UTC)",
    AuditActor => "Wie",
    AuditAction => "Actie",
    AuditObject => "Object",
    AuditOutcome => "Resultaat",
    AuditAddress => "Adres",
    AuditFrom => "Vanaf",
    AuditTo => "Tot en met",
    AuditAnyOutcome => "alle",
    AuditFilterButton => "Filteren",
    AuditExport => "Exporteren als CSV (alles wat aan het filter voldoet)",
    AuditTruncated => "Alleen de nieuwste 200 staan hier; de CSV-export bevat alles.",
    SecondFactorTitle => "Inloggen: tweede stap",
    SecondFactorIntro => "Voer de code in die uw authenticator-app nu toont. Hebt u uw telefoon niet bij de hand? Gebruik dan een van uw herstelcodes.",
    SecondFactorCode => "Code",
    SecondFactorHint => "Zes cijfers uit de app, of een herstelcode zoals ab12c-3de45.",
    TwoFactorTitle => "Inloggen in twee stappen",
    TwoFactorOn => "Inloggen in twee stappen staat aan. Bij het inloggen vragen we na uw wachtwoord om een code uit uw app.",
    TwoFactorOff => "Inloggen in twee stappen staat uit. Zet het aan voor extra bescherming; voor beheerders is het verplicht.",
    TwoFactorStart => "Inloggen in twee stappen aanzetten",
    TwoFactorScan => "Scan deze QR-code met een authenticator-app (bijvoorbeeld van Microsoft, Google of een open-source app).",
    TwoFactorQrAlt => "QR-code met de geheime sleutel voor uw authenticator-app; de sleutel staat ook hieronder als tekst.",
    TwoFactorSecret => "Lukt scannen niet? Voer dan deze sleutel in:",
    TwoFactorRecovery => "Bewaar deze herstelcodes op een veilige plek. Elke code werkt één keer, als u uw telefoon kwijt bent.",
    TwoFactorConfirm => "Bevestigen en aanzetten",

    OverviewTitle => "Netwerkoverzicht",
    OverviewIntro => "Alle gemeenten, wijken en virtuele teams in het netwerk, met de laatste kerncijfers van elk team. Kijk bij elkaar in de keuken: open een team om zijn afspraken en resultaten te zien.",
    OverviewEmpty => "Er zijn nog geen gemeenten in het netwerk.",
    Gemeente => "Gemeente",
    Wijk => "Wijk",
    Team => "Team",
    Teams => "Teams",
    Doelgroep => "Doelgroep",
    LatestMonth => "Laatste maand",
    TeamsOfWijkCaption => "Kerncijfers van de laatste maand, teams in",
    NoTeamsInWijk => "Deze wijk heeft nog geen teams.",

    MeasureWait => "Wachttijd (dagen)",
    MeasureWithoutHelp => "Verder zonder hulp",
    MeasureClientGrade => "Cijfer cliënten",
    Started => "Gestart",
    Ended => "Afgesloten",
    WithoutHelpCount => "Zonder hulp verder",
    ClientResponses => "Reacties cliënten",
    Month => "Maand",

    SuppressionNote => "Om cliënten te beschermen tonen we een gemiddelde of percentage pas bij voldoende aantallen; aantallen onder de 5 staan er als ‘<5’. Een streepje (–) betekent: te weinig om te tonen of geen gegevens.",
    FigureHidden => "te weinig om te tonen",
    FigureNoData => "geen gegevens",

    TeamContact => "Contactpersoon",
    TeamNoContact => "Nog geen contactpersoon bekend.",
    TeamMembers => "Teamleden",
    TeamMembersCaption => "Leden van het team",
    ManageMembers => "Leden beheren",
    Remove => "Verwijder",
    FromTeam => "uit het team",
    AddMember => "Lid toevoegen",
    AddMemberHint => "Het e-mailadres van een bestaand Wijkwijs-account. Bestaat het nog niet, vraag dan de beheerder om het aan te maken.",
    Name => "Naam",
    Discipline => "Discipline",
    Organisation => "Organisatie",
    Coordinator => "coördinator",
    AgreementsTitle => "Samenwerkingsafspraken",
    AgreementsNone => "Dit team heeft nog geen afspraken vastgelegd.",
    AgreementStatus => "Status",
    AgreementEffectiveFrom => "Geldt vanaf",
    AgreementReview => "Evaluatie",
    AgreementText => "Tekst van de afspraak",
    Theme => "Thema",
    Title => "Titel",
    NewAgreement => "Nieuwe afspraak vastleggen",
    NewVersion => "Nieuwe versie vastleggen",
    SaveVersion => "Nieuwe versie opslaan",
    History => "Geschiedenis",
    HistoryCaption => "Alle versies, nieuwste eerst",
    Version => "Versie",
    SavedAt => "Opgeslagen (UTC)",
    Author => "Door",
    BackToTeam => "Terug naar het team",
    BackToTeamNamed => "Terug naar",
    NoPersonalData => "Schrijf hier geen gegevens die een cliënt herkenbaar maken: geen namen, BSN, geboortedata of adressen.",
    ResultsTitle => "Resultaten per maand",
    ResultsCaption => "Resultaten van de laatste 12 maanden",
    ResultsNone => "Dit team heeft nog geen resultaten ingevoerd.",
    LessonsTitle => "Lessen",
    LessonsNone => "Dit team heeft nog geen lessen vastgelegd.",
    BackToOverview => "Terug naar het netwerkoverzicht",

    NotFoundTitle => "Pagina niet gevonden",
    NotFoundText => "Deze pagina bestaat niet (meer). Controleer het adres of ga terug naar het netwerkoverzicht.",
    ErrorTitle => "Er ging iets mis",
    ErrorNotFound => "Dit onderdeel bestaat niet (meer).",
    ErrorNotLoggedIn => "U bent niet (meer) ingelogd. Log in om verder te gaan.",
    ErrorForbidden => "U hebt geen toegang tot dit onderdeel. Alleen leden van het team kunnen hier iets vastleggen.",
    ErrorNeedsTwoFactor => "Zet eerst inloggen in twee stappen aan op uw accountpagina; voor beheer is dat verplicht.",
    ErrorThrottled => "Te veel mislukte pogingen. Wacht even en probeer het dan opnieuw.",
    ErrorInvalid => "Niet alles is goed ingevuld. Kijk bij de velden wat er mis is.",
    ErrorServer => "Er ging iets mis op de server. Probeer het later opnieuw; blijft het misgaan, neem dan contact op met de beheerder.",
    ErrorRequest => "Het verzoek kon niet worden verwerkt. Laad de pagina opnieuw en probeer het nog eens.",

    AccessibilityTitle => "Toegankelijkheidsverklaring",
    AccessibilityText => "Wijkwijs wil voor iedereen bruikbaar zijn en volgt de richtlijnen WCAG 2.1 niveau AA. Alle pagina's werken met het toetsenbord en zonder JavaScript, bij elke grafiek staat een tabel met dezelfde cijfers, en kleur is nooit de enige drager van betekenis. Loopt u toch tegen een drempel aan? Meld het bij de beheerder van uw netwerk; we reageren binnen vijf werkdagen.",

    DoelgroepJeugd => "Jeugd",
    DoelgroepOuderen => "Ouderen",
    DoelgroepGgz => "GGZ",
    DoelgroepLvb => "LVB",
    DoelgroepOverig => "Overig",

    ThemeTechniek => "Techniek",
    ThemeCommunicatie => "Communicatie",
    ThemeVisie => "Visie",
    ThemeWerkwijze => "Werkwijze",
    ThemePrivacy => "Privacy & toestemming",
    ThemeOpschaling => "Opschaling",

    StatusConcept => "Concept",
    StatusActief => "Actief",
    StatusBeeindigd => "Beëindigd",

    SectorHuisartsenzorg => "Huisartsenzorg",
    SectorOnderwijs => "Onderwijs",
    SectorJeugdhulp => "Jeugdhulp",
    SectorWelzijn => "Welzijn",
    SectorWijkverpleging => "Wijkverpleging",
    SectorGgz => "GGZ",
    SectorGemeente => "Gemeente",
    SectorSchuldhulp => "Schuldhulp",
    SectorOuderenzorg => "Ouderenzorg",

    RoleTeamlid => "Teamlid",
    RoleBestuurder => "Bestuurder",
    RoleBeheerder => "Beheerder",
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dutch_texts_are_not_empty() {
        for key in [Text::AppName, Text::OverviewTitle, Text::ThemePrivacy] {
            assert!(!t(key).is_empty());
        }
    }
}
