//! One decoder session and its key/value cache.
//!
//! The cache: per layer, one key and one value tensor of
//! `[max_batch, kv_heads, len, head_size]` on the session's device. Each
//! sequence owns a slot (a batch row). On CUDA it is allocated once, `len`
//! being `max_len`. On CPU, in host memory, `len` starts short
//! (`cache_start`, 256 tokens by default) and doubles, up to `max_len`, when
//! a call needs more, so that it holds what the sequences need rather than
//! `max_batch` slots of `max_len` from load. Growing copies each slot's rows
//! into the longer buffers; once no sequence is left (`release`), the cache
//! goes back to its first length. GroupQueryAttention writes the new keys and values in
//! place when a past input and its present output are the same memory, and
//! reads each row's length from the attention mask, so a step never copies
//! the cache (only growing does):
//! - `extend` runs one slot's prompt (or a chunk of it) with a `[1, ...]`
//!   view of that slot's rows;
//! - `decode` runs one token for slots `0..n` together with a `[n, ...]` view,
//!   rows of different lengths side by side (each row's mask has its own
//!   number of ones; idle rows get a one-token dummy, written where nothing
//!   needs keeping: at position 0 of an empty slot, or right after the part
//!   of a prompt that a slot holds, where its next chunk goes);
//! - `prefill` runs the first chunk of several new prompts in one call, on
//!   contiguous slots: rows padded on the right to the longest, each row's
//!   mask (so its `seqlens_k`) carrying its own length. GroupQueryAttention
//!   treats such a call as a first prompt (sequence length equal to the
//!   mask's width), attends each row within its own length, and the padded
//!   positions' keys land past that length, where the next step overwrites
//!   them before anything reads them.
//!
//! Graphs that Cordon builds (GGUF import) compute the logits of each row's
//! last position only (`[batch, 1, vocab]`); others (the onnxruntime-genai
//! builder's) compute every position's, and the runner picks the last.
//!
//! Inputs and outputs are bound by name through ONNX Runtime's C API with
//! preallocated outputs (`ffi`), the only unsafe code in the engine.

use std::ffi::CString;

use ort::memory::{AllocationDevice, Allocator, AllocatorType, MemoryInfo, MemoryType};
use ort::session::builder::GraphOptimizationLevel;
use ort::session::Session;
use ort::value::{DynTensor, TensorElementType, ValueType};

use crate::model::ModelSpec;
use crate::{Device, Error};

/// How to open the session.
#[derive(Debug, Clone)]
pub struct RunnerOptions {
    pub device: Device,
    pub threads: usize,
    pub max_batch: usize,
    pub max_len: usize,
    pub allow_cpu_fallback: bool,
    /// Bytes the key/value cache may take: fewer slots, then a shorter
    /// context, until it fits (the cache's full size, `max_batch` slots of
    /// `max_len`, whether or not it is allocated whole at once).
    pub kv_budget_bytes: Option<usize>,
    /// On CPU, the cache's first length in tokens per slot (0: 256); it
    /// doubles as sequences need, up to `max_len` (at `max_len` or above, the
    /// cache is allocated at full length once, as on CUDA).
    pub cache_start: usize,
}

/// The CPU cache's first length unless `cache_start` says otherwise.
const CACHE_START: usize = 256;

/// The cache length for a call that needs `need` tokens in a slot: the next
/// power of two, at least `start`, at most `max`.
fn cache_len(need: usize, start: usize, max: usize) -> usize {
    need.max(start).checked_next_power_of_two().unwrap_or(max).min(max)
}

/// The key/value cache's memory.
enum Cache {
    /// On the session's device, `max_len` long, allocated once (CUDA, or a
    /// CPU cache asked to start at full length).
    Fixed(Vec<DynTensor>),
    /// In host memory, as long as the runner's `kv_len`, grown by copying.
    Host(Vec<HostBuffer>),
}

/// Zeroed host memory for one cache tensor, its start aligned like ONNX
/// Runtime's own allocations. Zeroed by the allocator (`calloc`), so pages
/// no sequence has reached are not touched.
struct HostBuffer {
    bytes: Vec<u8>,
    start: usize,
    len: usize,
}

const HOST_ALIGN: usize = 64;

impl HostBuffer {
    fn new(len: usize) -> HostBuffer {
        let bytes = vec![0u8; len + HOST_ALIGN];
        let start = bytes.as_ptr().align_offset(HOST_ALIGN).min(HOST_ALIGN);
        HostBuffer { bytes, start, len }
    }

