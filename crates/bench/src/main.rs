//! `orbit-bench`: generates the synthetic corpus and runs orbit's benchmark (issue 7).
//!
//! ```text
//! scripts/bench                       # the documented entry point: builds, sets up trafilatura, runs this
//! orbit-bench corpus -n 1000 -o corpus.jsonl
//! orbit-bench run [--articles N] [--period 2024-06] [--python VENV/bin/python] [--json FILE]
//! ```
//! `run` measures main-text extraction (orbit and trafilatura on the same 181 pages, scored by
//! the same code: crates/clean/examples/extraction_bench.rs), ingest + extract throughput on
//! the synthetic corpus, and `scores` / `report --all` for one month of the resulting store,
//! then prints one table and writes the figures as JSON.

use std::fs::File;
use std::io::BufWriter;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};
use std::time::{Duration, Instant};

use anyhow::{Context, Result, bail};
use clap::{Args, Parser, Subcommand};
use orbit_bench::corpus::{Corpus, CorpusOptions};
use orbit_bench::measure::{self, Measured};
use serde_json::{Value, json};

#[derive(Debug, Parser)]
#[command(
    name = "orbit-bench",
    about = "orbit's benchmark: synthetic corpus and measurements"
)]
struct Cli {
    #[command(subcommand)]
    command: Cmd,
}

// Parsed once at start-up: boxing a variant would only obscure the clap derive.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Subcommand)]
enum Cmd {
    /// Write N synthetic articles as JSON lines.
    Corpus(CorpusArgs),
    /// Run the whole benchmark: print one table, write the figures as JSON.
    Run(RunArgs),
}

#[derive(Debug, Args)]
struct GenArgs {
    /// Seed of the generator.
    #[arg(long, default_value_t = 7)]
    seed: u64,
    /// Share of HTML pages among the articles.
    #[arg(long, default_value_t = 0.1)]
    html_share: f64,
    /// Share of articles that give their language (the rest are detected).
    #[arg(long, default_value_t = 0.5)]
    lang_share: f64,
    /// Directory with edited copies of orbit's data files (as orbit's --data).
    #[arg(long, env = "ORBIT_DATA")]
    data: Option<PathBuf>,
}

#[derive(Debug, Args)]
struct CorpusArgs {
    /// How many articles.
    #[arg(short = 'n', long, default_value_t = 100_000)]
    articles: usize,
    /// Output file; - for standard output.
    #[arg(short = 'o', long, default_value = "-")]
    out: PathBuf,
    #[command(flatten)]
    gen_args: GenArgs,
}

#[derive(Debug, Args)]
struct RunArgs {
    /// Synthetic articles to ingest (about 10 facts each: 100,000 gives about 1M facts).
    #[arg(short = 'n', long, default_value_t = 100_000)]
    articles: usize,
    /// The month whose scores and reports are timed.
    #[arg(long, default_value = "2024-06")]
    period: String,
    /// Working directory for the corpus, the database and the reports.
    #[arg(long, default_value = "target/bench")]
    work: PathBuf,
    /// Where to write the figures as JSON (default: WORK/results.json).
    #[arg(long)]
    json: Option<PathBuf>,
    /// The orbit binary (default: beside this one).
    #[arg(long)]
    orbit: Option<PathBuf>,
    /// The extraction benchmark binary (default: examples/extraction_bench beside this one).
    #[arg(long)]
    extraction_bench: Option<PathBuf>,
    /// The article-extraction benchmark data (181 pages and their ground truth).
    #[arg(long, default_value = "../shared/bench/article-extraction")]
    pages: PathBuf,
    /// A Python with trafilatura installed; without it trafilatura is not measured.
    #[arg(long)]
    python: Option<PathBuf>,
    /// The script that runs trafilatura over the pages.
    #[arg(long, default_value = "scripts/bench-trafilatura.py")]
    trafilatura_script: PathBuf,
    /// Time scores and reports on this existing database instead of the one ingested.
    #[arg(long)]
    db: Option<PathBuf>,
    /// Skip the extraction comparison.
    #[arg(long)]
    no_extraction: bool,
    /// Skip generating and ingesting the corpus (use with --db).
    #[arg(long)]
    no_ingest: bool,
    /// How many times each of scores and reports is run (the median is reported).
    #[arg(long, default_value_t = 3)]
    repeat: usize,
    #[command(flatten)]
    gen_args: GenArgs,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Cmd::Corpus(a) => corpus(a),
        Cmd::Run(a) => run(a),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("orbit-bench: {e:#}");
            ExitCode::from(1)
        }
    }
}

