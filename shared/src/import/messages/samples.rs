//! Batches of iJw and iWmo messages with known answers, for the tests: a
//! seeded story per client (a request or not, a toewijzing, a start that
//! may be corrected, a stop that may come late, be deleted or be
//! administrative), the months it must count to, and the messages as XML
//! as release 3.2 writes them — with BSNs, names and addresses, so a test
//! can look for them where they must never be.

use super::{Batch, Ending, Figures, Key, Kind, Message, Record, Standard, Status};
use crate::Month;
use chrono::{Datelike, Duration, NaiveDate};
use std::collections::BTreeMap;

/// A small deterministic generator of numbers (xorshift).
struct Dice(u64);

impl Dice {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }

    fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }
}

/// What a batch must count to.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Answer {
    pub months: BTreeMap<Month, Figures>,
    pub deleted: usize,
}

/// A client of the story, and the personal data their messages carry.
#[derive(Clone, Debug)]
pub struct Client {
    pub bsn: String,
    pub surname: String,
    pub born: NaiveDate,
    pub street: String,
    pub postcode: String,
}

/// Makes batches for one standard from a seed.
pub struct Generator {
    standard: Standard,
    dice: Dice,
    /// The earliest request of the story.
    base: NaiveDate,
    pub clients: Vec<Client>,
    /// Each message with the client it is about.
    messages: Vec<(Message, usize)>,
    answer: Answer,
}

/// Names and streets found nowhere else in Wijkwijs, so a test that finds
/// one knows where it came from.
const SURNAMES: [&str; 6] = [
    "Quakkelaar",
    "Wolfswinkel",
    "Vlasblom",
    "Zuidervaart",
    "Kwakernaak",
    "Ybema",
];
const STREETS: [&str; 4] = [
    "Ypenburgdreef",
    "Quirijnstraat",
    "Zwaluwlaan",
    "Vlasakkerweg",
];

/// A BSN that passes the 11-proef.
fn bsn(dice: &mut Dice) -> String {
    loop {
        let digits: Vec<u64> = (0..8).map(|_| dice.below(10)).collect();
        let sum: u64 = digits
            .iter()
            .enumerate()
            .map(|(i, d)| d * (9 - i as u64))
            .sum();
        let check = sum % 11;
        if check < 10 && digits[0] != 0 {
            return digits
                .iter()
                .chain([&check])
                .map(|d| d.to_string())
                .collect();
        }
    }
}

impl Generator {
    pub fn new(standard: Standard, seed: u64) -> Self {
        Generator {
            standard,
            dice: Dice(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1),
            base: NaiveDate::from_ymd_opt(2025, 1, 6).expect("a date"),
            clients: Vec::new(),
            messages: Vec::new(),
            answer: Answer::default(),
        }
    }

    /// The story begun at `base` instead (from April 2022 every reason
    /// code of both lists exists).
    pub fn from(mut self, base: NaiveDate) -> Self {
        self.base = base;
        self
    }

    fn send(&mut self, client: usize, kind: Kind, dated: NaiveDate, records: Vec<Record>) {
        let message = Message {
            standard: self.standard,
            release: "3.2".to_string(),
            kind,
            dated,
            records,
        };
        self.messages.push((message, client));
    }

    fn figures(&mut self, day: NaiveDate) -> &mut Figures {
        let month = Month::new(day.year(), day.month() as u8).expect("a month");
        self.answer.months.entry(month).or_default()
    }

