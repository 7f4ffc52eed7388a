//! The console's index of the audit trail: one compact row per decision
//! (about 130 bytes), joined with its outcome, built by one pass over the
//! segments at start and then tailed: each refresh reads only the bytes
//! appended since the last one. Filters compare small integers (interned
//! names, bit sets of entity types and categories), so a query over a
//! million decisions is a few milliseconds of scanning, with no JSON parsed;
//! a time range is two binary searches while times only grow. Only the rows
//! on the page shown are read back from disk, by segment and offset.
//!
//! Subject lookups use an inverted index from fingerprint (its first 64
//! bits) to rows, confirmed against the full fingerprint in the record.
//!
//! With `audit.ship`, the same index is fed from PostgreSQL instead
//! ([`Index::fleet`]): each replica's records are followed by sequence
//! number after the highest one indexed ([`Index::add_fleet`]), and a row's
//! location is its replica and sequence number, read back by primary key.
//! Rows from several replicas arrive a little out of time order; the index
//! keeps the largest lateness seen, and time ranges widen by it.

use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap};
use std::io::Read;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::audit::{AuditError, Entry, PolicyRecord};

/// Interned names of one field; id 0 is "absent".
#[derive(Debug, Default)]
pub struct Names {
    names: Vec<String>,
    ids: HashMap<String, u16>,
}

impl Names {
    fn intern(&mut self, name: Option<&str>) -> u16 {
        let Some(name) = name else { return 0 };
        if let Some(&id) = self.ids.get(name) {
            return id;
        }
        if self.names.len() >= usize::from(u16::MAX) - 1 {
            return 0;
        }
        self.names.push(name.to_string());
        let id = u16::try_from(self.names.len()).unwrap_or(0);
        self.ids.insert(name.to_string(), id);
        id
    }

    pub fn id(&self, name: &str) -> Option<u16> {
        self.ids.get(name).copied()
    }

    pub fn name(&self, id: u16) -> Option<&str> {
        self.names.get(usize::from(id).checked_sub(1)?).map(String::as_str)
    }

    /// Every name, sorted (for the filter form's choices).
    pub fn all(&self) -> Vec<String> {
        let mut v = self.names.clone();
        v.sort();
        v
    }
}

/// Where a line lies: segment number, byte offset, length (without
/// newline). In a fleet index: replica (its interned id), sequence number,
/// length.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct Loc {
    pub segment: u32,
    pub offset: u64,
    pub len: u32,
}

/// One decision, as the index keeps it.
#[derive(Debug, Clone, Default)]
pub struct Row {
    pub seq: u64,
    pub ts_ms: u64,
    pub id: u128,
    pub decision: Loc,
    /// `len == 0`: no outcome recorded (yet).
    pub outcome: Loc,
    pub tenant: u16,
    pub client: u16,
    pub route: u16,
    pub zone: u16,
    pub action: u16,
    pub rule: u16,
    pub model: u16,
    pub upstream: u16,
    /// 0: no outcome.
    pub status: u16,
    /// Bit `i`: entity type id `i + 1` was found; bit 127: ids past 127,
    /// listed exactly in [`Index::has_entity`]'s side table.
    pub entities: u128,
    /// Bit `i`: category id `i + 1`; bit 31: ids past 31, as for entities.
    pub categories: u32,
    pub latency_ms: f32,
    pub tokens_in: u32,
    pub tokens_out: u32,
    pub cost_usd: f32,
    pub policy: u16,
    /// The replica that wrote it (fleet index; 0 in a local one).
    pub replica: u16,
}

impl Row {
    fn key_of(segment: u32, seq: u64) -> (u16, u64) {
        (u16::try_from(segment).unwrap_or(u16::MAX), seq)
    }

    /// What identifies the row in the index's side tables: in a local
    /// trail its seq, in a fleet its replica and seq.
    fn key(&self) -> (u16, u64) {
        Row::key_of(if self.replica == 0 { 0 } else { self.decision.segment }, self.seq)
    }

    /// The policy's `on_error` decided (classification failed), or a
    /// request bound for premises found no local upstream and was refused.
    pub fn fail_closed(&self, ix: &Index) -> bool {
        ix.rules.name(self.rule) == Some("on_error")
            || (self.status >= 500 && self.upstream == 0 && ix.zones.name(self.zone) == Some("local"))
    }

    pub fn sensitive(&self) -> bool {
        self.categories != 0
    }
}

