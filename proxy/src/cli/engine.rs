//! `cordon engine`: the built-in engine on its own.
//! - `generate --model DIR PROMPT`: one answer, streamed to stdout, with its
//!   figures on stderr (a quick check of a model).
//! - `serve --model DIR`: an OpenAI-compatible server (`/v1/chat/completions`,
//!   streaming and not, `/v1/models`, `/healthz`) for GPU hosts that a Cordon
//!   proxy reaches as a `zone: local` upstream.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;
use std::time::Instant;

use bytes::Bytes;
use clap::{Args, Subcommand};
use cordon::body::ProxyBody;
use cordon::engine_api;
use cordon_engine::{Device, Engine, EngineOptions, Event, Message, Prompt, Sampling};
use http::{Method, Request, Response, StatusCode};
use http_body_util::BodyExt;
use hyper::body::Incoming;
use hyper_util::rt::{TokioExecutor, TokioIo};
use hyper_util::server::conn::auto;

use super::output;

#[derive(Subcommand)]
pub enum EngineCommand {
    /// Generate one answer (chat template applied) and print it as it comes.
    Generate(GenerateArgs),
    /// Serve the model as an OpenAI-compatible API.
    Serve(ServeArgs),
    /// Build an engine model folder from a GGUF file (Q4_0, Q4_1, Q8_0 exactly).
    Import(ImportArgs),
}

#[derive(Args)]
pub struct ImportArgs {
    /// The GGUF file (llama.cpp, Ollama, LM Studio).
    gguf: PathBuf,
    /// The model folder to write.
    #[arg(long)]
    out: PathBuf,
    /// MatMulNBits accuracy level: 0 computes with f32 activations (exact);
    /// 4 quantizes activations to int8 per block like llama.cpp (faster on
    /// CPU, may flip close calls).
    #[arg(long, default_value_t = 0)]
    accuracy_level: i64,
}

#[derive(Args)]
pub struct ModelArgs {
    /// The model folder (onnxruntime-genai layout).
    #[arg(long)]
    model: PathBuf,
    /// `cpu` or `cuda`.
    #[arg(long, default_value = "cpu")]
    device: String,
    /// With --device cuda: run on CPU when CUDA cannot be used.
    #[arg(long)]
    allow_cpu_fallback: bool,
    /// ONNX Runtime intra-op threads (0: one per core).
    #[arg(long, default_value_t = 0)]
    threads: usize,
    /// Tokens per sequence, prompt and answer.
    #[arg(long, default_value_t = 2048)]
    max_context: usize,
    /// The ONNX Runtime library (else ORT_DYLIB_PATH, else scripts/fetch-ort's copy).
    #[arg(long)]
    ort_library: Option<PathBuf>,
}

#[derive(Args)]
pub struct GenerateArgs {
    #[command(flatten)]
    model: ModelArgs,
    /// The user's message.
    prompt: String,
    /// A system message (else the template's default).
    #[arg(long)]
    system: Option<String>,
    /// Use the prompt as is, without the chat template.
    #[arg(long)]
    raw: bool,
    #[arg(long, default_value_t = 256)]
    max_tokens: usize,
    /// 0 is greedy.
    #[arg(long, default_value_t = 0.0)]
    temperature: f32,
    #[arg(long, default_value_t = 1.0)]
    top_p: f32,
    #[arg(long, default_value_t = 0)]
    top_k: usize,
    #[arg(long, default_value_t = 1.0)]
    repetition_penalty: f32,
    #[arg(long)]
    seed: Option<u64>,
}

#[derive(Args)]
pub struct ServeArgs {
    #[command(flatten)]
    model: ModelArgs,
    #[arg(long, default_value = "127.0.0.1:8081")]
    listen: SocketAddr,
    /// The model's name in /v1/models (the folder's name by default).
    #[arg(long)]
    name: Option<String>,
    /// Sequences decoded together.
    #[arg(long, default_value_t = 8)]
    max_batch: usize,
    /// Requests waiting for a slot before 429.
    #[arg(long, default_value_t = 64)]
    max_queue: usize,
    /// Serve HTTPS with this certificate chain (PEM); needs --tls-key.
    #[arg(long, requires = "tls_key")]
    tls_cert: Option<PathBuf>,
    #[arg(long, requires = "tls_cert")]
    tls_key: Option<PathBuf>,
}