fn generator(args: &GenArgs) -> Result<Corpus> {
    let knowledge = orbit_core::Knowledge::load(args.data.as_deref())?;
    Ok(Corpus::new(
        &knowledge,
        CorpusOptions {
            seed: args.seed,
            html_share: args.html_share,
            lang_share: args.lang_share,
            ..CorpusOptions::default()
        },
    ))
}

fn corpus(args: CorpusArgs) -> Result<()> {
    let corpus = generator(&args.gen_args)?;
    let stats = if args.out.as_os_str() == "-" {
        corpus.write_jsonl(args.articles, &mut std::io::stdout().lock())?
    } else {
        let file = File::create(&args.out)
            .with_context(|| format!("cannot create {}", args.out.display()))?;
        corpus.write_jsonl(args.articles, &mut BufWriter::new(file))?
    };
    eprintln!(
        "orbit-bench: wrote {} articles, {:.1} MB",
        stats.articles,
        stats.bytes as f64 / 1e6
    );
    Ok(())
}

/// One row of the printed table.
struct Row {
    measure: String,
    value: String,
    target: &'static str,
}

fn run(args: RunArgs) -> Result<()> {
    let here = std::env::current_exe()?
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_default();
    let orbit = args.orbit.clone().unwrap_or_else(|| here.join("orbit"));
    if !orbit.exists() {
        bail!(
            "{} not found: build it with `cargo build --release -p orbit` (scripts/bench does)",
            orbit.display()
        );
    }
    std::fs::create_dir_all(&args.work)
        .with_context(|| format!("cannot create {}", args.work.display()))?;
    let mut rows: Vec<Row> = Vec::new();
    let mut results =
        json!({ "machine": machine(), "started": jiff::Timestamp::now().to_string() });

    if !args.no_extraction {
        let bench = args
            .extraction_bench
            .clone()
            .unwrap_or_else(|| here.join("examples").join("extraction_bench"));
        let extraction = extraction(&args, &bench)?;
        extraction_rows(&extraction, &mut rows);
        results["extraction"] = extraction;
    }

    let db = match &args.db {
        Some(db) => db.clone(),
        None => args.work.join("bench.db"),
    };
    if !args.no_ingest {
        let ingest = ingest(&args, &orbit, &db)?;
        ingest_rows(&ingest, &mut rows);
        results["ingest"] = ingest;
    }
    let queries = scores_and_reports(&args, &orbit, &db)?;
    query_rows(&queries, &args.period, &mut rows);
    results["scores_and_reports"] = queries;

    print_table(&rows, &results);
    let json_path = args
        .json
        .clone()
        .unwrap_or_else(|| args.work.join("results.json"));
    std::fs::write(&json_path, serde_json::to_string_pretty(&results)? + "\n")
        .with_context(|| format!("cannot write {}", json_path.display()))?;
    println!("\nfigures written to {}", json_path.display());
    Ok(())
}

/// The machine the figures were measured on.
fn machine() -> Value {
    let cpuinfo = std::fs::read_to_string("/proc/cpuinfo").unwrap_or_default();
    let cpu = cpuinfo
        .lines()
        .find_map(|l| l.strip_prefix("model name"))
        .map(|l| l.trim_start_matches([' ', '\t', ':']).to_string());
    let meminfo = std::fs::read_to_string("/proc/meminfo").unwrap_or_default();
    let mem_gib = meminfo
        .lines()
        .find_map(|l| l.strip_prefix("MemTotal:"))
        .and_then(|l| l.split_whitespace().next()?.parse::<f64>().ok())
        .map(|kib| (kib / 1024.0 / 1024.0 * 10.0).round() / 10.0);
    let output = |cmd: &str, args: &[&str]| {
        Command::new(cmd)
            .args(args)
            .output()
            .ok()
            .filter(|o| o.status.success())
            .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string())
    };
    let load = std::fs::read_to_string("/proc/loadavg")
        .ok()
        .and_then(|l| l.split_whitespace().next()?.parse::<f64>().ok());
    json!({
        "cpu": cpu,
        "load_average_1min": load,
        "cores": std::thread::available_parallelism().map(|n| n.get()).unwrap_or(1),
        "memory_gib": mem_gib,
        "kernel": output("uname", &["-sr"]),
        "rustc": output("rustc", &["-V"]),
        "commit": output("git", &["rev-parse", "--short", "HEAD"]),
        "dirty": output("git", &["status", "--porcelain"]).map(|s| !s.is_empty()),
    })
}