/// Entity types in a row's bit set; past them, the last bit marks a row
/// whose further types are in the index's side table.
const ENTITY_BITS: u16 = 127;
/// Categories in a row's bit set, as for entity types.
const CATEGORY_BITS: u16 = 31;

/// The bit of interned name `id` in a set of `direct` bits plus one that
/// marks "more in the side table" (ids past `direct` get that one).
fn bit(id: u16, direct: u16) -> u128 {
    if id == 0 {
        return 0;
    }
    1u128 << (id - 1).min(direct)
}

/// The last signed checkpoint seen.
#[derive(Debug, Clone, Default)]
pub struct CheckpointSeen {
    pub seq: u64,
    pub ts_ms: u64,
    pub covers_seq: u64,
}

/// A policy record of the trail.
#[derive(Debug, Clone)]
pub struct PolicySeen {
    pub seq: u64,
    pub ts_ms: u64,
    pub record: PolicyRecord,
}

#[derive(Debug, Default)]
pub struct Index {
    dir: PathBuf,
    /// Segment number -> bytes consumed (through the last complete line).
    consumed: BTreeMap<u32, u64>,
    pub rows: Vec<Row>,
    /// Decisions waiting for their outcome: id -> row.
    pending: HashMap<u128, u32>,
    /// First 64 bits of a fingerprint -> rows that carry it.
    fingerprints: HashMap<u64, Vec<u32>>,
    /// Row key ([`Row::key`]) -> its entity type ids past [`ENTITY_BITS`]
    /// (rare: a trail holds a few dozen types), so that filters stay exact.
    more_entities: HashMap<(u16, u64), Vec<u16>>,
    /// Row key -> its category ids past [`CATEGORY_BITS`].
    more_categories: HashMap<(u16, u64), Vec<u16>>,
    /// The newest decision time indexed.
    max_ts: u64,
    /// How far (ms) a decision's time lies before one indexed ahead of it:
    /// 0 while times only grow. Time ranges are binary searches widened by it.
    pub lateness: u64,
    /// Fed from PostgreSQL (`audit.ship`), not from a local trail.
    fleet: bool,
    /// Fleet: replica id -> the highest sequence number indexed.
    followed: HashMap<u16, u64>,
    pub replicas: Names,
    pub tenants: Names,
    pub clients: Names,
    pub routes: Names,
    pub zones: Names,
    pub actions: Names,
    pub rules: Names,
    pub models: Names,
    pub upstreams: Names,
    pub entities: Names,
    pub categories: Names,
    pub policy_hashes: Names,
    pub policies: Vec<PolicySeen>,
    pub checkpoint: Option<CheckpointSeen>,
    pub last_seq: u64,
    /// Lines indexed (every kind).
    pub lines: u64,
    pub access_records: u64,
}

/// The fields of every kind of line the index needs, borrowed from the line.
#[derive(Deserialize)]
struct Lite<'a> {
    seq: u64,
    ts_ms: u64,
    #[serde(borrow)]
    kind: Cow<'a, str>,
    // decision
    #[serde(borrow, default)]
    id: Option<Cow<'a, str>>,
    #[serde(borrow, default)]
    tenant: Option<Cow<'a, str>>,
    #[serde(borrow, default)]
    client: Option<Cow<'a, str>>,
    #[serde(borrow, default)]
    model: Option<Cow<'a, str>>,
    #[serde(borrow, default)]
    route: Option<Cow<'a, str>>,
    #[serde(borrow, default)]
    zone: Option<Cow<'a, str>>,
    #[serde(borrow, default)]
    action: Option<Cow<'a, str>>,
    #[serde(borrow, default)]
    rule: Option<Cow<'a, str>>,
    #[serde(borrow, default)]
    policy_hash: Option<Cow<'a, str>>,
    #[serde(borrow, default)]
    entities: Option<BTreeMap<Cow<'a, str>, serde::de::IgnoredAny>>,
    #[serde(borrow, default)]
    categories: Option<BTreeMap<Cow<'a, str>, serde::de::IgnoredAny>>,
    #[serde(borrow, default)]
    fingerprints: Option<Vec<Cow<'a, str>>>,
    // outcome
    #[serde(borrow, default)]
    decision_id: Option<Cow<'a, str>>,
    #[serde(default)]
    status: Option<u16>,
    #[serde(borrow, default)]
    upstream: Option<Cow<'a, str>>,
    #[serde(default)]
    latency_ms: Option<f64>,
    #[serde(default)]
    tokens_in: Option<u64>,
    #[serde(default)]
    tokens_out: Option<u64>,
    #[serde(default)]
    cost_usd: Option<f64>,
    // checkpoint
    #[serde(default)]
    covers_seq: Option<u64>,
}

