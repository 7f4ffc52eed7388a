//! The CLI's output: the one place that writes to stdout.
#![allow(clippy::print_stdout)]

pub fn print(text: &str) {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    // Flushed at once: scripts and tests wait on these lines.
    let _ = writeln!(out, "{}", text.trim_end());
    let _ = out.flush();
}

pub fn eprint(text: &str) {
    eprintln!("{}", text.trim_end());
}

/// A one-line progress bar on stderr, redrawn in place.
pub fn progress(done: usize, total: usize, what: &str) {
    use std::io::Write;
    let pct = (done * 100).checked_div(total).unwrap_or(100).min(100);
    let filled = pct / 5;
    let bar: String = "#".repeat(filled) + &" ".repeat(20 - filled);
    let mut err = std::io::stderr().lock();
    let _ = write!(err, "\r[{bar}] {pct:>3}% {done}/{total} {what}");
    let _ = err.flush();
}

/// Standard output, buffered, for commands that print many lines (`scan --jsonl`).
pub fn lines() -> std::io::BufWriter<std::io::StdoutLock<'static>> {
    std::io::BufWriter::new(std::io::stdout().lock())
}

/// Text as it comes (streamed generation), flushed at once.
pub fn write(text: &str) {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    let _ = out.write_all(text.as_bytes());
    let _ = out.flush();
}

/// A check's exit status: success when it passed, failure otherwise.
pub fn exit(ok: bool) -> std::process::ExitCode {
    if ok {
        std::process::ExitCode::SUCCESS
    } else {
        std::process::ExitCode::FAILURE
    }
}