/// Runs a measured command, failing with its standard error when it fails.
fn measured(cmd: &mut Command, work: &Path, name: &str) -> Result<(Measured, String, String)> {
    let (out, err) = (
        work.join(format!("{name}.stdout")),
        work.join(format!("{name}.stderr")),
    );
    let m = measure::run(cmd, &out, &err).with_context(|| format!("cannot run {cmd:?}"))?;
    let stdout = std::fs::read_to_string(&out).unwrap_or_default();
    let stderr = std::fs::read_to_string(&err).unwrap_or_default();
    if !m.status.success() {
        bail!("{cmd:?} failed ({}):\n{}", m.status, stderr.trim_end());
    }
    Ok((m, stdout, stderr))
}

/// orbit and trafilatura on the same pages, both scored by extraction_bench.
fn extraction(args: &RunArgs, bench: &Path) -> Result<Value> {
    if !args.pages.join("ground-truth.json").exists() {
        eprintln!(
            "orbit-bench: {} not found; extraction not measured",
            args.pages.display()
        );
        return Ok(Value::Null);
    }
    eprintln!("orbit-bench: extraction: orbit");
    let (_, out, _) = measured(
        Command::new(bench).arg(&args.pages).arg("--json"),
        &args.work,
        "extraction-orbit",
    )?;
    let orbit: Value = serde_json::from_str(out.trim()).context("extraction_bench --json")?;
    let mut result = json!({ "pages": args.pages.display().to_string(), "orbit": orbit });
    let Some(python) = &args.python else {
        return Ok(result);
    };
    eprintln!("orbit-bench: extraction: trafilatura");
    let outputs = args.work.join("trafilatura-output");
    std::fs::create_dir_all(&outputs)?;
    let (_, out, _) = measured(
        Command::new(python)
            .arg(&args.trafilatura_script)
            .arg(&args.pages)
            .arg(&outputs),
        &args.work,
        "extraction-trafilatura",
    )?;
    let run: Value = serde_json::from_str(out.trim()).context("trafilatura script output")?;
    let (_, out, _) = measured(
        Command::new(bench)
            .arg(&args.pages)
            .arg("--predictions")
            .arg(&outputs)
            .arg("--json"),
        &args.work,
        "extraction-trafilatura-score",
    )?;
    let mut traf: Value = serde_json::from_str(out.trim()).context("extraction_bench --json")?;
    traf["seconds"] = run["seconds"].clone();
    traf["pages_per_s"] = run["pages_per_s"].clone();
    traf["version"] = run["version"].clone();
    let ratio = |a: &Value, b: &Value| match (a.as_f64(), b.as_f64()) {
        (Some(a), Some(b)) if b > 0.0 => json!(a / b),
        _ => Value::Null,
    };
    result["ratios"] = json!({
        "f1": ratio(&result["orbit"]["f1"], &traf["f1"]),
        "speed": ratio(&result["orbit"]["pages_per_s"], &traf["pages_per_s"]),
    });
    result["trafilatura"] = traf;
    Ok(result)
}

