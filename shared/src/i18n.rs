//! The one translation catalogue: every text a user sees is a `Text` key,
//! so a second language is one more column here, not a hunt through views.

mod en;

macro_rules! catalogue {
    ($($key:ident => $nl:expr,)*) => {
        /// A user-visible text.
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub enum Text { $($key,)* }

        impl Text {
            /// Every key, in catalogue order.
            pub const ALL: &'static [Text] = &[$(Text::$key,)*];

            /// The Dutch wording.
            pub const fn nl(self) -> &'static str {
                match self { $(Text::$key => $nl,)* }
            }
        }
    };
}

/// A language of the interface. Dutch is the default; English has a full
/// column of the catalogue (`en.rs`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Language {
    #[default]
    Dutch,
    English,
}

impl Language {
    pub const ALL: [Language; 2] = [Language::Dutch, Language::English];

    /// The BCP 47 code, as `<html lang>` and `Accept-Language` write it.
    pub const fn code(self) -> &'static str {
        match self {
            Language::Dutch => "nl",
            Language::English => "en",
        }
    }

    /// The language of a BCP 47 primary code ("nl", "en").
    pub fn from_code(code: &str) -> Option<Language> {
        Language::ALL.into_iter().find(|l| l.code() == code)
    }

    /// The language to answer a request in: the account's choice, else the
    /// language cookie (chosen before logging in), else the browser's
    /// `Accept-Language`, else Dutch.
    pub fn for_request(
        account_choice: Option<Language>,
        cookie: Option<&str>,
        accept_language: Option<&str>,
    ) -> Language {
        account_choice
            .or_else(|| cookie.and_then(Language::from_code))
            .unwrap_or_else(|| Language::from_accept_language(accept_language.unwrap_or("")))
    }

    /// The language an `Accept-Language` header prefers among ours (by its
    /// quality values, the first listed on a tie); Dutch when it names none.
    pub fn from_accept_language(header: &str) -> Language {
        let mut best: Option<(f32, Language)> = None;
        for part in header.split(',') {
            let mut pieces = part.split(';');
            let tag = pieces.next().unwrap_or("").trim().to_ascii_lowercase();
            let quality = pieces
                .filter_map(|p| p.trim().strip_prefix("q="))
                .find_map(|q| q.trim().parse::<f32>().ok())
                .unwrap_or(1.0);
            let primary = tag.split('-').next().unwrap_or("");
            let Some(language) = Language::from_code(primary) else {
                continue;
            };
            if quality > 0.0 && best.is_none_or(|(q, _)| quality > q) {
                best = Some((quality, language));
            }
        }
        best.map_or(Language::Dutch, |(_, language)| language)
    }
}

impl Text {
    /// The wording in `language`.
    pub const fn text(self, language: Language) -> &'static str {
        match language {
            Language::Dutch => self.nl(),
            Language::English => self.en(),
        }
    }
}

/// Where `language` learns whom it answers: the app sets it once at start
/// (on the server the request's language, in the browser the page's
/// `lang`), so the labels of `shared` speak the reader's language without
/// every caller passing it along. Unset (unit tests), everything is Dutch.
static LANGUAGE_SOURCE: std::sync::OnceLock<fn() -> Language> = std::sync::OnceLock::new();

/// Sets where `language` comes from; the first call wins.
pub fn set_language_source(source: fn() -> Language) {
    let _ = LANGUAGE_SOURCE.set(source);
}

/// The language of whoever is being answered.
pub fn language() -> Language {
    LANGUAGE_SOURCE
        .get()
        .map_or(Language::Dutch, |source| source())
}

/// The text in the reader's language.
pub fn t(key: Text) -> &'static str {
    key.text(language())
}

impl Text {
    /// This text with `value` filled in at its next `{}`.
    pub fn with(self, value: impl std::fmt::Display) -> Message {
        Message::from(self).with(value)
    }
}

/// A catalogue text with the values it names filled in at each `{}`, in
/// order: what a refused field is told ("Gebruik hoogstens {} tekens.").
/// Validation returns these, never wording of its own.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Message {
    pub text: Text,
    values: Vec<String>,
}

impl Message {
    /// Fills in the next `{}`.
    pub fn with(mut self, value: impl std::fmt::Display) -> Self {
        self.values.push(value.to_string());
        self
    }
}

impl From<Text> for Message {
    fn from(text: Text) -> Self {
        Message {
            text,
            values: Vec::new(),
        }
    }
}

impl Message {
    /// The message in `language`, its values filled in.
    pub fn render(&self, language: Language) -> String {
        let mut parts = self.text.text(language).split("{}");
        let mut out = parts.next().unwrap_or_default().to_string();
        let mut values = self.values.iter();
        for part in parts {
            out.push_str(values.next().map_or("", String::as_str));
            out.push_str(part);
        }
        out
    }
}

/// The message in the reader's language.
impl std::fmt::Display for Message {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.render(language()))
    }
}