    fn data(&self) -> &[u8] {
        &self.bytes[self.start..self.start + self.len]
    }

    fn data_mut(&mut self) -> &mut [u8] {
        &mut self.bytes[self.start..self.start + self.len]
    }
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum IntType {
    I64,
    I32,
}

enum Logits {
    F32(Vec<f32>),
    F16(Vec<u16>, Vec<f32>),
}

/// An ONNX Runtime arena's figures, in bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RuntimeMemory {
    /// Held by live allocations (`InUse`).
    pub in_use: u64,
    /// Reserved from the device (`TotalAllocated`): what the process holds.
    pub reserved: u64,
}

impl RuntimeMemory {
    /// From an arena's statistics (BFCArena's keys); `None` without them.
    pub fn from_stats(stats: &[(String, String)]) -> Option<RuntimeMemory> {
        let get = |key: &str| {
            stats
                .iter()
                .find(|(k, _)| k == key)
                .and_then(|(_, v)| v.trim().parse::<u64>().ok())
        };
        Some(RuntimeMemory {
            in_use: get("InUse")?,
            reserved: get("TotalAllocated")?,
        })
    }
}

pub struct Runner {
    session: Session,
    input_names: Vec<CString>,
    output_names: Vec<CString>,
    has_positions: bool,
    ids_type: IntType,
    mask_type: IntType,
    kv_type: TensorElementType,
    kv: Cache,
    /// `[max_batch, kv_heads, max_len, head_size]`.
    kv_dims: [i64; 4],
    /// The cache's length now (tokens per slot): `max_len` for a fixed cache.
    kv_len: usize,
    /// A host cache's first length, which `release` goes back to.
    kv_start: usize,
    kv_elem: usize,
    /// Per slot, how many positions may hold what a sequence wrote (at least
    /// its length; what growing copies).
    filled: Vec<usize>,
    logits: Logits,
    /// The graph's logits are `[batch, 1, vocab]`: the last position only.
    last_only: bool,
    /// Logit rows picked out of a prefill call.
    picked: Vec<f32>,
    cpu: MemoryInfo<'static>,
    kv_info: MemoryInfo<'static>,
    /// The session's allocator for the model's device (its arena: on CUDA,
    /// the device memory ONNX Runtime holds), for its statistics; `None`
    /// where the session has none to give.
    arena: Option<Allocator>,
    ids: Vec<i64>,
    mask: Vec<i64>,
    positions: Vec<i64>,
    ints32: Vec<i32>,
    pub max_batch: usize,
    pub max_len: usize,
    pub vocab: usize,
    pub device: Device,
}

fn ort_err(what: &str) -> impl Fn(ort::Error) -> Error + '_ {
    move |e| Error::Runtime(format!("{what}: {e}"))
}

fn int_type(session: &Session, name: &str) -> Result<IntType, Error> {
    match tensor_type(session, name)? {
        TensorElementType::Int64 => Ok(IntType::I64),
        TensorElementType::Int32 => Ok(IntType::I32),
        other => Err(Error::Model(format!(
            "graph input `{name}` is {other:?}, not an integer tensor"
        ))),
    }
}

fn tensor_type(session: &Session, name: &str) -> Result<TensorElementType, Error> {
    let outlet = session
        .inputs()
        .iter()
        .chain(session.outputs().iter())
        .find(|o| o.name() == name)
        .ok_or_else(|| Error::Model(format!("the graph has no input or output named `{name}`")))?;
    match outlet.dtype() {
        ValueType::Tensor { ty, .. } => Ok(*ty),
        other => Err(Error::Model(format!(
            "graph value `{name}` is not a tensor ({other:?})"
        ))),
    }
}

/// Whether the graph's logits output has a fixed second dimension of 1
/// (the last position only, whatever the sequence length).
fn last_position_only(session: &Session, name: &str) -> bool {
    session
        .outputs()
        .iter()
        .find(|o| o.name() == name)
        .and_then(|o| match o.dtype() {
            ValueType::Tensor { shape, .. } => shape.get(1).copied(),
            _ => None,
        })
        == Some(1)
}

fn elem_size(t: TensorElementType) -> Result<usize, Error> {
    match t {
        TensorElementType::Float32 => Ok(4),
        TensorElementType::Float16 | TensorElementType::Bfloat16 => Ok(2),
        other => Err(Error::Model(format!(
            "key/value cache of type {other:?} is not supported"
        ))),
    }
}

