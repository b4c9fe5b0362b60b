//! Reads uploaded iJw and iWmo messages (XML files, or zips of them) into
//! `Message`s. Only the elements that are counted are copied out of the
//! parser; the client's BSN, name, birth date and address, free text and
//! representatives are stepped over and never held. Malicious XML is
//! refused: a document type declaration (the way to entity expansion and
//! external entities) or an unknown entity stops the upload, and so does
//! nesting deeper than any message has, or a zip that unpacks too large.

use super::{ending, Batch, Key, Kind, Message, Record, Standard, Status};
use crate::i18n::{Message as Said, Text};
use chrono::NaiveDate;
use quick_xml::events::Event;
use std::io::{Cursor, Read};

/// The most messages one upload may hold (a large provider's year).
pub const MAX_MESSAGES: usize = 200_000;
/// The deepest nesting a message has (a 301's address is six deep).
const MAX_DEPTH: usize = 16;

/// Reads every file of an upload; the first problem refuses it all.
pub fn read(files: &[Vec<u8>]) -> Result<Batch, Said> {
    let mut batch = Batch {
        files: files.len(),
        ..Batch::default()
    };
    for (index, bytes) in files.iter().enumerate() {
        let file = index + 1;
        if bytes.starts_with(b"PK\x03\x04") {
            read_zip(bytes, file, &mut batch)?;
        } else {
            let message = message(bytes).map_err(|why| Text::IjwInFile.with(file).with(why))?;
            take(message, &mut batch)?;
        }
    }
    if batch.messages.is_empty() {
        return Err(Text::IjwNone.into());
    }
    let standard = batch.messages[0].standard;
    if batch.messages.iter().any(|m| m.standard != standard) {
        return Err(Text::IjwMixed.into());
    }
    Ok(batch)
}

fn take(message: Option<Message>, batch: &mut Batch) -> Result<(), Said> {
    match message {
        Some(message) => {
            if batch.messages.len() >= MAX_MESSAGES {
                return Err(Text::IjwTooMany.with(MAX_MESSAGES));
            }
            batch.messages.push(message);
        }
        None => batch.skipped += 1,
    }
    Ok(())
}

/// The XML files in a zip; other files are skipped.
fn read_zip(bytes: &[u8], file: usize, batch: &mut Batch) -> Result<(), Said> {
    use crate::import::file::MAX_UNPACKED_BYTES;
    let unreadable = || Text::IjwInFile.with(file).with(Said::from(Text::IjwNotZip));
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|_| unreadable())?;
    let mut unpacked: u64 = 0;
    for index in 0..archive.len() {
        let part = archive.by_index(index).map_err(|_| unreadable())?;
        let is_xml = part.is_file()
            && part
                .name()
                .is_ok_and(|name| name.to_ascii_lowercase().ends_with(".xml"));
        if !is_xml {
            batch.skipped += usize::from(part.is_file());
            continue;
        }
        // Read no further than what is left of the allowance: a part that
        // claims to be small but unpacks without end is stopped.
        let left = MAX_UNPACKED_BYTES - unpacked;
        let mut xml = Vec::new();
        part.take(left + 1)
            .read_to_end(&mut xml)
            .map_err(|_| unreadable())?;
        unpacked += xml.len() as u64;
        if unpacked > MAX_UNPACKED_BYTES {
            return Err(Text::IjwUnpackedTooLarge.with(MAX_UNPACKED_BYTES >> 20));
        }
        let where_ = Text::IjwPart.with(file).with(index + 1);
        let message = message(&xml).map_err(|why| Text::IjwInFile.with(where_).with(why))?;
        take(message, batch)?;
    }
    Ok(())
}

/// The namespace of an iStandaarden message: its standard, release and
/// message number ("http://www.istandaarden.nl/ijw/3_2/jw305/schema").
fn namespace(uri: &str) -> Option<(Standard, String, String)> {
    let mut parts = uri
        .strip_prefix("http://www.istandaarden.nl/")?
        .strip_suffix("/schema")?
        .split('/');
    let (law, release, message) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() {
        return None;
    }
    let (standard, prefix) = match law {
        "ijw" => (Standard::Jeugd, "jw"),
        "iwmo" => (Standard::Wmo, "wmo"),
        _ => return None,
    };
    let (major, minor) = release.split_once('_')?;
    let number = message.strip_prefix(prefix)?;
    let valid = major == "3"
        && !minor.is_empty()
        && minor.bytes().all(|b| b.is_ascii_digit())
        && number.len() == 3
        && number.bytes().all(|b| b.is_ascii_digit());
    valid.then(|| (standard, format!("{major}.{minor}"), number.to_string()))
}

