//! An uploaded file as a `Table` of text cells: CSV (`;`, `,` or tab
//! separated; UTF-8 with or without BOM, or Windows-1252 as Excel writes
//! it) or the first sheet of an XLSX workbook. A file that is none of
//! these, or too big, gets one message and is read no further; nothing
//! here panics on any input (a property test throws random bytes at it).

use super::{Table, MAX_COLUMNS, MAX_FILE_BYTES, MAX_ROWS};
use crate::i18n::{Message, Text};
use std::io::{Cursor, Read};

/// What kind of file was read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Csv,
    Xlsx,
}

/// The most an XLSX workbook may hold unpacked. A "zip bomb" (a small
/// file unpacking to gigabytes) stops here: every part is unpacked into
/// nothing and counted before the workbook is read.
pub const MAX_UNPACKED_BYTES: u64 = 160 << 20;

/// Reads `bytes` as a CSV file or an XLSX workbook, by their content (a
/// file's name or type may lie).
pub fn read(bytes: &[u8]) -> Result<(Kind, Table), Message> {
    if bytes.len() > MAX_FILE_BYTES {
        return Err(Text::ImportTooLarge.with(MAX_FILE_BYTES >> 20));
    }
    let table = if bytes.starts_with(b"PK\x03\x04") {
        (Kind::Xlsx, xlsx(bytes)?)
    } else if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
        // The binary .xls of Excel 97–2003.
        return Err(Text::ImportOldExcel.into());
    } else {
        (Kind::Csv, csv(bytes)?)
    };
    let (kind, table) = table;
    if table.header.is_empty() {
        return Err(Text::ImportEmpty.into());
    }
    if table.header.len() > MAX_COLUMNS {
        return Err(Text::ImportTooManyColumns.with(MAX_COLUMNS));
    }
    Ok((kind, table))
}

/// The text of a CSV file: UTF-8 (its BOM dropped), else Windows-1252.
fn decoded(bytes: &[u8]) -> Result<std::borrow::Cow<'_, str>, Message> {
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        // Excel's "Unicode text": UTF-16.
        return Err(Text::ImportUtf16.into());
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if bytes.contains(&0) {
        return Err(Text::ImportNotSpreadsheet.into());
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(std::borrow::Cow::Borrowed(text)),
        Err(_) => Ok(encoding_rs::WINDOWS_1252
            .decode_without_bom_handling(bytes)
            .0),
    }
}

/// The separator of a CSV file: whichever of `;`, `,` and tab its first
/// non-empty line holds most of outside quotes (Dutch Excel writes `;`).
fn separator(text: &str) -> u8 {
    let first = text
        .lines()
        .find(|line| !line.trim().is_empty())
        .unwrap_or("");
    let mut counts = [(b';', 0usize), (b',', 0), (b'\t', 0)];
    let mut quoted = false;
    for byte in first.bytes() {
        if byte == b'"' {
            quoted = !quoted;
        } else if !quoted {
            for (separator, count) in &mut counts {
                if byte == *separator {
                    *count += 1;
                }
            }
        }
    }
    counts
        .iter()
        .max_by_key(|(_, count)| *count)
        .filter(|(_, count)| *count > 0)
        .map_or(b',', |(separator, _)| *separator)
}

fn csv(bytes: &[u8]) -> Result<Table, Message> {
    let text = decoded(bytes)?;
    let mut reader = ::csv::ReaderBuilder::new()
        .delimiter(separator(&text))
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut table = Table::default();
    let mut record = ::csv::StringRecord::new();
    // Line numbers as a spreadsheet shows them, counted up to where each
    // record starts: the reader's position is where it began looking, so
    // the line breaks (and blank lines) before the record are skipped.
    let (mut counted_to, mut line) = (0usize, 1usize);
    let mut line_at = |byte: usize| {
        let mut byte = byte.min(text.len());
        while text
            .as_bytes()
            .get(byte)
            .is_some_and(|b| *b == b'\r' || *b == b'\n')
        {
            byte += 1;
        }
        if byte > counted_to {
            // A line ends at \n, \r\n or (old Macs) a lone \r.
            let bytes = text.as_bytes();
            line += (counted_to..byte)
                .filter(|&i| {
                    bytes[i] == b'\n' || (bytes[i] == b'\r' && bytes.get(i + 1) != Some(&b'\n'))
                })
                .count();
            counted_to = byte;
        }
        line
    };
    loop {
        let start = reader.position().byte() as usize;
        match reader.read_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {}
            Err(_) => return Err(Text::ImportUnreadableCsv.with(line_at(start))),
        }
        let start = record.position().map_or(start, |p| p.byte() as usize);
        // No figure holds a line break: one in a cell is a quote left open,
        // which swallowed the lines after it.
        if record.iter().any(|cell| cell.contains(['\n', '\r'])) {
            return Err(Text::ImportUnreadableCsv.with(line_at(start)));
        }
        push_row(
            &mut table,
            line_at(start),
            record.iter().map(str::to_string).collect(),
        )?;
    }
    Ok(table)
}