impl Runner {
    pub fn open(spec: &ModelSpec, env: &ort::environment::Environment, opts: &RunnerOptions) -> Result<Runner, Error> {
        let builder = Session::builder(env).map_err(ort_err("session options"))?;
        let mut builder = builder
            .with_optimization_level(GraphOptimizationLevel::All)
            .map_err(|e| Error::Runtime(format!("session options: {e}")))?
            .with_intra_threads(opts.threads.max(1))
            .map_err(|e| Error::Runtime(format!("intra-op threads: {e}")))?
            .with_inter_threads(1)
            .map_err(|e| Error::Runtime(format!("inter-op threads: {e}")))?;
        let mut device = opts.device;
        if device == Device::Cuda {
            let cuda = ort::ep::CUDA::default().build().error_on_failure();
            builder = match builder.with_execution_providers([cuda]) {
                Ok(b) => b,
                Err(e) if opts.allow_cpu_fallback => {
                    tracing::warn!(error = %e, "CUDA is not available; running on CPU as `allow_cpu_fallback` permits");
                    device = Device::Cpu;
                    e.recover()
                }
                Err(e) => {
                    return Err(Error::Runtime(format!(
                        "device: cuda, but the CUDA execution provider could not be registered: {e} (needs the \
                         onnxruntime-gpu library, `scripts/fetch-ort --cuda`, CUDA 12 and cuDNN 9, and a GPU; set \
                         `allow_cpu_fallback: true` to run on CPU instead)"
                    )));
                }
            };
        }
        let session = builder
            .commit_from_file(&spec.graph)
            .map_err(|e| Error::Model(format!("loading {}: {e}", spec.graph.display())))?;

        let n = &spec.names;
        let ids_type = int_type(&session, &n.input_ids)?;
        let mask_type = int_type(&session, &n.attention_mask)?;
        let has_positions = match &n.position_ids {
            Some(p) => {
                int_type(&session, p)?;
                true
            }
            None => false,
        };
        let mut kv_type = None;
        for name in n
            .past_keys
            .iter()
            .chain(&n.past_values)
            .chain(&n.present_keys)
            .chain(&n.present_values)
        {
            let t = tensor_type(&session, name)?;
            match kv_type {
                None => kv_type = Some(t),
                Some(k) if k != t => {
                    return Err(Error::Model(format!(
                        "`{name}` is {t:?} but other cache tensors are {k:?}"
                    )));
                }
                Some(_) => {}
            }
        }
        let kv_type = kv_type.ok_or_else(|| Error::Model("the model has no key/value cache".into()))?;
        let kv_size = elem_size(kv_type)?;
        let logits_type = tensor_type(&session, &n.logits)?;
        let last_only = last_position_only(&session, &n.logits);
        for input in session.inputs() {
            let name = input.name();
            let known = name == n.input_ids
                || name == n.attention_mask
                || n.position_ids.as_deref() == Some(name)
                || n.past_keys.iter().any(|k| k == name)
                || n.past_values.iter().any(|k| k == name);
            if !known {
                return Err(Error::Model(format!(
                    "the graph has an input `{name}` that genai_config.json does not describe"
                )));
            }
        }

        let mut max_len = opts.max_len.min(spec.context).max(2);
        let mut max_batch = opts.max_batch.max(1);
        let token_bytes = 2 * spec.layers * spec.kv_heads * spec.head_size * kv_size;
        if let Some(budget) = opts.kv_budget_bytes {
            let tokens = budget / token_bytes.max(1);
            if tokens < 2 {
                return Err(Error::Model(format!(
                    "a key/value cache budget of {budget} bytes holds fewer than 2 tokens of this model ({token_bytes} \
                     bytes per token)"
                )));
            }
            if max_batch * max_len > tokens {
                if tokens >= max_len {
                    max_batch = tokens / max_len;
                } else {
                    max_batch = 1;
                    max_len = tokens;
                }
            }
        }
        let row_elems = spec.kv_heads * max_len * spec.head_size;
        let kv_info = match device {
            Device::Cpu => MemoryInfo::new(AllocationDevice::CPU, 0, AllocatorType::Device, MemoryType::Default),
            Device::Cuda => MemoryInfo::new(AllocationDevice::CUDA, 0, AllocatorType::Device, MemoryType::Default),
        }
        .map_err(ort_err("memory info"))?;
        let cpu = MemoryInfo::new(AllocationDevice::CPU, 0, AllocatorType::Device, MemoryType::Default)
            .map_err(ort_err("memory info"))?;
        let shape = [
            max_batch as i64,
            spec.kv_heads as i64,
            max_len as i64,
            spec.head_size as i64,
        ];
        let arena = match device {
            Device::Cpu => Allocator::new(&session, kv_info.clone()).ok(),
            Device::Cuda => Some(Allocator::new(&session, kv_info.clone()).map_err(ort_err("CUDA allocator"))?),
        };
        let kv_start = match opts.cache_start {
            0 => CACHE_START,
            n => n,
        };
        let kv_start = cache_len(kv_start, 1, max_len);
        let (kv, kv_len) = if device == Device::Cpu && kv_start < max_len {
            let bytes = max_batch * spec.kv_heads * kv_start * spec.head_size * kv_size;
            let bufs = (0..2 * spec.layers).map(|_| HostBuffer::new(bytes)).collect();
            (Cache::Host(bufs), kv_start)
        } else {
            let alloc: &Allocator = match (device, &arena) {
                (Device::Cuda, Some(a)) => a,
                _ => session.allocator(),
            };
            let mut kv = Vec::with_capacity(2 * spec.layers);
            for _ in 0..2 * spec.layers {
                kv.push(DynTensor::new(alloc, kv_type, shape).map_err(|e| {
                    Error::Runtime(format!(
                        "allocating the key/value cache ({} MB): {e}",
                        2 * spec.layers * max_batch * row_elems * kv_size / 1_000_000
                    ))
                })?);
            }
            (Cache::Fixed(kv), max_len)
        };
        let logits = match logits_type {
            TensorElementType::Float32 => Logits::F32(Vec::new()),
            TensorElementType::Float16 => Logits::F16(Vec::new(), Vec::new()),
            other => return Err(Error::Model(format!("logits of type {other:?} are not supported"))),
        };
        let cstr = |s: &str| CString::new(s).map_err(|_| Error::Model(format!("graph name `{s}` contains NUL")));
        let mut input_names = vec![cstr(&n.input_ids)?, cstr(&n.attention_mask)?];
        if let Some(p) = &n.position_ids {
            input_names.push(cstr(p)?);
        }
        for name in n.past_keys.iter().chain(&n.past_values) {
            input_names.push(cstr(name)?);
        }
        let mut output_names = vec![cstr(&n.logits)?];
        for name in n.present_keys.iter().chain(&n.present_values) {
            output_names.push(cstr(name)?);
        }
        Ok(Runner {
            session,
            input_names,
            output_names,
            has_positions,
            ids_type,
            mask_type,
            kv_type,
            kv,
            kv_dims: shape,
            kv_len,
            kv_start: kv_len,
            kv_elem: kv_size,
            filled: vec![0; max_batch],
            logits,
            last_only,
            picked: Vec::new(),
            cpu,
            kv_info,
            arena,
            ids: Vec::new(),
            mask: Vec::new(),
            positions: Vec::new(),
            ints32: Vec::new(),
            max_batch,
            max_len,
            vocab: spec.vocab,
            device,
        })
    }

