//! `orbit serve`: the dashboard over the database — the map, the country table, country
//! pages and the JSON API (all in orbit-server; this only wires flags to it).

use std::io::Write;
use std::net::SocketAddr;
use std::path::Path;
use std::process::ExitCode;

use anyhow::Result;

use crate::args::{Global, ServeArgs};

pub fn run(global: &Global, args: ServeArgs) -> Result<ExitCode> {
    serve_db(global, &global.db, args.addr)
}

/// Serves the dashboard over `db` on `addr` until the process is stopped, printing its URL.
pub fn serve_db(global: &Global, db: &Path, addr: SocketAddr) -> Result<ExitCode> {
    let dashboard = orbit_server::Dashboard::open(db, global.data.as_deref())?;
    if !addr.ip().is_loopback() {
        eprintln!(
            "orbit: warning: listening on {addr} makes the dashboard reachable from other machines; it has no login"
        );
    }
    orbit_server::serve_blocking(dashboard, addr, |bound| {
        // A closed stdout (`orbit serve | head -1`) must not stop the server.
        let _ = writeln!(
            std::io::stdout(),
            "orbit: serving {} at http://{bound}/ (read-only; Ctrl-C to stop)",
            db.display()
        );
    })?;
    Ok(ExitCode::SUCCESS)
}
