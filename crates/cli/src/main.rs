//! `orbit`: the command-line edge. Parses flags and wires the pipeline crates together
//! (ingest → clean → extract → store → score → report); all logic lives in those crates.

mod args;
mod commands;
mod output;

use std::process::ExitCode;

use clap::Parser;

use args::{Cli, Command};

/// A mistake in how orbit was called (unknown country, bad period): exit code 2.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct UsageError(pub String);

/// Whether the error comes from writing to a pipe whose reader has closed it.
fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|cause| {
        cause
            .downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}

/// Reports a panic (a bug in orbit, never a user error) in one line, unless `RUST_BACKTRACE`
/// asks for the full report: the message can quote a whole article.
fn report_panics_briefly() {
    if std::env::var_os("RUST_BACKTRACE").is_some() {
        return;
    }
    std::panic::set_hook(Box::new(|info| {
        let message = info
            .payload()
            .downcast_ref::<String>()
            .map(String::as_str)
            .or_else(|| info.payload().downcast_ref::<&str>().copied())
            .unwrap_or("unknown cause");
        let short: String = message
            .chars()
            .take(160)
            .map(|c| if c.is_control() { ' ' } else { c })
            .collect();
        let at = info
            .location()
            .map(|l| format!(" at {}:{}", l.file(), l.line()))
            .unwrap_or_default();
        eprintln!("orbit: internal error{at}: {short}");
    }));
}

fn main() -> ExitCode {
    report_panics_briefly();
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Ingest(a) => commands::ingest::run(&cli.global, a),
        Command::Watch(a) => commands::watch::run(&cli.global, a),
        Command::Clean(a) => commands::clean::run(&cli.global, a),
        Command::Facts(a) => commands::facts::run(&cli.global, a),
        Command::Scores(a) => commands::scores::run(&cli.global, a),
        Command::Report(a) => commands::report::run(&cli.global, a),
        Command::Serve(a) => commands::serve::run(&cli.global, a),
        Command::Demo(a) => commands::demo::run(&cli.global, a),
        Command::Eval(a) => commands::eval::run(&cli.global, a),
    };
    match result {
        Ok(code) => code,
        // The reader went away (`orbit facts | head`): what it wanted was written; stop
        // quietly, as other Unix tools do.
        Err(e) if is_broken_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("orbit: {e:#}");
            if e.downcast_ref::<UsageError>().is_some()
                || e.downcast_ref::<orbit_core::PeriodParseError>().is_some()
            {
                ExitCode::from(2)
            } else {
                ExitCode::from(1)
            }
        }
    }
}