    /// What ONNX Runtime's arena for the model's device holds now, as it
    /// reports it (`AllocatorGetStats`): on CUDA the device memory of the
    /// weights, the key/value cache and the activations; on CPU the arena of
    /// the activations (the cache is allocated apart). `None` when the
    /// allocator keeps no statistics (not an arena).
    pub fn runtime_memory(&self) -> Option<RuntimeMemory> {
        let stats = ffi::allocator_stats(self.arena.as_ref()?)
            .inspect_err(|e| tracing::debug!(error = %e, "no allocator statistics"))
            .ok()?;
        RuntimeMemory::from_stats(&stats)
    }

    /// Cache tensors: a key and a value per layer.
    fn tensors(&self) -> usize {
        match &self.kv {
            Cache::Fixed(t) => t.len(),
            Cache::Host(b) => b.len(),
        }
    }

    /// Bytes of one slot's rows in one cache tensor `len` tokens long.
    fn row_bytes(&self, len: usize) -> usize {
        self.kv_dims[1] as usize * len * self.kv_dims[3] as usize * self.kv_elem
    }

    /// Bytes of cache per slot at full length (all layers, keys and values).
    pub fn slot_bytes(&self) -> usize {
        self.row_bytes(self.max_len) * self.tensors()
    }

    /// Bytes of cache per token of one sequence.
    pub fn token_bytes(&self) -> usize {
        self.row_bytes(1) * self.tensors()
    }

