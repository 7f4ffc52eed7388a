//! Cordon's on-premises engine: text generation on ONNX Runtime.
//!
//! - `model`: the onnxruntime-genai folder layout, checked against the graph.
//! - `runtime`: where ONNX Runtime's library comes from (`load-dynamic`).
//! - `runner`: one session, its preallocated key/value cache, and the step
//!   calls (prompt chunks per slot, decode steps across slots).
//! - `scheduler`: a thread that batches decode steps across all live
//!   sequences (continuous batching), admits new ones from a bounded queue,
//!   and drops those whose client went away.
//! - `text`: tokenizer, chat template, streaming detokenization, stops.
//! - `sample`: greedy and sampled decoding.
//!
//! The engine does no network I/O and knows nothing of HTTP; the proxy
//! serves it (in process as `kind: engine`, or with `cordon engine serve`).

pub mod gguf;
pub mod model;
pub mod runner;
pub mod runtime;
pub mod sample;
mod scheduler;
pub mod text;

use std::path::PathBuf;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::Duration;

pub use sample::Sampling;
pub use scheduler::{Event, Finish, FinishReason, Generation, Output, Usage};
pub use text::Message;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("model: {0}")]
    Model(String),
    #[error("runtime: {0}")]
    Runtime(String),
    #[error("{0}")]
    Request(String),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Device {
    Cpu,
    Cuda,
}

impl Device {
    pub fn as_str(self) -> &'static str {
        match self {
            Device::Cpu => "cpu",
            Device::Cuda => "cuda",
        }
    }
}

/// How to load and run a model.
#[derive(Debug, Clone)]
pub struct EngineOptions {
    /// The model folder, or a GGUF file (imported once, see `model_cache`).
    pub model_dir: PathBuf,
    /// Where GGUF files are imported to, by content hash (default:
    /// `.cordon-import/` beside the file).
    pub model_cache: Option<PathBuf>,
    /// The name clients use (`/v1/models`); the folder's name by default.
    pub model_name: Option<String>,
    pub device: Device,
    /// Only with `device: cuda`: run on CPU when CUDA cannot be used.
    pub allow_cpu_fallback: bool,
    /// Intra-op threads for ONNX Runtime (0: one per core).
    pub threads: usize,
    /// Sequences decoded together (cache slots).
    pub max_batch: usize,
    /// Requests waiting for a slot before new ones are refused.
    pub max_queue: usize,
    /// Tokens per sequence, prompt and completion (capped by the model's).
    pub max_context: usize,
    /// Prompt tokens run per step, so that long prompts interleave with decoding.
    pub prefill_chunk: usize,
    /// New prompts prefilled together in one call, at most (1: one at a time).
    pub prefill_rows: usize,
    /// The ONNX Runtime library (else ORT_DYLIB_PATH, else the fetched copy).
    pub ort_library: Option<PathBuf>,
    /// Bytes the key/value cache may take (config: `kv_budget_mb`). The cache is
    /// allocated once at load, within it (fewer slots, then a shorter
    /// context), and each request reserves what it may use (prompt plus
    /// `max_tokens`, up to the context) until it ends: one that does not fit
    /// what is left is refused before it starts. None: the cache is
    /// `max_batch` slots of `max_context` tokens, and requests wait for a slot.
    pub kv_budget_bytes: Option<usize>,
    /// On CPU, the key/value cache's first length in tokens per slot (0: 256):
    /// it doubles as sequences need, up to `max_context`, and goes back when
    /// the engine is idle. At `max_context` or above it is allocated at full
    /// length at load, as on CUDA.
    pub cache_start: usize,
}

impl EngineOptions {
    pub fn new(model_dir: impl Into<PathBuf>) -> EngineOptions {
        EngineOptions {
            model_dir: model_dir.into(),
            model_cache: None,
            model_name: None,
            device: Device::Cpu,
            allow_cpu_fallback: false,
            threads: 0,
            max_batch: 8,
            max_queue: 64,
            max_context: 2048,
            prefill_chunk: 256,
            prefill_rows: 8,
            ort_library: None,
            kv_budget_bytes: None,
            cache_start: 0,
        }
    }
}

/// What was loaded.
#[derive(Debug, Clone)]
pub struct ModelInfo {
    pub name: String,
    pub family: String,
    pub layers: usize,
    pub device: Device,
    pub max_batch: usize,
    pub max_context: usize,
    pub cache_mb: usize,
    /// The key/value cache at full size (`max_batch` slots of `max_context`):
    /// allocated at load on CUDA; on CPU what it may grow to (what it takes
    /// now is [`Stats::kv_cache_bytes`]).
    pub kv_cache_bytes: u64,
    /// The graph and its weights, as files (what ONNX Runtime reads).
    pub weights_bytes: u64,
    /// Tokens the cache budget holds (`kv_budget_bytes`), if one is set.
    pub kv_budget_tokens: Option<usize>,
    pub runtime_library: PathBuf,
}