/// The elements whose text is read, by the element they are in.
fn wanted(parent: &str, name: &str) -> bool {
    match parent {
        "BerichtIdentificatie" => name == "Dagtekening",
        "Product" => matches!(name, "Categorie" | "Code"),
        "AangevraagdProduct" | "ToegewezenProduct" | "StartProduct" | "StopProduct" => matches!(
            name,
            "ToewijzingNummer"
                | "ReferentieAanbieder"
                | "Toewijzingsdatum"
                | "Begindatum"
                | "Einddatum"
                | "RedenBeeindiging"
                | "StatusAanlevering"
        ),
        _ => false,
    }
}

/// The record element of each kind of message.
fn record_element(kind: Kind) -> &'static str {
    match kind {
        Kind::Request => "AangevraagdProduct",
        Kind::Assignment => "ToegewezenProduct",
        Kind::Start => "StartProduct",
        Kind::Stop => "StopProduct",
    }
}

/// The text of a predefined entity or a character reference.
fn entity(name: &str) -> Option<char> {
    match name {
        "amp" => Some('&'),
        "lt" => Some('<'),
        "gt" => Some('>'),
        "apos" => Some('\''),
        "quot" => Some('"'),
        _ => {
            let number = name.strip_prefix('#')?;
            let code = match number.strip_prefix('x') {
                Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                None => number.parse().ok()?,
            };
            char::from_u32(code)
        }
    }
}

/// The fields of the record being read, by element name.
#[derive(Default)]
struct Fields(Vec<(&'static str, String)>);

impl Fields {
    fn get(&self, name: &str) -> Option<&str> {
        self.0
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, v)| v.trim())
    }

    fn required(&self, name: &'static str) -> Result<&str, Said> {
        self.get(name)
            .filter(|v| !v.is_empty())
            .ok_or_else(|| Text::IjwMissing.with(name))
    }

    fn date(&self, name: &'static str) -> Result<NaiveDate, Said> {
        self.required(name)?
            .parse()
            .map_err(|_| Text::IjwBadValue.with(name))
    }

    fn number(&self, name: &'static str) -> Result<Option<u64>, Said> {
        self.get(name)
            .filter(|v| !v.is_empty())
            .map(|v| v.parse().map_err(|_| Text::IjwBadValue.with(name)))
            .transpose()
    }

    fn status(&self) -> Result<Status, Said> {
        Status::of(self.required("StatusAanlevering")?)
            .ok_or_else(|| Text::IjwBadValue.with("StatusAanlevering"))
    }

    fn key(&self) -> Result<Key, Said> {
        let product = match (self.get("Categorie"), self.get("Code")) {
            (Some(categorie), code) => format!("{categorie}/{}", code.unwrap_or("")),
            (None, _) => String::new(),
        };
        Ok(Key {
            assignment: self.number("ToewijzingNummer")?,
            product,
            begin: self.date("Begindatum")?,
        })
    }
}

/// The names of the elements the counting needs, as `&'static str`.
const NAMES: [&str; 10] = [
    "Dagtekening",
    "Categorie",
    "Code",
    "ToewijzingNummer",
    "ReferentieAanbieder",
    "Toewijzingsdatum",
    "Begindatum",
    "Einddatum",
    "RedenBeeindiging",
    "StatusAanlevering",
];

/// What a message is before its records are built.
struct Head {
    standard: Standard,
    release: String,
    kind: Kind,
}

