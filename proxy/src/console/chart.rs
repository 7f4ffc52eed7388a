//! Charts as SVG, drawn on the server: no script, nothing fetched, readable
//! by screen readers (each chart has a title and a description, and the
//! page puts its numbers in a table beside it).

use std::fmt::Write as _;

/// A palette with at least 3:1 contrast against white for every series.
pub const PALETTE: [&str; 8] = [
    "#1f5fa8", "#b4461b", "#2e7d32", "#7b3fa0", "#a0760b", "#00737a", "#b0245a", "#4d5560",
];

/// The colour of a well-known series name, else by position.
pub fn color(name: &str, i: usize) -> &'static str {
    match name {
        "local" => "#2e7d32",
        "cloud" => "#1f5fa8",
        "pseudonymize" => "#a0760b",
        "block" => "#b0245a",
        _ => PALETTE[i % PALETTE.len()],
    }
}

fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// Rounds up to 1, 2 or 5 times a power of ten.
fn nice(max: f64) -> f64 {
    if max <= 0.0 {
        return 1.0;
    }
    let p = 10f64.powf(max.log10().floor());
    [1.0, 2.0, 5.0, 10.0]
        .iter()
        .map(|m| m * p)
        .find(|v| *v >= max)
        .unwrap_or(10.0 * p)
}

/// Stacked bars over time: `labels` on the x axis, one series per name.
pub fn stacked_bars(id: &str, title: &str, labels: &[String], series: &[(String, Vec<u64>)]) -> String {
    let (w, h, left, bottom, top) = (720.0, 240.0, 48.0, 36.0, 12.0);
    let n = labels.len().max(1);
    let totals: Vec<u64> = (0..n)
        .map(|i| series.iter().map(|(_, v)| v.get(i).copied().unwrap_or(0)).sum())
        .collect();
    let max = nice(totals.iter().copied().max().unwrap_or(0) as f64);
    let plot_w = w - left - 8.0;
    let plot_h = h - bottom - top;
    let slot = plot_w / n as f64;
    let bar = (slot * 0.8).max(1.0);
    let mut s = String::new();
    let _ = write!(
        s,
        r#"<svg class="chart" viewBox="0 0 {w} {h}" role="img" aria-labelledby="{id}-t {id}-d" xmlns="http://www.w3.org/2000/svg"><title id="{id}-t">{}</title><desc id="{id}-d">Stacked bars, {} periods, series: {}.</desc>"#,
        esc(title),
        labels.len(),
        esc(&series.iter().map(|(n, _)| n.as_str()).collect::<Vec<_>>().join(", "))
    );
    for k in 0..=4 {
        let v = max * f64::from(k) / 4.0;
        let y = top + plot_h - plot_h * f64::from(k) / 4.0;
        let _ = write!(
            s,
            r##"<line x1="{left}" x2="{}" y1="{y:.1}" y2="{y:.1}" stroke="#d0d4da" stroke-width="1"/><text x="{}" y="{:.1}" font-size="11" text-anchor="end" fill="#3d434b">{}</text>"##,
            w - 8.0,
            left - 4.0,
            y + 4.0,
            short(v)
        );
    }
    for i in 0..n {
        let x = left + slot * i as f64 + (slot - bar) / 2.0;
        let mut y = top + plot_h;
        for (si, (name, v)) in series.iter().enumerate() {
            let c = v.get(i).copied().unwrap_or(0);
            if c == 0 {
                continue;
            }
            let bh = plot_h * c as f64 / max;
            y -= bh;
            let _ = write!(
                s,
                r#"<rect x="{x:.1}" y="{y:.1}" width="{bar:.1}" height="{bh:.1}" fill="{}"><title>{}: {} {c}</title></rect>"#,
                color(name, si),
                esc(labels.get(i).map_or("", String::as_str)),
                esc(name)
            );
        }
    }
    // At most 8 x labels.
    let every = n.div_ceil(8).max(1);
    for (i, l) in labels.iter().enumerate().step_by(every) {
        let x = left + slot * i as f64 + slot / 2.0;
        let _ = write!(
            s,
            r##"<text x="{x:.1}" y="{}" font-size="11" text-anchor="middle" fill="#3d434b">{}</text>"##,
            h - bottom + 16.0,
            esc(l)
        );
    }
    s.push_str(&legend(series.iter().map(|(n, _)| n.as_str()), h - 6.0, left));
    s.push_str("</svg>");
    s
}

