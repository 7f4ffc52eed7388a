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