/// Reads one message; `None` for a message of a kind that is not counted.
pub fn message(bytes: &[u8]) -> Result<Option<Message>, Said> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text = std::str::from_utf8(bytes).map_err(|_| Said::from(Text::IjwNotUtf8))?;
    let not_xml = |_| Said::from(Text::IjwNotXml);
    let mut reader = quick_xml::Reader::from_str(text);
    reader.config_mut().trim_text(true);
    let mut path: Vec<&str> = Vec::new();
    let mut head: Option<Head> = None;
    let mut dated: Option<String> = None;
    let mut fields = Fields::default();
    let mut records: Vec<Fields> = Vec::new();
    // The text of the wanted element being read, if any.
    let mut reading: Option<(&'static str, String)> = None;
    loop {
        match reader.read_event().map_err(not_xml)? {
            Event::DocType(_) => return Err(Text::IjwDoctype.into()),
            Event::Empty(_) if head.is_none() => return Err(Text::IjwNotIstandaard.into()),
            Event::Start(element) if head.is_none() => {
                // The root: which message this is, from its namespace.
                if element.local_name().as_ref() != "Bericht" {
                    return Err(Text::IjwNotIstandaard.into());
                }
                let binding = match element.name().prefix() {
                    Some(prefix) => format!("xmlns:{}", prefix.as_ref()),
                    None => "xmlns".to_string(),
                };
                let mut uri = None;
                for attribute in element.attributes() {
                    let attribute = attribute.map_err(|_| Said::from(Text::IjwNotXml))?;
                    if attribute.key.as_ref() == binding {
                        uri = Some(
                            attribute
                                .normalized_value(quick_xml::XmlVersion::Implicit1_0)
                                .map_err(not_xml)?
                                .into_owned(),
                        );
                    }
                }
                let (standard, release, number) = uri
                    .as_deref()
                    .and_then(namespace)
                    .ok_or_else(|| Said::from(Text::IjwNotIstandaard))?;
                let Some(kind) = Kind::of(&number) else {
                    return Ok(None);
                };
                head = Some(Head {
                    standard,
                    release,
                    kind,
                });
                path.push("Bericht");
            }
            Event::Start(element) => {
                let Some(head) = &head else {
                    return Err(Text::IjwNotXml.into());
                };
                if path.len() >= MAX_DEPTH {
                    return Err(Text::IjwTooDeep.into());
                }
                let local = element.local_name();
                let name = local.as_ref();
                let parent = path.last().copied().unwrap_or("");
                let known = NAMES.iter().find(|n| **n == name).copied();
                reading = match known {
                    Some(known) if wanted(parent, name) => Some((known, String::new())),
                    _ => None,
                };
                if name == record_element(head.kind) {
                    fields = Fields::default();
                }
                path.push(intern(name));
            }
            Event::Empty(_) => {}
            Event::Text(content) => {
                if let Some((_, value)) = &mut reading {
                    value.push_str(&content.xml10_content());
                }
            }
            Event::CData(content) => {
                if let Some((_, value)) = &mut reading {
                    value.push_str(&content.xml10_content());
                }
            }
            Event::GeneralRef(reference) => {
                let Some(character) = entity(&reference) else {
                    return Err(Text::IjwEntity.into());
                };
                if let Some((_, value)) = &mut reading {
                    value.push(character);
                }
            }
            Event::End(element) => {
                let local = element.local_name();
                let name = local.as_ref();
                if let Some((field, value)) = reading.take() {
                    if field == "Dagtekening" {
                        dated = Some(value);
                    } else {
                        fields.0.push((field, value));
                    }
                }
                path.pop();
                if let Some(head) = &head {
                    if name == record_element(head.kind) {
                        records.push(std::mem::take(&mut fields));
                    }
                }
            }
            Event::Eof => break,
            Event::Decl(_) | Event::PI(_) | Event::Comment(_) => {}
        }
    }
    let Some(head) = head else {
        return Err(Text::IjwNotXml.into());
    };
    let dated: NaiveDate = dated
        .ok_or_else(|| Text::IjwMissing.with("Dagtekening"))?
        .trim()
        .parse()
        .map_err(|_| Text::IjwBadValue.with("Dagtekening"))?;
    let records = records
        .iter()
        .map(|fields| record(&head, dated, fields))
        .collect::<Result<Vec<_>, _>>()?;
    Ok(Some(Message {
        standard: head.standard,
        release: head.release,
        kind: head.kind,
        dated,
        records,
    }))
}

