//! The console's source with `audit.ship`: every replica's records, from
//! PostgreSQL.
//!
//! The console keeps its in-memory index ([`super::index`]) and feeds it
//! from the database rather than query the database per page: the records
//! table holds each record verbatim (its columns are replica, seq, time,
//! kind and decision id), so filters on tenant, rule, entity type or
//! category, and the charts' counts over millions of decisions, would each
//! read and parse every row; the index answers them from memory. The
//! database is asked only two things, both by its primary key: each
//! replica's records after the highest sequence number indexed (one range
//! scan per replica per refresh), and the few rows a page shows.
//!
//! Records are read only through [`crate::audit::fleet`], which knows how
//! rows are stored.

use std::collections::HashMap;
use std::sync::Arc;
use std::time::Duration;

use super::index::Loc;
use super::Console;
use crate::audit::fleet;
use crate::audit::ship::{ShipConfig, ShipError};
use crate::audit::Entry;

/// Records asked for per replica per query while following.
const BATCH: u32 = 20_000;
/// Rows read back per query (a page's, an export's).
const KEYS_PER_QUERY: usize = 5_000;
/// How long a page waits for the index to catch up before it shows what is
/// indexed (the follower goes on in the background).
pub const PAGE_WAIT: Duration = Duration::from_secs(5);
/// How often the background follower looks for new records.
pub const FOLLOW_EVERY: Duration = Duration::from_secs(1);

/// The connection and the follower's state.
pub struct FleetSource {
    pub cfg: ShipConfig,
    client: tokio::sync::Mutex<Option<Arc<tokio_postgres::Client>>>,
    /// One follower at a time.
    following: tokio::sync::Mutex<()>,
    /// Why the last read of PostgreSQL failed; `None` after a success.
    pub error: std::sync::Mutex<Option<String>>,
}

impl FleetSource {
    pub fn new(cfg: ShipConfig) -> FleetSource {
        FleetSource {
            cfg,
            client: tokio::sync::Mutex::new(None),
            following: tokio::sync::Mutex::new(()),
            error: std::sync::Mutex::new(None),
        }
    }

    /// The open connection, or a new one when it closed.
    pub async fn client(&self) -> Result<Arc<tokio_postgres::Client>, ShipError> {
        let mut held = self.client.lock().await;
        if let Some(c) = held.as_ref().filter(|c| !c.is_closed()) {
            return Ok(c.clone());
        }
        let c = Arc::new(crate::audit::ship::connect(&self.cfg).await?);
        *held = Some(c.clone());
        Ok(c)
    }

    fn note(&self, result: &Result<u64, String>) {
        if let Ok(mut e) = self.error.lock() {
            *e = result.as_ref().err().cloned();
        }
    }

    /// The entries at `locs` of a fleet index (`replicas[id - 1]` names
    /// replica `id`), by primary key; rows the database no longer holds
    /// are left out.
    pub async fn entries(&self, locs: &[Loc], replicas: &[String]) -> Result<HashMap<Loc, Entry>, String> {
        let client = self.client().await.map_err(|e| e.to_string())?;
        let mut out = HashMap::new();
        let wanted: Vec<((String, u64), Loc)> = locs
            .iter()
            .filter(|l| l.len > 0)
            .filter_map(|&l| {
                let name = replicas.get(usize::try_from(l.segment).ok()?.checked_sub(1)?)?;
                Some(((name.clone(), l.offset), l))
            })
            .collect();
        for chunk in wanted.chunks(KEYS_PER_QUERY) {
            let keys: Vec<(String, u64)> = chunk.iter().map(|(k, _)| k.clone()).collect();
            let at: HashMap<(String, u64), Loc> = chunk.iter().cloned().collect();
            let lines = fleet::lines_at(&client, &self.cfg, &keys)
                .await
                .map_err(|e| e.to_string())?;
            for (replica, seq, line) in lines {
                let (Some(&loc), Ok(e)) = (at.get(&(replica, seq)), serde_json::from_str::<Entry>(&line)) else {
                    continue;
                };
                out.insert(loc, e);
            }
        }
        Ok(out)
    }
}

/// Brings the console's fleet index up to date: each replica's records
/// after the highest sequence number indexed, in batches, the next batch
/// read while the last is indexed. Returns the records read.
pub async fn follow(c: &Arc<Console>, source: &FleetSource) -> Result<u64, String> {
    let result = follow_inner(c, source).await;
    source.note(&result);
    result
}

async fn follow_inner(c: &Arc<Console>, source: &FleetSource) -> Result<u64, String> {
    let _one = source.following.lock().await;
    let client = source.client().await.map_err(|e| e.to_string())?;
    let names = fleet::replica_names(&client, &source.cfg)
        .await
        .map_err(|e| e.to_string())?;
    let mut after: Vec<u64> = {
        let ix = c.index.read().map_err(|_| "index lock poisoned".to_string())?;
        names.iter().map(|n| ix.followed(n)).collect()
    };
    let mut read = 0u64;
    let mut indexing: Option<tokio::task::JoinHandle<()>> = None;
    loop {
        let mut batch = Vec::with_capacity(names.len());
        let mut more = false;
        for (name, after) in names.iter().zip(after.iter_mut()) {
            let lines = fleet::lines_after(&client, &source.cfg, name, *after, BATCH)
                .await
                .map_err(|e| e.to_string())?;
            more |= lines.len() >= BATCH as usize;
            if let Some((seq, _)) = lines.last() {
                *after = *seq;
            }
            read += lines.len() as u64;
            if !lines.is_empty() {
                batch.push((name.clone(), lines));
            }
        }
        if let Some(h) = indexing.take() {
            h.await.map_err(|e| e.to_string())?;
        }
        if batch.is_empty() {
            break;
        }
        let me = c.clone();
        indexing = Some(tokio::task::spawn_blocking(move || {
            if let Ok(mut ix) = me.index.write() {
                ix.add_fleet(&batch);
            }
        }));
        if !more {
            break;
        }
    }
    if let Some(h) = indexing {
        h.await.map_err(|e| e.to_string())?;
    }
    Ok(read)
}