/// Live counters, for metrics.
#[derive(Debug, Default)]
pub struct Stats {
    pub waiting: AtomicUsize,
    pub active: AtomicUsize,
    pub prompt_tokens: AtomicU64,
    pub generated_tokens: AtomicU64,
    pub decode_steps: AtomicU64,
    pub batched_rows: AtomicU64,
    /// Prefill calls for new prompts, and the prompts they carried.
    pub prefill_calls: AtomicU64,
    pub prefill_rows: AtomicU64,
    pub cancelled: AtomicU64,
    pub rejected: AtomicU64,
    /// Key/value cache tokens reserved by requests queued or running (with
    /// a `kv_budget_bytes`).
    pub kv_reserved_tokens: AtomicUsize,
    /// Bytes the key/value cache takes now (on CPU it grows with the
    /// sequences, up to [`ModelInfo::kv_cache_bytes`]).
    pub kv_cache_bytes: AtomicU64,
    /// ONNX Runtime's arena for the model's device as last read (on CUDA,
    /// device memory; see [`runner::Runner::runtime_memory`]), when the
    /// runtime reports it.
    runtime_in_use: AtomicU64,
    runtime_reserved: AtomicU64,
    runtime_reported: std::sync::atomic::AtomicBool,
}

/// The counters metrics export, read once.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Snapshot {
    pub waiting: u64,
    pub active: u64,
    pub prompt_tokens: u64,
    pub generated_tokens: u64,
    pub rejected: u64,
    pub cancelled: u64,
}

impl Stats {
    /// The memory ONNX Runtime's arena for the model's device holds, as last
    /// read by the engine's thread (after loading, then at most every
    /// quarter second while busy, and whenever it goes idle); `None` where the
    /// runtime reports none.
    pub fn runtime_memory(&self) -> Option<runner::RuntimeMemory> {
        let r = std::sync::atomic::Ordering::Relaxed;
        self.runtime_reported.load(r).then(|| runner::RuntimeMemory {
            in_use: self.runtime_in_use.load(r),
            reserved: self.runtime_reserved.load(r),
        })
    }

    pub(crate) fn set_runtime_memory(&self, m: runner::RuntimeMemory) {
        let r = std::sync::atomic::Ordering::Relaxed;
        self.runtime_in_use.store(m.in_use, r);
        self.runtime_reserved.store(m.reserved, r);
        self.runtime_reported.store(true, r);
    }

    pub fn snapshot(&self) -> Snapshot {
        let r = std::sync::atomic::Ordering::Relaxed;
        Snapshot {
            waiting: self.waiting.load(r) as u64,
            active: self.active.load(r) as u64,
            prompt_tokens: self.prompt_tokens.load(r),
            generated_tokens: self.generated_tokens.load(r),
            rejected: self.rejected.load(r),
            cancelled: self.cancelled.load(r),
        }
    }
}

impl std::ops::Add for Snapshot {
    type Output = Snapshot;

    /// Two engines' counts together (an upstream's engines across swaps).
    fn add(self, o: Snapshot) -> Snapshot {
        Snapshot {
            waiting: self.waiting + o.waiting,
            active: self.active + o.active,
            prompt_tokens: self.prompt_tokens + o.prompt_tokens,
            generated_tokens: self.generated_tokens + o.generated_tokens,
            rejected: self.rejected + o.rejected,
            cancelled: self.cancelled + o.cancelled,
        }
    }
}

impl Snapshot {
    /// Each measure with its name.
    pub fn measures(&self) -> [(&'static str, u64); 6] {
        [
            ("waiting", self.waiting),
            ("active", self.active),
            ("prompt_tokens", self.prompt_tokens),
            ("generated_tokens", self.generated_tokens),
            ("rejected", self.rejected),
            ("cancelled", self.cancelled),
        ]
    }
}

/// What to generate from.
#[derive(Debug, Clone)]
pub enum Prompt {
    Chat(Vec<Message>),
    /// Text used as is (already templated, or a plain completion prompt).
    Text(String),
    Tokens(Vec<i64>),
}

#[derive(Debug, thiserror::Error)]
pub enum SubmitError {
    /// The queue is full: try again later (HTTP 429).
    #[error("the engine's queue is full ({0} waiting)")]
    QueueFull(usize),
    /// The engine stopped (HTTP 503).
    #[error("the engine is not running")]
    Closed,
    /// The request cannot be run (HTTP 400).
    #[error("{0}")]
    Invalid(String),
    /// The key/value cache budget cannot hold the request now (HTTP 429:
    /// it would fit once others end).
    #[error(
        "the engine's key/value cache budget is in use: the request needs {need} tokens, {free} of {budget} are free"
    )]
    KvBudget { need: usize, free: usize, budget: usize },
}

