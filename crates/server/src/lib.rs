//! orbit's dashboard (`orbit serve`): a colour-coded map of Africa with the country table,
//! a deep-dive page per country, a JSON API mirroring the CLI's contracts, and CSV downloads.
//!
//! One binary, no external assets (CSS, script and SVG are inline), works offline, and
//! read-only: it reads the database `orbit ingest` writes and never writes to it. Every page
//! is computed from the store, with the same scorer and report writer as the CLI, and kept
//! until the database changes (see `cache.rs`).
//!
//! Routes:
//!
//! | path | what |
//! |---|---|
//! | `/?period=&region=&sort=&dir=` | the map and the country table |
//! | `/country/{code}?period=&q=&category=&power=&direction=&source=&from=&to=` | report, trend, powers, evidence |
//! | `/api/scores?period=&region=` | scores of the countries with evidence (`orbit scores --format json`) |
//! | `/api/scores.csv?period=&region=` | the same as CSV |
//! | `/api/countries/{code}/report?period=` | the report (`orbit report --format json`) |
//! | `/api/countries/{code}/series?by=month&period=` | scores over time (`orbit scores --country C --by month`) |
//! | `/api/facts?country=&period=&q=&…&limit=` | facts (the objects of `orbit facts --format jsonl`, as an array) |
//! | `/api/facts.csv?…` | the same as CSV |
//!
//! ```no_run
//! let dashboard = orbit_server::Dashboard::open("orbit.db".as_ref(), None)?;
//! orbit_server::serve_blocking(dashboard, "127.0.0.1:8080".parse()?, |addr| {
//!     println!("serving at http://{addr}/");
//! })?;
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod cache;
mod chart;
mod csv_out;
mod error;
mod map;
mod model;
mod pages;
mod params;
mod routes;

use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use orbit_core::Gazetteer;
use orbit_score::Scorer;
use orbit_store::Store;
use tokio::sync::Semaphore;

pub use error::{ApiError, ServeError};
pub use map::{MAP_FILE, Map, Shape};

/// The dashboard over one database: its knowledge, its map, and a small pool of read
/// connections. Cheap to clone; clones share everything.
#[derive(Clone)]
pub struct Dashboard {
    state: Arc<State>,
}

pub(crate) struct State {
    pub db: PathBuf,
    pub db_name: String,
    pub gazetteer: Gazetteer,
    pub scorer: Scorer,
    pub map: Map,
    /// Documents computed from the database as it is now.
    pub cache: cache::Cache,
    /// Idle connections; a request takes one (or opens one) and puts it back.
    stores: Mutex<Vec<Store>>,
    /// At most this many requests read the store at once; the others wait their turn
    /// instead of piling threads and connections onto a few cores.
    workers: Arc<Semaphore>,
}

impl Dashboard {
    /// Opens the dashboard over the database at `db` (which must exist: the dashboard never
    /// creates or writes one), with the data files of `data` (or the built-in ones).
    pub fn open(db: &Path, data: Option<&Path>) -> Result<Dashboard, ServeError> {
        if !db.is_file() {
            return Err(ServeError::NoDatabase(db.to_path_buf()));
        }
        let gazetteer = Gazetteer::load(data)?;
        let scorer = Scorer::load(data)?;
        let map = Map::load(data, &gazetteer)?;
        let store = Store::open(db).map_err(|source| ServeError::Store {
            path: db.to_path_buf(),
            source,
        })?;
        // Reading once now turns a file that is not an orbit database into a start-up error.
        store.counts().map_err(|source| ServeError::Store {
            path: db.to_path_buf(),
            source,
        })?;
        let workers = std::thread::available_parallelism().map_or(2, |n| n.get()) * 2;
        Ok(Dashboard {
            state: Arc::new(State {
                db: db.to_path_buf(),
                db_name: db.file_name().map_or_else(
                    || db.display().to_string(),
                    |n| n.to_string_lossy().into_owned(),
                ),
                gazetteer,
                scorer,
                map,
                cache: cache::Cache::new(db),
                stores: Mutex::new(vec![store]),
                workers: Arc::new(Semaphore::new(workers)),
            }),
        })
    }

    /// The routes of the dashboard, ready to be served.
    pub fn router(&self) -> axum::Router {
        routes::router(self.state.clone())
    }
}

impl State {
    /// Runs `f` with a connection on the blocking pool, at most `workers` at a time.
    pub(crate) async fn with_store<T, F>(self: &Arc<Self>, f: F) -> Result<T, ApiError>
    where
        T: Send + 'static,
        F: FnOnce(&State, &Store) -> Result<T, ApiError> + Send + 'static,
    {
        let _permit = self
            .workers
            .clone()
            .acquire_owned()
            .await
            .map_err(|_| ApiError::unavailable("the dashboard is shutting down"))?;
        let state = self.clone();
        tokio::task::spawn_blocking(move || {
            let store = state.checkout()?;
            let result = f(&state, &store);
            state.checkin(store);
            result
        })
        .await
        .map_err(|e| ApiError::internal(format!("the request failed: {e}")))?
    }

    fn checkout(&self) -> Result<Store, ApiError> {
        if let Some(store) = self.stores.lock().ok().and_then(|mut s| s.pop()) {
            return Ok(store);
        }
        // Never create a database: Store::open would make an empty one if it had gone.
        if !self.db.is_file() {
            return Err(ApiError::internal(format!(
                "the database {} is no longer there",
                self.db.display()
            )));
        }
        Store::open(&self.db).map_err(ApiError::from)
    }

    fn checkin(&self, store: Store) {
        if let Ok(mut stores) = self.stores.lock() {
            stores.push(store);
        }
    }
}

/// Serves the dashboard on `listener` until the process ends.
pub async fn serve(listener: tokio::net::TcpListener, dashboard: Dashboard) -> std::io::Result<()> {
    axum::serve(listener, dashboard.router()).await
}

/// Binds `addr`, calls `ready` with the address actually bound (a port of 0 picks a free
/// one), and serves the dashboard until the process ends. Builds its own runtime.
pub fn serve_blocking(
    dashboard: Dashboard,
    addr: SocketAddr,
    ready: impl FnOnce(SocketAddr),
) -> Result<(), ServeError> {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?;
    runtime.block_on(async move {
        let listener = tokio::net::TcpListener::bind(addr)
            .await
            .map_err(|source| ServeError::Bind { addr, source })?;
        ready(listener.local_addr()?);
        serve(listener, dashboard).await?;
        Ok(())
    })
}