    /// One client's story.
    fn client(&mut self, index: usize) {
        let d = &mut self.dice;
        let client = Client {
            bsn: bsn(d),
            surname: SURNAMES[d.below(6) as usize].to_string(),
            born: NaiveDate::from_ymd_opt(
                2008 + d.below(10) as i32,
                1 + d.below(12) as u32,
                1 + d.below(28) as u32,
            )
            .expect("a date"),
            street: STREETS[d.below(4) as usize].to_string(),
            postcode: format!("35{:02}QZ", d.below(100)),
        };
        self.clients.push(client);
        let requested_on = self.base + Duration::days(self.dice.below(300) as i64);
        let number = 300_000 + index as u64;
        let reference = format!("REF-{index:04}");
        let with_request = self.dice.chance(50);
        if with_request {
            let record = Record::Request {
                reference: reference.clone(),
            };
            self.send(index, Kind::Request, requested_on, vec![record]);
        }
        let assigned = requested_on + Duration::days(self.dice.below(20) as i64);
        let record = Record::Assignment {
            number,
            reference: with_request.then(|| reference.clone()),
            assigned,
        };
        self.send(index, Kind::Assignment, assigned, vec![record]);
        // One in ten is assigned but never starts within the batch.
        if self.dice.chance(10) {
            return;
        }
        let begin = assigned + Duration::days(self.dice.below(60) as i64);
        let product = if self.standard == Standard::Jeugd {
            "55/55A11"
        } else {
            "01/01A11"
        };
        let key = Key {
            assignment: Some(number),
            product: product.to_string(),
            begin,
        };
        let start_sent = begin + Duration::days(1 + self.dice.below(5) as i64);
        // A start first sent with a wrong date, then corrected: deleted
        // and sent anew in one message, as the standard does it.
        if self.dice.chance(20) {
            let wrong = Key {
                begin: begin - Duration::days(40),
                ..key.clone()
            };
            let sent = Record::Start {
                key: wrong.clone(),
                status: Status::Delivered,
            };
            self.send(
                index,
                Kind::Start,
                start_sent - Duration::days(1),
                vec![sent],
            );
            let correction = vec![
                Record::Start {
                    key: wrong,
                    status: Status::Deleted,
                },
                Record::Start {
                    key: key.clone(),
                    status: Status::Delivered,
                },
            ];
            self.send(index, Kind::Start, start_sent, correction);
            self.answer.deleted += 1;
        } else {
            let sent = Record::Start {
                key: key.clone(),
                status: Status::Delivered,
            };
            self.send(index, Kind::Start, start_sent, vec![sent]);
        }
        let from = if with_request { requested_on } else { assigned };
        let figures = self.figures(begin);
        figures.started += 1;
        figures.waits += 1;
        figures.wait_days += (begin - from).num_days();
        if self.dice.chance(25) {
            return; // still in care
        }
        let end = begin + Duration::days(10 + self.dice.below(200) as i64);
        let ending = match self.dice.below(10) {
            0..=4 => Ending::AsPlanned,
            5..=7 => Ending::Early,
            _ => Ending::Administrative,
        };
        // Some stops arrive months late; they count in their own month.
        let late = if self.dice.chance(20) {
            40 + self.dice.below(60)
        } else {
            1 + self.dice.below(5)
        };
        let stop_sent = end + Duration::days(late as i64);
        let stop = Record::Stop {
            key: key.clone(),
            end,
            ending,
            status: Status::Delivered,
        };
        self.send(index, Kind::Stop, stop_sent, vec![stop]);
        // A stop sent by mistake and deleted: the client is still in care.
        if self.dice.chance(15) {
            let deletion = Record::Stop {
                key,
                end,
                ending,
                status: Status::Deleted,
            };
            self.send(
                index,
                Kind::Stop,
                stop_sent + Duration::days(2),
                vec![deletion],
            );
            self.answer.deleted += 1;
            return;
        }
        if ending != Ending::Administrative {
            let figures = self.figures(end);
            figures.ended += 1;
            if ending == Ending::Early {
                figures.uitval += 1;
            }
        }
    }

    fn tell(&mut self) {
        if self.clients.is_empty() {
            let clients = 8 + self.dice.below(12) as usize;
            for index in 0..clients {
                self.client(index);
            }
        }
    }

    /// The batch as `xml` reads it, and its answer.
    pub fn batch(mut self) -> (Batch, Answer) {
        self.tell();
        let batch = Batch {
            files: self.messages.len(),
            messages: self.messages.iter().map(|(m, _)| m.clone()).collect(),
            skipped: 0,
        };
        (batch, self.answer)
    }

    /// The batch as XML files (one message each), its answer, and the
    /// clients whose personal data the files carry.
    pub fn files(mut self) -> (Vec<Vec<u8>>, Answer, Vec<Client>) {
        self.tell();
        let mut codes = Dice(self.dice.next() | 1);
        let files = self
            .messages
            .iter()
            .enumerate()
            .map(|(n, (message, client))| {
                render(message, &self.clients[*client], n, &mut |ending| {
                    pick_code(self.standard, ending, &mut codes)
                })
                .into_bytes()
            })
            .collect();
        (files, self.answer, self.clients)
    }
}