/// A decision id as a number: UUIDs as they are, anything else hashed.
pub fn id_key(id: &str) -> u128 {
    match uuid::Uuid::parse_str(id) {
        Ok(u) => u.as_u128(),
        Err(_) => {
            let h = crate::audit::sha256_hex(id.as_bytes());
            u128::from_str_radix(&h[..32], 16).unwrap_or(0)
        }
    }
}

/// The first 64 bits of a hex fingerprint.
pub fn fingerprint_key(fp: &str) -> Option<u64> {
    u64::from_str_radix(fp.get(..16)?, 16).ok()
}

fn sat32(v: Option<u64>) -> u32 {
    v.map_or(0, |v| u32::try_from(v).unwrap_or(u32::MAX))
}

impl Index {
    pub fn new(dir: &Path) -> Index {
        Index {
            dir: dir.to_path_buf(),
            ..Default::default()
        }
    }

    /// An index of every replica's records in PostgreSQL, fed by [`Index::add_fleet`].
    pub fn fleet() -> Index {
        Index {
            fleet: true,
            ..Default::default()
        }
    }

    /// Whether this index is fed from PostgreSQL.
    pub fn is_fleet(&self) -> bool {
        self.fleet
    }

    /// The highest sequence number of `replica` indexed (0: none).
    pub fn followed(&self, replica: &str) -> u64 {
        self.replicas
            .id(replica)
            .and_then(|id| self.followed.get(&id))
            .copied()
            .unwrap_or(0)
    }