/// The element names kept on the path, as `&'static str`: the names that
/// matter are known; any other is just "something else".
fn intern(name: &str) -> &'static str {
    const STRUCTURE: [&str; 9] = [
        "Bericht",
        "Header",
        "BerichtIdentificatie",
        "Client",
        "Product",
        "AangevraagdProduct",
        "ToegewezenProduct",
        "StartProduct",
        "StopProduct",
    ];
    STRUCTURE
        .iter()
        .chain(NAMES.iter())
        .find(|n| **n == name)
        .copied()
        .unwrap_or("")
}

fn record(head: &Head, dated: NaiveDate, fields: &Fields) -> Result<Record, Said> {
    Ok(match head.kind {
        Kind::Request => Record::Request {
            reference: fields.required("ReferentieAanbieder")?.to_string(),
        },
        Kind::Assignment => Record::Assignment {
            number: fields
                .number("ToewijzingNummer")?
                .ok_or_else(|| Text::IjwMissing.with("ToewijzingNummer"))?,
            reference: fields
                .get("ReferentieAanbieder")
                .filter(|r| !r.is_empty())
                .map(str::to_string),
            assigned: fields.date("Toewijzingsdatum")?,
        },
        Kind::Start => Record::Start {
            key: fields.key()?,
            status: fields.status()?,
        },
        Kind::Stop => {
            let key = fields.key()?;
            let end = fields.date("Einddatum")?;
            if end < key.begin {
                return Err(Text::IjwEndBeforeBegin.into());
            }
            let code = fields.required("RedenBeeindiging")?;
            let ending = ending(head.standard, code, dated).ok_or_else(|| {
                Text::IjwUnknownReason
                    .with(code.chars().take(4).collect::<String>())
                    .with(head.standard.name())
            })?;
            Record::Stop {
                key,
                end,
                ending,
                status: fields.status()?,
            }
        }
    })
}

#[cfg(test)]
mod tests {
    use super::super::samples::Generator;
    use super::super::{count, Ending};
    use super::*;
    use proptest::prelude::*;
    use std::io::Write;

    fn refusal(bytes: &[u8]) -> Text {
        read(&[bytes.to_vec()]).unwrap_err().text
    }

    fn reason(bytes: &[u8]) -> Text {
        message(bytes).unwrap_err().text
    }

    fn zip_of(parts: &[(&str, &[u8])]) -> Vec<u8> {
        let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
        for (name, bytes) in parts {
            zip.start_file(*name, zip::write::SimpleFileOptions::default())
                .unwrap();
            zip.write_all(bytes).unwrap();
        }
        zip.finish().unwrap().into_inner()
    }

    #[test]
    fn generated_messages_read_back_and_count_to_their_answer() {
        for standard in [Standard::Jeugd, Standard::Wmo] {
            for seed in 0..10 {
                let (files, answer, clients) = Generator::new(standard, seed).files();
                let batch = read(&files).unwrap();
                assert_eq!(batch.messages.len(), files.len());
                let counted = count(&batch);
                assert_eq!(counted.months, answer.months, "{standard:?} {seed}");
                assert_eq!(counted.summary.deleted, answer.deleted);
                // Nothing personal came out of the parser.
                let kept = format!("{batch:?}");
                for client in &clients {
                    assert!(!kept.contains(&client.bsn));
                    assert!(!kept.contains(&client.surname));
                    assert!(!kept.contains(&client.postcode));
                }
                // The same messages in a zip, with a stray file.
                let names: Vec<String> = (0..files.len())
                    .map(|i| format!("bericht-{i}.xml"))
                    .collect();
                let mut parts: Vec<(&str, &[u8])> = names
                    .iter()
                    .zip(&files)
                    .map(|(n, f)| (n.as_str(), f.as_slice()))
                    .collect();
                parts.push(("leesmij.txt", b"hallo"));
                let zipped = read(&[zip_of(&parts)]).unwrap();
                assert_eq!(zipped.skipped, 1);
                assert_eq!(count(&zipped).months, answer.months);
            }
        }
    }