    /// The cache's length now, in tokens per slot (`max_len` where it is
    /// allocated once; on CPU, what the longest sequence so far needed).
    pub fn cache_len(&self) -> usize {
        self.kv_len
    }

    /// Bytes the cache takes now (all slots, layers, keys and values).
    pub fn cache_bytes(&self) -> usize {
        self.row_bytes(self.kv_len) * self.max_batch * self.tensors()
    }

    /// No sequence is left: a host cache goes back to its first length.
    pub fn release(&mut self) {
        self.filled.fill(0);
        let len = self.kv_start;
        if self.kv_len == len {
            return;
        }
        let bytes = self.row_bytes(len) * self.max_batch;
        if let Cache::Host(bufs) = &mut self.kv {
            for b in bufs.iter_mut() {
                *b = HostBuffer::new(bytes);
            }
            self.kv_len = len;
        }
    }

    /// Makes the cache at least `need` tokens long, copying each slot's rows
    /// (as far as `filled` says) into the longer buffers.
    fn reserve(&mut self, need: usize) {
        if need <= self.kv_len {
            return;
        }
        let len = cache_len(need, self.kv_start, self.max_len);
        let (old_row, new_row) = (self.row_bytes(self.kv_len), self.row_bytes(len));
        let (heads, head_len) = (self.kv_dims[1] as usize, self.kv_dims[3] as usize * self.kv_elem);
        let (old_len, max_batch) = (self.kv_len, self.max_batch);
        let Cache::Host(bufs) = &mut self.kv else {
            return;
        };
        for buf in bufs.iter_mut() {
            let mut grown = HostBuffer::new(new_row * max_batch);
            for (slot, &filled) in self.filled.iter().enumerate() {
                let keep = filled.min(old_len) * head_len;
                for h in 0..heads {
                    let from = slot * old_row + h * old_len * head_len;
                    let to = slot * new_row + h * len * head_len;
                    grown.data_mut()[to..to + keep].copy_from_slice(&buf.data()[from..from + keep]);
                }
            }
            *buf = grown;
        }
        self.kv_len = len;
    }

    /// Runs `tokens` for one slot whose cache holds `past` tokens already;
    /// returns the logits of the last position.
    pub fn extend(&mut self, slot: usize, tokens: &[i64], past: usize) -> Result<&[f32], Error> {
        let s = tokens.len();
        if s == 0 || past + s > self.max_len || slot >= self.max_batch {
            return Err(Error::Runtime(format!(
                "extend: {s} tokens after {past} do not fit {}",
                self.max_len
            )));
        }
        self.ids.clear();
        self.ids.extend_from_slice(tokens);
        self.mask.clear();
        self.mask.resize(past + s, 1);
        self.positions.clear();
        self.positions.extend((past..past + s).map(|p| p as i64));
        self.run(slot, 1, s, past + s)?;
        let last = if self.last_only { 0 } else { s - 1 };
        Ok(self.logits_rows(last, 1))
    }

    /// The first chunk of several new prompts, one per slot from `first`
    /// on, in one call (their caches are empty). Returns one logit row per
    /// prompt: its last token's.
    pub fn prefill(&mut self, first: usize, prompts: &[&[i64]]) -> Result<&[f32], Error> {
        let b = prompts.len();
        let s = prompts.iter().map(|p| p.len()).max().unwrap_or(0);
        if b == 0 || first + b > self.max_batch || s > self.max_len || prompts.iter().any(|p| p.is_empty()) {
            return Err(Error::Runtime(format!(
                "prefill: {b} prompts of up to {s} tokens from slot {first} do not fit {} slots of {}",
                self.max_batch, self.max_len
            )));
        }
        self.ids.clear();
        self.mask.clear();
        self.positions.clear();
        for p in prompts {
            self.ids.extend_from_slice(p);
            self.ids.resize(self.ids.len() + s - p.len(), 0);
            self.mask.resize(self.mask.len() + p.len(), 1);
            self.mask.resize(self.mask.len() + s - p.len(), 0);
            self.positions.extend((0..s).map(|i| i as i64));
        }
        self.run(first, b, s, s)?;
        let v = self.vocab;
        let rows_per = if self.last_only { 1 } else { s };
        self.picked.clear();
        for (i, p) in prompts.iter().enumerate() {
            let row = i * rows_per + if self.last_only { 0 } else { p.len() - 1 };
            match &self.logits {
                Logits::F32(buf) => self.picked.extend_from_slice(&buf[row * v..(row + 1) * v]),
                Logits::F16(raw, _) => self.picked.extend(
                    raw[row * v..(row + 1) * v]
                        .iter()
                        .map(|&x| half::f16::from_bits(x).to_f32()),
                ),
            }
        }
        Ok(&self.picked)
    }