    /// Adds records the replicas wrote after those indexed, each replica's
    /// in sequence order (`(replica, [(seq, line)])`). Decisions and the
    /// other records go in time order across replicas, then the outcomes
    /// (so that each finds its decision, whatever the replicas' clocks).
    pub fn add_fleet(&mut self, batch: &[(String, Vec<(u64, String)>)]) {
        #[derive(Deserialize)]
        struct When<'a> {
            ts_ms: u64,
            #[serde(borrow)]
            kind: Cow<'a, str>,
        }
        let mut lines: Vec<(bool, u64, u16, u64, &str)> = Vec::new();
        for (name, rows) in batch {
            let id = self.replicas.intern(Some(name));
            if id == 0 {
                continue;
            }
            for (seq, line) in rows {
                let followed = self.followed.entry(id).or_default();
                if *seq <= *followed {
                    continue;
                }
                *followed = *seq;
                // A line that does not read is skipped here as in a local trail (verify names it).
                if let Ok(w) = serde_json::from_str::<When<'_>>(line) {
                    lines.push((w.kind == "outcome", w.ts_ms, id, *seq, line));
                }
            }
        }
        lines.sort_unstable_by_key(|&(outcome, ts, id, seq, _)| (outcome, ts, id, seq));
        for (_, _, id, seq, line) in lines {
            self.add(u32::from(id), seq, line.as_bytes());
        }
    }

    /// Reads what was appended since the last refresh. When segments were
    /// removed (retention), the index is rebuilt from what is left.
    pub fn refresh(&mut self) -> Result<(), AuditError> {
        let segs = crate::audit::segments(&self.dir)?;
        let removed = self.consumed.keys().any(|k| !segs.iter().any(|(n, _)| n == k));
        if removed {
            *self = Index::new(&self.dir);
        }
        for (n, path) in segs {
            let from = self.consumed.get(&n).copied().unwrap_or(0);
            // Plain or sealed (zstd) alike, by offsets into the plain bytes.
            let len = crate::audit::read::segment_len(&path).unwrap_or(0);
            if len <= from {
                continue;
            }
            let mut bytes = Vec::with_capacity(usize::try_from(len - from).unwrap_or(0));
            crate::audit::read::segment_reader(&path, from)?
                .take(len - from)
                .read_to_end(&mut bytes)
                .map_err(|e| AuditError::Io(e.to_string()))?;
            let complete = bytes.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
            let mut offset = from;
            for line in bytes[..complete].split(|&b| b == b'\n') {
                if !line.is_empty() {
                    self.add(n, offset, line);
                }
                offset += line.len() as u64 + 1;
            }
            self.consumed.insert(n, from + complete as u64);
        }
        Ok(())
    }

    /// One line at `segment` and `offset` (fleet: replica id and seq).
    fn add(&mut self, segment: u32, offset: u64, line: &[u8]) {
        let Ok(l) = serde_json::from_slice::<Lite<'_>>(line) else {
            return;
        };
        self.lines += 1;
        self.last_seq = self.last_seq.max(l.seq);
        let loc = Loc {
            segment,
            offset,
            len: u32::try_from(line.len()).unwrap_or(u32::MAX),
        };
        match &*l.kind {
            "decision" => self.add_decision(&l, loc),
            "outcome" => {
                let Some(id) = l.decision_id.as_deref() else { return };
                let Some(i) = self.pending.remove(&id_key(id)) else {
                    return;
                };
                let upstream = self.upstreams.intern(l.upstream.as_deref());
                if let Some(r) = self.rows.get_mut(i as usize) {
                    r.outcome = loc;
                    r.status = l.status.unwrap_or(0);
                    r.upstream = upstream;
                    r.latency_ms = l.latency_ms.unwrap_or(0.0) as f32;
                    r.tokens_in = sat32(l.tokens_in);
                    r.tokens_out = sat32(l.tokens_out);
                    r.cost_usd = l.cost_usd.unwrap_or(0.0) as f32;
                }
            }
            "checkpoint" => {
                self.checkpoint = Some(CheckpointSeen {
                    seq: l.seq,
                    ts_ms: l.ts_ms,
                    covers_seq: l.covers_seq.unwrap_or(0),
                });
            }
            "policy" => {
                if let Ok(e) = serde_json::from_slice::<Entry>(line) {
                    // Shadow policies are on the Shadow page, not in the history of those in force.
                    if let crate::audit::Body::Policy(p) = e.body {
                        if p.shadow {
                            return;
                        }
                        self.policy_hashes.intern(Some(&p.hash));
                        self.policies.push(PolicySeen {
                            seq: e.seq,
                            ts_ms: e.ts_ms,
                            record: p,
                        });
                    }
                }
            }
            "access" => self.access_records += 1,
            _ => {}
        }
    }

    fn add_decision(&mut self, l: &Lite<'_>, loc: Loc) {
        let replica = if self.fleet {
            u16::try_from(loc.segment).unwrap_or(0)
        } else {
            0
        };
        let key = Row::key_of(if self.fleet { loc.segment } else { 0 }, l.seq);
        let mut entities = 0u128;
        for e in l.entities.iter().flat_map(|m| m.keys()) {
            let id = self.entities.intern(Some(e));
            entities |= bit(id, ENTITY_BITS);
            if id > ENTITY_BITS {
                self.more_entities.entry(key).or_default().push(id);
            }
        }
        let mut categories = 0u32;
        for c in l.categories.iter().flat_map(|m| m.keys()) {
            let id = self.categories.intern(Some(c));
            categories |= u32::try_from(bit(id, CATEGORY_BITS)).unwrap_or(0);
            if id > CATEGORY_BITS {
                self.more_categories.entry(key).or_default().push(id);
            }
        }
        let id = id_key(l.id.as_deref().unwrap_or(""));
        let row_no = u32::try_from(self.rows.len()).unwrap_or(u32::MAX);
        for fp in l.fingerprints.iter().flatten() {
            if let Some(k) = fingerprint_key(fp) {
                self.fingerprints.entry(k).or_default().push(row_no);
            }
        }
        self.lateness = self.lateness.max(self.max_ts.saturating_sub(l.ts_ms));
        self.max_ts = self.max_ts.max(l.ts_ms);
        let row = Row {
            seq: l.seq,
            ts_ms: l.ts_ms,
            id,
            decision: loc,
            outcome: Loc::default(),
            tenant: self.tenants.intern(l.tenant.as_deref()),
            client: self.clients.intern(l.client.as_deref()),
            route: self.routes.intern(l.route.as_deref()),
            zone: self.zones.intern(l.zone.as_deref()),
            action: self.actions.intern(l.action.as_deref()),
            rule: self.rules.intern(l.rule.as_deref()),
            model: self.models.intern(l.model.as_deref()),
            policy: self.policy_hashes.intern(l.policy_hash.as_deref()),
            entities,
            categories,
            replica,
            ..Default::default()
        };
        self.pending.insert(id, row_no);
        self.rows.push(row);
    }

    /// Whether entity type `id` was found in row `r`.
    pub fn has_entity(&self, r: &Row, id: u16) -> bool {
        r.entities & bit(id, ENTITY_BITS) != 0
            && (id <= ENTITY_BITS || self.more_entities.get(&r.key()).is_some_and(|m| m.contains(&id)))
    }

    /// Whether category `id` was found in row `r`.
    pub fn has_category(&self, r: &Row, id: u16) -> bool {
        u128::from(r.categories) & bit(id, CATEGORY_BITS) != 0
            && (id <= CATEGORY_BITS || self.more_categories.get(&r.key()).is_some_and(|m| m.contains(&id)))
    }

    /// The category ids found in row `r`.
    pub fn categories_of<'a>(&'a self, r: &'a Row) -> impl Iterator<Item = u16> + 'a {
        let direct = (1..=CATEGORY_BITS).filter(move |&id| r.categories & (1 << (id - 1)) != 0);
        let more = (r.categories & (1 << CATEGORY_BITS) != 0)
            .then(|| self.more_categories.get(&r.key()))
            .flatten();
        direct.chain(more.into_iter().flatten().copied())
    }

    /// A range of rows that holds every row whose time is in `[from, to)`
    /// (and, when rows came out of time order, a few more: filter on time).
    ///
    /// Each row's time is at most [`Index::lateness`] before any row ahead
    /// of it. So a row whose time is before `from - lateness` has only rows
    /// before `from` ahead of it, and one at or past `to + lateness` only
    /// rows at or past `to` behind it: two binary searches for such rows.
    pub fn time_range(&self, from: Option<u64>, to: Option<u64>) -> std::ops::Range<usize> {
        let slack = self.lateness;
        let lo = from.map_or(0, |f| boundary(&self.rows, |r| r.ts_ms < f.saturating_sub(slack)));
        let hi = to.map_or(self.rows.len(), |t| {
            boundary(&self.rows, |r| r.ts_ms < t.saturating_add(slack))
        });
        lo..hi.max(lo)
    }

    /// Rows carrying this fingerprint (by its first 64 bits; confirm on the record).
    pub fn with_fingerprint(&self, fp: &str) -> Vec<u32> {
        fingerprint_key(fp)
            .and_then(|k| self.fingerprints.get(&k))
            .cloned()
            .unwrap_or_default()
    }

    /// The row of a decision id.
    pub fn find_id(&self, id: &str) -> Option<usize> {
        let key = id_key(id);
        self.rows.iter().rposition(|r| r.id == key)
    }

    /// The row with this sequence number (a local trail's; in a fleet,
    /// sequence numbers are each replica's).
    pub fn find_seq(&self, seq: u64) -> Option<usize> {
        if self.fleet {
            return None;
        }
        self.rows.binary_search_by_key(&seq, |r| r.seq).ok()
    }

    /// Reads one line back from its segment.
    pub fn read(&self, loc: Loc) -> Option<Vec<u8>> {
        if loc.len == 0 {
            return None;
        }
        let mut f = crate::audit::read::SegmentFile::open_index(&self.dir, loc.segment)?;
        read_at(&mut f, loc)
    }

    /// The full entry at `loc`.
    pub fn entry(&self, loc: Loc) -> Option<Entry> {
        serde_json::from_slice(&self.read(loc)?).ok()
    }

    /// The trail's folder (for [`read_entries`], which needs no lock on the index).
    pub fn dir(&self) -> &Path {
        &self.dir
    }
}

