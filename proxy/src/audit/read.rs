//! Reading the trail: every entry in order, filters for `query`, and the
//! aggregates behind `stats` and `report`.

//!
//! Every reader of segment files goes through the functions here, which
//! read a plain segment (`audit-000007.jsonl`, the open one, or one from
//! before sealing) and a sealed one (`audit-000007.jsonl.zst`, see
//! [`super::seal`]) alike, by offsets into the plain bytes: an offset taken
//! while a segment was plain still points at the same line once it is sealed.

use std::collections::BTreeMap;
use std::fs::File;
use std::io::{BufRead, Read, Seek, SeekFrom};
use std::path::{Path, PathBuf};

use super::seal::{self, Table};
use super::writer::segments;
use super::{AuditError, Body, DecisionRecord, Entry, OutcomeRecord};

fn io_err(path: &Path) -> impl Fn(std::io::Error) -> AuditError + '_ {
    move |e| AuditError::Io(format!("{}: {e}", path.display()))
}

/// Segment `index` of the trail in `dir`, plain or sealed; `None` when
/// neither exists (not created yet, or removed by retention). The plain
/// name is looked at first: the sealed file gets its name before the plain
/// one goes, so a segment being sealed is always found (and [`open`] takes
/// the sealed one if the plain one went in between).
pub fn segment_path(dir: &Path, index: u32) -> Option<PathBuf> {
    let plain = dir.join(super::segment_name(index));
    let sealed = seal::sealed_path(&plain);
    [plain, sealed].into_iter().find(|p| p.exists())
}

/// Opens a segment listed as `path`; a plain one sealed since it was
/// listed (the sealed file gets its name before the plain one goes) is
/// opened sealed. Returns the path opened.
fn open(path: &Path) -> Result<(PathBuf, File), AuditError> {
    match File::open(path) {
        Ok(f) => Ok((path.to_path_buf(), f)),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound && !seal::is_sealed(path) => {
            let sealed = seal::sealed_path(path);
            let f = File::open(&sealed).map_err(|_| io_err(path)(e))?;
            Ok((sealed, f))
        }
        Err(e) => Err(io_err(path)(e)),
    }
}

/// All of an open plain file.
fn read_all(path: &Path, mut f: File) -> Result<Vec<u8>, AuditError> {
    let mut out = Vec::new();
    f.read_to_end(&mut out).map_err(io_err(path))?;
    Ok(out)
}

/// The whole (decompressed) bytes of a segment.
pub fn segment_bytes(path: &Path) -> Result<Vec<u8>, AuditError> {
    let (path, mut f) = open(path)?;
    let path = path.as_path();
    if !seal::is_sealed(path) {
        return read_all(path, f);
    }
    let t = seal::table(path, &mut f)?;
    let mut out = Vec::with_capacity(usize::try_from(t.len).unwrap_or(0));
    for i in 0..t.frames.len() {
        out.extend_from_slice(&seal::frame(path, &mut f, &t, i)?);
    }
    Ok(out)
}

/// A segment's bytes as far as they read: for a sealed segment with a
/// frame that does not decompress (altered or damaged), the frames before
/// it and what is wrong (for `verify`, which checks those lines and names
/// the first record it cannot read).
pub fn segment_bytes_checked(path: &Path) -> Result<(Vec<u8>, Option<String>), AuditError> {
    let (path, mut f) = open(path)?;
    let path = path.as_path();
    if !seal::is_sealed(path) {
        return Ok((read_all(path, f)?, None));
    }
    let t = match seal::table(path, &mut f) {
        Ok(t) => t,
        Err(AuditError::Corrupt(why)) => return Ok((Vec::new(), Some(why))),
        Err(e) => return Err(e),
    };
    let mut out = Vec::with_capacity(usize::try_from(t.len).unwrap_or(0));
    for i in 0..t.frames.len() {
        match seal::frame(path, &mut f, &t, i) {
            Ok(b) => out.extend_from_slice(&b),
            Err(AuditError::Corrupt(why)) => return Ok((out, Some(why))),
            Err(e) => return Err(e),
        }
    }
    Ok((out, None))
}

/// A segment's length in plain bytes (a sealed one's from its seek table).
pub fn segment_len(path: &Path) -> Result<u64, AuditError> {
    let (path, mut f) = open(path)?;
    let path = path.as_path();
    if !seal::is_sealed(path) {
        return f.metadata().map(|m| m.len()).map_err(io_err(path));
    }
    Ok(seal::table(path, &mut f)?.len)
}