    /// One decode step for slots `0..rows.len()`: `Some((token, past))` for a
    /// live slot, `None` for an empty one (its position 0 is written). A
    /// slot holding part of a prompt goes in as `Some((any token, its
    /// length))`, so that what this step writes for it lands where the
    /// prompt's next chunk will go, not over what it holds; its logit row
    /// means nothing. Returns `rows.len()` logit rows.
    pub fn decode(&mut self, rows: &[Option<(i64, usize)>]) -> Result<&[f32], Error> {
        let b = rows.len();
        if b == 0 || b > self.max_batch {
            return Err(Error::Runtime(format!("decode: {b} rows for {} slots", self.max_batch)));
        }
        let width = rows
            .iter()
            .map(|r| r.map_or(1, |(_, past)| past + 1))
            .max()
            .unwrap_or(1);
        if width > self.max_len {
            return Err(Error::Runtime("decode: a sequence is past the context length".into()));
        }
        self.ids.clear();
        self.positions.clear();
        self.mask.clear();
        self.mask.resize(b * width, 0);
        for (i, row) in rows.iter().enumerate() {
            let (token, past) = row.unwrap_or((0, 0));
            self.ids.push(token);
            self.positions.push(past as i64);
            self.mask[i * width..i * width + past + 1].fill(1);
        }
        self.run(0, b, 1, width)?;
        Ok(self.logits_rows(0, b))
    }

    fn logits_rows(&mut self, first: usize, n: usize) -> &[f32] {
        let v = self.vocab;
        match &mut self.logits {
            Logits::F32(buf) => &buf[first * v..(first + n) * v],
            Logits::F16(raw, out) => {
                out.clear();
                out.extend(
                    raw[first * v..(first + n) * v]
                        .iter()
                        .map(|&b| half::f16::from_bits(b).to_f32()),
                );
                out
            }
        }
    }

    fn run(&mut self, slot: usize, b: usize, s: usize, width: usize) -> Result<(), Error> {
        let logits_s = if self.last_only { 1 } else { s };
        let logits_len = b * logits_s * self.vocab;
        let (logits_ptr, logits_bytes, logits_ty) = match &mut self.logits {
            Logits::F32(buf) => {
                if buf.len() < logits_len {
                    buf.resize(logits_len, 0.0);
                }
                (buf.as_mut_ptr().cast(), logits_len * 4, TensorElementType::Float32)
            }
            Logits::F16(raw, _) => {
                if raw.len() < logits_len {
                    raw.resize(logits_len, 0);
                }
                (raw.as_mut_ptr().cast(), logits_len * 2, TensorElementType::Float16)
            }
        };
        // Integer inputs go in as int64 from our buffers, or as int32 copies
        // when the graph wants int32 (kept alive in `ints32` until the run).
        self.ints32.clear();
        if self.ids_type == IntType::I32 {
            self.ints32.extend(self.ids.iter().map(|&x| x as i32));
        }
        let mask_at = self.ints32.len();
        if self.mask_type == IntType::I32 {
            self.ints32.extend(self.mask.iter().map(|&x| x as i32));
        }
        let pos_at = self.ints32.len();
        if self.has_positions && self.ids_type == IntType::I32 {
            self.ints32.extend(self.positions.iter().map(|&x| x as i32));
        }
        let ids_shape = [b as i64, s as i64];
        let mask_shape = [b as i64, width as i64];
        let mut values = ffi::Values::default();
        let ints32 = self.ints32.as_mut_ptr();
        let cpu = &self.cpu;
        let mut int_input = |data: &mut Vec<i64>, ty: IntType, at: usize, shape: &[i64]| match ty {
            IntType::I64 => values.add(
                false,
                cpu,
                data.as_mut_ptr().cast(),
                data.len() * 8,
                shape,
                TensorElementType::Int64,
            ),
            IntType::I32 => values.add(
                false,
                cpu,
                ffi::offset(ints32.cast(), at * 4),
                data.len() * 4,
                shape,
                TensorElementType::Int32,
            ),
        };
        int_input(&mut self.ids, self.ids_type, 0, &ids_shape)?;
        int_input(&mut self.mask, self.mask_type, mask_at, &mask_shape)?;
        if self.has_positions {
            int_input(&mut self.positions, self.ids_type, pos_at, &ids_shape)?;
        }
        // Cache views: rows `slot..slot + b` of every layer's key and value.
        self.reserve(width);
        for f in &mut self.filled[slot..slot + b] {
            *f = (*f).max(width);
        }
        let row_bytes = self.row_bytes(self.kv_len);
        let offset = slot * row_bytes;
        let bytes = b * row_bytes;
        let shape = [b as i64, self.kv_dims[1], self.kv_len as i64, self.kv_dims[3]];
        let cache: Vec<_> = match &mut self.kv {
            Cache::Fixed(t) => t.iter_mut().map(|t| ffi::offset(t.data_ptr_mut(), offset)).collect(),
            Cache::Host(b) => b
                .iter_mut()
                .map(|b| ffi::offset(b.data_mut().as_mut_ptr().cast(), offset))
                .collect(),
        };
        for &p in &cache {
            values.add(false, &self.kv_info, p, bytes, &shape, self.kv_type)?;
        }
        values.add(
            true,
            &self.cpu,
            logits_ptr,
            logits_bytes,
            &[b as i64, logits_s as i64, self.vocab as i64],
            logits_ty,
        )?;
        for &p in &cache {
            values.add(true, &self.kv_info, p, bytes, &shape, self.kv_type)?;
        }
        ffi::run(&self.session, &self.input_names, &self.output_names, &mut values)
    }
}

