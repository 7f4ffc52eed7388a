//! The audit report as a PDF: the same text as `cordon audit report`, laid
//! out on A4 pages in Courier (one of the PDF standard fonts, so nothing is
//! embedded and every reader shows it the same), with a running header that
//! names the period, when it was generated, and the page. Built with `lopdf`.

use lopdf::content::{Content, Operation};
use lopdf::{dictionary, Document, Object, Stream};

/// A4 in points.
const WIDTH: i64 = 595;
const HEIGHT: i64 = 842;
const MARGIN: i64 = 50;
const SIZE: i64 = 9;
const LEADING: i64 = 11;
/// Courier's advance is 600/1000 em: 5.4 pt at 9 pt, so 91 columns in 495 pt.
const COLUMNS: usize = ((WIDTH - 2 * MARGIN) * 1000 / (SIZE * 600)) as usize;
/// Lines of report per page, below the header's two.
const LINES: usize = ((HEIGHT - 2 * MARGIN) / LEADING) as usize - 3;

/// The report's lines, long ones wrapped (continuations indented), every
/// character outside printable ASCII written as `?`: the standard fonts'
/// encoding has no glyph for most of them.
fn lines(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for line in text.lines() {
        let clean: String = line
            .chars()
            .map(|c| if c == ' ' || c.is_ascii_graphic() { c } else { '?' })
            .collect();
        let mut rest = clean.as_str();
        let mut first = true;
        loop {
            let room = if first { COLUMNS } else { COLUMNS - 4 };
            // Break after the last space that fits, or mid-word if none does.
            let cut = if rest.len() <= room {
                rest.len()
            } else {
                rest[..=room].rfind(' ').filter(|&i| i > room / 2).unwrap_or(room)
            };
            let (head, tail) = rest.split_at(cut);
            out.push(if first { head.to_string() } else { format!("    {head}") });
            first = false;
            rest = tail.strip_prefix(' ').unwrap_or(tail);
            if rest.is_empty() {
                break;
            }
        }
    }
    out
}

/// `time`: when the report was generated (as in the report's own header);
/// `title`: the running header's first line.
pub fn report_pdf(text: &str, title: &str, time: &str) -> Result<Vec<u8>, String> {
    let mut doc = Document::with_version("1.7");
    let pages_id = doc.new_object_id();
    let font_id = doc.add_object(dictionary! {
        "Type" => "Font",
        "Subtype" => "Type1",
        "BaseFont" => "Courier",
        "Encoding" => "WinAnsiEncoding",
    });
    let bold_id = doc.add_object(dictionary! {
        "Type" => "Font",
        "Subtype" => "Type1",
        "BaseFont" => "Courier-Bold",
        "Encoding" => "WinAnsiEncoding",
    });
    let resources_id = doc.add_object(dictionary! {
        "Font" => dictionary! { "F1" => font_id, "F2" => bold_id },
    });
    let body = lines(text);
    let chunks: Vec<&[String]> = if body.is_empty() {
        vec![&[]]
    } else {
        body.chunks(LINES).collect()
    };
    let total = chunks.len();
    let mut kids = Vec::with_capacity(total);
    let header: String = lines(title).concat();
    for (n, chunk) in chunks.into_iter().enumerate() {
        let mut ops = vec![
            Operation::new("BT", vec![]),
            Operation::new("Tf", vec!["F2".into(), SIZE.into()]),
            Operation::new("TL", vec![LEADING.into()]),
            Operation::new("Td", vec![MARGIN.into(), (HEIGHT - MARGIN).into()]),
            Operation::new("Tj", vec![Object::string_literal(header.as_str())]),
            Operation::new("Tf", vec!["F1".into(), SIZE.into()]),
            Operation::new("T*", vec![]),
            Operation::new(
                "Tj",
                vec![Object::string_literal(format!(
                    "generated {time}, page {} of {total}",
                    n + 1
                ))],
            ),
            Operation::new("T*", vec![]),
        ];
        for line in chunk {
            ops.push(Operation::new("T*", vec![]));
            ops.push(Operation::new("Tj", vec![Object::string_literal(line.as_str())]));
        }
        ops.push(Operation::new("ET", vec![]));
        let content = Content { operations: ops }.encode().map_err(|e| e.to_string())?;
        let content_id = doc.add_object(Stream::new(dictionary! {}, content));
        kids.push(
            doc.add_object(dictionary! {
                "Type" => "Page",
                "Parent" => pages_id,
                "Contents" => content_id,
            })
            .into(),
        );
    }
    doc.objects.insert(
        pages_id,
        Object::Dictionary(dictionary! {
            "Type" => "Pages",
            "Kids" => kids,
            "Count" => total as i64,
            "Resources" => resources_id,
            "MediaBox" => vec![0.into(), 0.into(), WIDTH.into(), HEIGHT.into()],
        }),
    );
    let catalog_id = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
    doc.trailer.set("Root", catalog_id);
    let info_id = doc.add_object(dictionary! {
        "Title" => Object::string_literal(title),
        "Producer" => Object::string_literal(concat!("Cordon ", env!("CARGO_PKG_VERSION"))),
        "CreationDate" => Object::string_literal(pdf_date(time)),
    });
    doc.trailer.set("Info", info_id);
    doc.compress();
    let mut out = Vec::new();
    doc.save_to(&mut out).map_err(|e| e.to_string())?;
    Ok(out)
}

/// `2026-07-01T12:30:00.000Z` as a PDF date, `D:20260701123000Z`.
fn pdf_date(time: &str) -> String {
    let digits: String = time.chars().filter(char::is_ascii_digit).take(14).collect();
    format!("D:{digits}Z")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_wrap_between_words() {
        let words = "word ".repeat(40);
        let l = lines(words.trim_end());
        assert!(l.len() == 3, "{l:?}");
        assert!(
            l.iter()
                .all(|x| x.len() <= COLUMNS && x.trim_start().split(' ').all(|w| w == "word")),
            "{l:?}"
        );
    }

    #[test]
    fn long_lines_wrap_and_odd_characters_are_replaced() {
        let long = "x".repeat(COLUMNS * 2 + 5);
        let l = lines(&format!("short\n{long}\ncafé"));
        assert_eq!(l[0], "short");
        assert_eq!(l[1].len(), COLUMNS);
        assert!(l[2].starts_with("    ") && l[2].len() <= COLUMNS);
        assert_eq!(l.last().unwrap(), "caf?");
        assert_eq!(
            l.iter().map(|s| s.trim_start().len()).sum::<usize>(),
            5 + long.len() + 4
        );
    }

    #[test]
    fn a_report_reads_back_page_by_page() {
        let text: String = (0..150)
            .map(|i| format!("line {i} (with parentheses) \\ ok\n"))
            .collect();
        let pdf = report_pdf(&text, "Cordon audit report", "2026-07-01T12:30:00.000Z").unwrap();
        assert!(pdf.starts_with(b"%PDF-1.7"));
        let doc = Document::load_mem(&pdf).unwrap();
        let pages = doc.get_pages();
        assert_eq!(pages.len(), 150usize.div_ceil(LINES));
        let first = doc.extract_text(&[1]).unwrap();
        assert!(first.contains("Cordon audit report"), "{first}");
        assert!(first.contains(&format!("page 1 of {}", pages.len())), "{first}");
        assert!(first.contains("line 0 (with parentheses) \\ ok"), "{first}");
        let last = doc.extract_text(&[pages.len() as u32]).unwrap();
        assert!(last.contains("line 149"), "{last}");
        assert_eq!(pdf_date("2026-07-01T12:30:00.000Z"), "D:20260701123000Z");
    }
}
