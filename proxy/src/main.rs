//! The `cordon` command line.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use cordon::config::{Config, ConfigReport, ProcessEnv, Source};

mod cli;

use cli::output;

#[derive(Parser)]
#[command(
    name = "cordon",
    version,
    about = "Cordon: a privacy-enforcing proxy for LLM traffic"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Run the proxy. Without --config, the embedded default (127.0.0.1:8080).
    Serve {
        #[arg(long, short)]
        config: Option<PathBuf>,
    },
    /// Read and verify the audit trail.
    Audit {
        #[command(flatten)]
        place: cli::audit::Where,
        #[command(subcommand)]
        command: Box<cli::audit::AuditCommand>,
    },
    /// Scan a text for PII, PHI, financial identifiers and secrets (values hidden).
    Scan(cli::scan::ScanArgs),
    /// Classify and decide an API request body as the proxy would; forwards nothing.
    Explain(cli::policy::ExplainArgs),
    /// Check, test and compare policies.
    Policy {
        #[command(subcommand)]
        command: cli::policy::PolicyCommand,
    },
    /// The built-in on-premises engine on its own: generate, serve.
    Engine {
        #[command(subcommand)]
        command: cli::engine::EngineCommand,
    },
    /// The compliance console's users.
    Admin {
        #[command(subcommand)]
        command: AdminCommand,
    },
    /// Work with configuration files.
    Config {
        #[command(subcommand)]
        command: ConfigCommand,
    },
}

#[derive(Subcommand)]
enum AdminCommand {
    /// Print an argon2id hash of a password read from stdin, for `admin.users[].password_hash`.
    HashPassword,
}

#[derive(Subcommand)]
enum ConfigCommand {
    /// Validate a config: errors with their position and a hint.
    Check { file: PathBuf },
    /// Print the embedded default config.
    Default,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Serve { config } => serve(config),
        Command::Audit { place, command } => cli::audit::run(&place, *command),
        Command::Scan(args) => cli::scan::run(args),
        Command::Explain(args) => cli::policy::explain(args),
        Command::Policy { command } => cli::policy::run(command),
        Command::Engine { command } => cli::engine::run(command),
        Command::Admin {
            command: AdminCommand::HashPassword,
        } => hash_password(),
        Command::Config {
            command: ConfigCommand::Check { file },
        } => check(&file),
        Command::Config {
            command: ConfigCommand::Default,
        } => {
            output::print(cordon::config::EMBEDDED_DEFAULT);
            ExitCode::SUCCESS
        }
    }
}

/// Logging for the commands other than `serve` (which configures its own from the config).
fn init_logging() {
    let _ = cordon::telemetry::init(&cordon::telemetry::TelemetryConfig::default());
}

fn load(path: Option<&PathBuf>) -> Result<(Config, Vec<cordon::config::ConfigIssue>), String> {
    match path {
        None => Config::load(&Source::embedded(), &ProcessEnv).map_err(|r| r.to_string()),
        Some(p) => {
            let text = std::fs::read_to_string(p).map_err(|e| format!("{}: cannot read: {e}", p.display()))?;
            Config::load(&Source::file(p, &text), &ProcessEnv).map_err(|r: ConfigReport| r.to_string())
        }
    }
}

fn serve(path: Option<PathBuf>) -> ExitCode {
    let (config, warnings) = match load(path.as_ref()) {
        Ok(loaded) => loaded,
        Err(report) => {
            init_logging();
            output::eprint(&format!("cordon: invalid configuration, not starting\n{report}"));
            return ExitCode::from(2);
        }
    };
    let runtime = match tokio::runtime::Builder::new_multi_thread().enable_all().build() {
        Ok(rt) => rt,
        Err(e) => {
            output::eprint(&format!("cordon: cannot start the runtime: {e}"));
            return ExitCode::FAILURE;
        }
    };
    // Trace export runs on the serving runtime.
    let telemetry = {
        let _in_runtime = runtime.enter();
        match cordon::telemetry::init(&config.telemetry) {
            Ok(t) => t,
            Err(e) => {
                output::eprint(&format!("cordon: telemetry: {e}"));
                return ExitCode::from(2);
            }
        }
    };
    for w in warnings {
        tracing::warn!(issue = %w, "config");
    }
    let result = runtime.block_on(cordon::server::serve(config, |addr, tls, what| {
        let scheme = if tls { "https" } else { "http" };
        match what {
            cordon::server::Bound::Proxy => output::print(&format!("cordon listening on {addr} ({scheme})")),
            cordon::server::Bound::Console => output::print(&format!("cordon console listening on {addr} ({scheme})")),
        }
    }));
    {
        let _in_runtime = runtime.enter();
        telemetry.shutdown();
    }
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            tracing::error!(error = %e, "cordon stopped");
            output::eprint(&format!("cordon: {e:#}"));
            ExitCode::FAILURE
        }
    }
}

fn hash_password() -> ExitCode {
    use std::io::IsTerminal;
    if std::io::stdin().is_terminal() {
        output::eprint("password (input is not echoed if your terminal hides it; end with Enter):");
    }
    let mut line = String::new();
    if let Err(e) = std::io::stdin().read_line(&mut line) {
        output::eprint(&format!("cordon admin hash-password: cannot read stdin: {e}"));
        return ExitCode::from(2);
    }
    let password = line.trim_end_matches(['\r', '\n']);
    if password.chars().count() < 12 {
        output::eprint("cordon admin hash-password: use a password of at least 12 characters");
        return ExitCode::from(2);
    }
    match cordon::console::auth::hash_password(password) {
        Ok(h) => {
            output::print(&h);
            ExitCode::SUCCESS
        }
        Err(e) => {
            output::eprint(&format!("cordon admin hash-password: {e}"));
            ExitCode::FAILURE
        }
    }
}

fn check(file: &PathBuf) -> ExitCode {
    match load(Some(file)) {
        Ok((_, warnings)) => {
            let name = file.display();
            for w in &warnings {
                output::print(&format!("{name}: warning: {w}"));
            }
            output::print(&format!("{name}: ok"));
            ExitCode::SUCCESS
        }
        Err(report) => {
            output::eprint(report.trim_end());
            ExitCode::FAILURE
        }
    }
}