/// Adds a row read at `line`: the first non-empty row is the header;
/// empty rows are skipped.
fn push_row(table: &mut Table, line: usize, mut cells: Vec<String>) -> Result<(), Message> {
    while cells.last().is_some_and(|c| c.trim().is_empty()) {
        cells.pop();
    }
    if cells.is_empty() {
        return Ok(());
    }
    if cells.len() > MAX_COLUMNS {
        return Err(Text::ImportTooManyColumns.with(MAX_COLUMNS));
    }
    if table.header.is_empty() {
        table.header = cells;
        table.header_line = line;
    } else {
        if table.rows.len() >= MAX_ROWS {
            return Err(Text::ImportTooManyRows.with(MAX_ROWS));
        }
        table.rows.push((line, cells));
    }
    Ok(())
}

/// Unpacks every part of the zip into nothing, counting, so a workbook
/// that would unpack to more than `MAX_UNPACKED_BYTES` is never read.
fn unpacked_size_is_safe(bytes: &[u8]) -> Result<(), Message> {
    let mut archive =
        zip::ZipArchive::new(Cursor::new(bytes)).map_err(|_| Text::ImportNotSpreadsheet)?;
    let mut total: u64 = 0;
    for index in 0..archive.len() {
        let part = archive
            .by_index(index)
            .map_err(|_| Text::ImportNotSpreadsheet)?;
        let left = MAX_UNPACKED_BYTES - total;
        let read = std::io::copy(&mut part.take(left + 1), &mut std::io::sink())
            .map_err(|_| Text::ImportNotSpreadsheet)?;
        total += read;
        if total > MAX_UNPACKED_BYTES {
            return Err(Text::ImportUnpackedTooLarge.with(MAX_UNPACKED_BYTES >> 20));
        }
    }
    Ok(())
}

fn xlsx(bytes: &[u8]) -> Result<Table, Message> {
    use calamine::{DataRef, Reader, Xlsx};
    use std::collections::BTreeMap;
    unpacked_size_is_safe(bytes)?;
    let unreadable = |_| Message::from(Text::ImportNotSpreadsheet);
    let mut workbook: Xlsx<_> = Reader::new(Cursor::new(bytes)).map_err(unreadable)?;
    let sheet = workbook
        .sheet_names()
        .first()
        .cloned()
        .ok_or(Text::ImportEmpty)?;
    let merged = workbook
        .merge_cells_by_sheet_name(&sheet)
        .map_err(unreadable)?;
    if let Some(merged) = merged.first() {
        return Err(Text::ImportMergedCells.with(format!(
            "{}:{}",
            cell_name(merged.start),
            cell_name(merged.end)
        )));
    }
    // Cell by cell, never as one rectangle: a sheet with one cell in A1 and
    // one in XFD1048576 would be a rectangle of 17 billion cells.
    let mut cells = workbook
        .worksheet_cells_reader(&sheet)
        .map_err(unreadable)?;
    let mut rows: BTreeMap<u32, Vec<(u32, String)>> = BTreeMap::new();
    while let Some(cell) = cells.next_cell_with_formula().map_err(unreadable)? {
        let (row, column) = cell.pos;
        // A formula is read as the formula, so the row is refused with the
        // formula's own message instead of taking whatever value it last had.
        let text = match cell.formula {
            Some(formula) if !formula.is_empty() => format!("={formula}"),
            _ => match cell.value {
                DataRef::Empty => String::new(),
                DataRef::String(s) | DataRef::DurationIso(s) => s,
                DataRef::DateTimeIso(s) => s.get(..7).unwrap_or(&s).to_string(),
                DataRef::SharedString(s) => s.to_string(),
                DataRef::Int(n) => n.to_string(),
                DataRef::Float(x) => number(x),
                DataRef::Bool(b) => b.to_string(),
                DataRef::DateTime(d) => month_of_serial(d.as_f64()),
                DataRef::Error(_) => "#FOUT".to_string(),
            },
        };
        if text.trim().is_empty() {
            continue;
        }
        if column as usize >= MAX_COLUMNS {
            return Err(Text::ImportTooManyColumns.with(MAX_COLUMNS));
        }
        let cells_of_row = rows.entry(row).or_default();
        cells_of_row.push((column, text));
        if rows.len() > MAX_ROWS + 1 {
            return Err(Text::ImportTooManyRows.with(MAX_ROWS));
        }
    }
    let mut table = Table::default();
    for (row, cells) in rows {
        let width = cells
            .iter()
            .map(|(c, _)| *c as usize + 1)
            .max()
            .unwrap_or(0);
        let mut dense = vec![String::new(); width];
        for (column, text) in cells {
            dense[column as usize] = text;
        }
        push_row(&mut table, row as usize + 1, dense)?;
    }
    Ok(table)
}

