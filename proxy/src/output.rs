//! The CLI's output: the one place that writes to stdout.
#![allow(clippy::print_stdout)]

pub fn print(text: &str) {
    println!("{}", text.trim_end());
}

pub fn eprint(text: &str) {
    eprintln!("{}", text.trim_end());
}