/// A segment's bytes from plain offset `from` to its end, read as a stream
/// (a sealed segment is decompressed a frame at a time).
pub fn segment_reader(path: &Path, from: u64) -> Result<Box<dyn BufRead + Send>, AuditError> {
    let (path, mut f) = open(path)?;
    let path = path.as_path();
    if !seal::is_sealed(path) {
        f.seek(SeekFrom::Start(from)).map_err(io_err(path))?;
        return Ok(Box::new(std::io::BufReader::with_capacity(1 << 20, f)));
    }
    let table = seal::table(path, &mut f)?;
    let next = table.frame_at(from);
    let skip = table.frames.get(next).map_or(0, |fr| from.saturating_sub(fr.u_off));
    let mut r = SealedReader {
        path: path.to_path_buf(),
        file: f,
        table,
        next,
        buf: Vec::new(),
        pos: 0,
    };
    r.fill_buf().map_err(io_err(path))?;
    r.pos = usize::try_from(skip).unwrap_or(usize::MAX).min(r.buf.len());
    Ok(Box::new(r))
}

/// Decompresses a sealed segment frame by frame.
struct SealedReader {
    path: PathBuf,
    file: File,
    table: Table,
    next: usize,
    buf: Vec<u8>,
    pos: usize,
}

impl Read for SealedReader {
    fn read(&mut self, out: &mut [u8]) -> std::io::Result<usize> {
        let avail = self.fill_buf()?;
        let n = avail.len().min(out.len());
        out[..n].copy_from_slice(&avail[..n]);
        self.consume(n);
        Ok(n)
    }
}

impl BufRead for SealedReader {
    fn fill_buf(&mut self) -> std::io::Result<&[u8]> {
        if self.pos >= self.buf.len() && self.next < self.table.frames.len() {
            self.buf = seal::frame(&self.path, &mut self.file, &self.table, self.next)
                .map_err(|e| std::io::Error::other(e.to_string()))?;
            self.pos = 0;
            self.next += 1;
        }
        Ok(&self.buf[self.pos.min(self.buf.len())..])
    }

    fn consume(&mut self, n: usize) {
        self.pos += n;
    }
}

/// The first complete line of a segment, plain or sealed.
pub fn first_line(path: &Path) -> Option<Vec<u8>> {
    let mut r = segment_reader(path, 0).ok()?;
    let mut line = Vec::new();
    r.read_until(b'\n', &mut line).ok()?;
    line.strip_suffix(b"\n").map(<[u8]>::to_vec)
}

/// One segment open for reading lines at known offsets (the console reads
/// records back this way): a sealed segment decompresses only the frame
/// holding the line, and keeps the last one.
pub struct SegmentFile {
    path: PathBuf,
    file: File,
    table: Option<Table>,
    cached: Option<(usize, Vec<u8>)>,
}

impl SegmentFile {
    pub fn open(path: &Path) -> Result<SegmentFile, AuditError> {
        let (path, mut file) = open(path)?;
        let table = if seal::is_sealed(&path) {
            Some(seal::table(&path, &mut file)?)
        } else {
            None
        };
        Ok(SegmentFile {
            path,
            file,
            table,
            cached: None,
        })
    }

    /// Segment `index` of the trail in `dir`, sealed or plain.
    pub fn open_index(dir: &Path, index: u32) -> Option<SegmentFile> {
        SegmentFile::open(&segment_path(dir, index)?).ok()
    }

    /// The `len` bytes at plain offset `offset`.
    pub fn read_at(&mut self, offset: u64, len: usize) -> Option<Vec<u8>> {
        let Some(t) = &self.table else {
            self.file.seek(SeekFrom::Start(offset)).ok()?;
            let mut buf = vec![0u8; len];
            self.file.read_exact(&mut buf).ok()?;
            return Some(buf);
        };
        let i = t.frame_at(offset);
        let fr = *t.frames.get(i)?;
        if self.cached.as_ref().is_none_or(|(c, _)| *c != i) {
            let bytes = seal::frame(&self.path, &mut self.file, t, i).ok()?;
            self.cached = Some((i, bytes));
        }
        let (_, bytes) = self.cached.as_ref()?;
        let start = usize::try_from(offset - fr.u_off).ok()?;
        // Lines never span frames: a frame ends at a newline.
        bytes.get(start..start.checked_add(len)?).map(<[u8]>::to_vec)
    }
}