impl ModelArgs {
    fn options(&self) -> Result<EngineOptions, String> {
        let mut o = EngineOptions::new(&self.model);
        o.device = match self.device.as_str() {
            "cpu" => Device::Cpu,
            "cuda" => Device::Cuda,
            other => return Err(format!("--device: `{other}` is not `cpu` or `cuda`")),
        };
        o.allow_cpu_fallback = self.allow_cpu_fallback;
        o.threads = self.threads;
        o.max_context = self.max_context;
        o.ort_library = self.ort_library.clone();
        Ok(o)
    }
}

pub fn run(cmd: EngineCommand) -> ExitCode {
    crate::init_logging();
    let result = match cmd {
        EngineCommand::Generate(args) => generate(args),
        EngineCommand::Serve(args) => serve(args),
        EngineCommand::Import(args) => import(args),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            output::eprint(&format!("cordon engine: {e}"));
            ExitCode::FAILURE
        }
    }
}

fn generate(args: GenerateArgs) -> Result<(), String> {
    let mut opts = args.model.options()?;
    opts.max_batch = 1;
    let started = Instant::now();
    let engine = Engine::load(opts).map_err(|e| e.to_string())?;
    let loaded = started.elapsed();
    let prompt = if args.raw {
        Prompt::Text(args.prompt)
    } else {
        let mut messages = Vec::new();
        if let Some(system) = args.system {
            messages.push(Message {
                role: "system".into(),
                content: system,
            });
        }
        messages.push(Message {
            role: "user".into(),
            content: args.prompt,
        });
        Prompt::Chat(messages)
    };
    let sampling = Sampling {
        temperature: args.temperature,
        top_p: args.top_p,
        top_k: args.top_k,
        repetition_penalty: args.repetition_penalty,
        seed: args.seed,
        max_tokens: args.max_tokens,
        ..Sampling::default()
    };
    let mut generation = engine.submit(prompt, sampling).map_err(|e| e.to_string())?;
    let t0 = Instant::now();
    let mut first = None;
    let mut n = 0usize;
    while let Some(ev) = generation.events.blocking_recv() {
        match ev {
            Event::Token { text, .. } => {
                n += 1;
                if first.is_none() {
                    first = Some(t0.elapsed());
                }
                output::write(&text);
            }
            Event::Done(f) => {
                output::write(&f.text);
                output::print("");
                let total = t0.elapsed();
                let ttft = first.unwrap_or(total);
                let decode = total.saturating_sub(ttft).as_secs_f64();
                let rate = if n > 1 && decode > 0.0 {
                    (n - 1) as f64 / decode
                } else {
                    0.0
                };
                output::eprint(&format!(
                    "[{} on {}, loaded in {} ms] prompt {} tokens, answer {} tokens ({}); first token {} ms, {:.1} tokens/s",
                    engine.info().name,
                    engine.info().device.as_str(),
                    loaded.as_millis(),
                    f.usage.prompt_tokens,
                    f.usage.completion_tokens,
                    f.reason.as_str(),
                    ttft.as_millis(),
                    rate
                ));
                return Ok(());
            }
            Event::Failed(e) => return Err(e),
        }
    }
    Err("the engine stopped".into())
}

fn import(args: ImportArgs) -> Result<(), String> {
    if ![0, 1, 2, 3, 4].contains(&args.accuracy_level) {
        return Err("--accuracy-level: 0 to 4".into());
    }
    let opts = cordon_engine::gguf::ImportOptions {
        accuracy_level: args.accuracy_level,
    };
    let report = cordon_engine::gguf::import(&args.gguf, &args.out, &opts, &mut |done, total| {
        output::progress(done, total, "layers")
    })
    .map_err(|e| e.to_string())?;
    output::eprint("");
    let types: Vec<String> = report.types.iter().map(|(t, n)| format!("{n} {t}")).collect();
    output::print(&format!(
        "imported {} ({}, {} layers; tensors: {}) into {} in {:.1} s: {:.1} MB",
        report.source,
        report.architecture,
        report.layers,
        types.join(", "),
        args.out.display(),
        report.seconds,
        report.bytes as f64 / 1e6
    ));
    Ok(())
}