catalogue! {
    AppName => "Wijkwijs",
    Tagline => "Samenwerken in de wijk, zichtbaar gemaakt",
    SkipToContent => "Naar de inhoud",
    MainNavigation => "Hoofdmenu",
    Breadcrumb => "Kruimelpad",
    NavOverview => "Netwerk",
    NavMyTeam => "Mijn team",
    NavAccessibility => "Toegankelijkheid",
    // The language's name in itself, on the switch to it.
    LanguageName => "Nederlands",
    ExportStatus => "status",
    ExportFewerThan => "minder dan {} (verborgen)",
    ExportSheet => "Tabel",
    ExportDownload => "Downloaden",
    ExportCsvOf => "tabel als CSV:",
    ExportXlsxOf => "tabel als Excel-bestand:",
    ExportAllTables => "Alle tabellen van deze pagina als Excel-bestand",
    ErrorTooLarge => "Dit verzoek is te groot om te verwerken.",
    ErrorOtherOrigin => "Dit verzoek komt niet van Wijkwijs zelf en is daarom geweigerd.",
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
    OverviewChoose => "Het netwerk is te groot om in één keer te tonen. Kies een gemeente om haar wijken en teams te zien:",
    OverviewChooseCaption => "Gemeenten met hun aantal wijken en teams",
    OverviewAll => "Alle gemeenten",
    OverviewWijken => "Wijken",
    OverviewTeams => "Teams",
    Gemeente => "Gemeente",
    Wijk => "Wijk",
    Team => "Team",
    Teams => "Teams",
    Doelgroep => "Doelgroep",
    LatestMonth => "Laatste maand",
    TeamsOfWijkCaption => "Kerncijfers van de laatste maand, teams in",
    NoTeamsInWijk => "Deze wijk heeft nog geen teams.",

    MeasureWait => "Wachttijd (dagen)",
    HeadlineFigures => "Kerncijfers van",
    NoComparison => "Geen vergelijking met de maand ervoor mogelijk.",
    PercentPoints => "procentpunt",
    Days => "dagen",
    LowerThan => "lager dan",
    HigherThan => "hoger dan",
    Unchanged => "Gelijk aan de maand ervoor",
    TileChartSays => "Grafiek",
    MeasureWithoutHelp => "Verder zonder hulp",
    MeasureClientGrade => "Cijfer cliënten",
    LevelTeams => "Teams",
    LevelWijken => "Wijken",
    LevelGemeenten => "Gemeenten",
    CompareLevelLabel => "Vergelijk",
    ChartNoteOn => "Toelichting bij",
    Lesson => "Les",
    Canvas => "Canvas",
    MarkMonthInvalid => "Kies een maand van de grafiek.",
    BaselineFixedInvalid => "Vul een aantal maanden van 12 tot en met 24 in, of laat het veld leeg.",
    NoteLinkInvalid => "Kies een les of canvas van het team, of niets.",
    ChartPageTitle => "Grafiek",
    ChartPageLink => "Basislijnen en toelichtingen",
    BaselinesTitle => "Basislijnen",
    BaselinesIntro => "Verandert er iets wezenlijks in hoe het team werkt, zoals de start van een afspraak, dan kunt u vanaf die maand een nieuwe basislijn zetten: het gemiddelde en de grenzen worden dan vanaf die maand opnieuw berekend. Geef altijd de reden. Wijkwijs zet nooit zelf een basislijn.",
    BaselinesNone => "Er is nog geen basislijn gezet: het gemiddelde en de grenzen rusten op de laatste 24 maanden.",
    BaselineMonth => "Vanaf maand",
    BaselineReason => "Reden",
    BaselineReasonHint => "Bijvoorbeeld de start van een afspraak. Geen namen of andere persoonsgegevens van cliënten.",
    BaselineFixed => "Grenzen vastzetten na (maanden)",
    BaselineFixedHint => "Leeg: de grenzen bewegen mee met elke nieuwe maand. Met een getal van 12 tot en met 24 rusten ze op de eerste maanden vanaf de basislijn.",
    BaselineAdd => "Basislijn zetten",
    BaselineUndo => "Ongedaan maken",
    BaselineSuggestions => "Afspraken die in deze periode ingingen (als suggestie):",
    BaselineUse => "gebruik als basislijn",
    MonthNotesTitle => "Toelichtingen",
    MonthNotesIntro => "Een korte, feitelijke toelichting bij een maand: wat verklaart het cijfer? Hij staat bij de grafiek, in de tabel en in de tekst bij de grafiek.",
    MonthNotesNone => "Er zijn nog geen toelichtingen.",
    NoteMonth => "Maand",
    NoteText => "Toelichting",
    NoteTextHint => "Feitelijk en kort. Geen namen of andere persoonsgegevens van cliënten.",
    NoteLink => "Hoort bij (optioneel)",
    NoteLinkNone => "Geen les of canvas",
    NoteAdd => "Toelichting toevoegen",
    NoteRemove => "Verwijderen",
    ChartNoteColumn => "Toelichting",
    ChartPhaseColumn => "Basislijn",
    ChartBaselineFrom => "Nieuwe basislijn vanaf",
    ChartFixedAfter => "Grenzen vastgezet na de eerste",
    ChartPhaseTooShort => "Nog te weinig maanden voor grenzen",
    MeasureUitval => "Uitval",
    MeasureDoelrealisatie => "Doelen bereikt",
    Started => "Gestart",
    Ended => "Afgesloten",
    WithoutHelpCount => "Zonder hulp verder",
    ClientResponses => "Reacties cliënten",
    Month => "Maand",

    SuppressionNote => "Om cliënten te beschermen tonen we een gemiddelde of percentage pas bij voldoende aantallen; aantallen onder de 5 staan er als ‘<5’. Een streepje (–) betekent: te weinig om te tonen of geen gegevens. Totalen, perioden en trechters tellen alleen de teammaanden mee die zelf getoond worden, zodat geen verborgen cijfer terug te rekenen is.",
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
    RedactSummary => "Persoonsgegevens verwijderen",
    RedactPassage => "Tekst die weg moet",
    RedactHint => "Neem de tekst precies over. Hij wordt overal vervangen door [verwijderd]: hier, in eerdere versies, reacties en antwoorden, de zoekfunctie en het auditlog. Wat weg is, komt niet terug.",
    RedactButton => "Verwijderen",
    PersonalDataBsn => "Deze tekst bevat een burgerservicenummer. Haal het weg: een BSN hoort nooit in Wijkwijs.",
    PersonalDataBirthDate => "Deze tekst lijkt een geboortedatum te bevatten.",
    PersonalDataPhone => "Deze tekst lijkt een telefoonnummer te bevatten.",
    PersonalDataEmail => "Deze tekst lijkt een e-mailadres te bevatten.",
    PersonalDataAddress => "Deze tekst lijkt een adres of postcode te bevatten.",
    PersonalDataRemoveOrConfirm => "Haal persoonsgegevens van cliënten weg, of bevestig onder het formulier dat dit geen persoonsgegevens zijn.",
    PersonalDataCheckOnly => "Kruis dit alleen aan als de tekst geen persoonsgegevens van cliënten bevat.",
    RedactPassageTooShort => "Vul de tekst in die weg moet, precies zoals hij er staat (minstens drie tekens).",
    RedactPassageTooLong => "Dit is langer dan een heel tekstveld; neem alleen over wat weg moet.",
    RedactNotFound => "Deze tekst komt er niet in voor. Neem hem precies over, met hoofdletters en spaties.",
    PersonalDataConfirm => "Ik heb gecontroleerd: deze tekst bevat geen persoonsgegevens van cliënten.",
    ResultsTitle => "Resultaten per maand",
    ResultsCaption => "Resultaten van de laatste 12 maanden",
    ResultsNone => "Dit team heeft nog geen resultaten ingevoerd.",
    ResultsEntryTitle => "Resultaten invoeren",
    ResultsEntryIntro => "Alleen aantallen en gemiddelden van de hele maand, nooit gegevens van één cliënt. Percentages rekent Wijkwijs zelf uit. Een correctie bewaart de eerdere cijfers.",
    ResultsHistoryCaption => "Alle versies van deze maand, nieuwste eerst",
    EnterMonth => "Resultaten van een maand invoeren",
    CorrectMonth => "Resultaten corrigeren:",
    MonthHint => "Kies de maand; een maand die al is ingevoerd wordt gecorrigeerd.",
    StartedLong => "Cliënten bij wie de hulp startte",
    WaitLong => "Gemiddelde wachttijd tot de start (dagen)",
    EndedLong => "Cliënten bij wie de hulp eindigde",
    WithoutHelpLong => "Van hen: verder zonder hulp",
    ResponsesLong => "Aantal reacties van cliënten",
    GradeLong => "Gemiddeld cijfer van cliënten (1–10)",
    UitvalLong => "Van de afgesloten cliënten: voortijdig eenzijdig gestopt (uitval)",
    DoelrealisatieLong => "Van de afgesloten cliënten: doelen bereikt",
    Optional => "Niet verplicht.",
    LoadedInBulk => "ingelezen",
    LessonsTitle => "Lessen",
    LessonsNone => "Dit team heeft nog geen lessen vastgelegd.",
    BackToOverview => "Terug naar het netwerkoverzicht",

    NotFoundTitle => "Pagina niet gevonden",
    NotFoundText => "Deze pagina bestaat niet (meer). Controleer het adres of ga terug naar het netwerkoverzicht.",
    ErrorTitle => "Er ging iets mis",
    ErrorNotFound => "Dit onderdeel bestaat niet (meer).",
    ErrorNotLoggedIn => "U bent niet (meer) ingelogd. Log in om verder te gaan.",
    ErrorForbidden => "U hebt geen toegang tot dit onderdeel.",
    ErrorNeedsTwoFactor => "Zet eerst inloggen in twee stappen aan op uw accountpagina; voor beheer is dat verplicht.",
    ErrorThrottled => "Te veel mislukte pogingen. Wacht even en probeer het dan opnieuw.",
    ErrorInvalid => "Niet alles is goed ingevuld. Kijk bij de velden wat er mis is.",
    ErrorServer => "Er ging iets mis op de server. Probeer het later opnieuw; blijft het misgaan, neem dan contact op met de beheerder.",
    ErrorRequest => "Het verzoek kon niet worden verwerkt. Laad de pagina opnieuw en probeer het nog eens.",

    AccessibilityTitle => "Toegankelijkheidsverklaring",
    AccessibilityText => "Wijkwijs wil dat iedereen het kan gebruiken: professionals in de wijkteams, bestuurders en beheerders, ook met een beperking, op een telefoon of zonder JavaScript. Wijkwijs volgt de Europese norm EN 301 549, die de richtlijnen WCAG 2.1 niveau AA omvat; we toetsen ook aan WCAG 2.2 niveau AA.",
    AccessibilityStatusTitle => "Nalevingsstatus",
    AccessibilityStatus => "Wijkwijs voldoet gedeeltelijk aan de eisen (status B van de modelverklaring van digitoegankelijk.nl): de pagina's voldoen bij onze eigen toetsing, maar er is nog geen onderzoek door een externe deskundige gedaan en er zijn bekende beperkingen (zie hieronder).",
    AccessibilityTestedTitle => "Hoe is dit getoetst",
    AccessibilityTested1 => "Bij elke wijziging openen geautomatiseerde browsertests elke pagina die ze bezoeken, met en zonder JavaScript, en toetsen die met axe-core aan WCAG 2.2 A en AA; geen ernstige of kritieke bevinding wordt geaccepteerd.",
    AccessibilityTested2 => "Dezelfde tests leggen elke pagina op 320 CSS-pixels breed: geen pagina vraagt horizontaal scrollen (WCAG 1.4.10); knoppen en links zijn minstens 24 bij 24 pixels.",
    AccessibilityTested3 => "Het contrast wordt getoetst onder beide thema's in de broncode; de formulieren, het inloggen en het invoeren van resultaten worden met het toetsenbord en zonder JavaScript doorlopen.",
    AccessibilityTested4 => "Elke grafiek heeft een tekstalternatief en een tabel met dezelfde cijfers; kleur is nooit de enige drager van betekenis.",
    AccessibilityKnownTitle => "Bekende beperkingen",
    AccessibilityKnown1 => "Wijkwijs is alleen in het Nederlands beschikbaar; een Engelse versie is in voorbereiding.",
    AccessibilityKnown2 => "Op een smal scherm vouwt het hoofdmenu niet in: het staat in enkele regels boven de inhoud.",
    AccessibilityKnown3 => "De lijnen in een grafiek zijn niet per punt met het toetsenbord te bereiken; de tabel bij de grafiek geeft elke maand.",
    AccessibilityKnown4 => "Er is nog geen handmatig onderzoek door een externe deskundige gedaan.",
    AccessibilityContactTitle => "Drempel gevonden?",
    AccessibilityContact => "Loopt u tegen een drempel aan, meld het dan bij de beheerder van uw netwerk. Noem de pagina en wat er misging. U krijgt binnen vijf werkdagen een reactie en binnen drie weken een oplossing of een uitleg.",
    AccessibilityEnforcement => "Bent u niet tevreden met de reactie, dan kunt u zich wenden tot de Nationale ombudsman.",
    AccessibilityDated => "Deze verklaring is opgesteld op 1 december 2026 en wordt bij elke nieuwe versie van Wijkwijs herzien.",

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

    Choose => "Kies …",
    OnBehalfOf => "Namens",
    OnBehalfOfTeam => "Namens team",
    FormerMember => "Oud-lid",
    RecordedOn => "Vastgelegd op",
    Months => "maanden",
    InTotal => "in totaal",
    MeasureProfessionalGrade => "Cijfer professionals",

    NewLesson => "Nieuwe les vastleggen",
    EditLesson => "Les wijzigen",
    LessonSource => "Bron",
    LessonWhatHappened => "Wat er gebeurde",
    LessonWhatWorked => "Wat werkte",
    LessonWhatNeeded => "Wat daarvoor nodig is",
    LessonTags => "Trefwoorden",
    LessonTagsHint => "Gescheiden door komma's, bijvoorbeeld: huisarts, regie.",
    LessonAgreements => "Gekoppelde afspraken",
    LessonNoAgreements => "Dit team heeft nog geen afspraken om aan te koppelen.",
    LessonNoLinks => "Deze les is niet aan een afspraak gekoppeld.",
    LessonSpread => "Wat andere teams ermee deden",
    UsefulNone => "Nog geen ander team vond deze les nuttig.",
    UsefulBy => "Nuttig gevonden door:",
    UsefulCount => "Nuttig gevonden door andere teams:",
    MarkUseful => "Nuttig gevonden",
    AdoptTitle => "Overnemen als afspraak",
    AdoptIntro => "Neem deze les over als conceptafspraak van uw team. U kunt de afspraak daarna aanpassen; ze onthoudt uit welke les ze komt.",
    AdoptButton => "Overnemen als conceptafspraak",
    AdoptedBy => "Overgenomen als afspraak door:",
    AdoptedFrom => "Overgenomen uit de les",
    AdoptedFromAgreement => "Overgenomen uit de afspraak",
    AdoptAgreementTitle => "Overnemen",
    AdoptAgreementIntro => "Neem deze afspraak over als conceptafspraak van uw team, met hetzelfde thema en dezelfde tekst. U kunt ze daarna aanpassen; de nieuwe afspraak verwijst naar deze afspraak.",
    AdoptAgreementOwnTeam => "Dit is een afspraak van uw eigen team; maak gewoon een nieuwe versie.",
    AdoptedByTeams => "Overgenomen door:",
    Reactions => "Reacties",
    ReactionsNone => "Nog geen reacties.",
    ReactionBody => "Uw reactie",
    React => "Reageren",

    CanvasesTitle => "Maatwerkcanvassen",
    CanvasesNone => "Dit team heeft nog geen maatwerkcanvas vastgelegd.",
    CanvasesCaption => "Maatwerkcanvassen van het team, nieuwste eerst",
    NewCanvas => "Nieuw maatwerkcanvas",
    EditCanvas => "Maatwerkcanvas wijzigen",
    CanvasIntro => "Beoordeel een maatwerkoplossing op de waardendriehoek: wat wil het gezin, mag het volgens de wet, en wat levert het op? Wijkwijs rekent de besparing zelf uit.",
    CanvasFamilyWants => "Wat het gezin wil",
    CanvasLaw => "Wet",
    CanvasLawReason => "Waarom de wet dit toestaat",
    CanvasRegular => "Kosten van de gewone route",
    CanvasTailored => "Kosten van de maatwerkoplossing",
    CanvasSystemLesson => "Les voor het systeem",
    CanvasSystemLessonHint => "Wat moeten organisaties of de gemeente hiervan leren? Mag leeg blijven. Geen persoonsgegevens.",
    CanvasSaving => "Besparing:",
    CanvasExtraCost => "Meerkosten:",
    CanvasSavingColumn => "Besparing",
    CanvasSavingTotal => "Besparing in totaal:",
    CostAmount => "Bedrag in euro",
    CostAmountHint => "Bijvoorbeeld 1.200 of 85,50.",
    CostBasis => "Eenmalig of per maand",
    CostOneOff => "Eenmalig",
    CostMonthly => "Per maand",
    CostMonths => "Aantal maanden",
    CostMonthsHint => "Alleen bij kosten per maand: hoe lang ze doorlopen.",

    KnelpuntenTitle => "Knelpunten",
    KnelpuntenNone => "Dit team heeft nog geen knelpunten gemeld.",
    KnelpuntenCaption => "Knelpunten van het team, nieuwste eerst",
    NewKnelpunt => "Knelpunt melden",
    KnelpuntIntro => "Wat heeft uw team nodig van de bestuurders om de samenwerking te laten werken? De bestuurders beantwoorden knelpunten; andere teams kunnen ze steunen.",
    KnelpuntCategoryLabel => "Categorie",
    KnelpuntDescription => "Beschrijving",
    KnelpuntRaise => "Knelpunt melden",
    KnelpuntRaisedOn => "Gemeld op",
    KnelpuntAnswers => "Antwoorden van bestuurders",
    KnelpuntNoAnswers => "Nog geen antwoord.",
    KnelpuntSupporters => "Steun van andere teams",
    KnelpuntNoSupporters => "Nog geen ander team steunt dit knelpunt.",
    KnelpuntSupportedBy => "Gesteund door:",
    KnelpuntSupport => "Dit knelpunt steunen",
    KnelpuntSupportCount => "Steunende teams",

    SurveyTitle => "Vragenlijst samenwerking",
    SurveyIntro => "Hoe tevreden bent u over de samenwerking in dit team? Uw antwoord is anoniem: Wijkwijs bewaart alleen de optelsom van alle antwoorden en dat u hebt geantwoord, niet wat. Uitkomsten verschijnen pas bij drie of meer antwoorden.",
    SurveyFill => "Vragenlijst invullen",
    SurveyNone => "Nog geen antwoorden op de vragenlijst.",
    SurveyMonth => "Over de maand",
    SurveyGrade => "Rapportcijfer voor de samenwerking (1–10)",
    SurveyGradeHint => "Een heel cijfer van 1 tot en met 10.",
    SurveyGradeShort => "Rapportcijfer",
    SurveyKnowWhom => "Ik weet wie ik moet bellen",
    SurveyInformation => "Informatie komt op tijd bij de juiste persoon",
    SurveyVision => "We werken vanuit een gedeelde visie",
    SurveyTools => "De hulpmiddelen werken",
    SurveySend => "Antwoord versturen",
    SurveyAllDone => "U hebt de vragenlijst voor alle open maanden ingevuld. Dank u wel!",
    SurveyAnsweredFor => "U hebt al geantwoord over:",
    SurveyResults => "Uitkomsten",
    SurveyRespondents => "Antwoorden",
    SurveyCaption => "Uitkomsten van de vragenlijst per maand (stellingen op een schaal van 1 tot 5)",
    SurveyMinimumBefore => "Gemiddelden verschijnen vanaf",
    SurveyMinimumAfter => "antwoorden; buiten het team gelden de gewone privacyregels.",
    SurveyClosedOnly => "Een maand toont zijn uitslag pas als er niet meer over geantwoord kan worden: zo leidt niemand uit twee bezoeken het antwoord van een collega af.",
    Scale1 => "helemaal oneens",
    Scale2 => "oneens",
    Scale3 => "neutraal",
    Scale4 => "eens",
    Scale5 => "helemaal eens",

    PerMonth => "per maand",
    NavSearch => "Zoeken",
    SearchTitle => "Zoeken in lessen en afspraken",
    SearchIntro => "Zoek in de lessen en samenwerkingsafspraken van alle teams. Hoofdletters en accenten maken niet uit; elk woord moet voorkomen.",
    SearchWords => "Zoekwoorden",
    SearchKind => "Soort",
    SearchButton => "Zoeken",
    SearchNone => "Niets gevonden. Probeer minder of andere woorden, of minder filters.",
    SearchFound => "gevonden (hoogstens 50, op titel)",
    SearchCaption => "Gevonden voor",
    SearchLesson => "Les",
    SearchAgreement => "Afspraak",
    NavWhatWorks => "Wat werkt",
    WhatWorksTitle => "Wat werkt",
    WhatWorksIntro => "Waar gaat het duidelijk beter dan in het hele netwerk, en welke afspraken gaan samen met betere uitkomsten? Ga kijken en leren in de keuken van die teams.",
    WhatWorksPeriod => "Over de maanden",
    WhatWorksLookAt => "Kijk eens in de keuken bij:",
    WhatWorksNoStandouts => "Geen team wijkt gunstig af van zijn eigen doelgroep meer dan teams gewoonlijk onderling verschillen.",
    WhatWorksThemesCaption => "Teams met en zonder een actieve afspraak over een thema",
    WhatWorksWith => "Met afspraak",
    WhatWorksWithout => "Zonder afspraak",
    WhatWorksDifference => "Verschil (95%-interval)",
    WhatWorksVerdict => "Samenhang",
    WhatWorksClear => "duidelijk",
    WhatWorksUnclear => "niet duidelijk",
    WhatWorksTooFewTeams => "te weinig teams om te vergelijken",
    SpreadTitle => "Hoe lessen en afspraken zich verspreiden",
    SpreadIntro => "Hoe vaak een team een les of afspraak van een ander team overnam als eigen afspraak, per maand over de laatste twee jaar.",
    SpreadTotal => "Overgenomen in deze twee jaar:",
    SpreadAdoptions => "Overgenomen lessen en afspraken",
    WhatWorksAround => "Verandering rond de start, naast die bij vergelijkbare teams (6 maanden voor en na, 95%-interval)",
    WhatWorksAroundNote => "De verandering rond de start van een afspraak is vergeleken met die bij teams van dezelfde doelgroep die in dezelfde maanden niet met zo’n afspraak begonnen (een verschil in verschillen). Wat in die maanden voor iedereen veranderde, zoals het seizoen of een trend in het hele netwerk, valt zo weg.",
    WhatWorksAgreements => "afspraken",
    WhatWorksTooFewAgreements => "te weinig afspraken met maanden ervoor en erna",
    WhatWorksCaution => "Een samenhang is geen bewijs dat de afspraak het verschil maakt: teams verschillen ook op andere punten. Gebruik het als aanleiding om te gaan kijken en vragen.",
    WhatWorksManyTests => "Alle thema’s worden op alle maten tegelijk getoetst. ‘Duidelijk’ blijft alleen staan als het dat ook na de correctie van Holm voor al die toetsen is; de intervallen gebruiken de t-verdeling, want per groep zijn er soms maar drie teams. De verandering rond de start van een afspraak houdt nog geen rekening met wat er in dezelfde maanden elders veranderde (seizoen, het hele netwerk).",
    MessagesTitle => "Vragen tussen teams",
    MessagesOnlyTeams => "Vragen tussen teams zijn alleen te lezen voor de teams die ze stellen en beantwoorden.",
    TeamParts => "Onderdelen van het team",
    NewsTitle => "Nieuw sinds uw vorige bezoek",
    NewsNone => "Er is niets nieuws sinds uw vorige bezoek.",
    NewsSeen => "Alles gezien",
    NewsCount => "nieuw",
    NewsQuestion => "Vraag van",
    NewsKnelpuntAnswer => "Antwoord op uw knelpunt van",
    NewsLessonReaction => "Reactie op uw les van",
    NewsAdoption => "Overgenomen door",
    NewsDialogueNote => "Besproken aan de",
    NewsGovernanceTable => "bestuurderstafel",
    TeamPartOverview => "Overzicht",
    TeamPartAgreements => "Afspraken",
    TeamPartResults => "Resultaten",
    TeamPartLessons => "Lessen",
    TeamPartCanvases => "Canvassen",
    TeamPartKnelpunten => "Knelpunten",
    TeamPartQuestions => "Vragen",
    TeamPartMembers => "Leden",
    MessagesIntroOwn => "Vragen van andere teams aan uw team, en uw antwoorden. Alleen de twee teams van een gesprek lezen het.",
    MessagesIntroOther => "Kijk in de keuken bij dit team: stel een vraag. Alleen uw team en dit team lezen het gesprek.",
    MessagesNone => "Nog geen vragen.",
    ThreadWith => "Gesprek met",
    MessageTo => "Antwoord aan",
    MessageAnswer => "Uw antwoord",
    MessageQuestion => "Uw vraag aan dit team",
    MessageSend => "Antwoord versturen",
    MessageAsk => "Vraag versturen",
    NavCompare => "Vergelijken",
    CompareTitle => "Teams en wijken vergelijken",
    CompareIntro => "Zet teams, wijken of gemeenten naast elkaar op één maat, standaard binnen één doelgroep. De trechter toont hoe ver elk van het geheel mag afwijken door toeval, gegeven het aantal cliënten: kleine teams en wijken krijgen ruimere grenzen. Er is bewust geen ranglijst.",
    CompareShow => "Vergelijken",
    ComparePeriod => "Periode",
    CompareLast => "laatste",
    CompareAll => "Alle",
    CompareCentre => "Alle gekozen teams samen",
    FunnelAdjustedBefore => "De grenzen zijn verbreed voor echte verschillen tussen teams: overspreiding φ =",
    FunnelAdjustedAfter => "(Spiegelhalter; uit de z-scores van de teams, met de uiterste 10% aan elke kant ingekort). Zo wijst de trechter alleen teams aan die meer afwijken dan teams gewoonlijk onderling doen.",
    FunnelShowUnadjusted => "Toon de grenzen uit alleen de spreiding binnen teams",
    FunnelUnadjustedBefore => "Deze grenzen komen uit alleen de spreiding binnen teams. De teams verschillen onderling meer dan dat (overspreiding φ =",
    FunnelUnadjustedAfter => "), dus meer teams vallen buiten de grenzen dan toeval verklaart.",
    FunnelShowAdjusted => "Toon de verbrede grenzen",
    FunnelNoOverdispersionBefore => "De teams verschillen niet meer dan toeval verklaart (overspreiding φ =",
    FunnelNoOverdispersionAfter => "): de grenzen komen uit de spreiding binnen teams.",
    FunnelMeanSpread => "Van wachttijd en cijfer is de spreiding per cliënt niet vastgelegd. We schatten haar uit de maandgemiddelden van de teams rond het midden, en nemen aan dat cliënten binnen een maand onafhankelijk van elkaar zijn.",
    CompareAllDoelgroepen => "Met ‘Alle’ staan doelgroepen met heel verschillende uitkomsten (zoals wachttijden) in één trechter; kies een doelgroep om teams eerlijk te vergelijken. Wat werkt en de bestuurderstafel vergelijken elk team met de eigen doelgroep.",
    CompareTable => "op alfabet, met hun plaats in de trechter",
    ComparePosition => "Plaats in de trechter",
    CompareCases => "Aantal",
    CompareNone => "Er zijn geen resultaten voor deze keuze.",
    CompareFunnel => "Trechterdiagram",
    CompareMultiples => "Verloop per",
    CompareMultiplesNote => "Elk lijntje toont de maanden van de gekozen periode, voor alle teams op dezelfde schaal; de laatste maand is gemarkeerd.",
    CompareMultiplesPage => "Hier de teams van deze pagina van de tabel.",
    CompareBeyond => "buiten de grenzen",
    And => "en",
    PagerLabel => "Pagina's van de tabel",
    PagerPrevious => "Vorige pagina",
    PagerNext => "Volgende pagina",
    PagerPage => "Pagina",
    PagerOf => "van",
    PagerTeams => "teams",
    StandoutsMore => "teams liggen ook gunstig buiten de grens van hun doelgroep;",
    StandoutsMoreLink => "bekijk ze allemaal bij Vergelijken, per doelgroep:",
    StandoutsMorePrefix => "Nog",
    FunnelWithin => "binnen de grenzen (toeval)",
    FunnelAboveWarning => "boven de 95%-grens",
    FunnelBelowWarning => "onder de 95%-grens",
    FunnelAboveControl => "boven de 99,8%-grens",
    FunnelBelowControl => "onder de 99,8%-grens",
    FunnelFavourable => "gunstig",
    FunnelUnfavourable => "ongunstig",
    FunnelHidden => "te weinig cliënten om te tonen",
    Measure => "Maat",
    WijkIntro => "Alle virtuele teams van deze wijk samen. Wijkcijfers tellen de teams op, gewogen naar het aantal cliënten achter elk cijfer.",
    WijkYearTitle => "De wijk over de laatste twaalf maanden",
    WijkYearCaption => "Wijkcijfers over de laatste twaalf maanden met resultaten",
    WijkValue => "Wijk",
    WijkCases => "Aantal cliënten of reacties",
    WijkTeams => "Teams in de wijk",
    WijkNoLessons => "De teams van deze wijk hebben nog geen lessen vastgelegd.",
    To => "tot",
    ChartMean => "Gemiddelde",
    ChartLimits => "Procesgrenzen",
    ChartLatest => "Laatste maand",
    ChartVerdict => "Oordeel",
    ChartSignalledMonths => "maanden met een signaal",
    ChartAgreementsStarted => "Afspraken ingegaan",
    ChartNothingShown => "Geen van de cijfers kan worden getoond (te weinig cliënten)",
    ChartsTitle => "Verloop per maand",
    ChartsIntro => "Elke grafiek is een XmR-grafiek: de lijn is het gemiddelde, de stippellijnen zijn de procesgrenzen. Een vierkantje markeert een signaal van verbetering, een driehoekje een signaal van zorg; verticale streepjes markeren afspraken die ingingen.",
    ChartTable => "Cijfers bij de grafiek",
    ChartTableLatest => "de laatste",
    ChartTableAll => "Alle maanden tonen",
    ChartSignal => "Signaal",
    AssuranceMeets => "haalt de streefwaarde steeds",
    AssuranceHitAndMiss => "haalt de streefwaarde soms wel, soms niet",
    AssuranceFails => "haalt de streefwaarde structureel niet",
    AssuranceNone => "geen streefwaarde gesteld",
    NavGovernance => "Bestuurderstafel",
    GovernanceTitle => "Bestuurderstafel",
    GovernanceIntro => "Voorbereiding en verslag van het overleg tussen bestuurders en professionals: waar de samenwerking werkt, wat er knelt en wat er nodig is.",
    GovernanceNetwork => "Het hele netwerk",
    GovernanceShow => "Tonen",
    GovernancePeriod => "Oordelen over",
    GovernancePrintHint => "Afdrukken voor het overleg: gebruik de afdrukfunctie van uw browser (Ctrl+P). Menu en formulieren vallen dan weg; grafieken en tabellen blijven.",
    SignalsTitle => "Signalen per wijk en team",
    SignalsIntro => "Per maat twee oordelen: de variatie (wat het laatste punt zegt over het proces) en de streefwaarde (of het proces die steeds haalt). Een letter in een vorm, niet alleen een kleur; elk icoon leidt naar de grafiek.",
    SignalsCaption => "Signalen in",
    SignalsWijk => "Wijk als geheel",
    LegendTitle => "Legenda",
    VariationHeading => "Variatie",
    AssuranceHeading => "Streefwaarde",
    StandoutsTitle => "Teams om van te leren",
    StandoutsIntro => "Teams die over de laatste twaalf maanden duidelijk gunstiger uitkomen dan de teams van hun eigen doelgroep (buiten de trechtergrens, verbreed voor de gewone verschillen tussen teams):",
    StandoutsNone => "Geen team valt op dit moment gunstig buiten de trechter.",
    OpenKnelpuntenTitle => "Open knelpunten",
    OpenKnelpuntenCaption => "Open knelpunten, het meest gesteund eerst",
    OpenKnelpuntenNone => "Geen open knelpunten.",
    OpenKnelpuntenMoreBefore => "De meest gesteunde van",
    OpenKnelpuntenMoreAfter => "open knelpunten; kies hierboven een gemeente om al haar open knelpunten te zien.",
    NotableLessonsTitle => "Opvallende lessen",
    NotableLessonsCaption => "Lessen van het afgelopen jaar die andere teams het vaakst nuttig vonden of overnamen",
    NotableLessonsNone => "Nog geen les van het afgelopen jaar is door een ander team nuttig gevonden of overgenomen.",
    UsefulColumn => "Nuttig gevonden",
    AdoptedCount => "Overgenomen",
    GovernanceTooManyBefore => "Het netwerk telt",
    GovernanceTooManyAfter => "teams, te veel om hier per wijk en team te tonen: kies hierboven een gemeente.",
    SavingsTitle => "Besparing met maatwerk",
    SavingsCaption => "Maatwerkcanvassen en hun besparing per wijk en team",
    SavingsCanvases => "Canvassen",
    SavingsAmount => "Besparing",
    SavingsWijkTotal => "Totaal wijk",
    SavingsTotal => "Totaal",
    TargetsTitle => "Streefwaarden",
    TargetsIntro => "De streefwaarden van het netwerk, waaraan de oordelen over de streefwaarde worden getoetst. Laat een veld leeg voor geen streefwaarde.",
    TargetsCaption => "Streefwaarden van het netwerk",
    TargetWait => "Wachttijd in dagen (hoogstens)",
    TargetWithoutHelp => "Verder zonder hulp in procenten (minstens)",
    TargetClientGrade => "Cijfer cliënten (minstens)",
    TargetUitval => "Uitval in procenten (hoogstens)",
    TargetDoelrealisatie => "Doelen bereikt in procenten (minstens)",
    TargetsSave => "Streefwaarden opslaan",
    TargetsSaved => "De streefwaarden zijn opgeslagen.",
    NotesTitle => "Overlegverslagen",
    NotesNone => "Nog geen overlegverslagen.",
    NewNote => "Nieuw overlegverslag",
    NoteHeldOn => "Datum van het overleg",
    NoteAttendees => "Aanwezig",
    NoteConclusions => "Conclusies",
    NoteKnelpunten => "Besproken knelpunten",
    NoteLessons => "Besproken lessen",
    NoteNothingToLink => "Niets om te kiezen.",
    NoteNoKnelpunten => "Geen knelpunten besproken.",
    NoteNoLessons => "Geen lessen besproken.",
    NoteActions => "Vervolgacties",
    NoteActionsHint => "Vul een rij helemaal in of laat haar leeg.",
    NoteAction => "Actie",
    ActionDescription => "Wat",
    ActionOwner => "Wie (eigenaar)",
    ActionDue => "Klaar op",
    NoteTitle => "Overleg van",
    NoteAuthor => "Vastgelegd door",
    NoteScope => "Over",
    NoteNoActions => "Geen vervolgacties.",
    NoteActionsCaption => "Vervolgacties met eigenaar en datum",
    NoteSave => "Verslag opslaan",
    BackToGovernance => "Terug naar de bestuurderstafel",
    DiscussedIn => "Besproken in het overleg van",
    AnswerTitle => "Beantwoorden",
    AnswerStatus => "Nieuwe status",
    AnswerBody => "Toelichting",
    AnswerButton => "Antwoord opslaan",
    VariationCommon => "gewone variatie",
    VariationImprovement => "bijzondere variatie: verbetering",
    VariationConcern => "bijzondere variatie: zorg",
    VariationTooFew => "te weinig maanden voor procesgrenzen (minder dan 12)",
    SignalImprovement => "verbetering",
    SignalConcern => "zorg",

    SourceCasusbespreking => "Casusbespreking",
    SourceIntervisie => "Intervisie",
    SourceEvaluatie => "Evaluatie",
    SourceMaatwerk => "Maatwerkcasus",
    SourceOverig => "Anders",

    LawJeugdwet => "Jeugdwet",
    LawWmo => "Wmo",
    LawParticipatiewet => "Participatiewet",
    LawZvw => "Zorgverzekeringswet",
    LawWlz => "Wet langdurige zorg",
    LawOnderwijs => "Onderwijswetgeving",
    LawAnders => "Andere regeling",

    CanvasIngediend => "Ingediend",
    CanvasBesproken => "Besproken",
    CanvasAkkoord => "Akkoord",

    KnelpuntFinanciering => "Financiering en verkokering",
    KnelpuntPrivacy => "Privacy en gegevens delen",
    KnelpuntRegels => "Regels",
    KnelpuntCapaciteit => "Capaciteit",
    KnelpuntContractering => "Contractering",
    KnelpuntOnderwijs => "Onderwijs",
    KnelpuntOverig => "Overig",

    KnelpuntNieuw => "Nieuw",
    KnelpuntGeagendeerd => "Geagendeerd",
    KnelpuntInBehandeling => "In behandeling",
    KnelpuntOpgelost => "Opgelost",
    KnelpuntAfgewezen => "Afgewezen",

    // What a refused field is told (`Message`; `{}` is a value filled in).
    InvalidPasswordTooShort => "Kies een wachtwoord van minstens {} tekens.",
    InvalidPasswordTooLong => "Kies een wachtwoord van hoogstens {} tekens.",
    InvalidPasswordCommon => "Dit wachtwoord is te bekend of te eenvoudig. Kies een ander, bijvoorbeeld een zin van een paar woorden.",
    InvalidPasswordsDiffer => "De twee wachtwoorden zijn niet gelijk.",
    InvalidEmail => "Vul een geldig e-mailadres in, zoals naam@organisatie.nl.",
    InvalidEmailMissing => "Vul uw e-mailadres in.",
    InvalidPasswordMissing => "Vul uw wachtwoord in.",
    InvalidLogin => "Dit e-mailadres en wachtwoord horen niet bij elkaar, of het account is niet actief.",
    InvalidSecondFactor => "Deze code klopt niet of is al gebruikt. Neem de nieuwste code uit uw app, of een ongebruikte herstelcode.",
    InvalidTotpConfirmation => "Deze code klopt niet. Voer de code van zes cijfers in die uw app nu toont.",
    InvalidNameMissing => "Vul een naam in.",
    InvalidTooLong => "Gebruik hoogstens {} tekens.",
    InvalidTooLongNow => "Gebruik hoogstens {} tekens (nu {}).",
    InvalidMissing => "Vul dit veld in.",
    InvalidControlCharacters => "Deze tekst bevat onzichtbare stuurtekens; typ of plak hem opnieuw zonder die tekens.",
    InvalidGemeenteCode => "Vul een CBS-gemeentecode in: GM en vier cijfers, zoals GM0344.",
    InvalidWijkCode => "Vul een CBS-wijkcode in: WK en zes cijfers, zoals WK034403.",
    InvalidDate => "Vul een bestaande datum in, zoals 2026-03-01.",
    InvalidChooseTheme => "Kies een thema.",
    InvalidChooseStatus => "Kies een status.",
    InvalidChooseRole => "Kies een rol.",
    InvalidChooseGemeente => "Kies een gemeente.",
    InvalidChooseWijk => "Kies een wijk.",
    InvalidChooseDoelgroep => "Kies een doelgroep.",
    InvalidChooseSector => "Kies een sector.",
    InvalidChooseOrganisation => "Kies een organisatie.",
    InvalidChooseCategory => "Kies een categorie.",
    InvalidChooseAnswer => "Kies een antwoord.",
    InvalidChooseLaw => "Kies de wet waaronder dit valt.",
    InvalidChooseBasis => "Kies eenmalig of per maand.",
    InvalidChooseLessonSource => "Kies waar de les uit komt.",
    InvalidChooseAgreementTheme => "Kies een thema voor de nieuwe afspraak.",
    InvalidReviewBeforeStart => "De evaluatie kan niet vóór de ingangsdatum liggen.",
    InvalidActiveWithoutStart => "Een actieve afspraak heeft een ingangsdatum.",
    InvalidCountTooHigh => "Vul een aantal tot {} in.",
    InvalidCountMissing => "Vul een aantal in (0 als er geen waren).",
    InvalidCount => "Vul een heel getal van 0 of meer in.",
    InvalidNumber => "Vul een getal in, zoals 12,5.",
    InvalidMonth => "Kies een maand, zoals 2026-10.",
    InvalidMonthNotOver => "Deze maand is nog niet voorbij.",
    InvalidPartAboveEnded => "Kan niet meer zijn dan het aantal afgesloten cliënten ({}).",
    ImportTitle => "Resultaten importeren",
    ImportNetworkTitle => "Resultaten van teams importeren",
    ImportIntro => "Lees de resultaten van een of meer maanden in uit een CSV- of Excel-bestand, één regel per maand. U ziet eerst wat er verandert; pas na uw bevestiging wordt iets opgeslagen, en een correctie bewaart de eerdere cijfers zoals het formulier doet.",
    ImportNetworkIntro => "Lees de resultaten van veel teams tegelijk in. Elke regel noemt het team met zijn nummer (zoals in /teams/12) in de kolom Team.",
    ImportLink => "Resultaten importeren uit een bestand",
    ImportFile => "Bestand (.csv of .xlsx)",
    ImportFileHint => "CSV met puntkomma, komma of tab als scheidingsteken (UTF-8 of Windows-1252), of een Excel-werkmap; alleen het eerste werkblad wordt gelezen. Hoogstens 20 MB.",
    ImportColumnsCaption => "Kolommen die Wijkwijs herkent",
    ImportColumnHeader => "Kolomnaam",
    ImportColumnAlso => "Ook herkend als",
    ImportColumnRequired => "Verplicht",
    ImportColumnLeftOut => "Een kolom die ontbreekt, laat het opgeslagen cijfer staan.",
    ImportCheck => "Bestand controleren",
    ImportNoFile => "Kies een bestand.",
    ImportEmpty => "Het bestand is leeg.",
    ImportNotSpreadsheet => "Dit is geen CSV- of Excel-bestand (.csv of .xlsx).",
    ImportOldExcel => "Dit is een oud Excel-bestand (.xls). Sla het op als Excel-werkmap (.xlsx) of als CSV.",
    ImportUtf16 => "Dit bestand is opgeslagen als Unicode-tekst. Sla het op als CSV of als Excel-werkmap (.xlsx).",
    ImportUnreadableCsv => "Regel {} van het bestand is geen geldige CSV; kijk naar de aanhalingstekens.",
    ImportTooLarge => "Het bestand is groter dan {} MB. Splits het in kleinere bestanden.",
    ImportTooManyRows => "Het bestand heeft meer dan {} regels. Splits het in kleinere bestanden.",
    ImportTooManyColumns => "Het bestand heeft meer dan {} kolommen.",
    ImportUnpackedTooLarge => "Het Excel-bestand pakt uit tot meer dan {} MB en wordt daarom niet gelezen.",
    ImportMergedCells => "Het werkblad heeft samengevoegde cellen ({}). Maak ze los en vul elke cel zelf in.",
    ImportNoColumns => "Geen enkele kolom is herkend. De eerste regel moet de kolomnamen bevatten, zoals in de tabel hieronder.",
    ImportMissingColumns => "Deze kolommen ontbreken: {}.",
    ImportDuplicateColumn => "De kolom ‘{}’ staat meer dan één keer in het bestand.",
    ImportNoRows => "Het bestand heeft kolomnamen, maar geen regels met resultaten.",
    ImportColumnNumber => "kolom {}",
    ImportStoredFigure => "Het bewaarde cijfer (de kolom staat niet in het bestand) past niet meer: {}",
    ImportFormula => "Een formule wordt niet ingelezen; vul de waarde zelf in.",
    ImportOtherTeam => "Deze regel hoort bij een ander team; hier importeert u alleen voor dit team.",
    ImportInvalidTeam => "Vul het nummer van een bestaand team in.",
    ImportDuplicateMonth => "Deze maand van dit team staat al in regel {}.",
    ImportPreviewTitle => "Controleer de import",
    ImportSummary => "Regels gelezen: {}. Maanden toe te voegen: {}; te corrigeren: {}; ongewijzigd: {}. Regels geweigerd: {}.",
    ImportAdditions => "Toe te voegen",
    ImportAdditionsCaption => "Maanden die de import toevoegt",
    ImportCorrections => "Te corrigeren",
    ImportCorrectionsCaption => "Maanden die de import corrigeert, van oud naar nieuw",
    ImportRefusals => "Geweigerde regels",
    ImportRefusalsCaption => "Regels die niet worden ingelezen, met de reden",
    ImportRefusalsNote => "Geweigerde regels worden overgeslagen. Verbeter ze in het bestand en lees het opnieuw in, of bevestig zonder ze.",
    ImportUnknownColumns => "Deze kolommen zijn niet herkend en worden overgeslagen: {}.",
    ImportShowingFirst => "De eerste {} van {} staan hieronder.",
    ImportLine => "Regel",
    ImportColumn => "Kolom",
    ImportReason => "Reden",
    ImportBeforeAfter => "{} → {}",
    ImportConfirm => "Import bevestigen",
    ImportAnotherFile => "Een ander bestand inlezen",
    ImportNothingToDo => "Er verandert niets: elke maand in het bestand staat al zo in Wijkwijs.",
    ImportExpires => "Wordt de import niet binnen een uur bevestigd, dan vervalt hij.",
    ImportGone => "Deze import bestaat niet (meer): hij is verlopen of hoort bij iemand anders. Lees het bestand opnieuw in.",
    ImportApplied => "Deze import is verwerkt. Maanden toegevoegd: {}; gecorrigeerd: {}.",
    ImportAppliedAt => "Verwerkt op {}.",
    ImportUnderWay => "De import is bezig. Deze pagina ververst zichzelf tot hij klaar is.",
    ImportProgressLabel => "Voortgang",
    ImportProgressSteps => "{}% gedaan",
    ImportRefresh => "Nu verversen",
    ImportFailed => "De import is mislukt; er is niets veranderd. Bevestig opnieuw, of lees het bestand opnieuw in.",
    ImportRefusedMeanwhile => "{} maanden zijn overgeslagen: hun bewaarde cijfers zijn sinds de controle gewijzigd en passen niet meer bij het bestand.",
    ImportKindCsv => "CSV-bestand",
    ImportKindXlsx => "Excel-werkmap",
    ImportFileKind => "Gelezen als",
    TokenScopePush => "Resultaten van het team aanleveren (en lezen)",
    TokenScopeRead => "Gepubliceerde cijfers lezen",
    TokenNameMissing => "Geef de sleutel een naam, zoals het systeem dat hem gebruikt.",
    TokenNameInvalid => "Een naam heeft hoogstens {} tekens, zonder regeleinden.",
    TokenScopeInvalid => "Kies wat de sleutel mag.",
    TokenTeamInvalid => "Kies een team of het netwerk.",
    TokenDaysInvalid => "Een sleutel geldt 1 tot {} dagen.",
    TokenNotAllowed => "Zo’n sleutel mag u hier niet maken: een coördinator maakt sleutels voor het eigen team, een bestuurder of beheerder leessleutels voor het netwerk.",
    TokensTitle => "API-sleutels",
    TokensIntro => "Met een API-sleutel leest een registratiesysteem gepubliceerde cijfers uit Wijkwijs, of levert het de maandresultaten van uw team aan (/api/v1, beschreven in /api/v1/openapi.json). Elk gebruik komt in de auditlog. U ziet een sleutel één keer, direct na het maken; Wijkwijs bewaart alleen een vingerafdruk.",
    TokensNone => "U heeft nog geen API-sleutels.",
    TokensCaption => "Uw API-sleutels",
    TokensNew => "Nieuwe sleutel",
    TokenName => "Naam",
    TokenScope => "Mag",
    TokenFor => "Voor",
    TokenNetwork => "Het netwerk",
    TokenDays => "Geldig (dagen)",
    TokenDaysHint => "1 tot 365; leeg is 90.",
    TokenCreate => "Sleutel maken",
    TokenCreated => "Uw nieuwe sleutel. Kopieer hem nu: hij wordt niet nog eens getoond.",
    TokenCreatedLabel => "Nieuwe API-sleutel",
    TokenExpires => "Verloopt",
    TokenLastUsed => "Laatst gebruikt",
    TokenNeverUsed => "nooit",
    TokenStatus => "Status",
    TokenActive => "actief",
    TokenRevoked => "ingetrokken",
    TokenExpired => "verlopen",
    TokenRevokeLabel => "Intrekken: {}",
    TokensLink => "API-sleutels voor registratiesystemen",
    TokenCannotCreate => "U kunt geen sleutels maken: dat doet een coördinator voor het eigen team, of een bestuurder of beheerder (met tweestapsverificatie) voor het netwerk.",
    IjwTitle => "Uit iJw- of iWmo-berichten",
    IjwIntro => "Lees de berichten in die uw registratiesysteem met de gemeente uitwisselt (iJw voor Jeugd, iWmo voor de Wmo; release 3): verzoeken om toewijzing (315), toewijzingen (301), start zorg (305) en stop zorg (307). Wijkwijs telt per maand de gestarte en beëindigde cliënten, de wachttijd en de uitval. BSN, namen, adressen en vrije tekst in de berichten worden niet bewaard en niet getoond: alleen de tellingen. Het bestand zelf wordt niet opgeslagen.",
    IjwFile => "Berichten (.xml, of een .zip met berichten)",
    IjwFileHint => "Kies een of meer bestanden, samen hoogstens 20 MB. Andere berichten (zoals retourberichten) worden overgeslagen.",
    IjwCheck => "Berichten controleren",
    IjwRules => "Zo wordt geteld. Gestart: de starts (305) per begindatum. Beëindigd: de stops (307) per einddatum, behalve stops om een administratieve reden (overlijden, tijdelijke stop, verhuizing, overstap, uitstroom naar een ander domein, op initiatief van de gemeente). Uitval: de stops die voortijdig of eenzijdig zijn (Jeugd: reden 32–35; Wmo: 21–23). Wachttijd: van de dagtekening van het verzoek om toewijzing (315) tot de begindatum; zonder verzoek vanaf de toewijzingsdatum (301). Een bericht met status 3 verwijdert het eerdere. Verder zonder hulp en de cijfers van cliënten staan niet in de berichten.",
    IjwInFile => "Bestand {}: {}",
    IjwPart => "{}, onderdeel {}",
    IjwNotXml => "dit is geen geldig XML-bericht.",
    IjwNotUtf8 => "dit bericht is niet in UTF-8 opgeslagen, zoals de iStandaarden voorschrijven.",
    IjwNotZip => "deze zip is beschadigd of onleesbaar.",
    IjwNotIstandaard => "dit is geen iJw- of iWmo-bericht van release 3.",
    IjwDoctype => "dit bestand bevat een DTD met entiteiten. iStandaarden-berichten hebben die nooit, en zo’n bestand wordt niet gelezen.",
    IjwEntity => "dit bestand verwijst naar een entiteit die niet bestaat.",
    IjwTooDeep => "dit bestand is dieper genest dan een bericht ooit is.",
    IjwMissing => "het element {} ontbreekt.",
    IjwBadValue => "het element {} heeft geen geldige waarde.",
    IjwEndBeforeBegin => "een stop heeft een einddatum vóór zijn begindatum.",
    IjwUnknownReason => "reden beëindiging {} bestaat niet in {} (op de dagtekening van het bericht).",
    IjwNone => "Er staan geen iJw- of iWmo-berichten 301, 305, 307 of 315 in de upload.",
    IjwMixed => "De upload mengt iJw- en iWmo-berichten. Lees ze apart in.",
    IjwTooMany => "De upload bevat meer dan {} berichten. Splits hem.",
    IjwUnpackedTooLarge => "De zip pakt uit tot meer dan {} MB en wordt daarom niet gelezen.",
    IjwFigureMissing => "Staat niet in de berichten, en het bewaarde cijfer ontbreekt of past niet ({}). Vul deze maand eerst in met het formulier en lees de berichten daarna opnieuw in.",
    ImportKindMessages => "{}-berichten, release {}",
    IjwSummary => "Bestanden: {}. Berichten gelezen: {}; overgeslagen: {}. Starts: {}; stops: {}; door een later bericht verwijderd: {}.",
    IjwWaits => "Wachttijd: {} starts gerekend vanaf het verzoek om toewijzing (315), {} vanaf de toewijzing (301); {} starts zonder bekende datum tellen niet mee in de wachttijd.",
    IjwLeftOut => "{} stops met een administratieve reden tellen niet als beëindigd.",
    IjwUnmatched => "{} verwijderingen (status 3) vonden geen eerder bericht om te verwijderen.",
    IjwNotInMessages => "Verder zonder hulp, het aantal reacties, het cijfer van cliënten en doelrealisatie staan niet in de berichten. Een maand die al in Wijkwijs staat, houdt die cijfers; een nieuwe maand vult u eerst in met het formulier.",
    IjwRefusals => "Geweigerde maanden",
    IjwRefusalsCaption => "Maanden die niet worden ingelezen, met de reden",
    InvalidWaitMissing => "Vul de gemiddelde wachttijd in dagen in.",
    InvalidWaitWithoutStarts => "Zonder gestarte cliënten is er geen wachttijd; laat dit veld leeg.",
    InvalidWaitRange => "Een wachttijd ligt tussen 0 en {} dagen.",
    InvalidGradeMissing => "Vul het gemiddelde cijfer van de cliënten in.",
    InvalidGradeWithoutResponses => "Zonder reacties is er geen cijfer; laat dit veld leeg.",
    InvalidGradeRange => "Een cijfer ligt tussen 1 en 10.",
    InvalidPercentageRange => "Een percentage ligt tussen 0 en 100.",
    InvalidAmount => "Vul een bedrag in euro in, zoals 1.200,50.",
    InvalidAmountMissing => "Vul een bedrag in (0 als er geen kosten zijn).",
    InvalidAmountNegative => "Een bedrag is 0 of meer.",
    InvalidAmountImplausible => "Dat bedrag is onwaarschijnlijk hoog; controleer het.",
    InvalidMonthsForOneOff => "Laat het aantal maanden leeg bij eenmalige kosten.",
    InvalidMonths => "Vul het aantal maanden in: een heel getal van 1 tot en met {}.",
    InvalidTooManyTags => "Gebruik hoogstens {} trefwoorden.",
    InvalidTagTooLong => "Het trefwoord \u{201c}{}\u{201d} is langer dan {} tekens.",
    InvalidMeetingDateMissing => "Vul de datum van het overleg in.",
    InvalidTooManyActions => "Hoogstens {} acties per verslag.",
    InvalidActionDueMissing => "Vul in wanneer de actie klaar is.",
    InvalidSurveyMonth => "Kies een van de maanden waarover u nog kunt antwoorden.",
    InvalidSurveyGrade => "Vul een heel cijfer van 1 tot en met 10 in.",
    InvalidSurveyAnswered => "U hebt de vragenlijst over deze maand al ingevuld.",
    InvalidOwnKnelpunt => "Dit knelpunt komt van uw eigen team.",
    InvalidKnelpuntSupported => "Uw team steunt dit knelpunt al.",
    InvalidLessonLinksOwnAgreements => "Een les kan alleen naar afspraken van het eigen team verwijzen.",
    InvalidOwnLesson => "Dit is een les van uw eigen team.",
    InvalidLessonUseful => "Uw team vond deze les al nuttig.",
    InvalidOwnLessonAdopted => "Dit is een les van uw eigen team; leg een afspraak gewoon zelf vast.",
    InvalidChosenItemGone => "Een gekozen knelpunt of les bestaat niet meer.",
    InvalidGemeenteCodeTaken => "Er is al een gemeente met deze code.",
    InvalidWijkCodeTaken => "Er is al een wijk met deze code.",
    InvalidOrganisationNameTaken => "Er is al een organisatie met deze naam.",
    InvalidEmailTaken => "Er is al een account met dit e-mailadres.",
    InvalidDeactivateSelf => "U kunt uw eigen account niet deactiveren.",
    InvalidNoActiveAccount => "Er is geen actief account met dit e-mailadres. Vraag de beheerder om het aan te maken.",
    InvalidAlreadyMember => "Deze persoon is al lid van het team.",
    InvalidRemoveSelf => "U kunt uzelf niet uit het team verwijderen; vraag een andere coördinator of de beheerder.",
    InvalidMessageToOwnTeam => "Een bericht gaat naar een ander team.",
    // The months, in full and short, January first.
    MonthJanuary => "januari",
    MonthFebruary => "februari",
    MonthMarch => "maart",
    MonthApril => "april",
    MonthMay => "mei",
    MonthJune => "juni",
    MonthJuly => "juli",
    MonthAugust => "augustus",
    MonthSeptember => "september",
    MonthOctober => "oktober",
    MonthNovember => "november",
    MonthDecember => "december",
    MonthShortJanuary => "jan",
    MonthShortFebruary => "feb",
    MonthShortMarch => "mrt",
    MonthShortApril => "apr",
    MonthShortMay => "mei",
    MonthShortJune => "jun",
    MonthShortJuly => "jul",
    MonthShortAugust => "aug",
    MonthShortSeptember => "sep",
    MonthShortOctober => "okt",
    MonthShortNovember => "nov",
    MonthShortDecember => "dec",
    // The agreement a lesson becomes: what worked, then what it needs.
    LessonAgreementBody => "{}\n\nWat daarvoor nodig is: {}",
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

    #[test]
    fn every_key_has_an_english_text_with_the_same_values() {
        for &key in Text::ALL {
            let (nl, en) = (key.nl(), key.en());
            assert!(!en.trim().is_empty() || nl.trim().is_empty(), "{key:?}");
            assert_eq!(
                nl.matches("{}").count(),
                en.matches("{}").count(),
                "{key:?}"
            );
        }
        assert_eq!(Text::LoginButton.text(Language::English), "Log in");
    }

    #[test]
    fn accept_language_picks_our_preferred_language() {
        assert_eq!(
            Language::from_accept_language("en-GB,en;q=0.9,nl;q=0.8"),
            Language::English
        );
        assert_eq!(
            Language::from_accept_language("nl-NL,en;q=0.5"),
            Language::Dutch
        );
        assert_eq!(
            Language::from_accept_language("de-DE,en;q=0.7,nl;q=0.9"),
            Language::Dutch
        );
        assert_eq!(
            Language::from_accept_language("fr, de;q=0.5"),
            Language::Dutch
        );
        assert_eq!(Language::from_accept_language(""), Language::Dutch);
        assert_eq!(
            Language::from_accept_language("en;q=0, nl;q=0.1"),
            Language::Dutch
        );
    }

    #[test]
    fn the_accounts_choice_comes_before_the_cookie_and_the_browser() {
        let english = Some(Language::English);
        assert_eq!(
            Language::for_request(english, Some("nl"), Some("nl")),
            Language::English
        );
        assert_eq!(
            Language::for_request(None, Some("en"), Some("nl")),
            Language::English
        );
        assert_eq!(
            Language::for_request(None, Some("xx"), Some("en-GB")),
            Language::English
        );
        assert_eq!(Language::for_request(None, None, None), Language::Dutch);
    }

    #[test]
    fn a_message_fills_its_values_in_order() {
        assert_eq!(
            Text::InvalidTooLongNow.with(200).with(201).to_string(),
            "Gebruik hoogstens 200 tekens (nu 201)."
        );
        assert_eq!(
            Message::from(Text::InvalidMissing).to_string(),
            "Vul dit veld in."
        );
        assert_eq!(
            Text::InvalidTooLongNow
                .with(200)
                .with(201)
                .render(Language::English),
            Text::InvalidTooLongNow
                .en()
                .replacen("{}", "200", 1)
                .replacen("{}", "201", 1)
        );
    }
}