mod ffi {
    //! ONNX Runtime's C API for `Run` with caller-owned inputs and
    //! preallocated outputs. Every tensor here is a view over memory the
    //! `Runner` owns for longer than the call (its buffers and its cache),
    //! created right before `Run` and released right after.
    #![allow(unsafe_code)]

    use std::ffi::{c_void, CStr, CString};
    use std::ptr;

    use ort::memory::{Allocator, MemoryInfo};
    use ort::session::Session;
    use ort::sys::{OrtKeyValuePairs, OrtMemoryInfo, OrtValue};
    use ort::value::TensorElementType;
    use ort::AsPointer;

    use crate::Error;

    #[derive(Default)]
    pub struct Values {
        inputs: Vec<*mut OrtValue>,
        outputs: Vec<*mut OrtValue>,
    }

    pub fn offset(p: *mut c_void, bytes: usize) -> *mut c_void {
        p.cast::<u8>().wrapping_add(bytes).cast()
    }

    fn tensor(
        info: &MemoryInfo,
        data: *mut c_void,
        bytes: usize,
        shape: &[i64],
        ty: TensorElementType,
    ) -> Result<*mut OrtValue, Error> {
        let mut out: *mut OrtValue = ptr::null_mut();
        let info_ptr: *const OrtMemoryInfo = info.ptr();
        // SAFETY: `data` points to at least `bytes` bytes that outlive the
        // value (the caller's buffers, alive until `Values` is dropped after
        // `run`); `shape` is read during the call only.
        let status = unsafe {
            (ort::api().CreateTensorWithDataAsOrtValue)(
                info_ptr,
                data,
                bytes,
                shape.as_ptr(),
                shape.len(),
                ty.into(),
                &mut out,
            )
        };
        // SAFETY: the status comes straight from the API call above.
        unsafe { ort::Error::result_from_status(status) }.map_err(|e| Error::Runtime(format!("tensor view: {e}")))?;
        if out.is_null() {
            return Err(Error::Runtime("tensor view: null value".into()));
        }
        Ok(out)
    }

    impl Values {
        /// A view over caller memory, as the next input, or as the next
        /// preallocated output (ONNX Runtime then writes into `data`).
        pub fn add(
            &mut self,
            output: bool,
            info: &MemoryInfo,
            data: *mut c_void,
            bytes: usize,
            shape: &[i64],
            ty: TensorElementType,
        ) -> Result<(), Error> {
            let v = tensor(info, data, bytes, shape, ty)?;
            if output {
                self.outputs.push(v)
            } else {
                self.inputs.push(v)
            }
            Ok(())
        }
    }