    const JW305: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<jw305:Bericht xmlns:ijw="http://www.istandaarden.nl/ijw/3_2/basisschema/schema" xmlns:jw305="http://www.istandaarden.nl/ijw/3_2/jw305/schema">
<jw305:Header><jw305:BerichtCode>438</jw305:BerichtCode><jw305:BerichtVersie>3</jw305:BerichtVersie><jw305:BerichtSubversie>2</jw305:BerichtSubversie>
<jw305:Afzender>65656055</jw305:Afzender><jw305:Ontvanger>0363</jw305:Ontvanger>
<jw305:BerichtIdentificatie><ijw:Identificatie>123456789012</ijw:Identificatie><ijw:Dagtekening>2026-04-15</ijw:Dagtekening></jw305:BerichtIdentificatie></jw305:Header>
<jw305:Client><jw305:Bsn>999900006</jw305:Bsn><jw305:Geboortedatum><ijw:Datum>2010-02-14</ijw:Datum></jw305:Geboortedatum><jw305:Geslacht>1</jw305:Geslacht>
<jw305:Naam><ijw:Geslachtsnaam><ijw:Achternaam>Wit &amp; Zn</ijw:Achternaam><ijw:Voorvoegsel>de</ijw:Voorvoegsel></ijw:Geslachtsnaam></jw305:Naam>
<jw305:StartProducten><jw305:StartProduct><jw305:ToewijzingNummer>300201</jw305:ToewijzingNummer>
<jw305:Product><ijw:Categorie>55</ijw:Categorie><ijw:Code>55A11</ijw:Code></jw305:Product>
<jw305:ToewijzingIngangsdatum>2026-04-01</jw305:ToewijzingIngangsdatum><jw305:Begindatum>2026-04-03</jw305:Begindatum>
<jw305:StatusAanlevering>1</jw305:StatusAanlevering></jw305:StartProduct></jw305:StartProducten></jw305:Client></jw305:Bericht>"#;

    #[test]
    fn a_start_message_reads_as_its_record() {
        let message = message(JW305.as_bytes()).unwrap().unwrap();
        assert_eq!(message.standard, Standard::Jeugd);
        assert_eq!(message.release, "3.2");
        assert_eq!(message.kind, Kind::Start);
        assert_eq!(message.dated, "2026-04-15".parse::<NaiveDate>().unwrap());
        assert_eq!(
            message.records,
            vec![Record::Start {
                key: Key {
                    assignment: Some(300201),
                    product: "55/55A11".into(),
                    begin: "2026-04-03".parse().unwrap(),
                },
                status: Status::Delivered,
            }]
        );
        // With a byte-order mark, and with the namespace as the default.
        let bom = [b"\xEF\xBB\xBF".as_slice(), JW305.as_bytes()].concat();
        assert!(message_is_read(&bom));
        let unprefixed = JW305
            .replace("jw305:", "")
            .replace("xmlns:jw305=", "xmlns=");
        assert!(message_is_read(unprefixed.as_bytes()));
    }

    fn message_is_read(bytes: &[u8]) -> bool {
        matches!(message(bytes), Ok(Some(_)))
    }

    #[test]
    fn the_reason_codes_are_the_standards_own() {
        let stop = |law: &str, m: &str, code: &str| {
            format!(
                r#"<{m}:Bericht xmlns:b="http://www.istandaarden.nl/{law}/3_2/basisschema/schema" xmlns:{m}="http://www.istandaarden.nl/{law}/3_2/{m}/schema"><{m}:Header><{m}:BerichtIdentificatie><b:Dagtekening>2026-03-01</b:Dagtekening></{m}:BerichtIdentificatie></{m}:Header><{m}:Client><{m}:StopProducten><{m}:StopProduct><{m}:ToewijzingNummer>1</{m}:ToewijzingNummer><{m}:Begindatum>2026-01-01</{m}:Begindatum><{m}:RedenBeeindiging>{code}</{m}:RedenBeeindiging><{m}:Einddatum>2026-02-01</{m}:Einddatum><{m}:StatusAanlevering>1</{m}:StatusAanlevering></{m}:StopProduct></{m}:StopProducten></{m}:Client></{m}:Bericht>"#
            )
        };
        let ending_of = |xml: String| match message(xml.as_bytes()).unwrap().unwrap().records[0] {
            Record::Stop { ending, .. } => ending,
            _ => panic!("a stop"),
        };
        assert_eq!(ending_of(stop("ijw", "jw307", "31")), Ending::AsPlanned);
        assert_eq!(
            ending_of(stop("iwmo", "wmo307", "31")),
            Ending::Administrative
        );
        assert_eq!(ending_of(stop("iwmo", "wmo307", "22")), Ending::Early);
        assert_eq!(
            reason(stop("ijw", "jw307", "19").as_bytes()),
            Text::IjwUnknownReason
        );
        assert_eq!(
            reason(stop("ijw", "jw307", "").as_bytes()),
            Text::IjwMissing
        );
    }