/// Tokens of the key/value cache budget held by one request, given back when
/// it is dropped (the request ended, failed, or was cancelled or refused).
pub(crate) struct Reservation {
    stats: Arc<Stats>,
    tokens: usize,
}

impl Drop for Reservation {
    fn drop(&mut self) {
        self.stats.kv_reserved_tokens.fetch_sub(self.tokens, Ordering::SeqCst);
    }
}

/// A loaded model behind its scheduler thread. Cheap to share (`Arc`).
pub struct Engine {
    info: ModelInfo,
    text: Arc<text::Text>,
    eos: Vec<i64>,
    jobs: std::sync::mpsc::Sender<scheduler::Job>,
    stats: Arc<Stats>,
    max_queue: usize,
    seeds: AtomicU64,
}

/// The model folder's graph and weight files, in bytes.
fn weights_bytes(dir: &std::path::Path) -> u64 {
    std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .filter(|e| {
                    let n = e.file_name().to_string_lossy().into_owned();
                    n.ends_with(".onnx") || n.ends_with(".onnx.data") || n.ends_with(".onnx_data")
                })
                .filter_map(|e| e.metadata().ok())
                .map(|m| m.len())
                .sum()
        })
        .unwrap_or(0)
}

impl Engine {
    /// Loads the model and starts its scheduler thread. Slow (seconds): call
    /// it off the async runtime.
    pub fn load(mut opts: EngineOptions) -> Result<Engine, Error> {
        if opts.model_dir.is_file()
            && opts
                .model_dir
                .extension()
                .is_some_and(|e| e.eq_ignore_ascii_case("gguf"))
        {
            let gguf = opts.model_dir.clone();
            let cache = match &opts.model_cache {
                Some(c) => c.clone(),
                None => gguf
                    .parent()
                    .unwrap_or(std::path::Path::new("."))
                    .join(".cordon-import"),
            };
            if opts.model_name.is_none() {
                opts.model_name = gguf.file_stem().map(|s| s.to_string_lossy().into_owned());
            }
            opts.model_dir = gguf::cached(&gguf, &cache, &gguf::ImportOptions::default())?;
        }
        let spec = model::ModelSpec::read(&opts.model_dir)?;
        let text = Arc::new(text::Text::load(&opts.model_dir)?);
        let lib = runtime::locate(opts.ort_library.as_deref(), opts.device)?;
        let env = runtime::environment(&lib)?;
        let threads = if opts.threads == 0 {
            std::thread::available_parallelism().map(|n| n.get()).unwrap_or(1)
        } else {
            opts.threads
        };
        let ropts = runner::RunnerOptions {
            device: opts.device,
            threads,
            max_batch: opts.max_batch,
            max_len: opts.max_context,
            allow_cpu_fallback: opts.allow_cpu_fallback,
            kv_budget_bytes: opts.kv_budget_bytes,
            cache_start: opts.cache_start,
        };
        let name = opts.model_name.clone().unwrap_or_else(|| {
            opts.model_dir
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_else(|| "model".into())
        });
        let stats = Arc::new(Stats::default());
        let (jobs, rx) = std::sync::mpsc::channel();
        let (ready_tx, ready_rx) = std::sync::mpsc::channel();
        let thread_stats = Arc::clone(&stats);
        let thread_text = Arc::clone(&text);
        let eos = spec.eos.clone();
        let (family, layers) = (spec.family.clone(), spec.layers);
        let chunk = opts.prefill_chunk.max(1);
        let rows = opts.prefill_rows.max(1);
        std::thread::Builder::new()
            .name("cordon-engine".into())
            .spawn(move || {
                let runner = match runner::Runner::open(&spec, &env, &ropts) {
                    Ok(r) => r,
                    Err(e) => {
                        let _ = ready_tx.send(Err(e));
                        return;
                    }
                };
                thread_stats
                    .kv_cache_bytes
                    .store(runner.cache_bytes() as u64, Ordering::Relaxed);
                let _ = ready_tx.send(Ok((
                    runner.device,
                    runner.max_batch,
                    runner.max_len,
                    runner.slot_bytes(),
                    runner.token_bytes(),
                )));
                scheduler::run(runner, rx, thread_text, spec.eos, (chunk, rows), thread_stats);
            })
            .map_err(|e| Error::Runtime(format!("starting the engine thread: {e}")))?;
        let (device, max_batch, max_context, slot_bytes, token_bytes) = ready_rx
            .recv_timeout(Duration::from_secs(600))
            .map_err(|_| Error::Runtime("the engine thread did not start".into()))??;
        let info = ModelInfo {
            name,
            family,
            layers,
            device,
            max_batch,
            max_context,
            cache_mb: slot_bytes * max_batch / 1_000_000,
            kv_cache_bytes: (slot_bytes * max_batch) as u64,
            weights_bytes: weights_bytes(&opts.model_dir),
            kv_budget_tokens: opts
                .kv_budget_bytes
                .map(|b| (b / token_bytes.max(1)).min(max_batch * max_context)),
            runtime_library: lib,
        };
        Ok(Engine {
            info,
            text,
            eos,
            jobs,
            stats,
            max_queue: opts.max_queue,
            seeds: AtomicU64::new(0x5EED),
        })
    }