fn extraction_rows(e: &Value, rows: &mut Vec<Row>) {
    if e.is_null() {
        return;
    }
    let f = |v: &Value, digits: usize| {
        v.as_f64()
            .map_or("-".to_string(), |x| format!("{x:.digits$}"))
    };
    let traf_name = format!(
        "trafilatura {}",
        e["trafilatura"]["version"].as_str().unwrap_or("")
    );
    rows.push(Row {
        measure: "extraction F1 (P / R), orbit".into(),
        value: format!(
            "{} ({} / {})",
            f(&e["orbit"]["f1"], 3),
            f(&e["orbit"]["precision"], 3),
            f(&e["orbit"]["recall"], 3)
        ),
        target: "≥ trafilatura",
    });
    if !e["trafilatura"].is_null() {
        rows.push(Row {
            measure: format!("extraction F1 (P / R), {}", traf_name.trim()),
            value: format!(
                "{} ({} / {})",
                f(&e["trafilatura"]["f1"], 3),
                f(&e["trafilatura"]["precision"], 3),
                f(&e["trafilatura"]["recall"], 3)
            ),
            target: "",
        });
        rows.push(Row {
            measure: "F1 ratio orbit / trafilatura".into(),
            value: f(&e["ratios"]["f1"], 3),
            target: "≥ 1",
        });
    }
    rows.push(Row {
        measure: "extraction pages/s (1 thread), orbit".into(),
        value: f(&e["orbit"]["pages_per_s"], 1),
        target: "",
    });
    if !e["trafilatura"].is_null() {
        rows.push(Row {
            measure: "extraction pages/s (1 thread), trafilatura".into(),
            value: f(&e["trafilatura"]["pages_per_s"], 1),
            target: "",
        });
        rows.push(Row {
            measure: "speed ratio orbit / trafilatura".into(),
            value: format!("{}×", f(&e["ratios"]["speed"], 1)),
            target: "≥ 10×",
        });
    }
}

/// Generates the corpus and ingests it into a fresh database.
fn ingest(args: &RunArgs, orbit: &Path, db: &Path) -> Result<Value> {
    let corpus_path = args.work.join("corpus.jsonl");
    eprintln!(
        "orbit-bench: writing {} synthetic articles to {}",
        args.articles,
        corpus_path.display()
    );
    let start = Instant::now();
    let stats = {
        let file = File::create(&corpus_path)
            .with_context(|| format!("cannot create {}", corpus_path.display()))?;
        generator(&args.gen_args)?.write_jsonl(args.articles, &mut BufWriter::new(file))?
    };
    let generated_in = start.elapsed();
    for suffix in ["", "-wal", "-shm"] {
        let mut p = db.as_os_str().to_owned();
        p.push(suffix);
        let _ = std::fs::remove_file(PathBuf::from(p));
    }
    eprintln!("orbit-bench: orbit ingest into a fresh {}", db.display());
    let (m, _, stderr) = measured(
        Command::new(orbit)
            .arg("--db")
            .arg(db)
            .arg("ingest")
            .arg(&corpus_path),
        &args.work,
        "ingest",
    )?;
    let counts = store_counts(db)?;
    let wall = m.wall.as_secs_f64();
    let cpu = m.cpu.as_secs_f64();
    let mb = stats.bytes as f64 / 1e6;
    let failed_lines = stderr.lines().filter(|l| !l.contains("ingest:")).count();
    Ok(json!({
        "articles_generated": stats.articles,
        "corpus_bytes": stats.bytes,
        "corpus_mean_article_bytes": stats.bytes as f64 / stats.articles.max(1) as f64,
        "generated_in_s": generated_in.as_secs_f64(),
        "articles_stored": counts.0,
        "facts_stored": counts.1,
        "messages": failed_lines,
        "summary": stderr.lines().last().unwrap_or(""),
        "wall_s": wall,
        "cpu_s": cpu,
        "cores_used": m.cores_used(),
        "articles_per_s": stats.articles as f64 / wall,
        "articles_per_cpu_s": stats.articles as f64 / cpu.max(1e-9),
        "mb_per_s": mb / wall,
        "facts_per_s": counts.1 as f64 / wall,
        "peak_rss_mib": m.max_rss_mib(),
        "db_bytes": std::fs::metadata(db).map(|m| m.len()).unwrap_or(0),
    }))
}

