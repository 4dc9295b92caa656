//! The one error type of REST 2.0 handlers, rendered in RT's shapes.

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, ResponseError};
use hushdesk_api::rest2::ErrorBody;

use crate::domain::error::DomainError;
use crate::store::StoreError;

#[derive(Debug, thiserror::Error)]
pub enum ApiError {
    #[error("Not Found")]
    NotFound,
    #[error("{0}")]
    BadRequest(String),
    #[error("Unauthorized")]
    Unauthorized,
    /// RT sends browsers (a Cookie header or a Mozilla user agent) to the login page.
    #[error("Unauthorized")]
    LoginRedirect,
    #[error("Forbidden")]
    Forbidden,
    #[error("{0}")]
    Conflict(String),
    #[error("Request body too large")]
    TooLarge,
    #[error("Internal Server Error")]
    Internal(String),
    /// 503: a service the request needs is down.
    #[error("{0}")]
    Unavailable(String),
}

impl From<DomainError> for ApiError {
    fn from(e: DomainError) -> Self {
        match e {
            DomainError::NotFound(_) => Self::NotFound,
            DomainError::Invalid(m) => Self::BadRequest(m),
            DomainError::Forbidden => Self::Forbidden,
            DomainError::Conflict(m) => Self::Conflict(m),
            DomainError::Unavailable(m) => Self::Unavailable(m),
            DomainError::Store(s) => Self::from(s),
        }
    }
}

impl From<StoreError> for ApiError {
    fn from(e: StoreError) -> Self {
        Self::Internal(e.to_string())
    }
}

impl From<diesel::result::Error> for ApiError {
    fn from(e: diesel::result::Error) -> Self {
        DomainError::from(e).into()
    }
}

impl ResponseError for ApiError {
    fn status_code(&self) -> StatusCode {
        match self {
            Self::NotFound => StatusCode::NOT_FOUND,
            Self::BadRequest(_) => StatusCode::BAD_REQUEST,
            Self::Unauthorized => StatusCode::UNAUTHORIZED,
            Self::LoginRedirect => StatusCode::FOUND,
            Self::Forbidden => StatusCode::FORBIDDEN,
            Self::Conflict(_) => StatusCode::CONFLICT,
            Self::TooLarge => StatusCode::PAYLOAD_TOO_LARGE,
            Self::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
            Self::Unavailable(_) => StatusCode::SERVICE_UNAVAILABLE,
        }
    }

    fn error_response(&self) -> HttpResponse {
        if let Self::Internal(detail) = self {
            tracing::error!(error = %detail, "internal error");
        }
        if let Self::LoginRedirect = self {
            return HttpResponse::Found()
                .insert_header(("Location", "/"))
                .finish();
        }
        HttpResponse::build(self.status_code())
            .content_type("application/json; charset=utf-8")
            .json(ErrorBody {
                message: self.to_string(),
            })
    }
}

pub type ApiResult<T> = Result<T, ApiError>;