fn pick_code(standard: Standard, ending: Ending, dice: &mut Dice) -> &'static str {
    let codes: &[&'static str] = match (standard, ending) {
        (Standard::Jeugd, Ending::AsPlanned) => &["31"],
        (Standard::Jeugd, Ending::Early) => &["32", "33", "34", "35"],
        (Standard::Jeugd, Ending::Administrative) => &["02", "20", "36", "37", "38", "39"],
        (Standard::Wmo, Ending::AsPlanned) => &["19"],
        (Standard::Wmo, Ending::Early) => &["21", "22", "23"],
        (Standard::Wmo, Ending::Administrative) => &["02", "20", "31", "36", "37", "38", "39"],
    };
    codes[dice.below(codes.len() as u64) as usize]
}

/// One message as release 3.2 writes it.
pub fn render(
    message: &Message,
    client: &Client,
    number: usize,
    code: &mut dyn FnMut(Ending) -> &'static str,
) -> String {
    let (law, prefix) = match message.standard {
        Standard::Jeugd => ("ijw", "jw"),
        Standard::Wmo => ("iwmo", "wmo"),
    };
    let (digits, berichtcode) = match (message.kind, message.standard) {
        (Kind::Assignment, Standard::Jeugd) => ("301", "436"),
        (Kind::Start, Standard::Jeugd) => ("305", "438"),
        (Kind::Stop, Standard::Jeugd) => ("307", "440"),
        (Kind::Request, Standard::Jeugd) => ("315", "446"),
        (Kind::Assignment, Standard::Wmo) => ("301", "414"),
        (Kind::Start, Standard::Wmo) => ("305", "418"),
        (Kind::Stop, Standard::Wmo) => ("307", "420"),
        (Kind::Request, Standard::Wmo) => ("315", "444"),
    };
    let m = format!("{prefix}{digits}");
    let b = law;
    let (from, to) = if message.kind == Kind::Assignment {
        ("0344", "65656055")
    } else {
        ("65656055", "0344")
    };
    let mut x = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
         <{m}:Bericht xmlns:{b}=\"http://www.istandaarden.nl/{law}/3_2/basisschema/schema\" \
         xmlns:{m}=\"http://www.istandaarden.nl/{law}/3_2/{m}/schema\">\n\
         <{m}:Header><{m}:BerichtCode>{berichtcode}</{m}:BerichtCode>\
         <{m}:BerichtVersie>3</{m}:BerichtVersie><{m}:BerichtSubversie>2</{m}:BerichtSubversie>\
         <{m}:Afzender>{from}</{m}:Afzender><{m}:Ontvanger>{to}</{m}:Ontvanger>\
         <{m}:BerichtIdentificatie><{b}:Identificatie>B{number:06}</{b}:Identificatie>\
         <{b}:Dagtekening>{dated}</{b}:Dagtekening></{m}:BerichtIdentificatie>\
         <{m}:XsdVersie><{b}:BasisschemaXsdVersie>1.0.0</{b}:BasisschemaXsdVersie>\
         <{b}:BerichtXsdVersie>1.0.0</{b}:BerichtXsdVersie></{m}:XsdVersie></{m}:Header>\n\
         <{m}:Client><{m}:Bsn>{bsn}</{m}:Bsn>\
         <{m}:Geboortedatum><{b}:Datum>{born}</{b}:Datum></{m}:Geboortedatum>\
         <{m}:Geslacht>2</{m}:Geslacht>\
         <{m}:Naam><{b}:Geslachtsnaam><{b}:Achternaam>{surname}</{b}:Achternaam></{b}:Geslachtsnaam>\
         <{b}:Voorletters>A</{b}:Voorletters>{name_use}</{m}:Naam>\n",
        dated = message.dated,
        bsn = client.bsn,
        born = client.born,
        surname = client.surname,
        name_use = if message.kind == Kind::Assignment {
            format!("<{b}:NaamGebruik>1</{b}:NaamGebruik>")
        } else {
            String::new()
        },
    );
    let product = |key: &Key| {
        let (categorie, code) = key.product.split_once('/').unwrap_or((&key.product, ""));
        format!("<{m}:Product><{b}:Categorie>{categorie}</{b}:Categorie><{b}:Code>{code}</{b}:Code></{m}:Product>")
    };
    let status = |s: Status| match s {
        Status::Delivered => "1",
        Status::Deleted => "3",
    };
    match message.kind {
        Kind::Request => {
            x += &format!("<{m}:AangevraagdeProducten>");
            for record in &message.records {
                if let Record::Request { reference } = record {
                    x += &format!(
                        "<{m}:AangevraagdProduct><{m}:ReferentieAanbieder>{reference}</{m}:ReferentieAanbieder>\
                         <{m}:ToewijzingIngangsdatum>{dated}</{m}:ToewijzingIngangsdatum>\
                         <{m}:Verwijzer><{b}:Type>01</{b}:Type><{b}:Naam>Huisarts {surname}</{b}:Naam></{m}:Verwijzer>\
                         <{m}:Commentaar>Graag snel, {surname} woont aan de {street}</{m}:Commentaar></{m}:AangevraagdProduct>",
                        dated = message.dated,
                        surname = client.surname,
                        street = client.street,
                    );
                }
            }
            x += &format!("</{m}:AangevraagdeProducten>");
        }
        Kind::Assignment => {
            x += &format!(
                "<{m}:Contactgegevens><{m}:Contact><{m}:Soort>01</{m}:Soort><{m}:Adres>\
                 <{b}:Huis><{b}:Huisnummer>4</{b}:Huisnummer></{b}:Huis><{b}:Postcode>{postcode}</{b}:Postcode>\
                 <{b}:Straatnaam>{street}</{b}:Straatnaam><{b}:Plaatsnaam>Utrecht</{b}:Plaatsnaam></{m}:Adres>\
                 <{m}:Periode><{b}:Begindatum>2020-01-01</{b}:Begindatum></{m}:Periode></{m}:Contact></{m}:Contactgegevens>\
                 <{m}:ToegewezenProducten>",
                postcode = client.postcode,
                street = client.street,
            );
            for record in &message.records {
                if let Record::Assignment {
                    number,
                    reference,
                    assigned,
                } = record
                {
                    let reference = reference
                        .as_ref()
                        .map(|r| format!("<{m}:ReferentieAanbieder>{r}</{m}:ReferentieAanbieder>"))
                        .unwrap_or_default();
                    x += &format!(
                        "<{m}:ToegewezenProduct><{m}:ToewijzingNummer>{number}</{m}:ToewijzingNummer>{reference}\
                         <{m}:Product><{b}:Categorie>55</{b}:Categorie></{m}:Product>\
                         <{m}:Toewijzingsdatum>{assigned}</{m}:Toewijzingsdatum>\
                         <{m}:Toewijzingstijd>09:30:00</{m}:Toewijzingstijd>\
                         <{m}:Ingangsdatum>{assigned}</{m}:Ingangsdatum></{m}:ToegewezenProduct>"
                    );
                }
            }
            x += &format!("</{m}:ToegewezenProducten>");
        }
        Kind::Start | Kind::Stop => {
            let (list, item) = if message.kind == Kind::Start {
                ("StartProducten", "StartProduct")
            } else {
                ("StopProducten", "StopProduct")
            };
            x += &format!("<{m}:{list}>");
            for record in &message.records {
                let (key, stop, s) = match record {
                    Record::Start { key, status } => (key, None, *status),
                    Record::Stop {
                        key,
                        end,
                        ending,
                        status,
                    } => (key, Some((*end, *ending)), *status),
                    _ => continue,
                };
                let number = key
                    .assignment
                    .map(|n| format!("<{m}:ToewijzingNummer>{n}</{m}:ToewijzingNummer>"))
                    .unwrap_or_default();
                let stopped = stop
                    .map(|(end, ending)| {
                        format!(
                            "<{m}:RedenBeeindiging>{}</{m}:RedenBeeindiging><{m}:Einddatum>{end}</{m}:Einddatum>",
                            code(ending)
                        )
                    })
                    .unwrap_or_default();
                x += &format!(
                    "<{m}:{item}>{number}{product}<{m}:Begindatum>{begin}</{m}:Begindatum>{stopped}\
                     <{m}:StatusAanlevering>{status}</{m}:StatusAanlevering></{m}:{item}>",
                    product = product(key),
                    begin = key.begin,
                    status = status(s),
                );
            }
            x += &format!("</{m}:{list}>");
        }
    }
    x += &format!("\n</{m}:Client>\n</{m}:Bericht>\n");
    x
}