/// (articles, facts) stored. The database is opened read-only and as it is: the benchmark
/// must not migrate a database that the orbit it measures (perhaps an older one) still reads.
fn store_counts(db: &Path) -> Result<(u64, u64)> {
    let conn =
        rusqlite::Connection::open_with_flags(db, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)
            .with_context(|| format!("cannot open {}", db.display()))?;
    let (articles, facts): (i64, i64) = conn
        .query_row(
            "SELECT (SELECT COUNT(*) FROM articles), (SELECT COUNT(*) FROM facts)",
            [],
            |row| Ok((row.get(0)?, row.get(1)?)),
        )
        .with_context(|| format!("cannot count the articles and facts of {}", db.display()))?;
    Ok((articles.max(0) as u64, facts.max(0) as u64))
}

fn ingest_rows(i: &Value, rows: &mut Vec<Row>) {
    let n = |k: &str| i[k].as_f64().unwrap_or(f64::NAN);
    rows.push(Row {
        measure: format!(
            "ingest: corpus ({} articles, {:.0} MB, mean {:.1} KB)",
            thousands(n("articles_generated")),
            n("corpus_bytes") / 1e6,
            n("corpus_mean_article_bytes") / 1e3
        ),
        value: format!(
            "{} stored, {} facts",
            thousands(n("articles_stored")),
            thousands(n("facts_stored"))
        ),
        target: "",
    });
    rows.push(Row {
        measure: format!(
            "ingest: articles/s (wall; {:.2} cores busy)",
            n("cores_used")
        ),
        value: thousands(n("articles_per_s")),
        target: "",
    });
    rows.push(Row {
        measure: "ingest: articles/s per core (per CPU-second)".into(),
        value: thousands(n("articles_per_cpu_s")),
        target: "≥ 2,000",
    });
    rows.push(Row {
        measure: "ingest: MB/s".into(),
        value: format!("{:.1}", n("mb_per_s")),
        target: "",
    });
    rows.push(Row {
        measure: "ingest: facts/s".into(),
        value: thousands(n("facts_per_s")),
        target: "",
    });
    rows.push(Row {
        measure: format!(
            "ingest: peak RSS (MiB, {} articles)",
            thousands(n("articles_generated"))
        ),
        value: format!("{:.0}", n("peak_rss_mib")),
        target: "< 500 at 1M articles",
    });
}

/// Times `scores --period` and `report --all --period` on the store.
fn scores_and_reports(args: &RunArgs, orbit: &Path, db: &Path) -> Result<Value> {
    if !db.exists() {
        bail!("{} does not exist: ingest first or give --db", db.display());
    }
    let repeat = args.repeat.max(1);
    let mut scores = Vec::new();
    let mut scores_out = String::new();
    for k in 0..repeat {
        eprintln!(
            "orbit-bench: orbit scores --period {} ({}/{repeat})",
            args.period,
            k + 1
        );
        let (m, out, _) = measured(
            Command::new(orbit).arg("--db").arg(db).args([
                "scores",
                "--period",
                &args.period,
                "--format",
                "json",
            ]),
            &args.work,
            "scores",
        )?;
        scores.push(m);
        scores_out = out;
    }
    let cards: Vec<Value> = serde_json::from_str(&scores_out).unwrap_or_default();
    let month_facts: u64 = cards.iter().filter_map(|c| c["n_facts"].as_u64()).sum();
    let reports_dir = args.work.join("reports");
    let mut reports = Vec::new();
    for k in 0..repeat {
        let _ = std::fs::remove_dir_all(&reports_dir);
        eprintln!(
            "orbit-bench: orbit report --all --period {} ({}/{repeat})",
            args.period,
            k + 1
        );
        let (m, _, _) = measured(
            Command::new(orbit)
                .arg("--db")
                .arg(db)
                .args(["report", "--all", "--period", &args.period, "--out"])
                .arg(&reports_dir),
            &args.work,
            "report",
        )?;
        reports.push(m);
    }
    let countries = std::fs::read_dir(&reports_dir)
        .map(|d| {
            d.filter_map(|e| e.ok())
                .filter(|e| e.path().extension().is_some_and(|x| x == "json"))
                .count()
        })
        .unwrap_or(0);
    let (_, facts_total) = store_counts(db)?;
    let median = |runs: &[Measured]| {
        let mut w: Vec<Duration> = runs.iter().map(|m| m.wall).collect();
        w.sort();
        w[w.len() / 2].as_secs_f64()
    };
    let peak = |runs: &[Measured]| runs.iter().map(|m| m.max_rss_mib()).fold(0.0, f64::max);
    Ok(json!({
        "period": args.period,
        "db": db.display().to_string(),
        "facts_stored": facts_total,
        "facts_in_period": month_facts,
        "countries_scored": cards.len(),
        "countries_reported": countries,
        "scores_s": median(&scores),
        "scores_runs_s": scores.iter().map(|m| m.wall.as_secs_f64()).collect::<Vec<_>>(),
        "scores_peak_rss_mib": peak(&scores),
        "report_all_s": median(&reports),
        "report_all_runs_s": reports.iter().map(|m| m.wall.as_secs_f64()).collect::<Vec<_>>(),
        "report_all_peak_rss_mib": peak(&reports),
        "total_s": median(&scores) + median(&reports),
    }))
}

