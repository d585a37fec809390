//! `orbit clean`: show what orbit reads from each file.

use std::io::Write;
use std::process::ExitCode;

use anyhow::Result;
use orbit_clean::Cleaner;

use crate::args::{CleanArgs, CleanFormat, Global};

pub fn run(global: &Global, args: CleanArgs) -> Result<ExitCode> {
    let cleaner = Cleaner::load(global.data.as_deref())?;
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let (mut ok, mut failed) = (0usize, 0usize);
    for item in orbit_ingest::read_paths(&args.paths) {
        match item
            .map_err(anyhow::Error::from)
            .and_then(|raw| Ok(cleaner.clean(&raw)?))
        {
            Ok(doc) => {
                ok += 1;
                match args.format {
                    CleanFormat::Json => writeln!(out, "{}", serde_json::to_string(&doc)?)?,
                    CleanFormat::Text => {
                        writeln!(out, "== {}", doc.origin)?;
                        writeln!(out, "title: {}", doc.title.as_deref().unwrap_or("-"))?;
                        writeln!(
                            out,
                            "published: {}",
                            doc.published.map(|d| d.to_string()).unwrap_or("-".into())
                        )?;
                        writeln!(out, "lang: {}", doc.lang.as_deref().unwrap_or("-"))?;
                        writeln!(out, "\n{}\n", doc.text)?;
                    }
                }
            }
            Err(e) => {
                failed += 1;
                eprintln!("orbit: {e:#}");
            }
        }
    }
    Ok(if ok == 0 && failed > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}
