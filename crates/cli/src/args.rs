//! Command-line flags (DESIGN §7 is the contract).

use std::path::PathBuf;

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
    /// Read articles (.jsonl/.json, .html/.htm, .txt/.md, directories, or - for stdin) into the database.
    Ingest(IngestArgs),
    /// Print what orbit reads from each file: title, date, language and main text.
    Clean(CleanArgs),
    /// List the stored facts.
    Facts(FactsArgs),
    /// Score countries for a period, or one country over time with --by.
    Scores(ScoresArgs),
    /// Write the cited analysis of a country (or all countries with evidence).
    Report(ReportArgs),
    /// Load the bundled demo corpus into a fresh database and write its reports.
    Demo(DemoArgs),
    /// Measure attribution, direction and scores against labelled articles.
    Eval(EvalArgs),
}

#[derive(Debug, Args)]
pub struct IngestArgs {
    /// Files or directories to read; - reads standard input.
    #[arg(required = true)]
    pub paths: Vec<PathBuf>,
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