    #[test]
    fn other_messages_are_skipped_and_other_xml_refused() {
        let retour = JW305.replace("jw305/schema", "jw306/schema");
        assert_eq!(message(retour.as_bytes()).unwrap(), None);
        let old = JW305.replace("3_2/jw305", "2_1/jw305");
        assert_eq!(reason(old.as_bytes()), Text::IjwNotIstandaard);
        assert_eq!(
            reason(b"<html><body>hallo</body></html>"),
            Text::IjwNotIstandaard
        );
        let unclosed = JW305.replace("</jw305:Header>", "");
        assert_eq!(reason(unclosed.as_bytes()), Text::IjwNotXml);
        assert_eq!(reason(b"\xff\xfe<\x00a\x00"), Text::IjwNotUtf8);
        assert_eq!(refusal(retour.as_bytes()), Text::IjwNone);
        let wmo = JW305
            .replace("ijw/3_2/jw305", "iwmo/3_2/wmo305")
            .replace("jw305:", "wmo305:")
            .replace("xmlns:jw305", "xmlns:wmo305");
        let mixed = read(&[JW305.as_bytes().to_vec(), wmo.into_bytes()]);
        assert_eq!(mixed.unwrap_err().text, Text::IjwMixed);
        let broken = JW305.replace("2026-04-03", "2026-04-31");
        let refused = read(&[JW305.as_bytes().to_vec(), broken.into_bytes()]).unwrap_err();
        assert_eq!(refused.text, Text::IjwInFile);
        assert_eq!(refused.to_string(), refused.to_string());
    }

    #[test]
    fn malicious_xml_is_refused() {
        let laughs = r#"<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]><lolz>&lol2;</lolz>"#;
        assert_eq!(reason(laughs.as_bytes()), Text::IjwDoctype);
        let external = JW305.replace(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
            "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>",
        );
        assert_eq!(reason(external.as_bytes()), Text::IjwDoctype);
        let undefined = JW305.replace("Wit &amp; Zn", "&xxe;");
        assert_eq!(reason(undefined.as_bytes()), Text::IjwEntity);
        let deep = JW305.replace(
            "<jw305:Geslacht>1</jw305:Geslacht>",
            &format!("{}{}", "<x>".repeat(40), "</x>".repeat(40)),
        );
        assert_eq!(reason(deep.as_bytes()), Text::IjwTooDeep);
    }

    #[test]
    fn a_zip_bomb_is_not_unpacked() {
        use crate::import::file::MAX_UNPACKED_BYTES;
        let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
        zip.start_file(
            "bom.xml",
            zip::write::SimpleFileOptions::default()
                .compression_method(zip::CompressionMethod::Deflated),
        )
        .unwrap();
        let zeros = vec![b' '; 1 << 20];
        for _ in 0..=(MAX_UNPACKED_BYTES >> 20) {
            zip.write_all(&zeros).unwrap();
        }
        let bytes = zip.finish().unwrap().into_inner();
        assert!(bytes.len() < 1 << 20);
        assert_eq!(refusal(&bytes), Text::IjwUnpackedTooLarge);
        assert_eq!(refusal(b"PK\x03\x04 not a zip"), Text::IjwInFile);
    }

    proptest! {
        /// Random bytes, and random cuts and changes of a real message,
        /// never make the reader panic.
        #[test]
        fn random_input_never_panics(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
            let _ = read(std::slice::from_ref(&bytes));
            let mut zipped = b"PK\x03\x04".to_vec();
            zipped.extend(&bytes);
            let _ = read(&[zipped]);
        }

        #[test]
        fn damaged_messages_never_panic(cut in 0..JW305.len(), at in 0..JW305.len(), byte in any::<u8>()) {
            let mut bytes = JW305.as_bytes()[..cut].to_vec();
            if at < bytes.len() {
                bytes[at] = byte;
            }
            let _ = read(&[bytes]);
        }
    }
}