fn legend<'a>(names: impl Iterator<Item = &'a str>, y: f64, left: f64) -> String {
    let mut s = String::new();
    let mut x = left;
    for (i, n) in names.enumerate() {
        let _ = write!(
            s,
            r##"<rect x="{x:.1}" y="{:.1}" width="10" height="10" fill="{}"/><text x="{:.1}" y="{y:.1}" font-size="11" fill="#1c2026">{}</text>"##,
            y - 9.0,
            color(n, i),
            x + 14.0,
            esc(n)
        );
        x += 24.0 + 7.0 * n.len() as f64;
    }
    s
}

/// Horizontal bars, one per item, with the value written at its end.
pub fn hbars(id: &str, title: &str, items: &[(String, f64)], unit: &str) -> String {
    let row = 26.0;
    let (w, left) = (720.0, 180.0);
    let h = row * items.len().max(1) as f64 + 8.0;
    let max = nice(items.iter().map(|(_, v)| *v).fold(0.0, f64::max));
    let mut s = String::new();
    let _ = write!(
        s,
        r#"<svg class="chart" viewBox="0 0 {w} {h}" role="img" aria-labelledby="{id}-t {id}-d" xmlns="http://www.w3.org/2000/svg"><title id="{id}-t">{}</title><desc id="{id}-d">Horizontal bars: {}.</desc>"#,
        esc(title),
        esc(&items
            .iter()
            .map(|(n, v)| format!("{n} {}{unit}", short(*v)))
            .collect::<Vec<_>>()
            .join(", "))
    );
    if items.is_empty() {
        let _ = write!(
            s,
            r##"<text x="8" y="20" font-size="12" fill="#3d434b">nothing in this period</text>"##
        );
    }
    for (i, (name, v)) in items.iter().enumerate() {
        let y = 4.0 + row * i as f64;
        let bw = (w - left - 90.0) * v / max;
        let _ = write!(
            s,
            r##"<text x="{}" y="{:.1}" font-size="12" text-anchor="end" fill="#1c2026">{}</text><rect x="{left}" y="{y:.1}" width="{bw:.1}" height="{:.1}" fill="{}"/><text x="{:.1}" y="{:.1}" font-size="12" fill="#1c2026">{}{}</text>"##,
            left - 8.0,
            y + 15.0,
            esc(name),
            row - 8.0,
            color(name, i),
            left + bw + 6.0,
            y + 15.0,
            short(*v),
            esc(unit)
        );
    }
    s.push_str("</svg>");
    s
}

/// 1234 -> "1.2k"; small values keep their decimals.
pub fn short(v: f64) -> String {
    if v >= 1e6 {
        format!("{:.1}M", v / 1e6)
    } else if v >= 1e4 {
        format!("{:.0}k", v / 1e3)
    } else if v >= 1e3 {
        format!("{:.1}k", v / 1e3)
    } else if v == v.trunc() {
        format!("{v:.0}")
    } else if v >= 1.0 {
        format!("{v:.1}")
    } else {
        format!("{v:.4}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn charts_are_svg_with_titles_and_escaped_names() {
        let svg = stacked_bars(
            "c",
            "Requests",
            &["10:00".into(), "11:00".into()],
            &[("local".into(), vec![3, 0]), ("<cloud>".into(), vec![1, 2])],
        );
        assert!(svg.starts_with("<svg") && svg.ends_with("</svg>"));
        assert!(svg.contains("<title id=\"c-t\">Requests</title>"));
        assert!(svg.contains("&lt;cloud&gt;") && !svg.contains("<cloud>"));
        let h = hbars("h", "Categories", &[("PHI".into(), 12.0)], "");
        assert!(h.contains("PHI") && h.contains(">12<"));
        assert_eq!(nice(7.0), 10.0);
        assert_eq!(nice(0.0), 1.0);
        assert_eq!(short(1500.0), "1.5k");
    }
}