    impl Drop for Values {
        fn drop(&mut self) {
            for v in self.inputs.drain(..).chain(self.outputs.drain(..)) {
                // SAFETY: each value was created by CreateTensorWithDataAsOrtValue
                // and is released once; it does not own its data.
                unsafe { (ort::api().ReleaseValue)(v) };
            }
        }
    }

    /// The allocator's statistics as ONNX Runtime gives them (an arena's:
    /// `InUse`, `TotalAllocated`, `Limit`...; none for other allocators).
    pub fn allocator_stats(alloc: &Allocator) -> Result<Vec<(String, String)>, Error> {
        let mut kvps: *mut OrtKeyValuePairs = ptr::null_mut();
        // SAFETY: `alloc` is a live allocator; `kvps` receives a new set we
        // release below.
        let status = unsafe { (ort::api().AllocatorGetStats)(alloc.ptr(), &mut kvps) };
        // SAFETY: the status comes straight from the API call above.
        unsafe { ort::Error::result_from_status(status) }
            .map_err(|e| Error::Runtime(format!("allocator statistics: {e}")))?;
        if kvps.is_null() {
            return Ok(Vec::new());
        }
        let (mut keys, mut values, mut n): (*const *const std::ffi::c_char, *const *const std::ffi::c_char, usize) =
            (ptr::null(), ptr::null(), 0);
        // SAFETY: `kvps` is the set made above; the arrays it fills stay
        // valid until it is released.
        unsafe { (ort::api().GetKeyValuePairs)(kvps, &mut keys, &mut values, &mut n) };
        let mut out = Vec::with_capacity(n);
        if !keys.is_null() && !values.is_null() {
            for i in 0..n {
                // SAFETY: `i < n`, the arrays' length; each entry is a
                // NUL-terminated string owned by `kvps`, copied here.
                let (k, v) = unsafe { (*keys.add(i), *values.add(i)) };
                if k.is_null() || v.is_null() {
                    continue;
                }
                // SAFETY: as above.
                let (k, v) = unsafe { (CStr::from_ptr(k), CStr::from_ptr(v)) };
                out.push((k.to_string_lossy().into_owned(), v.to_string_lossy().into_owned()));
            }
        }
        // SAFETY: released once, after its strings were copied.
        unsafe { (ort::api().ReleaseKeyValuePairs)(kvps) };
        Ok(out)
    }

    pub fn run(
        session: &Session,
        input_names: &[CString],
        output_names: &[CString],
        values: &mut Values,
    ) -> Result<(), Error> {
        if input_names.len() != values.inputs.len() || output_names.len() != values.outputs.len() {
            return Err(Error::Runtime("run: names and values differ in number".into()));
        }
        let in_names: Vec<*const std::ffi::c_char> = input_names.iter().map(|c| c.as_ptr()).collect();
        let out_names: Vec<*const std::ffi::c_char> = output_names.iter().map(|c| c.as_ptr()).collect();
        let inputs: Vec<*const OrtValue> = values.inputs.iter().map(|&v| v.cast_const()).collect();
        // SAFETY: names and values are valid for the call and equal in number;
        // every output is preallocated, so ONNX Runtime writes into our
        // buffers and allocates nothing we must free. The session is used by
        // one thread (the scheduler's) at a time.
        let status = unsafe {
            (ort::api().Run)(
                session.ptr().cast_mut(),
                ptr::null(),
                in_names.as_ptr(),
                inputs.as_ptr(),
                inputs.len(),
                out_names.as_ptr(),
                out_names.len(),
                values.outputs.as_mut_ptr(),
            )
        };
        // SAFETY: the status comes straight from the API call above.
        unsafe { ort::Error::result_from_status(status) }.map_err(|e| Error::Runtime(format!("inference: {e}")))
    }
}

#[cfg(test)]
mod tests {
    use super::RuntimeMemory;

    #[test]
    fn an_arenas_statistics_give_its_memory() {
        let stats: Vec<(String, String)> = [
            ("Limit", "0"),
            ("InUse", "1536"),
            ("TotalAllocated", "4194304"),
            ("MaxInUse", "2048"),
            ("NumAllocs", "7"),
        ]
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
        assert_eq!(
            RuntimeMemory::from_stats(&stats),
            Some(RuntimeMemory {
                in_use: 1536,
                reserved: 4_194_304
            })
        );
        // Not an arena: no figures, none made up.
        assert_eq!(RuntimeMemory::from_stats(&[]), None);
        assert_eq!(RuntimeMemory::from_stats(&stats[..2]), None);
    }
}