fn serve(args: ServeArgs) -> Result<(), String> {
    let mut opts = args.model.options()?;
    opts.max_batch = args.max_batch;
    opts.max_queue = args.max_queue;
    opts.model_name = args.name.clone();
    let engine = Arc::new(Engine::load(opts).map_err(|e| e.to_string())?);
    let tls = match (&args.tls_cert, &args.tls_key) {
        (Some(cert), Some(key)) => Some(tokio_rustls::TlsAcceptor::from(
            cordon::tls::server_config(&cordon::config::TlsFiles {
                cert: cert.clone(),
                key: key.clone(),
                client_ca: None,
                reload_interval: std::time::Duration::from_secs(3600),
            })
            .map_err(|e| e.to_string())?,
        )),
        _ => None,
    };
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(|e| format!("cannot start the runtime: {e}"))?;
    runtime.block_on(async move {
        let listener = tokio::net::TcpListener::bind(args.listen)
            .await
            .map_err(|e| format!("cannot listen on {}: {e}", args.listen))?;
        let addr = listener.local_addr().map_err(|e| e.to_string())?;
        let info = engine.info();
        output::print(&format!(
            "cordon engine serving {} on {addr} ({}, {}, {} slots)",
            info.name,
            if tls.is_some() { "https" } else { "http" },
            info.device.as_str(),
            info.max_batch
        ));
        let mut stop = std::pin::pin!(shutdown());
        loop {
            let (stream, _) = tokio::select! {
                accepted = listener.accept() => match accepted {
                    Ok(a) => a,
                    Err(e) => {
                        tracing::warn!(error = %e, "accept failed");
                        continue;
                    }
                },
                _ = &mut stop => return Ok(()),
            };
            let _ = stream.set_nodelay(true);
            let engine = engine.clone();
            let tls = tls.clone();
            tokio::spawn(async move {
                let service = hyper::service::service_fn(move |req| handle(engine.clone(), req));
                let builder = auto::Builder::new(TokioExecutor::new());
                let result = match tls {
                    Some(acceptor) => match acceptor.accept(stream).await {
                        Ok(s) => builder.serve_connection(TokioIo::new(s), service).await,
                        Err(e) => {
                            tracing::debug!(error = %e, "TLS handshake failed");
                            return;
                        }
                    },
                    None => builder.serve_connection(TokioIo::new(stream), service).await,
                };
                if let Err(e) = result {
                    tracing::debug!(error = %e, "connection ended");
                }
            });
        }
    })
}

async fn shutdown() {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{signal, SignalKind};
        if let Ok(mut term) = signal(SignalKind::terminate()) {
            tokio::select! {
                _ = term.recv() => {}
                _ = tokio::signal::ctrl_c() => {}
            }
            return;
        }
    }
    let _ = tokio::signal::ctrl_c().await;
}

/// Largest request body accepted.
const MAX_BODY: usize = 8 << 20;

async fn handle(engine: Arc<Engine>, req: Request<Incoming>) -> Result<Response<ProxyBody>, std::convert::Infallible> {
    let json = |status: StatusCode, v: serde_json::Value| {
        let mut r = Response::new(cordon::body::full(Bytes::from(v.to_string())));
        *r.status_mut() = status;
        r.headers_mut().insert(
            http::header::CONTENT_TYPE,
            http::HeaderValue::from_static("application/json"),
        );
        r
    };
    let path = req.uri().path().to_string();
    let resp = match (req.method(), path.as_str()) {
        (&Method::GET, "/healthz") | (&Method::GET, "/readyz") => {
            let s = engine.stats().snapshot();
            json(
                StatusCode::OK,
                serde_json::json!({
                    "status": "ok", "model": engine.info().name,
                    "active": s.active,
                    "waiting": s.waiting,
                }),
            )
        }
        (&Method::GET, "/v1/models") => json(StatusCode::OK, engine_api::models(&engine)),
        (&Method::POST, "/v1/chat/completions") => {
            let body = match http_body_util::Limited::new(req.into_body(), MAX_BODY).collect().await {
                Ok(b) => b.to_bytes(),
                Err(_) => {
                    return Ok(engine_api::error(
                        StatusCode::PAYLOAD_TOO_LARGE,
                        "invalid_request_error",
                        "the request body is too large or was cut off",
                    )
                    .into_response());
                }
            };
            engine_api::chat(&engine, &body).await.into_response()
        }
        _ => engine_api::error(
            StatusCode::NOT_FOUND,
            "invalid_request_error",
            &format!(
                "no route for {} {path}; this server has /v1/chat/completions and /v1/models",
                req.method()
            ),
        )
        .into_response(),
    };
    Ok(resp)
}