/// A binary search for a point `i` with `pred(rows[i - 1])` (or `i == 0`)
/// and `!pred(rows[i])` (or `i == len`), which holds whether or not `pred`
/// is monotone over `rows` (see [`Index::time_range`] for why that matters).
fn boundary(rows: &[Row], pred: impl Fn(&Row) -> bool) -> usize {
    let (mut lo, mut hi) = (0, rows.len());
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        if pred(&rows[mid]) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    lo
}

/// The line at `loc` of an open segment.
fn read_at(f: &mut crate::audit::read::SegmentFile, loc: Loc) -> Option<Vec<u8>> {
    f.read_at(loc.offset, loc.len as usize)
}

/// The entries at `locs` of a local trail, each segment opened once. A
/// line that no longer reads (its segment removed by retention since) is
/// left out.
pub fn read_entries(dir: &Path, locs: &[Loc]) -> HashMap<Loc, Entry> {
    let mut files: HashMap<u32, Option<crate::audit::read::SegmentFile>> = HashMap::new();
    let mut out = HashMap::new();
    for &loc in locs {
        if loc.len == 0 || out.contains_key(&loc) {
            continue;
        }
        let f = files
            .entry(loc.segment)
            .or_insert_with(|| crate::audit::read::SegmentFile::open_index(dir, loc.segment));
        let Some(f) = f.as_mut() else { continue };
        if let Some(e) = read_at(f, loc).and_then(|b| serde_json::from_slice::<Entry>(&b).ok()) {
            out.insert(loc, e);
        }
    }
    out
}

