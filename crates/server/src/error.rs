//! What can go wrong: at start-up ([`ServeError`]) and in one request ([`ApiError`]).

use std::path::PathBuf;

use axum::http::StatusCode;

/// Why the dashboard could not start.
#[derive(Debug, thiserror::Error)]
pub enum ServeError {
    /// The database file does not exist; the server never creates one.
    #[error(
        "no database at {0}: load articles first with `orbit --db {0} ingest PATH...`, or try `orbit demo --serve`"
    )]
    NoDatabase(PathBuf),
    /// The database exists but could not be opened or read.
    #[error("cannot use database {path}: {source}")]
    Store {
        path: PathBuf,
        #[source]
        source: orbit_store::StoreError,
    },
    /// A data file (gazetteer, weights, map) is missing an entry or does not parse.
    #[error(transparent)]
    Data(#[from] orbit_core::DataError),
    /// The address could not be bound (in use, not local, not permitted).
    #[error("cannot listen on {addr}: {source}")]
    Bind {
        addr: std::net::SocketAddr,
        #[source]
        source: std::io::Error,
    },
    /// The server stopped with an I/O error.
    #[error("the dashboard stopped: {0}")]
    Io(#[from] std::io::Error),
}

/// A request that cannot be answered: its status and a message for the person who sent it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApiError {
    pub status: StatusCode,
    pub message: String,
}

impl ApiError {
    /// 400: a parameter the dashboard does not understand, saying what it accepts.
    pub fn bad_request(message: impl Into<String>) -> Self {
        ApiError {
            status: StatusCode::BAD_REQUEST,
            message: message.into(),
        }
    }

    /// 404: no such country or page.
    pub fn not_found(message: impl Into<String>) -> Self {
        ApiError {
            status: StatusCode::NOT_FOUND,
            message: message.into(),
        }
    }

    /// 500: the store failed; the message names what was being done.
    pub fn internal(message: impl Into<String>) -> Self {
        ApiError {
            status: StatusCode::INTERNAL_SERVER_ERROR,
            message: message.into(),
        }
    }

    /// 503: every worker is busy for too long, or the worker pool is gone.
    pub fn unavailable(message: impl Into<String>) -> Self {
        ApiError {
            status: StatusCode::SERVICE_UNAVAILABLE,
            message: message.into(),
        }
    }
}

impl From<orbit_store::StoreError> for ApiError {
    fn from(e: orbit_store::StoreError) -> Self {
        ApiError::internal(format!("the database could not be read: {e}"))
    }
}
