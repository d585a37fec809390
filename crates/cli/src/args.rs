//! Command-line flags (DESIGN §7 is the contract).

use std::path::PathBuf;
use std::time::Duration;

use clap::{Args, Parser, Subcommand, ValueEnum};

/// orbit — geopolitical alignment monitor for Africa.
///
/// Reads news and analysis articles, extracts dated facts about how each African country
/// relates to foreign powers, scores every country on a 1–5 scale (5 = overwhelming alignment
/// with Russia, 1 = with the US/West) and writes cited analyses.
#[derive(Debug, Parser)]
#[command(name = "orbit", version, about, long_about = None)]
pub struct Cli {
    #[command(flatten)]
    pub global: Global,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Args)]
pub struct Global {
    /// The database file.
    #[arg(long, global = true, env = "ORBIT_DB", default_value = "orbit.db")]
    pub db: PathBuf,
    /// A directory with edited copies of orbit's data files (gazetteer.toml, lexicon.toml,
    /// weights.toml, junk.toml); files missing there fall back to the built-in ones.
    #[arg(long, global = true, env = "ORBIT_DATA")]
    pub data: Option<PathBuf>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Read articles (.jsonl/.json, .html/.htm, .txt/.md, .pdf, directories, - for stdin, --url
    /// pages and feeds, --gdelt files) into the database.
    Ingest(IngestArgs),
    /// Keep watching the feeds and pages of a sources file: fetch what is new every cycle,
    /// ingest it, rescore the countries it touches, and raise alerts when a score moves.
    Watch(WatchArgs),
    /// Print what orbit reads from each file: title, date, language and main text.
    Clean(CleanArgs),
    /// List the stored facts.
    Facts(FactsArgs),
    /// Score countries for a period, or one country over time with --by.
    Scores(ScoresArgs),
    /// Write the cited analysis of a country (or all countries with evidence).
    Report(ReportArgs),
    /// Serve the dashboard: the map of Africa, the country table, country pages and a JSON API
    /// (read-only, on loopback unless told otherwise).
    Serve(ServeArgs),
    /// Load the bundled demo corpus into a fresh database and write its reports.
    Demo(DemoArgs),
    /// Measure attribution, direction and scores against labelled articles.
    Eval(EvalArgs),
}

#[derive(Debug, Args)]
pub struct IngestArgs {
    /// Files or directories to read; - reads standard input.
    #[arg(required_unless_present_any = ["url", "gdelt"])]
    pub paths: Vec<PathBuf>,
    /// Pages or RSS/Atom feeds to fetch over HTTP(S); a feed's items are followed to their
    /// articles.
    #[arg(long, num_args = 1.., value_name = "URL")]
    pub url: Vec<String>,
    /// A GDELT 2.0 Events or GKG file (tab-separated, or zipped as GDELT publishes them).
    #[arg(long, value_name = "FILE")]
    pub gdelt: Vec<PathBuf>,
    /// With --gdelt: fetch the rows' source articles instead of storing the coded events.
    #[arg(long, requires = "gdelt")]
    pub fetch: bool,
    #[command(flatten)]
    pub net: NetArgs,
}

/// How orbit fetches over the network (ingest --url, ingest --gdelt --fetch, watch).
#[derive(Debug, Args, Clone)]
pub struct NetArgs {
    /// Also fetch from private, loopback and link-local addresses (refused by default).
    #[arg(long)]
    pub allow_private: bool,
    /// Fetch what robots.txt disallows (it is respected by default).
    #[arg(long)]
    pub ignore_robots: bool,
    /// Give up on a request after this long (30s, 2m).
    #[arg(long, default_value = "30s", value_parser = parse_duration, value_name = "DURATION")]
    pub timeout: Duration,
    /// Time between two requests to the same host (1s, 500ms; 0 for none).
    #[arg(long, default_value = "1s", value_parser = parse_duration, value_name = "DURATION")]
    pub delay: Duration,
}

#[derive(Debug, Args)]
pub struct WatchArgs {
    /// The sources file: feeds and pages with a name, language, reliability weight, tags, and
    /// where alerts go (see data/sources.toml).
    #[arg(long, value_name = "FILE")]
    pub sources: PathBuf,
    /// Time from the start of one cycle to the start of the next (15m, 1h, 90s).
    #[arg(long, default_value = "15m", value_parser = parse_duration, value_name = "DURATION")]
    pub every: Duration,
    /// Run one cycle and exit.
    #[arg(long, conflicts_with = "cycles")]
    pub once: bool,
    /// Stop after this many cycles (default: run until stopped).
    #[arg(long, value_name = "N")]
    pub cycles: Option<u64>,
    /// The period whose scores raise alerts (2024-06, 2024-Q2, 2024); default: the current
    /// month.
    #[arg(long)]
    pub period: Option<String>,
    /// Only the sources with this tag (repeatable).
    #[arg(long = "tag", value_name = "TAG")]
    pub tags: Vec<String>,
    #[command(flatten)]
    pub net: NetArgs,
}

/// A duration as `90s`, `15m`, `1h`, `1h30m`, `500ms`, or a number of seconds.
pub fn parse_duration(s: &str) -> Result<Duration, String> {
    let t = s.trim();
    if let Ok(secs) = t.parse::<u64>() {
        return Ok(Duration::from_secs(secs));
    }
    let bad = || format!("'{s}' is not a duration: use e.g. 90s, 15m, 1h, 1h30m or 500ms");
    let mut total = Duration::ZERO;
    let mut rest = t;
    while !rest.is_empty() {
        let digits = rest.find(|c: char| !c.is_ascii_digit()).ok_or_else(bad)?;
        let n: u64 = rest[..digits].parse().map_err(|_| bad())?;
        rest = &rest[digits..];
        let unit_len = rest
            .find(|c: char| c.is_ascii_digit())
            .unwrap_or(rest.len());
        let unit = match &rest[..unit_len] {
            "ms" => Duration::from_millis(n),
            "s" => Duration::from_secs(n),
            "m" => Duration::from_secs(n * 60),
            "h" => Duration::from_secs(n * 3600),
            "d" => Duration::from_secs(n * 86_400),
            _ => return Err(bad()),
        };
        total += unit;
        rest = &rest[unit_len..];
    }
    Ok(total)
}

#[derive(Debug, Args)]
pub struct CleanArgs {
    #[arg(required = true)]
    pub paths: Vec<PathBuf>,
    #[arg(long, value_enum, default_value_t = CleanFormat::Text)]
    pub format: CleanFormat,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum CleanFormat {
    Text,
    Json,
}

/// A period: `--period 2024-06 | 2024-Q2 | 2024`, or `--from`/`--to`; none means all data.
#[derive(Debug, Args, Clone)]
pub struct PeriodArgs {
    /// A month (2024-06), a quarter (2024-Q2) or a year (2024).
    #[arg(long, conflicts_with_all = ["from", "to"])]
    pub period: Option<String>,
    /// First day (or month, or year) included.
    #[arg(long)]
    pub from: Option<String>,
    /// Last day (or month, or year) included.
    #[arg(long)]
    pub to: Option<String>,
}

#[derive(Debug, Args)]
pub struct FactsArgs {
    /// Only this country (ISO2, ISO3 or name).
    #[arg(long)]
    pub country: Option<String>,
    #[command(flatten)]
    pub period: PeriodArgs,
    /// Full-text search over fact text.
    #[arg(long, short)]
    pub query: Option<String>,
    #[arg(long, value_enum, default_value_t = FactsFormat::Table)]
    pub format: FactsFormat,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum FactsFormat {
    Jsonl,
    Csv,
    Table,
    /// One JSON object per fact in the PLOVER/POLECAT spirit, for event-data researchers.
    Plover,
}

#[derive(Debug, Args)]
pub struct ScoresArgs {
    /// Only this country (ISO2, ISO3 or name).
    #[arg(long)]
    pub country: Option<String>,
    #[command(flatten)]
    pub period: PeriodArgs,
    /// One row per month, quarter or year over the period (or over the data's range).
    #[arg(long, value_enum)]
    pub by: Option<By>,
    #[arg(long, value_enum, default_value_t = TableFormat::Table)]
    pub format: TableFormat,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum By {
    Month,
    Quarter,
    Year,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum TableFormat {
    Json,
    Csv,
    Table,
}

#[derive(Debug, Args)]
pub struct ReportArgs {
    /// The country (ISO2, ISO3, or an English or French name).
    #[arg(required_unless_present = "all", conflicts_with = "all")]
    pub country: Option<String>,
    /// Every country with evidence in the period (use with --out).
    #[arg(long)]
    pub all: bool,
    #[command(flatten)]
    pub period: PeriodArgs,
    #[arg(long, value_enum, default_value_t = ReportFormat::Md)]
    pub format: ReportFormat,
    /// Write to this file instead of standard output.
    #[arg(short = 'o', long = "output", conflicts_with = "out")]
    pub output: Option<PathBuf>,
    /// Write one file per country (and an index) into this directory.
    #[arg(long)]
    pub out: Option<PathBuf>,
    /// Who writes the narrative: orbit's own writer (offline, byte-identical runs), or an
    /// OpenAI-compatible LLM at $ORBIT_LLM_URL (model $ORBIT_LLM_MODEL, key
    /// $ORBIT_LLM_API_KEY) whose every citation orbit checks; a rejected answer is retried
    /// once, then replaced by orbit's own text with a note saying so.
    #[arg(long, value_enum, default_value_t = WriterChoice::Deterministic)]
    pub writer: WriterChoice,
}

#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum WriterChoice {
    Deterministic,
    Llm,
}

#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum ReportFormat {
    Md,
    Html,
    Json,
}

impl ReportFormat {
    pub fn extension(self) -> &'static str {
        match self {
            ReportFormat::Md => "md",
            ReportFormat::Html => "html",
            ReportFormat::Json => "json",
        }
    }
}

#[derive(Debug, Args)]
pub struct DemoArgs {
    /// Where to write the demo database and reports.
    #[arg(long, default_value = "orbit-demo")]
    pub dir: PathBuf,
    /// Then serve the dashboard over the demo database (see `orbit serve`).
    #[arg(long)]
    pub serve: bool,
    /// The address the dashboard listens on with --serve.
    #[arg(long, default_value = "127.0.0.1:8080", requires = "serve")]
    pub addr: std::net::SocketAddr,
}

#[derive(Debug, Args)]
pub struct ServeArgs {
    /// The address to listen on (IP:PORT; port 0 picks a free one). Loopback by default:
    /// anything else makes the dashboard reachable from the network.
    #[arg(long, default_value = "127.0.0.1:8080")]
    pub addr: std::net::SocketAddr,
}

#[derive(Debug, Args)]
pub struct EvalArgs {
    /// Labelled articles: orbit's article JSON plus `labels: {countries, direction, ...}` per line.
    #[arg(long)]
    pub labels: PathBuf,
    /// Expert country scores: `country,period,score[,rationale]` (empty period = whole corpus).
    #[arg(long)]
    pub countries: Option<PathBuf>,
    /// Score countries for this period and compare with the expert rows of that period.
    #[arg(long)]
    pub period: Option<String>,
    #[arg(long, value_enum, default_value_t = EvalFormat::Table)]
    pub format: EvalFormat,
    /// Fail (exit 1) when a headline metric falls below the floor in this TOML file.
    #[arg(long)]
    pub floor: Option<PathBuf>,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum EvalFormat {
    Table,
    Json,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_read_like_people_write_them() {
        assert_eq!(parse_duration("15m"), Ok(Duration::from_secs(900)));
        assert_eq!(parse_duration("1h30m"), Ok(Duration::from_secs(5400)));
        assert_eq!(parse_duration("500ms"), Ok(Duration::from_millis(500)));
        assert_eq!(parse_duration("45"), Ok(Duration::from_secs(45)));
        assert!(parse_duration("soon").is_err());
        assert!(parse_duration("5 minutes").is_err());
    }
}