/// Decisions joined with their outcomes, from entries read back
/// (`(seq, ts_ms, decision, outcome)` each), in the order given; one whose
/// decision is not among `entries` is left out.
pub fn assemble(picked: &[(u64, u64, Loc, Loc)], entries: &HashMap<Loc, Entry>) -> Vec<crate::audit::read::Row> {
    use crate::audit::Body;
    picked
        .iter()
        .filter_map(|&(seq, ts_ms, d, o)| {
            let Body::Decision(decision) = &entries.get(&d)?.body else {
                return None;
            };
            let outcome = entries.get(&o).and_then(|e| match &e.body {
                Body::Outcome(o) => Some(o.clone()),
                _ => None,
            });
            Some(crate::audit::read::Row {
                seq,
                ts_ms,
                decision: (**decision).clone(),
                outcome,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_intern_and_resolve() {
        let mut n = Names::default();
        assert_eq!(n.intern(None), 0);
        let a = n.intern(Some("local"));
        assert_eq!(n.intern(Some("local")), a);
        assert_eq!(n.name(a), Some("local"));
        assert_eq!(n.id("cloud"), None);
        assert_eq!(bit(a, ENTITY_BITS), 1);
        assert_eq!(bit(200, ENTITY_BITS), 1 << 127);
    }

    /// A trail with more entity types and categories than the rows' bit
    /// sets hold: filters on those past the sets stay exact.
    #[test]
    fn types_past_the_bit_sets_filter_exactly() {
        let dir = tempfile::tempdir().unwrap();
        let mut trail = String::new();
        for i in 0..200u64 {
            let line = serde_json::json!({
                "seq": i + 1, "ts_ms": 1_000 + i, "kind": "decision", "id": format!("d{i}"),
                "entities": {format!("E{i}"): 1, "COMMON": 1},
                "categories": {format!("C{}", i % 50): 1},
            });
            trail.push_str(&format!("{line}\n"));
        }
        std::fs::write(dir.path().join("audit-000001.jsonl"), trail).unwrap();
        let mut ix = Index::new(dir.path());
        ix.refresh().unwrap();
        assert_eq!(ix.rows.len(), 200);
        for i in [0u64, 126, 127, 150, 199] {
            let id = ix.entities.id(&format!("E{i}")).unwrap();
            let hits: Vec<u64> = ix.rows.iter().filter(|r| ix.has_entity(r, id)).map(|r| r.seq).collect();
            assert_eq!(hits, vec![i + 1], "E{i}");
        }
        let common = ix.entities.id("COMMON").unwrap();
        assert!(ix.rows.iter().all(|r| ix.has_entity(r, common)));
        for c in [0u64, 30, 31, 45, 49] {
            let id = ix.categories.id(&format!("C{c}")).unwrap();
            let hits: Vec<u64> = ix
                .rows
                .iter()
                .filter(|r| ix.has_category(r, id))
                .map(|r| r.seq)
                .collect();
            let want: Vec<u64> = (0..200u64).filter(|i| i % 50 == c).map(|i| i + 1).collect();
            assert_eq!(hits, want, "C{c}");
        }
        for r in &ix.rows {
            let names: Vec<&str> = ix.categories_of(r).filter_map(|id| ix.categories.name(id)).collect();
            assert_eq!(names, vec![format!("C{}", (r.seq - 1) % 50)]);
        }
    }

    #[test]
    fn decision_ids_key_the_same_both_ways() {
        let u = "0190f3c1-7e2a-7c3b-9d4e-5f6a7b8c9d0e";
        assert_eq!(id_key(u), id_key(u));
        assert_ne!(id_key(u), id_key("d1"));
        assert_eq!(fingerprint_key("00000000000000ffab"), Some(255));
        assert_eq!(fingerprint_key("xyz"), None);
    }

    fn line(seq: u64, ts: u64, kind: &str, id: &str, extra: serde_json::Value) -> (u64, String) {
        let mut v = serde_json::json!({"seq": seq, "ts_ms": ts, "kind": kind});
        let key = if kind == "outcome" { "decision_id" } else { "id" };
        v[key] = serde_json::json!(id);
        if let serde_json::Value::Object(m) = extra {
            for (k, x) in m {
                v[k] = x;
            }
        }
        (seq, v.to_string())
    }

    /// Three replicas' records, fed in batches out of time order across
    /// replicas: every decision is joined with its outcome, sequence
    /// numbers that repeat across replicas stay apart, a batch fed twice
    /// adds nothing, and time ranges still hold every row in them.
    #[test]
    fn a_fleet_index_follows_each_replica_by_sequence_number() {
        let mut ix = Index::fleet();
        assert!(ix.is_fleet());
        let mut batches = Vec::new();
        for (r, name) in ["r1", "r2", "r3"].iter().enumerate() {
            let mut lines = Vec::new();
            for i in 0..40u64 {
                // r3 lags: its times are 5 s behind the others'.
                let ts = 100_000 + i * 1_000 - if r == 2 { 5_000 } else { 0 };
                let id = format!("{name}-d{i}");
                let ents = if r == 1 {
                    serde_json::json!({"entities": {format!("E{i}"): 1}})
                } else {
                    serde_json::json!({})
                };
                lines.push(line(2 * i + 1, ts, "decision", &id, ents));
                lines.push(line(
                    2 * i + 2,
                    ts + 3,
                    "outcome",
                    &id,
                    serde_json::json!({"status": 200}),
                ));
            }
            batches.push((name.to_string(), lines));
        }
        // First halves, then the rest (as a follower reads them), then all again.
        let half: Vec<(String, Vec<(u64, String)>)> =
            batches.iter().map(|(n, l)| (n.clone(), l[..40].to_vec())).collect();
        ix.add_fleet(&half);
        assert_eq!(ix.followed("r2"), 40);
        ix.add_fleet(&batches);
        ix.add_fleet(&batches);
        assert_eq!(ix.rows.len(), 120);
        assert_eq!(ix.followed("r3"), 80);
        assert!(ix.rows.iter().all(|r| r.status == 200 && r.outcome.len > 0));
        assert_eq!(ix.replicas.all(), vec!["r1", "r2", "r3"]);
        assert!(ix.lateness > 0 && ix.lateness <= 5_000, "{}", ix.lateness);
        // Locations name the replica and its seq.
        let r2 = ix.replicas.id("r2").unwrap();
        let row = ix.rows.iter().find(|r| r.replica == r2 && r.seq == 7).unwrap();
        assert_eq!((row.decision.segment, row.decision.offset), (u32::from(r2), 7));
        assert_eq!((row.outcome.segment, row.outcome.offset), (u32::from(r2), 8));
        assert_eq!(ix.find_seq(7), None, "a fleet's seq is each replica's");
        assert!(ix.find_id("r2-d3").is_some());
        // Entity types past the bit set are keyed by replica and seq.
        for i in [0u64, 39] {
            let id = ix.entities.id(&format!("E{i}")).unwrap();
            let hits: Vec<(u16, u64)> = ix
                .rows
                .iter()
                .filter(|r| ix.has_entity(r, id))
                .map(|r| (r.replica, r.seq))
                .collect();
            assert_eq!(hits, vec![(r2, 2 * i + 1)]);
        }
        // Every row in [from, to) lies in the range, whatever the order.
        for (from, to) in [(90_000, 110_000), (120_000, 121_000), (134_000, 140_000)] {
            let range = ix.time_range(Some(from), Some(to));
            let inside = ix.rows.iter().filter(|r| r.ts_ms >= from && r.ts_ms < to).count();
            let found = ix.rows[range]
                .iter()
                .filter(|r| r.ts_ms >= from && r.ts_ms < to)
                .count();
            assert_eq!(found, inside, "{from}..{to}");
        }
    }

    #[test]
    fn a_row_stays_small() {
        // Memory per decision is the index's cost at ten million: keep it in view.
        assert!(std::mem::size_of::<Row>() <= 128, "{}", std::mem::size_of::<Row>());
    }
}
