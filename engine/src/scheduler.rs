//! The engine thread: continuous batching over the runner's cache slots.
//!
//! Each turn of the loop:
//! 1. admits queued requests into free slots (lowest slot first, so the
//!    decode batch stays narrow);
//! 2. prefills new prompts together: the first chunk (`prefill_chunk`
//!    tokens) of every new prompt in a contiguous run of slots, in one call;
//!    and one more chunk of one long prompt already under way, so a long
//!    prompt does not stall the others' decoding for long;
//! 3. runs one decode step for every live sequence together, samples each
//!    row, and sends each client its text.
//!
//! A sequence whose receiver was dropped (the client went away) is dropped
//! at the next turn and its slot reused.

use std::collections::VecDeque;
use std::sync::atomic::Ordering;
use std::sync::mpsc::{Receiver, TryRecvError};
use std::sync::Arc;
use std::time::{Duration, Instant};

use tokio::sync::mpsc::{UnboundedReceiver, UnboundedSender};

use crate::runner::Runner;
use crate::sample::{Sampler, Sampling};
use crate::text::{Detokenizer, StopScan, Text};
use crate::Stats;

pub(crate) struct Job {
    pub ids: Vec<i64>,
    pub sampling: Sampling,
    pub events: UnboundedSender<Event>,
    pub seed: u64,
    pub queued: Instant,
    /// Held until the job ends (see `Reservation`): given back before the
    /// client hears of the end, so that a next request finds it free.
    pub reservation: Option<crate::Reservation>,
}