fn query_rows(q: &Value, period: &str, rows: &mut Vec<Row>) {
    let n = |k: &str| q[k].as_f64().unwrap_or(f64::NAN);
    rows.push(Row {
        measure: format!("store: facts stored / dated in {period}"),
        value: format!(
            "{} / {}",
            thousands(n("facts_stored")),
            thousands(n("facts_in_period"))
        ),
        target: "~1M stored",
    });
    rows.push(Row {
        measure: format!("scores --period {period} (s, median)"),
        value: format!("{:.2}", n("scores_s")),
        target: "",
    });
    rows.push(Row {
        measure: format!(
            "report --all --period {period} (s, median; {} countries)",
            n("countries_reported")
        ),
        value: format!("{:.2}", n("report_all_s")),
        target: "",
    });
    rows.push(Row {
        measure: "scores + all reports for the month (s)".into(),
        value: format!("{:.2}", n("total_s")),
        target: "< 2",
    });
}

fn thousands(x: f64) -> String {
    if !x.is_finite() {
        return "-".into();
    }
    let s = format!("{:.0}", x);
    let (sign, digits) = s.strip_prefix('-').map_or(("", s.as_str()), |d| ("-", d));
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    format!("{sign}{out}")
}

fn print_table(rows: &[Row], results: &Value) {
    let m = &results["machine"];
    println!(
        "\norbit benchmark — {} ({} cores, {} GiB), {}, commit {}{}\n",
        m["cpu"].as_str().unwrap_or("unknown CPU"),
        m["cores"],
        m["memory_gib"],
        m["rustc"].as_str().unwrap_or("rustc ?"),
        m["commit"].as_str().unwrap_or("?"),
        if m["dirty"].as_bool() == Some(true) {
            " (modified)"
        } else {
            ""
        },
    );
    let w0 = rows
        .iter()
        .map(|r| r.measure.chars().count())
        .max()
        .unwrap_or(7)
        .max(7);
    let w1 = rows
        .iter()
        .map(|r| r.value.chars().count())
        .max()
        .unwrap_or(5)
        .max(5);
    let w2 = rows
        .iter()
        .map(|r| r.target.chars().count())
        .max()
        .unwrap_or(6)
        .max(6);
    let line = |a: &str, b: &str, c: &str| {
        println!(
            "| {a}{} | {}{b} | {c}{} |",
            " ".repeat(w0 - a.chars().count()),
            " ".repeat(w1 - b.chars().count()),
            " ".repeat(w2 - c.chars().count())
        );
    };
    line("measure", "value", "target");
    println!(
        "|{}|{}:|{}|",
        "-".repeat(w0 + 2),
        "-".repeat(w1 + 1),
        "-".repeat(w2 + 2)
    );
    for r in rows {
        line(&r.measure, &r.value, r.target);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thousands_groups_digits() {
        assert_eq!(thousands(1234567.4), "1,234,567");
        assert_eq!(thousands(999.0), "999");
        assert_eq!(thousands(-1000.0), "-1,000");
        assert_eq!(thousands(f64::NAN), "-");
    }
}
