//! Domain errors: what went wrong, in words a client can act on.

use crate::store::StoreError;

#[derive(Debug, thiserror::Error)]
pub enum DomainError {
    #[error("{0}")]
    NotFound(String),
    #[error("{0}")]
    Invalid(String),
    #[error("Forbidden")]
    Forbidden,
    #[error("{0}")]
    Conflict(String),
    /// A service the request needs (the search server) is down; retrying later may work.
    #[error("{0}")]
    Unavailable(String),
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl From<diesel::result::Error> for DomainError {
    fn from(e: diesel::result::Error) -> Self {
        match e {
            diesel::result::Error::NotFound => Self::NotFound("Not Found".into()),
            other => Self::Store(StoreError::Query(other)),
        }
    }
}

pub type DomainResult<T> = Result<T, DomainError>;