/// What a client receives.
#[derive(Debug, Clone, PartialEq)]
pub enum Event {
    /// One generated token and the text it completes (maybe empty: part of a
    /// character, or held back as a possible stop sequence).
    Token {
        id: i64,
        text: String,
    },
    Done(Finish),
    Failed(String),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum FinishReason {
    /// End of sequence or a stop sequence.
    #[default]
    Stop,
    /// max_tokens or the context length.
    Length,
}

impl FinishReason {
    pub fn as_str(self) -> &'static str {
        match self {
            FinishReason::Stop => "stop",
            FinishReason::Length => "length",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Usage {
    pub prompt_tokens: usize,
    pub completion_tokens: usize,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Finish {
    pub reason: FinishReason,
    pub usage: Usage,
    /// Held-back text released at the end (a partial stop sequence that never completed).
    pub text: String,
    /// From admission to the first token.
    pub time_to_first_token: Duration,
    /// From submission to admission into a slot.
    pub queued: Duration,
}

/// A request in flight: its events, in order. Dropping it cancels the request.
pub struct Generation {
    pub events: UnboundedReceiver<Event>,
    pub prompt_tokens: usize,
}

/// Everything a finished generation produced (for callers that wait for it all).
#[derive(Debug, Clone, Default)]
pub struct Output {
    pub text: String,
    pub tokens: Vec<i64>,
    pub finish: Finish,
}

impl Generation {
    /// Waits for the whole answer.
    pub async fn collect(mut self) -> Result<Output, crate::Error> {
        let mut acc = Output::default();
        while let Some(ev) = self.events.recv().await {
            if let Some(done) = acc.take(ev) {
                return done;
            }
        }
        Err(crate::Error::Runtime("the engine stopped".into()))
    }

    /// `collect` for threads outside an async runtime.
    pub fn collect_blocking(mut self) -> Result<Output, crate::Error> {
        let mut acc = Output::default();
        while let Some(ev) = self.events.blocking_recv() {
            if let Some(done) = acc.take(ev) {
                return done;
            }
        }
        Err(crate::Error::Runtime("the engine stopped".into()))
    }
}

impl Output {
    /// Adds one event; the whole output once the generation has ended.
    fn take(&mut self, ev: Event) -> Option<Result<Output, crate::Error>> {
        match ev {
            Event::Token { id, text } => {
                self.tokens.push(id);
                self.text.push_str(&text);
                None
            }
            Event::Done(finish) => {
                self.text.push_str(&finish.text);
                self.finish = finish;
                Some(Ok(std::mem::take(self)))
            }
            Event::Failed(e) => Some(Err(crate::Error::Runtime(e))),
        }
    }
}

struct Seq {
    job: Job,
    slot: usize,
    /// Tokens in the cache.
    past: usize,
    /// The token to feed at the next decode step.
    next: Option<i64>,
    sampler: Sampler,
    detok: Detokenizer,
    stop: StopScan,
    generated: usize,
    admitted: Instant,
    first_token: Option<Duration>,
}

/// How often a busy engine reads ONNX Runtime's memory figures.
const MEMORY_EVERY: Duration = Duration::from_millis(250);

pub(crate) fn run(
    mut runner: Runner,
    jobs: Receiver<Job>,
    text: Arc<Text>,
    eos: Vec<i64>,
    (chunk, prefill_rows): (usize, usize),
    stats: Arc<Stats>,
) {
    let slots = runner.max_batch;
    let mut seqs: Vec<Option<Seq>> = (0..slots).map(|_| None).collect();
    let mut prefill: VecDeque<usize> = VecDeque::new();
    let mut rows: Vec<Option<(i64, usize)>> = Vec::with_capacity(slots);
    let mut open = true;
    let mut memory_read: Option<Instant> = None;
    loop {
        // Drop sequences whose client went away.
        for s in seqs.iter_mut() {
            if s.as_ref().is_some_and(|q| q.job.events.is_closed()) {
                *s = None;
                stats.cancelled.fetch_add(1, Ordering::Relaxed);
            }
        }
        prefill.retain(|&i| seqs[i].is_some());
        let live = seqs.iter().filter(|s| s.is_some()).count();
        if live == 0 && !open {
            return;
        }
        // No sequence left: the cache goes back to its first length (CPU).
        if live == 0 {
            runner.release();
        }
        stats
            .kv_cache_bytes
            .store(runner.cache_bytes() as u64, Ordering::Relaxed);
        // ONNX Runtime's arena (the session is this thread's): now and then
        // while busy, and before waiting idle.
        if live == 0 || memory_read.is_none_or(|t| t.elapsed() >= MEMORY_EVERY) {
            if let Some(m) = runner.runtime_memory() {
                stats.set_runtime_memory(m);
            }
            memory_read = Some(Instant::now());
        }
        // Admit: block when idle, else take what is queued.
        let mut first = true;
        while open && seqs.iter().any(|s| s.is_none()) {
            let next = if first && live == 0 {
                jobs.recv().map_err(|_| TryRecvError::Disconnected)
            } else {
                jobs.try_recv()
            };
            first = false;
            match next {
                Ok(job) => {
                    stats.waiting.fetch_sub(1, Ordering::SeqCst);
                    if job.events.is_closed() {
                        stats.cancelled.fetch_add(1, Ordering::Relaxed);
                        continue;
                    }
                    let Some(slot) = seqs.iter().position(|s| s.is_none()) else {
                        break;
                    };
                    let sampler = Sampler::new(job.sampling.clone(), &job.ids, &eos, job.seed);
                    let stop = StopScan::new(job.sampling.stop.clone());
                    stats.prompt_tokens.fetch_add(job.ids.len() as u64, Ordering::Relaxed);
                    seqs[slot] = Some(Seq {
                        job,
                        slot,
                        past: 0,
                        next: None,
                        sampler,
                        detok: Detokenizer::default(),
                        stop,
                        generated: 0,
                        admitted: Instant::now(),
                        first_token: None,
                    });
                    prefill.push_back(slot);
                }
                Err(TryRecvError::Empty) => break,
                Err(TryRecvError::Disconnected) => {
                    open = false;
                    break;
                }
            }
        }
        stats
            .active
            .store(seqs.iter().filter(|s| s.is_some()).count(), Ordering::Relaxed);

        // New prompts: the first chunk of each, for a contiguous run of
        // slots, in one call (padded rows, each with its own length).
        let mut fresh: Vec<usize> = prefill
            .iter()
            .copied()
            .filter(|&i| seqs[i].as_ref().is_some_and(|q| q.past == 0))
            .collect();
        fresh.sort_unstable();
        let mut group: Vec<usize> = Vec::with_capacity(fresh.len());
        for &i in &fresh {
            if group.len() < prefill_rows && group.last().is_none_or(|&g| g + 1 == i) {
                group.push(i);
            } else {
                break;
            }
        }
        if let Some(&first_slot) = group.first() {
            let max_len = runner.max_len;
            let prompts: Vec<&[i64]> = group
                .iter()
                .filter_map(|&i| seqs[i].as_ref())
                .map(|q| &q.job.ids[..q.job.ids.len().min(chunk)])
                .collect();
            let lens: Vec<usize> = prompts.iter().map(|p| p.len()).collect();
            match runner.prefill(first_slot, &prompts) {
                Ok(logits) => {
                    stats.prefill_calls.fetch_add(1, Ordering::Relaxed);
                    stats.prefill_rows.fetch_add(group.len() as u64, Ordering::Relaxed);
                    let v = logits.len() / group.len();
                    let mut picks: Vec<(usize, i64)> = Vec::with_capacity(group.len());
                    for (k, (&i, &len)) in group.iter().zip(&lens).enumerate() {
                        let Some(q) = seqs[i].as_mut() else { continue };
                        q.past = len;
                        if len == q.job.ids.len() {
                            picks.push((i, q.sampler.pick(&logits[k * v..(k + 1) * v])));
                        }
                    }
                    for (i, token) in picks {
                        prefill.retain(|&x| x != i);
                        accept(&mut seqs[i], token, &text, &eos, max_len, &stats);
                    }
                }
                Err(e) => {
                    let msg = e.to_string();
                    for &i in &group {
                        prefill.retain(|&x| x != i);
                        fail(&mut seqs[i], &msg);
                    }
                }
            }
        }

        // One more chunk of a long prompt under way.
        if let Some(i) = prefill
            .iter()
            .copied()
            .find(|&i| seqs[i].as_ref().is_some_and(|q| q.past > 0))
        {
            let res = {
                let Some(seq) = seqs[i].as_mut() else { continue };
                let end = (seq.past + chunk).min(seq.job.ids.len());
                let done = end == seq.job.ids.len();
                runner
                    .extend(seq.slot, &seq.job.ids[seq.past..end], seq.past)
                    .map(|logits| {
                        seq.past = end;
                        if done {
                            Some(seq.sampler.pick(logits))
                        } else {
                            None
                        }
                    })
            };
            match res {
                Ok(Some(token)) => {
                    prefill.retain(|&x| x != i);
                    accept(&mut seqs[i], token, &text, &eos, runner.max_len, &stats);
                }
                Ok(None) => {}
                Err(e) => {
                    prefill.retain(|&x| x != i);
                    fail(&mut seqs[i], &e.to_string());
                }
            }
        }

        // One decode step for every sequence past its prompt.
        let width = seqs
            .iter()
            .rposition(|s| s.as_ref().is_some_and(|q| q.next.is_some()))
            .map_or(0, |p| p + 1);
        if width == 0 {
            continue;
        }
        rows.clear();
        // A prompt under way (in chunks) below the last decoding slot goes in
        // at its length: the step's dummy token for it lands where its next
        // chunk goes, not over its first position.
        rows.extend(seqs[..width].iter().map(|s| {
            s.as_ref()
                .filter(|q| q.next.is_some() || q.past > 0)
                .map(|q| (q.next.unwrap_or(0), q.past))
        }));
        let live_rows = seqs[..width]
            .iter()
            .filter(|s| s.as_ref().is_some_and(|q| q.next.is_some()))
            .count();
        match runner.decode(&rows) {
            Ok(logits) => {
                stats.decode_steps.fetch_add(1, Ordering::Relaxed);
                stats.batched_rows.fetch_add(live_rows as u64, Ordering::Relaxed);
                let v = logits.len() / width;
                let mut picks: Vec<(usize, i64)> = Vec::with_capacity(live_rows);
                for (i, s) in seqs[..width].iter_mut().enumerate() {
                    if let Some(q) = s.as_mut().filter(|q| q.next.is_some()) {
                        q.past += 1;
                        picks.push((i, q.sampler.pick(&logits[i * v..(i + 1) * v])));
                    }
                }
                for (i, token) in picks {
                    accept(&mut seqs[i], token, &text, &eos, runner.max_len, &stats);
                }
            }
            Err(e) => {
                let msg = e.to_string();
                for s in seqs[..width].iter_mut() {
                    if s.as_ref().is_some_and(|q| q.next.is_some()) {
                        fail(s, &msg);
                    }
                }
            }
        }
    }
}

fn fail(slot: &mut Option<Seq>, msg: &str) {
    if let Some(mut q) = slot.take() {
        drop(q.job.reservation.take());
        tracing::error!(error = msg, "engine step failed");
        let _ = q.job.events.send(Event::Failed(msg.to_string()));
    }
}

/// Takes a sampled token: sends its text, or ends the sequence.
fn accept(slot: &mut Option<Seq>, token: i64, text: &Text, eos: &[i64], max_len: usize, stats: &Stats) {
    let Some(q) = slot.as_mut() else { return };
    if q.first_token.is_none() {
        q.first_token = Some(q.admitted.elapsed());
    }
    let mut finish = None;
    if !q.sampler.params.ignore_eos && eos.contains(&token) {
        finish = Some(FinishReason::Stop);
    } else {
        q.generated += 1;
        stats.generated_tokens.fetch_add(1, Ordering::Relaxed);
        let delta = match q.detok.push(text, token) {
            Ok(d) => d,
            Err(e) => {
                fail(slot, &e.to_string());
                return;
            }
        };
        let (out, stopped) = q.stop.push(&delta);
        if q.job.events.send(Event::Token { id: token, text: out }).is_err() {
            *slot = None;
            stats.cancelled.fetch_add(1, Ordering::Relaxed);
            return;
        }
        if stopped {
            finish = Some(FinishReason::Stop);
        } else if q.generated >= q.sampler.params.max_tokens || q.past + 1 >= max_len {
            finish = Some(FinishReason::Length);
        } else {
            q.next = Some(token);
        }
    }
    if let Some(reason) = finish {
        let rest = if reason == FinishReason::Length {
            q.stop.finish()
        } else {
            String::new()
        };
        let done = Finish {
            reason,
            usage: Usage {
                prompt_tokens: q.job.ids.len(),
                completion_tokens: q.generated,
            },
            text: rest,
            time_to_first_token: q.first_token.unwrap_or_default(),
            queued: q.admitted.duration_since(q.job.queued),
        };
        drop(q.job.reservation.take());
        let _ = q.job.events.send(Event::Done(done));
        *slot = None;
    }
}