    pub fn info(&self) -> &ModelInfo {
        &self.info
    }

    /// Its live counters; shared, so they can be read after the engine is
    /// gone (the proxy keeps an upstream's counts across model swaps).
    pub fn stats(&self) -> &Arc<Stats> {
        &self.stats
    }

    pub fn eos(&self) -> &[i64] {
        &self.eos
    }

    /// The model's prompt for a conversation (its own chat template).
    pub fn render(&self, messages: &[Message]) -> Result<String, Error> {
        self.text.render(messages)
    }

    pub fn tokenize(&self, text: &str) -> Result<Vec<i64>, Error> {
        self.text.encode(text)
    }

    pub fn detokenize(&self, ids: &[i64]) -> Result<String, Error> {
        self.text.decode(ids)
    }

    /// Queues a request; events arrive on the returned generation. Dropping
    /// it cancels the request at the next step.
    pub fn submit(&self, prompt: Prompt, sampling: Sampling) -> Result<Generation, SubmitError> {
        sampling.check().map_err(SubmitError::Invalid)?;
        let ids = match prompt {
            Prompt::Chat(messages) => {
                let text = self
                    .text
                    .render(&messages)
                    .map_err(|e| SubmitError::Invalid(e.to_string()))?;
                self.text
                    .encode(&text)
                    .map_err(|e| SubmitError::Invalid(e.to_string()))?
            }
            Prompt::Text(text) => self
                .text
                .encode(&text)
                .map_err(|e| SubmitError::Invalid(e.to_string()))?,
            Prompt::Tokens(ids) => ids,
        };
        if ids.is_empty() {
            return Err(SubmitError::Invalid("the prompt is empty".into()));
        }
        if ids.len() + 1 > self.info.max_context {
            return Err(SubmitError::Invalid(format!(
                "the prompt is {} tokens; this model's context holds {}",
                ids.len(),
                self.info.max_context
            )));
        }
        // What the request may hold of the cache budget, from now until it ends.
        let reservation = match self.info.kv_budget_tokens {
            None => None,
            Some(budget) => {
                let need = (ids.len() + sampling.max_tokens).min(self.info.max_context);
                let reserved = &self.stats.kv_reserved_tokens;
                let mut now = reserved.load(Ordering::SeqCst);
                loop {
                    if now + need > budget {
                        self.stats.rejected.fetch_add(1, Ordering::Relaxed);
                        return Err(SubmitError::KvBudget {
                            need,
                            free: budget.saturating_sub(now),
                            budget,
                        });
                    }
                    match reserved.compare_exchange(now, now + need, Ordering::SeqCst, Ordering::SeqCst) {
                        Ok(_) => break,
                        Err(v) => now = v,
                    }
                }
                Some(Reservation {
                    stats: Arc::clone(&self.stats),
                    tokens: need,
                })
            }
        };
        let waiting = self.stats.waiting.fetch_add(1, Ordering::SeqCst);
        if waiting >= self.max_queue {
            self.stats.waiting.fetch_sub(1, Ordering::SeqCst);
            self.stats.rejected.fetch_add(1, Ordering::Relaxed);
            return Err(SubmitError::QueueFull(waiting));
        }
        let (tx, rx) = tokio::sync::mpsc::unbounded_channel();
        let seed = self.seeds.fetch_add(1, Ordering::Relaxed);
        let prompt_tokens = ids.len();
        let job = scheduler::Job {
            ids,
            sampling,
            events: tx,
            seed,
            queued: std::time::Instant::now(),
            reservation,
        };
        if self.jobs.send(job).is_err() {
            self.stats.waiting.fetch_sub(1, Ordering::SeqCst);
            return Err(SubmitError::Closed);
        }
        Ok(Generation {
            events: rx,
            prompt_tokens,
        })
    }
}