/// A number as the form accepts it: whole numbers without a fraction.
fn number(x: f64) -> String {
    if x.fract() == 0.0 && x.abs() < 1e15 {
        format!("{}", x as i64)
    } else {
        format!("{x}")
    }
}

/// The month ("2026-01") of a spreadsheet date: a typed "jan-2026"
/// becomes a date in Excel. Serial day 1 is 1900-01-01, and Excel counts
/// a 29 February 1900 that never was, so days count from 1899-12-30.
fn month_of_serial(serial: f64) -> String {
    let epoch = chrono::NaiveDate::from_ymd_opt(1899, 12, 30).expect("a real date");
    // Excel's dates end on 31 December 9999 (serial 2,958,465).
    (1.0..2_958_466.0)
        .contains(&serial)
        .then(|| epoch.checked_add_days(chrono::Days::new(serial.floor() as u64)))
        .flatten()
        .map_or_else(|| "#FOUT".to_string(), |d| d.format("%Y-%m").to_string())
}

/// "B3" for (row 2, column 1), zero-based.
fn cell_name((row, column): (u32, u32)) -> String {
    let mut letters = String::new();
    let mut n = column + 1;
    while n > 0 {
        let rest = (n - 1) % 26;
        letters.insert(0, char::from(b'A' + rest as u8));
        n = (n - 1) / 26;
    }
    format!("{letters}{}", row + 1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn rows(table: &Table) -> Vec<Vec<&str>> {
        table
            .rows
            .iter()
            .map(|(_, r)| r.iter().map(String::as_str).collect())
            .collect()
    }

    #[test]
    fn dutch_excel_csv_with_semicolons_and_a_bom() {
        let file = "\u{feff}Maand;Gestart\r\n2026-01;12\r\n\r\n2026-02;\"9\"\r\n";
        let (kind, table) = read(file.as_bytes()).unwrap();
        assert_eq!(kind, Kind::Csv);
        assert_eq!(table.header, ["Maand", "Gestart"]);
        assert_eq!(table.header_line, 1);
        assert_eq!(rows(&table), [["2026-01", "12"], ["2026-02", "9"]]);
        assert_eq!(table.rows[1].0, 4, "the empty line still counts");
        // Excel for Mac's "CSV (Macintosh)": lines end in a lone CR.
        let (_, table) = read(b"Maand;Gestart\r2026-01;12\r\r2026-02;9\r").unwrap();
        let lines: Vec<usize> = table.rows.iter().map(|(line, _)| *line).collect();
        assert_eq!(lines, [2, 4]);
    }

    #[test]
    fn commas_and_tabs_and_quoted_separators() {
        let (_, table) = read(b"\"Maand;x\",Gestart\n2026-01,\"1,5\"\n").unwrap();
        assert_eq!(table.header, ["Maand;x", "Gestart"]);
        assert_eq!(rows(&table), [["2026-01", "1,5"]]);
        let (_, table) = read(b"Maand\tGestart\n2026-01\t3\n").unwrap();
        assert_eq!(rows(&table), [["2026-01", "3"]]);
    }

    #[test]
    fn windows_1252_as_excel_writes_it() {
        // "Reacties cliënten" with ë as the single byte 0xEB.
        let (_, table) = read(b"Maand;Reacties cli\xEBnten\n2026-01;4\n").unwrap();
        assert_eq!(table.header[1], "Reacties cliënten");
    }

    #[test]
    fn files_that_are_no_spreadsheet_get_one_message() {
        assert_eq!(read(b"").unwrap_err().text, Text::ImportEmpty);
        assert_eq!(read(b"\r\n;;\r\n").unwrap_err().text, Text::ImportEmpty);
        assert_eq!(
            read(b"\x7fELF\x02\x01\x01\0\0\0").unwrap_err().text,
            Text::ImportNotSpreadsheet
        );
        assert_eq!(read(b"\xFF\xFEM\0a\0").unwrap_err().text, Text::ImportUtf16);
        assert_eq!(
            read(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1]).unwrap_err().text,
            Text::ImportOldExcel
        );
        assert_eq!(
            read(b"PK\x03\x04 not really a zip").unwrap_err().text,
            Text::ImportNotSpreadsheet
        );
        assert_eq!(
            read(b"a,b\n\"open quote\n").unwrap_err().text,
            Text::ImportUnreadableCsv
        );
        let big = vec![b'a'; MAX_FILE_BYTES + 1];
        assert_eq!(read(&big).unwrap_err().text, Text::ImportTooLarge);
    }

    #[test]
    fn limits_on_rows_and_columns() {
        let wide = vec!["x"; MAX_COLUMNS + 1].join(";");
        assert_eq!(
            read(wide.as_bytes()).unwrap_err().text,
            Text::ImportTooManyColumns
        );
        let mut long = String::from("Maand\n");
        for _ in 0..=MAX_ROWS {
            long.push_str("2026-01\n");
        }
        assert_eq!(
            read(long.as_bytes()).unwrap_err().text,
            Text::ImportTooManyRows
        );
    }

    #[test]
    fn a_zip_bomb_is_not_unpacked() {
        use std::io::Write;
        let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
        zip.start_file(
            "xl/worksheets/sheet1.xml",
            zip::write::SimpleFileOptions::default(),
        )
        .unwrap();
        let zeros = vec![0u8; 1 << 20];
        for _ in 0..=(MAX_UNPACKED_BYTES >> 20) {
            zip.write_all(&zeros).unwrap();
        }
        let bytes = zip.finish().unwrap().into_inner();
        assert!(bytes.len() < 1 << 20, "it compresses well");
        assert_eq!(read(&bytes).unwrap_err().text, Text::ImportUnpackedTooLarge);
    }

    #[test]
    fn spreadsheet_dates_become_months_and_cells_get_names() {
        assert_eq!(month_of_serial(46023.0), "2026-01");
        assert_eq!(month_of_serial(f64::NAN), "#FOUT");
        assert_eq!(month_of_serial(1e300), "#FOUT");
        assert_eq!(cell_name((0, 0)), "A1");
        assert_eq!(cell_name((2, 27)), "AB3");
        assert_eq!(number(12.0), "12");
        assert_eq!(number(9.5), "9.5");
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]

        /// Any bytes at all: a table or a message, never a panic.
        #[test]
        fn random_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..600)) {
            let _ = read(&bytes);
        }

        /// Random bytes behind a zip's magic number reach the zip and
        /// workbook readers.
        #[test]
        fn random_zips_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..600)) {
            let mut file = b"PK\x03\x04".to_vec();
            file.extend(bytes);
            let _ = read(&file);
        }

        /// Text cells survive the trip through a CSV file.
        #[test]
        fn csv_cells_round_trip(cells in proptest::collection::vec("[a-z0-9 ,;\"]{1,8}", 1..6)) {
            let mut writer = ::csv::WriterBuilder::new()
                .delimiter(b';')
                .flexible(true)
                .from_writer(Vec::new());
            let header: Vec<&str> = std::iter::once("Maand")
                .chain(std::iter::repeat_n("x", cells.len().max(2) - 1))
                .collect();
            writer.write_record(&header).unwrap();
            writer.write_record(&cells).unwrap();
            let bytes = writer.into_inner().unwrap();
            let (_, table) = read(&bytes).unwrap();
            let mut expected = cells.clone();
            while expected.last().is_some_and(|c| c.trim().is_empty()) {
                expected.pop();
            }
            if expected.is_empty() {
                prop_assert!(table.rows.is_empty());
            } else {
                prop_assert_eq!(&table.rows[0].1, &expected);
            }
        }
    }
}