/// Calls `f` for every parseable entry of the trail, oldest first.
pub fn for_each(dir: &Path, mut f: impl FnMut(&Entry)) -> Result<(), AuditError> {
    for (_, path) in segments(dir)? {
        let bytes = segment_bytes(&path)?;
        for line in bytes.split(|&b| b == b'\n').filter(|l| !l.is_empty()) {
            if let Ok(e) = serde_json::from_slice::<Entry>(line) {
                f(&e);
            }
        }
    }
    Ok(())
}

/// What `query`, `export`, `stats` and `report` select on. Empty fields match all.
#[derive(Debug, Default, Clone)]
pub struct Filter {
    pub from_ms: Option<u64>,
    pub to_ms: Option<u64>,
    pub tenant: Option<String>,
    pub client: Option<String>,
    pub route: Option<String>,
    pub zone: Option<String>,
    pub action: Option<String>,
    pub rule: Option<String>,
    pub entity: Option<String>,
    pub decision_id: Option<String>,
    /// A keyed fingerprint (computed from `--subject`).
    pub fingerprint: Option<String>,
}

fn eq(want: &Option<String>, have: Option<&str>) -> bool {
    want.as_deref().is_none_or(|w| have == Some(w))
}

impl Filter {
    pub fn matches(&self, ts_ms: u64, d: &DecisionRecord) -> bool {
        self.from_ms.is_none_or(|f| ts_ms >= f)
            && self.to_ms.is_none_or(|t| ts_ms < t)
            && eq(&self.tenant, d.tenant.as_deref())
            && eq(&self.client, d.client.as_deref())
            && eq(&self.route, Some(&d.route))
            && eq(&self.zone, Some(&d.zone))
            && eq(&self.action, Some(&d.action))
            && eq(&self.rule, Some(&d.rule))
            && eq(&self.decision_id, Some(&d.id))
            && self.entity.as_ref().is_none_or(|e| d.entities.contains_key(e))
            && self.fingerprint.as_ref().is_none_or(|f| d.fingerprints.contains(f))
    }
}

/// A decision with its outcome, when one was recorded.
#[derive(Debug, Clone)]
pub struct Row {
    pub seq: u64,
    pub ts_ms: u64,
    pub decision: DecisionRecord,
    pub outcome: Option<OutcomeRecord>,
}

/// The decisions matching `filter`, each joined with its outcome.
pub fn rows(dir: &Path, filter: &Filter) -> Result<Vec<Row>, AuditError> {
    let mut rows: Vec<Row> = Vec::new();
    let mut index: BTreeMap<String, usize> = BTreeMap::new();
    for_each(dir, |e| match &e.body {
        Body::Decision(d) if filter.matches(e.ts_ms, d) => {
            index.insert(d.id.clone(), rows.len());
            rows.push(Row {
                seq: e.seq,
                ts_ms: e.ts_ms,
                decision: d.as_ref().clone(),
                outcome: None,
            });
        }
        Body::Outcome(o) => {
            if let Some(&i) = index.get(&o.decision_id) {
                rows[i].outcome = Some(o.clone());
            }
        }
        _ => {}
    })?;
    Ok(rows)
}

/// Counts by key, for `stats`.
#[derive(Debug, Default)]
pub struct Stats {
    pub requests: u64,
    pub by_zone: BTreeMap<String, u64>,
    pub by_route: BTreeMap<String, u64>,
    pub by_action: BTreeMap<String, u64>,
    pub by_rule: BTreeMap<String, u64>,
    pub by_entity: BTreeMap<String, u64>,
    pub by_category: BTreeMap<String, u64>,
    pub by_upstream: BTreeMap<String, u64>,
    pub by_status: BTreeMap<u16, u64>,
    pub cost_usd: f64,
}

pub fn stats(rows: &[Row]) -> Stats {
    let mut s = Stats::default();
    for r in rows {
        let d = &r.decision;
        s.requests += 1;
        *s.by_zone.entry(d.zone.clone()).or_default() += 1;
        *s.by_route.entry(d.route.clone()).or_default() += 1;
        *s.by_action.entry(d.action.clone()).or_default() += 1;
        *s.by_rule.entry(d.rule.clone()).or_default() += 1;
        for (k, n) in &d.entities {
            *s.by_entity.entry(k.clone()).or_default() += u64::from(*n);
        }
        for (k, n) in &d.categories {
            *s.by_category.entry(k.clone()).or_default() += u64::from(*n);
        }
        if let Some(o) = &r.outcome {
            *s.by_upstream
                .entry(o.upstream.clone().unwrap_or_else(|| "(none)".into()))
                .or_default() += 1;
            *s.by_status.entry(o.status).or_default() += 1;
            s.cost_usd += o.cost_usd.unwrap_or(0.0);
        }
    }
    s
}

/// Parses a UTC time: `YYYY-MM-DD`, `YYYY-MM-DDTHH:MM[:SS[.mmm]][Z]` (what
/// a browser's date-time field sends), or unix milliseconds. Strict: every
/// field its exact width in digits, nothing left over, years 1970 to 9999.
pub fn parse_time(text: &str) -> Option<u64> {
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if digits(text) && text.len() <= 15 {
        return text.parse().ok();
    }
    let num = |s: &str, width: usize| -> Option<i64> { (s.len() == width && digits(s)).then(|| s.parse().ok())? };
    let text = text.strip_suffix('Z').unwrap_or(text);
    let (date, time) = match text.split_once('T') {
        Some((d, t)) => (d, Some(t)),
        None => (text, None),
    };
    let mut d = date.split('-');
    let (y, m, day) = (num(d.next()?, 4)?, num(d.next()?, 2)?, num(d.next()?, 2)?);
    if d.next().is_some() {
        return None;
    }
    let (mut hh, mut mm, mut ss, mut milli) = (0, 0, 0, 0);
    if let Some(t) = time {
        let (hms, frac) = match t.split_once('.') {
            Some((a, f)) => (a, Some(f)),
            None => (t, None),
        };
        let mut p = hms.split(':');
        hh = num(p.next()?, 2)?;
        mm = num(p.next()?, 2)?;
        match (p.next(), frac) {
            (Some(s), _) => ss = num(s, 2)?,
            (None, Some(_)) => return None,
            (None, None) => {}
        }
        if p.next().is_some() {
            return None;
        }
        if let Some(f) = frac {
            milli = num(f, f.len()).filter(|_| f.len() <= 3)? * 10_i64.pow(3 - f.len() as u32);
        }
    }
    if !(1970..=9999).contains(&y)
        || !(1..=12).contains(&m)
        || !(1..=31).contains(&day)
        || !(0..24).contains(&hh)
        || !(0..60).contains(&mm)
        || !(0..61).contains(&ss)
    {
        return None;
    }
    let days = days_from_civil(y, m, day);
    u64::try_from((((days * 24 + hh) * 60 + mm) * 60 + ss) * 1000 + milli).ok()
}

/// Days since 1970-01-01 (Howard Hinnant's civil algorithm).
fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = if y >= 0 { y } else { y - 399 } / 400;
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// `YYYY-MM-DDTHH:MM:SS.mmmZ` for a unix-millisecond time.
pub fn format_time(ms: u64) -> String {
    let secs = (ms / 1000) as i64;
    let (days, rem) = (secs.div_euclid(86_400), secs.rem_euclid(86_400));
    // Inverse of days_from_civil.
    let z = days + 719_468;
    let era = if z >= 0 { z } else { z - 146_096 } / 146_097;
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!(
        "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}.{:03}Z",
        rem / 3600,
        rem % 3600 / 60,
        rem % 60,
        ms % 1000
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_round_trip() {
        assert_eq!(parse_time("1970-01-01"), Some(0));
        assert_eq!(parse_time("2026-07-01"), Some(1_782_864_000_000));
        assert_eq!(format_time(1_782_864_000_123), "2026-07-01T00:00:00.123Z");
        assert_eq!(parse_time("2026-07-01T12:30:00Z"), Some(1_782_864_000_000 + 45_000_000));
        assert_eq!(parse_time("2026-13-01"), None);
        assert_eq!(parse_time("yesterday"), None);
        // What a browser's date-time field sends, and milliseconds.
        assert_eq!(parse_time("2026-07-01T12:30"), Some(1_782_864_000_000 + 45_000_000));
        assert_eq!(parse_time("2026-07-01T00:00:00.123Z"), Some(1_782_864_000_123));
        assert_eq!(parse_time("2026-07-01T00:00:00.5"), Some(1_782_864_000_500));
        assert_eq!(parse_time(&format_time(1_782_864_000_123)), Some(1_782_864_000_123));
        // Strict: nothing but the fields, each its width, years in range.
        for bad in [
            "2026-07-01T10:123-45-6789",
            "2026-07-01T10:12:34:56",
            "2026-7-1",
            "2026-07-01-01",
            "99999999999999999-01-01",
            "1969-12-31",
            "2026-07-01T",
            "2026-07-01T10",
            "2026-07-01T10:00.5",
            "2026-07-01T10:00:00.1234",
            "2026-07-01 10:00",
            "",
            "9999999999999999999999",
        ] {
            assert_eq!(parse_time(bad), None, "{bad}");
        }
    }
}
